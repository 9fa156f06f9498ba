//! The whole job: read → clean → segment → extract → tables → aggregate → write.
//!
//! A run is incremental: articles already in the output dataset (same
//! `content_sha256`) are not extracted again; the new ones are written as new
//! part files named after the run, and `theme_counts` is recomputed from every
//! meeting of the dataset. See [`write`] for atomicity and [`lock`] for
//! concurrent runs.

use std::collections::HashSet;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use polars::prelude::*;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::config::{PartitionBy, Settings};
use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::lock::Lock;
use crate::read::{self, RawArticle, Reject};
use crate::runs::{self, Record};
use crate::tables::{self, Processed};
use crate::write::{self, FileOptions, Staging, PART_FILE};
use crate::{aggregate, clean, extract, partition, segment};

/// Runs with at least this many articles show a progress bar.
const PROGRESS_FROM: usize = 500;

/// The data tables, in the order they are published.
pub const TABLES: [&str; 4] = ["meetings", "participants", "topics", "articles"];

#[derive(Debug)]
pub struct Summary {
    pub record: Record,
    pub rejects: Vec<Reject>,
    /// The lock holder a killed run left, and what was done with its files.
    pub stale: Option<String>,
    pub recovered: Vec<write::Recovered>,
    pub out: PathBuf,
}

/// Cleans, segments and extracts one article whose SHA-256 is `digest`.
pub fn process(raw: RawArticle, digest: String, lex: &Lexicon) -> Processed {
    let cleaned = clean::clean(&raw.text, &lex.noise);
    let sentences = segment::segment(&raw.text, &cleaned);
    let extraction = extract::extract(&raw.text, &cleaned, sentences, lex, raw.published);
    Processed {
        article_id: digest[..16].to_string(),
        body_chars: cleaned.body_chars(&raw.text),
        content_sha256: digest,
        source: raw.source,
        name: raw.name,
        title: raw.title,
        published: raw.published,
        lang: raw.lang,
        text: raw.text,
        extraction,
    }
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The articles of the inputs, each with the SHA-256 of its text.
struct Inputs {
    files: usize,
    articles: Vec<(RawArticle, String)>,
    rejects: Vec<Reject>,
}

fn read_inputs(inputs: &[PathBuf]) -> Result<Inputs, Error> {
    let files = read::discover(&read::expand_globs(inputs)?)?;
    let (mut raws, mut rejects) = (Vec::new(), Vec::new());
    for file in &files {
        read::read_file(file, &mut raws, &mut rejects)?;
    }
    tracing::info!(files = files.len(), articles = raws.len(), "read inputs");
    if raws.is_empty() {
        let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "no articles found in {}",
            names.join(", ")
        )));
    }
    let articles = raws
        .into_par_iter()
        .map(|raw| {
            let digest = sha256_hex(raw.text.as_bytes());
            (raw, digest)
        })
        .collect();
    Ok(Inputs {
        files: files.len(),
        articles,
        rejects,
    })
}

/// `process` over every article on all cores; a bug on one article makes it
/// a reject instead of ending the run.
fn process_all(
    articles: Vec<(RawArticle, String)>,
    lex: &Lexicon,
    rejects: &mut Vec<Reject>,
) -> Vec<Processed> {
    let bar = if articles.len() >= PROGRESS_FROM {
        ProgressBar::new(articles.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} extracting {pos}/{len} articles [{elapsed_precise}, {per_sec}, eta {eta}]",
        )
        .expect("progress template is valid"),
    );
    let outcomes: Vec<Result<Processed, Reject>> = articles
        .into_par_iter()
        .map(|(raw, digest)| {
            bar.inc(1);
            let source = raw.source.clone();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(raw, digest, lex)))
                .map_err(|_| Reject {
                    source,
                    line: None,
                    reason: "internal error while extracting (please report this article)".into(),
                })
        })
        .collect();
    bar.finish_and_clear();
    let mut processed = Vec::with_capacity(outcomes.len());
    for outcome in outcomes {
        match outcome {
            Ok(p) => processed.push(p),
            Err(reject) => rejects.push(reject),
        }
    }
    processed
}

/// Everything read and extracted from the inputs, duplicates dropped.
pub struct Extracted {
    pub files: usize,
    pub processed: Vec<Processed>,
    pub duplicates: usize,
    pub rejects: Vec<Reject>,
}

pub fn extract_inputs(inputs: &[PathBuf], lex: &Lexicon) -> Result<Extracted, Error> {
    let inputs = read_inputs(inputs)?;
    let before = inputs.articles.len();
    let mut seen = HashSet::new();
    // The same text under two names is one article: keep the first seen.
    let articles: Vec<_> = inputs
        .articles
        .into_iter()
        .filter(|(_, digest)| seen.insert(digest.clone()))
        .collect();
    let mut rejects = inputs.rejects;
    let duplicates = before - articles.len();
    let processed = process_all(articles, lex, &mut rejects);
    Ok(Extracted {
        files: inputs.files,
        duplicates,
        processed,
        rejects,
    })
}

/// Which of the articles read this run extracts, and how many it leaves.
#[derive(Default)]
struct Selection {
    chosen: Vec<(RawArticle, String)>,
    /// Of this shard (all, unsharded).
    seen: usize,
    /// Already in the dataset, or repeated in the inputs.
    skipped: usize,
    /// In a language not listed, or beyond `limits.max_articles`.
    excluded: usize,
}

fn select(
    articles: Vec<(RawArticle, String)>,
    settings: &Settings,
    known: &HashSet<String>,
    rejects: &mut Vec<Reject>,
) -> Selection {
    let mut seen = HashSet::new();
    let mut sel = Selection::default();
    let max_articles = settings
        .limits
        .max_articles
        .map_or(usize::MAX, NonZeroUsize::get);
    for (raw, digest) in articles {
        if let Some(shard) = settings.shard {
            // The content hash is uniform, so shards get even shares, and a
            // text repeated under two names lands in one shard.
            let h = u64::from_str_radix(&digest[..16], 16).expect("hex digest");
            if h % shard.count != shard.index {
                continue;
            }
        }
        sel.seen += 1;
        if let Some(max) = settings.limits.max_article_bytes {
            if raw.text.len() > max.get() {
                rejects.push(Reject {
                    source: raw.source,
                    line: None,
                    reason: format!(
                        "{} bytes, over limits.max_article_bytes = {max}",
                        raw.text.len()
                    ),
                });
                continue;
            }
        }
        if !settings.languages.is_empty() && !settings.languages.contains(&raw.lang) {
            sel.excluded += 1;
        } else if known.contains(&digest) || !seen.insert(digest.clone()) {
            sel.skipped += 1;
        } else if sel.chosen.len() >= max_articles {
            // Left for the next run, which will find them still new.
            sel.excluded += 1;
        } else {
            sel.chosen.push((raw, digest));
        }
    }
    sel
}

/// What a run needs to know of the dataset already in the output directory.
struct Dataset {
    known: HashSet<String>,
    run_ids: Vec<String>,
}

impl Dataset {
    fn open(out: &Path, by: PartitionBy) -> Result<Dataset, Error> {
        let articles = write::parquet_files(&out.join("articles"))?;
        let known = strings(&articles, "content_sha256")?.into_iter().collect();
        let runs = write::parquet_files(&out.join("runs"))?;
        let layouts = strings(&runs, "partition_by")?;
        // A dataset from before the runs table is flat.
        let layout = match layouts.first() {
            Some(l) => l.as_str(),
            None if articles.is_empty() => by.as_str(),
            None => PartitionBy::None.as_str(),
        };
        if layout != by.as_str() {
            return Err(Error::Usage(format!(
                "{}: this dataset is partitioned by {layout}; run with --partition-by {layout} or write to a new directory",
                out.display()
            )));
        }
        Ok(Dataset {
            known,
            run_ids: strings(&runs, "run_id")?,
        })
    }
}

/// One string column of some Parquet files, read with a lazy scan.
pub fn strings(files: &[PathBuf], column: &str) -> Result<Vec<String>, Error> {
    let Some(first) = files.first() else {
        return Ok(Vec::new());
    };
    let df = write::scan(files)
        .and_then(|lf| lf.select([col(column)]).collect())
        .map_err(|e| Error::polars(first.parent().unwrap_or(first), e))?;
    let values = df
        .column(column)
        .and_then(|c| c.str())
        .map_err(|e| Error::polars(first, e))?;
    Ok(values.iter().flatten().map(str::to_string).collect())
}

/// Reads the new articles of the inputs and adds their rows to the dataset
/// in `settings.out`.
pub fn run(settings: &Settings, lex: &Lexicon) -> Result<Summary, Error> {
    let out = &settings.out;
    let lock = Lock::acquire(out, settings.shard)?;
    let recovered = write::recover(out, settings.shard)?;
    let started = runs::now_micros();
    let dataset = Dataset::open(out, settings.partition_by)?;
    let inputs = read_inputs(&settings.inputs)?;
    let mut rejects = inputs.rejects;
    let selection = select(inputs.articles, settings, &dataset.known, &mut rejects);
    let processed = process_all(selection.chosen, lex, &mut rejects);

    let config_hash = runs::config_hash(settings);
    let new: Vec<&str> = processed
        .iter()
        .map(|p| p.content_sha256.as_str())
        .collect();
    let run_id = runs::run_id(&config_hash, settings.shard, &new, &dataset.run_ids);
    let opts = FileOptions {
        compression: settings.compression,
        metadata: runs::file_metadata(&run_id),
    };
    let staging = Staging::begin(out, settings.shard)?;
    let part = format!("part-{run_id}.parquet");
    let mut rows: Vec<(&'static str, usize)> = TABLES.iter().map(|t| (*t, 0)).collect();
    if !processed.is_empty() {
        let built = tables::build(&processed).map_err(|e| Error::polars(out, e))?;
        let tables = vec![
            ("meetings", built.meetings),
            ("participants", built.participants),
            ("topics", built.topics),
            ("articles", built.articles),
        ];
        let first_run = dataset.known.is_empty();
        let pieces =
            partition::split(settings.partition_by, tables).map_err(|e| Error::polars(out, e))?;
        for (dir, mut df) in pieces {
            let count = rows
                .iter_mut()
                .find(|(t, _)| dir.starts_with(t))
                .expect("pieces belong to the tables");
            count.1 += df.height();
            // An empty file only matters to give a new table its schema.
            if df.height() > 0 || first_run {
                staging.write(&dir.join(&part), &mut df, &opts)?;
            }
        }
    }
    // Shards leave theme_counts to `entente aggregate`: each sees only part
    // of the dataset while the others run.
    let mut theme_rows = 0;
    if !processed.is_empty() && settings.shard.is_none() {
        if let Some(mut counts) = aggregate::dataset_theme_counts(&[out.as_path(), staging.dir()])?
        {
            theme_rows = counts.height();
            let path = Path::new("theme_counts").join(PART_FILE);
            staging.write(&path, &mut counts, &opts)?;
        }
    }
    rows.push(("theme_counts", theme_rows));

    if !rejects.is_empty() {
        let mut frame = tables::rejects(&run_id, &rejects).map_err(|e| Error::polars(out, e))?;
        staging.write(&Path::new("rejects").join(&part), &mut frame, &opts)?;
    }
    let mut record = Record {
        run_id: run_id.clone(),
        started,
        config_hash,
        shard: settings.shard,
        partition_by: settings.partition_by.as_str(),
        inputs_seen: inputs.files,
        articles_seen: selection.seen,
        articles_new: processed.len(),
        articles_skipped: selection.skipped,
        articles_excluded: selection.excluded,
        articles_failed: rejects.len(),
        rows,
        ..Record::default()
    };
    record.finished = runs::now_micros();
    let mut frame = record.frame().map_err(|e| Error::polars(out, e))?;
    staging.write(
        &Path::new("runs").join(format!("part-{run_id}.parquet")),
        &mut frame,
        &opts,
    )?;
    staging.publish()?;
    Ok(Summary {
        record,
        rejects,
        stale: lock.stale.clone(),
        recovered,
        out: out.clone(),
    })
}
