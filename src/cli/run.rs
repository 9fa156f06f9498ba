//! `entente run`: the main job, one-off or scheduled.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::{Compression, Limits, PartitionBy, Pipeline, Shard};
use crate::dataset::runs;
use crate::dataset::staging::Recovered;
use crate::lexicon::Lexicons;
use crate::pipeline;

/// Extract meetings, participants and themes from articles and add them to the
/// tables. Articles already in the output are skipped, so a nightly run over
/// the day's files only extracts what is new.
#[derive(clap::Args)]
pub struct Args {
    /// Pipeline config (pipelines/*.toml); the flags below override its values.
    #[arg(long, value_name = "FILE")]
    pipeline: Option<PathBuf>,
    /// Article files, directories (searched recursively) or glob patterns [default: seeds].
    #[arg(long = "input", short, value_name = "PATH", num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// Output directory: one sub-directory of Parquet files per table [default: out].
    #[arg(long, short, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Hive-style partition directories for the data tables [default: none].
    #[arg(long, value_enum)]
    partition_by: Option<PartitionBy>,
    /// Parquet compression codec [default: zstd].
    #[arg(long, value_enum)]
    compression: Option<Compression>,
    /// Keep only articles in these languages (the `lang` of a record).
    #[arg(long = "lang", value_name = "CODE", num_args = 1..)]
    languages: Vec<String>,
    /// Extract at most N new articles; the others wait for the next run.
    #[arg(long, value_name = "N")]
    max_articles: Option<NonZeroUsize>,
    /// Reject articles larger than N bytes.
    #[arg(long, value_name = "N")]
    max_article_bytes: Option<NonZeroUsize>,
    /// Extract only shard I of N (0-based) of the articles, for N copies run at once.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// Print nothing on success.
    #[arg(long, short)]
    quiet: bool,
    /// Exit with status 3 when any input was rejected (the tables are still written).
    #[arg(long)]
    strict: bool,
    /// Extract again every article of the dataset in --out, from its stored
    /// text, with this entente and lexicon, replacing the derived tables.
    #[arg(long, conflicts_with_all = ["inputs", "shard"])]
    reextract: bool,
}

/// The output directory when none is given, and the only one the seeds go
/// to without `--input`.
const DEFAULT_OUT: &str = "out";

pub fn run(args: Args, lex: &Lexicons, lexicon: Option<&Path>) -> anyhow::Result<ExitCode> {
    // The seeds are a demo for the default output only: a dataset named
    // without inputs is a forgotten --input, not a wish for the seeds.
    let default_out = Path::new(DEFAULT_OUT);
    let named_out = args.out.as_deref().filter(|out| *out != default_out);
    if let (Some(out), None, true, false) = (
        named_out,
        &args.pipeline,
        args.inputs.is_empty(),
        args.reextract,
    ) {
        eprintln!(
            "entente: error: --out {} needs --input PATH, --pipeline FILE or --reextract (only the default {DEFAULT_OUT}/ takes the seeds)",
            out.display()
        );
        return Ok(ExitCode::from(crate::cli::EXIT_USAGE));
    }
    let file = match &args.pipeline {
        Some(path) => Pipeline::load(path)?,
        None => Pipeline::default(),
    };
    let flags = Pipeline {
        inputs: (!args.inputs.is_empty()).then_some(args.inputs),
        out: args.out,
        partition_by: args.partition_by,
        compression: args.compression,
        languages: (!args.languages.is_empty()).then_some(args.languages),
        limits: Limits {
            max_articles: args.max_articles,
            max_article_bytes: args.max_article_bytes,
        },
    };
    let mut settings = file.overridden_by(flags).settings(args.shard);
    settings.lexicon_hash = runs::lexicon_hash(lexicon)?;
    settings.reextract = args.reextract;
    let summary = pipeline::run(&settings, lex)?;
    if let Some(holder) = &summary.stale {
        eprintln!("entente: an earlier run was killed ({holder}); its lock was stale");
    }
    for r in &summary.recovered {
        match r {
            Recovered::Discarded(dir) => {
                eprintln!(
                    "entente: removed unfinished files of a killed run: {}",
                    dir.display()
                )
            }
            Recovered::Published(dir) => {
                eprintln!(
                    "entente: published the finished files of a killed run: {}",
                    dir.display()
                )
            }
        }
    }
    for r in &summary.rejects {
        let at = r.line.map(|l| format!(":{l}")).unwrap_or_default();
        eprintln!("entente: skipped {}{at}: {}", r.source, r.reason);
    }
    if !args.quiet {
        let rec = &summary.record;
        let rows: Vec<String> = rec.rows.iter().map(|(t, n)| format!("{n} {t}")).collect();
        println!(
            "read {} articles from {} files: {} new, {} already in the dataset or repeated, {} excluded, {} rejected; wrote {} to {} (run {})",
            rec.articles_seen,
            rec.inputs_seen,
            rec.articles_new,
            rec.articles_skipped,
            rec.articles_excluded,
            rec.articles_failed,
            rows.join(", "),
            summary.out.display(),
            rec.run_id,
        );
        if rec.shard.is_some() {
            println!(
                "sharded run: run `entente aggregate --tables {}` once every shard has finished",
                summary.out.display()
            );
        }
    }
    if args.strict && !summary.rejects.is_empty() {
        return Ok(ExitCode::from(crate::cli::EXIT_REJECTS));
    }
    Ok(ExitCode::SUCCESS)
}
