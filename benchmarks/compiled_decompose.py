"""Where compiled Ours' extra time goes: the forward perturbation or the backward sign capture. Compiled ResNet-20 steps
(batch 128, CPU, fp32, channels-last) of the baseline and of Ours with parts of Gc switched off, timed in one process in
interleaved rounds (ratio: to the baseline of the same round; median and range over rounds).

    python benchmarks/compiled_decompose.py --rounds 15 --arms baseline,ours,capture_only,perturb_only
    python benchmarks/compiled_decompose.py --rounds 15 --arms baseline,ours,ours_unit,perturb_only,perturb_unit

Arms: ours (all of Gc), capture_only (perturb=False: the sign is cached, nothing is added), perturb_only (capture=False:
the perturbation from a fixed cache, no sign in the backward pass), and *_unit (the same with scale='unit', no read of
the activation for the scale).
"""
import argparse, time
import torch
from layeradv.config import TrainConfig, Amp
from layeradv.core import set_gc
from layeradv.train import STEPS, build_model, build_optim, compile_for_training

ARMS = {'baseline': ('baseline', {}), 'ours': ('ours', {}), 'capture_only': ('ours', dict(perturb=False)),
        'perturb_only': ('ours', dict(capture=False)), 'ours_unit': ('ours', dict(scale='unit')),
        'perturb_unit': ('ours', dict(capture=False, scale='unit'))}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--rounds', type=int, default=15)
    ap.add_argument('--arms', default='baseline,ours,capture_only,perturb_only')
    a = ap.parse_args()
    g = torch.Generator().manual_seed(0)
    x = torch.randn(128, 3, 32, 32, generator=g).contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (128,), generator=g)
    norm, amp = (torch.zeros(1, 3, 1, 1), torch.ones(1, 3, 1, 1)), Amp(torch.device('cpu'), 'none')
    def stepper(method, gc):
        cfg = TrainConfig(arch='resnet20', method=method, data='-', channels_last=True, eps=0.01)
        model = build_model(cfg, 10, x.device); opt, _ = build_optim(cfg, model)
        net = compile_for_training(model, model)
        STEPS[method](model, x, y, amp, cfg, norm); opt.zero_grad()      # one eager step first, as the trainer
        if gc: set_gc(model, **gc)
        def one(): opt.zero_grad(set_to_none=True); STEPS[method](net, x, y, amp, cfg, norm); amp.step(opt)
        for _ in range(3): one()
        return one
    names = a.arms.split(',')
    if names[0] != 'baseline' or any(n not in ARMS for n in names): ap.error(f"--arms: baseline first, then some of {list(ARMS)[1:]}")
    runs = {n: stepper(*ARMS[n]) for n in names}
    T = {n: [] for n in runs}
    for _ in range(a.rounds):
        for n, f in runs.items():
            t0 = time.perf_counter()
            for _ in range(3): f()
            T[n].append((time.perf_counter() - t0) / 3)
    med = lambda v: sorted(v)[len(v) // 2]
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; compiled ResNet-20, batch 128, {a.rounds} interleaved rounds of 3 steps")
    for n, v in T.items():
        r = sorted(s / b for s, b in zip(v, T['baseline']))
        print(f"{n:14s} {1000 * med(v):7.1f} ms  ratio {med(r):.3f} ({r[0]:.3f}-{r[-1]:.3f})")
