//! `entente aggregate`: recompute `theme_counts` over a whole dataset, e.g.
//! after the shards of a job have all finished.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::aggregate;
use crate::dataset::lock::Lock;
use crate::dataset::staging::{self, Staging};
use crate::dataset::{self, runs, PART_FILE};
use crate::write::{write_parquet, FileOptions};

/// Recompute theme_counts from every meeting and topic of a dataset (polars lazy scans).
#[derive(clap::Args)]
pub struct Args {
    /// Dataset written by `entente run`.
    #[arg(long, value_name = "DIR", default_value = "out")]
    tables: PathBuf,
    /// Parquet compression codec.
    #[arg(long, value_enum, default_value = "zstd")]
    compression: crate::config::Compression,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let out = &args.tables;
    // Alone on the dataset: no shard may still be adding meetings.
    let _lock = Lock::acquire(out, None)?;
    staging::recover(out, None)?;
    let mut counts = aggregate::dataset_theme_counts(&[out.as_path()])?
        .with_context(|| format!("{}: no meetings to aggregate", out.display()))?;
    // Derived like a run id, from the runs it summarises: aggregating the
    // same dataset twice writes the same bytes.
    let run_ids = dataset::strings(&dataset::parquet_files(&out.join("runs"))?, "run_id")?;
    let id = runs::run_id("aggregate", None, &[], &run_ids);
    let opts = FileOptions {
        compression: args.compression,
        metadata: runs::file_metadata(&id),
    };
    let staging = Staging::begin(out, None)?;
    let path = staging.path(&Path::new("theme_counts").join(PART_FILE));
    write_parquet(&path, &mut counts, &opts)?;
    staging.publish(Vec::new())?;
    println!(
        "wrote {} theme_counts rows to {}",
        counts.height(),
        out.join("theme_counts").display()
    );
    Ok(ExitCode::SUCCESS)
}
