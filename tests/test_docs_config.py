"""The Quarto site configuration lists every notebook (the real site is built by nbdev-docs where
Quarto is installed)"""
import yaml
from conftest import ROOT

def test_sidebar_lists_every_notebook():
    side = yaml.safe_load((ROOT / 'nbs' / 'sidebar.yml').read_text())['website']['sidebar'][
        'contents'
    ]
    listed = set()
    def walk(items):
        for it in items:
            if isinstance(it, str): listed.add(it)
            else: walk(it['contents'])
    walk(side)
    on_disk = {p.name for p in (ROOT / 'nbs').glob('*.ipynb')}
    assert listed == on_disk, (sorted(on_disk - listed), sorted(listed - on_disk))

def test_quarto_files_present():
    for f in ("_quarto.yml", "nbdev.yml", "sidebar.yml", "styles.css"):
        assert (ROOT / 'nbs' / f).exists(), f

def _docs():
    import importlib.util
    spec = importlib.util.spec_from_file_location('docs', ROOT / 'tools' / 'docs.py')
    m = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(m)
    return m

def test_docs_check_catches_problems(tmp_path):
    """The offline docs check fails on a missing page, a broken link or anchor, a missing image, a
    directive shown as text, an experiment page without results, and a shown quick run"""
    (tmp_path / 'index.html').write_text(
        '<a href="nope.html">x</a><img src="images/nope.svg"><p>#| export: true Lead.</p>'
        '<h2 id="Use">Use</h2><a href="#use">ok</a><a href="#Reproduce">x</a>'
    )
    (tmp_path / '20_paper_scale.html').write_text('<p>no figure here</p>')
    (tmp_path / '14_r20_full.html').write_text(
        '<pre>quick: 8 runs in /tmp/x</pre><p>No result yet: ...</p>'
    )
    (tmp_path / '13_r20_small.html').write_text(
        '<p>No result yet: no setting of table3 has been run</p>'
    )
    problems = _docs().check_site(tmp_path)
    for p in ("index.html: broken link to nope.html", "index.html: missing image images/nope.svg",
              "20_paper_scale.html: experiment page with neither a figure nor 'No result yet'",
              "00_core.ipynb: no page rendered", "index.html: shows a #| directive as text",
              "14_r20_full.html: shows a result of CI's quick setting",
              "index.html: no anchor #Reproduce"):
        assert p in problems, (p, problems)
    # an anchor matches a heading's id whatever its case, as on GitHub and in Quarto
    assert "index.html: no anchor #use" not in problems, problems
    # "no result yet" is an honest page
    assert not [p for p in problems if p.startswith('13_r20_small.html')], problems

def test_lead_cells_survive_the_docs_build():
    """Each notebook's first cell is only its `# title` and a one-line `> description`: nbdev keeps
    the first `>` line as the page's description and drops the rest of that cell from the site and
    the README (fastcore's `md_frontmatter`, what nbdev reads, is the reference)"""
    import json
    from fastcore.nbio import md_frontmatter
    bad = []
    for p in sorted((ROOT / 'nbs').glob('*.ipynb')):
        cell = next(c for c in json.loads(p.read_text())['cells'] if c['cell_type'] == 'markdown')
        src = ''.join(cell['source'])
        fm = md_frontmatter(src)
        # everything in the cell besides the title line, which nbdev renders from the front matter
        rest = [ln.removeprefix('>').strip() for ln in src.splitlines()[1:] if ln.strip()]
        if not fm.get('description') or rest != [fm['description']]:
            bad.append(f"{p.name}: shown {fm.get('description')!r}, written {' '.join(rest)!r}")
    assert not bad, '\n'.join(bad)
