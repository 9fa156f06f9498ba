#!/usr/bin/env bash
# Peak memory of `entente run` on one large JSON Lines file, plain, gzip- and
# zstd-compressed: compressed inputs are streamed, so the three peaks should
# be close (docs/benchmarks.md, "Compressed inputs").
# Usage: scripts/compressed_rss.sh [ARTICLES]   (default 300000: about 1 GB of JSON Lines)
# Needs a release build (cargo build --release), gzip, zstd and GNU time.
# Scratch files go to BENCH_DIR (default bench/work/compressed), removed at the end.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
articles=${1:-300000}
entente=${ENTENTE:-${CARGO_TARGET_DIR:-$repo/target}/release/entente}
work=${BENCH_DIR:-$repo/bench/work/compressed}
[[ -x $entente ]] || { echo "compressed_rss: error: no $entente (cargo build --release)" >&2; exit 1; }
rm -rf "$work" && mkdir -p "$work"
trap 'rm -rf "$work"' EXIT

"$entente" gen-corpus --articles "$articles" --seed 1 --format jsonl --per-file "$articles" \
    --lang mix --out "$work/corpus" >/dev/null
plain=$work/corpus/jsonl/part-00000.jsonl
gzip -1 -k -c "$plain" >"$work/part.jsonl.gz"
zstd -q -1 -c "$plain" >"$work/part.jsonl.zst"

printf '| input | file size | peak RSS | wall time |\n|---|---|---|---|\n'
for input in "$plain" "$work/part.jsonl.gz" "$work/part.jsonl.zst"; do
    out=$work/out-$(basename "$input")
    /usr/bin/time -f '%M %e' -o "$work/time" "$entente" run -q -i "$input" -o "$out"
    read -r kb seconds <"$work/time"
    size=$(du -m "$input" | cut -f1)
    printf '| %s | %s MB | %s MB | %s s |\n' "${input##*/}" "$size" "$((kb / 1024))" "$seconds"
    rm -rf "$out"
done
