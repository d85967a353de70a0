"""The official CIFAR-100 archive as a JPEG copy small enough to carry to a GPU lease.

The archive (169 MB) does not fit a lease's 64 MiB; the full-scale CIFAR-100 study needs all 50,000
training images. This writes them, and the 10,000 test images, as baseline JPEG files of quality 75
(what the project's CIFAR-10 copy is) in the ImageFolder layout that `layeradv.data.load_images`
reads as `cifar100`, about 18 MiB:

    train/<fine label name>/NNNNN.jpg   (NNNNN: the image's index in the official file)
    test/<fine label name>/NNNNN.jpg

The fine label names are alphabetical in the official `meta`, so the tree's sorted class folders
give every image its official label; JPEG loses some detail, so absolute accuracies on the copy run
below the original's (comparisons on one copy are fair).

    python tools/cifar_jpeg.py cifar-100-python.tar.gz cifar100-jpg.tar.gz [--limit N]
"""
import argparse, io, pickle, tarfile
from pathlib import Path
from PIL import Image

def split(tf, name):
    "(uint8 images N x 32 x 32 x 3, fine labels) of split `name` of the official archive"
    d = pickle.load(tf.extractfile(f'cifar-100-python/{name}'), encoding='latin1')
    return d['data'].reshape(-1, 3, 32, 32).transpose(0, 2, 3, 1), d['fine_labels']

def write(src, out, quality=75, limit=None):
    "Write the JPEG tree of archive `src` to `out` (.tar.gz); `limit` images per split (a test)"
    with tarfile.open(src) as tf:
        names = pickle.load(tf.extractfile('cifar-100-python/meta'),
                            encoding='latin1')['fine_label_names']
        assert names == sorted(names), "fine label names are not alphabetical"
        parts = {s: split(tf, s) for s in ('train', 'test')}
    tmp = Path(str(out) + '.part')
    with tarfile.open(tmp, 'w:gz') as tf:
        for s, (x, y) in parts.items():
            for i, (im, label) in enumerate(zip(x[:limit], y[:limit])):
                b = io.BytesIO()
                Image.fromarray(im).save(b, 'JPEG', quality=quality)
                info = tarfile.TarInfo(f'{s}/{names[label]}/{i:05d}.jpg')
                info.size, info.mtime = b.tell(), 0
                b.seek(0)
                tf.addfile(info, b)
    tmp.replace(out)
    return out

if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('archive', help='the official cifar-100-python.tar.gz')
    ap.add_argument('out', help='the JPEG tree to write (.tar.gz)')
    ap.add_argument('--quality', type=int, default=75)
    ap.add_argument('--limit', type=int, default=None, help='images per split (a test)')
    a = ap.parse_args()
    p = write(a.archive, a.out, a.quality, a.limit)
    print(f"{p}: {Path(p).stat().st_size / 2**20:.1f} MiB")
