"""Bring lines within the project's 100 characters without changing what any code does.

    python tools/reflow.py nbs/*.ipynb tests/*.py   # rewrites them in place; prints what it changed
    python tools/reflow.py --check nbs/*.ipynb      # exit 1 if something would change

Markdown paragraphs, list items and block quotes with a line over 100 characters are wrapped at 100
(headings, tables and fenced blocks are left alone). In code (notebook cells and .py files) a
trailing comment that takes its line over 100 characters moves to its own line above the code, at
the code's indentation; then each statement of at most three lines with a line still over 100 is
formatted alone by `ruff format` (quotes kept), and kept only if that adds at most two lines; a line
still over 100 breaks inside its outermost brackets, after a comma or before a comprehension's
`for` / `if`, continuing under the bracket; statements sharing a line (`a; b`) that begins with the
first go on lines of their own. A cell or file changes only if its syntax tree stays the same (so
the code does exactly what it did) and no function passes 40 lines. What is left over 100 (long
strings, conditions outside brackets) is for a person."""
import ast, io, json, re, subprocess, sys, textwrap, tokenize

W = 100  # longest line
F = 40  # longest function: splitting never takes one past it
ITEM = re.compile(r'^(\s*)([-*+]|\d+\.)\s+')


def _fill(text, first, rest):
    "`text` wrapped at W with prefix `first` on the first line and `rest` on the others"
    return textwrap.fill(' '.join(text.split()), W, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def _blocks(lines):
    "Markdown `lines` as [kind, lines] blocks: 'keep', 'quote', 'para' (a paragraph or a list item)"
    out, fence = [], False
    for l in lines:
        s = l.strip()
        plain = not (fence or s.startswith('```') or not s or s.startswith(('#', '|', '<', '$$')))
        kind = ('quote' if s.startswith('>') else 'para') if plain else 'keep'
        if s.startswith('```'): fence = not fence
        if kind != 'keep' and out and out[-1][0] == kind and not (kind == 'para' and ITEM.match(l)):
            out[-1][1].append(l)
        else:
            out.append([kind, [l]])
    return out


def reflow_markdown(src):
    "Markdown `src` with every paragraph, list item or quote that has a line over W wrapped at W"
    res = []
    for kind, ls in _blocks(src.split('\n')):
        if kind == 'keep' or max(map(len, ls)) <= W: res += ls; continue
        if kind == 'quote':
            res += _fill(' '.join(l.strip()[1:] for l in ls), '> ', '> ').split('\n')
            continue
        m = ITEM.match(ls[0])
        first = m.group(0) if m else re.match(r'\s*', ls[0]).group(0)
        body = ' '.join(l.strip() for l in ls)
        res += _fill(body[len(first.strip()):] if m else body, first, ' ' * len(first)).split('\n')
    return '\n'.join(res)


def reflow_code(src):
    "Code `src` with trailing comments that take a line over W moved above it"
    try: toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return src
    comments = {t.start[0]: t.start[1] for t in toks if t.type == tokenize.COMMENT}
    out = []
    for i, l in enumerate(src.split('\n'), 1):
        c, indent = comments.get(i), len(l) - len(l.lstrip())
        keep = len(l) <= W or c is None or c <= indent or l.lstrip().startswith('#|')
        if keep or (out and out[-1].endswith('\\')) or len(l[:c].rstrip()) > W:
            out.append(l)
            continue
        out += _fill(l[c:].lstrip('#').strip(), ' ' * indent + '# ', ' ' * indent + '# ').split(
            '\n'
        )
        out.append(l[:c].rstrip())
    return '\n'.join(out)


def _ruff(code, width):
    "`code` formatted by ruff at line length `width`, quotes kept; None if ruff cannot"
    cmd = [sys.executable, '-m', 'ruff', 'format', '--line-length', str(width),
           '--config', "format.quote-style='preserve'", '--stdin-filename', 'cell.py', '-']
    r = subprocess.run(cmd, input=code, capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def _longest(tree):
    "The number of lines of the longest function in syntax tree `tree` (0 without one)"
    fs = [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    return max((n.end_lineno - n.lineno + 1 for n in fs), default=0)


def split_statements(src):
    "`src`, each short statement with a line over W formatted by ruff if its tree stays the same"
    if re.search(r"^\s*[!%]", src, re.M): return src      # IPython magics are not Python
    try: tree = ast.parse(src)
    except SyntaxError: return src
    lines, done = src.split('\n'), set()
    stmts = sorted((n for n in ast.walk(tree) if isinstance(n, ast.stmt)), key=lambda n: -n.lineno)
    for n in stmts:                                                 # last first: line numbers hold
        a, b, indent = n.lineno, n.end_lineno, n.col_offset
        if b - a > 2 or done & set(range(a, b + 1)) or max(len(l) for l in lines[a - 1 : b]) <= W:
            continue
        # shares its line with other code
        if lines[a - 1][:indent].strip(): continue
        new = _ruff(textwrap.dedent('\n'.join(lines[a - 1:b])) + '\n', W - indent)
        # at most two lines more: compact
        if new is None or new.count('\n') > b - a + 3: continue
        lines[a - 1:b] = [' ' * indent + l if l else l for l in new.rstrip('\n').split('\n')]
        done.update(range(a, b + 1))
    out = '\n'.join(lines)
    try: new_tree = ast.parse(out)
    except SyntaxError: return src
    same = ast.dump(new_tree) == ast.dump(tree)
    return out if same and _longest(new_tree) <= max(_longest(tree), F) else src


def _breaks(src, row):
    "Where physical line `row` of `src` may break: [(column, continuation indent, depth)]"
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    close, stack = {}, []                   # each opening bracket's token index -> its closer's end
    for k, t in enumerate(toks):
        if t.type == tokenize.OP and t.string in '([{': stack.append(k)
        if t.type == tokenize.OP and t.string in ')]}' and stack: close[stack.pop()] = t.end
    end = len(src.split('\n')[row - 1].rstrip())
    out, stack, target = [], [], set()      # open brackets; levels inside a `for ... in` target
    for k, t in enumerate(toks):
        if t.start[0] > row: break
        on = t.start[0] == row and stack
        if t.start[0] == row and not stack and t.string in (';', ':'):
            # several statements, or a one-line compound statement: left alone
            nxt = toks[k + 1]
            if t.string == ';' or nxt.start[0] == row and nxt.type not in (tokenize.COMMENT, tokenize.NEWLINE):
                return []
        # only inside a bracket that stays open to (nearly) the line's end
        r, c = close.get(stack[-1], (row + 1, 0)) if stack else (row, 0)
        whole = r > row or c >= end - 15
        if on and whole and t.string == ',' and toks[k + 1].string not in ')]}' and len(stack) not in target:
            out.append((t.end[1], toks[stack[-1]].start[1] + 1, len(stack)))
        # before a comprehension's `for` / `if` or a conditional's `else`
        if on and whole and t.type == tokenize.NAME and t.string in ('for', 'if', 'else'):
            out.append((t.start[1], toks[stack[-1]].start[1] + 1, len(stack)))
        if t.type == tokenize.NAME and t.string == 'for': target.add(len(stack))
        if t.type == tokenize.NAME and t.string == 'in': target.discard(len(stack))
        if t.type == tokenize.OP and t.string in '([{': stack.append(k)
        if t.type == tokenize.OP and t.string in ')]}' and stack:
            target.discard(len(stack)); stack.pop()
    return out


def wrap_lines(src):
    "`src` with each line over W broken inside its brackets (after a comma, before `for` / `if`)"
    lines = src.split('\n')
    for _ in range(200):
        long = [i for i, l in enumerate(lines, 1) if len(l) > W and not l.lstrip().startswith('#')]
        done = True
        for row in long:
            try: spots = _breaks('\n'.join(lines), row)
            except (tokenize.TokenError, IndentationError, SyntaxError): return src
            l = lines[row - 1]
            fits = [s for s in spots if 0 < s[0] <= W and s[1] <= W // 2 and l[s[0]:].strip() and l[:s[0]].strip()]
            # the outermost bracket first; there the rightmost break whose rest fits, else the rightmost
            for d in sorted({s[2] for s in fits}):
                at = [s for s in fits if s[2] == d]
                good = [s for s in at if s[1] + len(l[s[0]:].strip()) <= W] or at
                c, ind, _ = good[-1]
                lines[row - 1:row] = [l[:c].rstrip(), ' ' * ind + l[c:].strip()]
                done = False; break
            if not done: break
        if done: break
    return '\n'.join(lines)


def split_compound(src):
    "`src` with statements that share a line (`a; b`) on lines of their own, when they begin it"
    try: tree = ast.parse(src)
    except SyntaxError: return src
    lines, groups = src.split('\n'), []
    for node in ast.walk(tree):
        for field in ('body', 'orelse', 'finalbody'):
            body = getattr(node, field, None)
            if not isinstance(body, list): continue
            rows = {}
            for st in body:
                if isinstance(st, ast.stmt): rows.setdefault(st.lineno, []).append(st)
            groups += [g for g in rows.values() if len(g) > 1]
    for g in sorted(groups, key=lambda g: -g[0].lineno):
        row, l = g[0].lineno, lines[g[0].lineno - 1]
        if any(st.end_lineno != row for st in g) or l[:len(l) - len(l.lstrip())] != l[:g[0].col_offset]:
            continue
        if l[:g[0].col_offset].strip(): continue
        segs = [ast.get_source_segment(src, st) for st in g]
        rest = l.split(segs[-1], 1)[1] if segs[-1] in l else None
        if rest is None or rest.strip(): continue                   # a trailing comment: leave it
        lines[row - 1:row] = [' ' * g[0].col_offset + s for s in segs]
    return '\n'.join(lines)


def tidy_code(src):
    "Code `src` with every rule applied, or `src` itself unless the syntax tree stays the same"
    if re.search(r"^\s*[!%]", src, re.M): return src                  # IPython magics
    try: tree = ast.parse(src)
    except SyntaxError: return src
    out = src
    for _ in range(4):                                  # until nothing changes
        prev, out = out, wrap_lines(split_compound(split_statements(reflow_code(out))))
        if out == prev: break
    try: new = ast.parse(out)
    except SyntaxError: return src
    same = ast.dump(new) == ast.dump(tree)
    return out if same and _longest(new) <= max(_longest(tree), F) else src


def _cell(c):
    "A notebook cell's source reflowed by its kind"
    src = ''.join(c['source'])
    if c['cell_type'] == 'markdown': return reflow_markdown(src)
    return tidy_code(src) if c['cell_type'] == 'code' else src


def reflow(path, check=False):
    "Reflow notebook or .py file `path` (rewritten unless `check`); how many cells or files changed"
    text = open(path).read()
    if path.endswith('.py'):
        new = tidy_code(text)
        if new != text and not check: open(path, 'w').write(new)
        return int(new != text)
    nb, n = json.loads(text), 0
    for c in nb['cells']:
        new = _cell(c)
        if new == ''.join(c['source']): continue
        n += 1; c['source'] = new.splitlines(True)
    if n and not check:
        with open(path, 'w') as f: json.dump(nb, f, indent=1, ensure_ascii=False); f.write('\n')
    return n


if __name__ == '__main__':
    check = '--check' in sys.argv
    changed = {p: k for p in sys.argv[1:] if p != '--check' and (k := reflow(p, check))}
    for p, k in changed.items(): print(f"{p}: {k} {'would change' if check else 'reflowed'}")
    sys.exit(1 if check and changed else 0)
