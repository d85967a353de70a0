"""Training-step time of every method relative to `baseline`, measured side by side in one run (also `layeradv bench`).

    python benchmarks/step_overhead.py                 # ResNet-20, batch 128, CPU, fp32 (the CPU target: ours <= 1.05)
    python benchmarks/step_overhead.py --gpu           # ResNet-56, batch 512, CUDA, bf16 (the GPU target: ours <= 1.03),
                                                       # plus seconds per ResNet-56 CIFAR-10 epoch with the resident loader
"""
import argparse, os, time
import torch
from layeradv.train import bench_steps, print_bench


def epoch_seconds(arch='resnet56', method='ours', batch_size=512, n_train=50_000, compile=False):
    "Seconds of one training epoch over a CIFAR-sized resident data set on CUDA (bf16, channels-last)"
    from layeradv.data import ResidentLoader
    from layeradv.train import TrainConfig, build_model, build_optim, STEPS, Amp
    dev = torch.device('cuda')
    x = torch.randint(0, 256, (n_train, 3, 32, 32), dtype=torch.uint8); y = torch.randint(0, 10, (n_train,))
    dl = ResidentLoader(x, y, batch_size, flip=True, device=dev, dtype=torch.bfloat16, drop_last=True,
                        mean=[125.3, 123.0, 113.9], std=[63.0, 62.1, 66.7])
    cfg = TrainConfig(arch=arch, method=method, data='-', eps=0.01)
    model = build_model(cfg, 10, dev); opt, _ = build_optim(cfg, model); amp = Amp(dev, 'bf16')
    net = torch.compile(model) if compile else model
    def run_epoch():
        for xb, yb in dl:
            opt.zero_grad(set_to_none=True); STEPS[method](net, xb, yb, amp, cfg, None); amp.step(opt)
    run_epoch(); torch.cuda.synchronize()                  # warm-up epoch (cudnn autotuning, compilation)
    t0 = time.perf_counter(); run_epoch(); torch.cuda.synchronize()
    return time.perf_counter() - t0


if __name__ == '__main__':
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--gpu', action='store_true')
    ap.add_argument('--rounds', type=int, default=5)
    ap.add_argument('--steps', type=int, default=3)
    ap.add_argument('--compile', action='store_true')
    a = ap.parse_args()
    print(f"torch {torch.__version__}, {os.cpu_count()} CPU cores, threads {torch.get_num_threads()}")
    if a.gpu:
        torch.backends.cudnn.benchmark = True
        print(f"GPU: {torch.cuda.get_device_name()}")
        res = bench_steps('resnet56', 512, device='cuda', amp='bf16', rounds=a.rounds, steps_per_round=a.steps * 3, compile=a.compile)
        print_bench(res, "ResNet-56, batch 512, CUDA, bf16 autocast, channels-last")
        for m in ('baseline', 'ours'):
            s = epoch_seconds(method=m, compile=a.compile)
            print(f"ResNet-56 CIFAR-10 epoch ({m}, batch 512, bf16): {s:.2f} s  -> 300 epochs {300 * s / 60:.1f} min")
    else:
        torch.backends.cudnn.benchmark = True
        res = bench_steps('resnet20', 128, device='cpu', amp='none', rounds=a.rounds, steps_per_round=a.steps)
        print_bench(res, "ResNet-20, batch 128, CPU, fp32, channels-last")
