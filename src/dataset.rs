//! Reading back the tables that [`crate::write`] produced: one directory of
//! Parquet files per table, for the subcommands that work on tables
//! (`eval --tables`, `compare`).

use std::path::Path;

use polars::prelude::*;

use crate::error::Error;

/// Reads every Parquet file of one table under `dir/<table>/`.
pub fn read_table(dir: &Path, table: &str) -> Result<DataFrame, Error> {
    let root = dir.join(table);
    let files = crate::write::parquet_files(&root)?;
    let mut out: Option<DataFrame> = None;
    for f in &files {
        let file = std::fs::File::open(f).map_err(|e| Error::io(f, e))?;
        let df = ParquetReader::new(file)
            .finish()
            .map_err(|e| Error::polars(f, e))?;
        match &mut out {
            Some(acc) => {
                acc.vstack_mut(&df).map_err(|e| Error::polars(f, e))?;
            }
            None => out = Some(df),
        }
    }
    out.ok_or_else(|| {
        Error::Usage(format!(
            "{}: no Parquet files (run `entente run` first)",
            root.display()
        ))
    })
}
