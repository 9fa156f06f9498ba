//! `entente eval`: score extracted tables against gold annotations.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::eval::{self, gold};
use crate::lexicon::Lexicons;
use crate::{dataset, pipeline, tables};

/// Score extraction against gold files: precision, recall and F1 for meetings,
/// participants and themes, and date, year, city, kind, role and side accuracy.
#[derive(clap::Args)]
pub struct Args {
    /// An evaluation set: a directory with `articles/` and `gold/` (such as
    /// tests/real/blind), extracted on the fly.
    #[arg(long, value_name = "DIR", conflicts_with_all = ["gold", "tables", "inputs"])]
    set: Option<PathBuf>,
    /// Directory of gold *.json files (SPEC format).
    #[arg(long, value_name = "DIR", required_unless_present = "set")]
    gold: Option<PathBuf>,
    /// Tables written by `entente run`.
    #[arg(long, value_name = "DIR", conflicts_with = "inputs")]
    tables: Option<PathBuf>,
    /// Articles to extract on the fly instead of reading tables.
    #[arg(long = "input", value_name = "PATH", num_args = 1..)]
    inputs: Vec<PathBuf>,
    /// Extract without the people gazetteer (lexicon/people.toml), to measure
    /// the name finder alone.
    #[arg(long)]
    pub no_people: bool,
    /// List every miss and false positive per article, with its evidence.
    #[arg(long)]
    verbose: bool,
}

pub fn run(args: Args, lex: &Lexicons) -> anyhow::Result<ExitCode> {
    let report = score(&args, lex)?;
    print!("{}", report.render(args.verbose));
    Ok(ExitCode::SUCCESS)
}

/// The report of the set, gold and tables or inputs the arguments name.
fn score(args: &Args, lex: &Lexicons) -> anyhow::Result<eval::Report> {
    let (gold_dir, inputs) = match &args.set {
        Some(set) => (set.join("gold"), vec![set.join("articles")]),
        None => (
            args.gold.clone().context("give --set DIR or --gold DIR")?,
            args.inputs.clone(),
        ),
    };
    let gold = gold::load_canonical(&gold_dir, lex)?;
    let (articles, meetings, participants, topics) = match (&args.tables, inputs.is_empty()) {
        (Some(dir), _) => (
            dataset::read_table(dir, "articles")?,
            dataset::read_table(dir, "meetings")?,
            dataset::read_table(dir, "participants")?,
            dataset::read_table(dir, "topics")?,
        ),
        (None, false) => extract(&inputs, lex)?,
        (None, true) => anyhow::bail!("give --tables DIR or --input PATH"),
    };
    let predicted = eval::predictions(&articles, &meetings, &participants, &topics)
        .context("reading predictions")?;
    Ok(eval::evaluate(&gold, &predicted)?)
}

type Frames = (
    polars::frame::DataFrame,
    polars::frame::DataFrame,
    polars::frame::DataFrame,
    polars::frame::DataFrame,
);

fn extract(inputs: &[PathBuf], lex: &Lexicons) -> anyhow::Result<Frames> {
    let extracted = pipeline::extract_inputs(inputs, lex)?;
    // A rejected article scores as all misses: say so, or the figures mislead.
    for r in &extracted.rejects {
        let line = r.line.map(|l| format!(":{l}")).unwrap_or_default();
        eprintln!(
            "entente: eval: {}{line} not extracted: {}",
            r.source, r.reason
        );
    }
    let t = tables::build(&extracted.processed).context("building tables")?;
    Ok((t.articles, t.meetings, t.participants, t.topics))
}
