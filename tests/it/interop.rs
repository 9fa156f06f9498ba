//! The tables open as they are in DuckDB, pandas and polars, with SPEC's
//! column names and types (checked by tests/interop/check_tables.py).

use std::process::Command;

use crate::harness::{python, repo, seeds_out, stderr, stdout};

#[test]
fn duckdb_pandas_and_polars_read_every_table_with_spec_types() {
    let out = seeds_out();
    let o = Command::new(python())
        .arg(repo().join("tests/interop/check_tables.py"))
        .arg(out)
        .output()
        .expect("python runs");
    assert!(
        o.status.success(),
        "interop check failed:\n{}\n{}",
        stdout(&o),
        stderr(&o)
    );
    assert!(stdout(&o).contains(" 0 failed"), "{}", stdout(&o));
}
