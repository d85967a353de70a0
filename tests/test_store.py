"""The run store: one training per configuration, whichever study or table asks for it."""
import json
import layeradv.store as S
from layeradv.evidence import study, study_config, Arm
from layeradv.experiments import reproduce
from layeradv.store import RunStore, run_key
from test_ddp import make_tree

PROTOCOL = dict(arch='small_cnn', dataset='imagefolder', epochs=1, batch_size=16, lr=0.05,
                device='cpu', channels_last=False)

def test_same_configuration_in_two_studies_trains_once(tmp_path, monkeypatch):
    """Two studies (two tables) share a baseline and an Ours arm: the second study trains only its
    own arm"""
    data = str(make_tree(tmp_path / 'data'))
    calls = []
    real = S.train
    monkeypatch.setattr(
        S, 'train', lambda cfg, *a, **k: calls.append(run_key(cfg)) or real(cfg, *a, **k)
    )
    a = study('a', 'table A', PROTOCOL,
              arms={'baseline': Arm('baseline'), 'ours': Arm('ours', 0.1)}, claims=[], seeds=(0,))
    # fields that do not change training
    b_protocol = {**PROTOCOL, 'workers': 0, 'compile': 'false'}
    b = study('b', 'table B', b_protocol,
              arms={'baseline': Arm('baseline'), 'ours': Arm('ours', 0.1),
                    'strong': Arm('ours', 0.3)},
              claims=[], seeds=(0,))
    store, paths = RunStore(tmp_path / 'store', runs=tmp_path / 'runs'), {'imagefolder': data}
    ra = reproduce(a, 'cpu', paths, store=store)
    assert len(calls) == 2
    rb = reproduce(b, 'cpu', paths, store=store)
    # only the arm table A did not have
    assert len(calls) == 3, calls
    assert rb['baseline-s0'] == ra['baseline-s0'] and rb['ours-s0'] == ra['ours-s0']
    assert len(list((tmp_path / 'store').glob('*.json'))) == 3
    stored = json.loads(store.path(study_config(b_protocol, paths, 'ours', 0.1, 0)).read_text())
    assert stored['config']['eps'] == 0.1 and stored['history'][0]['epoch'] == 1
