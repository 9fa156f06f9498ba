//! `entente gen-corpus`: a deterministic synthetic corpus for benchmarks and tests.

use std::num::NonZeroU64;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use crate::corpus::{self, Generator, Options};
use crate::error::Error;
use crate::lexicon::Lexicons;

/// Generate N synthetic articles of the genre (Vietnamese security meetings in
/// French, English or both), the same bytes for the same N and seed; a smaller corpus is a
/// prefix of a larger one. Layout: DIR/txt/00000/000000123.txt (1000 per
/// sub-directory) and DIR/jsonl/part-00000.jsonl.
#[derive(clap::Args)]
pub struct Args {
    /// Number of articles.
    #[arg(long, value_name = "N")]
    articles: u64,
    /// Seed of the generator.
    #[arg(long, value_name = "S", default_value_t = 0)]
    seed: u64,
    /// Output directory (new or empty).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,
    /// Which files to write.
    #[arg(long, value_enum, default_value = "both")]
    format: Format,
    /// Articles per JSON Lines file.
    #[arg(long, value_name = "K", default_value = "10000")]
    per_file: NonZeroU64,
    /// Also write SPEC gold files for the first N articles (DIR/gold/txt, DIR/gold/jsonl).
    #[arg(long, value_name = "N", default_value_t = 0)]
    gold: u64,
    /// Language of the articles; `mix` alternates languages article by article.
    #[arg(long, value_enum, default_value = "fr")]
    lang: Lang,
    /// Templates file to use instead of the built-in one (same format as
    /// corpus/fr/templates.toml; not with --lang mix).
    #[arg(long, value_name = "FILE")]
    templates: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Lang {
    Fr,
    En,
    Mix,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Txt,
    Jsonl,
    Both,
}

pub fn run(args: Args, lexicons: &Lexicons) -> anyhow::Result<ExitCode> {
    let langs: &[&str] = match args.lang {
        Lang::Fr => &["fr"],
        Lang::En => &["en"],
        Lang::Mix => &["fr", "en"],
    };
    let gens = langs
        .iter()
        .map(|lang| {
            let lex = lexicons.get(lang).ok_or_else(|| {
                Error::Usage(format!("gen-corpus: the lexicon has no language {lang:?}"))
            })?;
            match (&args.templates, langs.len()) {
                (Some(path), 1) => Generator::from_file(path, lex),
                (Some(_), _) => Err(Error::Usage(
                    "gen-corpus: --templates takes one language, not --lang mix".into(),
                )),
                (None, _) => Generator::embedded(lex),
            }
        })
        .collect::<Result<Vec<_>, Error>>()?;
    let opts = Options {
        articles: args.articles,
        seed: args.seed,
        out: args.out,
        txt: matches!(args.format, Format::Txt | Format::Both),
        jsonl: matches!(args.format, Format::Jsonl | Format::Both),
        per_file: args.per_file.get(),
        gold: args.gold,
    };
    let started = Instant::now();
    let s = corpus::write_corpus(&gens, &opts)?;
    let secs = started.elapsed().as_secs_f64();
    println!(
        "generated {} articles (seed {}, {:.1} MB of text) in {:.1} s: {} files, {} bytes in {}",
        s.articles,
        opts.seed,
        s.text_bytes as f64 / 1e6,
        secs,
        s.files,
        s.bytes,
        opts.out.display(),
    );
    Ok(ExitCode::SUCCESS)
}
