"""torch.compile in the trainer: a failed compile falls back to eager from the same state, and compiled training never
recompiles per step (every method, batches of changing size, evaluation in between)."""
import csv, os, subprocess, sys, textwrap
import pytest
from conftest import data_path

def layeradv(*args, env=None):
    return subprocess.run([sys.executable, '-c', 'import sys; from layeradv.cli import main; sys.exit(main())', *args],
                          capture_output=True, text=True, timeout=900, env=env)

def script(src, *args, timeout=900):
    "Run the Python source `src` with `args` in a fresh one-thread process"
    return subprocess.run([sys.executable, '-c', src, *args], capture_output=True, text=True, timeout=timeout,
                          env={**os.environ, 'OMP_NUM_THREADS': '1'})

def metrics(run):
    with open(run / 'metrics.csv') as f: return [{k: v for k, v in r.items() if k != 'seconds'} for r in csv.DictReader(f)]

ARGS = ['--arch', 'small_cnn', '--method', 'ours', '--epochs', '2', '--batch_size', '64', '--lr', '0.05', '--eps', '0.1',
        '--train_subset', '600', '--test_subset', '200', '--device', 'cpu', '--quiet']

def test_failed_compile_falls_back_to_eager_exactly(tmp_path):
    "No C++ compiler (CXX points nowhere, empty inductor cache): one line says so, and the run equals an eager run"
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    env = {**os.environ, 'OMP_NUM_THREADS': '1', 'CXX': str(tmp_path / 'no-such-g++'),
           'TORCHINDUCTOR_CACHE_DIR': str(tmp_path / 'inductor')}
    fell = layeradv('train', '--data', cifar10, '--out', str(tmp_path / 'fell'), '--compile', 'true', *ARGS, env=env)
    assert fell.returncode == 0, fell.stdout + fell.stderr
    notes = [l for l in (fell.stdout + fell.stderr).splitlines() if 'torch.compile failed' in l]
    assert len(notes) == 1 and 'training in eager mode' in notes[0], fell.stdout + fell.stderr
    eager = layeradv('train', '--data', cifar10, '--out', str(tmp_path / 'eager'), '--compile', 'false', *ARGS, env=env)
    assert eager.returncode == 0, eager.stderr
    assert metrics(tmp_path / 'fell') == metrics(tmp_path / 'eager')

SCRIPT = textwrap.dedent('''
    import sys, torch, torch._dynamo.utils as U
    from layeradv.config import TrainConfig, Amp
    from layeradv.train import build_model, build_optim, STEPS, evaluate
    method = sys.argv[1]
    cfg = TrainConfig(arch='small_cnn', method=method, data='-', eps=0.1, alpha=0.5)
    torch.manual_seed(0)
    model = build_model(cfg, 10, torch.device('cpu')); opt, _ = build_optim(cfg, model); amp = Amp(torch.device('cpu'))
    net = torch.compile(model)
    norm = (torch.zeros(1, 3, 1, 1), torch.ones(1, 3, 1, 1))
    batch = lambda n: (torch.randn(n, 3, 32, 32).contiguous(memory_format=torch.channels_last), torch.randint(0, 10, (n,)))
    test = [batch(50), batch(50), batch(20)]
    def epoch():                               # 3 full batches and a smaller last one, then evaluation
        net.train()
        for n in (32, 32, 32, 8):
            x, y = batch(n); opt.zero_grad(); STEPS[method](net, x, y, amp, cfg, norm); amp.step(opt)
        evaluate(net, test, amp)
    graphs = []
    for _ in range(4):
        epoch(); graphs.append(U.counters['stats']['unique_graphs'])
    print(graphs)
    assert graphs[1] == graphs[2] == graphs[3], graphs
''')

@pytest.mark.parametrize('method', ['ours', 'ours_joint', 'fgs', 'fgs_inter', 'random_matched'])
def test_compiled_training_never_recompiles_per_step(tmp_path, method):
    r = script(SCRIPT, method)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]

TWO_RUNS = textwrap.dedent('''
    import sys, tempfile, torch
    from layeradv.config import TrainConfig
    from layeradv.train import train
    from layeradv.core import gc_layers
    data = sys.argv[1]
    kw = dict(arch='toy_mlp', dataset='cifar10', data=data, grayscale=True, flip=False, epochs=1, batch_size=50, lr=0.01,
              eps=0.3, train_subset=300, test_subset=100, channels_last=False, device='cpu')
    loss = {}
    with tempfile.TemporaryDirectory() as d:
        for name, method, comp in [('base', 'baseline', 'true'), ('ours', 'ours', 'true'), ('matched', 'random_matched', 'true'),
                                   ('eager', 'ours', 'false')]:
            m, h = train(TrainConfig(method=method, compile=comp, **kw), f'{d}/{name}', quiet=True)
            loss[name] = h[0]['train_loss']
            if method != 'baseline': assert all(g.sign is not None and g.sign.abs().sum() > 0 for g in gc_layers(m).values()), name
    print(loss)
    assert abs(loss['ours'] - loss['eager']) < 1e-4 * loss['eager'], loss           # compiled Ours = eager Ours
    assert abs(loss['ours'] - loss['base']) > 1e-2, loss                          # ...and not the baseline's graph
    assert abs(loss['matched'] - loss['base']) > 1e-4 and abs(loss['matched'] - loss['ours']) > 1e-4, loss
''')

def test_compiled_gc_run_after_a_plain_run_in_one_process():
    "A compiled baseline, then compiled Gc runs of the same architecture in the same process: Gc must act (Dynamo does not guard on hooks)"
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    r = script(TWO_RUNS, cifar10)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]

HOOKS = textwrap.dedent('''
    import torch, torch.nn.functional as F
    from layeradv.models import get_model
    from layeradv.core import add_gc, gc_layers
    torch.manual_seed(0); x, y = torch.randn(32, 1, 32, 32), torch.randint(0, 10, (32,))
    def losses(model, compiled):
        net = torch.compile(model) if compiled else model
        out = []
        for _ in range(3):
            loss = F.cross_entropy(net(x), y); model.zero_grad(); loss.backward(); out.append(loss.item())
            with torch.no_grad():
                for p in model.parameters(): p -= 0.05 * p.grad
        return out
    mk = lambda: get_model('toy_mlp', 10, in_shape=(1, 32, 32))
    torch.manual_seed(1); base = losses(mk(), True)                          # a plain model of the class, compiled first
    torch.manual_seed(1); m = add_gc(mk(), eps=0.5); ours = losses(m, True)  # then the same class with Gc, compiled
    torch.manual_seed(1); eager = losses(add_gc(mk(), eps=0.5), False)
    print(base, ours, eager)
    assert all(g.sign is not None for g in gc_layers(m).values()), 'compiled Gc layers never ran'
    assert max(abs(a - b) for a, b in zip(ours, eager)) < 1e-4 and abs(ours[2] - base[2]) > 1e-3
''')

def test_compile_sees_gc_hooks_added_to_a_class_compiled_before():
    "torch.compile of a Gc model after a plain model of the same class (no Dynamo reset): Gc acts, as in eager mode"
    r = script(HOOKS, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]

LATE = textwrap.dedent('''
    import sys, tempfile, torch
    import layeradv.train as T
    from layeradv.config import TrainConfig
    class Late:                      # a compiled model whose second call fails, as torch 2.11's Dynamo fails once Gc caches exist
        def __init__(self, m): self.m, self.calls = m, 0
        def __call__(self, *a, **k):
            self.calls += 1
            if self.calls == 2: raise RuntimeError("Argument 'l_self_sign' of Node 'r' was used before it has been defined!")
            return self.m(*a, **k)
        def __getattr__(self, k): return getattr(self.m, k)
    torch.compile = lambda m, **k: Late(m)
    kw = dict(arch='small_cnn', method='ours', dataset='cifar10', data=sys.argv[1], epochs=2, batch_size=64, lr=0.05, eps=0.1,
              train_subset=300, test_subset=100, device='cpu')
    with tempfile.TemporaryDirectory() as d:
        _, late = T.train(TrainConfig(compile='true', **kw), f'{d}/late', quiet=True)
        _, eager = T.train(TrainConfig(compile='false', **kw), f'{d}/eager', quiet=True)
    strip = lambda h: [{k: v for k, v in r.items() if k != 'seconds'} for r in h]
    assert strip(late) == strip(eager), (late, eager)
''')

def test_compile_failing_at_the_second_step_falls_back_exactly():
    "A compiled step that fails after the first (torch 2.11 on Gc models, found on an H200): undone, then eager; equals an eager run"
    cifar10 = str(data_path('LAYERADV_CIFAR10'))
    r = script(LATE, cifar10, timeout=600)
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
    notes = [l for l in r.stdout.splitlines() if 'torch.compile failed' in l]
    assert len(notes) == 1 and 'l_self_sign' in notes[0], r.stdout

LAST_BATCH = textwrap.dedent('''
    import sys, tempfile, torch, torch._dynamo.utils as U
    from layeradv.config import TrainConfig
    from layeradv.train import train
    kw = dict(arch='toy_mlp', dataset='cifar10', data=sys.argv[1], grayscale=True, flip=False, epochs=2, batch_size=50, lr=0.01,
              eps=0.3, method='ours', train_subset=330, test_subset=100, channels_last=False, device='cpu')   # 6 batches of 50 + 30
    with tempfile.TemporaryDirectory() as d:
        h = {c: train(TrainConfig(compile=c, **kw), f'{d}/{c}', quiet=True)[1] for c in ('true', 'false')}
    loss = {c: [r['train_loss'] for r in v] for c, v in h.items()}
    graphs = U.counters['stats']['unique_graphs']
    print(loss, graphs)
    assert graphs == 2, graphs                       # one training graph (batches of 50) and one for evaluation
    assert all(abs(a - b) < 1e-4 * b for a, b in zip(loss['true'], loss['false'])), loss
''')

def test_compiled_training_with_a_smaller_last_batch_equals_eager():
    "The trainer runs the steps that change the batch shape eagerly (the last batch, the full batch after it): the losses stay eager's"
    r = script(LAST_BATCH, str(data_path('LAYERADV_CIFAR10')))
    assert r.returncode == 0, r.stdout[-2000:] + r.stderr[-4000:]
