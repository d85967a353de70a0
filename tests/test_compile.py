"""torch.compile in the trainer: a failed compile falls back to eager from the same state, and
compiled training never recompiles per step (every method, batches of changing size, evaluation
in between)."""
import os, subprocess, sys
import pytest
from conftest import ROOT, data_path, cli, metrics

def script(name, *args, timeout=900):
    "Run tests/scripts/`name`.py with `args` in a fresh one-thread process"
    return subprocess.run([sys.executable, str(ROOT / 'tests' / 'scripts' / f'{name}.py'), *args],
                          capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, 'OMP_NUM_THREADS': '1'})


ARGS = ['--arch', 'small_cnn', '--method', 'ours', '--epochs', '2', '--batch_size', '64', '--lr',
        '0.05', '--eps', '0.1',
        '--train_subset', '600', '--test_subset', '200', '--device', 'cpu', '--quiet']

def test_failed_compile_falls_back_to_eager_exactly(tmp_path):
    """No C++ compiler (CXX points nowhere, empty inductor cache): one line says so, and the run
    equals an eager run"""
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'CXX': str(tmp_path / 'no-such-g++'),
           'TORCHINDUCTOR_CACHE_DIR': str(tmp_path / 'inductor')}
    fell = cli('train', '--data', cifar10, '--out', str(tmp_path / 'fell'), '--compile', 'true',
               *ARGS, env=env)
    assert fell.returncode == 0, fell.stdout + fell.stderr
    notes = [l for l in (fell.stdout + fell.stderr).splitlines() if 'torch.compile failed' in l]
    assert len(notes) == 1 and 'training in eager mode' in notes[0], fell.stdout + fell.stderr
    eager = cli('train', '--data', cifar10, '--out', str(tmp_path / 'eager'), '--compile', 'false',
                *ARGS, env=env)
    assert eager.returncode == 0, eager.stderr
    assert metrics(tmp_path / 'fell') == metrics(tmp_path / 'eager')

@pytest.mark.parametrize('method', ['ours', 'ours_joint', 'fgs', 'fgs_inter', 'random_matched'])
def test_compiled_training_never_recompiles_per_step(tmp_path, method):
    r = script('compiled_steps', method)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]

def test_compiled_gc_run_after_a_plain_run_in_one_process():
    """A compiled baseline, then compiled Gc runs of the same architecture in the same process: Gc
    must act (Dynamo does not guard on hooks)"""
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    r = script('compiled_after_plain', cifar10)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]

def test_compile_sees_gc_hooks_added_to_a_class_compiled_before():
    """torch.compile of a Gc model after a plain model of the same class (no Dynamo reset): Gc acts,
    as in eager mode"""
    r = script('compiled_sees_hooks', timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]

def test_compile_failing_at_the_second_step_falls_back_exactly():
    """A compiled step that fails after the first (torch 2.11 on Gc models, found on an H200):
    undone, then eager; equals an eager run"""
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    r = script('compile_fails_late', cifar10, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    notes = [l for l in r.stdout.splitlines() if 'torch.compile failed' in l]
    assert len(notes) == 1 and 'l_self_sign' in notes[0], r.stdout

def test_compiled_training_with_a_smaller_last_batch_equals_eager():
    """The trainer runs the steps that change the batch shape eagerly (the last batch, the full
    batch after it): the losses stay eager's"""
    r = script('compiled_last_batch', str(data_path('LAYERADV_CIFAR10')))
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
