//! Reading back the tables that [`crate::write`] produced: one directory of
//! Parquet files per table, for the subcommands that work on tables
//! (`eval --tables`, `compare`).

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::Error;

/// Reads every Parquet file of one table under `dir/<table>/`.
pub fn read_table(dir: &Path, table: &str) -> Result<DataFrame, Error> {
    let root = dir.join(table);
    let mut files = Vec::new();
    collect_parquet(&root, &mut files)?;
    files.sort();
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

fn collect_parquet(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            collect_parquet(&path, files)?;
        } else if path.extension().is_some_and(|x| x == "parquet") {
            files.push(path);
        }
    }
    Ok(())
}
