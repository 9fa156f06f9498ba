//! Command line: one module per subcommand, each with its arguments and `run()`.

mod aggregate;
mod check;
mod compare;
mod eval;
mod gen_corpus;
mod report;
mod run;

use std::path::PathBuf;

use anyhow::Context;
use chrono::NaiveDate;
use polars::prelude::{IntoLazy, LazyFrame};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::compare::Selection;
use crate::dataset;
use crate::error::one_line;
use crate::lexicon::Lexicons;

/// Exit status of a run that completed but rejected inputs, under `--strict`
/// (0 is success, 1 a failure, 2 a usage error).
pub const EXIT_REJECTS: u8 = 3;

/// Exit status of a usage error, as clap gives for a bad flag.
pub const EXIT_USAGE: u8 = 2;

#[derive(Parser)]
#[command(
    name = "entente",
    version,
    about = "Turn French and English news articles about security and diplomatic meetings into Parquet tables"
)]
#[command(
    long_about = "Turn French and English news articles about security and diplomatic meetings into Parquet tables.\n\n\
    entente reads articles (.txt, or .jsonl with one article per line), extracts the meetings they report, \
    their participants and the cooperation themes discussed, and writes the tables articles, meetings, \
    participants, topics and theme_counts as Parquet under the output directory. Every row keeps the \
    character offsets of the sentence it came from.\n\n\
    Exit status: 0 success, 1 failure (one line on stderr names the input at fault), 2 usage error, \
    3 completed with rejected inputs under `run --strict`."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Lexicon directory to use instead of the built-in one (same files as `lexicon/`).
    #[arg(long, global = true, value_name = "DIR")]
    lexicon: Option<PathBuf>,
    /// Log level on stderr (error, warn, info, debug, trace); RUST_LOG overrides.
    #[arg(long, global = true, value_name = "LEVEL", default_value = "warn")]
    log: String,
}

#[derive(Subcommand)]
enum Command {
    Run(run::Args),
    Eval(eval::Args),
    Aggregate(aggregate::Args),
    Check(check::Args),
    Compare(compare::Args),
    Report(report::Args),
    GenCorpus(gen_corpus::Args),
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    init_logging(&cli.log);
    // Panics are caught per article and reported as rejects; their default
    // message and backtrace would only confuse a user, so they go to the log.
    std::panic::set_hook(Box::new(|info| tracing::debug!("internal error: {info}")));
    let result = std::panic::catch_unwind(|| {
        let people = !matches!(&cli.command, Command::Eval(args) if args.no_people);
        load_lexicon(cli.lexicon.as_deref(), people).and_then(|lex| match cli.command {
            Command::Run(args) => run::run(args, &lex, cli.lexicon.as_deref()),
            Command::Eval(args) => eval::run(args, &lex),
            Command::Aggregate(args) => aggregate::run(args),
            Command::Check(args) => check::run(args),
            Command::Compare(args) => compare::run(args),
            Command::Report(args) => report::run(args),
            Command::GenCorpus(args) => gen_corpus::run(args, &lex),
        })
    });
    match result {
        Ok(Ok(code)) => code,
        Ok(Err(e)) => {
            eprintln!("entente: error: {}", said_once(&e));
            ExitCode::FAILURE
        }
        Err(_) => {
            eprintln!("entente: internal error (run with --log debug for details)");
            ExitCode::FAILURE
        }
    }
}

/// An error and its causes on one line, each cause left out when the
/// message already says it (the library's errors print their source).
fn said_once(error: &anyhow::Error) -> String {
    let mut text = error.to_string();
    for cause in error.chain().skip(1) {
        let cause = cause.to_string();
        if !text.contains(&cause) {
            text = format!("{text}: {cause}");
        }
    }
    one_line(&text)
}

fn load_lexicon(dir: Option<&std::path::Path>, people: bool) -> anyhow::Result<Lexicons> {
    Ok(Lexicons::load(dir, people)?)
}

fn init_logging(level: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(level));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_target(false)
        .init();
}

/// The tables and the selection of `compare` and `report`.
#[derive(clap::Args)]
struct SelectArgs {
    /// Tables written by `entente run`.
    #[arg(long, value_name = "DIR", default_value = "out")]
    tables: PathBuf,
    /// Only these partners (canonical names, case-insensitive), comma-separated.
    #[arg(long, value_name = "A,B,...", value_delimiter = ',')]
    partners: Vec<String>,
    /// Only these theme codes (SPEC), comma-separated.
    #[arg(long, value_name = "T,U,...", value_delimiter = ',')]
    themes: Vec<String>,
    /// Meetings on or after this date (YYYY-MM-DD); undated meetings are left out.
    #[arg(long, value_name = "DATE")]
    since: Option<NaiveDate>,
    /// Meetings on or before this date (YYYY-MM-DD); undated meetings are left out.
    #[arg(long, value_name = "DATE")]
    until: Option<NaiveDate>,
}

impl SelectArgs {
    /// The `meetings` and `topics` tables, and the selection resolved against them.
    fn load(&self) -> anyhow::Result<(LazyFrame, LazyFrame, Selection)> {
        let meetings = dataset::read_table(&self.tables, "meetings")?.lazy();
        let topics = dataset::read_table(&self.tables, "topics")?.lazy();
        let known = crate::compare::partners(meetings.clone()).context("listing partners")?;
        let sel = Selection {
            partners: self.partners.clone(),
            themes: self.themes.clone(),
            since: self.since,
            until: self.until,
        }
        .resolve(&known)?;
        Ok((meetings, topics, sel))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_and_its_source_are_said_once() {
        let io = std::io::Error::new(std::io::ErrorKind::NotFound, "No such file");
        let error = anyhow::Error::from(crate::error::Error::io(std::path::Path::new("seeds"), io));
        assert_eq!(said_once(&error), "seeds: No such file");
        let wrapped = error.context("reading the inputs");
        assert_eq!(
            said_once(&wrapped),
            "reading the inputs: seeds: No such file"
        );
    }
}
