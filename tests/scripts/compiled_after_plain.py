"""A compiled baseline, then compiled Gc runs of the same architecture in one process
(argv[1]: CIFAR-10): Gc acts, and compiled Ours equals eager Ours.
Run by tests/test_compile.py in a fresh one-thread process."""
import sys, tempfile
from layeradv.config import TrainConfig
from layeradv.train import train
from layeradv.core import gc_layers
data = sys.argv[1]
kw = dict(arch='toy_mlp', dataset='cifar10', data=data, grayscale=True, flip=False, epochs=1, batch_size=50, lr=0.01,
          eps=0.3, train_subset=300, test_subset=100, channels_last=False, device='cpu')
loss = {}
with tempfile.TemporaryDirectory() as d:
    for name, method, comp in [('base', 'baseline', 'true'), ('ours', 'ours', 'true'), ('matched', 'random_matched', 'true'),
                               ('eager', 'ours', 'false')]:
        m, h = train(TrainConfig(method=method, compile=comp, **kw), f'{d}/{name}', quiet=True)
        loss[name] = h[0]['train_loss']
        if method != 'baseline': assert all(g.sign is not None and g.sign.abs().sum() > 0 for g in gc_layers(m).values()), name
print(loss)
# compiled Ours = eager Ours
assert abs(loss['ours'] - loss['eager']) < 1e-4 * loss['eager'], loss
# ...and not the baseline's graph
assert abs(loss['ours'] - loss['base']) > 1e-2, loss
assert abs(loss['matched'] - loss['base']) > 1e-4 and abs(loss['matched'] - loss['ours']) > 1e-4, (
    loss
)
