//! Stage 6: `theme_counts`, computed with polars expressions over the
//! meetings and topics tables.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::error::Error;
use crate::write;

/// `theme_counts` over every meeting and topic file under the given dataset
/// roots (the dataset, plus a run's staging directory), read with lazy scans;
/// `None` when there is no meeting at all.
pub fn dataset_theme_counts(roots: &[&Path]) -> Result<Option<DataFrame>, Error> {
    let files = |table: &str| -> Result<Vec<PathBuf>, Error> {
        let mut all = Vec::new();
        for root in roots {
            all.extend(write::parquet_files(&root.join(table))?);
        }
        Ok(all)
    };
    let (meetings, topics) = (files("meetings")?, files("topics")?);
    if meetings.is_empty() || topics.is_empty() {
        return Ok(None);
    }
    let at = roots.first().map_or(Path::new(""), |r| *r);
    let counts = write::scan(&meetings)
        .and_then(|m| Ok((m, write::scan(&topics)?)))
        .and_then(|(m, t)| theme_counts(m, t).collect())
        .map_err(|e| Error::polars(at, e))?;
    Ok(Some(counts))
}

/// Per (partner, theme): meetings that discussed it, cue mentions, articles,
/// the share of the partner's meetings, and the first and last dates.
pub fn theme_counts(meetings: LazyFrame, topics: LazyFrame) -> LazyFrame {
    let per_partner = meetings
        .clone()
        .group_by([col("partner")])
        .agg([col("meeting_id").n_unique().alias("partner_meetings")]);
    let meeting_facts = meetings.select([col("meeting_id"), col("partner_type"), col("date")]);
    topics
        .join(
            meeting_facts,
            [col("meeting_id")],
            [col("meeting_id")],
            JoinArgs::new(JoinType::Inner),
        )
        .group_by([col("partner"), col("partner_type"), col("theme")])
        .agg([
            col("meeting_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("meetings"),
            col("mentions")
                .sum()
                .cast(DataType::Int64)
                .alias("mentions"),
            col("article_id")
                .n_unique()
                .cast(DataType::Int64)
                .alias("articles"),
            col("date").min().alias("first_date"),
            col("date").max().alias("last_date"),
        ])
        .join(
            per_partner,
            [col("partner")],
            [col("partner")],
            JoinArgs::new(JoinType::Inner),
        )
        .with_column(
            (col("meetings").cast(DataType::Float64)
                / col("partner_meetings").cast(DataType::Float64))
            .alias("share"),
        )
        .select([
            col("partner"),
            col("partner_type"),
            col("theme"),
            col("meetings"),
            col("mentions"),
            col("articles"),
            col("share"),
            col("first_date"),
            col("last_date"),
        ])
        .sort(["partner", "theme"], SortMultipleOptions::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_meetings_mentions_articles_and_shares() {
        let meetings = df! {
            "meeting_id" => ["a-01", "a-02", "b-01"],
            "partner" => ["Russia", "Russia", "India"],
            "partner_type" => ["country", "country", "country"],
            "date" => [Some(10i32), None, Some(20)],
        }
        .unwrap()
        .lazy()
        .with_column(col("date").cast(DataType::Date));
        let topics = df! {
            "meeting_id" => ["a-01", "a-02", "a-02", "b-01"],
            "article_id" => ["a", "a", "a", "b"],
            "partner" => ["Russia", "Russia", "Russia", "India"],
            "theme" => ["terrorism", "terrorism", "training", "terrorism"],
            "mentions" => [2i64, 1, 1, 3],
        }
        .unwrap()
        .lazy();
        let out = theme_counts(meetings, topics).collect().unwrap();
        let get = |c: &str| out.column(c).unwrap().as_materialized_series().clone();
        assert_eq!(
            get("partner")
                .str()
                .unwrap()
                .iter()
                .flatten()
                .collect::<Vec<_>>(),
            ["India", "Russia", "Russia"]
        );
        assert_eq!(
            get("meetings").i64().unwrap().to_vec(),
            [Some(1), Some(2), Some(1)]
        );
        assert_eq!(
            get("mentions").i64().unwrap().to_vec(),
            [Some(3), Some(3), Some(1)]
        );
        assert_eq!(
            get("share").f64().unwrap().to_vec(),
            [Some(1.0), Some(1.0), Some(0.5)]
        );
        assert_eq!(
            get("articles").i64().unwrap().to_vec(),
            [Some(1), Some(1), Some(1)]
        );
        let first = get("first_date").cast(&DataType::Int32).unwrap();
        assert_eq!(first.i32().unwrap().to_vec(), [Some(20), Some(10), None]);
    }
}
