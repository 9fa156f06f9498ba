#!/usr/bin/env bash
# Benchmark `entente report` at scale: generate N articles, extract them,
# write the report, open it in headless Chromium and print one line with the
# page's size, the time until its table shows and the time from a click on a
# meeting to its evidence (a measurement, not a pass/fail). See docs/report.md.
#
# Environment (all optional):
#   N=100000              articles (gen-corpus --lang mix)
#   BENCH_DIR=bench/work-report   scratch directory (emptied first, deleted after)
#   BENCH_BIN=            an entente binary to use instead of building release
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
n=${N:-100000}
work=${BENCH_DIR:-$repo/bench/work-report}

if [[ -n ${BENCH_BIN:-} ]]; then
    bin=$BENCH_BIN
else
    cargo build --release --quiet
    bin=${CARGO_TARGET_DIR:-$repo/target}/release/entente
fi
chrome=$(bash scripts/chromium.sh)

rm -rf "$work"
mkdir -p "$work"
trap 'rm -rf "$work"' EXIT
"$bin" gen-corpus --articles "$n" --seed 1 --lang mix --format jsonl --out "$work/corpus" >/dev/null
"$bin" run --input "$work/corpus/jsonl" --out "$work/out" --quiet
start=$(date +%s.%N)
"$bin" report --tables "$work/out" --out "$work/report.html"
end=$(date +%s.%N)
awk -v n="$n" -v s="$start" -v e="$end" 'BEGIN { printf "report bench: %d articles; entente report wrote the page in %.1f s\n", n, e - s }'
python3 tests/report/browser.py "$chrome" bench "$work/report.html"
