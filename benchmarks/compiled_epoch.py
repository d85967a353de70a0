"""Seconds per epoch (ResNet-20 on N random CIFAR-sized images, batch 128, plus evaluating 1,000),
eager and compiled, baseline and Ours: one fresh process per measurement, processes interleaved over
repetitions; median and range. The compiled runs step as the trainer does (a step whose batch shape
changed runs eagerly).

    OMP_NUM_THREADS=1 python benchmarks/compiled_epoch.py 2000 3     # N, repetitions
"""
import json, subprocess, sys, statistics as st
from layeradv.provenance import hardware


def child(mode, method, n):
    """One measurement in this fresh process: seconds per epoch and the compiled graphs it made, as
    a JSON line"""
    import torch._dynamo.utils as U
    from layeradv.bench import epoch_seconds
    t = epoch_seconds('resnet20', method, mode, n_train=int(n), n_test=1000)
    print(json.dumps(dict(t=t, graphs=U.counters['stats']['unique_graphs'])))


if __name__ == '__main__':
    if sys.argv[1:2] == ['--child']: sys.exit(child(*sys.argv[2:5]))
    n, reps = sys.argv[1], int(sys.argv[2])
    pairs = [(mo, m) for mo in ('eager', 'compiled') for m in ('baseline', 'ours')]
    res = {p: [] for p in pairs}
    for k in range(reps):
        for p in (pairs if k % 2 == 0 else pairs[::-1]):
            r = subprocess.run(
                [sys.executable, __file__, '--child', *p, n], capture_output=True, text=True
            )
            if r.returncode: sys.exit(f'{p} failed: {r.stderr.strip().splitlines()[-1]}')
            o = json.loads(r.stdout.strip().splitlines()[-1])
            res[p].append(o['t'])
            print(*p, f"{o['t']:.2f} s, compiled graphs {o['graphs']}", flush=True)
    print(
        f'resnet20, {n} training images + 1,000 evaluated, {reps} repetitions: median (min-max) '
        f"seconds per epoch, on {hardware('cpu')}"
    )
    for (mo, m), v in res.items():
        ratio = st.median(c / e for c, e in zip(v, res['eager', m]))
        print(f'{mo:<9}{m:<9}{st.median(v):6.2f} ({min(v):.2f}-{max(v):.2f})' +
              (f'   compiled/eager of the same method: {ratio:.3f}' if mo == 'compiled' else ''))
