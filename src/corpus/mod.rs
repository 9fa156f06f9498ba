//! Synthetic articles for benchmarks and tests (`entente gen-corpus`).
//!
//! Articles imitate the seeds: a Vietnamese security official receives,
//! meets or calls a foreign partner, the two sides agree on cooperation
//! themes, and the page carries captions, links, a credit and teasers.
//! Every word of a language is data (`corpus/<lang>/templates.toml`);
//! partners, demonyms and capitals come from the lexicon of that language,
//! and every theme phrase is checked against its cues, so the generator
//! knows the true meetings and can write gold files.
//!
//! Article `i` depends only on `(seed, i)`: a corpus of N articles is a
//! prefix of every larger one with the same seed, and chunks are generated
//! in parallel and streamed to disk, never held in memory.

mod article;
mod dates;
mod files;
mod gold;
mod partners;
mod template;
mod templates;
#[cfg(test)]
mod tests;
mod write;

use std::path::Path;

use crate::error::{one_line, Error};
use crate::lexicon::Lexicon;

pub use article::{article_seed, Article, TrueMeeting};
pub use write::{jsonl_path, record_id, txt_path, write_corpus, Options, Summary, TXT_PER_DIR};

use dates::Calendar;
use files::{Gender, MeetingKind, NamesFile, PartnerKind, Place, When};
use partners::Partner;
use template::Template;

/// The templates compiled into the binary, per language.
const EMBEDDED: [(&str, &str); 2] = [
    ("fr", include_str!("../../corpus/fr/templates.toml")),
    ("en", include_str!("../../corpus/en/templates.toml")),
];

/// The built-in templates of a language.
pub fn embedded_templates(lang: &str) -> Option<&'static str> {
    EMBEDDED.iter().find(|(l, _)| *l == lang).map(|(_, t)| *t)
}

struct Host {
    gender: Gender,
    intro: Template,
    short: String,
    reference: String,
}

struct Guest {
    kind: PartnerKind,
    gender: Gender,
    intro: Template,
    short: String,
    reference: Template,
}

struct Lead {
    kind: MeetingKind,
    place: Place,
    text: Template,
}

struct Next {
    kind: MeetingKind,
    when: When,
    text: Template,
}

/// The closed words that join generated phrases.
struct Grammar {
    and: String,
    separator: String,
    feminine_ending: String,
}

/// The page around the meetings, and the paragraphs of their bodies.
struct Text {
    titles: Vec<Template>,
    links: Vec<String>,
    dateline: Template,
    captions: Vec<Template>,
    themes_paragraphs: Vec<Template>,
    filler_paragraphs: Vec<Template>,
    fillers_per_meeting: (usize, usize),
    credits: Vec<String>,
    more: String,
    teasers: Vec<(Template, Template)>,
    teaser_places: Vec<String>,
}

/// A validated templates file of one language, ready to generate articles.
pub struct Generator {
    lang: String,
    /// The home country's canonical name.
    home: String,
    calendar: Calendar,
    grammar: Grammar,
    names: NamesFile,
    partners: Vec<Partner>,
    /// (name in the language, canonical name).
    home_cities: Vec<(String, String)>,
    hosts: Vec<Host>,
    guests: Vec<Guest>,
    /// (SPEC code, noun phrases).
    themes: Vec<(String, Vec<String>)>,
    leads: Vec<Lead>,
    nexts: Vec<Next>,
    text: Text,
}

impl Generator {
    /// The built-in templates of the lexicon's language.
    pub fn embedded(lex: &Lexicon) -> Result<Generator, Error> {
        let path = Path::new("corpus").join(&lex.lang).join("templates.toml");
        let text = embedded_templates(&lex.lang).ok_or_else(|| Error::Templates {
            path: path.clone(),
            message: format!("no built-in templates for language {:?}", lex.lang),
        })?;
        Generator::from_source(&path, text, lex)
    }

    /// A templates file on disk (same format as `corpus/fr/templates.toml`).
    pub fn from_file(path: &Path, lex: &Lexicon) -> Result<Generator, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Generator::from_source(path, &text, lex)
    }

    pub fn from_source(path: &Path, text: &str, lex: &Lexicon) -> Result<Generator, Error> {
        let invalid = |message: String| Error::Templates {
            path: path.to_path_buf(),
            message,
        };
        let file = toml::from_str(text).map_err(|e| invalid(one_line(&e.to_string())))?;
        templates::compile(file, lex).map_err(invalid)
    }

    /// The language code of the articles (`fr`, `en`).
    pub fn lang(&self) -> &str {
        &self.lang
    }
}
