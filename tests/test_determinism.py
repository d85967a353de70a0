"""Two trainings of one configuration by one code, on one machine with one thread count, give
identical results on the CPU, eager and compiled (each in a fresh process). This is what
`layeradv reproduce NAME --verify` relies on."""
import os
import pytest
from conftest import data_path, cli, metrics

ARGS = ['--arch', 'resnet20', '--method', 'ours', '--epochs', '2', '--batch_size', '64', '--lr',
        '0.1', '--eps', '0.03', '--train_subset', '640', '--valid', '128', '--test_subset', '200',
        '--device', 'cpu', '--quiet']

def train(out, compile, cifar10):
    "Train ARGS into `out` in a fresh two-thread process; the per-epoch metrics without the timings"
    env = {**os.environ, 'OMP_NUM_THREADS': '2'}
    p = cli('train', '--data', cifar10, '--out', out, '--compile', compile, *ARGS, env=env)
    assert p.returncode == 0, p.stdout + p.stderr
    return metrics(out)

@pytest.mark.parametrize('compile', ['false', 'true'])
def test_two_trainings_are_identical(tmp_path, compile):
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    a, b = train(tmp_path / 'a', compile, cifar10), train(tmp_path / 'b', compile, cifar10)
    assert len(a) == 2 and a == b
