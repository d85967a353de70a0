"tools/reflow.py keeps lines within 100 characters where it can, and never changes what code does"
import ast, json, sys
from conftest import ROOT

sys.path.insert(0, str(ROOT / 'tools'))
import reflow as R


def test_markdown_paragraphs_and_items_wrap_at_100_keeping_every_word():
    long = 'word ' * 40
    src = f"# A heading {long}\n\n{long.strip()}\n\n- {long.strip()}\n\n| a | {long} |\n\n"
    src += f"> {long.strip()}"
    out = R.reflow_markdown(src)
    lines = out.split('\n')
    assert lines[0].startswith('# A heading') and len(lines[0]) > 100  # headings stay whole
    assert any(l.startswith('| a |') and len(l) > 100 for l in lines)  # so do tables
    assert all(len(l) <= 100 for l in lines if not l.startswith(('#', '|')))
    words = lambda t: [w for w in t.split() if w != '>']
    assert words(out) == words(src)  # nothing lost, nothing moved
    assert any(l.startswith('  word') for l in lines)  # a list item's lines hang under it
    assert sum(l.startswith('> ') for l in lines) >= 2  # a block quote stays one


def test_a_long_trailing_comment_moves_above_its_line():
    src = "x = 1\nif x:\n    y = f(x)" + ' ' * 30 + '# ' + 'why ' * 20 + '\n'
    out = R.reflow_code(src)
    assert all(len(l) <= 100 for l in out.split('\n'))
    assert out.split('\n')[2].startswith('    # why') and '    y = f(x)' in out.split('\n')
    assert ast.dump(ast.parse(out)) == ast.dump(ast.parse(src))


def test_a_long_statement_is_split_without_changing_its_tree():
    src = "result = some_function(first_argument, second_argument, third_argument, sixth)\n"
    src = src.replace('sixth', 'fourth, fifth, sixth_argument_with_a_long_name')
    out = R.split_statements(src)
    assert all(len(l) <= 100 for l in out.split('\n')) and out != src
    assert ast.dump(ast.parse(out)) == ast.dump(ast.parse(src))


def test_no_split_takes_a_function_past_40_lines():
    body = ''.join(f"    v{i} = {i}\n" for i in range(38))
    long = "    r = some_function(first_argument, second_argument, third_argument, x12345)\n"
    long = long.replace('x12345', 'fourth_argument, a_fifth_argument_with_a_long_name')
    src = "def f():\n" + body + long
    assert R.split_statements(src) == src  # 40 lines now; splitting would make 42


def test_a_long_call_breaks_after_a_comma_and_continues_under_its_bracket():
    src = ("value = compute(alpha_argument, beta_argument, gamma_argument, delta_argument, "
           "epsilon_arg, (8,), zeta)")
    out = R.wrap_lines(src).split('\n')
    assert len(out) == 2 and all(len(l) <= 100 for l in out)
    assert (out[0].endswith(',') and out[1].startswith(' ' * len('value = compute('))
            and out[1][16] != ' ')
    assert ast.dump(ast.parse('\n'.join(out))) == ast.dump(ast.parse(src))
    # a one-element tuple keeps its comma and bracket
    tup = "x = f(" + 'a, ' * 30 + "(8,))"
    assert '(8,)' in R.wrap_lines(tup)
    # a line of several statements is left alone
    several = "a = g(" + 'b, ' * 40 + "c); d = 1"
    assert R.wrap_lines(several) == several


def test_statements_sharing_a_line_are_split_only_where_it_keeps_their_meaning():
    assert R.split_compound("x = 1; y = 2\n") == "x = 1\ny = 2\n"
    one_line_body = "if x: a = 1; b = 2\n"                  # b belongs to the if: left alone
    assert R.split_compound(one_line_body) == one_line_body
    commented = "x = 1; y = 2  # why\n"
    assert R.split_compound(commented) == commented
    assert R.tidy_code("for i in r:\n    x = 1; y = 2\n") == "for i in r:\n    x = 1\n    y = 2\n"


def test_no_break_inside_a_for_target_a_one_line_compound_or_a_bracket_closed_mid_line():
    target = ("    x = {k: v for k, v in pairs_with_a_long_name.items() if v is not None and "
              "long_check(k) and long_check(v)}")
    out = R.wrap_lines(target)
    assert 'for k, v in' in out and out != target           # breaks before `if`, not inside `k, v`
    compound = ("    if any(isinstance(m, NORM) for _, m in mods): hosts = [n for n, m in mods if "
                "isinstance(m, NORM)]")
    assert R.wrap_lines(compound) == compound
    mid = ("    return a if isinstance(module, NORM_TYPES) and isinstance(a, nn.Module) and not "
           "isinstance(a, nn.Id) else None")
    # no `isinstance(module,` / `NORM_TYPES)` split
    assert R.wrap_lines(mid) == mid


def _same_tree(a, b): return ast.dump(ast.parse(a)) == ast.dump(ast.parse(b))


def test_a_long_string_in_brackets_splits_into_adjacent_literals_at_a_space():
    src = ("raise DataError(f\"{src}: no train/ folder (expected train/<class>/<image> and "
           "test/<class>/<image> or val/<class>/<image>)\")\n")
    out = R.split_strings(src)
    lines = out.rstrip('\n').split('\n')
    assert len(lines) == 2 and all(len(l) <= 100 for l in lines) and _same_tree(out, src)
    assert lines[1].startswith(' ' * len('raise DataError(') + '"')    # no field: no f prefix
    key = "d = {'" + 'a key ' * 20 + "': 1}\n"                            # keys stay whole
    assert R.split_strings(key) == key
    doc = 'def f():\n    "' + 'word ' * 25 + '"\n'                         # so do docstrings
    assert R.split_strings(doc) == doc


def test_a_long_returned_string_is_put_in_brackets_then_split():
    src = "def f(r):\n    return f\"epoch {r['epoch']:>3}  " + 'loss {r[1]:.4f} ' * 6 + '"\n'
    out = R.tidy_code(src)
    assert '    return (f"epoch' in out and all(len(l) <= 100 for l in out.split('\n'))
    assert _same_tree(out, src)


def test_a_long_one_line_compound_statement_opens_its_body():
    src = ("def f(m, mods):\n    if any(isinstance(m, NORM_TYPES) for _, m in mods): "
           "hosts = [n for n, m in mods if isinstance(m, NORM_TYPES)]\n")
    out = R.open_compound(src)
    assert out.split('\n')[1].endswith('mods):') and out.split('\n')[2].startswith('        hosts')
    assert _same_tree(out, src)


def test_a_long_condition_is_bracketed_and_broken_before_an_operator_only_if_it_then_fits():
    src = ("def f(g, x):\n    return g is not None and x._base is None and not (hasattr(g, "
           "'_saved_result') or hasattr(g, '_saved_result0'))\n")
    out = R.tidy_code(src)
    assert out.split('\n')[1].startswith('    return (g is not None') and _same_tree(out, src)
    assert out.split('\n')[2].lstrip().startswith('and not') and all(
        len(l) <= 100 for l in out.split('\n')
    )
    unbreakable = "convs = [" + '(64, 64), ' * 10 + "(1, 2)] + [(512, 512)] * 5\n"
    assert '(' + '[' not in R.bracket_long(unbreakable)          # brackets that cannot help: none


def test_no_break_inside_a_lambdas_parameters_and_hanging_lines_keep_their_indent():
    lam = ("x = Experiment('demo', grid=lambda knobs_with_a_long_name, paths_with_a_long_name: "
           "build(knobs_with_a_long_name))")
    assert 'lambda knobs_with_a_long_name, paths_with_a_long_name:' in R.wrap_lines(lam)
    hang = (
        "R = study(\n    'r20-full', 'ResNet-20 on all 45,000 CIFAR-10 training images, converged: "
        "Table 1 and the direction claim',\n    FULL)\n"
    )
    out = R.wrap_lines(hang).split('\n')
    assert out[1] == "    'r20-full'," and out[2].startswith("    'ResNet-20")


def test_a_short_last_item_joins_the_line_above_when_both_fit():
    src = ("ARM_NAMES = {'ours': 'Ours', 'random': 'dense random noise',\n"
           "             'stages1-2': 'stages 1-2',\n"
           "             'all': 'every stage'}\n")
    out = R.join_orphans(src)
    assert out.split('\n')[1] == "             'stages1-2': 'stages 1-2', 'all': 'every stage'}"
    assert _same_tree(out, src)
    nested = "f(a,\n  g(b,\n    c))\n"                      # a line that opens a bracket stays
    assert R.join_orphans(nested) == nested
    commented = "f(a,  # why\n  b)\n"
    assert R.join_orphans(commented) == commented
    vertical = "LIMITS = dict(\n    a=8,\n    b=40,\n    c=40,\n)\n"   # one item a line: kept
    assert R.join_orphans(vertical) == vertical
    middle = ("CFG = dict(arch='resnet20', data='synthetic', batch_size=16, crop=2, flip=True,\n"
              "           seed=0,\n"
              "           data_seed=0, lr=0.05, lr_step=1, channels_last=False, compile=False)\n")
    assert R.join_orphans(middle).split('\n')[1] == "           seed=0, data_seed=0, lr=0.05, " \
                                                    "lr_step=1, channels_last=False, compile=False)"


def test_an_item_line_moves_under_its_bracket_when_the_first_item_shares_the_bracket_line():
    src = ("PAPER = {('cifar10', 'resnet20'): {'baseline': 90.27, 'ours': 91.1},\n"
           "    ('cifar10', 'resnet56'): {'baseline': 91.53, 'ours': 94.1}}\n")
    out = R.align_items(src)
    assert out.split('\n')[1].startswith(' ' * 9 + "('cifar10', 'resnet56')")
    assert _same_tree(out, src)
    cont = ("x = f(a, 'a string that goes on '\n      'here', b=g(c,\n                  d))\n")
    out = R.align_items(cont).split('\n')
    assert out[1].startswith(' ' * 9 + "'here'")        # under the string it continues
    assert out[2] == cont.split('\n')[2]                # an argument's continuation stays
    hanging = "EXP = study(\n    'toy',\n            'a title', TOY,\n    arms={})\n"
    assert R.align_items(hanging).split('\n')[2] == "    'a title', TOY,"
    glued = "EXP = study(\n    'toy',\n    'a title that '\n            'goes on', TOY)\n"
    assert R.align_items(glued).split('\n')[3] == "    'goes on', TOY)"


def test_a_notebooks_shown_code_cells_wrap_at_80_and_its_exported_cells_at_100(tmp_path):
    call = "result = combine(first_argument, second_argument, third_argument, fourth_argument)\n"
    assert 80 < len(call) <= 100
    cell = lambda src: dict(cell_type='code', source=src, metadata={}, outputs=[])
    nb = dict(cells=[cell('#| export\n' + call), cell(call)], metadata={}, nbformat=4,
              nbformat_minor=5)
    p = tmp_path / 'x.ipynb'
    p.write_text(json.dumps(nb))
    assert R.reflow(str(p)) == 1
    exported, shown = [''.join(c['source']) for c in json.loads(p.read_text())['cells']]
    assert exported == '#| export\n' + call                 # within 100: left alone
    assert max(map(len, shown.splitlines())) <= 80 < len(call)
    assert _same_tree(shown, call)
