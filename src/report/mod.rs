//! `entente report`: one self-contained HTML page of a comparison, from the
//! heatmap of shares down to the sentence behind each meeting.
//!
//! The numbers are those of [`crate::compare`] (the same selection, counts,
//! seriated matrix, log-odds scores and timeline). The charts and their
//! tables are rendered here, through the template `report/page.html`; the
//! page's own script (`report/report.js`) lists and filters the meetings and
//! shows their evidence from two embedded blocks, gzip-compressed JSON in
//! base64 (see [`html`] for why and for the page's safety rules).

mod data;
mod excerpt;
mod html;

use std::path::Path;

use polars::prelude::*;
use serde::Serialize;

use crate::compare::{self, Matrix, Period, Selection, Timeline};
use crate::error::Error;

pub use data::safe_link;
pub use html::script_json;

/// Distinctive themes listed per partner.
const TOP_DISTINCTIVE: usize = 3;
/// Shades of the heatmap, above the empty cell's.
const SHADES: f64 = 8.0;
/// Size of one bar of the timeline, in SVG units.
const BAR: (u32, u32) = (14, 28);

/// The page of the selection `sel` of the tables in `tables`, whose
/// `meetings` and `topics` are given; `by` buckets the timeline.
pub fn render(
    tables: &Path,
    meetings: LazyFrame,
    topics: LazyFrame,
    sel: &Selection,
    by: Period,
) -> Result<String, Error> {
    let fail = |table: &str| {
        let path = tables.join(table);
        move |e| Error::polars(&path, e)
    };
    let overall = compare::counts(meetings.clone(), topics.clone(), sel, None);
    let matrix = compare::overall_matrix(meetings.clone(), overall.clone(), sel)
        .map_err(fail("meetings"))?
        .ok_or_else(|| {
            Error::Usage(format!(
                "{}: no meeting matches the selection",
                tables.display()
            ))
        })?;
    let scores = compare::distinctive(overall).map_err(fail("topics"))?;
    let totals = compare::partner_totals(meetings.clone(), sel, Some(by))
        .collect()
        .map_err(fail("meetings"))?;
    let timeline = compare::timeline(&totals, by).map_err(fail("meetings"))?;
    let (rows, evidence) = data::load(tables, meetings, topics, sel)?;

    let distinctive = distinctive(&scores, &matrix).map_err(fail("topics"))?;
    let articles = rows.articles.len();
    let summary = Summary {
        tables: tables.display().to_string(),
        selection: SelectionView::of(sel, by),
        meetings: rows.meetings.len(),
        articles,
        heatmap: &matrix,
        distinctive: &distinctive,
    };
    let page = html::Page {
        version: env!("CARGO_PKG_VERSION"),
        partners: matrix.partners.len(),
        heatmap: heatmap(&matrix),
        distinctive: distinctive_view(&distinctive, &matrix),
        timeline: timeline_view(&timeline),
        summary: &summary,
    };
    html::page(&page, &rows, &evidence)
}

/// The page's plain JSON block: what was compared, and the numbers of the charts.
#[derive(Serialize)]
pub struct Summary<'a> {
    tables: String,
    selection: SelectionView,
    meetings: usize,
    articles: usize,
    #[serde(serialize_with = "matrix_json")]
    heatmap: &'a Matrix,
    distinctive: &'a [Distinctive],
}

fn matrix_json<S: serde::Serializer>(m: &&Matrix, s: S) -> Result<S::Ok, S::Error> {
    #[derive(Serialize)]
    struct M<'a> {
        partners: &'a [String],
        partner_meetings: &'a [i64],
        themes: &'a [String],
        meetings: &'a [Vec<i64>],
    }
    M {
        partners: &m.partners,
        partner_meetings: &m.partner_meetings,
        themes: &m.themes,
        meetings: &m.meetings,
    }
    .serialize(s)
}

#[derive(Serialize)]
struct SelectionView {
    partners: Vec<String>,
    themes: Vec<String>,
    since: Option<String>,
    until: Option<String>,
    by: &'static str,
}

impl SelectionView {
    fn of(sel: &Selection, by: Period) -> SelectionView {
        SelectionView {
            partners: sel.partners.clone(),
            themes: sel.themes.clone(),
            since: sel.since.map(|d| d.to_string()),
            until: sel.until.map(|d| d.to_string()),
            by: match by {
                Period::Year => "year",
                Period::Month => "month",
            },
        }
    }

    /// "all meetings", or the filters in words.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if !self.partners.is_empty() {
            parts.push(format!("partners {}", self.partners.join(", ")));
        }
        if !self.themes.is_empty() {
            parts.push(format!("themes {}", self.themes.join(", ")));
        }
        match (&self.since, &self.until) {
            (Some(s), Some(u)) => parts.push(format!("from {s} to {u}")),
            (Some(s), None) => parts.push(format!("from {s}")),
            (None, Some(u)) => parts.push(format!("until {u}")),
            (None, None) => {}
        }
        if parts.is_empty() {
            "all meetings".into()
        } else {
            parts.join("; ")
        }
    }
}

#[derive(Serialize)]
struct HeatmapView {
    themes: Vec<String>,
    rows: Vec<HeatRow>,
}

#[derive(Serialize)]
struct HeatRow {
    partner: String,
    meetings: i64,
    cells: Vec<Cell>,
}

#[derive(Serialize)]
struct Cell {
    theme: String,
    meetings: i64,
    percent: String,
    shade: u8,
    label: String,
}

fn percent(share: f64) -> String {
    format!("{:.0}", share * 100.0)
}

fn heatmap(m: &Matrix) -> HeatmapView {
    let rows = m
        .partners
        .iter()
        .enumerate()
        .map(|(p, partner)| HeatRow {
            partner: partner.clone(),
            meetings: m.partner_meetings[p],
            cells: m
                .themes
                .iter()
                .enumerate()
                .map(|(t, theme)| {
                    let (n, share) = (m.meetings[p][t], m.share(p, t));
                    Cell {
                        theme: theme.clone(),
                        meetings: n,
                        percent: percent(share),
                        shade: if n == 0 {
                            0
                        } else {
                            1 + (share * SHADES).min(SHADES - 1.0) as u8
                        },
                        label: format!(
                            "{partner} × {theme}: {n} of {} meetings ({}%)",
                            m.partner_meetings[p],
                            percent(share)
                        ),
                    }
                })
                .collect(),
        })
        .collect();
    HeatmapView {
        themes: m.themes.clone(),
        rows,
    }
}

/// A theme over-represented in a partner's meetings (z > 0).
#[derive(Serialize)]
pub struct Distinctive {
    partner: String,
    theme: String,
    meetings: i64,
    z: f64,
}

/// The [`TOP_DISTINCTIVE`] highest positive z of each partner, partners in
/// the heatmap's order.
fn distinctive(scores: &DataFrame, m: &Matrix) -> PolarsResult<Vec<Distinctive>> {
    let partners = scores.column("partner")?.str()?;
    let themes = scores.column("theme")?.str()?;
    let meetings = scores.column("meetings")?.i64()?;
    let zs = scores.column("z")?.f64()?;
    let mut out: Vec<Distinctive> = Vec::new();
    for i in 0..scores.height() {
        let (Some(partner), Some(theme), Some(n), Some(z)) =
            (partners.get(i), themes.get(i), meetings.get(i), zs.get(i))
        else {
            continue;
        };
        let listed = out.iter().filter(|d| d.partner == partner).count();
        if z > 0.0 && listed < TOP_DISTINCTIVE {
            out.push(Distinctive {
                partner: partner.to_string(),
                theme: theme.to_string(),
                meetings: n,
                z,
            });
        }
    }
    let rank = |p: &str| m.partners.iter().position(|x| x == p);
    out.sort_by_key(|d| rank(&d.partner));
    Ok(out)
}

#[derive(Serialize)]
struct DistinctiveRow {
    partner: String,
    /// Rows of this partner, on its first row (0 on the others).
    rowspan: usize,
    theme: Option<String>,
    meetings: i64,
    z: String,
    bar: u32,
}

/// Width of the longest bar of the distinctive-themes table.
const Z_BAR: f64 = 120.0;

fn distinctive_view(ds: &[Distinctive], m: &Matrix) -> Vec<DistinctiveRow> {
    let max_z = ds.iter().map(|d| d.z).fold(0.0, f64::max);
    let mut out = Vec::new();
    for partner in &m.partners {
        let mine: Vec<&Distinctive> = ds.iter().filter(|d| &d.partner == partner).collect();
        if mine.is_empty() {
            out.push(DistinctiveRow {
                partner: partner.clone(),
                rowspan: 1,
                theme: None,
                meetings: 0,
                z: String::new(),
                bar: 0,
            });
        }
        for (i, d) in mine.iter().enumerate() {
            out.push(DistinctiveRow {
                partner: partner.clone(),
                rowspan: if i == 0 { mine.len() } else { 0 },
                theme: Some(d.theme.clone()),
                meetings: d.meetings,
                z: format!("{:.2}", d.z),
                bar: ((d.z / max_z) * Z_BAR).round().max(1.0) as u32,
            });
        }
    }
    out
}

#[derive(Serialize)]
struct TimelineView {
    periods: Vec<String>,
    first: Option<String>,
    last: Option<String>,
    rows: Vec<TimelineRow>,
    width: u32,
    height: u32,
    undated: i64,
}

#[derive(Serialize)]
struct TimelineRow {
    partner: String,
    total: i64,
    counts: Vec<i64>,
    bars: Vec<Bar>,
}

#[derive(Serialize)]
struct Bar {
    x: u32,
    y: u32,
    height: u32,
    label: String,
}

/// Small multiples: one row of bars per partner, on one scale for all.
fn timeline_view(t: &Timeline) -> TimelineView {
    let max = t
        .series
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .max()
        .unwrap_or(0)
        .max(1);
    let rows = t
        .series
        .iter()
        .map(|(partner, counts)| TimelineRow {
            partner: partner.clone(),
            total: counts.iter().sum(),
            counts: counts.clone(),
            bars: counts
                .iter()
                .zip(&t.periods)
                .enumerate()
                .filter(|(_, (n, _))| **n > 0)
                .map(|(i, (&n, period))| {
                    let height = ((n as f64 / max as f64) * f64::from(BAR.1)).ceil() as u32;
                    Bar {
                        x: i as u32 * BAR.0,
                        y: BAR.1 - height,
                        height,
                        label: format!("{partner}, {period}: {n} meetings"),
                    }
                })
                .collect(),
        })
        .collect();
    TimelineView {
        width: (t.periods.len() as u32 * BAR.0).max(BAR.0),
        height: BAR.1,
        first: t.periods.first().cloned(),
        last: t.periods.last().cloned(),
        periods: t.periods.clone(),
        rows,
        undated: t.undated,
    }
}
