//! `entente check`: a dataset verified as `fsck` verifies a file system.
//!
//! It first does what the next run would: takes the lock, then finishes the
//! journal or discards the staging area a failed or killed run left, each
//! reported as a problem found. Then every Parquet file must be readable
//! and hold SPEC's columns with SPEC's types; ids must be unique; every
//! meeting, participant and topic must point at an article (and a meeting)
//! of the dataset; `theme_counts` must equal a recount from `meetings` and
//! `topics`; and the rows of `meetings` and `articles` must come from one
//! extractor (entente version and lexicon). Each problem names the file at fault.

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use polars::prelude::*;

use crate::aggregate;
use crate::dataset::lock::Lock;
use crate::dataset::staging::{recover, Recovered};
use crate::dataset::{self, guarded, parquet_files, runs, scan_naming_files};
use crate::error::{polars_cause, Error};

/// One thing wrong, and the file (or directory) at fault.
#[derive(Debug, PartialEq, Eq)]
pub struct Problem {
    pub path: PathBuf,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

#[derive(Debug, Default)]
pub struct Report {
    pub problems: Vec<Problem>,
    /// Parquet files read.
    pub files: usize,
    pub articles: usize,
    pub meetings: usize,
}

impl Report {
    fn problem(&mut self, path: &Path, message: impl Into<String>) {
        self.problems.push(Problem {
            path: path.to_path_buf(),
            message: message.into(),
        });
    }
}

use DataType::{Date, Float64, Int16, Int64, Int8, String as Str};

/// SPEC's columns of each table (extra columns are allowed), and the
/// columns entente's own tables need.
const SCHEMAS: [(&str, &[(&str, DataType)]); 7] = [
    (
        "articles",
        &[
            ("article_id", Str),
            ("source", Str),
            ("record_id", Str),
            ("url", Str),
            ("title", Str),
            ("published", Date),
            ("lang", Str),
            ("text_chars", Int64),
            ("body_chars", Int64),
            ("content_sha256", Str),
        ],
    ),
    (
        "meetings",
        &[
            ("meeting_id", Str),
            ("article_id", Str),
            ("year", Int16),
            ("month", Int8),
            ("day", Int8),
            ("date", Date),
            ("end_month", Int8),
            ("end_day", Int8),
            ("city", Str),
            ("country", Str),
            ("kind", Str),
            ("format", Str),
            ("partner", Str),
            ("partner_type", Str),
            ("evidence", Str),
            ("evidence_start", Int64),
            ("evidence_end", Int64),
        ],
    ),
    (
        "participants",
        &[
            ("meeting_id", Str),
            ("article_id", Str),
            ("name", Str),
            ("name_ascii", Str),
            ("surface", Str),
            ("role", Str),
            ("organization", Str),
            ("country", Str),
            ("side", Str),
            ("evidence_start", Int64),
            ("evidence_end", Int64),
        ],
    ),
    (
        "topics",
        &[
            ("meeting_id", Str),
            ("article_id", Str),
            ("partner", Str),
            ("theme", Str),
            ("mentions", Int64),
            ("trigger", Str),
            ("evidence_start", Int64),
            ("evidence_end", Int64),
        ],
    ),
    (
        "theme_counts",
        &[
            ("partner", Str),
            ("partner_type", Str),
            ("theme", Str),
            ("meetings", Int64),
            ("mentions", Int64),
            ("articles", Int64),
            ("share", Float64),
            ("first_date", Date),
            ("last_date", Date),
        ],
    ),
    ("runs", &[("run_id", Str), ("partition_by", Str)]),
    (
        aggregate::PARTIALS,
        &[("partner", Str), ("theme", Str), ("meetings", Int64)],
    ),
];

/// The columns [`SCHEMAS`] gives `table`.
fn spec(table: &str) -> &'static [(&'static str, DataType)] {
    SCHEMAS
        .iter()
        .find(|(t, _)| *t == table)
        .map_or(&[], |(_, columns)| columns)
}

/// The column a scan adds with each row's file.
const FILE: &str = "__file";

/// Checks the dataset in `out`, after finishing what a failed or killed
/// run left; an error only when it cannot be checked at all.
pub fn check(out: &Path) -> Result<Report, Error> {
    if !out.is_dir() {
        let missing =
            std::io::Error::new(std::io::ErrorKind::NotFound, "no such dataset directory");
        return Err(Error::io(out, missing));
    }
    let _lock = Lock::acquire(out, None)?;
    let mut report = Report::default();
    for done in recover(out, None)? {
        match done {
            Recovered::Published(dir) => report.problem(
                &dir,
                "a run stopped while publishing; its journal is now finished",
            ),
            Recovered::Discarded(dir) => report.problem(
                &dir,
                "a run stopped before publishing; its staged files are now removed",
            ),
        }
    }
    let mut tables = BTreeMap::new();
    for (table, columns) in SCHEMAS {
        tables.insert(table, readable(out, table, columns, &mut report)?);
    }
    let relations = Relations {
        tables: &tables,
        out,
    };
    relations
        .check(&mut report)
        .map_err(|e| Error::polars(out, e))?;
    Ok(report)
}

/// The files of `table` that are readable and have SPEC's columns; the
/// others are reported.
fn readable(
    out: &Path,
    table: &str,
    columns: &[(&str, DataType)],
    report: &mut Report,
) -> Result<Vec<PathBuf>, Error> {
    let mut good = Vec::new();
    for file in parquet_files(&out.join(table))? {
        report.files += 1;
        let f = std::fs::File::open(&file).map_err(|e| Error::io(&file, e))?;
        let df = match guarded(&file, || ParquetReader::new(f).finish()) {
            Ok(df) => df,
            Err(Error::Polars { source, .. }) => {
                report.problem(&file, format!("unreadable: {}", polars_cause(&source)));
                continue;
            }
            Err(e) => {
                report.problem(&file, format!("unreadable: {}", unprefixed(&e, &file)));
                continue;
            }
        };
        let schema = df.schema();
        let wrong: Vec<String> = columns
            .iter()
            .filter_map(|(name, want)| match schema.get(name) {
                None => Some(format!("no column {name}")),
                Some(got) if got != want => Some(format!("column {name} is {got}, not {want}")),
                Some(_) => None,
            })
            .collect();
        if wrong.is_empty() {
            match table {
                "articles" => report.articles += df.height(),
                "meetings" => report.meetings += df.height(),
                _ => {}
            }
            good.push(file);
        } else if wrong.len() == columns.len() {
            let why = format!("not a file of the {table} table: it has none of its columns");
            report.problem(&file, why);
        } else {
            let why = format!("not a file of the {table} table: {}", wrong.join(", "));
            report.problem(&file, why);
        }
    }
    Ok(good)
}

/// An error's message without the path it starts with.
fn unprefixed(error: &Error, path: &Path) -> String {
    let text = error.to_string();
    let prefix = format!("{}: ", path.display());
    text.strip_prefix(&prefix).unwrap_or(&text).to_string()
}

/// The checks across rows and tables, over the files that passed
/// [`readable`].
struct Relations<'a> {
    tables: &'a BTreeMap<&'static str, Vec<PathBuf>>,
    out: &'a Path,
}

/// Problems of one kind reported one a line up to this many, then counted.
const SHOWN: usize = 5;

impl Relations<'_> {
    /// SPEC's columns of a table's readable files, and each row's file.
    /// Files are scanned one by one: those of older versions lack extra
    /// columns that later ones have, which a scan of all at once refuses.
    fn scan(&self, table: &str) -> PolarsResult<Option<LazyFrame>> {
        let files = &self.tables[table];
        if files.is_empty() {
            return Ok(None);
        }
        let mut columns: Vec<Expr> = spec(table).iter().map(|(name, _)| col(*name)).collect();
        columns.push(col(FILE));
        let frames = files
            .iter()
            .map(|f| {
                Ok(scan_naming_files(std::slice::from_ref(f), Some(FILE))?.select(columns.clone()))
            })
            .collect::<PolarsResult<Vec<_>>>()?;
        concat(frames, UnionArgs::default()).map(Some)
    }

    fn check(&self, report: &mut Report) -> PolarsResult<()> {
        for (table, id) in [("articles", "article_id"), ("meetings", "meeting_id")] {
            let Some(rows) = self.scan(table)? else {
                continue;
            };
            self.duplicates(rows, id, report)?;
        }
        for (table, key, parent) in [
            ("meetings", "article_id", "articles"),
            ("participants", "meeting_id", "meetings"),
            ("topics", "meeting_id", "meetings"),
        ] {
            if let (Some(rows), Some(parents)) = (self.scan(table)?, self.scan(parent)?) {
                self.orphans(rows, key, parents, parent, report)?;
            }
        }
        self.theme_counts(report)?;
        for table in ["articles", "meetings"] {
            self.extractors(table, report)?;
        }
        Ok(())
    }

    /// Reports a table whose rows come from more than one extractor (an
    /// entente version and a lexicon).
    fn extractors(&self, table: &str, report: &mut Report) -> PolarsResult<()> {
        let mut found = std::collections::BTreeSet::new();
        for file in &self.tables[table] {
            let has_columns =
                dataset::schema(file).is_ok_and(|s| runs::EXTRACTOR.iter().all(|c| s.contains(c)));
            if !has_columns {
                found.insert("an entente that did not record it".to_string());
                continue;
            }
            let pairs = dataset::scan(std::slice::from_ref(file))?
                .select(runs::EXTRACTOR.map(col))
                .unique(None, Default::default())
                .collect()?;
            let versions = pairs.column(runs::EXTRACTOR[0])?.str()?;
            let hashes = pairs.column(runs::EXTRACTOR[1])?.str()?;
            for (v, h) in versions.iter().zip(hashes.iter()) {
                let (v, h) = (v.unwrap_or_default(), h.unwrap_or_default());
                found.insert(format!("entente {v} with lexicon {h}"));
            }
        }
        if found.len() > 1 {
            let all: Vec<String> = found.into_iter().collect();
            report.problem(
                &self.out.join(table),
                format!(
                    "rows from {} extractors ({}); `entente run --reextract` extracts them all again with one",
                    all.len(),
                    all.join("; ")
                ),
            );
        }
        Ok(())
    }

    /// Reports the ids that appear more than once.
    fn duplicates(&self, rows: LazyFrame, id: &str, report: &mut Report) -> PolarsResult<()> {
        let counted = rows
            .select([col(id), col(FILE)])
            .group_by([col(id)])
            .agg([
                len().alias("n"),
                col(FILE).unique().sort(Default::default()),
            ])
            .filter(col("n").gt(lit(1)))
            .sort([id], Default::default())
            .collect()?;
        let ids = counted.column(id)?.str()?;
        let n = counted.column("n")?.u32()?;
        let files = counted.column(FILE)?.list()?;
        for i in 0..counted.height().min(SHOWN) {
            let in_files = files.get_as_series(i).expect("a list per id");
            let in_files: Vec<&str> = in_files.str()?.iter().flatten().collect();
            report.problem(
                Path::new(in_files[0]),
                format!(
                    "{id} {} appears {} times (in {})",
                    ids.get(i).unwrap_or_default(),
                    n.get(i).unwrap_or_default(),
                    in_files.join(", ")
                ),
            );
        }
        self.more(counted.height(), &format!("duplicated {id}s"), report);
        Ok(())
    }

    /// Reports rows whose `key` names no row of `parent`.
    fn orphans(
        &self,
        rows: LazyFrame,
        key: &str,
        parents: LazyFrame,
        parent: &str,
        report: &mut Report,
    ) -> PolarsResult<()> {
        // A left join and a marker: polars' anti join is a feature not built.
        let present = parents
            .select([col(key), lit(true).alias("__present")])
            .unique(None, Default::default());
        let lost = rows
            .select([col(key), col(FILE)])
            .join(
                present,
                [col(key)],
                [col(key)],
                JoinArgs::new(JoinType::Left),
            )
            .filter(col("__present").is_null())
            .select([col(key), col(FILE)])
            .unique(None, Default::default())
            .sort([FILE, key], Default::default())
            .collect()?;
        let keys = lost.column(key)?.str()?;
        let files = lost.column(FILE)?.str()?;
        for i in 0..lost.height().min(SHOWN) {
            report.problem(
                Path::new(files.get(i).unwrap_or_default()),
                format!(
                    "{key} {} is not in {parent}",
                    keys.get(i).unwrap_or_default()
                ),
            );
        }
        self.more(
            lost.height(),
            &format!("{key}s missing from {parent}"),
            report,
        );
        Ok(())
    }

    /// Compares `theme_counts` with a recount from `meetings` and `topics`.
    fn theme_counts(&self, report: &mut Report) -> PolarsResult<()> {
        let (Some(meetings), Some(topics)) = (self.scan("meetings")?, self.scan("topics")?) else {
            return Ok(());
        };
        let order = ["partner", "theme"];
        let columns: Vec<Expr> = spec("theme_counts")
            .iter()
            .map(|(name, _)| col(*name))
            .collect();
        let recount = aggregate::from_partials(aggregate::partials(meetings, topics)?)
            .select(columns.clone())
            .sort(order, Default::default())
            .collect()?;
        let counts_dir = self.out.join("theme_counts");
        let stored = match self.scan("theme_counts")? {
            Some(rows) => rows
                .select(columns)
                .sort(order, Default::default())
                .collect()?,
            None if recount.height() == 0 => return Ok(()),
            None => {
                report.problem(
                    &counts_dir,
                    "no theme_counts for the meetings' themes (run `entente aggregate`)",
                );
                return Ok(());
            }
        };
        if !stored.equals_missing(&recount) {
            report.problem(
                &self.tables["theme_counts"][0],
                format!(
                    "differs from a recount of meetings and topics ({} rows stored, {} recounted; `entente aggregate` rewrites it)",
                    stored.height(),
                    recount.height()
                ),
            );
        }
        Ok(())
    }

    fn more(&self, found: usize, what: &str, report: &mut Report) {
        if found > SHOWN {
            report.problem(self.out, format!("and {} more {what}", found - SHOWN));
        }
    }
}
