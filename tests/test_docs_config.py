"The Quarto site configuration lists every notebook (the real site is built by nbdev-docs where Quarto is installed)"
import yaml
from conftest import ROOT

def test_sidebar_lists_every_notebook():
    side = yaml.safe_load((ROOT / 'nbs' / 'sidebar.yml').read_text())['website']['sidebar']['contents']
    listed = set()
    def walk(items):
        for it in items:
            if isinstance(it, str): listed.add(it)
            else: walk(it['contents'])
    walk(side)
    on_disk = {p.name for p in (ROOT / 'nbs').glob('*.ipynb')}
    assert listed == on_disk, (sorted(on_disk - listed), sorted(listed - on_disk))

def test_quarto_files_present():
    for f in ("_quarto.yml", "nbdev.yml", "sidebar.yml", "styles.css"): assert (ROOT / 'nbs' / f).exists(), f
