"""A/B of two ways of running Gc in eager ResNet-20 training steps (CPU fp32, or a GPU in bf16),
against the baseline, in one process, interleaved round by round (ratio: to the baseline of the same
round); the device's default way first:

    python benchmarks/eager_ab.py signs --rounds 30    # each Gc's sign written as its gradient
        # arrives (a CPU's default) or all at the end of the backward pass (a GPU's: DEFER_SIGNS)
    python benchmarks/eager_ab.py signs --device cuda --rounds 30 --steps 10
    python benchmarks/eager_ab.py inplace --rounds 15  # the perturbation added in place (the
        # default) or out of place (chapter 00_core)
"""
import argparse
import torch
from layeradv import core
from layeradv.bench import bench_batch, interleaved, stepper, print_steps
from layeradv.provenance import hardware

def toggled(one, device_type='cpu'):
    "Step `one` with `device_type`'s signs written the other way (at once / deferred)"
    other = device_type not in core.DEFER_SIGNS
    def f():
        with core.signs_deferred(device_type, other): one()
    return f

def out_of_place(one, device_type='cpu'):
    "Step `one` with every perturbation added out of place"
    def f():
        rule, core._in_place = core._in_place, lambda t: False
        try: one()
        finally: core._in_place = rule
    return f

WAYS = ('ours at once', 'ours deferred')
AB = {'signs': lambda dev: (*(WAYS[::-1] if dev in core.DEFER_SIGNS else WAYS), toggled),
      'inplace': lambda dev: ('ours in place', 'ours out-place', out_of_place)}

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('ab', choices=list(AB))
    ap.add_argument('--rounds', type=int, default=15)
    ap.add_argument('--steps', type=int, default=3)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--nchw', action='store_true', help='contiguous NCHW instead of channels-last')
    ap.add_argument('--device', default='cpu', help='cpu (fp32) or cuda (bf16 autocast)')
    a = ap.parse_args()
    dev = torch.device(a.device)
    cl, (name_a, name_b, other) = not a.nchw, AB[a.ab](dev.type)
    x, y, norm, amp = bench_batch(a.batch, dev, 'auto', channels_last=cl)
    step = lambda m: stepper('resnet20', m, 'eager', x, y, norm, 10, amp, cl)
    runs = {('eager', 'baseline'): step('baseline'), ('eager', name_a): step('ours'),
            ('eager', name_b): other(step('ours'), dev.type)}
    times = interleaved(runs, a.rounds, a.steps, device=dev)
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads on {hardware(dev)}")
    print_steps(times,
                f"resnet20, batch {a.batch}, {dev.type}, "
                f"{'fp32' if amp.mode == 'none' else amp.mode}, "
                f"{'channels-last' if cl else 'NCHW'}; "
                f"median over {a.rounds} rounds of {a.steps} steps, arms interleaved (ratio: to "
                "the baseline of the same round)")
