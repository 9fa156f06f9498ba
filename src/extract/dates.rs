//! Date expressions in French: "le 9 décembre", "du 23 au 25 avril 2025",
//! "les 3 et 4 juin", "en mai dernier".

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::clean::Span;
use crate::fold::Folded;

const MONTHS: [&str; 12] = [
    "janvier",
    "fevrier",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "aout",
    "septembre",
    "octobre",
    "novembre",
    "decembre",
];

/// A date as the text gives it: the year may be missing, the day too.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct PartialDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateMention {
    pub start: PartialDate,
    /// Last day of a range ("du 23 au 25 avril").
    pub end: Option<PartialDate>,
    /// Original byte span.
    pub span: Span,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    let month = MONTHS.join("|");
    let day = r"(?:1er|[0-3]?\d)";
    Regex::new(&format!(
        r"(?x)
        \b(?:du|les|des)\s+(?P<d1>{day})(?:\s+(?P<m1>{month}))?(?:\s+(?P<y1>\d{{4}}))?\s+(?:au|et|-)\s+
            (?P<d2>{day})\s+(?P<m2>{month})(?:\s+(?P<y2>\d{{4}}))?\b
        | \b(?P<d>{day})\s+(?P<m>{month})(?:\s+(?P<y>\d{{4}}))?\b
        | \b(?:en|d'|de|mois\s+de|debut|fin|mi-)\s*(?P<mo>{month})(?:\s+(?P<yo>\d{{4}}))?\b"
    ))
    .expect("date pattern compiles")
});

/// "en mai dernier": a month named as past relative to the article.
pub fn names_past_month(folded: &str) -> bool {
    folded.match_indices(" dernier").any(|(at, _)| {
        MONTHS
            .iter()
            .any(|m| folded[..at].ends_with(m) && at_word_start(folded, at - m.len()))
    })
}

fn at_word_start(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Every date expression in `span` of the original text.
pub fn find(folded: &Folded, span: Span) -> Vec<DateMention> {
    let (fs, fe) = (
        folded.folded_offset(span.start),
        folded.folded_offset(span.end),
    );
    let hay = &folded.text[fs..fe];
    DATE.captures_iter(hay)
        .map(|c| {
            let num = |name: &str| {
                c.name(name)
                    .and_then(|m| m.as_str().trim_end_matches("er").parse::<u32>().ok())
            };
            let month = |name: &str| {
                c.name(name)
                    .and_then(|m| MONTHS.iter().position(|x| *x == m.as_str()))
                    .map(|i| i as u32 + 1)
            };
            let year = |name: &str| c.name(name).and_then(|m| m.as_str().parse::<i32>().ok());
            let whole = c.get(0).expect("group 0 always matches");
            let (s, e) = folded.original_range(fs + whole.start(), fs + whole.end());
            let span = Span { start: s, end: e };
            if c.name("d2").is_some() {
                let end = PartialDate {
                    year: year("y2"),
                    month: month("m2"),
                    day: num("d2"),
                };
                let start = PartialDate {
                    year: year("y1").or(end.year),
                    month: month("m1").or(end.month),
                    day: num("d1"),
                };
                DateMention {
                    start,
                    end: Some(end),
                    span,
                }
            } else if c.name("d").is_some() {
                DateMention {
                    start: PartialDate {
                        year: year("y"),
                        month: month("m"),
                        day: num("d"),
                    },
                    end: None,
                    span,
                }
            } else {
                DateMention {
                    start: PartialDate {
                        year: year("yo"),
                        month: month("mo"),
                        day: None,
                    },
                    end: None,
                    span,
                }
            }
        })
        .filter(|d| d.start.day.is_none_or(|day| (1..=31).contains(&day)))
        .collect()
}

/// Fills a missing year from the publication date: of the same day and month
/// in the year before, of or after publication, the one closest to it.
/// Without a publication date the year stays unknown: SPEC forbids guessing.
pub fn with_year(date: PartialDate, published: Option<NaiveDate>) -> PartialDate {
    let (Some(published), None, Some(month)) = (published, date.year, date.month) else {
        return date;
    };
    let day = date.day.unwrap_or(15);
    let year = (published.year() - 1..=published.year() + 1)
        .filter_map(|y| {
            NaiveDate::from_ymd_opt(y, month, day.min(days_in_month(y, month))).map(|d| (y, d))
        })
        .min_by_key(|(_, d)| (*d - published).num_days().abs())
        .map(|(y, _)| y);
    PartialDate { year, ..date }
}

/// The date `days` later; unknown parts stay unknown.
pub fn shift(date: PartialDate, days: i64) -> PartialDate {
    let (Some(month), Some(day)) = (date.month, date.day) else {
        return date;
    };
    // Any non-leap year will do for day arithmetic when the year is unknown.
    let Some(d) = NaiveDate::from_ymd_opt(date.year.unwrap_or(2001), month, day) else {
        return date;
    };
    let next = d + chrono::Duration::days(days);
    PartialDate {
        year: date.year.map(|_| next.year()),
        month: Some(next.month()),
        day: Some(next.day()),
    }
}

fn days_in_month(year: i32, month: u32) -> u32 {
    let next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)
    };
    next.and_then(|d| d.pred_opt()).map_or(28, |d| d.day())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str) -> Vec<DateMention> {
        let folded = Folded::new(text);
        find(
            &folded,
            Span {
                start: 0,
                end: text.len(),
            },
        )
    }

    fn pd(year: Option<i32>, month: u32, day: Option<u32>) -> PartialDate {
        PartialDate {
            year,
            month: Some(month),
            day,
        }
    }

    #[test]
    fn single_days_ranges_and_months() {
        let d = dates("a présidé le 9 décembre à Hanoï");
        assert_eq!(d[0].start, pd(None, 12, Some(9)));
        assert_eq!(
            &"a présidé le 9 décembre à Hanoï"[d[0].span.start..d[0].span.end],
            "9 décembre"
        );
        let d = dates("qui a lieu du 23 au 25 avril 2024 à Saint-Pétersbourg");
        assert_eq!(d[0].start, pd(Some(2024), 4, Some(23)));
        assert_eq!(d[0].end, Some(pd(Some(2024), 4, Some(25))));
        let d = dates("du 30 mai au 2 juin");
        assert_eq!(
            (d[0].start, d[0].end),
            (pd(None, 5, Some(30)), Some(pd(None, 6, Some(2))))
        );
        assert_eq!(dates("le 1er août")[0].start, pd(None, 8, Some(1)));
        assert_eq!(dates("en mai dernier")[0].start, pd(None, 5, None));
        assert!(dates("la période 2024-2028").is_empty());
    }

    #[test]
    fn year_comes_from_publication_only() {
        let dec = pd(None, 12, Some(29));
        assert_eq!(with_year(dec, None).year, None);
        let jan_pub = NaiveDate::from_ymd_opt(2026, 1, 3);
        assert_eq!(
            with_year(dec, jan_pub).year,
            Some(2025),
            "a January article about late December"
        );
        let dec_pub = NaiveDate::from_ymd_opt(2025, 12, 30);
        assert_eq!(with_year(pd(None, 1, Some(2)), dec_pub).year, Some(2026));
        assert_eq!(
            with_year(pd(Some(2024), 1, Some(2)), dec_pub).year,
            Some(2024),
            "a stated year wins"
        );
    }

    #[test]
    fn past_months() {
        assert!(names_past_month("lors de leur rencontre en mai derniere"));
        assert!(names_past_month("depuis aout dernier,"));
        assert!(!names_past_month("le dernier jour de mai"));
        assert!(!names_past_month("l'ete dernier"));
    }
}
