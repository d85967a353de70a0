"""A run killed with SIGKILL and resumed ends exactly where an uninterrupted run ends (real
subprocesses, real data)."""
import os, signal, subprocess, sys, time
import pytest, torch
from conftest import data_path, cli, metrics

ARGS = ['--arch', 'resnet20', '--method', 'ours', '--epochs', '3', '--batch_size', '100', '--lr',
        '0.05', '--train_subset', '1500', '--test_subset', '300', '--device', 'cpu', '--quiet']

def layeradv(*args, **kw):
    return subprocess.Popen([sys.executable, '-m', 'layeradv', *args],
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, **kw)

def rows(run):
    try: return len(metrics(run))
    except FileNotFoundError: return 0

@pytest.fixture(scope='module')
def cifar10(): return str(data_path('LAYERADV_CIFAR10'))

@pytest.mark.parametrize('compile', ['false', 'true'])
def test_sigkill_then_resume_matches_uninterrupted(tmp_path, cifar10, compile):
    """Eager and compiled alike: the resumed run (which compiles again) ends bit for bit where the
    uninterrupted one ends"""
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    full, cut = tmp_path / 'full', tmp_path / 'cut'
    args = ['--compile', compile, *ARGS]
    # side by side, one core each
    whole = layeradv('train', '--data', cifar10, '--out', str(full), *args, env=env)
    p = layeradv('train', '--data', cifar10, '--out', str(cut), *args, env=env)
    t0 = time.time()
    # wait for the first epoch's checkpoint...
    while rows(cut) < 1:
        assert p.poll() is None and time.time() - t0 < 600, "run ended before it could be killed"
        time.sleep(0.05)
    # ...let epoch 2 get under way, then kill it hard
    time.sleep(1.0)
    p.send_signal(signal.SIGKILL)
    p.wait()
    assert p.returncode == -signal.SIGKILL
    killed_at = rows(cut)
    assert killed_at < 3, "the run finished before the kill; nothing was tested"

    # the saved config is used
    again = layeradv('train', '--out', str(cut), '--resume', *ARGS[-1:], env=env)
    assert again.wait(timeout=900) == 0, again.stdout.read()
    assert whole.wait(timeout=900) == 0, whole.stdout.read()
    assert metrics(cut) == metrics(full)
    a, b = (torch.load(full / 'last.pt', weights_only=True),
            torch.load(cut / 'last.pt', weights_only=True))
    for k in a['model']: assert torch.equal(a['model'][k], b['model'][k]), k
    for k in a['gc']: assert torch.equal(a['gc'][k]['sign'], b['gc'][k]['sign']), k

def test_existing_run_is_not_overwritten(tmp_path, cifar10):
    run = tmp_path / 'r'
    run.mkdir()
    (run / 'metrics.csv').write_text('precious\n')
    p = layeradv('train', '--data', cifar10, '--out', str(run), *ARGS)
    out = p.communicate(timeout=300)[0]
    assert p.returncode == 1 and 'already holds a run' in out and out.strip().count('\n') == 0
    assert (run / 'metrics.csv').read_text() == 'precious\n'

def test_bad_data_leaves_no_run_dir(tmp_path):
    p = layeradv('train', '--data', str(tmp_path / 'missing'), '--out', str(tmp_path / 'r'), *ARGS)
    out = p.communicate(timeout=300)[0]
    assert p.returncode == 1 and 'missing: no such file or directory' in out
    assert not (tmp_path / 'r').exists()

def in_terminal(*args, timeout=600):
    "(exit code, output) of `python -m layeradv *args` with a pseudo-terminal as its stdout"
    import pty
    main, sub = pty.openpty()
    p = subprocess.Popen([sys.executable, '-m', 'layeradv', *args], stdout=sub,
                         stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
    os.close(sub)
    out, t0 = b'', time.time()
    while time.time() - t0 < timeout:
        try: chunk = os.read(main, 65536)
        except OSError: break                                       # the process closed it
        if not chunk: break
        out += chunk
    os.close(main)
    return p.wait(timeout=60), out.decode(errors='replace')

def test_cli_train_shows_progress_and_ends_with_paths(tmp_path, cifar10):
    """The README's main job, shortened: per-epoch lines and the paths of curves and metrics; a
    live progress bar in a terminal, the lines alone in a file or pipe"""
    run = tmp_path / 'r'
    args = ['--data', cifar10, '--arch', 'resnet20', '--method', 'ours', '--epochs', '2',
            '--train_subset', '500', '--test_subset', '200', '--batch_size', '50']
    p = layeradv('train', *args, '--out', str(run))
    out = p.communicate(timeout=600)[0]
    assert p.returncode == 0, out
    assert 'resnet20 / ours on cifar10' in out and 'epoch   2' in out and 'loss' in out
    assert out.rstrip().endswith(f"curves: {run / 'curves.png'}  metrics: {run / 'metrics.csv'}")
    # a pipe: no bar redrawn with carriage returns
    assert '\r' not in out and 'Epoch 1/2' not in out, out
    assert (run / 'curves.png').stat().st_size > 10_000
    rc, tty = in_terminal('train', *args, '--epochs', '1', '--out', str(tmp_path / 't'))
    assert rc == 0 and 'Epoch 1/1' in tty and '\r' in tty and 'epoch   1' in tty, tty
    ev = cli('eval', run, timeout=300)
    assert ev.returncode == 0 and 'test error' in ev.stdout
