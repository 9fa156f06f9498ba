//! Hive-style partitions: `<table>/year=2025/month=12/part-*.parquet`.
//!
//! Rules: a meeting goes by its own `year`/`month`; its participants and
//! topics follow it; an article goes by its `published` date. A null key goes
//! to `__HIVE_DEFAULT_PARTITION__`, which Hive, Spark, DuckDB, polars and
//! pyarrow all read back as NULL. The key columns are also stored in every
//! file, with SPEC's types (`year` i16, `month` i8), so a reader that ignores
//! directory names sees the same values; for meetings they are SPEC's own
//! `year` and `month` columns, for the other tables extra columns.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use polars::prelude::*;

use crate::config::PartitionBy;

pub const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

type Key = (Option<i16>, Option<i8>);

/// The four data tables of a batch, each cut into (directory, rows) pieces;
/// `PartitionBy::None` gives one piece per table in the table directory.
pub fn split(
    by: PartitionBy,
    tables: Vec<(&'static str, DataFrame)>,
) -> PolarsResult<Vec<(PathBuf, DataFrame)>> {
    let mut by_meeting: HashMap<String, Key> = HashMap::new();
    let mut pieces = Vec::new();
    for (name, df) in tables {
        if by == PartitionBy::None {
            pieces.push((PathBuf::from(name), df));
            continue;
        }
        let keys = match name {
            "meetings" => {
                let keys = zip(df.column("year")?.i16()?, df.column("month")?.i8()?);
                for (id, key) in df.column("meeting_id")?.str()?.iter().zip(&keys) {
                    by_meeting.insert(id.unwrap_or_default().to_string(), *key);
                }
                keys
            }
            "articles" => published_keys(&df)?,
            _ => df
                .column("meeting_id")?
                .str()?
                .iter()
                .map(|id| by_meeting[id.unwrap_or_default()])
                .collect(),
        };
        for (key, rows) in group(&keys) {
            let mut piece = df.take(&IdxCa::from_vec("idx".into(), rows))?;
            if name != "meetings" {
                add_key_columns(&mut piece, by, key)?;
            }
            pieces.push((PathBuf::from(name).join(directory(by, key)), piece));
        }
    }
    Ok(pieces)
}

fn zip(years: &Int16Chunked, months: &Int8Chunked) -> Vec<Key> {
    years.iter().zip(months.iter()).collect()
}

fn published_keys(df: &DataFrame) -> PolarsResult<Vec<Key>> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch is a date");
    let days = df.column("published")?.cast(&DataType::Int32)?;
    Ok(days
        .i32()?
        .iter()
        .map(|d| {
            let date = d.and_then(|d| epoch.checked_add_signed(chrono::Duration::days(d.into())));
            (date.map(|d| d.year() as i16), date.map(|d| d.month() as i8))
        })
        .collect())
}

/// Row indices per key, keys in order so that files come out in order.
fn group(keys: &[Key]) -> BTreeMap<Key, Vec<IdxSize>> {
    let mut groups: BTreeMap<Key, Vec<IdxSize>> = BTreeMap::new();
    for (i, key) in keys.iter().enumerate() {
        groups.entry(*key).or_default().push(i as IdxSize);
    }
    groups
}

fn add_key_columns(df: &mut DataFrame, by: PartitionBy, (year, month): Key) -> PolarsResult<()> {
    let n = df.height();
    df.with_column(Column::new("year".into(), vec![year; n]))?;
    if by == PartitionBy::Month {
        df.with_column(Column::new("month".into(), vec![month; n]))?;
    }
    Ok(())
}

fn directory(by: PartitionBy, (year, month): Key) -> PathBuf {
    let value = |v: Option<String>| v.unwrap_or_else(|| NULL_PARTITION.to_string());
    let mut dir = PathBuf::from(format!("year={}", value(year.map(|y| y.to_string()))));
    if by == PartitionBy::Month {
        dir.push(format!("month={}", value(month.map(|m| m.to_string()))));
    }
    dir
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_follow_their_meeting_and_null_keys_get_the_hive_default() {
        let meetings = df! {
            "meeting_id" => ["a-01", "a-02"],
            "year" => [Some(2025i16), None],
            "month" => [Some(12i8), Some(3)],
        }
        .unwrap();
        let topics = df! { "meeting_id" => ["a-02", "a-01", "a-02"] }.unwrap();
        let pieces = split(
            PartitionBy::Month,
            vec![("meetings", meetings), ("topics", topics)],
        )
        .unwrap();
        let summary: Vec<_> = pieces
            .iter()
            .map(|(dir, df)| (dir.display().to_string(), df.height()))
            .collect();
        assert_eq!(
            summary,
            [
                (format!("meetings/year={NULL_PARTITION}/month=3"), 1),
                ("meetings/year=2025/month=12".to_string(), 1),
                (format!("topics/year={NULL_PARTITION}/month=3"), 2),
                ("topics/year=2025/month=12".to_string(), 1),
            ]
        );
        let topics = &pieces[2].1;
        assert_eq!(topics.column("year").unwrap().dtype(), &DataType::Int16);
        assert_eq!(topics.column("month").unwrap().dtype(), &DataType::Int8);
    }
}
