//! Date expressions, as the article's language writes them (`dates.toml`):
//! "le 9 décembre", "du 23 au 25 avril 2025", "on March 5", "last May".

use chrono::{Datelike, NaiveDate};

use crate::clean::Span;
use crate::fold::Folded;
use crate::lexicon::{day_number, DateForm, DatePatterns};

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

/// "en mai dernier", "last May": a month named as past relative to the article.
pub fn names_past_month(folded: &str, patterns: &DatePatterns) -> bool {
    let months = || patterns.months.iter().flatten();
    let after = patterns.past_after.iter().any(|word| {
        folded.match_indices(&format!(" {word}")).any(|(at, _)| {
            months()
                .any(|m| folded[..at].ends_with(m.as_str()) && at_word_start(folded, at - m.len()))
        })
    });
    after
        || patterns.past_before.iter().any(|word| {
            folded.match_indices(&format!("{word} ")).any(|(at, w)| {
                let rest = &folded[at + w.len()..];
                at_word_start(folded, at)
                    && months().any(|m| {
                        rest.starts_with(m.as_str())
                            && !rest[m.len()..].starts_with(|c: char| c.is_alphanumeric())
                    })
            })
        })
}

fn at_word_start(text: &str, at: usize) -> bool {
    !text[..at]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Every date expression in `span` of the original text. A weekday alone
/// ("on Tuesday") is the last such day on or before `published`, as a report
/// comes out the day of its story or soon after; without a publication date
/// it is no date.
pub fn find(
    folded: &Folded,
    span: Span,
    patterns: &DatePatterns,
    published: Option<NaiveDate>,
) -> Vec<DateMention> {
    let (fs, fe) = (
        folded.folded_offset(span.start),
        folded.folded_offset(span.end),
    );
    let hay = &folded.text[fs..fe];
    patterns
        .regex
        .captures_iter(hay)
        .filter_map(|c| mention(&c, patterns, folded, fs, published))
        .filter(|d| d.start.day.is_none_or(|day| (1..=31).contains(&day)))
        .collect()
}

/// The date one match of the date patterns stands for, with its span in
/// the original text (`fs` is the folded offset of the haystack).
fn mention(
    c: &regex::Captures,
    patterns: &DatePatterns,
    folded: &Folded,
    fs: usize,
    published: Option<NaiveDate>,
) -> Option<DateMention> {
    let i = patterns.alternative(c)?;
    let form = patterns.forms[i];
    let group = |part: &str| c.name(&format!("a{i}_{part}")).map(|m| m.as_str());
    let num = |part: &str| group(part).and_then(day_number);
    let month = |part: &str| group(part).and_then(|m| patterns.month(m));
    let year = |part: &str| group(part).and_then(|y| y.parse::<i32>().ok());
    let whole = c.get(0).expect("group 0 always matches");
    let (s, e) = folded.original_range(fs + whole.start(), fs + whole.end());
    let span = Span { start: s, end: e };
    let mention = match form {
        DateForm::Range => {
            let end = PartialDate {
                year: year("y2"),
                month: month("m2").or(month("m1")),
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
        }
        DateForm::Day => DateMention {
            start: PartialDate {
                year: year("y"),
                month: month("m"),
                day: num("d"),
            },
            end: None,
            span,
        },
        DateForm::Month => DateMention {
            start: PartialDate {
                year: year("yo"),
                month: month("mo"),
                day: None,
            },
            end: None,
            span,
        },
        DateForm::Weekday => {
            let weekday = group("wd").and_then(|w| patterns.weekday(w))?;
            let published = published?;
            let back = (published.weekday().num_days_from_monday() + 7 - weekday) % 7;
            on_day(published - chrono::Duration::days(i64::from(back)), span)
        }
        DateForm::Relative(days) => on_day(published? + chrono::Duration::days(days), span),
    };
    Some(mention)
}

fn on_day(day: NaiveDate, span: Span) -> DateMention {
    DateMention {
        start: PartialDate {
            year: Some(day.year()),
            month: Some(day.month()),
            day: Some(day.day()),
        },
        end: None,
        span,
    }
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
/// Days from `earlier` to `later`, both with a month and a day; without
/// both years, within the year around them (30 December is 3 days before 2
/// January).
pub fn days_between(earlier: PartialDate, later: PartialDate) -> Option<i64> {
    let day = |d: PartialDate, year: i32| NaiveDate::from_ymd_opt(year, d.month?, d.day?);
    match (earlier.year, later.year) {
        (Some(a), Some(b)) => Some((day(later, b)? - day(earlier, a)?).num_days()),
        _ => {
            // Any non-leap year will do when a year is unknown.
            let days = (day(later, 2001)? - day(earlier, 2001)?).num_days();
            Some(if days < -182 { days + 365 } else { days })
        }
    }
}

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

    fn dates_in(lang: &str, text: &str) -> Vec<DateMention> {
        let lex = crate::lexicon::Lexicon::embedded_lang(lang).unwrap();
        let folded = Folded::new(text);
        find(
            &folded,
            Span {
                start: 0,
                end: text.len(),
            },
            &lex.dates,
            NaiveDate::from_ymd_opt(2025, 3, 5),
        )
    }

    fn dates(text: &str) -> Vec<DateMention> {
        dates_in("fr", text)
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
        let fr = crate::lexicon::Lexicon::embedded_lang("fr").unwrap();
        let past = |text: &str| names_past_month(text, &fr.dates);
        assert!(past("lors de leur rencontre en mai derniere"));
        assert!(past("depuis aout dernier,"));
        assert!(!past("le dernier jour de mai"));
        assert!(!past("l'ete dernier"));
        let en = crate::lexicon::Lexicon::embedded_lang("en").unwrap();
        let past = |text: &str| names_past_month(text, &en.dates);
        assert!(past("during their meeting last may,"));
        assert!(!past("the last day of may"));
    }

    #[test]
    fn english_days_ranges_and_months() {
        let d = dates_in("en", "hosted a reception in Hanoi on March 6 for");
        assert_eq!(d[0].start, pd(None, 3, Some(6)));
        let d = dates_in("en", "on December 9, 2024, the minister");
        assert_eq!(d[0].start, pd(Some(2024), 12, Some(9)));
        let d = dates_in("en", "from April 23 to 25, 2024 in Saint Petersburg");
        assert_eq!(d[0].start, pd(Some(2024), 4, Some(23)));
        assert_eq!(d[0].end, Some(pd(Some(2024), 4, Some(25))));
        let d = dates_in("en", "held on May 30-June 2");
        assert_eq!(
            (d[0].start, d[0].end),
            (pd(None, 5, Some(30)), Some(pd(None, 6, Some(2))))
        );
        assert_eq!(
            dates_in("en", "on 1st August")[0].start,
            pd(None, 8, Some(1))
        );
        assert_eq!(
            dates_in("en", "in May 2023")[0].start,
            pd(Some(2023), 5, None)
        );
        assert!(dates_in("en", "they may cooperate").is_empty());
        let d = dates_in("en", "on the afternoon of September 26th");
        assert_eq!(d[0].start, pd(None, 9, Some(26)));
    }

    #[test]
    fn a_weekday_is_placed_by_the_publication_date() {
        // The tests' publication date, 2025-03-05, is a Wednesday.
        assert_eq!(
            dates_in("en", "on Wednesday")[0].start,
            pd(Some(2025), 3, Some(5))
        );
        assert_eq!(
            dates_in("en", "on Monday, the minister")[0].start,
            pd(Some(2025), 3, Some(3))
        );
        assert_eq!(
            dates_in("fr", "a reçu jeudi")[0].start,
            pd(Some(2025), 2, Some(27))
        );
    }

    #[test]
    fn a_day_named_by_its_distance_is_placed_by_the_publication_date() {
        assert_eq!(
            dates_in("fr", "s'est rendu hier à Hanoï")[0].start,
            pd(Some(2025), 3, Some(4))
        );
        assert_eq!(
            dates_in("fr", "a été reçu ce matin")[0].start,
            pd(Some(2025), 3, Some(5))
        );
        assert_eq!(
            dates_in("en", "received yesterday")[0].start,
            pd(Some(2025), 3, Some(4))
        );
    }
}
