#!/usr/bin/env bash
# One background worker that trains evidence studies to completion (`layeradv work`): results land
# in results/store/ as runs finish (commit them). Start several workers to share the work: each run
# is trained by one of them. THREADS sets the torch threads of each (default 1); SETTING the
# studies' setting (default cpu). Interrupted runs keep their checkpoints in results/partial/store
# (the committed store's; $LAYERADV_RUNS/store if set): commit them before a session ends and the
# next worker resumes them.
# NAME:SETTING:GLOBS trains part of a study first (r20-full:cpu:baseline-*,ours-* ... r20-full).
#   LAYERADV_CIFAR10=... LAYERADV_CIFAR100=... THREADS=2 \
#     nohup bash tools/run_studies.sh r20-full toy:registered r20-cifar10:registered > w.log 2>&1 &
# `layeradv work NAME ... --plan` lists the runs left and how long they should take here.
set -eu
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS="${THREADS:-1}"
exec layeradv work "$@" --setting "${SETTING:-cpu}"
