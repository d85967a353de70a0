"""The shape counts the project holds itself to, over every notebook in nbs/ and the package.

    python tools/style_counts.py    # one line per count: its value, its limit, the worst offenders

Cell lines are counted without `#|` directives and blank lines. Module lines are counted without
what nbdev writes itself (`_modidx.py`, each module's `__all__` and docstring, the latter from
the chapter's lead): nbdev wraps those at 98 or 120 characters, or not at all. Exit status 1
when a limit is broken."""

import ast, json, statistics, sys
from pathlib import Path
from reflow import EXPORT      # one rule for which cells are exported (tools/ is on the path)

ROOT = Path(__file__).resolve().parent.parent
LIMITS = dict(
    median_export=8,
    max_export=40,
    max_function=40,
    train_lines=40,
    train_branches=8,
    shown_output=0.40,
    mean_line=50,
    max_markdown=3000,
    long_lines=0,
)


def cells(nb):
    "Yield (kind, is_export, code lines, has_output, source) for each cell of notebook `nb`."
    for c in json.loads(nb.read_text())['cells']:
        src = ''.join(c['source'])
        lines = [l for l in src.splitlines() if l.strip() and not l.lstrip().startswith('#|')]
        export = bool(EXPORT.search(src))
        yield c['cell_type'], export, lines, bool(c.get('outputs')), src


def functions(path):
    "Yield (qualified name, lines, branches) for each function in module `path`."
    tree = ast.parse(path.read_text())
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = [
                n
                for n in ast.walk(node)
                if isinstance(n, (ast.If, ast.IfExp, ast.For, ast.While, ast.Try, ast.BoolOp))
            ]
            yield node.name, node.end_lineno - node.lineno + 1, len(body)


def written(path):
    "The lines of module `path` less those nbdev generates: `__all__` and the module docstring"
    src = path.read_text()
    tree, skip = ast.parse(src), set()
    for node in tree.body:
        gen = isinstance(node, ast.Assign) and [getattr(t, 'id', '') for t in node.targets] == [
            '__all__'
        ]
        doc = node is tree.body[0] and isinstance(node, ast.Expr)
        if gen or doc: skip |= set(range(node.lineno, node.end_lineno + 1))
    return [l for i, l in enumerate(src.splitlines(), 1) if i not in skip]


def private_imports(path):
    "Yield `module.name` for each private name `path` imports from another package module."
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.level:
            yield from (
                f'{node.module}.{a.name}'
                for a in node.names
                if a.name.startswith('_') and not a.name.startswith('__')
            )


def counts():
    "Measure every count; return {name: (value, worst offenders)}."
    export, other, md, code_lines, per_nb = [], [], [], [], {}
    for nb in sorted((ROOT / 'nbs').glob('*.ipynb')):
        for kind, exp, lines, out, src in cells(nb):
            if kind == 'markdown':
                md.append((len(src), nb.name))
            elif kind == 'code':
                code_lines += lines
                per_nb.setdefault(nb.name, []).extend(len(l) for l in lines)
                (export if exp else other).append((len(lines), nb.name) if exp else (out, nb.name))
    mods = [p for p in (ROOT / 'layeradv').rglob('*.py') if p.name != '_modidx.py']
    funcs = [(n, l, b, p.relative_to(ROOT)) for p in mods for n, l, b in functions(p)]
    train = [f for f in funcs if f[0] == 'train' and f[3].name == 'train.py'][0]
    long = [(len(l), p.name) for p in mods for l in written(p) if len(l) > 100]
    long += [(len(l), 'nbs') for l in code_lines if len(l) > 100]
    return dict(
        median_export=(statistics.median(n for n, _ in export), []),
        max_export=(max(n for n, _ in export), sorted(export, reverse=True)[:3]),
        max_function=(max(f[1] for f in funcs), sorted(funcs, key=lambda f: -f[1])[:3]),
        train_lines=(train[1], []), train_branches=(train[2], []),
        shown_output=(round(sum(o for o, _ in other) / len(other), 3), []),
        mean_line=(round(statistics.mean(len(l) for l in code_lines), 1),
                   sorted(((round(statistics.mean(v), 1), n) for n, v in per_nb.items()),
                          reverse=True)[:3]),
        max_markdown=(max(n for n, _ in md), sorted(md, reverse=True)[:3]),
        long_lines=(len(long), long[:3]),
        private_imports=(sorted({i for p in mods for i in private_imports(p)}), []),
    )


def main():
    "Print each count beside its limit; exit 1 when one is broken."
    bad = 0
    for name, (value, worst) in counts().items():
        limit = LIMITS.get(name)
        ok = (
            (value >= limit if name == 'shown_output' else value <= limit)
            if limit is not None
            else not value
        )
        bad += not ok
        print(
            f"{'ok ' if ok else 'BAD'} {name:15} {value!s:10.60} limit {limit}  "
            f"{worst if not ok else ''}"
        )
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
