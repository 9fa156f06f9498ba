//! Stage 7: Parquet files, written so that a failed run never leaves a
//! half-written table.
//!
//! Every table is first written in full under a staging directory inside the
//! output directory; only when all are written are they swapped into place,
//! one rename each.

use std::fs;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::Error;

pub const PART_FILE: &str = "part-00000.parquet";

/// Tables written to a staging area, not yet visible.
pub struct Staged {
    out: PathBuf,
    staging: PathBuf,
    tables: Vec<String>,
}

/// Writes every table under `out/.staging-<pid>/<table>/part-00000.parquet`.
pub fn stage(out: &Path, tables: &mut [(&str, DataFrame)]) -> Result<Staged, Error> {
    fs::create_dir_all(out).map_err(|e| Error::io(out, e))?;
    let staging = out.join(format!(".staging-{}", std::process::id()));
    if staging.exists() {
        fs::remove_dir_all(&staging).map_err(|e| Error::io(&staging, e))?;
    }
    let mut names = Vec::new();
    for (name, df) in tables.iter_mut() {
        let dir = staging.join(*name);
        fs::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        let path = dir.join(PART_FILE);
        write_parquet(&path, df)?;
        names.push(name.to_string());
    }
    Ok(Staged {
        out: out.to_path_buf(),
        staging,
        tables: names,
    })
}

pub fn write_parquet(path: &Path, df: &mut DataFrame) -> Result<(), Error> {
    let file = fs::File::create(path).map_err(|e| Error::io(path, e))?;
    ParquetWriter::new(file)
        .with_compression(ParquetCompression::Zstd(None))
        .with_statistics(StatisticsOptions::full())
        .finish(df)
        .map_err(|e| Error::polars(path, e))?;
    Ok(())
}

impl Staged {
    /// Moves the staged tables into place, replacing the previous ones.
    pub fn publish(self) -> Result<(), Error> {
        for name in &self.tables {
            let target = self.out.join(name);
            let old = self.staging.join(format!("{name}.old"));
            if target.exists() {
                fs::rename(&target, &old).map_err(|e| Error::io(&target, e))?;
            }
            let staged = self.staging.join(name);
            fs::rename(&staged, &target).map_err(|e| Error::io(&target, e))?;
        }
        fs::remove_dir_all(&self.staging).map_err(|e| Error::io(&self.staging, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn publish_replaces_tables_and_leaves_no_staging() {
        let dir = tempfile::tempdir().unwrap();
        let mut first = [("t", df! { "x" => [1i64, 2] }.unwrap())];
        stage(dir.path(), &mut first).unwrap().publish().unwrap();
        let mut second = [("t", df! { "x" => [3i64] }.unwrap())];
        let staged = stage(dir.path(), &mut second).unwrap();
        let read = |p: &Path| {
            ParquetReader::new(fs::File::open(p).unwrap())
                .finish()
                .unwrap()
                .height()
        };
        assert_eq!(
            read(&dir.path().join("t").join(PART_FILE)),
            2,
            "staged tables are not visible yet"
        );
        staged.publish().unwrap();
        assert_eq!(read(&dir.path().join("t").join(PART_FILE)), 1);
        let entries: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(entries, ["t"]);
    }
}
