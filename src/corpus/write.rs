//! Writing a corpus: chunks of articles generated in parallel, each streamed
//! to its own text, JSON Lines and gold files.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;

use super::gold::write_gold;
use super::{Article, Generator};
use crate::error::Error;

/// Articles from which text files go into one sub-directory (`txt/00012/`).
pub const TXT_PER_DIR: u64 = 1000;

/// What `write_corpus` writes.
pub struct Options {
    pub articles: u64,
    pub seed: u64,
    pub out: PathBuf,
    pub txt: bool,
    pub jsonl: bool,
    /// Articles per JSON Lines file.
    pub per_file: u64,
    /// Gold files for the first N articles.
    pub gold: u64,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub articles: u64,
    pub files: u64,
    /// Bytes written, all files together.
    pub bytes: u64,
    /// Bytes of article text, each article counted once.
    pub text_bytes: u64,
}

impl std::ops::Add for Summary {
    type Output = Summary;
    fn add(self, o: Summary) -> Summary {
        Summary {
            articles: self.articles + o.articles,
            files: self.files + o.files,
            bytes: self.bytes + o.bytes,
            text_bytes: self.text_bytes + o.text_bytes,
        }
    }
}

/// The name of article `i`'s text file, relative to the corpus directory.
pub fn txt_path(i: u64) -> PathBuf {
    Path::new("txt")
        .join(format!("{:05}", i / TXT_PER_DIR))
        .join(format!("{i:09}.txt"))
}

/// The JSON Lines file holding chunk `c`, relative to the corpus directory.
pub fn jsonl_path(c: u64) -> PathBuf {
    Path::new("jsonl").join(format!("part-{c:05}.jsonl"))
}

/// The record id of article `i` in JSON Lines.
pub fn record_id(i: u64) -> String {
    format!("gen-{i:09}")
}

#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    url: &'a str,
    title: &'a str,
    published: &'a str,
    lang: &'a str,
    text: &'a str,
}

/// Writes a corpus into `opts.out`, which must be new or empty: chunks of
/// `per_file` articles are generated in parallel, each streamed to its own
/// files, so memory stays bounded whatever the corpus size. With several
/// generators (one per language), articles take them in turn.
pub fn write_corpus(gens: &[Generator], opts: &Options) -> Result<Summary, Error> {
    if gens.is_empty() {
        return Err(Error::Usage("gen-corpus: no language to write".into()));
    }
    let out = &opts.out;
    if let Ok(mut entries) = std::fs::read_dir(out) {
        if entries.next().is_some() {
            return Err(Error::Usage(format!(
                "{}: directory is not empty (gen-corpus writes into a new or empty directory)",
                out.display()
            )));
        }
    }
    let per_file = opts.per_file.max(1);
    let mut dirs = Vec::new();
    if opts.jsonl {
        dirs.push(out.join("jsonl"));
    }
    if opts.gold > 0 {
        if opts.txt {
            dirs.push(out.join("gold").join("txt"));
        }
        if opts.jsonl {
            dirs.push(out.join("gold").join("jsonl"));
        }
    }
    dirs.push(out.to_path_buf());
    for d in &dirs {
        std::fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
    }
    let chunks = opts.articles.div_ceil(per_file);
    let parts: Vec<Summary> = (0..chunks)
        .into_par_iter()
        .map(|c| {
            let start = c * per_file;
            let end = (start + per_file).min(opts.articles);
            write_chunk(gens, opts, c, start..end)
        })
        .collect::<Result<_, Error>>()?;
    Ok(parts.into_iter().fold(Summary::default(), |a, b| a + b))
}

/// The generator of article `i`: languages alternate, from one the seed picks.
fn generator_of(gens: &[Generator], seed: u64, i: u64) -> &Generator {
    &gens[(seed.wrapping_add(i) % gens.len() as u64) as usize]
}

fn write_chunk(
    gens: &[Generator],
    opts: &Options,
    chunk: u64,
    range: std::ops::Range<u64>,
) -> Result<Summary, Error> {
    let out = &opts.out;
    let mut sum = Summary::default();
    let mut jsonl = match opts.jsonl {
        true => {
            let path = out.join(jsonl_path(chunk));
            let file = File::create(&path).map_err(|e| Error::io(&path, e))?;
            sum.files += 1;
            Some((path, BufWriter::with_capacity(1 << 20, file)))
        }
        false => None,
    };
    let mut line = Vec::with_capacity(8192);
    for i in range {
        let a = generator_of(gens, opts.seed, i).article(opts.seed, i);
        sum.articles += 1;
        sum.text_bytes += a.text.len() as u64;
        if opts.txt {
            write_txt(out, &a, sum.articles == 1, &mut sum)?;
        }
        if let Some((path, w)) = &mut jsonl {
            record_line(opts.seed, &a, &mut line);
            w.write_all(&line).map_err(|e| Error::io(path, e))?;
            sum.bytes += line.len() as u64;
        }
        if a.index < opts.gold {
            write_golds(opts, &a, &mut sum)?;
        }
    }
    if let Some((path, mut w)) = jsonl {
        w.flush().map_err(|e| Error::io(&path, e))?;
    }
    Ok(sum)
}

/// The article's text file, its directory made when it is the first there.
fn write_txt(out: &Path, a: &Article, first: bool, sum: &mut Summary) -> Result<(), Error> {
    let path = out.join(txt_path(a.index));
    if a.index.is_multiple_of(TXT_PER_DIR) || first {
        let dir = path.parent().expect("txt_path has a directory");
        std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
    }
    // One write of the whole article: a BufWriter would add a copy.
    std::fs::write(&path, &a.text).map_err(|e| Error::io(&path, e))?;
    sum.files += 1;
    sum.bytes += a.text.len() as u64;
    Ok(())
}

/// The article as one JSON Lines record, newline included, into `line`.
fn record_line(seed: u64, a: &Article, line: &mut Vec<u8>) {
    let id = record_id(a.index);
    let url = format!("https://example.org/entente-gen/{seed}/{id}");
    let published = a.published.format("%Y-%m-%d").to_string();
    line.clear();
    let record = Record {
        id: &id,
        url: &url,
        title: &a.title,
        published: &published,
        lang: &a.lang,
        text: &a.text,
    };
    serde_json::to_writer(&mut *line, &record).expect("a record serialises");
    line.push(b'\n');
}

/// The article's gold files, one per input format written.
fn write_golds(opts: &Options, a: &Article, sum: &mut Summary) -> Result<(), Error> {
    let i = a.index;
    let gold = opts.out.join("gold");
    if opts.txt {
        let name = txt_path(i)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let path = gold.join("txt").join(format!("{i:09}.json"));
        sum.bytes += write_gold(&path, &name, a, false)?;
        sum.files += 1;
    }
    if opts.jsonl {
        let path = gold.join("jsonl").join(format!("{i:09}.json"));
        sum.bytes += write_gold(&path, &record_id(i), a, true)?;
        sum.files += 1;
    }
    Ok(())
}
