#!/usr/bin/env bash
# The ablation at GPU scale (docs/ablation.md), in two steps.
#
#   scripts/ablation_gpu.sh prepare   # here, with ../shared/corpora: every variant through the pipeline on
#                                     # the web mix, one 64k tokenizer, and the bundle in ablation_work/bundle
#                                     # (33.2 MB measured: each distinct text's uint16 ids once)
#   scripts/ablation_gpu.sh train     # on the GPU machine: the repository and ablation_work/bundle travel
#                                     # (the device tool's carry); no corpora, no Spark, no package registry
#
# The bundle holds raw, every stage added in turn and each left out; train runs all of them with five
# paired seeds: a 25 M-parameter model, 300 steps of 64 windows of 512 tokens (9.8 M tokens) each, in
# bfloat16. The result is ablation_work/result.json (and $OUT/result.json where the device tool sets $OUT).
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=${2:-ablation_work}
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] && PY=${PYTHON:-.venv/bin/python}
case "${1:-}" in
  prepare)
    "$PY" -m benchmarks.ablation --input web --real-mb 12 --web-mb 12 --variants add,loo --vocab 64000 \
      --work "$WORK" --bundle-only
    du -sh "$WORK/bundle" ;;
  train)
    export PYTHONUNBUFFERED=1
    "$PY" -m benchmarks.ablation --from-bundle "$WORK/bundle" --work "$WORK" --device cuda --seeds 5 \
      --steps 300 --batch 64 --seq-len 512 --d-model 512 --layers 8 --heads 8 --lr 1e-3 \
      --json "$WORK/result.json"
    if [ -n "${OUT:-}" ]; then cp "$WORK/result.json" "$OUT/result.json"; fi ;;
  *)
    echo "usage: $0 prepare|train [WORK]" >&2; exit 2 ;;
esac
