"""Bring lines within the project's 100 characters without changing what any code does.

    python tools/reflow.py nbs/*.ipynb tests/*.py   # rewrites them in place; prints what it changed
    python tools/reflow.py --check nbs/*.ipynb      # exit 1 if something would change

Code cells a chapter shows on the docs site (those not exported: examples and checks) are held to
80 characters, PEP 8's width, so that a reader sees each check whole; exported code and .py files to
100.
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
import ast, contextlib, io, json, re, subprocess, sys, textwrap, tokenize

W = 100  # longest line
SHOWN = 80  # longest line of a code cell the docs site shows (not exported): PEP 8's width
EXPORT = re.compile(r'^#\|\s*export', re.M)
COMMENT, NEWLINE = tokenize.COMMENT, tokenize.NEWLINE
F = 40  # longest function: splitting never takes one past it
ITEM = re.compile(r'^(\s*)([-*+]|\d+\.)\s+')


def _tree(src):
    "The syntax tree of `src`, or None if it is not Python"
    try: return ast.parse(src)
    except SyntaxError: return None


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
    if (tree := _tree(src)) is None: return src
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
    listing, comp = set(), set()            # brackets holding a comma; holding a comprehension
    for k, t in enumerate(toks):
        if t.string == ',' and stack: listing.add(stack[-1])
        if t.type == tokenize.NAME and t.string == 'for' and stack: comp.add(stack[-1])
        if t.type == tokenize.OP and t.string in '([{': stack.append(k)
        if t.type == tokenize.OP and t.string in ')]}' and stack: close[stack.pop()] = t.end
    line = src.split('\n')[row - 1]
    end, lead = len(line.rstrip()), len(line) - len(line.lstrip())
    out, stack, target = [], [], set()      # open brackets; levels inside a `for ... in` target
    for k, t in enumerate(toks):
        if t.start[0] > row: break
        on = t.start[0] == row and stack
        if t.start[0] == row and not stack and t.string in (';', ':'):
            # several statements, or a one-line compound statement: left alone
            nxt = toks[k + 1]
            if t.string == ';' or nxt.start[0] == row and nxt.type not in (COMMENT, NEWLINE):
                return []
        # only inside a bracket that stays open to (nearly) the line's end
        r, c = close.get(stack[-1], (row + 1, 0)) if stack else (row, 0)
        whole = r > row or c >= end - 15
        # under the bracket; under the line's own start where the bracket opened on an earlier line
        opener = toks[stack[-1]].start if on else (0, 0)
        ind = opener[1] + 1 if opener[0] == row else lead
        lam_args = len(stack) in target
        if on and whole and t.string == ',' and toks[k + 1].string not in ')]}' and not lam_args:
            out.append((t.end[1], ind, len(stack)))
        # before a comprehension's `for` / `if`; before a condition's `if`, `else`, `and`, `or`
        # unless the bracket lists several items (the break would seem to govern them all)
        cond = t.string in ('if', 'else', 'and', 'or') and stack and stack[-1] in listing - comp
        word = t.type == tokenize.NAME and t.string in ('for', 'if', 'else', 'and', 'or')
        if on and whole and word and not cond:
            out.append((t.start[1], ind, len(stack)))
        # a `for` target or a lambda's parameters: no break before its `in` or `:`
        if t.type == tokenize.NAME and t.string in ('for', 'lambda'): target.add(len(stack))
        if t.string == 'in' or t.string == ':' and t.type == tokenize.OP: target.discard(len(stack))
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
            fits = [s for s in spots
                    if 0 < s[0] <= W and s[1] <= W // 2 and l[s[0]:].strip() and l[:s[0]].strip()]
            # the outermost bracket first; there the rightmost break whose rest fits, else the last
            for d in sorted({s[2] for s in fits}):
                at = [s for s in fits if s[2] == d]
                good = [s for s in at if s[1] + len(l[s[0]:].strip()) <= W] or at
                c, ind, _ = good[-1]
                lines[row - 1:row] = [l[:c].rstrip(), ' ' * ind + l[c:].strip()]
                done = False; break
            if not done: break
        if done: break
    return '\n'.join(lines)


def _pieces(body, f):
    "Where string body `body` may split: after a space, outside an f-string's {...} fields"
    out, depth, i = [], 0, 0
    while i < len(body):
        ch, two = body[i], body[i:i + 2]
        if f and depth == 0 and two in ('{{', '}}'): i += 2; continue
        if f and ch == '{': depth += 1
        if f and ch == '}': depth -= 1
        if ch == '\\': i += 2; continue                     # an escape stays whole
        if ch == ' ' and depth == 0: out.append(i + 1)
        i += 1
    return out


def _literal(prefix, body):
    "A string literal of `body`; an f-string without a field becomes a plain string"
    if 'f' in prefix.lower() and not re.search(r'(?<!\{)\{(?!\{)', body.replace('{{', '')):
        prefix, body = re.sub('[fF]', '', prefix), body.replace('{{', '{').replace('}}', '}')
    return prefix, body


def _next(toks, t, step=1):
    "The string of the token after `t` in `toks` (before it: `step` -1)"
    k = toks.index(t) + step
    return toks[k].string if 0 <= k < len(toks) else ''


def _tails(lines):
    "Starts (row, column) of expressions that run to the end of their line, comment-free"
    if (tree := _tree('\n'.join(lines))) is None: return set()
    return {(n.lineno, n.col_offset) for n in ast.walk(tree) if isinstance(n, ast.expr)
            and n.end_lineno == n.lineno and n.end_col_offset == len(lines[n.lineno - 1].rstrip())}


def split_strings(src):
    "`src` with a line over W that ends inside a one-line string literal in brackets split there"
    lines = src.split('\n')
    for _ in range(200):
        try: toks = list(tokenize.generate_tokens(io.StringIO('\n'.join(lines)).readline))
        except (tokenize.TokenError, IndentationError, SyntaxError): return src
        depth, hit, tails = 0, None, _tails(lines)          # one parse per pass
        for t in toks:
            if t.type == tokenize.OP and t.string in '([{': depth += 1
            if t.type == tokenize.OP and t.string in ')]}': depth -= 1
            row, (r2, c2) = t.start[0], t.end
            if t.type != tokenize.STRING or r2 != row or len(lines[row - 1]) <= W: continue
            docstring = not depth and lines[row - 1][:t.start[1]].strip() == ''
            key = _next(toks, t) in (':', ']') or _next(toks, t, -1) == '['   # a key stays whole
            if docstring or key or len(t.string) < 40: continue
            if not depth and t.start in tails:                 # `return f"..."`: in brackets first
                l = lines[row - 1]
                lines[row - 1] = l[:t.start[1]] + '(' + l[t.start[1]:].rstrip() + ')'
                hit = 'bracketed'; break
            if not depth: continue
            m = re.fullmatch(r'([A-Za-z]*)([\'"])(.*)\2', t.string, re.S)
            if not m or m.group(3).startswith(m.group(2) * 2) or t.start[1] >= W // 2: continue
            pre, q, body = m.groups()
            at = [i for i in _pieces(body, 'f' in pre.lower()) if t.start[1] + len(pre) + i + 2 <= W
                  and 10 <= i <= len(body) - 12]                 # no scrap of a string on its own
            if at: hit = (t, pre, q, body, at[-1]); break
        if hit is None: break
        if hit == 'bracketed': continue
        t, pre, q, body, i = hit
        (row, c1), (_, c2) = t.start, t.end
        (p1, b1), (p2, b2) = _literal(pre, body[:i]), _literal(pre, body[i:])
        l = lines[row - 1]
        lines[row - 1:row] = [l[:c1] + p1 + q + b1 + q, ' ' * c1 + p2 + q + b2 + q + l[c2:]]
    return '\n'.join(lines)


_HEADS = (ast.If, ast.For, ast.While, ast.With, ast.Try, ast.FunctionDef)


def open_compound(src):
    "`src` with the body of a one-line compound statement (`if c: x`) over W on a line of its own"
    if (tree := _tree(src)) is None: return src
    lines = src.split('\n')
    for n in sorted((n for n in ast.walk(tree) if isinstance(n, _HEADS)), key=lambda n: -n.lineno):
        for body in (n.body, getattr(n, 'orelse', []), getattr(n, 'handlers', [])):
            st = body[0] if len(body) == 1 else None
            if st is None or st.lineno != st.end_lineno or len(lines[st.lineno - 1]) <= W: continue
            l = lines[st.lineno - 1]
            head = l[:st.col_offset].rstrip()
            if not head.endswith(':') or not head.strip() or ';' in l: continue
            ind = len(l) - len(l.lstrip())
            lines[st.lineno - 1:st.lineno] = [head, ' ' * (ind + 4) + l[st.col_offset:]]
            return open_compound('\n'.join(lines))                  # line numbers moved
    return src


def _bare(n):
    "Whether expression `n` is one that brackets may wrap: no brackets of its own around it"
    return isinstance(n, (ast.Tuple, ast.BoolOp, ast.IfExp, ast.BinOp, ast.Compare))


def _bracketed(seg):
    "Whether source `seg` is wholly inside one pair of brackets"
    if seg[:1] != '(' or seg[-1:] != ')': return False
    depth = 0
    for i, ch in enumerate(seg):            # strings with brackets in them: rare, then left alone
        depth += (ch in '([{') - (ch in ')]}')
        if depth == 0: return i == len(seg) - 1
    return False


def bracket_long(src):
    "`src` with a one-line expression over W that has no brackets of its own put in brackets"
    if (tree := _tree(src)) is None: return src
    lines, spots = src.split('\n'), []
    for n in ast.walk(tree):
        e = getattr(n, 'test' if isinstance(n, (ast.If, ast.While, ast.Assert)) else 'value', None)
        if not isinstance(n, ast.stmt) or not isinstance(e, ast.expr) or not _bare(e): continue
        l = lines[e.lineno - 1]
        seg = l[e.col_offset:e.end_col_offset]
        inside = l[:e.col_offset].rstrip()[-1:] == '(' and l[e.end_col_offset:].lstrip()[:1] == ')'
        deep = e.col_offset + 1 > W // 2                    # no room to continue under the bracket
        if e.lineno != e.end_lineno or len(l) <= W or inside or deep or _bracketed(seg): continue
        if isinstance(n, (ast.If, ast.While)) and n.lineno != e.lineno: continue
        spots.append((e.lineno, e.col_offset, e.end_col_offset))
    for row, a, b in sorted(spots, reverse=True):      # kept only where the brackets let it wrap
        l = lines[row - 1]
        new = wrap_lines('\n'.join(lines[:row - 1] + [l[:a] + '(' + l[a:b] + ')' + l[b:]]))
        new = new.split('\n')
        if all(len(x) <= W for x in new[row - 1:]): lines = new + lines[row:]
    return '\n'.join(lines)


def split_compound(src):
    "`src` with statements that share a line (`a; b`) on lines of their own, when they begin it"
    if (tree := _tree(src)) is None: return src
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
        indent = l[:len(l) - len(l.lstrip())]
        if any(st.end_lineno != row for st in g) or indent != l[:g[0].col_offset]:
            continue
        if l[:g[0].col_offset].strip(): continue
        segs = [ast.get_source_segment(src, st) for st in g]
        rest = l.split(segs[-1], 1)[1] if segs[-1] in l else None
        if rest is None or rest.strip(): continue                   # a trailing comment: leave it
        lines[row - 1:row] = [' ' * g[0].col_offset + s for s in segs]
    return '\n'.join(lines)


def _net(line):
    "Brackets `line` opens minus those it closes (strings and comments left out)"
    try: toks = list(tokenize.generate_tokens(io.StringIO(line.strip() + '\n').readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return None
    return sum((t.string in '([{') - (t.string in ')]}') for t in toks if t.type == tokenize.OP)


def _rows(src):
    "(rows to leave: comments, multi-line strings; rows that begin inside brackets) of `src`"
    toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    skip = {t.start[0] for t in toks if t.type == COMMENT}    # comments stay where they are
    for t in toks:
        if t.type == tokenize.STRING: skip |= set(range(t.start[0], t.end[0]))  # multi-line strings
    inside, depth = set(), 0
    for t in toks:
        if t.type == tokenize.OP and t.string in '([{': depth += 1
        if t.type == tokenize.OP and t.string in ')]}': depth -= 1
        if t.type == tokenize.NL and depth: inside.add(t.start[0] + 1)
    return skip, inside


def join_orphans(src, short=30):
    "`src` with a short item line of a bracket's list joined to its neighbour when both fit"
    try: skip, inside = _rows(src)
    except (tokenize.TokenError, IndentationError, SyntaxError): return src
    lines = src.split('\n')
    for row in sorted(inside, reverse=True):          # an item between long lines joins the next
        if row + 1 not in inside or {row, row + 1} & skip: continue
        a, b, c = lines[row - 2], lines[row - 1], lines[row]
        if len(b.strip()) >= short or len(a.strip()) < short or len(c.strip()) < short: continue
        if len(b) - len(b.lstrip()) != len(c) - len(c.lstrip()): continue    # one column of items
        if not b.rstrip().endswith(',') or _net(b) != 0 or len(b.rstrip()) + 1 + len(c.strip()) > W:
            continue
        lines[row - 1:row + 1] = [b.rstrip() + ' ' + c.strip()]
    skip, inside = _rows('\n'.join(lines))
    for row in sorted(inside, reverse=True):          # a last item joins the line above
        a, b = lines[row - 2], lines[row - 1]
        above = lines[row - 3].strip() if row - 1 in inside else ''   # a list of short lines: kept
        if {row - 1, row} & skip or not a.rstrip().endswith(',') or len(b.strip()) >= short:
            continue
        if b.strip()[:1] in ')]}' or above and len(above) < short: continue
        if _net(a) != 0 or (_net(b) or 0) > 0 or len(a.rstrip()) + 1 + len(b.strip()) > W: continue
        lines[row - 2:row] = [a.rstrip() + ' ' + b.strip()]
    return '\n'.join(lines)


def align_items(src):
    "`src` with each item line of a bracket moved under the bracket's first item"
    try: toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return src
    lines, stack, seen, fix, last = src.split('\n'), [], set(), {}, None
    strings = {r for t in toks if t.type == tokenize.STRING
               for r in range(t.start[0] + 1, t.end[0] + 1)}           # rows inside a string
    for t in toks:
        if t.type in (tokenize.NL, NEWLINE, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER):
            continue
        r = t.start[0]
        glued = last is not None and last.type == t.type == tokenize.STRING and last.end[0] == r - 1
        if r not in seen and glued and r not in strings:          # a string that goes on: under it
            fix[r] = last.start[1]
        elif r not in seen and stack and t.type != COMMENT and t.string not in ')]}':
            prev = lines[r - 2].split('#')[0].rstrip()              # a new item: after a comma
            op, visual, first = stack[-1]
            col = op.start[1] + 1 if visual else first                # under the first item
            if op.start[0] < r and prev.endswith(',') and r not in strings and col is not None:
                fix[r] = col
        seen.add(r)
        for s in stack:                      # the first token after an opener: on its line or not
            if s[1] is None and t is not s[0] and t.type != COMMENT:
                s[1], s[2] = r == s[0].start[0], t.start[1]
        if t.type == tokenize.OP and t.string in '([{': stack.append([t, None, None])
        if t.type != COMMENT: last = t
        if t.type == tokenize.OP and t.string in ')]}' and stack: stack.pop()
    for r, col in fix.items():
        if len(new := ' ' * col + lines[r - 1].lstrip()) <= W: lines[r - 1] = new
    return '\n'.join(lines)


def tidy_code(src):
    "Code `src` with every rule applied, or `src` itself unless the syntax tree stays the same"
    if re.search(r"^\s*[!%]", src, re.M): return src                  # IPython magics
    if (tree := _tree(src)) is None: return src
    out = src
    for _ in range(4):                                  # until nothing changes
        prev, out = out, wrap_lines(split_compound(split_statements(reflow_code(out))))
        out = join_orphans(wrap_lines(bracket_long(open_compound(split_strings(out)))))
        out = align_items(out)
        if out == prev: break
    try: new = ast.parse(out)
    except SyntaxError: return src
    same = ast.dump(new) == ast.dump(tree)
    return out if same and _longest(new) <= max(_longest(tree), F) else src


@contextlib.contextmanager
def _width(n):
    "Within the block, the longest line is `n`"
    global W
    old, W = W, n
    try: yield
    finally: W = old


def _cell(c):
    "A notebook cell's source reflowed by its kind (a shown code cell at SHOWN characters)"
    src = ''.join(c['source'])
    if c['cell_type'] == 'markdown': return reflow_markdown(src)
    if c['cell_type'] != 'code': return src
    with _width(W if EXPORT.search(src) else SHOWN): return tidy_code(src)


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
