import csv, os, subprocess, sys, pytest
from pathlib import Path
from layeradv.paths import data_env

ROOT = Path(__file__).resolve().parents[1]

def data_path(var):
    """Path of a real data set from environment variable `var`; skip the test (fail it under CI)
    when it is missing"""
    try: p = data_env(var)                                 # under CI an unset variable is an error
    except RuntimeError as e: pytest.fail(str(e))
    if not p: pytest.skip(f"{var} is not set (bash .ci/run sets it to the data in ../shared/data)")
    if not Path(p).exists():
        (pytest.fail if os.environ.get('CI') else pytest.skip)(f"{var}={p} does not exist")
    return Path(p)

def cli(*args, env=None, timeout=900):
    """`python -m layeradv ARGS` in a fresh process (what users and torchrun start): the completed
    process"""
    return subprocess.run([sys.executable, '-m', 'layeradv', *map(str, args)], capture_output=True,
                          text=True, timeout=timeout, env=env)

def torchrun(script, *args, env, timeout=600):
    "`script ARGS` as two processes under torchrun (gloo on the CPU): the completed launcher"
    return subprocess.run([sys.executable, '-m', 'torch.distributed.run', '--standalone',
                           '--nproc_per_node', '2',
                           str(script), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, env=env)

def metrics(run):
    """The rows of run directory `run`'s metrics.csv, without the timings (which differ between
    equal runs)"""
    with open(Path(run) / 'metrics.csv') as f:
        return [{k: v for k, v in r.items() if k != 'seconds'} for r in csv.DictReader(f)]
