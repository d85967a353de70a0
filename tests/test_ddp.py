"""Data-parallel training under torchrun with 2 gloo processes on the CPU: both ranks end with
identical parameters."""
import numpy as np, pytest, torch
from PIL import Image
from conftest import ROOT, torchrun

def make_tree(root, n_train=48, n_test=16, classes=('a', 'b', 'c')):
    rng = np.random.default_rng(0)
    for split, n in (('train', n_train), ('test', n_test)):
        for c in classes:
            d = root / split / c
            d.mkdir(parents=True)
            for i in range(n // len(classes)):
                Image.fromarray(rng.integers(0, 256, (32, 32, 3), dtype=np.uint8)).save(
                    d / f'{i}.png'
                )
    return root

@pytest.mark.parametrize('method,compile',
                         [('ours', 'false'), ('fgs_inter', 'false'), ('ours', 'true')])
def test_two_gloo_ranks_end_identical(tmp_path, method, compile):
    data, out = make_tree(tmp_path / 'data'), tmp_path / 'run'
    env = {'LAYERADV_CACHE': str(tmp_path / 'cache'), 'PATH': '/usr/bin:/bin',
           'OMP_NUM_THREADS': '1', 'TORCHINDUCTOR_CACHE_DIR': str(tmp_path / 'inductor')}
    r = torchrun(ROOT / 'tests' / 'ddp_worker.py', data, out, method, compile, env=env)
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    a, b = torch.load(out / 'rank0.pt'), torch.load(out / 'rank1.pt')
    assert a.keys() == b.keys()
    for k in a: assert torch.equal(a[k], b[k]), k
    init = torch.load(out / 'init.pt')
    # training moved the weights
    assert any(not torch.equal(init[k], a[k]) for k in a if a[k].is_floating_point())
    # rank 0 wrote the run: header + 2 epochs
    assert (out / 'metrics.csv').read_text().count('\n') == 3

def test_users_ddp_loop_with_no_sync_accumulation(tmp_path):
    """A plain DDP loop, two micro-batches per step (the first under no_sync): ranks agree on the
    weights, not the caches"""
    r = torchrun(ROOT / 'tests' / 'scripts' / 'ddp_accumulate.py', tmp_path, timeout=300,
                 env={'PATH': '/usr/bin:/bin', 'OMP_NUM_THREADS': '1'})
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    a, b = torch.load(tmp_path / 'rank0.pt'), torch.load(tmp_path / 'rank1.pt')
    # gradients were all-reduced
    for k in a['params']: assert torch.equal(a['params'][k], b['params'][k]), k
    # one Gc per BatchNorm
    assert list(a['caches']) == list(b['caches']) and a['caches']
    for n in a['caches']:
        # each rank's cache filled
        assert a['caches'][n].abs().sum() > 0 and b['caches'][n].abs().sum() > 0
        # from its own micro-batches
        assert not torch.equal(a['caches'][n], b['caches'][n])
    assert all(np.isfinite(a['losses'] + b['losses'])) and len(a['losses']) == 6
