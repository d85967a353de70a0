"""A/B of Gc's in-place perturbation (chapter 00_core): ResNet-20 training steps of the baseline,
Ours with the shift added in place (the default) and Ours with it added out of place, in one
process, interleaved round by round.

    python benchmarks/inplace_ab.py --rounds 15      # CPU, fp32, batch 128
"""
import argparse, time
import torch
from layeradv import core
from layeradv.bench import stepper, print_steps
from layeradv.config import Amp

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('--rounds', type=int, default=15)
    ap.add_argument('--steps', type=int, default=3)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--nchw', action='store_true', help='contiguous NCHW instead of channels-last')
    a = ap.parse_args()
    cl, in_place = not a.nchw, core._in_place
    g = torch.Generator().manual_seed(0)
    x, y = (torch.randn(a.batch, 3, 32, 32, generator=g),
            torch.randint(0, 10, (a.batch,), generator=g))
    if cl: x = x.contiguous(memory_format=torch.channels_last)
    norm, amp = (torch.zeros(1, 3, 1, 1), torch.ones(1, 3, 1, 1)), Amp(torch.device('cpu'), 'none')
    arms = {'baseline': (stepper('resnet20', 'baseline', 'eager', x, y, norm, 10, amp, cl),
                         in_place),
            'ours in place': (stepper('resnet20', 'ours', 'eager', x, y, norm, 10, amp, cl),
                              in_place),
            'ours out-place': (stepper('resnet20', 'ours', 'eager', x, y, norm, 10, amp, cl),
                               lambda t: False)}
    def run(arm, n):
        one, rule = arms[arm]
        core._in_place = rule
        for _ in range(n): one()
    for arm in arms: run(arm, 3)                                   # warm up, fill the Gc caches
    times = {('eager', arm): [] for arm in arms}
    for _ in range(a.rounds):
        for arm in arms:
            t0 = time.perf_counter()
            run(arm, a.steps)
            times['eager', arm].append((time.perf_counter() - t0) / a.steps)
    core._in_place = in_place
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads")
    print_steps(times,
                f"resnet20, batch {a.batch}, cpu, fp32, {'channels-last' if cl else 'NCHW'}; "
                f"median over {a.rounds} "
                f"rounds of {a.steps} steps, arms interleaved (ratio: to the baseline of "
                "the same round)")
