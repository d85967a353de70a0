"""The README's table of reproduced claims, from the committed run store (nothing is trained).

    python tools/results_table.py            # prints the Markdown table; paste it under "Reproduced results" in index.ipynb
"""
from layeradv.evidence import verdicts, markdown_table
from layeradv.store import RunStore, committed_paths

STUDIES = ['toy', 'r20-cifar10', 'r20-cifar100', 'r20-layers', 'r20-variants']
RUNS = [(n, 'cpu') for n in STUDIES] + [(n, 'gpu') for n in STUDIES if n != 'toy']
COLS = ['claim', 'paper A - B', 'measured A / B', 'A - B [95% CI]', 'epoch', 'seeds', 'verdict', 'Holm verdict',
        'command']

def table(store='results/store'):
    v = verdicts(RUNS, committed_paths(), RunStore(store))      # only file names enter the run keys
    v['measured A / B'] = [f"{a} / {b}" if isinstance(a, str) else '' for a, b in zip(v.get('A (%)', ''), v.get('B (%)', ''))]
    v['claim'] = [f"{c} [GPU]" if s == 'gpu' else c for c, s in zip(v['claim'], v['setting'])]
    added = v['all seeds A - B'] if 'all seeds A - B' in v else [None] * len(v)
    v['seeds'] = [f"{n} (all {a.split(':')[0]}: {a.split(': ')[1]})" if isinstance(a, str) else str(n)
                  for n, a in zip(v['seeds'], added)]
    v['Holm verdict'] = v['Holm verdict'].fillna('—') if 'Holm verdict' in v else '—'
    return markdown_table(v, COLS)

if __name__ == '__main__': print(table())
