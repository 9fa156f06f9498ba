"""Measure one benchmark run, and report a set of them.

  measure.py run --label L --results R.jsonl --input FILE... [--log LOG] -- CMD ARG...
      counts the articles and UTF-8 bytes of text in the input JSONL files
      (not timed), runs CMD, and appends one JSON line to R.jsonl: label,
      articles, text MB, wall seconds, peak RSS. Peak RSS is the child's
      ru_maxrss from os.wait4 (KiB on Linux): the largest resident set of
      the process or of any descendant it waited for, not their sum.
  measure.py report R.jsonl
      prints the table, entente/baseline ratios (entente measured before and
      after the baseline; the check takes the lower), growth with size, and
      PASS/FAIL against the targets. A label measured several times counts with its
      fastest wall time and its largest peak RSS.

Standard library only, so any python3 runs it.
"""

import json
import os
import subprocess
import sys
import time

TARGET_SPEEDUP = 200.0
TARGET_MBPS = 50.0
TARGET_RSS_GROWTH = 1.5
TARGET_RSS_MB = 500.0


def count(files):
    articles = text_bytes = 0
    for f in files:
        with open(f, encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    articles += 1
                    text_bytes += len(json.loads(line)["text"].encode("utf-8"))
    return articles, text_bytes


def run(argv):
    opts, cmd = argv[: argv.index("--")], argv[argv.index("--") + 1 :]
    label = results = log = None
    inputs = []
    i = 0
    while i < len(opts):
        if opts[i] == "--label":
            label, i = opts[i + 1], i + 2
        elif opts[i] == "--results":
            results, i = opts[i + 1], i + 2
        elif opts[i] == "--log":
            log, i = opts[i + 1], i + 2
        elif opts[i] == "--input":
            i += 1
            while i < len(opts) and not opts[i].startswith("--"):
                inputs.append(opts[i])
                i += 1
        else:
            sys.exit(f"measure.py: unknown option {opts[i]}")
    articles, text_bytes = count(inputs)
    out = open(log, "w") if log else None
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT if out else None)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.monotonic() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    if out:
        out.close()
    row = {
        "label": label,
        "articles": articles,
        "text_mb": text_bytes / 1e6,
        "wall_s": wall,
        "rss_mb": usage.ru_maxrss / 1024,
        "status": proc.returncode,
    }
    with open(results, "a") as f:
        f.write(json.dumps(row) + "\n")
    print(
        f"{label}: {articles} articles, {row['text_mb']:.1f} MB, {wall:.2f} s, "
        f"{articles / wall:,.0f} articles/s, {row['text_mb'] / wall:.1f} MB/s, "
        f"peak RSS {row['rss_mb']:.0f} MB, exit {proc.returncode}",
        flush=True,
    )
    if proc.returncode != 0:
        sys.exit(f"measure.py: {label} failed (exit {proc.returncode}){'; see ' + log if log else ''}")


def verdict(ok):
    return "PASS" if ok else "FAIL"


def best_of_repeats(rows):
    """One row per label, in first-seen order: the fastest run, with the
    largest peak RSS of all its runs (speed is disturbed by other work on
    the machine; memory is not made smaller by it)."""
    merged = {}
    for r in rows:
        m = merged.setdefault(r["label"], dict(r, runs=0))
        m["runs"] += 1
        m["wall_s"] = min(m["wall_s"], r["wall_s"])
        m["rss_mb"] = max(m["rss_mb"], r["rss_mb"])
    return list(merged.values())


def report(path):
    rows = best_of_repeats([json.loads(l) for l in open(path) if l.strip()])
    print()
    print(f"{'run':<30} {'articles':>9} {'MB':>8} {'wall s':>8} {'articles/s':>11} {'MB/s':>8} {'peak RSS MB':>12} {'runs':>5}")
    for r in rows:
        print(
            f"{r['label']:<30} {r['articles']:>9} {r['text_mb']:>8.1f} {r['wall_s']:>8.2f} "
            f"{r['articles'] / r['wall_s']:>11,.0f} {r['text_mb'] / r['wall_s']:>8.1f} {r['rss_mb']:>12.0f} {r['runs']:>5}"
        )
    print()
    checks = []
    compare = [r for r in rows if r["label"].startswith("entente vs baseline")]
    base = [r for r in rows if r["label"].startswith("baseline")]
    if compare and base:
        b = base[0]
        speedups = []
        for e in compare:
            speedup = (e["articles"] / e["wall_s"]) / (b["articles"] / b["wall_s"])
            speedups.append(speedup)
            print(f"{e['label']} / baseline, articles/s on the same {e['articles']} articles: {speedup:,.1f}x "
                  f"(peak RSS {e['rss_mb']:.0f} MB vs {b['rss_mb']:.0f} MB)")
        # entente runs before and after the baseline; the machine can be slower
        # after minutes of load, so the check takes the lower ratio.
        low = min(speedups)
        checks.append((f"entente >= {TARGET_SPEEDUP:.0f}x baseline articles/s (lowest: {low:,.1f}x)", low >= TARGET_SPEEDUP))
    scale = sorted((r for r in rows if r["label"].startswith("entente n=")), key=lambda r: r["articles"])
    for a, b in zip(scale, scale[1:]):
        print(
            f"{a['articles']} -> {b['articles']} articles (x{b['articles'] / a['articles']:.1f}): "
            f"time x{b['wall_s'] / a['wall_s']:.2f}, peak RSS x{b['rss_mb'] / a['rss_mb']:.2f}"
        )
    for r in scale:
        mbps = r["text_mb"] / r["wall_s"]
        checks.append((f"entente n={r['articles']}: >= {TARGET_MBPS:.0f} MB/s ({mbps:.1f} MB/s)", mbps >= TARGET_MBPS))
    for r in (r for r in rows if r["label"].startswith("entente en n=")):
        mbps = r["text_mb"] / r["wall_s"]
        checks.append((f"entente en n={r['articles']} (English alone): >= {TARGET_MBPS:.0f} MB/s ({mbps:.1f} MB/s)",
                       mbps >= TARGET_MBPS))
    if len(scale) >= 2:
        small, large = scale[0], scale[-1]
        growth = large["rss_mb"] / small["rss_mb"]
        checks.append((
            f"peak RSS n={large['articles']} <= {TARGET_RSS_GROWTH}x n={small['articles']} "
            f"({large['rss_mb']:.0f} MB vs {small['rss_mb']:.0f} MB, x{growth:.2f})",
            growth <= TARGET_RSS_GROWTH,
        ))
        checks.append((f"peak RSS n={large['articles']} < {TARGET_RSS_MB:.0f} MB ({large['rss_mb']:.0f} MB)",
                       large["rss_mb"] < TARGET_RSS_MB))
    print()
    for what, ok in checks:
        print(f"{verdict(ok)}  {what}")
    failed = sum(not ok for _, ok in checks)
    print(f"{len(checks) - failed} passed, {failed} failed")


if __name__ == "__main__":
    if len(sys.argv) >= 2 and sys.argv[1] == "run":
        run(sys.argv[2:])
    elif len(sys.argv) == 3 and sys.argv[1] == "report":
        report(sys.argv[2])
    else:
        sys.exit(__doc__)
