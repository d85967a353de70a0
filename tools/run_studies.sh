#!/usr/bin/env bash
# One worker that runs evidence studies to completion (results land in results/store/ as runs finish; commit them).
# Start several workers to share the work: each run is trained by one of them. One thread each by default;
# SETTING picks the studies' setting (default cpu). Interrupted runs keep their checkpoints in results/partial
# (LAYERADV_RUNS): commit them before a session ends and the next worker resumes them.
#   LAYERADV_CIFAR10=... LAYERADV_CIFAR100=... nohup bash tools/run_studies.sh r20-cifar10 r20-variants r20-layers r20-cifar100 > worker.log 2>&1 &
set -eu
cd "$(dirname "$0")/.."
export LAYERADV_RUNS="${LAYERADV_RUNS:-results/partial}"
OMP_NUM_THREADS="${THREADS:-1}" python - "$@" <<'PY'
import os, sys
from layeradv.evidence import run_studies
from layeradv.store import RunStore
paths = {k: os.environ[v] for k, v in (('cifar10', 'LAYERADV_CIFAR10'), ('cifar100', 'LAYERADV_CIFAR100')) if v in os.environ}
run_studies(sys.argv[1:], paths, RunStore('results/store'), setting=os.environ.get('SETTING', 'cpu'))
print('all studies complete:', *sys.argv[1:], flush=True)
PY
