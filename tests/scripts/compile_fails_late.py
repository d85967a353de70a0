"""A compiled model whose second call fails (as torch 2.11 did once Gc caches existed): the
trainer undoes the step and goes on eagerly, equal to an eager run (argv[1]: CIFAR-10).
Run by tests/test_compile.py in a fresh one-thread process."""
import sys, tempfile, torch
import layeradv.train as T
from layeradv.config import TrainConfig
# a compiled model whose second call fails, as torch 2.11's Dynamo fails once Gc caches exist
class Late:
    def __init__(self, m): self.m, self.calls = m, 0
    def __call__(self, *a, **k):
        self.calls += 1
        if self.calls == 2: raise RuntimeError("Argument 'l_self_sign' of Node 'r' was used before it has been defined!")
        return self.m(*a, **k)
    def __getattr__(self, k): return getattr(self.m, k)
torch.compile = lambda m, **k: Late(m)
kw = dict(arch='small_cnn', method='ours', dataset='cifar10', data=sys.argv[1], epochs=2, batch_size=64, lr=0.05, eps=0.1,
          train_subset=300, test_subset=100, device='cpu')
with tempfile.TemporaryDirectory() as d:
    _, late = T.train(TrainConfig(compile='true', **kw), f'{d}/late', quiet=True)
    _, eager = T.train(TrainConfig(compile='false', **kw), f'{d}/eager', quiet=True)
strip = lambda h: [{k: v for k, v in r.items() if k != 'seconds'} for r in h]
assert strip(late) == strip(eager), (late, eager)
