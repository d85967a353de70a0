#!/usr/bin/env bash
# Everything a GPU lease is used for, in order of priority, each part time-boxed so that a slow part never costs the next:
#   1. tests/test_gpu.py (bf16 autocast, channels-last, inductor/triton, the CLI trainer on CUDA, against the CPU in fp32)
#   2. the step benchmark on the GPU (eager, every method; compiled baseline and Ours)
#   3. the GPU variants of the evidence studies (layeradv reproduce NAME-gpu) until TOTAL seconds; the store is resumable.
# BENCH=0 skips part 2. Output goes to $OUT (the device tool brings it back): gpu_tests.txt, bench_gpu.txt, studies.txt, gstore.tgz.*
#   OUT=/tmp/out bash tools/gpu_check.sh CIFAR10_TAR TOTAL_SECONDS [STORE_TGZ_PARTS_TO_RESUME]
set -u
data=$1; total=${2:-540}; prev=${3:-}
cd "$(dirname "$0")/.."
if ls .whl/*.whl >/dev/null 2>&1; then        # pure-Python dependencies the GPU image lacks, carried as wheels
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 LAYERADV_CIFAR10="$data" LAYERADV_CACHE=/tmp/cache LAYERADV_RUNS=/tmp/runs
t0=$(date +%s)
nvidia-smi -L; python3 -c "import torch, layeradv; print('torch', torch.__version__, torch.cuda.get_device_name())"

timeout 240 python3 -m pytest -q -rs -p no:cacheprovider tests/test_gpu.py 2>&1 | tee "$OUT/gpu_tests.txt"
echo "tests: $(( $(date +%s) - t0 )) s"

[ "${BENCH:-1}" = 1 ] && timeout 90 python3 benchmarks/step_overhead.py --gpu --arch resnet20 --batch 128 --rounds 9 --steps 10 2>&1 | tee "$OUT/bench_gpu.txt"
[ "${BENCH:-1}" = 1 ] && timeout 120 python3 benchmarks/step_overhead.py --gpu --arch resnet20 --batch 128 --rounds 9 --steps 10 --compile --methods ours 2>&1 \
  | grep -v "^W1\|^  \|^To \|^For " | tee -a "$OUT/bench_gpu.txt"
echo "bench: $(( $(date +%s) - t0 )) s"

mkdir -p /tmp/gstore; [ -n "$prev" ] && cat $prev | tar xzf - -C /tmp
budget=$(( total - ($(date +%s) - t0) - 20 )); echo "studies get $budget s"
[ "$budget" -gt 30 ] && timeout "$budget" python3 -c 'import sys; from layeradv.cli import main; sys.exit(main())' reproduce r20-cifar10-gpu \
  --cifar10 "$data" --store /tmp/gstore --quiet 2>&1 | grep -v "^W1\|^  " | tee "$OUT/studies.txt"
echo "studies: $(( $(date +%s) - t0 )) s"
ls /tmp/gstore | tee -a "$OUT/studies.txt"
tar czf - -C /tmp gstore | split -b 15M - "$OUT/gstore.tgz."
