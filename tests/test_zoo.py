"""Gc in models no one here wrote: timm's and torchvision's. Every Gc lands where the paper puts
it (after the normalization, before its activation when the two are fused), a few training steps
fill every cache, and the model in eval mode computes exactly what the stripped model computes."""
import copy
import pytest, torch
import torch.nn.functional as F
from layeradv.core import add_gc, strip_gc, gc_layers, gc_plan, fused_act

timm = pytest.importorskip('timm')

def train_and_check(model, size=32, steps=2):
    "Train `model` with Gc for `steps` steps on random data; check caches and eval equivalence"
    torch.manual_seed(0)
    add_gc(model, eps=0.1)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    x, y = torch.randn(4, 3, size, size), torch.randint(0, 10, (4,))
    for _ in range(steps):
        loss = F.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        assert torch.isfinite(loss)
    assert all(g.sign is not None for g in gc_layers(model).values())
    model.eval()
    plain = strip_gc(copy.deepcopy(model)).eval()
    with torch.no_grad(): assert torch.equal(model(x), plain(x))
    return model

FUSED = ['efficientnet_b0', 'mobilenetv3_small_100', 'regnety_002']

@pytest.mark.parametrize('name', ['resnet18', 'convnext_atto', *FUSED])
def test_timm_models_train_with_gc(name):
    model = timm.create_model(name, num_classes=10, pretrained=False)
    plan = gc_plan(model)
    fused = [r for r in plan if r['place'] != 'after it']
    # BatchNormAct2d: the Gc goes before its activation
    if name in FUSED:
        assert fused and all(r['type'].endswith('Act2d') for r in fused), plan[:3]
        assert all(fused_act(model.get_submodule(r['host'])) is not None for r in fused)
    else: assert not fused, fused[:3]
    train_and_check(model)

def test_timm_fused_gc_acts_before_the_activation():
    """A BatchNormAct2d with ReLU and a huge eps: its output stays >= 0 (the perturbation passed
    through the ReLU)"""
    from timm.layers import BatchNormAct2d
    torch.manual_seed(0)
    m = torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), BatchNormAct2d(4, act_layer=torch.nn.ReLU),
                            torch.nn.Flatten(), torch.nn.Linear(4 * 6 * 6, 10))
    add_gc(m, eps=50.0, scale='unit')
    x, out = torch.randn(8, 3, 8, 8), {}
    m[1].register_forward_hook(lambda mod, i, o: out.update(o=o.detach()))
    for _ in range(2): F.cross_entropy(m(x), torch.randint(0, 10, (8,))).backward()
    assert out['o'].min() >= 0 and out['o'].max() > 40

@pytest.mark.parametrize('name', ['resnet18', 'mobilenet_v3_small'])
def test_torchvision_models_train_with_gc(name):
    import torchvision
    model = getattr(torchvision.models, name)(num_classes=10)
    assert all(r['place'] == 'after it' and 'BatchNorm' in r['type'] for r in gc_plan(model))
    train_and_check(model, size=64)
