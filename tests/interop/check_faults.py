#!/usr/bin/env python3
"""Compare datasets with DuckDB against an old and a new reference.

Usage: check_faults.py OLD NEW DIR...

For each DIR, prints one JSON line: {"dir", "state", "problems"}. `state` is
"old" when every table holds exactly the rows of OLD, "new" when every table
holds exactly those of NEW, "mix" otherwise. `problems` lists duplicated
meeting_ids and theme_counts rows that differ from a recount from meetings
and topics (SQL written here, independently of entente's polars code).
"""
import json
import sys

import duckdb

TABLES = ["articles", "meetings", "participants", "topics", "theme_counts"]


def scan(d, t):
    return f"read_parquet('{d}/{t}/**/*.parquet', hive_partitioning = false)"


def rows(con, d, t):
    return sorted(map(repr, con.sql(f"SELECT * FROM {scan(d, t)}").fetchall()))


RECOUNT = """
WITH m AS (SELECT * FROM {meetings}), t AS (SELECT * FROM {topics}),
per_partner AS (SELECT partner, count(DISTINCT meeting_id) AS n FROM m GROUP BY partner),
rc AS (
  SELECT t.partner, m.partner_type, t.theme, count(DISTINCT t.meeting_id) AS meetings,
         sum(t.mentions) AS mentions, count(DISTINCT t.article_id) AS articles,
         min(m.date) AS first_date, max(m.date) AS last_date
  FROM t JOIN m USING (meeting_id) GROUP BY ALL)
SELECT rc.partner, rc.partner_type, rc.theme, rc.meetings, rc.mentions, rc.articles,
       round(rc.meetings / per_partner.n, 9) AS share, rc.first_date, rc.last_date
FROM rc JOIN per_partner USING (partner)
"""

STORED = """
SELECT partner, partner_type, theme, meetings, mentions, articles, round(share, 9) AS share,
       first_date, last_date FROM {theme_counts}
"""


def problems(con, d):
    found = []
    dup = con.sql(
        f"SELECT meeting_id, count(*) FROM {scan(d, 'meetings')} GROUP BY 1 HAVING count(*) > 1"
    ).fetchall()
    if dup:
        found.append(f"duplicated meeting_id: {dup[:3]}")
    names = {t: scan(d, t) for t in ["meetings", "topics", "theme_counts"]}
    recount, stored = RECOUNT.format(**names), STORED.format(**names)
    for a, b, what in [(stored, recount, "stored not recounted"), (recount, stored, "recounted not stored")]:
        diff = con.sql(f"({a}) EXCEPT ALL ({b})").fetchall()
        if diff:
            found.append(f"theme_counts {what}: {diff[:3]}")
    return found


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    old, new, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
    con = duckdb.connect()
    reference = {name: {t: rows(con, d, t) for t in TABLES} for name, d in [("old", old), ("new", new)]}
    for d in dirs:
        got = {t: rows(con, d, t) for t in TABLES}
        states = {name for name, ref in reference.items() if all(got[t] == ref[t] for t in TABLES)}
        state = states.pop() if len(states) == 1 else "mix"
        print(json.dumps({"dir": d, "state": state, "problems": problems(con, d)}))


if __name__ == "__main__":
    main()
