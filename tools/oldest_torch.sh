#!/usr/bin/env bash
# The oldest torch the package declares (pyproject: torch>=2.4), tested: a fresh virtual
# environment with torch 2.4.1 and torchvision 0.19.1 from PyPI, the package installed as the
# README says, then the core and trainer chapters and the resume and zoo tests. Part of the release
# checklist (README): about 5 GB installed, then about 8 minutes of tests on a 2-core AMD EPYC
# (results/oldest_torch.txt).
#   LAYERADV_CIFAR10=... bash tools/oldest_torch.sh [VENV]
set -euo pipefail
cd "$(dirname "$0")/.."
venv=${1:-/tmp/venv-oldest-torch}
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
"$venv/bin/pip" install -q "torch==2.4.1" "torchvision==0.19.1"
"$venv/bin/pip" install -q -e ".[dev]"
"$venv/bin/python" -c "import torch, layeradv
print('torch', torch.__version__, 'layeradv', layeradv.__version__)"
export OMP_NUM_THREADS="${OMP_NUM_THREADS:-1}"
"$venv/bin/nbdev-test" --n-workers 1 --file-glob "0[0-3]*.ipynb" --timing
"$venv/bin/python" -m pytest -q tests/test_resume.py tests/test_zoo.py
