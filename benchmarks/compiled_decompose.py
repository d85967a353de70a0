"""Where compiled Ours' extra time goes: the forward perturbation or the backward sign capture.
Compiled ResNet-20 steps (batch 128, CPU, fp32, channels-last) of the baseline and of Ours with
parts of Gc switched off, timed in one process in interleaved rounds (ratio: to the baseline of the
same round; median and range over rounds).

    python benchmarks/compiled_decompose.py --rounds 15 \
        --arms baseline,ours,capture_only,perturb_only
    python benchmarks/compiled_decompose.py --rounds 15 \
        --arms baseline,ours,ours_unit,perturb_only,perturb_unit

Arms: ours (all of Gc), capture_only (perturb=False: the sign is cached, nothing is added),
perturb_only (capture=False: the perturbation from the cache of the first, eager step, no sign in
the backward pass), and *_unit (the same with scale='unit', no read of the activation for the
scale).
"""
import argparse
import torch
from layeradv.bench import bench_batch, interleaved, stepper, print_steps
from layeradv.provenance import hardware

ARMS = {'baseline': ('baseline', None), 'ours': ('ours', None),
        'capture_only': ('ours', dict(perturb=False)),
        'perturb_only': ('ours', dict(capture=False)), 'ours_unit': ('ours', dict(scale='unit')),
        'perturb_unit': ('ours', dict(capture=False, scale='unit'))}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('--rounds', type=int, default=15)
    ap.add_argument('--arms', default='baseline,ours,capture_only,perturb_only')
    a = ap.parse_args()
    names = a.arms.split(',')
    if names[0] != 'baseline' or any(n not in ARMS for n in names):
        ap.error(f"--arms: baseline first, then some of {list(ARMS)[1:]}")
    x, y, norm, amp = bench_batch()
    run = lambda n: stepper('resnet20', ARMS[n][0], 'compiled', x, y, norm, 10, amp, True,
                            gc=ARMS[n][1])
    times = interleaved({('compiled', n): run(n) for n in names}, a.rounds)
    print_steps(times,
                f"torch {torch.__version__}, {torch.get_num_threads()} threads on "
                f"{hardware('cpu')}; compiled "
                f"ResNet-20, batch 128, {a.rounds} "
                "interleaved rounds of 3 steps (ratio: to the baseline of the same round)")
