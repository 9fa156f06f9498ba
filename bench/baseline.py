"""The baseline of bench/run.sh: the same job written the way a Python user
would, with spaCy's French model for sentences and entities, keyword themes
from lexicon/fr/themes.toml, and pandas DataFrames written with pyarrow.

A meeting is a sentence holding a meeting verb (the verb and lead forms of
lexicon/fr/verbs.toml) and a partner entity (LOC/GPE/ORG that is not Vietnam);
its participants are the PER entities of that sentence, and its themes the
cues found from that sentence up to the next meeting.

Usage: baseline.py --input PATH... --out DIR [--n-process 2] [--batch-size 64]
"""

import argparse
import hashlib
import json
import pathlib
import re
import sys
import tomllib

import pandas as pd
import spacy

REPO = pathlib.Path(__file__).resolve().parent.parent
HOME = {"vietnam", "viet nam", "viêt nam", "hanoï", "hanoi", "hô chi minh-ville", "da nang"}


def read_articles(paths):
    """Articles from .jsonl files (one per line) and .txt files (title first)."""
    files = []
    for p in map(pathlib.Path, paths):
        files.extend(sorted(p.rglob("*")) if p.is_dir() else [p])
    for f in files:
        if f.suffix == ".jsonl":
            with f.open(encoding="utf-8") as lines:
                for n, line in enumerate(lines, 1):
                    if line.strip():
                        r = json.loads(line)
                        yield {
                            "name": r.get("id", f"{f.name}:{n}"),
                            "title": r.get("title", ""),
                            "published": r.get("published"),
                            "text": r["text"],
                        }
        elif f.suffix == ".txt":
            text = f.read_text(encoding="utf-8")
            title = next((l.strip() for l in text.splitlines() if l.strip()), "")
            yield {"name": f.name, "title": title, "published": None, "text": text}


def theme_patterns():
    """One regular expression per theme code; `cue*` also matches longer words."""
    themes = tomllib.loads((REPO / "lexicon/fr/themes.toml").read_text(encoding="utf-8"))
    out = {}
    for t in themes["theme"]:
        alts = []
        for cue in t["cues"]:
            if cue.endswith("*"):
                alts.append(re.escape(cue[:-1].lower()) + r"\w*")
            else:
                alts.append(re.escape(cue.lower()) + r"\b")
        out[t["code"]] = re.compile(r"\b(?:" + "|".join(alts) + ")")
    return out


def meeting_verbs():
    verbs = tomllib.loads((REPO / "lexicon/fr/verbs.toml").read_text(encoding="utf-8"))
    # An entry may be composed only (`compose`), without literal forms.
    forms = [f.lower() for m in verbs["meeting"] if m["strength"] in ("verb", "lead") for f in m.get("forms", [])]
    return re.compile("|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--input", nargs="+", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--n-process", type=int, default=2)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()

    articles = pd.DataFrame(list(read_articles(args.input)))
    if articles.empty:
        sys.exit("baseline: no articles")
    articles["article_id"] = [hashlib.sha256(t.encode()).hexdigest()[:16] for t in articles["text"]]
    themes = theme_patterns()
    verbs = meeting_verbs()
    nlp = spacy.load("fr_core_news_sm")

    meetings, participants, topics = [], [], []
    docs = nlp.pipe(articles["text"], n_process=args.n_process, batch_size=args.batch_size)
    for article_id, doc in zip(articles["article_id"], docs):
        current = None
        for sent in doc.sents:
            low = sent.text.lower()
            partners = [
                e.text for e in sent.ents
                if e.label_ in ("GPE", "LOC", "ORG") and e.text.lower() not in HOME
            ]
            if verbs.search(low) and partners:
                current = f"{article_id}-{len(meetings)}"
                meetings.append({
                    "meeting_id": current,
                    "article_id": article_id,
                    "partner": partners[0],
                    "evidence": sent.text,
                    "evidence_start": sent.start_char,
                    "evidence_end": sent.end_char,
                })
                for e in sent.ents:
                    if e.label_ == "PER":
                        participants.append({
                            "meeting_id": current,
                            "article_id": article_id,
                            "name": e.text,
                            "evidence_start": sent.start_char,
                            "evidence_end": sent.end_char,
                        })
            if current is None:
                continue
            for code, pattern in themes.items():
                for m in pattern.finditer(low):
                    topics.append({
                        "meeting_id": current,
                        "article_id": article_id,
                        "theme": code,
                        "trigger": m.group(0),
                        "evidence_start": sent.start_char,
                        "evidence_end": sent.end_char,
                    })

    meetings = pd.DataFrame(meetings, columns=["meeting_id", "article_id", "partner", "evidence", "evidence_start", "evidence_end"])
    participants = pd.DataFrame(participants, columns=["meeting_id", "article_id", "name", "evidence_start", "evidence_end"])
    mentions = pd.DataFrame(topics, columns=["meeting_id", "article_id", "theme", "trigger", "evidence_start", "evidence_end"])
    topics = (
        mentions.groupby(["meeting_id", "article_id", "theme"], as_index=False)
        .agg(mentions=("trigger", "size"), trigger=("trigger", "first"),
             evidence_start=("evidence_start", "first"), evidence_end=("evidence_end", "first"))
        .merge(meetings[["meeting_id", "partner"]], on="meeting_id")
    )
    per_partner = meetings.groupby("partner").size().rename("partner_meetings")
    theme_counts = (
        topics.groupby(["partner", "theme"])
        .agg(meetings=("meeting_id", "nunique"), mentions=("mentions", "sum"), articles=("article_id", "nunique"))
        .join(per_partner, on="partner")
        .reset_index()
    )
    theme_counts["share"] = theme_counts["meetings"] / theme_counts["partner_meetings"]

    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for name, df in [("articles", articles), ("meetings", meetings), ("participants", participants),
                     ("topics", topics), ("theme_counts", theme_counts)]:
        df.to_parquet(out / f"{name}.parquet", engine="pyarrow", compression="zstd", index=False)
    print(f"baseline: {len(articles)} articles, {len(meetings)} meetings, {len(participants)} participants, "
          f"{len(topics)} topics, {len(theme_counts)} theme_counts -> {out}")


if __name__ == "__main__":
    main()
