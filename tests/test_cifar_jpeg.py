"tools/cifar_jpeg.py: the CIFAR-100 JPEG copy that a GPU lease can carry, checked against the archive"
import importlib.util, tarfile
import numpy as np
from conftest import ROOT, data_path
from layeradv.data import load_images

spec = importlib.util.spec_from_file_location('cifar_jpeg', ROOT / 'tools' / 'cifar_jpeg.py')
cj = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cj)

def test_jpeg_copy_reads_as_cifar100_with_the_official_labels(tmp_path, monkeypatch):
    src = data_path('LAYERADV_CIFAR100')
    monkeypatch.setenv('LAYERADV_CACHE', str(tmp_path / 'cache'))
    out = cj.write(src, tmp_path / 'c100.tar.gz', limit=2000)
    d = load_images('cifar100', out)
    assert (len(d.train_y), len(d.test_y), d.num_classes) == (2000, 2000, 100)
    with tarfile.open(src) as tf: x, y = cj.split(tf, 'test')
    x, y = x[:2000].astype(np.int16), np.array(y[:2000])
    got = d.test_x.permute(0, 2, 3, 1).numpy().astype(np.int16)
    # the tree lists each class's images in the archive's order, under the archive's label
    assert np.array_equal(np.sort(d.test_y.numpy()), np.sort(y))
    order = np.argsort(y, kind='stable')
    assert np.array_equal(d.test_y.numpy(), y[order])
    err = np.abs(got - x[order]).mean(axis=(1, 2, 3))
    # JPEG quality 75 moves a pixel by about 6 levels on average (at most 15 here, 4:2:0 chroma);
    # another image differs by tens
    assert err.max() < 20 and err.mean() < 8, (err.max(), err.mean())
    shuffled = np.abs(got - x[order][::-1]).mean(axis=(1, 2, 3))
    assert shuffled.mean() > 30, shuffled.mean()
