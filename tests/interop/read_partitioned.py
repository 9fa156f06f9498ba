#!/usr/bin/env python3
"""Read a partitioned entente dataset with the recipes of docs/operations.md
("Partitions"), engine by engine.

Usage: read_partitioned.py OUT_DIR

Prints one JSON object: per engine and table, the row count, the types of
`year` and `month`, and the number of rows whose `year` is NULL. The Rust test
compares them with a flat read of the same files.
"""
import json
import sys

import duckdb
import pandas as pd
import polars as pl
import pyarrow as pa
import pyarrow.dataset as pds

TABLES = ["articles", "meetings", "participants", "topics"]


def duck(out, table):
    rel = duckdb.sql(
        f"SELECT * FROM read_parquet('{out}/{table}/**/*.parquet', hive_partitioning = true, "
        "hive_types = {'year': SMALLINT, 'month': TINYINT})")
    types = dict(zip(rel.columns, map(str, rel.dtypes)))
    n, nulls = duckdb.sql("SELECT count(*), count(*) - count(year) FROM rel").fetchall()[0]
    return {"rows": n, "year": types["year"], "month": types["month"], "null_years": nulls}


def polars(out, table):
    lf = pl.scan_parquet(f"{out}/{table}/**/*.parquet", hive_partitioning=True)
    schema = lf.collect_schema()
    df = lf.select(pl.len(), pl.col("year").null_count()).collect()
    return {"rows": df.item(0, 0), "year": str(schema["year"]), "month": str(schema["month"]),
            "null_years": df.item(0, 1)}


PARTITIONING = pds.partitioning(pa.schema([("year", pa.int16()), ("month", pa.int8())]),
                                flavor="hive")


def pyarrow(out, table):
    t = pds.dataset(f"{out}/{table}", partitioning=PARTITIONING).to_table()
    return {"rows": t.num_rows, "year": str(t.schema.field("year").type),
            "month": str(t.schema.field("month").type), "null_years": t["year"].null_count}


def pandas(out, table):
    df = pd.read_parquet(f"{out}/{table}", partitioning=PARTITIONING, dtype_backend="pyarrow")
    return {"rows": len(df), "year": str(df.dtypes["year"]), "month": str(df.dtypes["month"]),
            "null_years": int(df["year"].isna().sum())}


def main(out):
    result = {}
    for engine in (duck, polars, pyarrow, pandas):
        result[engine.__name__] = {t: engine(out, t) for t in TABLES}
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv[1])
