"""The run store: one training per configuration, whichever study or table asks for it."""
import json
import layeradv.store as S
from layeradv.evidence import Study
from layeradv.store import RunStore, run_key
from test_ddp import make_tree

PROTOCOL = dict(arch='small_cnn', dataset='imagefolder', epochs=1, batch_size=16, lr=0.05, device='cpu', channels_last=False)

def test_same_configuration_in_two_studies_trains_once(tmp_path, monkeypatch):
    "Two studies (two tables) share a baseline and an Ours arm: the second study trains only its own arm"
    data = str(make_tree(tmp_path / 'data'))
    calls = []
    real = S.train
    monkeypatch.setattr(S, 'train', lambda cfg, *a, **k: calls.append(run_key(cfg)) or real(cfg, *a, **k))
    a = Study('a', 'table A', PROTOCOL, arms={'baseline': ('baseline', 0.0, {}), 'ours': ('ours', 0.1, {})}, claims=[], seeds=(0,))
    b = Study('b', 'table B', {**PROTOCOL, 'workers': 0, 'compile': 'false'},       # fields that do not change training
              arms={'baseline': ('baseline', 0.0, {}), 'ours': ('ours', 0.1, {}), 'strong': ('ours', 0.3, {})},
              claims=[], seeds=(0,))
    store = RunStore(tmp_path / 'store', runs=tmp_path / 'runs')
    _, _, ra = a.run({'imagefolder': data}, store, log=None)
    assert len(calls) == 2
    _, _, rb = b.run({'imagefolder': data}, store, log=None)
    assert len(calls) == 3, calls                                        # only the arm table A did not have
    assert rb['baseline', 0] == ra['baseline', 0] and rb['ours', 0] == ra['ours', 0]
    assert len(list((tmp_path / 'store').glob('*.json'))) == 3
    stored = json.loads(store.path(b.config(data, 'ours', 0.1, 0)).read_text())
    assert stored['config']['eps'] == 0.1 and stored['history'][0]['epoch'] == 1
