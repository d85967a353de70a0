import os, pytest
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

def data_path(var):
    "Path of a real data set from environment variable `var`, or skip the test saying which variable is missing"
    p = os.environ.get(var)
    if not p: pytest.skip(f"{var} is not set (bash .ci/run sets it to the data in ../shared/data)")
    if not Path(p).exists(): pytest.skip(f"{var}={p} does not exist")
    return Path(p)
