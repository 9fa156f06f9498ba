//! Meeting dates as the language writes them, from weighted date forms.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use fastrand::Rng;

use super::files::CalendarFile;
use super::template::{Slot, Template, Values};

struct Form {
    template: Template,
    weight: u8,
    has_year: bool,
}

pub(super) struct Calendar {
    months: Vec<String>,
    weekdays: Vec<String>,
    pub years: (i32, i32),
    days: BTreeMap<u32, String>,
    forms: Vec<Form>,
    total: u8,
    /// The form used when the year may not be written: the first without it.
    plain: usize,
}

impl Calendar {
    pub fn compile(c: CalendarFile) -> Result<Calendar, String> {
        if c.months.len() != 12 || c.weekdays.len() != 7 {
            return Err("months needs 12 names and weekdays 7".into());
        }
        if c.years.0 > c.years.1 {
            return Err(format!("years: {} is after {}", c.years.0, c.years.1));
        }
        let days = c
            .days
            .into_iter()
            .map(|(k, v)| match k.parse::<u32>() {
                Ok(d) if (1..=31).contains(&d) => Ok((d, v)),
                _ => Err(format!("calendar.days: {k:?} is not a day of the month")),
            })
            .collect::<Result<_, String>>()?;
        let slots = [Slot::Day, Slot::Month, Slot::Weekday, Slot::Year];
        let mut forms = Vec::new();
        for (i, d) in c.dates.iter().enumerate() {
            let template = Template::parse(&d.form, &slots)
                .map_err(|m| format!("calendar.dates[{i}]: {m}"))?;
            let has_year = template.has(Slot::Year);
            forms.push(Form {
                template,
                weight: d.weight,
                has_year,
            });
        }
        let total = forms.iter().try_fold(0u8, |a, f| a.checked_add(f.weight));
        let total = total
            .filter(|t| *t > 0)
            .ok_or("calendar.dates: weights must add up to 1-255")?;
        let plain = forms
            .iter()
            .position(|f| !f.has_year)
            .ok_or("calendar.dates: one form needs no {year}")?;
        Ok(Calendar {
            months: c.months,
            weekdays: c.weekdays,
            years: c.years,
            days,
            forms,
            total,
            plain,
        })
    }

    /// A date in one of the forms drawn by weight, and whether it writes the year.
    pub fn text(&self, rng: &mut Rng, d: NaiveDate, allow_year: bool) -> (String, bool) {
        let mut roll = rng.u8(..self.total);
        let mut chosen = self.plain;
        for (i, f) in self.forms.iter().enumerate() {
            if roll < f.weight {
                chosen = i;
                break;
            }
            roll -= f.weight;
        }
        if self.forms[chosen].has_year && !allow_year {
            chosen = self.plain;
        }
        let form = &self.forms[chosen];
        let day = match self.days.get(&d.day()) {
            Some(s) => s.clone(),
            None => d.day().to_string(),
        };
        let year = d.year().to_string();
        let v = Values {
            day: &day,
            month: &self.months[d.month0() as usize],
            weekday: &self.weekdays[d.weekday().num_days_from_monday() as usize],
            year: &year,
            ..Values::default()
        };
        (form.template.to_string(&v), form.has_year)
    }
}
