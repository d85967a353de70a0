#!/usr/bin/env bash
# Run (or resume) the CPU evidence studies one after another, one thread each, committing nothing: result files land in
# results/store/ as runs finish. Usage: THREADS=1 bash tools/run_studies.sh toy r20-cifar10 r20-variants r20-layers r20-cifar100
set -u
for s in "$@"; do
  OMP_NUM_THREADS="${THREADS:-1}" layeradv reproduce "$s" --quiet || echo "study $s stopped with an error"
done
