"""A/B of a change to compiled Ours, in alternating processes: each process compiles the baseline
and Ours (ResNet-20, batch 128, CPU, fp32, channels-last) and times them in interleaved rounds; one
JSON line per process with the medians (ms) and the median of the per-round ratios ours/baseline,
then the median over processes of each arm.

    python benchmarks/compiled_ab.py bn_head --pairs 5 --rounds 11       # kept
    python benchmarks/compiled_ab.py sign_fusion --pairs 3 --rounds 11   # tried, not kept

bn_head: 'on' is this package; 'off' patches `_bn_head` (chapter 00_core) to return None, so that
the act_std scale reads the BatchNorm output, as the package did before. sign_fusion: 'on' lets
inductor fuse the backward sign into BatchNorm's loops. AOTAutograd places the Gc caches' mutations
at the end of the backward graph, so inductor builds each sign there, more than 64 nodes away from
the loops that read the same data, and refuses to fuse them ("Nodes are too far away");
`SignChoices`, a custom `InductorChoices`, allows those horizontal fusions where one side writes
int8 (the sign cache). 'off' is the default.
"""
import argparse, json, subprocess, sys
from layeradv.provenance import hardware


def bn_head(arm):
    """'off': the act_std scale reads the BatchNorm output instead of recomputing 4 samples from its
    input"""
    if arm == 'off':
        from layeradv import core
        core._bn_head = lambda *a, **k: None


def sign_fusion(arm):
    "'on': inductor may fuse a horizontal pair of nodes where one side writes int8 (the sign cache)"
    import torch
    from torch._inductor.choices import InductorChoices
    def writes_int8(node):
        return any(b.node.get_dtype() == torch.int8 for n in node.get_nodes()
                   for b in n.get_outputs())
    class SignChoices(InductorChoices):
        @staticmethod
        def can_fuse_horizontal(scheduler, node1, node2, shared_data_score):
            if InductorChoices.can_fuse_horizontal(scheduler, node1, node2, shared_data_score):
                return True
            from torch._inductor import config
            return (shared_data_score >= config.score_fusion_memory_threshold
                    and (writes_int8(node1) or writes_int8(node2)))
        def uuid(self): return 'sign-fusion-ab-1'
    if arm == 'on':
        import torch._inductor.config as c
        c.inductor_choices_class = SignChoices


CHANGES = {'bn_head': bn_head, 'sign_fusion': sign_fusion}


def child(change, arm, rounds):
    """One process of the A/B: apply `change` as `arm`, time compiled baseline and Ours, print one
    JSON line"""
    from layeradv.bench import bench_steps, median
    CHANGES[change](arm)
    t = bench_steps('resnet20', 128, ('baseline', 'ours'), ('compiled',), rounds=rounds)
    b, o = t['compiled', 'baseline'], t['compiled', 'ours']
    r = [x / y for x, y in zip(o, b)]
    print(json.dumps(dict(arm=arm, base=round(1000 * median(b), 1), ours=round(1000 * median(o), 1),
                          ratio=round(median(r), 4), lo=round(min(r), 4), hi=round(max(r), 4))))


if __name__ == '__main__':
    if sys.argv[1:2] == ['--child']: sys.exit(child(sys.argv[2], sys.argv[3], int(sys.argv[4])))
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('change', choices=sorted(CHANGES))
    ap.add_argument('--pairs', type=int, default=4)
    ap.add_argument('--rounds', type=int, default=11)
    a = ap.parse_args()
    ratios = {'on': [], 'off': []}
    for k in range(a.pairs):
        for arm in (('on', 'off') if k % 2 == 0 else ('off', 'on')):
            r = subprocess.run([sys.executable, __file__, '--child', a.change, arm, str(a.rounds)],
                               capture_output=True, text=True)
            if r.returncode: sys.exit(f"compiled_ab: the {arm} process failed: "
                                      f"{r.stderr.strip().splitlines()[-1]}")
            line = r.stdout.strip().splitlines()[-1]
            print(line, flush=True)
            ratios[arm].append(json.loads(line)['ratio'])
    print(f"on {hardware('cpu')}")
    for arm, v in ratios.items():
        print(
            f"{a.change} {arm}: compiled Ours / compiled baseline, median over {len(v)} processes "
            f"{sorted(v)[len(v) // 2]:.3f} (range {min(v):.3f}-{max(v):.3f})"
        )
