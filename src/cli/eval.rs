//! `entente eval`: score extracted tables against gold annotations.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::eval::{self, gold};
use crate::lexicon::Lexicon;
use crate::{dataset, pipeline, tables};

/// Score extraction against gold files: precision, recall and F1 for meetings,
/// participants and themes, and date, city, kind, role and side accuracy.
#[derive(clap::Args)]
pub struct Args {
    /// Directory of gold *.json files (SPEC format).
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,
    /// Tables written by `entente run`.
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    tables: Option<PathBuf>,
    /// Articles to extract on the fly instead of reading tables.
    #[arg(long = "input", value_name = "PATH", num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// List every miss and false positive per article, with its evidence.
    #[arg(long)]
    verbose: bool,
}

pub fn run(args: Args, lex: &Lexicon) -> anyhow::Result<ExitCode> {
    let gold = gold::load_dir(&args.gold)?;
    let (articles, meetings, participants, topics) = match (&args.tables, args.inputs.is_empty()) {
        (Some(dir), _) => (
            dataset::read_table(dir, "articles")?,
            dataset::read_table(dir, "meetings")?,
            dataset::read_table(dir, "participants")?,
            dataset::read_table(dir, "topics")?,
        ),
        (None, false) => {
            let extracted = pipeline::extract_inputs(&args.inputs, lex)?;
            let t = tables::build(&extracted.processed).context("building tables")?;
            (t.articles, t.meetings, t.participants, t.topics)
        }
        (None, true) => anyhow::bail!("give --tables DIR or --input PATH"),
    };
    let predicted = eval::predictions(&articles, &meetings, &participants, &topics)
        .context("reading predictions")?;
    let report = eval::evaluate(&gold, &predicted)?;
    print!("{}", report.render(args.verbose));
    Ok(ExitCode::SUCCESS)
}
