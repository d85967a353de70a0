"""Training-step time of every method relative to `baseline`, eager and compiled, measured side by
side in one run, plus seconds per epoch (also `layeradv bench --compile --epoch`).

    python benchmarks/step_overhead.py --rounds 15 --compile --epoch  # ResNet-20, 128, CPU, fp32
    python benchmarks/step_overhead.py --gpu --compile --epoch        # ResNet-56, 512, CUDA, bf16
    python benchmarks/step_overhead.py --ops                          # operators per eager step
    # one process per (mode, method), processes interleaved (fair for compiled models); each
    # process times its method and the baseline in interleaved rounds:
    python benchmarks/step_overhead.py --isolated --compile --epoch \
        --methods ours,random,random_matched --reps 3
"""
import argparse
import torch
from layeradv.bench import bench_steps, print_steps, epoch_seconds, bench_isolated, ops_table
from layeradv.provenance import hardware
from layeradv.config import METHODS

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('--gpu', action='store_true')
    ap.add_argument('--rounds', type=int, default=9)
    ap.add_argument('--steps', type=int, default=3)
    ap.add_argument(
        '--compile', action='store_true', help='also time compiled models (interleaved with eager)'
    )
    ap.add_argument('--epoch', action='store_true',
                    help='also time one epoch (10,000 images) + evaluation (10,000)')
    ap.add_argument('--methods', default=None,
                    help='comma-separated methods (default: all; baseline is always timed)')
    ap.add_argument(
        '--arch', default=None, help='model (default resnet20 on the CPU, resnet56 on the GPU)'
    )
    ap.add_argument('--batch', type=int, default=None,
                    help='batch size (default 128 on the CPU, 512 on the GPU)')
    ap.add_argument('--isolated', action='store_true',
                    help='one process per (mode, method), interleaved repetitions (CPU)')
    ap.add_argument('--reps', type=int, default=3, help='--isolated: repetitions')
    ap.add_argument('--ops', action='store_true', help='only count the operators per step')
    a = ap.parse_args()
    modes = ('eager', 'compiled') if a.compile else ('eager',)
    print(
        f"torch {torch.__version__}, {torch.get_num_threads()} threads on "
        f"{hardware('cuda' if a.gpu else 'cpu')}"
    )
    if a.gpu:
        torch.backends.cudnn.benchmark = True
        print(f"GPU: {torch.cuda.get_device_name()}")
        arch, bs, dev, amp = 'resnet56', 512, 'cuda', 'bf16'
    else: arch, bs, dev, amp = 'resnet20', 128, 'cpu', 'none'
    arch, bs = a.arch or arch, a.batch or bs
    methods = (('baseline', *[m for m in a.methods.split(',') if m != 'baseline']) if a.methods
               else tuple(METHODS))
    print(f"operators per eager step ({arch}, batch {bs}; extra per Gc, all and not views):",
          *(f"{m} {n} (+{e}, +{g} per Gc, +{k} not views)" for m, n, e, g, k in
          ops_table(arch, [m for m in methods if m != 'baseline' and m != 'fgs'], bs, device=dev)),
          sep='\n  ')
    for s in ('bn_affine', 'unit'):                      # the scales that read no activation
        _, n, e, g, k = ops_table(arch, ['ours'], bs, device=dev, scale=s)[1]
        print(f"  ours, scale {s} {n} (+{e}, +{g} per Gc, +{k} not views)")
    if a.ops: raise SystemExit
    if a.isolated:
        t, ep, r = bench_isolated(arch, bs, methods, modes, a.reps, a.rounds, a.steps, a.epoch)
        print_steps(t,
                    f"{arch}, batch {bs}, {dev}, amp {amp}, channels-last; one process per row and "
                    "repetition, "
                    f"{a.reps} repetitions (each the median of {a.rounds} rounds of {a.steps} "
                    "steps); median and range over "
                    "repetitions (ratio: to the baseline timed in the same process, "
                    "interleaved round by round, the "
                    f"median of the per-round ratios)", ratios=r)
        for (mode, m), s in ep.items():
            if s: print(f"{arch} {mode:<8} {m:<15}: one epoch of 10,000 images + evaluation of "
                        f"10,000: {s[0]:.1f} s")
        raise SystemExit
    t = bench_steps(arch, bs, methods=methods, modes=modes, device=dev, amp=amp, rounds=a.rounds,
                    steps_per_round=a.steps)
    print_steps(t,
                f"{arch}, batch {bs}, {dev}, amp {amp}, channels-last; median over {a.rounds} "
                f"rounds of {a.steps} steps "
                f"(ratio: to the baseline of the same mode and round)")
    if a.epoch:
        for mode in modes:
            for m in ('baseline', 'ours'):
                s = epoch_seconds(arch, m, mode, batch_size=bs, device=dev, amp=amp)
                print(
                    f"{arch} {mode:<8} {m:<8}: one epoch of 10,000 images + evaluation of "
                    f"10,000: {s:.1f} s"
                )
