import os, pytest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def data_path(var):
    "Path of a real data set from environment variable `var`; skip the test (fail it under CI) when it is missing"
    p = os.environ.get(var)
    why = f"{var} is not set (bash .ci/run sets it to the data in ../shared/data)" if not p else \
          f"{var}={p} does not exist" if not Path(p).exists() else None
    if why and os.environ.get('CI'): pytest.fail(why)      # CI must never pass by skipping the tests on real data
    if why: pytest.skip(why)
    return Path(p)
