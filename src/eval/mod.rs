//! Scores extracted tables against gold annotations, as SPEC says: meetings
//! match on (article, partner, month/day); participants on the ascii-folded
//! lower-case name; themes as sets per matched meeting. Optional gold items
//! are neither required nor counted as false when predicted.
//!
//! Facts of an unmatched predicted meeting count as false positives, and those
//! of an unmatched gold meeting as misses, so a wrong meeting costs its
//! participants and themes too.

pub mod gold;

use polars::prelude::*;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use crate::dataset::str_column;
use crate::error::Error;
use crate::fold::fold;
use gold::{GoldArticle, GoldMeeting};

#[derive(Debug, Clone, Default)]
pub struct PredPerson {
    pub name: String,
    pub role: Option<String>,
    pub side: String,
}

#[derive(Debug, Clone, Default)]
pub struct PredMeeting {
    pub partner: String,
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    pub city: Option<String>,
    pub kind: String,
    pub evidence: String,
    pub participants: Vec<PredPerson>,
    pub themes: BTreeSet<String>,
}

/// Predicted meetings by article name (file name or record id).
pub type Predictions = BTreeMap<String, Vec<PredMeeting>>;

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    pub missed: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.missed)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.missed += o.missed;
    }
}

/// Nothing to find and nothing found is perfect.
fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn value(&self) -> f64 {
        ratio(self.correct, self.total)
    }
    /// Counts one comparison, noting it when wrong.
    fn check(&mut self, ok: bool, notes: &mut Vec<String>, note: impl FnOnce() -> String) {
        self.total += 1;
        self.correct += usize::from(ok);
        if !ok {
            notes.push(note());
        }
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub meetings: Counts,
    pub participants: Counts,
    pub themes: Counts,
    pub date: Accuracy,
    /// The year alone, where the gold meeting has a date.
    pub year: Accuracy,
    pub city: Accuracy,
    pub kind: Accuracy,
    pub role: Accuracy,
    pub side: Accuracy,
    /// Per article: its name and one line per miss or false positive.
    pub articles: Vec<(String, Vec<String>)>,
}

pub fn evaluate(gold: &[GoldArticle], predicted: &Predictions) -> Result<Report, Error> {
    let mut report = Report::default();
    for g in gold {
        let empty = Vec::new();
        let preds = predicted.get(&g.article).unwrap_or(&empty);
        let mut notes = Vec::new();
        score_article(g, preds, &mut report, &mut notes);
        report.articles.push((g.article.clone(), notes));
    }
    Ok(report)
}

fn score_article(
    g: &GoldArticle,
    preds: &[PredMeeting],
    report: &mut Report,
    notes: &mut Vec<String>,
) {
    let required: Vec<&GoldMeeting> = g.meetings.iter().filter(|m| !m.optional).collect();
    let optional: Vec<&GoldMeeting> = g.meetings.iter().filter(|m| m.optional).collect();
    let matches = pair_up(&required, preds, &vec![false; preds.len()]);
    let mut used = vec![false; preds.len()];
    for &i in matches.iter().flatten() {
        used[i] = true;
    }
    for &i in pair_up(&optional, preds, &used).iter().flatten() {
        used[i] = true;
    }
    for (gm, m) in required.iter().zip(&matches) {
        match m {
            Some(i) => score_match(gm, &preds[*i], report, notes),
            None => {
                report.meetings.missed += 1;
                report.participants.missed += gm.participants.len();
                report.themes.missed += gm.themes.len();
                notes.push(format!(
                    "missed meeting with {} on {}",
                    gm.partner,
                    show_gold_date(gm)
                ));
            }
        }
    }
    // Predictions neither matched nor absorbed by an optional gold meeting.
    for (i, p) in preds.iter().enumerate() {
        if used[i] {
            continue;
        }
        report.meetings.fp += 1;
        report.participants.fp += p.participants.len();
        report.themes.fp += p.themes.len();
        notes.push(format!(
            "false meeting with {} ({}): {}",
            p.partner,
            show_pred_date(p),
            p.evidence
        ));
    }
}

fn score_match(gm: &GoldMeeting, p: &PredMeeting, report: &mut Report, notes: &mut Vec<String>) {
    report.meetings.tp += 1;
    let gd = gm.date.unwrap_or_default();
    let date_ok = (gd.year, gd.month, gd.day) == (p.year, p.month, p.day);
    report.date.check(date_ok, notes, || {
        format!(
            "{}: date {} (gold {})",
            gm.partner,
            show_pred_date(p),
            show_gold_date(gm)
        )
    });
    if gm.date.is_some() {
        report.year.check(gd.year == p.year, notes, || {
            format!("{}: year {:?} (gold {:?})", gm.partner, p.year, gd.year)
        });
    }
    let city_ok = gm.city.as_deref().map(fold) == p.city.as_deref().map(fold);
    report.city.check(city_ok, notes, || {
        format!("{}: city {:?} (gold {:?})", gm.partner, p.city, gm.city)
    });
    if let Some(kind) = &gm.kind {
        report.kind.check(*kind == p.kind, notes, || {
            format!("{}: kind {} (gold {kind})", gm.partner, p.kind)
        });
    }
    score_participants(gm, p, report, notes);
    score_themes(gm, p, report, notes);
}

/// Participants by name, then the role and side of those found.
fn score_participants(
    gm: &GoldMeeting,
    p: &PredMeeting,
    report: &mut Report,
    notes: &mut Vec<String>,
) {
    let key = name_key;
    let optional: BTreeSet<String> = gm
        .participants_optional
        .iter()
        .map(|x| key(&x.name))
        .collect();
    let mut counts = Counts::default();
    for gp in &gm.participants {
        match p
            .participants
            .iter()
            .find(|pp| key(&pp.name) == key(&gp.name))
        {
            Some(pp) => {
                counts.tp += 1;
                if let Some(role) = &gp.role {
                    let ok = pp.role.as_deref().is_some_and(|r| role_fits(r, role));
                    report.role.check(ok, notes, || {
                        format!(
                            "{}: {} role {:?} (gold {role:?})",
                            gm.partner, gp.name, pp.role
                        )
                    });
                }
                if let Some(side) = &gp.side {
                    report.side.check(*side == pp.side, notes, || {
                        format!("{}: {} side {} (gold {side})", gm.partner, gp.name, pp.side)
                    });
                }
            }
            None => {
                counts.missed += 1;
                notes.push(format!("{}: missed participant {}", gm.partner, gp.name));
            }
        }
    }
    for pp in &p.participants {
        let k = key(&pp.name);
        if !gm.participants.iter().any(|gp| key(&gp.name) == k) && !optional.contains(&k) {
            counts.fp += 1;
            notes.push(format!("{}: false participant {}", gm.partner, pp.name));
        }
    }
    report.participants.add(counts);
}

/// The predictions paired with gold meetings, as many as can be, among
/// those not `taken`. Partner and a compatible date decide; among the
/// pairings that match the most meetings, those sharing the most people win
/// (two meetings with one partner on one day are told apart by who took
/// part), then the most themes, an exact day, and the same kind (a visit and
/// the talks during it).
fn pair_up(golds: &[&GoldMeeting], preds: &[PredMeeting], taken: &[bool]) -> Vec<Option<usize>> {
    const MATCH: i64 = 1_000_000;
    let n = golds.len().max(preds.len());
    if golds.is_empty() || preds.is_empty() {
        return vec![None; golds.len()];
    }
    let weight = |gm: &GoldMeeting, i: usize| -> i64 {
        let p = &preds[i];
        if taken[i] || fold(&p.partner) != fold(&gm.partner) || !date_fits(gm, p, false) {
            return 0;
        }
        let shared = gm
            .participants
            .iter()
            .filter(|gp| {
                p.participants
                    .iter()
                    .any(|pp| name_key(&pp.name) == name_key(&gp.name))
            })
            .count() as i64;
        let themes = gm.themes.iter().filter(|t| p.themes.contains(*t)).count() as i64;
        let exact = i64::from(date_fits(gm, p, true));
        let same_kind = i64::from(gm.kind.as_deref() == Some(p.kind.as_str()));
        MATCH + shared * 10_000 + themes * 100 + exact * 10 + same_kind
    };
    let weights = pathfinding::matrix::Matrix::from_fn(n, n, |(g, i)| {
        if g < golds.len() && i < preds.len() {
            weight(golds[g], i)
        } else {
            0
        }
    });
    let (_, assignment) = pathfinding::kuhn_munkres::kuhn_munkres(&weights);
    (0..golds.len())
        .map(|g| {
            let i = assignment[g];
            (i < preds.len() && weight(golds[g], i) > 0).then_some(i)
        })
        .collect()
}

/// A person's name as the scorer compares it: folded, a hyphen or a full
/// stop as a space ("Jean-Yves" is written "Jean Yves" too), spaces
/// normalised, and a middle initial left out ("Paul E. Martin" and "Paul
/// Martin" are one man to golds and pages alike).
fn name_key(name: &str) -> String {
    let folded = fold(name);
    let words: Vec<&str> = folded
        .split(|c: char| c.is_whitespace() || c == '-' || c == '.')
        .filter(|w| !w.is_empty())
        .collect();
    let last = words.len().saturating_sub(1);
    words
        .iter()
        .enumerate()
        .filter(|&(i, w)| i == 0 || i == last || w.chars().count() > 1)
        .map(|(_, w)| *w)
        .collect::<Vec<_>>()
        .join(" ")
}

fn score_themes(gm: &GoldMeeting, p: &PredMeeting, report: &mut Report, notes: &mut Vec<String>) {
    let gold_themes: BTreeSet<&str> = gm.themes.iter().map(String::as_str).collect();
    let optional_themes: BTreeSet<&str> = gm.themes_optional.iter().map(String::as_str).collect();
    for t in &gold_themes {
        if p.themes.contains(*t) {
            report.themes.tp += 1;
        } else {
            report.themes.missed += 1;
            notes.push(format!("{}: missed theme {t}", gm.partner));
        }
    }
    for t in &p.themes {
        if !gold_themes.contains(t.as_str()) && !optional_themes.contains(t.as_str()) {
            report.themes.fp += 1;
            notes.push(format!("{}: false theme {t}", gm.partner));
        }
    }
}

/// A role is right when it holds at least half the content words of the
/// gold role ("Minister of Public Security" for "Minister of Public Security
/// of Vietnam"), so that wording differences a reader would accept pass.
pub fn role_fits(predicted: &str, gold: &str) -> bool {
    const FUNCTION_WORDS: [&str; 8] = ["of", "the", "and", "for", "to", "in", "on", "at"];
    let words = |s: &str| -> BTreeSet<String> {
        fold(s)
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !FUNCTION_WORDS.contains(w))
            .map(str::to_string)
            .collect()
    };
    let (p, g) = (words(predicted), words(gold));
    !g.is_empty() && 2 * g.intersection(&p).count() >= g.len()
}

/// Same month, and the same day; a gold meeting without a day (or with a
/// range) also takes a day inside its range when `exact` is off. A gold date
/// without a month says no more than no date: the text does not tell it.
fn date_fits(gm: &GoldMeeting, p: &PredMeeting, exact: bool) -> bool {
    let Some(gd) = gm.date.filter(|d| d.month.is_some()) else {
        return !exact || p.month.is_none();
    };
    if gd.month != p.month {
        return false;
    }
    if gd.day == p.day {
        return true;
    }
    !exact
        && gd.day.is_none()
        && gm.date_range.as_ref().is_some_and(|r| {
            p.day.is_some_and(|d| {
                r.from.day.is_some_and(|f| f <= d) && r.to.day.is_some_and(|t| d <= t)
            })
        })
}

fn show_gold_date(gm: &GoldMeeting) -> String {
    gm.date
        .map_or("no date".into(), |d| show(d.year, d.month, d.day))
}

fn show_pred_date(p: &PredMeeting) -> String {
    show(p.year, p.month, p.day)
}

fn show(year: Option<i32>, month: Option<u32>, day: Option<u32>) -> String {
    let part = |v: Option<u32>| v.map_or("?".to_string(), |v| format!("{v:02}"));
    format!(
        "{}-{}-{}",
        year.map_or("????".to_string(), |y| y.to_string()),
        part(month),
        part(day)
    )
}

/// Reads the predictions out of the `articles`, `meetings`, `participants` and `topics` tables.
pub fn predictions(
    articles: &DataFrame,
    meetings: &DataFrame,
    participants: &DataFrame,
    topics: &DataFrame,
) -> PolarsResult<Predictions> {
    let names: BTreeMap<String, String> = str_column(articles, "article_id")?
        .into_iter()
        .zip(str_column(articles, "record_id")?)
        .map(|(id, name)| (id.unwrap_or_default(), name.unwrap_or_default()))
        .collect();
    let ints = |df: &DataFrame, c: &str| -> PolarsResult<Vec<Option<i64>>> {
        Ok(df.column(c)?.cast(&DataType::Int64)?.i64()?.to_vec())
    };
    let ids = str_column(meetings, "meeting_id")?;
    let (years, months, days) = (
        ints(meetings, "year")?,
        ints(meetings, "month")?,
        ints(meetings, "day")?,
    );
    let (partners, cities, kinds) = (
        str_column(meetings, "partner")?,
        str_column(meetings, "city")?,
        str_column(meetings, "kind")?,
    );
    let (articles_of, evidence) = (
        str_column(meetings, "article_id")?,
        str_column(meetings, "evidence")?,
    );
    let mut by_id: BTreeMap<String, (String, PredMeeting)> = BTreeMap::new();
    for i in 0..meetings.height() {
        let article = names
            .get(articles_of[i].as_deref().unwrap_or_default())
            .cloned()
            .unwrap_or_default();
        let m = PredMeeting {
            partner: partners[i].clone().unwrap_or_default(),
            year: years[i].map(|v| v as i32),
            month: months[i].map(|v| v as u32),
            day: days[i].map(|v| v as u32),
            city: cities[i].clone(),
            kind: kinds[i].clone().unwrap_or_default(),
            evidence: evidence[i].clone().unwrap_or_default(),
            ..Default::default()
        };
        by_id.insert(ids[i].clone().unwrap_or_default(), (article, m));
    }
    let (pm, pn, pr, ps) = (
        str_column(participants, "meeting_id")?,
        str_column(participants, "name")?,
        str_column(participants, "role")?,
        str_column(participants, "side")?,
    );
    for i in 0..participants.height() {
        if let Some((_, m)) = by_id.get_mut(pm[i].as_deref().unwrap_or_default()) {
            m.participants.push(PredPerson {
                name: pn[i].clone().unwrap_or_default(),
                role: pr[i].clone(),
                side: ps[i].clone().unwrap_or_default(),
            });
        }
    }
    let (tm, tt) = (
        str_column(topics, "meeting_id")?,
        str_column(topics, "theme")?,
    );
    for i in 0..topics.height() {
        if let Some((_, m)) = by_id.get_mut(tm[i].as_deref().unwrap_or_default()) {
            m.themes.insert(tt[i].clone().unwrap_or_default());
        }
    }
    let mut out = Predictions::new();
    for (_, (article, m)) in by_id {
        out.entry(article).or_default().push(m);
    }
    Ok(out)
}

impl Report {
    pub fn render(&self, verbose: bool) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<14} {:>9} {:>7} {:>7} {:>5} {:>5} {:>6}",
            "", "precision", "recall", "F1", "tp", "fp", "missed"
        );
        for (name, c) in [
            ("meetings", self.meetings),
            ("participants", self.participants),
            ("themes", self.themes),
        ] {
            let _ = writeln!(
                s,
                "{name:<14} {:>9.2} {:>7.2} {:>7.2} {:>5} {:>5} {:>6}",
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.missed
            );
        }
        let _ = writeln!(s);
        for (name, a) in [
            ("date", self.date),
            ("year", self.year),
            ("city", self.city),
            ("kind", self.kind),
            ("role", self.role),
            ("side", self.side),
        ] {
            let _ = writeln!(
                s,
                "{:<14} {:>9.2}   ({}/{})",
                format!("{name} accuracy"),
                a.value(),
                a.correct,
                a.total
            );
        }
        if verbose {
            for (article, notes) in &self.articles {
                let _ = writeln!(
                    s,
                    "\n{article}: {}",
                    if notes.is_empty() { "all correct" } else { "" }
                );
                for n in notes {
                    let _ = writeln!(s, "  - {n}");
                }
            }
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::gold::GoldArticle;
    use super::*;

    fn gold(json: &str) -> GoldArticle {
        serde_json::from_str(json).unwrap()
    }

    fn pred(partner: &str, month: u32, day: Option<u32>, themes: &[&str]) -> PredMeeting {
        PredMeeting {
            partner: partner.into(),
            month: Some(month),
            day,
            kind: "reception".into(),
            themes: themes.iter().map(|t| t.to_string()).collect(),
            ..Default::default()
        }
    }

    fn score(g: &GoldArticle, preds: Vec<PredMeeting>) -> Report {
        let predicted: Predictions = [(g.article.clone(), preds)].into_iter().collect();
        evaluate(std::slice::from_ref(g), &predicted).unwrap()
    }

    #[test]
    fn an_optional_meeting_absorbs_a_prediction_and_is_never_missed() {
        let g = gold(
            r#"{"article": "a", "meetings": [
              {"date": {"month": 5, "day": 3}, "partner": "Japan"},
              {"optional": true, "date": {"month": 5, "day": 4}, "partner": "Japan"}]}"#,
        );
        let found = score(
            &g,
            vec![
                pred("Japan", 5, Some(3), &[]),
                pred("Japan", 5, Some(4), &[]),
            ],
        );
        assert_eq!(
            (found.meetings.tp, found.meetings.fp, found.meetings.missed),
            (1, 0, 0)
        );
        let without = score(&g, vec![pred("Japan", 5, Some(3), &[])]);
        assert_eq!((without.meetings.tp, without.meetings.missed), (1, 0));
        let stray = score(
            &g,
            vec![
                pred("Japan", 5, Some(3), &[]),
                pred("Japan", 6, Some(1), &[]),
            ],
        );
        assert_eq!(
            stray.meetings.fp, 1,
            "a prediction no gold meeting takes is false"
        );
    }

    #[test]
    fn two_meetings_with_one_partner_on_one_day_pair_by_who_took_part() {
        let g = gold(
            r#"{"article": "a", "meetings": [
              {"date": {"month": 2, "day": 21}, "partner": "Japan", "kind": "talks", "themes": ["peacekeeping"]},
              {"date": {"month": 2, "day": 21}, "partner": "Japan", "kind": "talks",
               "participants": [{"name": "Nishida Yasunori"}]}]}"#,
        );
        let mut dialogue = pred("Japan", 2, Some(21), &["peacekeeping"]);
        dialogue.kind = "dialogue".into();
        let mut talks = pred("Japan", 2, Some(21), &[]);
        talks.kind = "talks".into();
        talks.participants = vec![PredPerson {
            name: "Nishida Yasunori".into(),
            ..Default::default()
        }];
        let found = score(&g, vec![dialogue, talks]);
        assert_eq!((found.themes.tp, found.participants.tp), (1, 1));
    }

    #[test]
    fn optional_themes_and_participants_are_neither_missed_nor_false() {
        let g = gold(
            r#"{"article": "a", "meetings": [{"date": {"month": 5, "day": 3}, "partner": "Japan",
              "participants": [{"name": "Trần Văn Hải", "side": "host"}],
              "participants_optional": [{"name": "Hiroto Sato"}],
              "themes": ["terrorism"], "themes_optional": ["training"]}]}"#,
        );
        let mut p = pred("Japan", 5, Some(3), &["terrorism", "training"]);
        p.participants = vec![
            PredPerson {
                name: "Tran Van Hai".into(),
                role: None,
                side: "host".into(),
            },
            PredPerson {
                name: "Hiroto Sato".into(),
                role: None,
                side: "guest".into(),
            },
        ];
        let r = score(&g, vec![p]);
        assert_eq!((r.themes.tp, r.themes.fp, r.themes.missed), (1, 0, 0));
        assert_eq!(
            (r.participants.tp, r.participants.fp, r.participants.missed),
            (1, 0, 0)
        );
        let r = score(&g, vec![pred("Japan", 5, Some(3), &["cybercrime"])]);
        assert_eq!((r.themes.tp, r.themes.fp, r.themes.missed), (0, 1, 1));
    }

    #[test]
    fn a_date_range_takes_any_day_inside_it() {
        let g = gold(
            r#"{"article": "a", "meetings": [{"date": {"month": 7}, "partner": "Russia",
              "date_range": {"from": {"month": 7, "day": 5}, "to": {"month": 7, "day": 7}}}]}"#,
        );
        assert_eq!(
            score(&g, vec![pred("Russia", 7, Some(6), &[])]).meetings.tp,
            1
        );
        assert_eq!(score(&g, vec![pred("Russia", 7, None, &[])]).meetings.tp, 1);
        let outside = score(&g, vec![pred("Russia", 7, Some(9), &[])]);
        assert_eq!((outside.meetings.tp, outside.meetings.fp), (0, 1));
    }

    #[test]
    fn a_gold_date_without_a_month_takes_any_date_as_no_date_does() {
        let unknown = gold(
            r#"{"article": "a", "meetings": [{"date": {"year": null, "month": null, "day": null},
              "partner": "Cuba"}]}"#,
        );
        let r = score(&unknown, vec![pred("Cuba", 9, None, &[])]);
        assert_eq!((r.meetings.tp, r.meetings.fp), (1, 0));
        assert_eq!(
            (r.date.correct, r.date.total),
            (0, 1),
            "a month the text does not give is still a wrong date"
        );
    }

    #[test]
    fn names_compare_across_case_accents_hyphens_and_spaces() {
        assert_eq!(
            name_key("Jean-Yves  Le Drian"),
            name_key("Jean Yves Le Drian")
        );
        assert_eq!(name_key("Min Gab-ryong"), name_key("Min Gab Ryong"));
        assert_eq!(name_key("Trần Văn Hải"), name_key("TRAN VAN HAI"));
        assert_ne!(name_key("Kim Jong-un"), name_key("Kim Jong"));
        assert_eq!(name_key("Paul E. Martin"), name_key("Paul Martin"));
        assert_ne!(name_key("R. Sundaram"), name_key("Sundaram"));
    }

    #[test]
    fn a_role_fits_with_half_the_gold_content_words() {
        assert!(role_fits(
            "Minister of Public Security",
            "Minister of Public Security"
        ));
        assert!(role_fits(
            "Deputy Minister",
            "Deputy Minister of Public Security"
        ));
        assert!(!role_fits("Minister", "Deputy Minister of Public Security"));
        // Function words do not count: "of the" shares nothing.
        assert!(!role_fits(
            "Director of the Police",
            "Minister of the Interior"
        ));
        assert!(!role_fits("Ambassador", ""));
    }
}
