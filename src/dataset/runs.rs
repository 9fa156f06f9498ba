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

use std::time::{SystemTime, UNIX_EPOCH};

use polars::prelude::*;

use super::keys::sha256_hex;
use crate::config::{Settings, Shard};

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
