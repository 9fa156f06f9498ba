//! `entente run`: the main job.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::lexicon::Lexicon;
use crate::pipeline;

/// Extract meetings, participants and themes from articles and write the tables.
#[derive(clap::Args)]
pub struct Args {
    /// Article files or directories (.txt, .jsonl), searched recursively.
    #[arg(long = "input", short, value_name = "PATH", num_args = 1.., default_value = "seeds")]
    inputs: Vec<PathBuf>,
    /// Output directory: one sub-directory of Parquet files per table.
    #[arg(long, short, value_name = "DIR", default_value = "out")]
    out: PathBuf,
    /// Print nothing on success.
    #[arg(long, short)]
    quiet: bool,
}

pub fn run(args: Args, lex: &Lexicon) -> anyhow::Result<ExitCode> {
    let summary = pipeline::run(&args.inputs, &args.out, lex)?;
    for r in &summary.rejects {
        let at = r.line.map(|l| format!(":{l}")).unwrap_or_default();
        eprintln!("entente: skipped {}{at}: {}", r.source, r.reason);
    }
    if !args.quiet {
        println!(
            "read {} articles from {} files ({} duplicates, {} rejected): {} meetings, {} participants, {} topics; wrote {}",
            summary.articles,
            summary.files,
            summary.duplicates,
            summary.rejects.len(),
            summary.meetings,
            summary.participants,
            summary.topics,
            summary.out.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
