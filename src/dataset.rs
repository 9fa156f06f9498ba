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

/// A string column's values, null as `None`.
pub fn str_column(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<String>>> {
    Ok(df
        .column(name)?
        .str()?
        .iter()
        .map(|v| v.map(str::to_string))
        .collect())
}

/// An integer or date column's values as i64 (days since 1970 for a date),
/// null as `None`.
pub fn int_column(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i64>>> {
    let c = df.column(name)?;
    let c = if matches!(c.dtype(), DataType::Date) {
        c.cast(&DataType::Int32)?
    } else {
        c.clone()
    };
    Ok(c.cast(&DataType::Int64)?.i64()?.to_vec())
}

/// Whether a table has this column (older datasets lack the extra ones).
pub fn has_column(df: &DataFrame, name: &str) -> bool {
    df.get_column_names().iter().any(|c| c.as_str() == name)
}
