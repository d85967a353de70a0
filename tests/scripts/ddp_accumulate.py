"""A user's own DDP loop with Gc (one rank of 2 under torchrun, gloo): each optimiser step accumulates two micro-batches,
the first under `no_sync`; no `find_unused_parameters`. Saves this rank's parameters, Gc caches and losses.
Run by tests/test_ddp.py."""
import contextlib, sys, torch, torch.distributed as dist, torch.nn as nn, torch.nn.functional as F
from layeradv.core import add_gc, gc_layers

out = sys.argv[1]
dist.init_process_group('gloo'); rank = dist.get_rank()
torch.manual_seed(0)                                           # the same model on every rank
net = nn.Sequential(
    nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(), nn.Flatten(), nn.Linear(512, 10)
)
model = add_gc(net, eps=0.1)
ddp = nn.parallel.DistributedDataParallel(model)
opt = torch.optim.SGD(ddp.parameters(), lr=0.05)
g = torch.Generator().manual_seed(100 + rank)                  # each rank its own data
losses = []
for step in range(3):
    opt.zero_grad()
    for micro in range(2):
        x, y = torch.randn(4, 3, 8, 8, generator=g), torch.randint(0, 10, (4,), generator=g)
        with ddp.no_sync() if micro == 0 else contextlib.nullcontext():
            loss = F.cross_entropy(ddp(x), y); loss.backward()
        losses.append(loss.item())
    opt.step()
caches = {n: gc.sign.clone() for n, gc in gc_layers(model).items()}
# (BN buffers stay per rank)
params = {n: p.detach().clone() for n, p in model.named_parameters()}
torch.save(dict(params=params, caches=caches, losses=losses), f'{out}/rank{rank}.pt')
dist.destroy_process_group()
