"""The CUDA paths (bf16 autocast, channels-last, torch.compile with inductor/triton, the trainer
end to end), checked on a GPU against the CPU in fp32 as the independent reference. Skipped where
no GPU is present: the CPU tests cover the same code with amp 'none' and gloo, and CI has no GPU;
run `pytest tests/test_gpu.py` on a machine with one."""
import csv, math, os
import pytest, torch, torch.nn.functional as F
from layeradv.models import get_model
from layeradv.core import add_gc, gc_layers
from layeradv.config import Amp, OLD_DYNAMO
from test_ddp import make_tree
from conftest import cli, torchrun

pytestmark = pytest.mark.skipif(not torch.cuda.is_available(), reason='needs a CUDA GPU')

def losses(device, method='ours', amp='none', compiled=False, channels_last=True, steps=4, eps=0.1):
    """Losses of `steps` SGD steps of ResNet-20 (seed 0, fixed batches) with Gc as in Algorithm 1 on
    `device`"""
    torch.manual_seed(0)
    model = get_model('resnet20', 10)
    if method != 'baseline':
        add_gc(model, eps=eps, source='prev' if method == 'ours' else 'matched')
    g = torch.Generator().manual_seed(1)
    batches = [(torch.rand(64, 3, 32, 32, generator=g), torch.randint(0, 10, (64,), generator=g))
               for _ in range(steps)]
    mf = torch.channels_last if channels_last else torch.contiguous_format
    model = model.to(device, memory_format=mf).train()
    am = Amp(torch.device(device), amp)
    net = torch.compile(model) if compiled else model
    opt = torch.optim.SGD(model.parameters(), lr=0.05, momentum=0.9)
    out = []
    for x, y in batches:
        x, y = x.to(device).contiguous(memory_format=mf), y.to(device)
        with am.autocast(): loss = F.cross_entropy(net(x), y)
        opt.zero_grad()
        am.backward(loss)
        am.step(opt)
        out.append(loss.item())
    return out, model

def test_cuda_fp32_equals_cpu_fp32():
    """Algorithm 1 on the GPU in fp32 (TF32 off) follows the CPU's losses; Gc changes them (it
    acted)

    Step 1 is unperturbed and must agree to float rounding. Later steps add eps * sign(g): a
    gradient entry near 0 can take the other sign on the other device, so they agree to 1e-2
    (H200: 6e-3 after 4 steps), far closer than to the baseline."""
    torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False
    cpu, _ = losses('cpu')
    gpu, m = losses('cuda')
    base, _ = losses('cuda', 'baseline')
    print(cpu, gpu, base)
    d = max(abs(a - b) for a, b in zip(cpu, gpu))
    assert abs(cpu[0] - gpu[0]) < 1e-4 and d < 1e-2, (cpu, gpu)
    assert abs(gpu[-1] - base[-1]) > 5 * d, (gpu, base)
    assert all(g.sign is not None and g.sign.is_cuda for g in gc_layers(m).values())

def test_bf16_autocast_close_to_fp32():
    """bf16 autocast: the same steps as fp32 within bf16's precision, the Gc caches hold signs only
    (-1, 0, +1)"""
    fp32, _ = losses('cuda')
    bf16, m = losses('cuda', amp='bf16')
    print(fp32, bf16)
    assert max(abs(a - b) for a, b in zip(fp32, bf16)) < 0.05 * max(fp32), (fp32, bf16)
    for g in gc_layers(m).values(): assert set(g.sign.unique().tolist()) <= {-1.0, 0.0, 1.0}

def test_channels_last_equals_contiguous():
    "channels-last on the GPU is a layout, not a different computation"
    a, _ = losses('cuda', amp='bf16')
    b, _ = losses('cuda', amp='bf16', channels_last=False)
    assert max(abs(x - y) for x, y in zip(a, b)) < 0.02 * max(a), (a, b)


@pytest.mark.xfail(OLD_DYNAMO, strict=False, raises=torch._dynamo.exc.BackendCompilerFailed,
                   reason="compiled Gc is untested before torch 2.11 (2.11 failed until Gc hooked "
                          "its input; the trainer falls back to eager, see tests/test_compile.py)")
def test_compiled_cuda_equals_eager_after_a_compiled_baseline():
    """inductor/triton on the GPU: compiled Ours (after a compiled plain ResNet-20 in the same
    process) equals eager Ours"""
    torch.backends.cudnn.allow_tf32 = torch.backends.cuda.matmul.allow_tf32 = False
    base, _ = losses('cuda', 'baseline', compiled=True)
    ours, m = losses('cuda', compiled=True)
    eager, _ = losses('cuda')
    print(base, ours, eager)
    assert max(abs(a - b) for a, b in zip(ours, eager)) < 2e-3, (ours, eager)
    assert abs(ours[-1] - base[-1]) > 1e-2
    assert all(g.sign is not None for g in gc_layers(m).values())

def test_train_cli_on_cuda_bf16_compiled(tmp_path):
    """`layeradv train --device cuda`: bf16 by default, channels-last, compiled; finite metrics and
    a checkpoint"""
    data, out = make_tree(tmp_path / 'data', n_train=300, n_test=60), tmp_path / 'run'
    run = lambda epochs: cli('train', '--data', data, '--dataset', 'imagefolder',
                             '--arch', 'small_cnn', '--method', 'ours', '--eps', '0.1',
                             '--epochs', epochs, '--batch_size', '32', '--device', 'cuda',
                             '--compile', 'true', '--out', out, timeout=600,
                             env={**os.environ, 'LAYERADV_CACHE': str(tmp_path / 'cache')})
    r = run(2)
    print(r.stdout[-2000:])
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    assert 'amp bf16' in r.stdout and 'compiled' in r.stdout, r.stdout[-2000:]
    rows = list(csv.DictReader(open(out / 'metrics.csv')))
    assert ((out / 'last.pt').exists() and len(rows) == 2
            and all(math.isfinite(float(v)) for row in rows for k, v in row.items() if k != 'epoch'
                    and v not in ('', None)))

@pytest.mark.skipif(torch.cuda.device_count() < 2, reason='nccl needs one GPU per rank')
def test_two_nccl_ranks_end_identical(tmp_path):
    "torchrun with 2 ranks on 2 GPUs (nccl): both ranks end with identical parameters"
    import test_ddp
    data, out = make_tree(tmp_path / 'data'), tmp_path / 'run'
    worker = tmp_path / 'w.py'
    src = (test_ddp.ROOT / 'tests' / 'ddp_worker.py').read_text()
    worker.write_text(src.replace("device='cpu'", "device='auto'"))
    r = torchrun(worker, data, out, 'ours', 'false',
                 env={**os.environ, 'LAYERADV_CACHE': str(tmp_path / 'cache')})
    assert r.returncode == 0, r.stdout[-3000:] + r.stderr[-3000:]
    a, b = torch.load(out / 'rank0.pt'), torch.load(out / 'rank1.pt')
    for k in a: assert torch.equal(a[k], b[k]), k
