"What `pip install .` (not editable, as from PyPI) puts in place: every module of the source tree"
import shutil, subprocess, sys, zipfile
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_wheel_holds_every_module(tmp_path):
    "A wheel built from the checkout holds each `layeradv/**/*.py` (the reference: the tree itself)"
    pytest.importorskip('setuptools')
    src = tmp_path / 'src'
    # a copy, so the build writes no build/ or egg-info into the checkout
    shutil.copytree(ROOT / 'layeradv', src / 'layeradv',
                    ignore=shutil.ignore_patterns('__pycache__'))
    for f in ('pyproject.toml', 'README.md'): shutil.copy(ROOT / f, src / f)
    subprocess.run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '--no-build-isolation',
                    '-q', '-w', str(tmp_path / 'wheel'), str(src)], check=True)
    whl, = (tmp_path / 'wheel').glob('layeradv-*.whl')
    names = set(zipfile.ZipFile(whl).namelist())
    tree = {p.relative_to(src).as_posix() for p in (src / 'layeradv').rglob('*.py')}
    assert 'layeradv/repro/toy.py' in tree
    assert tree - names == set(), f"modules missing from the wheel: {sorted(tree - names)}"
    ep = next(n for n in names if n.endswith('entry_points.txt'))
    assert 'layeradv = layeradv.cli:main' in zipfile.ZipFile(whl).read(ep).decode()
