//! The whole job: read → clean → segment → extract → tables → aggregate → write.

use std::path::{Path, PathBuf};

use indicatif::{ProgressBar, ProgressStyle};
use polars::prelude::*;
use rayon::prelude::*;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::lexicon::Lexicon;
use crate::read::{self, RawArticle, Reject};
use crate::tables::{self, Processed};
use crate::{aggregate, clean, extract, segment, write};

/// Runs with at least this many articles show a progress bar.
const PROGRESS_FROM: usize = 500;

#[derive(Debug)]
pub struct Summary {
    pub files: usize,
    pub articles: usize,
    pub duplicates: usize,
    pub rejects: Vec<Reject>,
    pub meetings: usize,
    pub participants: usize,
    pub topics: usize,
    pub out: PathBuf,
}

/// Cleans, segments and extracts one article.
pub fn process(raw: RawArticle, lex: &Lexicon) -> Processed {
    let digest = hex(&Sha256::digest(raw.text.as_bytes()));
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

/// `process`, with a bug on one article turned into a reject of that article
/// instead of the end of the run.
fn process_guarded(raw: RawArticle, lex: &Lexicon) -> Result<Processed, Reject> {
    let source = raw.source.clone();
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| process(raw, lex))).map_err(|_| Reject {
        source,
        line: None,
        reason: "internal error while extracting (please report this article)".into(),
    })
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Everything read and extracted from the inputs, duplicates dropped.
pub struct Extracted {
    pub files: usize,
    pub processed: Vec<Processed>,
    pub duplicates: usize,
    pub rejects: Vec<Reject>,
}

pub fn extract_inputs(inputs: &[PathBuf], lex: &Lexicon) -> Result<Extracted, Error> {
    let files = read::discover(inputs)?;
    let (mut raws, mut rejects) = (Vec::new(), Vec::new());
    for file in &files {
        read::read_file(file, &mut raws, &mut rejects)?;
    }
    tracing::info!(files = files.len(), articles = raws.len(), "read inputs");
    let bar = if raws.len() >= PROGRESS_FROM {
        ProgressBar::new(raws.len() as u64)
    } else {
        ProgressBar::hidden()
    };
    bar.set_style(
        ProgressStyle::with_template(
            "{spinner} extracting {pos}/{len} articles [{elapsed_precise}, {per_sec}, eta {eta}]",
        )
        .expect("progress template is valid"),
    );
    let outcomes: Vec<Result<Processed, Reject>> = raws
        .into_par_iter()
        .map(|raw| {
            bar.inc(1);
            process_guarded(raw, lex)
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
    // The same text under two names is one article: keep the first seen.
    let before = processed.len();
    let mut seen = std::collections::HashSet::new();
    processed.retain(|p| seen.insert(p.content_sha256.clone()));
    Ok(Extracted {
        files: files.len(),
        duplicates: before - processed.len(),
        processed,
        rejects,
    })
}

/// Reads the inputs and writes the five tables under `out`.
pub fn run(inputs: &[PathBuf], out: &Path, lex: &Lexicon) -> Result<Summary, Error> {
    let extracted = extract_inputs(inputs, lex)?;
    if extracted.processed.is_empty() {
        let names: Vec<String> = inputs.iter().map(|p| p.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "no articles found in {}",
            names.join(", ")
        )));
    }
    let built = tables::build(&extracted.processed).map_err(|e| Error::polars(out, e))?;
    let theme_counts =
        aggregate::theme_counts(built.meetings.clone().lazy(), built.topics.clone().lazy())
            .collect()
            .map_err(|e| Error::polars(out, e))?;
    let summary = Summary {
        files: extracted.files,
        articles: built.articles.height(),
        duplicates: extracted.duplicates,
        rejects: extracted.rejects,
        meetings: built.meetings.height(),
        participants: built.participants.height(),
        topics: built.topics.height(),
        out: out.to_path_buf(),
    };
    let mut all = [
        ("articles", built.articles),
        ("meetings", built.meetings),
        ("participants", built.participants),
        ("topics", built.topics),
        ("theme_counts", theme_counts),
    ];
    write::stage(out, &mut all)?.publish()?;
    Ok(summary)
}
