"The installed `layeradv` console script, run as a user would run it"
import subprocess, sys, shutil
import layeradv

def run(*args):
    exe = shutil.which('layeradv') or [sys.executable, '-m', 'layeradv']
    cmd = ([exe] if isinstance(exe, str) else exe) + list(args)
    return subprocess.run(cmd, capture_output=True, text=True, timeout=120)

def test_help_lists_commands():
    r = run('--help')
    assert r.returncode == 0 and 'usage: layeradv <command>' in r.stdout and 'version' in r.stdout

def test_version():
    r = run('version')
    assert r.returncode == 0 and r.stdout.strip() == layeradv.__version__

def test_unknown_command_is_one_line_error():
    r = run('trian')
    assert (r.returncode == 2 and r.stderr.strip().count('\n') == 0
            and "unknown command 'trian'" in r.stderr)

def test_python_dash_m_layeradv():
    "`python -m layeradv` (what torchrun runs) is the same command line"
    r = subprocess.run(
        [sys.executable, '-m', 'layeradv', 'version'], capture_output=True, text=True, timeout=120
    )
    assert r.returncode == 0 and r.stdout.strip() == layeradv.__version__
