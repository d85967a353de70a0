"""A/B of compiled Ours with and without the BatchNorm head read from the layer's input (chapter 00_core, `_bn_head`):
each process compiles the baseline and Ours (ResNet-20, batch 128, CPU, fp32, channels-last) and times them in
interleaved rounds; 'off' processes patch `_bn_head` to return None (the scale then reads the BatchNorm output, as
before). Processes alternate on, off, on, off...; one JSON line each: median ms of both and the median ratio ours/baseline.

    python benchmarks/bn_head_ab.py --pairs 4 --rounds 11
"""
import argparse, json, subprocess, sys

_ONE = '''import json, sys
from layeradv import core
if sys.argv[1] == 'off': core._bn_head = lambda *a, **k: None
from layeradv.bench import bench_steps, _med
t = bench_steps('resnet20', 128, ('baseline', 'ours'), ('compiled',), rounds=int(sys.argv[2]))
b, o = t['compiled', 'baseline'], t['compiled', 'ours']
r = [x / y for x, y in zip(o, b)]
print(json.dumps(dict(head=sys.argv[1], base=round(1000 * _med(b), 1), ours=round(1000 * _med(o), 1), ratio=round(_med(r), 4),
                      lo=round(min(r), 4), hi=round(max(r), 4))))'''

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--pairs', type=int, default=4)
    ap.add_argument('--rounds', type=int, default=11)
    a = ap.parse_args()
    ratios = {'on': [], 'off': []}
    for k in range(a.pairs):
        for arm in (('on', 'off') if k % 2 == 0 else ('off', 'on')):
            r = subprocess.run([sys.executable, '-c', _ONE, arm, str(a.rounds)], capture_output=True, text=True)
            if r.returncode: sys.exit(f"bn_head_ab: the {arm} process failed: {r.stderr.strip().splitlines()[-1]}")
            line = r.stdout.strip().splitlines()[-1]; print(line, flush=True)
            ratios[arm].append(json.loads(line)['ratio'])
    for arm, v in ratios.items():
        print(f"head {arm}: compiled Ours / compiled baseline, median over {len(v)} processes {sorted(v)[len(v) // 2]:.3f} "
              f"(range {min(v):.3f}-{max(v):.3f})")
