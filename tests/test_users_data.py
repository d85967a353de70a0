"""Users' own data through the real command line: a 28x28 grayscale PNG tree trains with every
CIFAR-sized model; models that cannot take an input, and failed starts, are one-line errors that
leave nothing behind."""
import numpy as np, pytest
from PIL import Image
from conftest import cli


@pytest.fixture(scope='module')
def gray28(tmp_path_factory):
    "A tree of 28x28 grayscale PNGs: 3 classes, 16 training and 4 test images each"
    root = tmp_path_factory.mktemp('gray28')
    rng = np.random.default_rng(0)
    for split, n in (('train', 16), ('test', 4)):
        for k, c in enumerate(('zero', 'one', 'two')):
            d = root / split / c
            d.mkdir(parents=True)
            for i in range(n):
                # a learnable stripe
                a = rng.integers(0, 60, (28, 28), dtype=np.uint8)
                a[4 + 6 * k: 10 + 6 * k] += 150
                Image.fromarray(a, mode='L').save(d / f'{i}.png')
    return root

ARGS = ['--dataset', 'imagefolder', '--epochs', '1', '--batch_size', '16', '--lr', '0.01',
        '--device', 'cpu', '--quiet', '--compile', 'false']

@pytest.mark.parametrize('arch',
                         ['resnet20', 'resnet56', 'vgg16_bn', 'small_cnn', 'toy_mlp', 'vit_tiny'])
def test_every_cifar_model_trains_on_28x28_grayscale(tmp_path, gray28, arch):
    r = cli('train', '--data', str(gray28), '--out', str(tmp_path / 'r'), '--arch', arch,
            '--method', 'ours', *ARGS)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-2000:]
    assert (tmp_path / 'r' / 'last.pt').exists()
    ev = cli('eval', str(tmp_path / 'r'))
    assert ev.returncode == 0 and 'test error' in ev.stdout, ev.stderr

def test_too_small_for_alexnet_is_one_line_and_retryable(tmp_path, gray28):
    run = tmp_path / 'r'
    # the same command twice: nothing was left to block it
    for _ in range(2):
        r = cli('train', '--data', str(gray28), '--out', str(run), '--arch', 'alexnet', *ARGS)
        assert r.returncode == 1 and r.stderr.strip().count('\n') == 0, r.stderr
        assert 'alexnet cannot take inputs of shape (3, 28, 28)' in r.stderr
        assert not run.exists()

def test_corrupt_checkpoint_is_one_line(tmp_path, gray28):
    run = tmp_path / 'r'
    args = ('--data', str(gray28), '--out', str(run), '--arch', 'small_cnn', *ARGS)
    assert cli('train', *args).returncode == 0
    (run / 'best.pt').write_bytes(b'not a checkpoint')
    r = cli('eval', str(run))
    assert (r.returncode == 1 and r.stderr.strip().count('\n') == 0
            and 'best.pt: cannot read checkpoint' in r.stderr), r.stderr
    (run / 'last.pt').write_bytes(b'\x00' * 64)
    r = cli('train', '--out', str(run), '--resume', '--quiet')
    assert (r.returncode == 1 and r.stderr.strip().count('\n') == 0
            and 'last.pt: cannot read checkpoint' in r.stderr), r.stderr

def test_divergence_after_good_epochs_keeps_their_files(tmp_path, gray28):
    """lr x 1e38 after epoch 1: epoch 2 diverges; exit 1 with one line, and epoch 1's checkpoints
    and metrics stay as they were"""
    run = tmp_path / 'r'
    r = cli('train', '--data', str(gray28), '--out', str(run), '--arch', 'toy_mlp', '--grayscale',
            *ARGS[:2], '--epochs', '3', '--lr_step', '1', '--lr_factor', '1e-38', *ARGS[4:])
    assert (r.returncode == 1 and r.stderr.strip().count('\n') == 0 and 'epoch 2' in r.stderr
            and 'nothing of this epoch was saved' in r.stderr), r.stderr
    # header + epoch 1
    assert (run / 'metrics.csv').read_text().count('\n') == 2
    import torch
    assert torch.load(run / 'last.pt', weights_only=True)['epoch'] == 1
    assert (run / 'best.pt').read_bytes() == (run / 'last.pt').read_bytes()
