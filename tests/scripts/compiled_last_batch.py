"""Compiled training with a smaller last batch equals eager training, with one training graph and
one evaluation graph (argv[1]: CIFAR-10).
Run by tests/test_compile.py in a fresh one-thread process."""
import sys, tempfile, torch._dynamo.utils as U
from layeradv.config import TrainConfig
from layeradv.train import train
kw = dict(arch='toy_mlp', dataset='cifar10', data=sys.argv[1], grayscale=True, flip=False, epochs=2, batch_size=50, lr=0.01,
          eps=0.3, method='ours', train_subset=330, test_subset=100, channels_last=False, device='cpu')   # 6 batches of 50 + 30
with tempfile.TemporaryDirectory() as d:
    h = {
        c: train(TrainConfig(compile=c, **kw), f'{d}/{c}', quiet=True)[1] for c in ('true', 'false')
    }
loss = {c: [r['train_loss'] for r in v] for c, v in h.items()}
graphs = U.counters['stats']['unique_graphs']
print(loss, graphs)
# one training graph (batches of 50) and one for evaluation
assert graphs == 2, graphs
assert all(abs(a - b) < 1e-4 * b for a, b in zip(loss['true'], loss['false'])), loss
