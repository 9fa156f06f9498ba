#!/usr/bin/env python3
"""Checks the real-article sets (tests/real, tests/real-en).

Every article there is an original rewrite of a public report. Two things
are checked, with the standard library only:

* SOURCES.md names every article (file stem or JSON Lines record id) with an
  http(s) source URL;
* no article shares a run of 8 words with its source once names and numbers
  are masked. The source text is never stored: beside each article,
  `fingerprints/<stem>.txt` holds the hashes of the source's masked 8-word
  runs, so the check runs anywhere without the page;
* in a set split into dev/ and blind/, an article numbered n is in blind/
  exactly when n is divisible by 3, so no one chose which articles are blind.

Usage:
  real_corpus.py fingerprint SOURCE.txt > SET/fingerprints/STEM.txt
  real_corpus.py compare ARTICLE.txt SOURCE.txt   (shows the shared runs)
  real_corpus.py check DIR [DIR ...]              (exit 1 on any problem)
"""

import hashlib
import json
import re
import sys
import unicodedata
from pathlib import Path

RUN = 8
MASK = "#"
WORD = re.compile(r"\w+", re.UNICODE)
URL = re.compile(r"https?://\S+")
NUMBER = re.compile(r"^[a-z](\d+)")


def fold(word):
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def masked_words(text):
    """Words folded to lower-case ASCII; a capitalised word or a number
    becomes one mask, and a run of masks collapses to one, so that keeping
    the same names (as a rewrite must) never counts as copying."""
    out = []
    for m in WORD.finditer(text):
        w = m.group(0)
        token = MASK if (w[0].isupper() or w[0].isdigit()) else fold(w)
        if token == MASK and out and out[-1] == MASK:
            continue
        out.append(token)
    return out


def runs(text):
    words = masked_words(text)
    return {" ".join(words[i : i + RUN]) for i in range(len(words) - RUN + 1)}


def digest(run):
    return hashlib.sha256(run.encode()).hexdigest()[:16]


def fingerprint(text):
    return sorted({digest(r) for r in runs(text)})


def articles(set_dir):
    """(name, text) of every article of a set: a .txt file by its stem, a
    JSON Lines record by its id (title and text together)."""
    for path in sorted((set_dir / "articles").glob("*")):
        if path.suffix == ".txt":
            yield path.stem, path.read_text(encoding="utf-8")
        elif path.suffix == ".jsonl":
            for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if line.strip():
                    rec = json.loads(line)
                    if "id" not in rec:
                        raise SystemExit(f"{path}:{n}: record without an id")
                    yield rec["id"], rec.get("title", "") + "\n" + rec["text"]


def sources(root):
    """Article names listed in SOURCES.md with an http(s) URL on their row."""
    listed = set()
    path = root / "SOURCES.md"
    if not path.exists():
        return None
    for line in path.read_text(encoding="utf-8").splitlines():
        if URL.search(line):
            listed.update(c.strip(" `") for c in line.split("|"))
    return listed


def check(root):
    problems = []
    listed = sources(root)
    if listed is None:
        return [f"{root}/SOURCES.md is missing"]
    count = 0
    # A root holding articles/ is one set; otherwise each subfolder that does is.
    set_dirs = [root] if (root / "articles").is_dir() else sorted(p for p in root.iterdir() if (p / "articles").is_dir())
    for set_dir in set_dirs:
        for name, text in articles(set_dir):
            count += 1
            number = NUMBER.match(name)
            if set_dir.name in ("dev", "blind") and number:
                split = "blind" if int(number.group(1)) % 3 == 0 else "dev"
                if set_dir.name != split:
                    problems.append(f"{set_dir}/{name}: numbered for {split}/, found in {set_dir.name}/")
            if name not in listed:
                problems.append(f"{set_dir}/{name}: no row with a source URL in SOURCES.md")
            fp = set_dir / "fingerprints" / f"{name}.txt"
            if not fp.exists():
                problems.append(f"{set_dir}/{name}: no fingerprint of its source ({fp})")
                continue
            source = set(fp.read_text().split())
            shared = [r for r in runs(text) if digest(r) in source]
            if shared:
                problems.append(
                    f"{set_dir}/{name}: {len(shared)} run(s) of {RUN} words shared with the source, e.g. «{shared[0]}»"
                )
    if count == 0:
        problems.append(f"{root}: no articles")
    print(f"{root}: {count} articles checked")
    return problems


def main(argv):
    if len(argv) == 3 and argv[1] == "fingerprint":
        print("\n".join(fingerprint(Path(argv[2]).read_text(encoding="utf-8"))))
        return 0
    if len(argv) == 4 and argv[1] == "compare":
        mine = Path(argv[2]).read_text(encoding="utf-8")
        theirs = runs(Path(argv[3]).read_text(encoding="utf-8"))
        shared = sorted(r for r in runs(mine) if r in theirs)
        for r in shared:
            print(r)
        print(f"{len(shared)} shared run(s) of {RUN} words", file=sys.stderr)
        return 1 if shared else 0
    if len(argv) >= 3 and argv[1] == "check":
        problems = [p for d in argv[2:] for p in check(Path(d))]
        for p in problems:
            print(p, file=sys.stderr)
        return 1 if problems else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
