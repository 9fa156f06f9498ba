//! A language's date forms (`<lang>/dates.toml`), compiled into one regular
//! expression whose named groups say which part of a date each piece is.

use std::sync::LazyLock;

use chrono::NaiveDate;
use regex::Regex;

use super::files::DatesFile;
use crate::fold::fold;

/// What one alternative of the compiled expression matches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateForm {
    Range,
    Day,
    Month,
    /// A weekday alone, which the publication date places.
    Weekday,
    /// A day this many days from the publication date ("hier", "today").
    Relative(i64),
}

#[derive(Clone)]
pub struct DatePatterns {
    pub regex: Regex,
    /// For each alternative, its form and its group's name (`a{i}`); the
    /// groups inside it are named `a{i}_{part}`.
    pub forms: Vec<DateForm>,
    pub names: Vec<String>,
    /// Folded month names, January first.
    pub months: Vec<Vec<String>>,
    /// Folded weekday names, Monday first.
    pub weekdays: Vec<Vec<String>>,
    pub past_after: Vec<String>,
    pub past_before: Vec<String>,
}

impl DatePatterns {
    pub fn compile(file: &DatesFile) -> Result<DatePatterns, String> {
        if file.months.len() != 12 || file.months.iter().any(Vec::is_empty) {
            return Err("`months` needs twelve non-empty lists, January first".into());
        }
        if !file.weekday.is_empty() && file.weekdays.len() != 7 {
            return Err("`weekdays` needs seven lists, Monday first".into());
        }
        if file
            .relative_days
            .keys()
            .any(|words| words.trim().is_empty())
        {
            return Err("`relative_days` has an empty entry".into());
        }
        let folded_names = |lists: &[Vec<String>]| -> Vec<Vec<String>> {
            lists
                .iter()
                .map(|names| names.iter().map(|n| fold(n)).collect())
                .collect()
        };
        let months = folded_names(&file.months);
        let weekdays = folded_names(&file.weekdays);
        let alternation = |lists: &[Vec<String>]| {
            // Longer names first, so that "sept" does not cut "september" short.
            let mut names: Vec<String> = lists.iter().flatten().map(|n| regex::escape(n)).collect();
            names.sort_by_key(|n| std::cmp::Reverse(n.len()));
            names.join("|")
        };
        let month = alternation(&months);
        let weekday = alternation(&weekdays);
        let mut alternatives = Vec::new();
        let mut names = Vec::new();
        let mut forms = Vec::new();
        let groups = [
            (DateForm::Range, &file.range),
            (DateForm::Day, &file.day_month),
            (DateForm::Month, &file.month),
            (DateForm::Weekday, &file.weekday),
        ];
        let relative: Vec<(DateForm, Vec<String>)> = file
            .relative_days
            .iter()
            .map(|(words, &days)| {
                let words = regex::escape(&fold(words)).replace(' ', r"\s+");
                (DateForm::Relative(days), vec![format!(r"\b{words}\b")])
            })
            .collect();
        let groups = groups
            .into_iter()
            .chain(relative.iter().map(|(form, patterns)| (*form, patterns)));
        for (form, patterns) in groups {
            for pattern in patterns {
                let i = forms.len();
                let mut p = pattern.clone();
                for part in ["d1", "d2", "d"] {
                    p = p.replace(
                        &format!("{{{part}}}"),
                        &format!("(?P<a{i}_{part}>{})", file.day),
                    );
                }
                for part in ["m1", "m2", "mo", "m"] {
                    p = p.replace(&format!("{{{part}}}"), &format!("(?P<a{i}_{part}>{month})"));
                }
                p = p.replace("{wd}", &format!("(?P<a{i}_wd>{weekday})"));
                for part in ["y1", "y2", "yo", "y"] {
                    p = p.replace(
                        &format!("{{{part}}}"),
                        &format!(r"(?P<a{i}_{part}>\d{{4}})"),
                    );
                }
                alternatives.push(format!("(?P<a{i}>{p})"));
                names.push(format!("a{i}"));
                forms.push(form);
            }
        }
        let regex = Regex::new(&alternatives.join("|"))
            .map_err(|e| format!("date patterns: {}", crate::error::one_line(&e.to_string())))?;
        Ok(DatePatterns {
            regex,
            forms,
            names,
            months,
            weekdays,
            past_after: file.past_after.iter().map(|w| fold(w)).collect(),
            past_before: file.past_before.iter().map(|w| fold(w)).collect(),
        })
    }

    /// The month (1–12) a folded name stands for.
    pub fn month(&self, name: &str) -> Option<u32> {
        position(&self.months, name).map(|i| i as u32 + 1)
    }

    /// The date a page prints on a line of its own under the title ("Thứ
    /// Hai, 30/09/2024, 17:27", "September 14, 2023"): a full date, day
    /// first when numeric, on a short line that is no sentence.
    pub fn stamp(&self, folded_line: &str) -> Option<NaiveDate> {
        let line = folded_line.trim();
        if line.len() > 60 || line.split_whitespace().count() > 8 {
            return None;
        }
        if let Some(c) = NUMERIC_DATE.captures(line) {
            let n = |i: usize| c.get(i).and_then(|m| m.as_str().parse::<u32>().ok());
            return match (n(1), n(6)) {
                (Some(year), _) => NaiveDate::from_ymd_opt(year as i32, n(2)?, n(3)?),
                (None, Some(year)) => NaiveDate::from_ymd_opt(year as i32, n(5)?, n(4)?),
                _ => None,
            };
        }
        let c = self.regex.captures(line)?;
        let i = self.alternative(&c)?;
        if self.forms[i] != DateForm::Day {
            return None;
        }
        let group = |part: &str| c.name(&format!("a{i}_{part}")).map(|m| m.as_str());
        let year = group("y")?.parse().ok()?;
        let month = self.month(group("m")?)?;
        NaiveDate::from_ymd_opt(year, month, day_number(group("d")?)?)
    }

    /// Which alternative a match is of; its groups are named `a{i}_{part}`.
    pub fn alternative(&self, c: &regex::Captures) -> Option<usize> {
        self.names.iter().position(|n| c.name(n).is_some())
    }

    /// Days from Monday (0–6) of a folded weekday name.
    pub fn weekday(&self, name: &str) -> Option<u32> {
        position(&self.weekdays, name).map(|i| i as u32)
    }
}

/// A day's leading digits: "1er" and "1st" are the first.
pub fn day_number(day: &str) -> Option<u32> {
    let digits = day.find(|c: char| !c.is_ascii_digit()).unwrap_or(day.len());
    day[..digits].parse().ok()
}

fn position(lists: &[Vec<String>], name: &str) -> Option<usize> {
    lists
        .iter()
        .position(|names| names.iter().any(|n| n == name))
}

/// "2024-09-30", or day first: "30/09/2024", "01-12-2020".
static NUMERIC_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:(\d{4})-(\d{2})-(\d{2})|(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}))\b")
        .expect("the numeric date pattern compiles")
});
