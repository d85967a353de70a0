import os, pytest
from pathlib import Path
from layeradv.paths import data_env

ROOT = Path(__file__).resolve().parents[1]


def data_path(var):
    "Path of a real data set from environment variable `var`; skip the test (fail it under CI) when it is missing"
    try:
        p = data_env(var)  # under CI an unset variable is an error
    except RuntimeError as e:
        pytest.fail(str(e))
    if not p:
        pytest.skip(f"{var} is not set (bash .ci/run sets it to the data in ../shared/data)")
    if not Path(p).exists():
        (pytest.fail if os.environ.get('CI') else pytest.skip)(f"{var}={p} does not exist")
    return Path(p)
