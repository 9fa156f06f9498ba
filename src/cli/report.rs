//! `entente report`: one HTML page of a comparison, with the evidence.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::compare::Period;
use crate::error::Error;
use crate::report;

/// A page above this size may open slowly; the run says so.
const LARGE_PAGE: usize = 30_000_000;

/// Write one self-contained HTML page (no server, no network) of the
/// comparison: the partner × theme heatmap of shares, each partner's
/// distinctive themes, meetings per partner over time, and every meeting of
/// the selection with the sentences behind it.
#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    select: super::SelectArgs,
    /// Periods of the timeline; an unknown year or month is left out of it.
    #[arg(long, value_enum, default_value = "year")]
    by: Period,
    /// The page to write.
    #[arg(long, value_name = "FILE.html", default_value = "report.html")]
    out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let (meetings, topics, sel) = args.select.load()?;
    let page = report::render(&args.select.tables, meetings, topics, &sel, args.by)?;
    std::fs::write(&args.out, &page).map_err(|e| Error::io(&args.out, e))?;
    if page.len() > LARGE_PAGE {
        tracing::warn!(
            "{}: {:.1} MB: a page this large may open slowly; narrow it with --partners, --themes, --since or --until",
            args.out.display(),
            page.len() as f64 / 1e6
        );
    }
    Ok(ExitCode::SUCCESS)
}
