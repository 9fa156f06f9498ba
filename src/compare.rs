//! Partners compared on themes: meeting counts and shares per (partner,
//! theme), optionally per period, and the themes that set each partner apart.
//!
//! Counts follow `theme_counts`: `meetings` is the number of distinct
//! meetings with the partner that discussed the theme, and `share` divides
//! it by all meetings with the partner, those without any theme included.
//! They are recomputed from `meetings` and `topics` so that date filters and
//! periods apply; with neither, they equal `theme_counts`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use chrono::NaiveDate;
use polars::prelude::*;

use crate::aggregate;
use crate::error::Error;
use crate::fold::fold;
use crate::THEMES;

/// Which meetings and themes to compare. Empty lists mean all.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub partners: Vec<String>,
    pub themes: Vec<String>,
    /// Inclusive bounds on `meetings.date`; a meeting without a date is
    /// left out as soon as either bound is given.
    pub since: Option<NaiveDate>,
    pub until: Option<NaiveDate>,
}

/// Time buckets for `--by`: the meeting's `year`, or its `year` and `month`.
/// An unknown year or month is a bucket of its own (null in the tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Period {
    Year,
    Month,
}

impl Period {
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Period::Year => &["year"],
            Period::Month => &["year", "month"],
        }
    }
}

impl Selection {
    /// Replaces the requested partner names by their canonical spelling in
    /// the tables (case and accents aside), and checks the theme codes.
    pub fn resolve(mut self, known_partners: &[String]) -> Result<Selection, Error> {
        for p in &mut self.partners {
            let canonical = known_partners
                .iter()
                .find(|k| fold(k) == fold(p))
                .ok_or_else(|| {
                    Error::Usage(format!(
                        "--partners: no meeting with {p:?} in the tables (partners: {})",
                        known_partners.join(", ")
                    ))
                })?;
            *p = canonical.clone();
        }
        if let Some(t) = self.themes.iter().find(|t| !THEMES.contains(&t.as_str())) {
            return Err(Error::Usage(format!(
                "--themes: unknown theme {t:?} (codes: {})",
                THEMES.join(", ")
            )));
        }
        Ok(self)
    }

    /// The rows of the selected meetings, every column kept.
    pub fn meeting_rows(&self, meetings: LazyFrame) -> LazyFrame {
        let mut m = meetings;
        if let Some(since) = self.since {
            m = m.filter(col("date").gt_eq(lit(since)));
        }
        if let Some(until) = self.until {
            m = m.filter(col("date").lt_eq(lit(until)));
        }
        keep(m, "partner", &self.partners)
    }

    /// The topics of the selected themes (all rows when none was asked for).
    pub fn topic_rows(&self, topics: LazyFrame) -> LazyFrame {
        keep(topics, "theme", &self.themes)
    }

    /// The selected meetings: `partner`, `meeting_id` and the period columns.
    fn meetings(&self, meetings: LazyFrame, by: Option<Period>) -> LazyFrame {
        let mut columns = vec![col("partner"), col("meeting_id")];
        columns.extend(period_columns(by));
        self.meeting_rows(meetings).select(columns)
    }
}

/// Rows whose `column` is one of `values` (all rows when `values` is empty),
/// as an inner join so that no `is_in` polars feature is needed.
fn keep(frame: LazyFrame, column: &str, values: &[String]) -> LazyFrame {
    if values.is_empty() {
        return frame;
    }
    let wanted = DataFrame::new_infer_height(vec![Column::new(column.into(), values)])
        .expect("one column")
        .lazy();
    frame.join(
        wanted,
        [col(column)],
        [col(column)],
        JoinArgs::new(JoinType::Inner),
    )
}

fn period_columns(by: Option<Period>) -> Vec<Expr> {
    by.map_or(&[][..], Period::columns)
        .iter()
        .map(|c| col(*c))
        .collect()
}

/// Joins on keys that may be null (an unknown year is a period too).
fn join_keys(left: LazyFrame, right: LazyFrame, keys: &[Expr]) -> LazyFrame {
    let mut args = JoinArgs::new(JoinType::Inner);
    args.nulls_equal = true;
    left.join(right, keys, keys, args)
}

/// Every partner of the meetings table, sorted.
pub fn partners(meetings: LazyFrame) -> PolarsResult<Vec<String>> {
    let unique = meetings
        .select([col("partner").unique().sort(SortOptions::default())])
        .collect()?;
    strings(&unique, "partner")
}

/// Meetings per partner (and period): `partner`, period columns, `partner_meetings`.
pub fn partner_totals(meetings: LazyFrame, sel: &Selection, by: Option<Period>) -> LazyFrame {
    let mut keys = vec![col("partner")];
    keys.extend(period_columns(by));
    sel.meetings(meetings, by)
        .group_by(keys.clone())
        .agg([col("meeting_id")
            .n_unique()
            .cast(DataType::Int64)
            .alias("partner_meetings")])
        .sort_by_exprs(keys, SortMultipleOptions::default().with_nulls_last(true))
}

/// Per (partner, period, theme): `meetings`, `partner_meetings` and `share`.
/// Only pairs with at least one meeting appear, as in `theme_counts`.
pub fn counts(
    meetings: LazyFrame,
    topics: LazyFrame,
    sel: &Selection,
    by: Option<Period>,
) -> LazyFrame {
    let mut keys = vec![col("partner")];
    keys.extend(period_columns(by));
    let selected = sel.meetings(meetings.clone(), by);
    let themes = sel.topic_rows(topics.select([col("meeting_id"), col("theme")]));
    let mut group = keys.clone();
    group.push(col("theme"));
    let per_theme = selected
        .join(
            themes,
            [col("meeting_id")],
            [col("meeting_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by(group.clone())
        .agg([col("meeting_id")
            .n_unique()
            .cast(DataType::Int64)
            .alias("meetings")]);
    join_keys(per_theme, partner_totals(meetings, sel, by), &keys)
        .with_column(aggregate::share())
        .select(
            group
                .into_iter()
                .chain([col("meetings"), col("partner_meetings"), col("share")])
                .collect::<Vec<_>>(),
        )
        .sort_by_exprs(
            keys.into_iter().chain([col("theme")]).collect::<Vec<_>>(),
            SortMultipleOptions::default().with_nulls_last(true),
        )
}

/// Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 16 and 18–20: the
/// log-odds ratio of a word between group i and the rest j, smoothed by an
/// informative Dirichlet prior (α_w for the word, α_0 in total), and its
/// approximate variance. Returns (δ, z = δ / √var).
pub fn log_odds(y_i: f64, n_i: f64, y_j: f64, n_j: f64, alpha_w: f64, alpha_0: f64) -> (f64, f64) {
    let delta = ((y_i + alpha_w) / (n_i + alpha_0 - y_i - alpha_w)).ln()
        - ((y_j + alpha_w) / (n_j + alpha_0 - y_j - alpha_w)).ln();
    let var = 1.0 / (y_i + alpha_w) + 1.0 / (y_j + alpha_w);
    (delta, delta / var.sqrt())
}

/// Distinctive themes: for each (partner, theme) the partner discussed, the
/// log-odds ratio of the theme between this partner and all the others, and
/// its z-score. The unit is the meeting (a theme counts once per meeting,
/// however often it is mentioned), and the prior is the whole selection:
/// α_w is the theme's count over all partners, α_0 the sum of those counts.
/// Columns: `partner`, `theme`, `meetings`, `log_odds`, `z`; sorted by
/// partner, then z descending, then theme.
pub fn distinctive(counts: LazyFrame) -> PolarsResult<DataFrame> {
    let pairs = counts
        .group_by([col("partner"), col("theme")])
        .agg([col("meetings").sum()]);
    let partner_total = pairs
        .clone()
        .group_by([col("partner")])
        .agg([col("meetings").sum().alias("partner_total")]);
    let theme_total = pairs
        .clone()
        .group_by([col("theme")])
        .agg([col("meetings").sum().alias("theme_total")]);
    let mut scored = pairs
        .join(
            partner_total,
            [col("partner")],
            [col("partner")],
            JoinArgs::new(JoinType::Inner),
        )
        .join(
            theme_total,
            [col("theme")],
            [col("theme")],
            JoinArgs::new(JoinType::Inner),
        )
        .with_column(col("meetings").sum().alias("corpus_total"))
        .collect()?;
    let float = |c: &str| -> PolarsResult<Vec<f64>> {
        Ok(scored
            .column(c)?
            .cast(&DataType::Float64)?
            .f64()?
            .into_no_null_iter()
            .collect())
    };
    let (y_i, n_i, y_w, n) = (
        float("meetings")?,
        float("partner_total")?,
        float("theme_total")?,
        float("corpus_total")?,
    );
    // The log is computed here rather than as a polars expression: the
    // polars `log` feature would rebuild half of polars for four rows of maths.
    let (deltas, zs): (Vec<f64>, Vec<f64>) = (0..scored.height())
        .map(|r| log_odds(y_i[r], n_i[r], y_w[r] - y_i[r], n[r] - n_i[r], y_w[r], n[r]))
        .unzip();
    scored.with_column(Column::new("log_odds".into(), deltas))?;
    scored.with_column(Column::new("z".into(), zs))?;
    scored
        .lazy()
        .select([
            col("partner"),
            col("theme"),
            col("meetings"),
            col("log_odds"),
            col("z"),
        ])
        // The theme breaks ties in z, so that equal scores list in a stable order.
        .sort(
            ["partner", "z", "theme"],
            SortMultipleOptions::default().with_order_descending_multi([false, true, false]),
        )
        .collect()
}

/// One partner × theme matrix: the whole selection, or one period of it.
#[derive(Debug, Clone, PartialEq)]
pub struct Matrix {
    /// "all", or the period: "2024", "2024-05", with "????" or "??" where unknown.
    pub period: String,
    /// Rows, by meetings (descending), then name.
    pub partners: Vec<String>,
    pub partner_meetings: Vec<i64>,
    /// Columns: the themes with the most meetings first, or the ones asked for.
    pub themes: Vec<String>,
    /// `meetings[partner][theme]`.
    pub meetings: Vec<Vec<i64>>,
}

impl Matrix {
    pub fn share(&self, partner: usize, theme: usize) -> f64 {
        ratio(
            self.meetings[partner][theme],
            self.partner_meetings[partner],
        )
    }

    /// Meetings with any partner that discussed the theme (a meeting has one partner).
    pub fn theme_total(&self, theme: usize) -> i64 {
        self.meetings.iter().map(|row| row[theme]).sum()
    }

    pub fn total(&self) -> i64 {
        self.partner_meetings.iter().sum()
    }

    /// Reorders the themes so that each partner's strongest themes sit
    /// together, partners in row order: a theme goes to the partner where its
    /// share peaks, and within a partner by share, which puts the weight of
    /// the matrix near its diagonal.
    pub fn seriate(&mut self) {
        let peak = |t: usize| {
            (0..self.partners.len())
                .map(|p| (p, self.share(p, t)))
                .fold((0, f64::MIN), |best, c| if c.1 > best.1 { c } else { best })
        };
        let mut order: Vec<(usize, (usize, f64))> =
            (0..self.themes.len()).map(|t| (t, peak(t))).collect();
        order.sort_by(|a, b| a.1 .0.cmp(&b.1 .0).then(b.1 .1.total_cmp(&a.1 .1)));
        self.themes = order.iter().map(|(t, _)| self.themes[*t].clone()).collect();
        for row in &mut self.meetings {
            *row = order.iter().map(|(t, _)| row[*t]).collect();
        }
    }
}

fn ratio(a: i64, b: i64) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The matrices of `counts` and `partner_totals` (collected), one per period.
/// `themes` fixes the columns; when empty, every theme present is a column.
pub fn matrices(
    counts: &DataFrame,
    totals: &DataFrame,
    by: Option<Period>,
    themes: &[String],
) -> PolarsResult<Vec<Matrix>> {
    // period → partner → (meetings, theme → meetings)
    type Block = BTreeMap<String, (i64, BTreeMap<String, i64>)>;
    let mut blocks: BTreeMap<String, Block> = BTreeMap::new();
    for ((period, partner), n) in period_labels(totals, by)?
        .into_iter()
        .zip(strings(totals, "partner")?)
        .zip(ints(totals, "partner_meetings")?)
    {
        blocks
            .entry(period)
            .or_default()
            .entry(partner)
            .or_default()
            .0 = n;
    }
    for (((period, partner), theme), n) in period_labels(counts, by)?
        .into_iter()
        .zip(strings(counts, "partner")?)
        .zip(strings(counts, "theme")?)
        .zip(ints(counts, "meetings")?)
    {
        let block = blocks.entry(period).or_default();
        block.entry(partner).or_default().1.insert(theme, n);
    }

    Ok(blocks
        .into_iter()
        .map(|(period, block)| {
            let mut partners: Vec<(String, i64)> =
                block.iter().map(|(p, (n, _))| (p.clone(), *n)).collect();
            partners.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            let columns = if themes.is_empty() {
                themes_by_total(&block)
            } else {
                themes.to_vec()
            };
            let meetings = partners
                .iter()
                .map(|(p, _)| {
                    let of = &block[p].1;
                    columns
                        .iter()
                        .map(|t| of.get(t).copied().unwrap_or(0))
                        .collect()
                })
                .collect();
            Matrix {
                period,
                partner_meetings: partners.iter().map(|p| p.1).collect(),
                partners: partners.into_iter().map(|p| p.0).collect(),
                themes: columns,
                meetings,
            }
        })
        .collect())
}

/// The matrix of the whole selection, its themes seriated (None when no
/// meeting matches): what the heatmaps of `compare --plot` and `report` show.
/// `overall` is [`counts`] without a period.
pub fn overall_matrix(
    meetings: LazyFrame,
    overall: LazyFrame,
    sel: &Selection,
) -> PolarsResult<Option<Matrix>> {
    let totals = partner_totals(meetings, sel, None).collect()?;
    let mut m = matrices(&overall.collect()?, &totals, None, &sel.themes)?.pop();
    if let Some(m) = &mut m {
        m.seriate();
    }
    Ok(m)
}

/// The period of each row: "all" without `by`, else "2024" or "2024-05",
/// with "????" and "??" for an unknown year or month.
fn period_labels(df: &DataFrame, by: Option<Period>) -> PolarsResult<Vec<String>> {
    let column = |c: &str| -> PolarsResult<Vec<Option<i64>>> {
        Ok(df.column(c)?.cast(&DataType::Int64)?.i64()?.to_vec())
    };
    let year = |y: Option<i64>| y.map_or("????".into(), |y| y.to_string());
    Ok(match by {
        None => vec!["all".to_string(); df.height()],
        Some(Period::Year) => column("year")?.into_iter().map(year).collect(),
        Some(Period::Month) => column("year")?
            .into_iter()
            .zip(column("month")?)
            .map(|(y, m)| {
                format!(
                    "{}-{}",
                    year(y),
                    m.map_or("??".into(), |m| format!("{m:02}"))
                )
            })
            .collect(),
    })
}

fn strings(df: &DataFrame, c: &str) -> PolarsResult<Vec<String>> {
    Ok(df
        .column(c)?
        .str()?
        .iter()
        .map(|v| v.unwrap_or_default().to_string())
        .collect())
}

fn ints(df: &DataFrame, c: &str) -> PolarsResult<Vec<i64>> {
    Ok(df.column(c)?.i64()?.into_no_null_iter().collect())
}

/// Meetings per partner over time, for the timeline plot.
#[derive(Debug, Clone, PartialEq)]
pub struct Timeline {
    /// Known periods, in order ("2023", "2024" or "2023-11", "2024-01").
    pub periods: Vec<String>,
    /// Per partner, its meetings in each period.
    pub series: Vec<(String, Vec<i64>)>,
    /// Meetings left out because their year (or month) is unknown.
    pub undated: i64,
}

/// The timeline of a [`partner_totals`] frame computed with `by`.
pub fn timeline(totals: &DataFrame, by: Period) -> PolarsResult<Timeline> {
    let rows: Vec<(String, String, i64)> = period_labels(totals, Some(by))?
        .into_iter()
        .zip(strings(totals, "partner")?)
        .zip(ints(totals, "partner_meetings")?)
        .map(|((period, partner), n)| (period, partner, n))
        .collect();
    let (dated, undated): (Vec<_>, Vec<_>) = rows.into_iter().partition(|r| !r.0.contains('?'));
    let periods: Vec<String> = dated
        .iter()
        .map(|r| r.0.clone())
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    let mut series: BTreeMap<String, Vec<i64>> = BTreeMap::new();
    for (period, partner, n) in dated {
        let at = periods.binary_search(&period).expect("period listed");
        series
            .entry(partner)
            .or_insert_with(|| vec![0; periods.len()])[at] = n;
    }
    let mut series: Vec<(String, Vec<i64>)> = series.into_iter().collect();
    series.sort_by_key(|(name, counts)| (-counts.iter().sum::<i64>(), name.clone()));
    Ok(Timeline {
        periods,
        series,
        undated: undated.iter().map(|r| r.2).sum(),
    })
}

/// The themes present in a block, most meetings first, then in SPEC order.
fn themes_by_total(block: &BTreeMap<String, (i64, BTreeMap<String, i64>)>) -> Vec<String> {
    let mut total: BTreeMap<&str, i64> = BTreeMap::new();
    for (_, themes) in block.values() {
        for (t, n) in themes {
            *total.entry(t).or_default() += n;
        }
    }
    let spec_rank = |t: &str| THEMES.iter().position(|x| *x == t).unwrap_or(THEMES.len());
    let mut out: Vec<(&str, i64)> = total.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(spec_rank(a.0).cmp(&spec_rank(b.0))));
    out.into_iter().map(|(t, _)| t.to_string()).collect()
}

/// A matrix as aligned text: one row per theme, one column per partner and a
/// total column; each cell is "meetings share%", and the last row gives all
/// meetings with the partner. Themes are rows because there are more of them
/// than partners and a terminal is taller than wide.
pub fn render(m: &Matrix) -> String {
    let mut header = vec!["theme".to_string()];
    header.extend(m.partners.iter().cloned());
    header.push("total".into());
    let cell = |n: i64, share: f64| {
        if n == 0 {
            "·".to_string()
        } else {
            format!("{n} {:>3.0}%", share * 100.0)
        }
    };
    let mut rows = vec![header];
    for (t, theme) in m.themes.iter().enumerate() {
        let mut row = vec![theme.clone()];
        row.extend((0..m.partners.len()).map(|p| cell(m.meetings[p][t], m.share(p, t))));
        row.push(cell(m.theme_total(t), ratio(m.theme_total(t), m.total())));
        rows.push(row);
    }
    let mut totals = vec!["all meetings".to_string()];
    totals.extend(m.partner_meetings.iter().map(i64::to_string));
    totals.push(m.total().to_string());
    rows.push(totals);

    let widths: Vec<usize> = (0..rows[0].len())
        .map(|c| rows.iter().map(|r| r[c].chars().count()).max().unwrap_or(0))
        .collect();
    let mut out = String::new();
    for (i, row) in rows.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .enumerate()
            .map(|(c, (v, w))| {
                let pad = " ".repeat(w - v.chars().count());
                if c == 0 {
                    format!("{v}{pad}")
                } else {
                    format!("{pad}{v}")
                }
            })
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
        if i == 0 || i == rows.len() - 2 {
            let rule: usize = widths.iter().sum::<usize>() + 2 * (widths.len() - 1);
            let _ = writeln!(out, "{}", "─".repeat(rule));
        }
    }
    out
}

/// The `top` most distinctive themes of each partner (positive z only), one
/// line per partner, from the frame of [`distinctive`].
pub fn render_distinctive(scores: &DataFrame, top: usize) -> PolarsResult<String> {
    let partners = scores.column("partner")?.str()?;
    let themes = scores.column("theme")?.str()?;
    let zs = scores.column("z")?.f64()?;
    let mut lines: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for i in 0..scores.height() {
        let (Some(p), Some(t), Some(z)) = (partners.get(i), themes.get(i), zs.get(i)) else {
            continue;
        };
        let line = lines.entry(p).or_default();
        if z > 0.0 && line.len() < top {
            line.push(format!("{t} (z {z:.2})"));
        }
    }
    let width = lines.keys().map(|p| p.chars().count()).max().unwrap_or(0);
    let mut out = String::new();
    for (p, themes) in lines {
        let shown = if themes.is_empty() {
            "none over-represented".to_string()
        } else {
            themes.join(", ")
        };
        let _ = writeln!(out, "{p:<width$}  {shown}");
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tables() -> (LazyFrame, LazyFrame) {
        let meetings = df! {
            "meeting_id" => ["r1", "r2", "r3", "i1", "i2"],
            "partner" => ["Russia", "Russia", "Russia", "India", "India"],
            "year" => [Some(2023i16), Some(2024), None, Some(2024), Some(2024)],
            "month" => [Some(5i8), Some(1), None, Some(1), Some(3)],
            "date" => [Some(19_500i32), Some(19_730), None, Some(19_735), Some(19_790)],
        }
        .unwrap()
        .lazy()
        .with_column(col("date").cast(DataType::Date));
        let topics = df! {
            "meeting_id" => ["r1", "r1", "r2", "i1"],
            "theme" => ["terrorism", "training", "terrorism", "cybercrime"],
        }
        .unwrap()
        .lazy();
        (meetings, topics)
    }

    fn column<T>(df: &DataFrame, c: &str, f: impl Fn(&Column) -> Vec<T>) -> Vec<T> {
        f(df.column(c).unwrap())
    }

    fn strs(df: &DataFrame, c: &str) -> Vec<String> {
        column(df, c, |s| {
            s.str()
                .unwrap()
                .iter()
                .map(|v| v.unwrap_or("-").to_string())
                .collect()
        })
    }

    fn ints(df: &DataFrame, c: &str) -> Vec<Option<i64>> {
        column(df, c, |s| {
            s.cast(&DataType::Int64).unwrap().i64().unwrap().to_vec()
        })
    }

    #[test]
    fn shares_divide_by_all_meetings_of_the_partner_themed_or_not() {
        let (m, t) = tables();
        let out = counts(m, t, &Selection::default(), None).collect().unwrap();
        assert_eq!(strs(&out, "theme"), ["cybercrime", "terrorism", "training"]);
        assert_eq!(ints(&out, "meetings"), [Some(1), Some(2), Some(1)]);
        assert_eq!(
            out.column("share").unwrap().f64().unwrap().to_vec(),
            [Some(0.5), Some(2.0 / 3.0), Some(1.0 / 3.0)]
        );
    }

    #[test]
    fn date_bounds_drop_undated_meetings_and_periods_keep_unknown_years() {
        let (m, t) = tables();
        let since = Selection {
            since: NaiveDate::from_ymd_opt(2024, 1, 1),
            ..Selection::default()
        };
        let totals = partner_totals(m.clone(), &since, None).collect().unwrap();
        assert_eq!(strs(&totals, "partner"), ["India", "Russia"]);
        assert_eq!(ints(&totals, "partner_meetings"), [Some(2), Some(1)]);

        let by_year = partner_totals(m.clone(), &Selection::default(), Some(Period::Year))
            .collect()
            .unwrap();
        assert_eq!(
            strs(&by_year, "partner"),
            ["India", "Russia", "Russia", "Russia"]
        );
        assert_eq!(
            ints(&by_year, "year"),
            [Some(2024), Some(2023), Some(2024), None]
        );
        let out = counts(m, t, &Selection::default(), Some(Period::Year))
            .collect()
            .unwrap();
        // India 2024: i1 of two meetings. Russia: one meeting a year, and the
        // undated r3, without a theme, has no row but is a period of its own.
        let shares = out.column("share").unwrap().f64().unwrap().to_vec();
        assert_eq!(
            shares,
            [Some(0.5), Some(1.0), Some(1.0), Some(1.0)],
            "{out}"
        );
    }

    #[test]
    fn partners_resolve_to_canonical_names_and_unknown_themes_are_refused() {
        let known = ["Russia".to_string(), "South Korea".to_string()];
        let sel = Selection {
            partners: vec!["russia".into(), "SOUTH KOREA".into()],
            ..Selection::default()
        }
        .resolve(&known)
        .unwrap();
        assert_eq!(sel.partners, known);
        let bad = Selection {
            themes: vec!["terrorisme".into()],
            ..Selection::default()
        }
        .resolve(&known)
        .unwrap_err();
        assert!(bad.to_string().contains("\"terrorisme\""), "{bad}");
    }

    #[test]
    fn log_odds_match_a_hand_computed_example() {
        // Two partners, two themes (meeting counts):
        //            t1  t2  n
        //   A         3   1  4
        //   B         1   3  4
        // prior = whole corpus: α_t1 = 4, α_0 = 8.
        // A, t1: δ = ln((3+4)/(4+8-3-4)) - ln((1+4)/(4+8-1-4))
        //          = ln(7/5) - ln(5/7) = 2·ln 1.4 = 0.6729444732
        //        var = 1/7 + 1/5 = 0.3428571429, z = δ/√var = 1.1492715
        let (delta, z) = log_odds(3.0, 4.0, 1.0, 4.0, 4.0, 8.0);
        assert!((delta - 0.672_944_473_2).abs() < 1e-9, "{delta}");
        assert!((z - 1.149_271_5).abs() < 1e-6, "{z}");
    }

    #[test]
    fn distinctive_themes_are_scored_against_all_other_partners() {
        // Three partners; Singapore is small but all-cyber.
        //              terrorism  cybercrime  training   n
        //   Russia         6          1          3      10
        //   India          2          2          0       4
        //   Singapore      0          2          0       2
        // corpus: terrorism 8, cybercrime 5, training 3; α_0 = 16.
        // Singapore, cybercrime: y_i=2, n_i=2, y_j=3, n_j=14, α_w=5
        //   δ = ln(7/(2+16-2-5)) - ln(8/(14+16-3-5)) = ln(7/11) - ln(8/22)
        //     = -0.4519851 + 1.0116009 = 0.5596158
        //   var = 1/7 + 1/8 = 0.2678571, z = 1.0812804
        let counts = df! {
            "partner" => ["Russia", "Russia", "Russia", "India", "India", "Singapore"],
            "theme" => ["terrorism", "cybercrime", "training", "terrorism", "cybercrime", "cybercrime"],
            "meetings" => [6i64, 1, 3, 2, 2, 2],
        }
        .unwrap();
        let out = distinctive(counts.lazy()).unwrap();
        assert_eq!(
            strs(&out, "partner"),
            ["India", "India", "Russia", "Russia", "Russia", "Singapore"]
        );
        // India's first theme is cybercrime (2 of 4 against 3 of 12 elsewhere).
        assert_eq!(strs(&out, "theme")[0], "cybercrime");
        let z = out.column("z").unwrap().f64().unwrap().to_vec();
        let delta = out.column("log_odds").unwrap().f64().unwrap().to_vec();
        assert!((delta[5].unwrap() - 0.559_615_8).abs() < 1e-6, "{out}");
        assert!((z[5].unwrap() - 1.081_280_4).abs() < 1e-6, "{out}");
    }

    #[test]
    fn matrix_has_partners_by_size_themes_by_total_and_renders_totals() {
        let (m, t) = tables();
        let sel = Selection::default();
        let c = counts(m.clone(), t, &sel, None).collect().unwrap();
        let totals = partner_totals(m, &sel, None).collect().unwrap();
        let ms = matrices(&c, &totals, None, &[]).unwrap();
        assert_eq!(ms.len(), 1);
        let x = &ms[0];
        assert_eq!(x.partners, ["Russia", "India"]);
        assert_eq!(x.themes, ["terrorism", "cybercrime", "training"]);
        assert_eq!(x.meetings, [vec![2, 0, 1], vec![0, 1, 0]]);
        let text = render(x);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "theme         Russia   India   total");
        assert_eq!(lines[2], "terrorism     2  67%       ·  2  40%");
        assert_eq!(lines[6], "all meetings       3       2       5");
    }

    #[test]
    fn timeline_counts_meetings_per_partner_and_sets_aside_unknown_periods() {
        let (m, _) = tables();
        let totals = partner_totals(m, &Selection::default(), Some(Period::Month))
            .collect()
            .unwrap();
        let t = timeline(&totals, Period::Month).unwrap();
        assert_eq!(t.periods, ["2023-05", "2024-01", "2024-03"]);
        assert_eq!(
            t.series,
            [
                ("India".to_string(), vec![0, 1, 1]),
                ("Russia".to_string(), vec![1, 1, 0]),
            ]
        );
        assert_eq!(t.undated, 1);
    }

    #[test]
    fn seriation_groups_each_partners_themes_together() {
        let mut x = Matrix {
            period: "all".into(),
            partners: vec!["A".into(), "B".into()],
            partner_meetings: vec![10, 10],
            themes: vec!["b1".into(), "a1".into(), "b2".into(), "a2".into()],
            meetings: vec![vec![0, 9, 1, 5], vec![8, 0, 3, 1]],
        };
        x.seriate();
        assert_eq!(x.themes, ["a1", "a2", "b1", "b2"]);
        assert_eq!(x.meetings, [vec![9, 5, 0, 1], vec![0, 1, 8, 3]]);
    }
}
