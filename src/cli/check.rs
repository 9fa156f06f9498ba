//! `entente check`: verify a dataset, as `fsck` verifies a file system.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::check;

/// Verify a dataset: every file readable with SPEC's columns, no duplicated
/// ids, every meeting's article present, theme_counts equal to a recount,
/// no run left half-published (one it finds is finished or discarded, as the
/// next run would). Prints one line per problem, naming the file; exits 0
/// only when all holds.
#[derive(clap::Args)]
pub struct Args {
    /// Dataset written by `entente run`.
    #[arg(long, value_name = "DIR", default_value = "out")]
    tables: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let report = check::check(&args.tables)?;
    for problem in &report.problems {
        println!("{problem}");
    }
    if report.problems.is_empty() {
        println!(
            "{}: ok ({} files, {} articles, {} meetings)",
            args.tables.display(),
            report.files,
            report.articles,
            report.meetings
        );
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!(
            "entente: {}: {} problem(s) found",
            args.tables.display(),
            report.problems.len()
        );
        Ok(ExitCode::FAILURE)
    }
}
