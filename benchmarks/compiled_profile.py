"""Where a compiled training step spends its time (ResNet-20, batch 128, CPU): the profiler's top
operations per step. Compare `baseline` with `ours` to see what the Gc layers cost once compiled
(the fused graphs, not the convolutions). Extra KEY=VALUE arguments set `scale` (a `TrainConfig`
field) or any integer/boolean `torch._inductor.config` setting.

    OMP_NUM_THREADS=1 python benchmarks/compiled_profile.py ours                            # METHOD
    # an inductor setting
    OMP_NUM_THREADS=1 python benchmarks/compiled_profile.py ours realize_reads_threshold=5
    # no reduction over the activation
    OMP_NUM_THREADS=1 python benchmarks/compiled_profile.py ours scale=unit
"""
import sys
import torch._inductor.config as inductor
from torch.profiler import profile, ProfilerActivity
from layeradv.bench import bench_batch, stepper
from layeradv.provenance import hardware

if __name__ == '__main__':
    method, steps, kw = sys.argv[1], 3, {}
    for a in sys.argv[2:]:
        k, v = a.split('=')
        if k == 'scale': kw['scale'] = v
        else:
            flag = isinstance(getattr(inductor, k), bool)
            setattr(inductor, k, v in ('1', 'true', 'True') if flag else int(v))
    x, y, norm, amp = bench_batch()
    one = stepper('resnet20', method, 'compiled', x, y, norm, 10, amp, True, **kw)
    for _ in range(4): one()
    with profile(activities=[ProfilerActivity.CPU]) as p:
        for _ in range(steps): one()
    ev = sorted(p.key_averages(), key=lambda e: -e.self_cpu_time_total)
    print(
        f"{method} {' '.join(sys.argv[2:])} on {hardware('cpu')}: "
        f"{sum(e.self_cpu_time_total for e in ev) / steps / 1e3:.1f} ms per step (profiled)"
    )
    for e in ev[:8]: print(f"  {e.key[:60]:60s} {e.self_cpu_time_total / steps / 1e3:8.2f} ms  "
                           f"x{e.count // steps}")
