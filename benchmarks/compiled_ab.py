"""A/B of a change to compiled Ours, in alternating processes: each process compiles the baseline and Ours (ResNet-20,
batch 128, CPU, fp32, channels-last) and times them in interleaved rounds; one JSON line per process with the medians
(ms) and the median of the per-round ratios ours/baseline, then the median over processes of each arm.

    python benchmarks/compiled_ab.py bn_head --pairs 5 --rounds 11       # kept (session 10)
    python benchmarks/compiled_ab.py sign_fusion --pairs 3 --rounds 11   # tried, not kept (session 10)

bn_head: 'on' is this package; 'off' patches `_bn_head` (chapter 00_core) to return None, so that the act_std scale
reads the BatchNorm output, as before session 10.
sign_fusion: 'on' lets inductor fuse the backward sign into BatchNorm's loops. AOTAutograd places the Gc caches'
mutations at the end of the backward graph, so inductor builds each sign there, more than 64 nodes away from the loops
that read the same data, and refuses to fuse them ("Nodes are too far away"); `SignChoices`, a custom `InductorChoices`,
allows those horizontal fusions where one side writes int8 (the sign cache). 'off' is the default.
"""
import argparse, json, subprocess, sys

_SETUP = {'bn_head': '''
if arm == 'off':
    from layeradv import core; core._bn_head = lambda *a, **k: None
''', 'sign_fusion': '''
import torch
from torch._inductor.choices import InductorChoices

def _writes_int8(node): return any(b.node.get_dtype() == torch.int8 for n in node.get_nodes() for b in n.get_outputs())

class SignChoices(InductorChoices):
    @staticmethod
    def can_fuse_horizontal(scheduler, node1, node2, shared_data_score):
        if InductorChoices.can_fuse_horizontal(scheduler, node1, node2, shared_data_score): return True
        from torch._inductor import config
        return shared_data_score >= config.score_fusion_memory_threshold and (_writes_int8(node1) or _writes_int8(node2))
    def uuid(self): return 'sign-fusion-ab-1'

if arm == 'on':
    import torch._inductor.config as c; c.inductor_choices_class = SignChoices
'''}

_TIME = '''
from layeradv.bench import bench_steps, _med
t = bench_steps('resnet20', 128, ('baseline', 'ours'), ('compiled',), rounds=rounds)
b, o = t['compiled', 'baseline'], t['compiled', 'ours']
r = [x / y for x, y in zip(o, b)]
print(json.dumps(dict(arm=arm, base=round(1000 * _med(b), 1), ours=round(1000 * _med(o), 1), ratio=round(_med(r), 4),
                      lo=round(min(r), 4), hi=round(max(r), 4))))'''

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('change', choices=sorted(_SETUP))
    ap.add_argument('--pairs', type=int, default=4)
    ap.add_argument('--rounds', type=int, default=11)
    a = ap.parse_args()
    code = 'import json, sys\narm, rounds = sys.argv[1], int(sys.argv[2])\n' + _SETUP[a.change] + _TIME
    ratios = {'on': [], 'off': []}
    for k in range(a.pairs):
        for arm in (('on', 'off') if k % 2 == 0 else ('off', 'on')):
            r = subprocess.run([sys.executable, '-c', code, arm, str(a.rounds)], capture_output=True, text=True)
            if r.returncode: sys.exit(f"compiled_ab: the {arm} process failed: {r.stderr.strip().splitlines()[-1]}")
            line = r.stdout.strip().splitlines()[-1]; print(line, flush=True)
            ratios[arm].append(json.loads(line)['ratio'])
    for arm, v in ratios.items():
        print(f"{a.change} {arm}: compiled Ours / compiled baseline, median over {len(v)} processes {sorted(v)[len(v) // 2]:.3f} "
              f"(range {min(v):.3f}-{max(v):.3f})")
