"Notebooks run top to bottom in a fresh Jupyter kernel, as `jupyter lab` would run them (nbdev-test uses an in-process shell)"
import nbformat, pytest
from nbclient import NotebookClient
from conftest import ROOT

@pytest.mark.parametrize('nb', ['index.ipynb', 'nbs/04_cli.ipynb'])
def test_runs_in_fresh_kernel(nb):
    book = nbformat.read(ROOT / nb, as_version=4)
    NotebookClient(book, timeout=600, kernel_name='python3', resources={'metadata': {'path': str((ROOT / nb).parent)}}).execute()
    errors = [o for c in book.cells if c.cell_type == 'code' for o in c.get('outputs', []) if o.get('output_type') == 'error']
    assert not errors
