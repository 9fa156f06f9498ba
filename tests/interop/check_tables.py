#!/usr/bin/env python3
"""Check entente's Parquet output the way DuckDB, pandas and polars users see it.

Usage: check_tables.py OUT_DIR

OUT_DIR holds one dataset per table (OUT_DIR/<table>/**/*.parquet, hive-style
partition directories allowed). The expected columns below are transcribed by
hand from the SPEC's "Output tables" (version 1.1, as docs/tables.md gives
them), independently of the Rust code.
Prints one line per check and "N passed, M failed"; exits 1 on any failure,
2 on a usage error.
"""
import sys
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl

# SPEC columns per table; "?" marks a nullable column. Extra columns are ignored.
SPEC = {
    "articles": {
        "article_id": "str", "source": "str", "record_id": "str", "url": "str?",
        "title": "str", "published": "date?",
        "lang": "str", "text_chars": "i64", "body_chars": "i64", "content_sha256": "str",
    },
    "meetings": {
        "meeting_id": "str", "article_id": "str", "year": "i16?", "month": "i8?",
        "day": "i8?", "date": "date?", "end_month": "i8?", "end_day": "i8?",
        "city": "str?", "country": "str?", "kind": "str", "format": "str",
        "partner": "str", "partner_type": "str", "evidence": "str",
        "evidence_start": "i64", "evidence_end": "i64",
    },
    "participants": {
        "meeting_id": "str", "article_id": "str", "name": "str", "name_ascii": "str",
        "surface": "str", "role": "str?", "organization": "str?", "country": "str?",
        "side": "str", "evidence_start": "i64", "evidence_end": "i64",
    },
    "topics": {
        "meeting_id": "str", "article_id": "str", "partner": "str", "theme": "str",
        "mentions": "i64", "trigger": "str", "evidence_start": "i64", "evidence_end": "i64",
    },
    "theme_counts": {
        "partner": "str", "partner_type": "str", "theme": "str", "meetings": "i64",
        "mentions": "i64", "articles": "i64", "share": "f64",
        "first_date": "date?", "last_date": "date?",
    },
}

# SPEC type -> type names each engine may report for it. polars writes its
# strings with an Arrow "string_view" schema hint; pyarrow >= 16 reads that
# as string_view, still a UTF-8 string column for pandas.
ENGINE_TYPES = {
    "duckdb": {"str": {"VARCHAR"}, "i64": {"BIGINT"}, "i16": {"SMALLINT"},
               "i8": {"TINYINT"}, "date": {"DATE"}, "f64": {"DOUBLE"}},
    "pandas": {"str": {"string", "large_string", "string_view"}, "i64": {"int64"}, "i16": {"int16"},
               "i8": {"int8"}, "date": {"date32[day]"}, "f64": {"double"}},
    "polars": {"str": {"String"}, "i64": {"Int64"}, "i16": {"Int16"},
               "i8": {"Int8"}, "date": {"Date"}, "f64": {"Float64"}},
}

# Cross-table invariants: SQL counting the violating rows.
EVIDENCE_SQL = """SELECT count(*) FROM {t} x LEFT JOIN articles a USING (article_id)
    WHERE NOT coalesce(0 <= x.evidence_start AND x.evidence_start < x.evidence_end
                       AND x.evidence_end <= a.text_chars, false)"""
INVARIANTS = {
    "meetings.article_id in articles":
        "SELECT count(*) FROM meetings ANTI JOIN articles USING (article_id)",
    "participants.meeting_id in meetings":
        "SELECT count(*) FROM participants ANTI JOIN meetings USING (meeting_id)",
    "topics.meeting_id in meetings":
        "SELECT count(*) FROM topics ANTI JOIN meetings USING (meeting_id)",
    "theme_counts.meetings = distinct topics meetings per (partner, theme)": """
        SELECT count(*) FROM
            (SELECT partner, theme, sum(meetings) AS n FROM theme_counts GROUP BY ALL) c
        FULL JOIN
            (SELECT partner, theme, count(DISTINCT meeting_id) AS n FROM topics GROUP BY ALL) t
        USING (partner, theme) WHERE c.n IS DISTINCT FROM t.n""",
    "0 < theme_counts.share <= 1":
        "SELECT count(*) FROM theme_counts WHERE NOT coalesce(share > 0 AND share <= 1, false)",
    **{f"{t} evidence within article text": EVIDENCE_SQL.format(t=t)
       for t in ("meetings", "participants", "topics")},
}


class Report:
    def __init__(self):
        self.passed = self.failed = 0

    def check(self, ok, what, detail):
        print(f"{'ok  ' if ok else 'FAIL'} {what}: {detail}", flush=True)
        if ok:
            self.passed += 1
        else:
            self.failed += 1


def load_duckdb(con, table, glob, hive):
    """Create a view named after the table; return ({column: type}, rows)."""
    path = glob.replace("'", "''")
    con.execute(f"CREATE VIEW {table} AS SELECT * FROM "
                f"read_parquet('{path}', hive_partitioning = {str(hive).lower()})")
    cols = {row[0]: row[1] for row in con.execute(f"DESCRIBE {table}").fetchall()}
    return cols, con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


def load_pandas(directory):
    df = pd.read_parquet(directory, dtype_backend="pyarrow")
    cols = {c: str(getattr(dt, "pyarrow_dtype", dt)) for c, dt in df.dtypes.items()}
    return cols, len(df)


def load_polars(glob, hive):
    lf = pl.scan_parquet(glob, hive_partitioning=hive)
    cols = {c: str(dt) for c, dt in lf.collect_schema().items()}
    return cols, lf.select(pl.len()).collect().item()


def type_problems(engine, spec, cols, partition_keys):
    problems = []
    for col, spec_type in spec.items():
        base = spec_type.rstrip("?")
        accepted = ENGINE_TYPES[engine][base]
        if col not in cols:
            problems.append(f"missing column {col}")
        elif cols[col] not in accepted:
            hint = (" (hive partition column: its type is inferred from the directory name)"
                    if col in partition_keys else "")
            problems.append(f"{col} is {cols[col]}, SPEC {base} wants "
                            f"{'/'.join(sorted(accepted))}{hint}")
    return problems


def check_table(report, con, out, table):
    directory = out / table
    files = sorted(directory.rglob("*.parquet"))
    if not files:
        report.check(False, f"files {table}", f"no *.parquet under {directory}")
        return
    partition_keys = {part.split("=", 1)[0] for f in files
                      for part in f.relative_to(directory).parent.parts if "=" in part}
    hive = bool(partition_keys)
    glob = f"{directory}/**/*.parquet"
    loaders = {
        "duckdb": lambda: load_duckdb(con, table, glob, hive),
        "pandas": lambda: load_pandas(directory),
        "polars": lambda: load_polars(glob, hive),
    }
    spec = SPEC[table]
    rows, schemas = {}, {}
    for engine, load in loaders.items():
        try:
            schemas[engine], rows[engine] = load()
        except Exception as e:  # any reader error is an interop failure to report
            keys = f" (hive partition keys: {', '.join(sorted(partition_keys))})" if hive else ""
            report.check(False, f"{engine} {table}",
                         f"cannot load: {str(e).splitlines()[0]}{keys}")
            continue
        problems = type_problems(engine, spec, schemas[engine], partition_keys)
        report.check(not problems, f"{engine} {table}", "; ".join(problems)
                     or f"{len(schemas[engine])} columns, {rows[engine]} rows")

    counts = ", ".join(f"{engine} {n}" for engine, n in rows.items())
    unloaded = [engine for engine in loaders if engine not in rows]
    if unloaded:
        problem = f"not loaded by {', '.join(unloaded)}"
    elif len(set(rows.values())) > 1:
        problem = "engines disagree"
    elif min(rows.values()) < 1:
        problem = "empty"
    else:
        problem = ""
    report.check(not problem, f"rows {table}", f"{problem}: {counts}" if problem else counts)

    if "duckdb" in schemas:
        check_not_null(report, con, table, spec, schemas["duckdb"])


def check_not_null(report, con, table, spec, present):
    required = [c for c, t in spec.items() if not t.endswith("?") and c in present]
    if not required:
        return
    nulls = con.execute("SELECT " + ", ".join(f'count(*) - count("{c}")' for c in required)
                        + f" FROM {table}").fetchone()
    bad = [f"{c} ({n})" for c, n in zip(required, nulls) if n]
    report.check(not bad, f"nulls {table}", "nulls in non-nullable " + ", ".join(bad) if bad
                 else f"none in {len(required)} non-nullable columns")


def check_invariants(report, con):
    for name, sql in INVARIANTS.items():
        try:
            n = con.execute(sql).fetchone()[0]
        except duckdb.Error as e:
            report.check(False, f"invariant {name}", f"cannot run: {str(e).splitlines()[0]}")
            continue
        report.check(n == 0, f"invariant {name}", f"{n} violating rows")


def main(argv):
    if len(argv) != 2 or not Path(argv[1]).is_dir():
        print("usage: check_tables.py OUT_DIR  (an existing directory)", file=sys.stderr)
        return 2
    out = Path(argv[1]).resolve()
    report = Report()
    con = duckdb.connect()
    for table in SPEC:
        check_table(report, con, out, table)
    check_invariants(report, con)
    print(f"{report.passed} passed, {report.failed} failed")
    return 1 if report.failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
