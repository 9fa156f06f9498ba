//! The `runs` table: one row per run, one file per run
//! (`DIR/runs/part-<run_id>.parquet`), so that concurrent shards append
//! without rewriting each other's rows.
//!
//! A run id is derived, not drawn: the SHA-256 of the entente version, the
//! config hash, the shard, the input files (path and size) and the ids of
//! the runs already in the dataset. It is known before the first article is
//! read, so part files can be written while the run streams. Running the
//! same job twice from scratch therefore stamps the same id into the Parquet
//! metadata and names the same files, which keeps the data tables
//! byte-identical; a later run on the same dataset gets a new id because the
//! earlier run is now part of its history. Only the `runs` table carries
//! wall-clock times.

use std::path::Path;
use std::time::{SystemTime, UNIX_EPOCH};

use include_dir::{include_dir, Dir};
use polars::prelude::*;
use sha2::{Digest, Sha256};

use super::keys::sha256_hex;
use crate::config::{Settings, Shard};
use crate::error::Error;

pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// The version of the SPEC (the project contract) the tables follow.
pub const SPEC_VERSION: &str = "1.1";

/// Microseconds since the Unix epoch, UTC.
pub fn now_micros() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_micros() as i64)
}

pub fn rfc3339(micros: i64) -> String {
    chrono::DateTime::from_timestamp_micros(micros)
        .map(|t| t.format("%Y-%m-%dT%H:%M:%SZ").to_string())
        .unwrap_or_default()
}

/// First 16 hex digits of the SHA-256 of the settings that shape the output.
pub fn config_hash(settings: &Settings) -> String {
    let json = serde_json::to_string(settings).expect("settings serialise");
    sha256_hex(json.as_bytes())[..16].to_string()
}

/// `inputs` are the input files, one `path<TAB>size` string each.
pub fn run_id(
    config_hash: &str,
    shard: Option<Shard>,
    inputs: &[String],
    prior: &[String],
) -> String {
    let mut parts = vec![VERSION.to_string(), config_hash.to_string()];
    parts.push(shard.map(|s| s.to_string()).unwrap_or_default());
    let mut inputs = inputs.to_vec();
    inputs.sort_unstable();
    parts.extend(inputs);
    let mut prior = prior.to_vec();
    prior.sort_unstable();
    parts.extend(prior);
    sha256_hex(parts.join("\n").as_bytes())[..16].to_string()
}

/// Parquet key-value metadata stamped on every file a run writes.
pub fn file_metadata(run_id: &str) -> Vec<(String, String)> {
    vec![
        ("entente.version".into(), VERSION.into()),
        ("entente.run_id".into(), run_id.into()),
        ("entente.spec_version".into(), SPEC_VERSION.into()),
    ]
}

/// The lexicon compiled into the binary, read here only to be hashed.
static LEXICON: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lexicon");

/// First 16 hex digits of the SHA-256 of a lexicon's TOML files (their
/// paths and contents): those of `dir`, or the built-in ones. A copy of
/// `lexicon/` hashes as the built-in lexicon does.
pub fn lexicon_hash(dir: Option<&Path>) -> Result<String, Error> {
    fn embedded(dir: &Dir, files: &mut Vec<(String, Vec<u8>)>) {
        for f in dir.files() {
            files.push((f.path().display().to_string(), f.contents().to_vec()));
        }
        for d in dir.dirs() {
            embedded(d, files);
        }
    }
    fn on_disk(root: &Path, dir: &Path, files: &mut Vec<(String, Vec<u8>)>) -> Result<(), Error> {
        for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let path = entry.map_err(|e| Error::io(dir, e))?.path();
            if path.is_dir() {
                on_disk(root, &path, files)?;
            } else {
                let bytes = std::fs::read(&path).map_err(|e| Error::io(&path, e))?;
                let name = path.strip_prefix(root).expect("under root");
                files.push((name.display().to_string(), bytes));
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    match dir {
        Some(dir) => on_disk(dir, dir, &mut files)?,
        None => embedded(&LEXICON, &mut files),
    }
    files.retain(|(name, _)| name.ends_with(".toml"));
    files.sort();
    let mut hash = Sha256::new();
    for (name, bytes) in files {
        hash.update(name.as_bytes());
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    }
    Ok(format!("{:x}", hash.finalize())[..16].to_string())
}

/// The columns that say which extractor made a row (of `articles` and
/// `meetings`): the entente version and the hash of its lexicon.
pub const EXTRACTOR: [&str; 2] = ["entente_version", "lexicon_hash"];

/// Adds the [`EXTRACTOR`] columns to `df`.
pub fn stamp_extractor(df: &mut DataFrame, lexicon_hash: &str) -> PolarsResult<()> {
    let n = df.height();
    df.with_column(Column::new(EXTRACTOR[0].into(), vec![VERSION; n]))?;
    df.with_column(Column::new(EXTRACTOR[1].into(), vec![lexicon_hash; n]))?;
    Ok(())
}

/// Counts of one run, as recorded in its `runs` row.
#[derive(Debug, Clone, Default)]
pub struct Record {
    pub run_id: String,
    pub started: i64,
    pub finished: i64,
    pub config_hash: String,
    pub shard: Option<Shard>,
    pub partition_by: &'static str,
    pub inputs_seen: usize,
    pub articles_seen: usize,
    pub articles_new: usize,
    pub articles_skipped: usize,
    pub articles_excluded: usize,
    pub articles_failed: usize,
    /// Rows written per table, in table order.
    pub rows: Vec<(&'static str, usize)>,
}

impl Record {
    pub fn frame(&self) -> PolarsResult<DataFrame> {
        let time = |name: &str, v: i64| {
            Series::new(name.into(), [v])
                .cast(&DataType::Datetime(TimeUnit::Microseconds, None))
                .map(Column::from)
        };
        let text = |name: &str, v: &str| Column::new(name.into(), [v]);
        let count = |name: &str, v: usize| Column::new(name.into(), [v as i64]);
        let mut columns = vec![
            text("run_id", &self.run_id),
            time("started", self.started)?,
            time("finished", self.finished)?,
            text("config_hash", &self.config_hash),
            text("entente_version", VERSION),
            text("spec_version", SPEC_VERSION),
            Column::new("shard".into(), [self.shard.map(|s| s.to_string())]),
            text("partition_by", self.partition_by),
            count("inputs_seen", self.inputs_seen),
            count("articles_seen", self.articles_seen),
            count("articles_new", self.articles_new),
            count("articles_skipped", self.articles_skipped),
            count("articles_excluded", self.articles_excluded),
            count("articles_failed", self.articles_failed),
        ];
        for (table, n) in &self.rows {
            columns.push(count(&format!("rows_{table}"), *n));
        }
        DataFrame::new(1, columns)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_of_the_lexicon_hashes_as_the_built_in_one_and_an_edit_does_not() {
        let builtin = lexicon_hash(None).unwrap();
        let copy = tempfile::tempdir().unwrap();
        fn copy_dir(from: &Path, to: &Path) {
            std::fs::create_dir_all(to).unwrap();
            for e in std::fs::read_dir(from).unwrap() {
                let path = e.unwrap().path();
                let target = to.join(path.file_name().unwrap());
                if path.is_dir() {
                    copy_dir(&path, &target);
                } else {
                    std::fs::copy(&path, target).unwrap();
                }
            }
        }
        copy_dir(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("lexicon"),
            copy.path(),
        );
        assert_eq!(lexicon_hash(Some(copy.path())).unwrap(), builtin);
        let edited = copy.path().join("languages.toml");
        let text = std::fs::read_to_string(&edited).unwrap();
        std::fs::write(&edited, format!("{text}\n# edited\n")).unwrap();
        assert_ne!(lexicon_hash(Some(copy.path())).unwrap(), builtin);
    }
}
