"""One compiled ResNet-20 training step in a fresh process: median step time, the number of compiled
graphs a step runs, and Dynamo's counts (graphs compiled, graph breaks) after the warm-up and after
the timed steps: compilation that grows after the warm-up would be a recompilation per step.
Compiling before the Gc caches exist, as users write it, splits the graph at every Gc for good (but
compiles nothing more after the first steps); filling them with one eager step first (what the
trainer and `bench_steps` do) keeps one graph.

    # METHOD, EAGER_FIRST (1: one eager step before compiling, 0: none)
    python benchmarks/compiled_step.py ours 1
"""
import sys, time
import torch, torch._dynamo.utils as U
from torch.profiler import profile, ProfilerActivity
from layeradv.bench import bench_batch, stepper
from layeradv.provenance import hardware

def counts():
    "(graphs compiled, graph breaks) so far in this process"
    return U.counters['stats']['unique_graphs'], sum(U.counters['graph_break'].values())

if __name__ == '__main__':
    method, eager_first = sys.argv[1], sys.argv[2] == '1'
    x, y, norm, amp = bench_batch()
    one = stepper(
        'resnet20', method, 'compiled', x, y, norm, 10, amp, True, eager_first=eager_first
    )
    for _ in range(3): one()
    warm = counts()
    t = []
    for _ in range(9):
        t0 = time.perf_counter()
        one()
        one()
        one()
        t.append((time.perf_counter() - t0) / 3)
    with profile(activities=[ProfilerActivity.CPU]) as p: one()
    n = sum(e.count for e in p.key_averages() if e.key == 'CompiledFunction')
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads on {hardware('cpu')}")
    print(
        f"{method:<10} eager first step: {str(eager_first):<5}  {1000 * sorted(t)[4]:.1f} ms/step "
        f"(min {1000 * min(t):.1f}), compiled graphs per step: {n}; graphs compiled / graph "
        "breaks after the "
        f"3 warm-up steps {warm[0]} / {warm[1]}, after 28 more steps {counts()[0]} / {counts()[1]}"
    )
