//! The whole job: read → clean → segment → extract → tables → aggregate → write.
//!
//! A run streams its inputs in bounded batches, and is incremental: articles
//! already in the output dataset (same `content_sha256`) are not extracted
//! again; the new ones are written as new part files named after the run,
//! and `theme_counts` is rebuilt from every run's partial counts. See
//! [`write`] for atomicity and [`lock`] for concurrent runs.

use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use polars::prelude::*;
use rayon::prelude::*;

use crate::config::{Limits, PartitionBy, Settings, Shard};
use crate::dataset::keys::{digest_key, Keys};
use crate::dataset::lock::Lock;
use crate::dataset::runs::{self, Record};
use crate::dataset::staging::{self, Recovered, Staging};
use crate::dataset::{self, partition, stored, Dataset, PART_FILE, TABLES};
use crate::error::Error;
use crate::fold::Folded;
use crate::lexicon::Lexicons;
use crate::read::{self, Item, RawArticle, Reject, Source};
use crate::tables::{self, Processed};
use crate::write::{write_parquet, FileOptions, PartWriters};
use crate::{aggregate, clean, extract, segment};

pub use crate::dataset::keys::sha256_hex;

#[derive(Debug)]
pub struct Summary {
    pub record: Record,
    pub rejects: Vec<Reject>,
    /// The lock holder a killed run left, and what was done with its files.
    pub stale: Option<String>,
    pub recovered: Vec<Recovered>,
    pub out: PathBuf,
}

/// Cleans, segments and extracts one article whose SHA-256 is `digest`.
pub fn process(raw: RawArticle, digest: String, lexicons: &Lexicons) -> Processed {
    let lex = lexicons.for_text(raw.lang.as_deref(), &raw.text);
    let (input_published, input_lang) = (raw.published, raw.lang);
    let folded = Folded::new(&raw.text);
    let cleaned = clean::clean(&raw.text, &folded, lex, raw.title_in_text);
    let published = raw.published.or(cleaned.stamp);
    let sentences = segment::segment(&raw.text, &cleaned, &lex.grammar.abbreviations);
    let extraction = extract::extract(&raw.text, folded, &cleaned, sentences, lex, published);
    Processed {
        article_id: digest[..16].to_string(),
        body_chars: cleaned.body_chars(&raw.text),
        content_sha256: digest,
        source: raw.source,
        name: raw.name,
        url: raw.url,
        title: raw.title,
        published,
        lang: lex.lang.clone(),
        text: raw.text,
        input_published,
        input_lang,
        title_in_text: raw.title_in_text,
        extraction,
    }
}

/// A batch closes once it holds this many articles or this many bytes of
/// text, whichever comes first: enough to keep every core busy, and small
/// so that a run over millions of articles holds no more in memory than one
/// over ten thousand (whose batches are about this size: see
/// `batch_limits`). Larger batches cost memory for little speed
/// (docs/benchmarks.md).
const BATCH_ARTICLES: usize = 4096;
const BATCH_BYTES: usize = 2 << 20;

/// The batch limits for a run over `total` bytes of input: a small run is
/// cut in several batches too, so reading, extracting and writing overlap.
fn batch_limits(total: u64) -> (usize, usize) {
    let bytes = usize::try_from(total / 8).unwrap_or(usize::MAX);
    (BATCH_ARTICLES, bytes.clamp(64 << 10, BATCH_BYTES))
}

/// Input sizes (bytes) from which a run shows a progress bar.
const PROGRESS_FROM: u64 = 1 << 20;

/// The input files, each with its size in bytes.
fn input_files(inputs: &[PathBuf]) -> Result<Vec<(PathBuf, u64)>, Error> {
    sized(read::discover(&read::expand_globs(inputs)?)?)
}

fn no_articles(inputs: &[PathBuf]) -> Error {
    let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
    Error::Usage(format!("no articles found in {}", names.join(", ")))
}

/// Articles read, and what the files could not give.
struct Batch {
    articles: Vec<RawArticle>,
    rejects: Vec<Reject>,
    /// Bytes of input read, for the progress bar.
    bytes: u64,
}

/// Collects what the reader reads into batches within the batch limits.
struct Batcher {
    max_articles: usize,
    max_bytes: usize,
    next: Batch,
    text_bytes: usize,
}

impl Batcher {
    fn new((max_articles, max_bytes): (usize, usize)) -> Self {
        Batcher {
            max_articles,
            max_bytes,
            next: Batch {
                articles: Vec::new(),
                rejects: Vec::new(),
                bytes: 0,
            },
            text_bytes: 0,
        }
    }

    /// Adds an article; gives the batch that closes, if one does. A batch
    /// stops before the article that would take it over the byte limit,
    /// and holds at least one article.
    fn push(&mut self, article: RawArticle) -> Option<Batch> {
        let over =
            !self.next.articles.is_empty() && self.text_bytes + article.text.len() > self.max_bytes;
        let closed = if over { self.take() } else { None };
        self.text_bytes += article.text.len();
        self.next.articles.push(article);
        closed.or_else(|| {
            (self.next.articles.len() >= self.max_articles).then(|| self.take().expect("not empty"))
        })
    }

    fn reject(&mut self, reject: Reject) {
        self.next.rejects.push(reject);
    }

    fn read(&mut self, bytes: u64) {
        self.next.bytes += bytes;
    }

    /// The batch so far, if it holds anything.
    fn take(&mut self) -> Option<Batch> {
        let next = &self.next;
        if next.articles.is_empty() && next.rejects.is_empty() && next.bytes == 0 {
            return None;
        }
        let empty = Batch {
            articles: Vec::with_capacity(next.articles.len()),
            rejects: Vec::new(),
            bytes: 0,
        };
        self.text_bytes = 0;
        Some(std::mem::replace(&mut self.next, empty))
    }
}

/// Opens a file of articles: an input file, or a file of a dataset's
/// `articles` table.
type Open = for<'a> fn(&'a Path) -> Result<Box<dyn Source + 'a>, Error>;

/// Reads `files` on a thread of its own, one batch ahead of `each`, which
/// gets the batches in file order.
fn stream(
    files: &[(PathBuf, u64)],
    open: Open,
    mut each: impl FnMut(Batch) -> Result<(), Error>,
) -> Result<(), Error> {
    let total: u64 = files.iter().map(|(_, n)| n).sum();
    let bar = if total >= PROGRESS_FROM {
        ProgressBar::new(total)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} {bytes}/{total_bytes} read, {msg} articles [{elapsed_precise}, {binary_bytes_per_sec}, eta {eta}]",
        )
        .expect("progress template is valid"),
    );
    let (tx, rx) = std::sync::mpsc::sync_channel::<Result<Batch, Error>>(0);
    let result = std::thread::scope(|scope| {
        scope.spawn(move || {
            let mut batcher = Batcher::new(batch_limits(total));
            // A closed channel means the consumer stopped on an error.
            let send = |batch| tx.send(batch).is_ok();
            for (file, size) in files {
                let mut articles = match open(file) {
                    Ok(articles) => articles,
                    Err(e) => return send(Err(e)),
                };
                // Progress within a file goes by the bytes read; the rest of
                // the file's size is counted at its end.
                let mut counted = 0;
                while let Some(item) = articles.next() {
                    let read = articles.bytes_read().min(*size);
                    batcher.read(read - counted);
                    counted = read;
                    match item {
                        Ok(Item::Article(article)) => {
                            if let Some(batch) = batcher.push(article) {
                                if !send(Ok(batch)) {
                                    return false;
                                }
                            }
                        }
                        Ok(Item::Reject(reject)) => batcher.reject(reject),
                        Err(e) => return send(Err(e)),
                    }
                }
                batcher.read(*size - counted);
            }
            batcher.take().is_none_or(|batch| send(Ok(batch)))
        });
        let mut articles = 0;
        for batch in rx {
            let batch = batch?;
            articles += batch.articles.len();
            bar.inc(batch.bytes);
            bar.set_message(articles.to_string());
            each(batch)?;
        }
        Ok(())
    });
    bar.finish_and_clear();
    result
}

impl Batch {
    /// The articles, each with the SHA-256 of its text.
    fn digested(self) -> Vec<(RawArticle, String)> {
        self.articles
            .into_par_iter()
            .map(|raw| {
                let digest = sha256_hex(raw.text.as_bytes());
                (raw, digest)
            })
            .collect()
    }
}

/// `process` over every article on all cores; a bug on one article makes it
/// a reject instead of ending the run.
fn process_all(
    articles: Vec<(RawArticle, String)>,
    lex: &Lexicons,
    rejects: &mut Vec<Reject>,
) -> Vec<Processed> {
    let outcomes: Vec<Result<Processed, Reject>> = articles
        .into_par_iter()
        .map(|(raw, digest)| {
            let source = raw.source.clone();
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(raw, digest, lex)))
                .map_err(|_| Reject {
                    source,
                    line: None,
                    reason: "internal error while extracting (please report this article)".into(),
                })
        })
        .collect();
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

/// Reads and extracts every article of the inputs, in memory (for `eval`
/// and tests; `run` streams).
pub fn extract_inputs(inputs: &[PathBuf], lex: &Lexicons) -> Result<Extracted, Error> {
    let files = input_files(inputs)?;
    let known = Keys::default();
    let mut selector = Selector::new(None, &[], &Limits::default(), &known);
    let (mut processed, mut rejects) = (Vec::new(), Vec::new());
    stream(&files, read::open_file, |batch| {
        processed.extend(selector.extract(batch, lex, &mut rejects));
        Ok(())
    })?;
    if selector.seen == 0 {
        return Err(no_articles(inputs));
    }
    Ok(Extracted {
        files: files.len(),
        duplicates: selector.skipped,
        processed,
        rejects,
    })
}

/// Chooses, batch after batch, the articles a run extracts, and counts the
/// ones it leaves.
struct Selector<'a> {
    shard: Option<Shard>,
    languages: &'a [String],
    max_bytes: Option<NonZeroUsize>,
    max_articles: usize,
    /// Already in the dataset.
    known: &'a Keys,
    /// Read earlier in this run.
    read: Keys,
    chosen: usize,
    /// Of this shard (all, unsharded).
    seen: usize,
    /// Already in the dataset, or repeated in the inputs.
    skipped: usize,
    /// In a language not listed, or beyond `limits.max_articles`.
    excluded: usize,
}

impl<'a> Selector<'a> {
    fn new(
        shard: Option<Shard>,
        languages: &'a [String],
        limits: &Limits,
        known: &'a Keys,
    ) -> Self {
        Selector {
            shard,
            languages,
            max_bytes: limits.max_article_bytes,
            max_articles: limits.max_articles.map_or(usize::MAX, NonZeroUsize::get),
            known,
            read: Keys::default(),
            chosen: 0,
            seen: 0,
            skipped: 0,
            excluded: 0,
        }
    }

    /// The batch's rejects, and its chosen articles extracted.
    fn extract(
        &mut self,
        mut batch: Batch,
        lex: &Lexicons,
        rejects: &mut Vec<Reject>,
    ) -> Vec<Processed> {
        rejects.append(&mut batch.rejects);
        let chosen = self.take(batch.digested(), lex, rejects);
        process_all(chosen, lex, rejects)
    }

    fn take(
        &mut self,
        articles: Vec<(RawArticle, String)>,
        lexicons: &Lexicons,
        rejects: &mut Vec<Reject>,
    ) -> Vec<(RawArticle, String)> {
        let mut chosen = Vec::with_capacity(articles.len());
        for (mut raw, digest) in articles {
            let key = digest_key(&digest);
            if let Some(shard) = self.shard {
                // The content hash is uniform, so shards get even shares, and
                // a text repeated under two names lands in one shard.
                if key % shard.count != shard.index {
                    continue;
                }
            }
            self.seen += 1;
            if let Some(max) = self.max_bytes {
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
            // The language is recognised once: `process` reads it from `lang`.
            if !self.languages.is_empty() {
                let lang = &lexicons.for_text(raw.lang.as_deref(), &raw.text).lang;
                raw.lang = Some(lang.clone());
            }
            let listed = raw
                .lang
                .as_ref()
                .is_some_and(|l| self.languages.contains(l));
            if !self.languages.is_empty() && !listed {
                self.excluded += 1;
            } else if self.known.contains(key) || !self.read.insert(key) {
                self.skipped += 1;
            } else if self.chosen >= self.max_articles {
                // Left for the next run, which will find them still new.
                self.excluded += 1;
            } else {
                self.chosen += 1;
                chosen.push((raw, digest));
            }
        }
        chosen
    }
}

/// Reads the new articles of the inputs and adds their rows to the dataset
/// in `settings.out`, batch by batch.
pub fn run(settings: &Settings, lex: &Lexicons) -> Result<Summary, Error> {
    let out = &settings.out;
    let lock = Lock::acquire(out, settings.shard)?;
    let recovered = staging::recover(out, settings.shard)?;
    let started = runs::now_micros();
    let mut dataset = Dataset::open(out, settings.partition_by)?;
    let (files, open): (_, Open) = if settings.reextract {
        // Every stored article is new to the tables that replace the old.
        dataset.known = Keys::default();
        (
            sized(dataset::parquet_files(&out.join("articles"))?)?,
            stored::open,
        )
    } else {
        (input_files(&settings.inputs)?, read::open_file)
    };
    let (config_hash, run_id) = identify_run(settings, &files, &dataset);
    let opts = FileOptions {
        compression: settings.compression,
        metadata: runs::file_metadata(&run_id),
    };
    let staging = Staging::begin(out, settings.shard)?;
    let stem = format!("part-{run_id}");
    let part = format!("{stem}.parquet");
    let sink = Sink {
        out,
        by: settings.partition_by,
        lexicon_hash: &settings.lexicon_hash,
        writers: PartWriters::new(staging.dir(), stem, &opts),
        rows: TABLES.iter().map(|t| (*t, 0)).collect(),
        partials: None,
    };
    let mut selector = Selector::new(
        settings.shard,
        &settings.languages,
        &settings.limits,
        &dataset.known,
    );
    let mut rejects = Vec::new();
    let (sink, read, new) = extract_into(&files, open, &mut selector, sink, lex, &mut rejects)?;
    if read == 0 {
        return Err(if settings.reextract {
            no_articles(&[out.join("articles")])
        } else {
            no_articles(&settings.inputs)
        });
    }
    let (mut rows, partials) = sink.finish(dataset.known.is_empty() && new > 0)?;
    let theme_rows = match partials {
        Some(partials) => write_theme_counts(settings, &staging, partials, &part, &opts)?,
        None => 0,
    };
    rows.push(("theme_counts", theme_rows));
    if !rejects.is_empty() {
        let mut frame = tables::rejects(&run_id, &rejects).map_err(|e| Error::polars(out, e))?;
        write_parquet(
            &staging.path(&Path::new("rejects").join(&part)),
            &mut frame,
            &opts,
        )?;
    }
    let mut record = Record {
        run_id: run_id.clone(),
        started,
        config_hash,
        shard: settings.shard,
        partition_by: settings.partition_by.as_str(),
        inputs_seen: files.len(),
        articles_seen: selector.seen,
        articles_new: new,
        articles_skipped: selector.skipped,
        articles_excluded: selector.excluded,
        articles_failed: rejects.len(),
        rows,
        ..Record::default()
    };
    record.finished = runs::now_micros();
    let mut frame = record.frame().map_err(|e| Error::polars(out, e))?;
    write_parquet(
        &staging.path(&Path::new("runs").join(&part)),
        &mut frame,
        &opts,
    )?;
    let replaced = if settings.reextract {
        replaced_files(out, staging.dir())?
    } else {
        Vec::new()
    };
    staging.publish(replaced)?;
    Ok(Summary {
        record,
        rejects,
        stale: lock.stale.clone(),
        recovered,
        out: out.clone(),
    })
}

/// The files a re-extraction replaces: every file of the tables made from
/// the articles (`runs` and `rejects` keep their history), except those the
/// staged files overwrite.
fn replaced_files(out: &Path, staged: &Path) -> Result<Vec<PathBuf>, Error> {
    let mut replaced = Vec::new();
    for table in TABLES.iter().chain(&[aggregate::PARTIALS, "theme_counts"]) {
        for file in dataset::parquet_files(&out.join(table))? {
            let relative = file.strip_prefix(out).expect("under out").to_path_buf();
            if !staged.join(&relative).exists() {
                replaced.push(relative);
            }
        }
    }
    Ok(replaced)
}

/// Files, each with its size in bytes.
fn sized(files: Vec<PathBuf>) -> Result<Vec<(PathBuf, u64)>, Error> {
    files
        .into_iter()
        .map(|f| {
            let size = std::fs::metadata(&f).map_err(|e| Error::io(&f, e))?.len();
            Ok((f, size))
        })
        .collect()
}

/// The run's configuration hash and its id, derived (not drawn) from the
/// configuration, the shard, the input files and the runs already there.
fn identify_run(
    settings: &Settings,
    files: &[(PathBuf, u64)],
    dataset: &Dataset,
) -> (String, String) {
    let config_hash = runs::config_hash(settings);
    let fingerprints: Vec<String> = files
        .iter()
        .map(|(f, size)| format!("{}\t{size}", f.display()))
        .collect();
    let run_id = runs::run_id(
        &config_hash,
        settings.shard,
        &fingerprints,
        &dataset.run_ids,
    );
    (config_hash, run_id)
}

/// Reads and extracts the inputs batch by batch into `sink`; the articles
/// read and those extracted as new.
fn extract_into<'r>(
    files: &[(PathBuf, u64)],
    open: Open,
    selector: &mut Selector,
    sink: Sink<'r>,
    lex: &Lexicons,
    rejects: &mut Vec<Reject>,
) -> Result<(Sink<'r>, usize, usize), Error> {
    let (mut read, mut new) = (0, 0);
    // Tables are built and written on a thread of their own, behind
    // extraction, with room for one batch waiting, so that extraction goes
    // on while the writer finishes a slower batch (one batch more in memory).
    let (tx, rx) = std::sync::mpsc::sync_channel::<Vec<Processed>>(1);
    let (streamed, sunk) = std::thread::scope(|scope| {
        let writer = scope.spawn(move || {
            let mut sink = sink;
            for processed in rx {
                sink.take(processed)?;
            }
            Ok::<_, Error>(sink)
        });
        let streamed = stream(files, open, |batch| {
            read += batch.articles.len();
            let processed = selector.extract(batch, lex, rejects);
            new += processed.len();
            if processed.is_empty() {
                return Ok(());
            }
            // A closed channel means the writer failed: its error is the one reported.
            tx.send(processed)
                .map_err(|_| Error::Usage("the writer stopped".into()))
        });
        drop(tx);
        let sunk = writer
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (streamed, sunk)
    });
    let sink = sunk?;
    streamed?;
    Ok((sink, read, new))
}

/// Stages the run's partial theme counts and, unsharded, the dataset's new
/// `theme_counts`; the rows of the latter.
fn write_theme_counts(
    settings: &Settings,
    staging: &Staging,
    mut partials: DataFrame,
    part: &str,
    opts: &FileOptions,
) -> Result<usize, Error> {
    let path = Path::new(aggregate::PARTIALS).join(part);
    write_parquet(&staging.path(&path), &mut partials, opts)?;
    // Shards leave theme_counts to `entente aggregate`: each sees only
    // part of the dataset while the others run.
    if settings.shard.is_some() {
        return Ok(0);
    }
    // A re-extraction's partials replace all the dataset's.
    let roots: &[&Path] = if settings.reextract {
        &[staging.dir()]
    } else {
        &[settings.out.as_path(), staging.dir()]
    };
    let Some(mut counts) = aggregate::dataset_theme_counts(roots)? else {
        return Ok(0);
    };
    let path = Path::new("theme_counts").join(PART_FILE);
    write_parquet(&staging.path(&path), &mut counts, opts)?;
    Ok(counts.height())
}

/// Rows written, per table.
type RowCounts = Vec<(&'static str, usize)>;

/// The writing end of a run: tables built from extracted batches, appended
/// to the run's part files, and the run's partial theme counts.
struct Sink<'r> {
    out: &'r Path,
    by: PartitionBy,
    /// Stamped on `articles` and `meetings` with the entente version.
    lexicon_hash: &'r str,
    writers: PartWriters<'r>,
    rows: RowCounts,
    partials: Option<DataFrame>,
}

impl Sink<'_> {
    fn take(&mut self, processed: Vec<Processed>) -> Result<(), Error> {
        let out = self.out;
        let built = self.build(&processed)?;
        drop(processed); // The tables hold copies; free the batch before encoding them.
        self.partials = Some(
            add_partials(self.partials.take(), &built.meetings, &built.topics)
                .map_err(|e| Error::polars(out, e))?,
        );
        for (dir, df) in self.pieces(built)? {
            let count = self
                .rows
                .iter_mut()
                .find(|(t, _)| dir.starts_with(t))
                .expect("pieces belong to the tables");
            count.1 += df.height();
            if df.height() > 0 {
                self.writers.append(&dir, df)?;
            }
        }
        Ok(())
    }

    /// The tables of some articles, their extractor stamped.
    fn build(&self, processed: &[Processed]) -> Result<tables::Tables, Error> {
        let stamped = || {
            let mut built = tables::build(processed)?;
            runs::stamp_extractor(&mut built.articles, self.lexicon_hash)?;
            runs::stamp_extractor(&mut built.meetings, self.lexicon_hash)?;
            Ok(built)
        };
        stamped().map_err(|e| Error::polars(self.out, e))
    }

    /// The tables cut into the run's partition directories.
    fn pieces(&self, tables: tables::Tables) -> Result<Vec<(PathBuf, DataFrame)>, Error> {
        partition::split(self.by, tables.named()).map_err(|e| Error::polars(self.out, e))
    }

    /// Closes the part files; `schemas` gives every table this run wrote no
    /// row to a file anyway, for its schema (a new dataset needs them all).
    fn finish(mut self, schemas: bool) -> Result<(RowCounts, Option<DataFrame>), Error> {
        if schemas {
            let empty = self.build(&[])?;
            for (dir, df) in self.pieces(empty)? {
                if !self.writers.is_open(&dir) {
                    self.writers.append(&dir, df)?;
                }
            }
        }
        self.writers.finish()?;
        Ok((self.rows, self.partials))
    }
}

/// The run's partial theme counts so far, with those of one more batch.
fn add_partials(
    so_far: Option<DataFrame>,
    meetings: &DataFrame,
    topics: &DataFrame,
) -> PolarsResult<DataFrame> {
    let batch = aggregate::partials(meetings.clone().lazy(), topics.clone().lazy())?;
    let frames: Vec<LazyFrame> = so_far
        .map(DataFrame::lazy)
        .into_iter()
        .chain([batch])
        .collect();
    aggregate::merge(concat(frames, UnionArgs::default())?).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(bytes: usize) -> RawArticle {
        RawArticle {
            source: String::new(),
            name: String::new(),
            url: None,
            title: String::new(),
            title_in_text: true,
            published: None,
            lang: None,
            text: "x".repeat(bytes),
        }
    }

    /// The sizes of the batches `sizes` make, in articles.
    fn batches(limits: (usize, usize), sizes: &[usize]) -> Vec<usize> {
        let mut batcher = Batcher::new(limits);
        let mut closed: Vec<Batch> = sizes
            .iter()
            .filter_map(|&n| batcher.push(article(n)))
            .collect();
        closed.extend(batcher.take());
        closed.iter().map(|b| b.articles.len()).collect()
    }

    #[test]
    fn a_batch_stops_at_its_article_or_byte_limit() {
        assert_eq!(batches((4, 1000), &[10; 7]), [4, 3]);
        assert_eq!(batches((100, 35), &[10; 7]), [3, 3, 1]);
        assert_eq!(batches((100, 1000), &[10; 2]), [2]);
        assert_eq!(
            batches((100, 35), &[500, 10]),
            [1, 1],
            "an article over the byte limit still makes a batch"
        );
        assert!(
            Batcher::new((4, 1000)).take().is_none(),
            "nothing read, no batch"
        );
    }

    #[test]
    fn small_runs_are_cut_in_several_batches() {
        assert_eq!(batch_limits(2_000_000), (BATCH_ARTICLES, 250_000));
        assert_eq!(batch_limits(1_000).1, 64 << 10);
        assert_eq!(batch_limits(u64::MAX).1, BATCH_BYTES);
    }
}
