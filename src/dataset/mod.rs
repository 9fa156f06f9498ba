//! A dataset: the output directory of `entente run`, one directory of
//! Parquet files per table. This module owns everything about it apart from
//! the Parquet encoding itself ([`crate::write`]): opening it and reading it
//! back, the lock ([`lock`]), staging and publishing through a journal
//! ([`staging`], [`journal`], with every file-system step a failpoint in
//! [`fsops`]), the `runs` table ([`runs`]), partitions ([`partition`]) and
//! the compact set of article keys ([`keys`]).

pub mod fsops;
pub mod journal;
pub mod keys;
pub mod lock;
pub mod partition;
pub mod runs;
pub mod staging;
pub mod stored;

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::config::PartitionBy;
use crate::error::Error;
use keys::{digest_key, Keys};

/// The data tables a run appends part files to, in the order of the `runs`
/// table's `rows_<table>` columns (`theme_counts` is rebuilt, not appended).
pub const TABLES: [&str; 4] = ["meetings", "participants", "topics", "articles"];

/// The file name of the tables rewritten whole by each run.
pub const PART_FILE: &str = "part-00000.parquet";

/// What a run needs to know of the dataset already in the output directory.
pub struct Dataset {
    /// The keys of the articles it holds.
    pub known: Keys,
    /// The runs that wrote it.
    pub run_ids: Vec<String>,
}

impl Dataset {
    /// Reads the article keys and run ids of the dataset in `out`, which
    /// must be partitioned by `by` (a new one takes it).
    pub fn open(out: &Path, by: PartitionBy) -> Result<Dataset, Error> {
        let articles = parquet_files(&out.join("articles"))?;
        let mut known = Vec::new();
        each_string(&articles, "content_sha256", |d| known.push(digest_key(d)))?;
        let known: Keys = known.into_iter().collect();
        let runs = parquet_files(&out.join("runs"))?;
        let layouts = strings(&runs, "partition_by")?;
        // A dataset from before the runs table is flat.
        let layout = match layouts.first() {
            Some(l) => l.as_str(),
            None if articles.is_empty() => by.as_str(),
            None => PartitionBy::None.as_str(),
        };
        if layout != by.as_str() {
            return Err(Error::Usage(format!(
                "{}: this dataset is partitioned by {layout}; run with --partition-by {layout} or write to a new directory",
                out.display()
            )));
        }
        Ok(Dataset {
            known,
            run_ids: strings(&runs, "run_id")?,
        })
    }
}

/// Reads every Parquet file of one table under `dir/<table>/`.
pub fn read_table(dir: &Path, table: &str) -> Result<DataFrame, Error> {
    let root = dir.join(table);
    let mut frames = Vec::new();
    for f in parquet_files(&root)? {
        let file = std::fs::File::open(&f).map_err(|e| Error::io(&f, e))?;
        frames.push((guarded(&f, || ParquetReader::new(file).finish())?, f));
    }
    // Files of older versions lack the extra columns later ones added: the
    // table has the columns all its files have.
    let common: Vec<PlSmallStr> = match frames.first() {
        Some((first, _)) => first
            .get_column_names_owned()
            .into_iter()
            .filter(|c| frames.iter().all(|(df, _)| df.column(c).is_ok()))
            .collect(),
        None => Vec::new(),
    };
    let mut out: Option<DataFrame> = None;
    for (df, f) in frames {
        let df = df
            .select(common.clone())
            .map_err(|e| Error::polars(&f, e))?;
        match &mut out {
            Some(acc) => {
                acc.vstack_mut(&df).map_err(|e| Error::polars(&f, e))?;
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

/// Runs a polars read of `file`, turning its error, or its panic on a file
/// no writer of ours would make, into an error naming the file.
pub fn guarded<T>(file: &Path, read: impl FnOnce() -> PolarsResult<T>) -> Result<T, Error> {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(read)) {
        Ok(result) => result.map_err(|e| Error::polars(file, e)),
        Err(_) => Err(Error::Dataset {
            path: file.to_path_buf(),
            message: "not a Parquet file entente can read".into(),
        }),
    }
}

/// The schema in a Parquet file's footer.
pub fn schema(file: &Path) -> Result<Schema, Error> {
    let f = std::fs::File::open(file).map_err(|e| Error::io(file, e))?;
    guarded(file, || {
        ParquetReader::new(f)
            .schema()
            .map(|s| Schema::from_arrow_schema(&s))
    })
}

/// One string column of some Parquet files, read with a lazy scan.
pub fn strings(files: &[PathBuf], column: &str) -> Result<Vec<String>, Error> {
    let mut values = Vec::new();
    each_string(files, column, |v| values.push(v.to_string()))?;
    Ok(values)
}

/// Calls `f` on every non-null value of a string column, file by file; a
/// file without that column is one entente did not write.
fn each_string(files: &[PathBuf], column: &str, mut f: impl FnMut(&str)) -> Result<(), Error> {
    for file in files {
        match schema(file)?.get(column) {
            Some(DataType::String) => {}
            Some(other) => {
                return Err(foreign(
                    file,
                    &format!("column {column} is {other}, not a string"),
                ))
            }
            None => return Err(foreign(file, &format!("it has no column {column}"))),
        }
        let df = guarded(file, || {
            scan(std::slice::from_ref(file))?
                .select([col(column)])
                .collect()
        })?;
        let values = df
            .column(column)
            .and_then(|c| c.str())
            .map_err(|e| Error::polars(file, e))?;
        values.iter().flatten().for_each(&mut f);
    }
    Ok(())
}

/// The error for a Parquet file in a table directory that entente did not
/// write (`why` says how that shows).
pub fn foreign(file: &Path, why: &str) -> Error {
    Error::Dataset {
        path: file.to_path_buf(),
        message: format!(
            "not a file of this table ({why}); move it out of the dataset or run `entente check`"
        ),
    }
}

/// Every Parquet file under `dir`, sorted; none if it does not exist.
pub fn parquet_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    if dir.is_dir() {
        collect_parquet(dir, &mut files)?;
    }
    files.sort();
    Ok(files)
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

/// A lazy scan of Parquet files, with hive partitioning off: partition
/// columns are stored in the files with their SPEC types.
pub fn scan(files: &[PathBuf]) -> PolarsResult<LazyFrame> {
    scan_naming_files(files, None)
}

/// [`scan`], with each row's file path in the column `path_column`, if given.
pub fn scan_naming_files(files: &[PathBuf], path_column: Option<&str>) -> PolarsResult<LazyFrame> {
    let paths = files
        .iter()
        .map(|p| PlRefPath::try_from_path(p))
        .collect::<PolarsResult<Vec<_>>>()?;
    let mut args = ScanArgsParquet::default();
    args.hive_options.enabled = Some(false);
    args.include_file_paths = path_column.map(Into::into);
    LazyFrame::scan_parquet_files(paths.into_iter().collect(), args)
}
