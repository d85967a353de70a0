#!/usr/bin/env bash
# A GPU lease takes the working tree (tracked and untracked-not-ignored files, carried paths) up to
# 64 MiB. `prepare` makes it fit: the committed checkpoints (results/**/*.pt, about 200 MB; the
# studies on the GPU read only the .json results) leave the index and are ignored for the call, and
# the CIFAR-10 archive is copied to .stage/ (ignored: name it in the call's carry). It prints the
# size that will travel. Further files (the CIFAR-100 JPEG copy of tools/cifar_jpeg.py) are staged
# beside it. `restore` puts the index (all of it: stage nothing else meanwhile) and
# .gitignore back; no commit changes either way.
#   bash tools/lease_tree.sh prepare CIFAR10_TAR [CIFAR100_JPG_TAR]
#   (device call: STUDIES="r20-full r20-c100-full r56-full" WORKERS=8 OUT=$OUT
#    C100JPG=.stage/cifar100-jpg.tar.gz bash tools/gpu_check.sh
#    .stage/cifar10-jpg.tar.gz SECONDS, with carry [".stage"])
#   bash tools/lease_tree.sh restore
set -eu
cd "$(dirname "$0")/.."
size() { xargs -0 -r du -cb 2>/dev/null | awk 'END {print $1 + 0}'; }
case "${1:-}" in
prepare)
  shift; [ $# -gt 0 ] || { echo "lease_tree: name the data to stage" >&2; exit 1; }
  for f in "$@"; do [ -f "$f" ] || { echo "lease_tree: no file '$f'" >&2; exit 1; }; done
  git ls-files -z 'results/*.pt' | xargs -0 -r git rm -q --cached
  sed -i 's|^!results/\*\*/\*\.pt$|# !results/**/*.pt  (commented out for a lease)|' .gitignore
  mkdir -p .stage && cp "$@" .stage/
  t=$(git ls-files -z | size); u=$(git ls-files -z --others --exclude-standard | size)
  s=$(find .stage -type f -print0 | size)
  echo "travels: $(( (t + u + s) / 1048576 )) MiB of 64 (tracked $((t / 1048576)), untracked" \
       "$((u / 1048576)), .stage $((s / 1048576)))";;
restore)
  git checkout -- .gitignore && git reset -q && echo "lease_tree: index and .gitignore restored";;
*) echo "usage: bash tools/lease_tree.sh prepare CIFAR10_TAR [FILE ...] | restore" >&2; exit 2;;
esac
