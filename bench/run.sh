#!/usr/bin/env bash
# Benchmark entente: against a spaCy + pandas baseline on the same articles,
# then alone at growing corpus sizes of French and English articles in turn,
# then on English articles alone; prints throughput, peak RSS, ratios and
# PASS/FAIL against the targets. See docs/benchmarks.md.
#
# Environment (all optional):
#   B=10000                              articles for entente vs the baseline (the
#                                        smallest size below, so both sides run past
#                                        their start-up; the baseline takes minutes)
#   BENCH_SIZES="10000 100000 1000000"   entente alone at these sizes (JSONL input); the
#                                        first is also the size of the English-only run
#   BENCH_SEED=1                         gen-corpus seed
#   BENCH_DIR=bench/work                 scratch directory (emptied first)
#   BENCH_BASELINE=1                     0 skips the baseline (and the Python env)
#   BENCH_KEEP=0                         1 keeps the corpus and outputs
#   BENCH_REPEAT=3                       runs of each entente measurement; the report
#                                        takes the fastest (and the largest peak RSS)
#   BENCH_BIN=                           an entente binary to use instead of building release
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"
b=${B:-10000}
sizes=${BENCH_SIZES:-"10000 100000 1000000"}
seed=${BENCH_SEED:-1}
work=${BENCH_DIR:-$repo/bench/work}
baseline=${BENCH_BASELINE:-1}
keep=${BENCH_KEEP:-0}
repeat=${BENCH_REPEAT:-3}

echo "== machine"
echo "nproc: $(nproc)"
echo "cpu: $(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "ram: $(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)"

if [[ -n ${BENCH_BIN:-} ]]; then
    bin=$BENCH_BIN
    echo "== binary: $bin (not built here)"
else
    echo "== build"
    cargo build --release
    bin=${CARGO_TARGET_DIR:-$repo/target}/release/entente
    [[ $bin == /* ]] || bin=$repo/$bin
fi
# A target directory shared with another checkout may hold its binary.
"$bin" gen-corpus --help >/dev/null 2>&1 || {
    echo "bench: $bin has no gen-corpus subcommand (built from another checkout sharing CARGO_TARGET_DIR?)" >&2
    exit 1
}

# One corpus, generated once as JSONL; every size reads a prefix of its part
# files, so part files are as large as the largest size dividing all sizes.
max=$b
per_file=0
gcd() { local a=$1 c=$2; while ((c)); do local t=$((a % c)); a=$c; c=$t; done; echo "$a"; }
for n in $sizes; do
    ((n > max)) && max=$n
    per_file=$(gcd "$per_file" "$n")
done
((per_file > 0)) || per_file=$b

rm -rf "$work"
mkdir -p "$work"
results=$work/results.jsonl
# Each run starts after `sync`, so that the gigabytes of corpus just written
# are not flushed to disk on the measured run's time.
measure() {
    sync
    python3 "$repo/bench/measure.py" run --results "$results" "$@"
}

echo "== corpus"
"$bin" gen-corpus --articles "$max" --seed "$seed" --lang mix --format jsonl --per-file "$per_file" --out "$work/corpus"
parts=("$work"/corpus/jsonl/part-*.jsonl)

echo "== entente vs baseline on the same $b articles"
mkdir -p "$work/prefix"
left=$b
for p in "${parts[@]}"; do
    ((left > 0)) || break
    head -n "$left" "$p" >>"$work/prefix/articles.jsonl"
    left=$((b - $(wc -l <"$work/prefix/articles.jsonl")))
done
# measure_entente LABEL NAME INPUT...: `entente run` on the inputs, `repeat`
# times, each time into an empty work/out-NAME (a second run into the same
# dataset would be an incremental run with nothing new to do).
measure_entente() {
    local label=$1 name=$2
    shift 2
    for ((r = 0; r < repeat; r++)); do
        rm -rf "$work/out-$name"
        measure --label "$label" --input "$@" --log "$work/entente-$name.log" \
            -- "$bin" run --quiet --input "$@" --out "$work/out-$name"
    done
    [[ $keep == 1 ]] || rm -rf "$work/out-$name"
}
# entente runs before and after the baseline: this shared machine can be
# slower for minutes after the baseline's load, and the ratio must hold on
# either side of it.
measure_entente "entente vs baseline (before)" prefix "$work/prefix/articles.jsonl"
if [[ $baseline == 1 ]]; then
    py=$(bash "$repo/scripts/pyenv.sh" "$repo/bench/requirements-bench.txt")
    measure --label "baseline (spaCy, pandas)" --input "$work/prefix/articles.jsonl" --log "$work/baseline.log" \
        -- "$py" "$repo/bench/baseline.py" --input "$work/prefix/articles.jsonl" --out "$work/out-baseline" \
        --n-process 2 --batch-size 64
    measure_entente "entente vs baseline (after)" prefix "$work/prefix/articles.jsonl"
fi
[[ $keep == 1 ]] || rm -rf "$work/out-baseline"

echo "== entente alone"
for n in $sizes; do
    inputs=("${parts[@]:0:$((n / per_file))}")
    measure_entente "entente n=$n" "$n" "${inputs[@]}"
done

# English articles alone must hold the same speed as the mix.
read -r first _ <<<"$sizes"
echo "== entente on English articles alone (n=$first)"
"$bin" gen-corpus --articles "$first" --seed "$seed" --lang en --format jsonl --per-file "$per_file" --out "$work/corpus-en"
measure_entente "entente en n=$first" "en-$first" "$work"/corpus-en/jsonl/part-*.jsonl

python3 "$repo/bench/measure.py" report "$results"
[[ $keep == 1 ]] || rm -rf "$work/corpus" "$work/corpus-en" "$work/prefix"
