"README.md is generated from index.ipynb and its test command is what CI runs"
import subprocess, sys
from conftest import ROOT

def test_ci_runs_the_readme_test_command():
    ci = (ROOT / '.ci' / 'run').read_text()
    assert 'tools/docs.py test-command' in ci
    cmd = subprocess.run(
        [sys.executable, 'tools/docs.py', 'test-command'], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    assert cmd.startswith('nbdev-test') and 'pytest' in cmd

def test_readme_install_command_is_what_ci_installs():
    readme, ci = (ROOT / 'README.md').read_text(), (ROOT / '.ci' / 'run').read_text()
    assert 'pip install -e ".[dev]"' in readme and 'pip install -q -e ".[dev]"' in ci

def test_readme_matches_index_notebook():
    r = subprocess.run([sys.executable, 'tools/docs.py', 'readme', '--check'], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr
