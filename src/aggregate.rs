//! Stage 6: `theme_counts`, computed with polars expressions.
//!
//! Every run also stores its *partial* counts (`theme_partials`, one file
//! per run): per (partner, theme) the meetings, mentions, articles and date
//! range of the articles it added, plus one row per partner with a null
//! theme holding that partner's meeting total. Runs never share an article
//! (they are deduplicated by content), so partials simply add up, and
//! `theme_counts` is rebuilt from these small files instead of re-reading
//! every meeting and topic of the dataset.

use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::dataset;
use crate::error::Error;

pub const PARTIALS: &str = "theme_partials";

/// `theme_counts` from every partials file under the given dataset roots
/// (the dataset, plus a run's staging directory); `None` when there is none.
pub fn dataset_theme_counts(roots: &[&Path]) -> Result<Option<DataFrame>, Error> {
    let mut files: Vec<PathBuf> = Vec::new();
    for root in roots {
        files.extend(dataset::parquet_files(&root.join(PARTIALS))?);
    }
    let Some(first) = files.first() else {
        return Ok(None);
    };
    let at = first.parent().unwrap_or(first).to_path_buf();
    let counts = dataset::scan(&files)
        .and_then(|p| from_partials(p).collect())
        .map_err(|e| Error::polars(&at, e))?;
    Ok(Some(counts))
}

/// The partial counts of some meetings and their topics, in no particular
/// order ([`merge`] sorts).
pub fn partials(meetings: LazyFrame, topics: LazyFrame) -> PolarsResult<LazyFrame> {
    let totals = meetings
        .clone()
        .group_by([col("partner")])
        .agg([col("meeting_id")
            .n_unique()
            .cast(DataType::Int64)
            .alias("meetings")])
        .select([
            col("partner"),
            lit(NULL).cast(DataType::String).alias("partner_type"),
            lit(NULL).cast(DataType::String).alias("theme"),
            col("meetings"),
            lit(NULL).cast(DataType::Int64).alias("mentions"),
            lit(NULL).cast(DataType::Int64).alias("articles"),
            lit(NULL).cast(DataType::Date).alias("first_date"),
            lit(NULL).cast(DataType::Date).alias("last_date"),
        ]);
    let meeting_facts = meetings.select([col("meeting_id"), col("partner_type"), col("date")]);
    let themes = topics
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
        ]);
    concat([themes, totals], UnionArgs::default())
}

/// Adds up partials of disjoint sets of articles.
pub fn merge(partials: LazyFrame) -> LazyFrame {
    partials
        .group_by([col("partner"), col("partner_type"), col("theme")])
        .agg([
            col("meetings").sum(),
            col("mentions").sum(),
            col("articles").sum(),
            col("first_date").min(),
            col("last_date").max(),
        ])
        .sort(
            ["partner", "theme", "partner_type"],
            SortMultipleOptions::default().with_nulls_last(true),
        )
}

/// SPEC's `share`: the meetings that discussed a theme over all meetings
/// with the partner (`partner_meetings`).
pub fn share() -> Expr {
    (col("meetings").cast(DataType::Float64) / col("partner_meetings").cast(DataType::Float64))
        .alias("share")
}

/// Per (partner, theme): meetings that discussed it, cue mentions, articles,
/// the share of the partner's meetings, and the first and last dates.
pub fn from_partials(partials: LazyFrame) -> LazyFrame {
    let merged = merge(partials);
    let per_partner = merged
        .clone()
        .filter(col("theme").is_null())
        .select([col("partner"), col("meetings").alias("partner_meetings")]);
    merged
        .filter(col("theme").is_not_null())
        .join(
            per_partner,
            [col("partner")],
            [col("partner")],
            JoinArgs::new(JoinType::Inner),
        )
        .with_column(share())
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
        let out = from_partials(partials(meetings, topics).unwrap())
            .collect()
            .unwrap();
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

    #[test]
    fn partials_of_disjoint_articles_add_up_to_those_of_all() {
        let meetings = df! {
            "meeting_id" => ["a-01", "a-02", "b-01", "c-01"],
            "partner" => ["Russia", "India", "Russia", "Russia"],
            "partner_type" => ["country", "country", "country", "country"],
            "date" => [Some(10i32), None, Some(20), Some(5)],
        }
        .unwrap()
        .lazy()
        .with_column(col("date").cast(DataType::Date));
        let topics = df! {
            "meeting_id" => ["a-01", "a-02", "b-01", "c-01"],
            "article_id" => ["a", "a", "b", "c"],
            "partner" => ["Russia", "India", "Russia", "Russia"],
            "theme" => ["terrorism", "drugs", "terrorism", "training"],
            "mentions" => [2i64, 1, 1, 4],
        }
        .unwrap()
        .lazy();
        // Rows `from..to` of both tables: the same meetings, in the same order.
        let part = |from: i64, to: u32| {
            let rows = |lf: &LazyFrame| lf.clone().slice(from, to - from as u32);
            partials(rows(&meetings), rows(&topics)).unwrap()
        };
        let whole = from_partials(part(0, 4)).collect().unwrap();
        let halves = concat([part(0, 2), part(2, 4)], UnionArgs::default()).unwrap();
        let added = from_partials(halves).collect().unwrap();
        assert!(whole.equals_missing(&added), "{whole}\n{added}");
        assert_eq!(whole.height(), 3);
    }
}
