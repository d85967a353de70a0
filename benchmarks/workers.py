"""Training throughput of one worker with all the CPU's threads against one worker per core, each
with one thread, running at the same time (as `tools/run_studies.sh` starts them: THREADS=2 for one,
THREADS=1 for each of two). Each process trains ResNet-20 steps (CPU fp32, channels-last, batch 128)
and times them; the concurrent ones start their timed steps together. Rounds alternate the order:

    python benchmarks/workers.py --method ours --steps 20 --rounds 3

Prints images per second of each layout in each round and the ratio (several workers / one), median
and range, with the CPU it ran on. Stop a running worker first (it would share the cores).
"""
import argparse, json, os, statistics, subprocess, sys, time
from layeradv.provenance import hardware

CHILD = """
import json, sys, time, torch
threads, method, steps, batch, at = int(sys.argv[1]), sys.argv[2], *map(float, sys.argv[3:6])
torch.set_num_threads(threads)
from layeradv.bench import bench_batch, stepper
x, y, norm, amp = bench_batch(int(batch), 'cpu', 'auto', channels_last=True)
one = stepper('resnet20', method, 'eager', x, y, norm, 10, amp, True)
for _ in range(3): one()                                   # fills the Gc caches, warms the allocator
time.sleep(max(at - time.time(), 0))                      # the concurrent workers start together
t0 = time.perf_counter()
for _ in range(int(steps)): one()
print(json.dumps(dict(seconds=time.perf_counter() - t0)))
"""

def layout(workers, threads, a):
    "Images per second of `workers` processes of `threads` threads each, training at once"
    at = time.time() + a.start
    env = {**os.environ, 'OMP_NUM_THREADS': str(threads)}
    ps = [subprocess.Popen([sys.executable, '-c', CHILD, str(threads), a.method, str(a.steps),
                            str(a.batch), str(at)], stdout=subprocess.PIPE, text=True, env=env)
          for _ in range(workers)]
    outs = [json.loads(p.communicate()[0].strip().splitlines()[-1]) for p in ps]
    if any(p.returncode for p in ps): sys.exit('a worker process failed')
    # all of them trained: the layout's throughput is its images over the slowest one's time
    return workers * a.steps * a.batch / max(o['seconds'] for o in outs)

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--method', default='ours')
    ap.add_argument('--steps', type=int, default=20)
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--rounds', type=int, default=3)
    ap.add_argument('--start', type=float, default=15.0,
                    help='seconds each round gives its processes to start before timing')
    a = ap.parse_args()
    cores = os.cpu_count()
    one, many, ratios = [], [], []
    for r in range(a.rounds):
        order = [(1, cores), (cores, 1)][::1 if r % 2 == 0 else -1]
        got = {(w, t): layout(w, t, a) for w, t in order}
        one.append(got[1, cores])
        many.append(got[cores, 1])
        ratios.append(many[-1] / one[-1])
        print(f"round {r + 1}: 1 worker x {cores} threads {one[-1]:.1f} img/s, {cores} workers x "
              f"1 thread {many[-1]:.1f} img/s, ratio {ratios[-1]:.3f}", flush=True)
    print(f"{hardware()}; resnet20 {a.method}, batch {a.batch}, fp32 channels-last, {a.steps} "
          f"steps a process; {cores} workers x 1 thread / 1 worker x {cores} threads: median "
          f"{statistics.median(ratios):.3f} (range {min(ratios):.3f}-{max(ratios):.3f}) over "
          f"{a.rounds} rounds")
