#!/usr/bin/env bash
# Everything a GPU lease is used for, in order of priority, each part time-boxed so that a slow part never costs the next:
#   1. tests/test_gpu.py (bf16 autocast, channels-last, inductor/triton, the CLI trainer on CUDA, against the CPU in fp32)
#   2. the step benchmark on the GPU (eager, every method; compiled baseline and Ours; when Gc write their signs)
#   3. the GPU variants of the evidence studies (layeradv reproduce NAME --setting $SETTING, default gpu) until TOTAL
#      seconds; the store is resumable. The paper-scale list (chapter 14_r20_full), in the issue's order:
#      STUDIES="r20-full r20-c100-full r56-full" WORKERS=8 C100JPG=.stage/cifar100-jpg.tar.gz
#      Tried on the CPU: TESTS=0 BENCH=0 SETTING=quick STUDIES=r20-full WORKERS=2 OUT=/tmp/out bash tools/gpu_check.sh DATA 300
# TESTS=0 skips part 1, BENCH=0 part 2. STUDIES (default r20-cifar10, setting gpu) are run by WORKERS processes sharing the GPU
# (ResNet-20 at batch 128 leaves an H200 mostly idle); they resume from the committed store (results/store) and the
# new results come back. C100=FILE: CIFAR-100 packed by tools/pack_subset.py (the archive does not fit a lease).
# C100JPG=FILE: the whole CIFAR-100 as JPEG (tools/cifar_jpeg.py) for STUDIES=r20-c100-full (stage it in .stage/ too).
# Output goes to $OUT (the device tool brings it back): gpu_tests.txt, bench_gpu.txt, studies*.txt, gstore.tgz.*
# The working tree that travels to a lease is capped at 64 MiB; the committed .pt checkpoints push it over, and the
# studies need only the .json results: `bash tools/lease_tree.sh prepare CIFAR10_TAR` before the call (it stages the
# archive in .stage/: carry it) and `bash tools/lease_tree.sh restore` after it.
#   OUT=/tmp/out bash tools/gpu_check.sh CIFAR10_TAR TOTAL_SECONDS [STORE_TGZ_PARTS_TO_RESUME]
set -u
data=$1; total=${2:-540}; prev=${3:-}
cd "$(dirname "$0")/.."
if ls .whl/*.whl >/dev/null 2>&1; then        # pure-Python dependencies the GPU image lacks, carried as wheels
  python3 -m pip install -q --no-index --no-deps --no-compile --no-cache-dir --upgrade --target /tmp/site .whl/*.whl && export PYTHONPATH=/tmp/site
fi
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}" PYTHONUNBUFFERED=1 LAYERADV_CIFAR10="$data" LAYERADV_CACHE=/tmp/cache LAYERADV_RUNS=/tmp/runs
t0=$(date +%s)
nvidia-smi -L 2>/dev/null; python3 -c "import torch, layeradv; print('torch', torch.__version__, torch.cuda.get_device_name() if torch.cuda.is_available() else 'no GPU')"

[ "${TESTS:-1}" = 1 ] && timeout 240 python3 -m pytest -q -rs -p no:cacheprovider tests/test_gpu.py 2>&1 | tee "$OUT/gpu_tests.txt"
echo "tests: $(( $(date +%s) - t0 )) s"

[ "${BENCH:-1}" = 1 ] && timeout 90 python3 benchmarks/step_overhead.py --gpu --arch resnet20 --batch 128 --rounds 9 --steps 10 2>&1 | tee "$OUT/bench_gpu.txt"
[ "${BENCH:-1}" = 1 ] && timeout 120 python3 benchmarks/step_overhead.py --gpu --arch resnet20 --batch 128 --rounds 9 --steps 10 --compile --methods ours 2>&1 \
  | grep -v "^W1\|^  \|^To \|^For " | tee -a "$OUT/bench_gpu.txt"
# does deferring every Gc's sign to the end of the backward pass (a GPU's default) pay on this GPU?
[ "${BENCH:-1}" = 1 ] && timeout 60 python3 benchmarks/eager_ab.py signs --device cuda --rounds 30 --steps 10 2>&1 \
  | tee -a "$OUT/bench_gpu.txt"
echo "bench: $(( $(date +%s) - t0 )) s"

mkdir -p /tmp/gstore; cp results/store/* /tmp/gstore/; [ -n "$prev" ] && cat $prev | tar xzf - -C /tmp
touch /tmp/stamp; c100=()
if [ -n "${C100:-}" ]; then python3 tools/pack_subset.py unpack cifar100 "$C100" /tmp/c100 && c100=(--cifar100 /tmp/c100); fi
# C100JPG=FILE: the whole CIFAR-100 as JPEG files (tools/cifar_jpeg.py), for STUDIES=r20-c100-full; it replaces C100
if [ -n "${C100JPG:-}" ]; then c100=(--cifar100 "$C100JPG")
  python3 -c "import sys; from layeradv.data import load_images; print(load_images('cifar100', sys.argv[1]))" "$C100JPG"; fi
python3 -c "import sys; from layeradv.data import load_images; print(load_images('cifar10', sys.argv[1]))" "$data"   # decode once, not per worker
end=$(( t0 + total - 25 )); echo "studies get $(( end - $(date +%s) )) s"
for w in $(seq 1 "${WORKERS:-1}"); do
  ( for pass in 1 2; do for st in ${STUDIES:-r20-cifar10}; do
      left=$(( end - $(date +%s) )); [ "$left" -gt 20 ] || break 2
      OMP_NUM_THREADS=4 timeout "$left" python3 -c 'import sys; from layeradv.cli import main; sys.exit(main())' reproduce "$st" --setting "${SETTING:-gpu}" \
        --cifar10 "$data" "${c100[@]}" --store /tmp/gstore --quiet 2>&1 | grep -v "^W1\|^  "
    done; done ) > "$OUT/studies$w.txt" 2>&1 &
  sleep 5
done
wait
echo "studies: $(( $(date +%s) - t0 )) s"
cd /tmp/gstore && find . -newer /tmp/stamp -type f | tee -a "$OUT/studies1.txt" | tar czf - -T - | split -b 15M - "$OUT/gstore.tgz."
