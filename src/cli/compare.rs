//! `entente compare`: partners compared on themes.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;
use polars::prelude::{DataFrame, PolarsResult};

use crate::compare::{self, Period, Selection};
use crate::{export, plot, write};

/// Compare partners on themes: a partner × theme matrix of meeting counts and
/// shares (the numbers of `theme_counts`), the themes that set each partner
/// apart, and plots.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    select: super::SelectArgs,
    /// One matrix per year or month; an unknown year or month is a period of its own.
    #[arg(long, value_enum)]
    by: Option<Period>,
    /// Output: aligned text, or the long table (one row per partner, period
    /// and theme) as CSV, JSON records or Parquet.
    #[arg(long, value_enum, default_value = "table")]
    format: Format,
    /// Output the distinctive-theme scores (log-odds with an informative
    /// Dirichlet prior, and z) instead of the counts.
    #[arg(long)]
    distinctive: bool,
    /// Write here instead of stdout (required for parquet).
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Draw the partner × theme heatmap of shares to this .svg file.
    #[arg(long, value_name = "FILE.svg")]
    plot: Option<PathBuf>,
    /// Draw meetings per partner over time (per --by, else per year) to this .svg file.
    #[arg(long, value_name = "FILE.svg")]
    timeline: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Table,
    Csv,
    Json,
    Parquet,
}

/// Themes shown per partner under the text matrix.
const TOP_DISTINCTIVE: usize = 3;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    if args.format == Format::Parquet && args.output.is_none() {
        anyhow::bail!("--format parquet needs --output FILE");
    }
    let (meetings, topics, sel) = args.select.load()?;

    let counts = compare::counts(meetings.clone(), topics.clone(), &sel, args.by)
        .collect()
        .context("counting themes")?;
    // Scores and the heatmap compare partners over the whole selection.
    let overall = compare::counts(meetings.clone(), topics, &sel, None);
    let scores = compare::distinctive(overall.clone()).context("scoring themes")?;

    if let Some(path) = &args.plot {
        let Some(m) = compare::overall_matrix(meetings.clone(), overall.clone(), &sel)? else {
            anyhow::bail!(
                "{}: nothing to plot: no meeting matches the selection",
                path.display()
            );
        };
        plot::heatmap(&m, path)?;
    }
    if let Some(path) = &args.timeline {
        let by = args.by.unwrap_or(Period::Year);
        let totals = compare::partner_totals(meetings.clone(), &sel, Some(by)).collect()?;
        plot::timeline(&compare::timeline(&totals, by)?, path)?;
    }

    let mut result = if args.distinctive {
        scores.clone()
    } else {
        counts.clone()
    };
    if args.format == Format::Parquet {
        let path = args.output.as_deref().expect("checked above");
        write::write_parquet(path, &mut result, &write::FileOptions::default())?;
        return Ok(ExitCode::SUCCESS);
    }
    let mut out: Box<dyn Write> = match &args.output {
        Some(path) => Box::new(BufWriter::new(
            File::create(path).with_context(|| path.display().to_string())?,
        )),
        None => Box::new(std::io::stdout().lock()),
    };
    let at = args.output.as_deref().unwrap_or(Path::new("stdout"));
    let written = match args.format {
        Format::Csv => export::csv(&result, &mut out),
        Format::Json => export::json_records(&result, &mut out),
        Format::Table if args.distinctive => {
            write!(out, "{}", compare::render_distinctive(&scores, usize::MAX)?)
        }
        Format::Table => {
            let totals = compare::partner_totals(meetings, &sel, args.by).collect()?;
            let text = table_text(&counts, &totals, &scores, args.by, &sel)?;
            write!(out, "{text}")
        }
        Format::Parquet => unreachable!("written above"),
    };
    written
        .and_then(|()| out.flush())
        .with_context(|| at.display().to_string())?;
    Ok(ExitCode::SUCCESS)
}

/// Every period's matrix, then the most distinctive themes per partner.
fn table_text(
    counts: &DataFrame,
    totals: &DataFrame,
    scores: &DataFrame,
    by: Option<Period>,
    sel: &Selection,
) -> PolarsResult<String> {
    let mut text = String::new();
    for m in compare::matrices(counts, totals, by, &sel.themes)? {
        if by.is_some() {
            text.push_str(&format!("\n{}\n", m.period));
        }
        text.push_str(&compare::render(&m));
    }
    text.push_str(&format!(
        "\nMost distinctive themes (log-odds vs all other partners, z > 0; top {TOP_DISTINCTIVE}):\n"
    ));
    text.push_str(&compare::render_distinctive(scores, TOP_DISTINCTIVE)?);
    Ok(text)
}
