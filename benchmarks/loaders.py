"""Images/s of layeradv's ResidentLoader versus torchvision's Dataset + DataLoader + transforms, on
the same data, in one run.

    python benchmarks/loaders.py [--cifar10 PATH] [--cifar100 PATH] [--workers 2] [--batches 40]

Paths default to $LAYERADV_CIFAR10 (an ImageFolder tree or .tar.gz, e.g. the JPEG copy of CIFAR-10)
and $LAYERADV_CIFAR100 (torchvision's CIFAR-100 format). Both pipelines do the same work per image:
random crop with 4-pixel zero padding, horizontal flip, per-channel normalisation, float output. The
resident loader runs on the CPU and, where one is available, on the GPU (timed with
synchronisation). The ratio column is images/s relative to torchvision.
"""
import argparse, os, time
import torch
import torchvision, torchvision.transforms as T
from torch.utils.data import DataLoader
from layeradv.data import load_images, find_tree, cifar_loaders, channel_stats
from layeradv.provenance import hardware


def rate(it, n_batches, sync=lambda: None, warmup=3):
    "Images per second over `n_batches` batches of iterator `it`, after `warmup` batches"
    it = iter(it)
    for _ in range(warmup): next(it)
    sync()
    t0, n = time.perf_counter(), 0
    for _ in range(n_batches):
        xb, _ = next(it)
        n += len(xb)
    sync()
    return n / (time.perf_counter() - t0)


def torchvision_loader(ds, workers, bs):
    return DataLoader(
        ds, bs, shuffle=True, num_workers=workers, drop_last=True, persistent_workers=workers > 0
    )


def bench(name, data, tv_dataset, args):
    mean, std = channel_stats(data.train_x)
    tf = T.Compose([T.RandomCrop(32, padding=4), T.RandomHorizontalFlip(), T.ToTensor(),
                    T.Normalize((mean / 255).tolist(), (std / 255).tolist())])
    tv_dataset.transform = tf
    rows = [('torchvision + DataLoader', f'{args.workers} workers',
             rate(torchvision_loader(tv_dataset, args.workers, args.bs), args.batches))]
    devices = ['cpu'] + (['cuda'] if torch.cuda.is_available() else [])
    for dev in devices:
        sync = torch.cuda.synchronize if dev == 'cuda' else (lambda: None)
        for dtype in (torch.float32, torch.bfloat16):
            tr, _ = cifar_loaders(
                data, batch_size=args.bs, flip=True, crop=4, device=dev, dtype=dtype
            )
            n = min(len(tr) - 3, args.batches * (20 if dev == 'cuda' else 5))
            rows.append(('ResidentLoader', f'{dev} {str(dtype)[6:]}', rate(tr, n, sync)))
    base = rows[0][2]
    print(f"\n{name}: batch {args.bs}, random crop (pad 4) + flip + normalise")
    print(f"{'pipeline':<26}{'where':<16}{'images/s':>12}{'ratio':>8}")
    for p, w, r in rows: print(f"{p:<26}{w:<16}{r:>12,.0f}{r / base:>7.1f}x")


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('--cifar10', default=os.environ.get('LAYERADV_CIFAR10'))
    ap.add_argument('--cifar100', default=os.environ.get('LAYERADV_CIFAR100'))
    ap.add_argument('--workers', type=int, default=min(4, os.cpu_count() or 1))
    ap.add_argument('--batches', type=int, default=40)
    ap.add_argument('--bs', type=int, default=128)
    args = ap.parse_args()
    print(
        f"torch {torch.__version__}, {os.cpu_count()} CPU cores ({hardware('cpu')}), GPU: "
        f"{torch.cuda.get_device_name() if torch.cuda.is_available() else 'none'}"
    )
    if args.cifar10:
        data = load_images('cifar10', args.cifar10)
        root, _, _ = find_tree(args.cifar10)
        bench('CIFAR-10 JPEG tree (torchvision ImageFolder)', data,
              torchvision.datasets.ImageFolder(root / 'train'), args)
    if args.cifar100:
        from layeradv.data import extract_archive, is_archive
        from pathlib import Path
        data = load_images('cifar100', args.cifar100)
        p = Path(args.cifar100)
        root = extract_archive(p) if is_archive(p) else p
        bench('CIFAR-100 (torchvision CIFAR100)', data,
              torchvision.datasets.CIFAR100(str(root), train=True), args)
    if not (args.cifar10 or args.cifar100):
        ap.error("give --cifar10 and/or --cifar100 (or set LAYERADV_CIFAR10 / LAYERADV_CIFAR100)")


if __name__ == '__main__':
    main()
