"""Bring notebook lines within the project's 100 characters without changing what any cell does.

    python tools/reflow.py nbs/*.ipynb          # rewrites them in place; prints what it changed
    python tools/reflow.py --check nbs/*.ipynb  # exit 1 if something would change

Markdown paragraphs and list items with a line over 100 characters are wrapped at 100 (headings,
tables, fenced blocks are left alone). In code cells a trailing comment that takes its line over 100
characters moves to its own line above the code, at the code's indentation, wrapped at 100; then
each statement of at most three lines with a line still over 100 is formatted alone by `ruff format`
(quotes preserved), and kept only if that adds at most two lines, takes no function past 40 lines,
and leaves the cell's syntax tree unchanged (so the code does exactly what it did). What is left
over 100 (long strings) is for a person."""

import ast, io, json, re, subprocess, sys, textwrap, tokenize

W = 100  # longest line
F = 40  # longest function: splitting never takes one past it
ITEM = re.compile(r'^(\s*)([-*+]|\d+\.)\s+')


def _fill(text, first, rest):
    "`text` wrapped at W with prefix `first` on the first line and `rest` on the others"
    return textwrap.fill(
        ' '.join(text.split()),
        W,
        initial_indent=first,
        subsequent_indent=rest,
        break_long_words=False,
        break_on_hyphens=False,
    )


def _blocks(lines):
    "Markdown `lines` as (kind, lines) blocks: 'keep', 'quote', 'para' (a paragraph or a list item)"
    out, fence = [], False
    for l in lines:
        s = l.strip()
        if s.startswith('```'):
            fence = not fence
            out.append(['keep', [l]])
            continue
        if fence or not s or s.startswith(('#', '|', '<', '$$')):
            out.append(['keep', [l]])
            continue
        if s.startswith('>'):
            if out and out[-1][0] == 'quote':
                out[-1][1].append(l)
            else:
                out.append(['quote', [l]])
            continue
        starts_item = ITEM.match(l)
        if out and out[-1][0] == 'para' and not starts_item:
            out[-1][1].append(l)
        else:
            out.append(['para', [l]])
    return out


def reflow_markdown(src):
    "Markdown `src` with every paragraph or list item that has a line over W wrapped at W"
    res = []
    for kind, ls in _blocks(src.split('\n')):
        if kind == 'keep' or max(map(len, ls)) <= W:
            res += ls
            continue
        if kind == 'quote':
            res += _fill(' '.join(l.strip()[1:] for l in ls), '> ', '> ').split('\n')
            continue
        m = ITEM.match(ls[0])
        first = m.group(0) if m else re.match(r'\s*', ls[0]).group(0)
        body = (
            ' '.join(l.strip() for l in ls)[len(first.strip()) :]
            if m
            else ' '.join(l.strip() for l in ls)
        )
        res += _fill(body, first if m else first, ' ' * len(first)).split('\n')
    return '\n'.join(res)


def reflow_code(src):
    "Code `src` with trailing comments that take a line over W moved above it"
    try:
        toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        return src
    comments = {t.start[0]: t.start[1] for t in toks if t.type == tokenize.COMMENT}
    lines, out = src.split('\n'), []
    for i, l in enumerate(lines, 1):
        c = comments.get(i)
        indent = len(l) - len(l.lstrip())
        prev = out[-1] if out else ''
        if (
            len(l) <= W
            or c is None
            or c <= indent
            or l.lstrip().startswith('#|')
            or prev.endswith('\\')
        ):
            out.append(l)
            continue
        code, text = l[:c].rstrip(), l[c:].lstrip('#').strip()
        if len(code) > W:
            out.append(l)
            continue
        out += _fill(text, ' ' * indent + '# ', ' ' * indent + '# ').split('\n') + [code]
    return '\n'.join(out)


def _ruff(code, width):
    "`code` formatted by ruff at line length `width`, quotes preserved; None if ruff cannot"
    r = subprocess.run(
        [
            sys.executable,
            '-m',
            'ruff',
            'format',
            '--line-length',
            str(width),
            '--config',
            "format.quote-style='preserve'",
            '--stdin-filename',
            'cell.py',
            '-',
        ],
        input=code,
        capture_output=True,
        text=True,
    )
    return r.stdout if r.returncode == 0 else None


def _statements(tree):
    "Every statement node of `tree` (nested ones too), last first"
    return sorted((n for n in ast.walk(tree) if isinstance(n, ast.stmt)), key=lambda n: -n.lineno)


def split_statements(src):
    "`src` with each short statement that has a line over W formatted by ruff, if its tree stays the same"
    if re.search(r'^\s*[!%]', src, re.M):
        return src
    try:
        tree = ast.parse(src)
    except SyntaxError:
        return src
    lines, done = src.split('\n'), set()
    for n in _statements(tree):
        a, b = n.lineno, n.end_lineno
        if (
            b - a > 2
            or any(x in done for x in range(a, b + 1))
            or max(len(l) for l in lines[a - 1 : b]) <= W
        ):
            continue
        indent = n.col_offset
        if lines[a - 1][:indent].strip():
            continue  # shares its line with other code
        new = _ruff(textwrap.dedent('\n'.join(lines[a - 1 : b])) + '\n', W - indent)
        if new is None or new.count('\n') > b - a + 3:
            continue  # at most two lines more: compact
        lines[a - 1 : b] = [(' ' * indent + l) if l else l for l in new.rstrip('\n').split('\n')]
        done.update(range(a, b + 1))
    out = '\n'.join(lines)
    try:
        same = ast.dump(ast.parse(out)) == ast.dump(tree)
    except SyntaxError:
        same = False
    return out if same and _longest(out) <= max(_longest(src), F) else src


def _longest(src):
    "The number of lines of the longest function in `src` (0 without one)"
    fs = [
        n
        for n in ast.walk(ast.parse(src))
        if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))
    ]
    return max((n.end_lineno - n.lineno + 1 for n in fs), default=0)


def reflow(path, check=False):
    "Reflow notebook `path`; the number of cells changed"
    nb = json.loads(open(path).read())
    n = 0
    for c in nb['cells']:
        src = ''.join(c['source'])
        new = (
            reflow_markdown(src)
            if c['cell_type'] == 'markdown'
            else split_statements(reflow_code(src))
            if c['cell_type'] == 'code'
            else src
        )
        if new != src:
            if c['cell_type'] == 'code':
                compile(re.sub(r'^\s*[!%].*$', '', new, flags=re.M), path, 'exec')
            n += 1
            c['source'] = new.splitlines(True)
    if n and not check:
        with open(path, 'w') as f:
            json.dump(nb, f, indent=1, ensure_ascii=False)
            f.write('\n')
    return n


if __name__ == '__main__':
    check = '--check' in sys.argv
    changed = {p: k for p in sys.argv[1:] if p != '--check' and (k := reflow(p, check))}
    for p, k in changed.items():
        print(f"{p}: {k} cells {'would change' if check else 'reflowed'}")
    sys.exit(1 if check and changed else 0)
