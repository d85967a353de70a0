"""torch.compile of a Gc model after a plain model of the same class, no Dynamo reset: Gc acts, as
in eager mode.
Run by tests/test_compile.py in a fresh one-thread process."""
import torch, torch.nn.functional as F
from layeradv.models import get_model
from layeradv.core import add_gc, gc_layers
torch.manual_seed(0); x, y = torch.randn(32, 1, 32, 32), torch.randint(0, 10, (32,))
def losses(model, compiled):
    net = torch.compile(model) if compiled else model
    out = []
    for _ in range(3):
        loss = F.cross_entropy(net(x), y); model.zero_grad(); loss.backward(); out.append(loss.item())
        with torch.no_grad():
            for p in model.parameters(): p -= 0.05 * p.grad
    return out
mk = lambda: get_model('toy_mlp', 10, in_shape=(1, 32, 32))
# a plain model of the class, compiled first
torch.manual_seed(1); base = losses(mk(), True)
# then the same class with Gc, compiled
torch.manual_seed(1); m = add_gc(mk(), eps=0.5); ours = losses(m, True)
torch.manual_seed(1); eager = losses(add_gc(mk(), eps=0.5), False)
print(base, ours, eager)
assert all(g.sign is not None for g in gc_layers(m).values()), 'compiled Gc layers never ran'
assert max(abs(a - b) for a, b in zip(ours, eager)) < 1e-4 and abs(ours[2] - base[2]) > 1e-3
