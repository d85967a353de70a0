"""Bring notebook lines within the project's 100 characters without changing what any cell does.

    python tools/reflow.py nbs/*.ipynb          # rewrites the notebooks in place; prints what it changed
    python tools/reflow.py --check nbs/*.ipynb  # exit 1 if something would change

Markdown paragraphs and list items with a line over 100 characters are wrapped at 100 (headings, tables, fenced
blocks are left alone). In code cells a trailing comment that takes its line over 100 characters
moves to its own line above the code, at the code's indentation, wrapped at 100. Nothing else in code is touched:
a statement longer than 100 characters is left for a person to split."""
import io, json, re, sys, textwrap, tokenize

W = 100
ITEM = re.compile(r'^(\s*)([-*+]|\d+\.)\s+')


def _fill(text, first, rest):
    "`text` wrapped at W with prefix `first` on the first line and `rest` on the others"
    return textwrap.fill(' '.join(text.split()), W, initial_indent=first, subsequent_indent=rest,
                         break_long_words=False, break_on_hyphens=False)


def _blocks(lines):
    "Split markdown `lines` into (kind, lines): 'keep' blocks and 'para' blocks (a paragraph or one list item)"
    out, fence = [], False
    for l in lines:
        s = l.strip()
        if s.startswith('```'): fence = not fence; out.append(['keep', [l]]); continue
        if fence or not s or s.startswith(('#', '|', '<', '$$')): out.append(['keep', [l]]); continue
        if s.startswith('>'):
            if out and out[-1][0] == 'quote': out[-1][1].append(l)
            else: out.append(['quote', [l]])
            continue
        starts_item = ITEM.match(l)
        if out and out[-1][0] == 'para' and not starts_item: out[-1][1].append(l)
        else: out.append(['para', [l]])
    return out


def reflow_markdown(src):
    "Markdown `src` with every paragraph or list item that has a line over W wrapped at W"
    res = []
    for kind, ls in _blocks(src.split('\n')):
        if kind == 'keep' or max(map(len, ls)) <= W: res += ls; continue
        if kind == 'quote':
            res += _fill(' '.join(l.strip()[1:] for l in ls), '> ', '> ').split('\n'); continue
        m = ITEM.match(ls[0])
        first = m.group(0) if m else re.match(r'\s*', ls[0]).group(0)
        body = ' '.join(l.strip() for l in ls)[len(first.strip()):] if m else ' '.join(l.strip() for l in ls)
        res += _fill(body, first if m else first, ' ' * len(first)).split('\n')
    return '\n'.join(res)


def reflow_code(src):
    "Code `src` with trailing comments that take a line over W moved above it"
    try: toks = list(tokenize.generate_tokens(io.StringIO(src).readline))
    except (tokenize.TokenError, IndentationError, SyntaxError): return src
    comments = {t.start[0]: t.start[1] for t in toks if t.type == tokenize.COMMENT}
    lines, out = src.split('\n'), []
    for i, l in enumerate(lines, 1):
        c = comments.get(i)
        indent = len(l) - len(l.lstrip())
        prev = out[-1] if out else ''
        if len(l) <= W or c is None or c <= indent or l.lstrip().startswith('#|') or prev.endswith('\\'):
            out.append(l); continue
        code, text = l[:c].rstrip(), l[c:].lstrip('#').strip()
        if len(code) > W: out.append(l); continue
        out += _fill(text, ' ' * indent + '# ', ' ' * indent + '# ').split('\n') + [code]
    return '\n'.join(out)


def reflow(path, check=False):
    "Reflow notebook `path`; the number of cells changed"
    nb = json.loads(open(path).read())
    n = 0
    for c in nb['cells']:
        src = ''.join(c['source'])
        new = reflow_markdown(src) if c['cell_type'] == 'markdown' else reflow_code(src) if c['cell_type'] == 'code' else src
        if new != src:
            if c['cell_type'] == 'code': compile(re.sub(r'^\s*[!%].*$', '', new, flags=re.M), path, 'exec')
            n += 1; c['source'] = new.splitlines(True)
    if n and not check:
        with open(path, 'w') as f: json.dump(nb, f, indent=1, ensure_ascii=False); f.write('\n')
    return n


if __name__ == '__main__':
    check = '--check' in sys.argv
    changed = {p: k for p in sys.argv[1:] if p != '--check' and (k := reflow(p, check))}
    for p, k in changed.items(): print(f"{p}: {k} cells {'would change' if check else 'reflowed'}")
    sys.exit(1 if check and changed else 0)
