"""Does a BatchNorm's own statistics give the spread that the `act_std` scale estimates from 4
samples?

For a training-mode BatchNorm the output is gamma_c * xhat + beta_c per channel, xhat with zero mean
and unit variance over the batch, so the spread of the whole output follows from the affine
parameters alone: std = sqrt(mean_c gamma_c^2 + var_c beta_c) (no activation is read). This prints,
for every Gc host of a trained ResNet-20 (the committed r20-variants baseline, seed 0) on one
training batch of 128 CIFAR-10 images, the full-batch std of the BatchNorm output, today's 4-sample
estimate and the parameter formula, and their ratios.

    LAYERADV_CIFAR10=PATH python benchmarks/bn_scale.py      # output: results/bench_bn_scale.txt
"""
import torch, torch.nn as nn
from layeradv.store import committed_store
from layeradv.paths import committed_paths
from layeradv.train import build_data
from layeradv.repro.r20 import R20_VARIANTS
from layeradv.provenance import hardware

if __name__ == '__main__':
    cfg = R20_VARIANTS.grid(R20_VARIANTS.knobs('cpu'), committed_paths())['baseline-s0']
    model = committed_store().model(cfg).train()
    tr, _, _, _ = build_data(cfg, torch.device('cpu'))
    x, _ = next(iter(tr))
    outs = {}
    hooks = [m.register_forward_hook(lambda m, i, o, n=n: outs.__setitem__(n, (m, o.detach())))
             for n, m in model.named_modules() if isinstance(m, nn.BatchNorm2d)]
    with torch.no_grad(): model(x)
    for h in hooks: h.remove()
    print(
        f"torch {torch.__version__} on {hardware('cpu')}; {len(outs)} BatchNorm layers, "
        f"batch {len(x)}"
    )
    print(
        f"{'layer':<22}{'full std':>10}{'4 samples':>11}{'formula':>10}{'4/full':>8}"
        f"{'formula/full':>14}"
    )
    r4, rf = [], []
    for n, (m, o) in outs.items():
        full, four = o.std().item(), o[:4].std().item()
        form = (m.weight.pow(2).mean() + m.bias.var(correction=0)).sqrt().item()
        r4.append(four / full)
        rf.append(form / full)
        print(
            f"{n:<22}{full:>10.4f}{four:>11.4f}{form:>10.4f}{four / full:>8.3f}{form / full:>14.3f}"
        )
    for name, r in (('4 samples / full', r4), ('formula / full', rf)):
        t = torch.tensor(r)
        print(f"{name}: mean {t.mean():.3f}, min {t.min():.3f}, max {t.max():.3f}")
