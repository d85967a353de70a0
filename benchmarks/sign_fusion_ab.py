"""A/B of letting inductor fuse the backward sign into BatchNorm's loops (tried in session 10, not kept). AOTAutograd
places the Gc caches' mutations at the end of the backward graph, so inductor builds the sign there, more than 64 nodes
away from the BatchNorm loops that read the same data, and refuses to fuse them ("Nodes are too far away").
`SignChoices` (a custom `InductorChoices`) allows those horizontal fusions when one side writes int8 (the sign cache).
Each process compiles the baseline and Ours (ResNet-20, batch 128, CPU, fp32) and times them in interleaved rounds;
processes alternate default, choices, ...; one JSON line each.

    python benchmarks/sign_fusion_ab.py --pairs 3 --rounds 11
"""
import argparse, subprocess, sys

_ONE = '''import json, sys, torch
from torch._inductor.choices import InductorChoices

def _writes_int8(node): return any(b.node.get_dtype() == torch.int8 for n in node.get_nodes() for b in n.get_outputs())

class SignChoices(InductorChoices):
    @staticmethod
    def can_fuse_horizontal(scheduler, node1, node2, shared_data_score):
        if InductorChoices.can_fuse_horizontal(scheduler, node1, node2, shared_data_score): return True
        from torch._inductor import config
        return shared_data_score >= config.score_fusion_memory_threshold and (_writes_int8(node1) or _writes_int8(node2))
    def uuid(self): return 'sign-fusion-ab-1'

if sys.argv[1] == 'choices':
    import torch._inductor.config as c; c.inductor_choices_class = SignChoices
from layeradv.bench import bench_steps, _med
t = bench_steps('resnet20', 128, ('baseline', 'ours'), ('compiled',), rounds=int(sys.argv[2]))
b, o = t['compiled', 'baseline'], t['compiled', 'ours']
r = [x / y for x, y in zip(o, b)]
print(json.dumps(dict(arm=sys.argv[1], base=round(1000 * _med(b), 1), ours=round(1000 * _med(o), 1), ratio=round(_med(r), 4))))'''

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--pairs', type=int, default=3)
    ap.add_argument('--rounds', type=int, default=11)
    a = ap.parse_args()
    for k in range(a.pairs):
        for arm in ('default', 'choices'):
            r = subprocess.run([sys.executable, '-c', _ONE, arm, str(a.rounds)], capture_output=True, text=True)
            if r.returncode: sys.exit(f"sign_fusion_ab: the {arm} process failed: {r.stderr.strip().splitlines()[-1]}")
            print(r.stdout.strip().splitlines()[-1], flush=True)
