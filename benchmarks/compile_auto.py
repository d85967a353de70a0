"""What `--compile auto` decides on this machine: the trainer's CompilePolicy in 'measure' mode on
a model (ResNet-20 unless --arch; batch 128, fp32, CPU), after its compile and warm-up steps, times
compiled and eager steps of the run and keeps the faster.

    python benchmarks/compile_auto.py [--method ours] [--arch toy_mlp] [--batch 128] [--probe 5]
"""
import argparse, time
import torch
from layeradv.config import TrainConfig, Amp
from layeradv.train import CompilePolicy, STEPS, build_model, build_optim
from layeradv.provenance import hardware

if __name__ == '__main__':
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument('--method', default='ours')
    ap.add_argument('--arch', default='resnet20')
    ap.add_argument('--batch', type=int, default=128)
    ap.add_argument('--probe', type=int, default=5)
    a = ap.parse_args()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads on {hardware()}; "
          f"{a.arch}, {a.method}, batch {a.batch}")
    cfg = TrainConfig(arch=a.arch, method=a.method, data='-', eps=0.03)
    shape = (1, 32, 32) if a.arch == 'toy_mlp' else (3, 32, 32)     # the toy's grey images
    torch.manual_seed(0)
    model = build_model(cfg, 10, torch.device('cpu'), in_shape=shape)
    opt, _ = build_optim(cfg, model)
    amp, t0 = Amp(torch.device('cpu')), time.time()
    policy = CompilePolicy(model, model, 'measure', probe=a.probe)
    x = torch.randn(a.batch, *shape).contiguous(memory_format=torch.channels_last)
    y = torch.randint(0, 10, (a.batch,))
    # the first step eager (new shape), two compiled warm-ups, the probes
    for i in range(1 + 2 + 2 * a.probe):
        opt.zero_grad(set_to_none=True)
        policy.step(STEPS[a.method], x, y, amp, cfg, None, opt)
        amp.step(opt)
    print(
        f"decided after {time.time() - t0:.0f} s: "
        f"{'compiled' if policy.fast is not None else 'eager'}"
    )
