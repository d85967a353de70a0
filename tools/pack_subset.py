"""Pack the CIFAR images that the evidence protocol reads (its validation split and training subset,
and the whole test set) into a small file for a device lease, and unpack it there into the data
cache.

The full CIFAR-100 archive (169 MB) does not fit a lease's 64 MiB carry; the protocol reads 6,000 of
its 50,000 training images. Unpacking writes an `ImageData` whose unread training images are zero,
under the cache key of an (empty) CIFAR folder, so `layeradv reproduce ... --cifar100 FOLDER` reads
exactly the images it would read from the archive (`pack` checks this before writing).

    python tools/pack_subset.py pack cifar100 ARCHIVE OUT.xz --valid 1000 --train-subset 5000 \
        --data-seed 0
    # on the device, with LAYERADV_CACHE set
    python tools/pack_subset.py unpack cifar100 OUT.xz FOLDER
    # here: file those runs under the archive's name
    python tools/pack_subset.py rekey STORE FOLDER ARCHIVE

A run's key holds its data file's name, so the runs trained from FOLDER are re-filed under ARCHIVE's
name (the images are the same; `data_as_trained` keeps the path they were read from).
"""
import argparse, io, lzma
from pathlib import Path
import torch
from layeradv.data import load_images, holdout, subset, ImageData, source_key, CIFAR_FOLDERS
from layeradv.paths import cache_dir, atomic_write

def used_train(y, valid, n, seed):
    "Indices of the training images that `holdout` and `subset` select"
    idx = torch.arange(len(y))
    rest, ry, held, _ = holdout(idx, y, valid, seed) if valid else (idx, y, idx[:0], None)
    sub, _ = subset(rest, ry, n, seed)
    return torch.cat([held, sub]).sort().values

def pack(a):
    d = load_images(a.dataset, a.path)
    keep = used_train(d.train_y, a.valid, a.train_subset, a.data_seed)
    pruned = torch.zeros_like(d.train_x)
    pruned[keep] = d.train_x[keep]
    # (validation images, training subset) the protocol reads
    def seen(x):
        tx, ty, vx, _ = holdout(x, d.train_y, a.valid, a.data_seed)
        return vx, subset(tx, ty, a.train_subset, a.data_seed)[0]
    assert all(torch.equal(u, v) for u, v in zip(seen(d.train_x), seen(pruned))), (
        "the packed images differ from the archive's"
    )
    buf = io.BytesIO()
    torch.save(dict(keep=keep, x=d.train_x[keep], train_y=d.train_y, test_x=d.test_x,
                    test_y=d.test_y, classes=d.classes), buf)
    Path(a.out).write_bytes(lzma.compress(buf.getvalue(), preset=6))
    print(f"{a.out}: {len(keep)} of {len(d.train_y)} training images, {len(d.test_y)} test images, "
          f"{Path(a.out).stat().st_size / 2**20:.1f} MiB")

def unpack(a):
    s = torch.load(io.BytesIO(lzma.decompress(Path(a.packed).read_bytes())), weights_only=True)
    x = torch.zeros((len(s['train_y']),) + tuple(s['x'].shape[1:]), dtype=torch.uint8)
    x[s['keep']] = s['x']
    folder = Path(a.folder)
    # torchvision's folder name
    (folder / CIFAR_FOLDERS[a.dataset][1]).mkdir(parents=True, exist_ok=True)
    f = cache_dir() / f"{a.dataset}-{source_key(folder)}.pt"
    state = ImageData(x, s['train_y'], s['test_x'], s['test_y'], s['classes']).state()
    atomic_write(f, lambda t: torch.save(state, t))
    print(f"{folder}: {len(s['keep'])} training images unpacked into {f}")

def rekey(a):
    import json, os
    from layeradv.config import TrainConfig
    from layeradv.store import RunStore, run_key
    store, n = RunStore(a.store), 0
    for f in sorted(Path(a.store).glob('*.json')):
        r = json.loads(f.read_text())
        if 'config' not in r: continue            # a measurement file (`RunStore.measure`)
        if Path(r['config']['data']).name != Path(a.folder).name: continue
        r['data_as_trained'], r['config']['data'] = r['config']['data'], a.archive
        cfg = TrainConfig(**r['config'])
        r['key'] = run_key(cfg)
        store._write(cfg, r)
        f.unlink()
        n += 1
        if f.with_suffix('.pt').exists(): os.replace(f.with_suffix('.pt'), store.weights(cfg))
    print(f"{n} runs re-filed under {Path(a.archive).name}")

if __name__ == '__main__':
    p = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    sub = p.add_subparsers(dest='cmd', required=True)
    q = sub.add_parser('pack')
    q.add_argument('dataset')
    q.add_argument('path')
    q.add_argument('out')
    q.add_argument('--valid', type=int, default=1000)
    q.add_argument('--train-subset', type=int, default=5000)
    q.add_argument('--data-seed', type=int, default=0)
    q = sub.add_parser('unpack')
    q.add_argument('dataset')
    q.add_argument('packed')
    q.add_argument('folder')
    q = sub.add_parser('rekey')
    q.add_argument('store')
    q.add_argument('folder')
    q.add_argument('archive')
    a = p.parse_args()
    {'pack': pack, 'unpack': unpack, 'rekey': rekey}[a.cmd](a)
