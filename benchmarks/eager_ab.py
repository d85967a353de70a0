"""A/B of two ways of running Gc in eager ResNet-20 training steps (CPU, fp32), against the
baseline, in one process, interleaved round by round (ratio: to the baseline of the same round):

    python benchmarks/eager_ab.py signs --rounds 30    # each Gc's sign written as its gradient
        # arrives (a CPU's default) or all at the end of the backward pass (a GPU's: DEFER_SIGNS)
    python benchmarks/eager_ab.py inplace --rounds 15  # the perturbation added in place (the
        # default) or out of place (chapter 00_core)
"""
import argparse
import torch
from layeradv import core
from layeradv.bench import bench_batch, interleaved, stepper, print_steps
from layeradv.provenance import hardware

def deferred(one):
    "Step `one` with every sign written at the end of the backward pass"
    def f():
        with core.signs_deferred(): one()
    return f

def out_of_place(one):
    "Step `one` with every perturbation added out of place"
    def f():
        rule, core._in_place = core._in_place, lambda t: False
        try: one()
        finally: core._in_place = rule
    return f

AB = {'signs': ('ours at once', 'ours deferred', deferred),
      'inplace': ('ours in place', 'ours out-place', out_of_place)}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('ab', choices=list(AB))
    ap.add_argument('--rounds', type=int, default=15)
    ap.add_argument('--steps', type=int, default=3)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--nchw', action='store_true', help='contiguous NCHW instead of channels-last')
    a = ap.parse_args()
    cl, (name_a, name_b, other) = not a.nchw, AB[a.ab]
    x, y, norm, amp = bench_batch(a.batch, channels_last=cl)
    step = lambda m: stepper('resnet20', m, 'eager', x, y, norm, 10, amp, cl)
    runs = {('eager', 'baseline'): step('baseline'), ('eager', name_a): step('ours'),
            ('eager', name_b): other(step('ours'))}
    times = interleaved(runs, a.rounds, a.steps)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads on {hardware('cpu')}")
    print_steps(times,
                f"resnet20, batch {a.batch}, cpu, fp32, {'channels-last' if cl else 'NCHW'}; "
                f"median over {a.rounds} rounds of {a.steps} steps, arms interleaved (ratio: to "
                "the baseline of the same round)")
