"""Compiled training steps of one method (argv[1]) never recompile per step: 4 epochs of
batches of changing size with evaluation in between keep the number of graphs after the first.
Run by tests/test_compile.py in a fresh one-thread process."""
import sys, torch, torch._dynamo.utils as U
from layeradv.config import TrainConfig, Amp
from layeradv.train import build_model, build_optim, STEPS, evaluate
method = sys.argv[1]
cfg = TrainConfig(arch='small_cnn', method=method, data='-', eps=0.1, alpha=0.5)
torch.manual_seed(0)
model = build_model(cfg, 10, torch.device('cpu'))
opt, _ = build_optim(cfg, model)
amp = Amp(torch.device('cpu'))
net = torch.compile(model)
norm = (torch.zeros(1, 3, 1, 1), torch.ones(1, 3, 1, 1))
batch = lambda n: (torch.randn(n, 3, 32, 32).contiguous(memory_format=torch.channels_last), torch.randint(0, 10, (n,)))
test = [batch(50), batch(50), batch(20)]
def epoch():                               # 3 full batches and a smaller last one, then evaluation
    net.train()
    for n in (32, 32, 32, 8):
        x, y = batch(n); opt.zero_grad(); STEPS[method](net, x, y, amp, cfg, norm); amp.step(opt)
    evaluate(net, test, amp)
graphs = []
for _ in range(4):
    epoch(); graphs.append(U.counters['stats']['unique_graphs'])
print(graphs)
assert graphs[1] == graphs[2] == graphs[3], graphs
