"""Notebooks run top to bottom in a fresh Jupyter kernel, as `jupyter lab` would run them
(nbdev-test uses an in-process shell)"""
import nbformat, pytest
from nbclient import NotebookClient
from conftest import ROOT

@pytest.mark.parametrize('nb', ['index.ipynb', 'nbs/09_cli.ipynb'])
def test_runs_in_fresh_kernel(nb):
    book = nbformat.read(ROOT / nb, as_version=4)
    # run every cell, then list the failures
    NotebookClient(book, timeout=600, kernel_name='python3', allow_errors=True,
                   resources={'metadata': {'path': str((ROOT / nb).parent)}}).execute()
    errors = [(i, o['ename'], o['evalue']) for i, c in enumerate(book.cells)
              if c.cell_type == 'code'
              for o in c.get('outputs', []) if o.get('output_type') == 'error']
    assert not errors, errors
    assert all(
        c.get('execution_count') for c in book.cells if c.cell_type == 'code' and c.source.strip()
    ), "a cell did not run"
