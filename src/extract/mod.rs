//! Stage 4: meetings, their participants and their themes, from one article.
//!
//! Everything here is rule- and lexicon-driven. The steps:
//! 1. `Doc` folds the text once and finds every lexicon mention in one pass;
//! 2. `participants` finds people (names, titles, roles, countries);
//! 3. `meetings` groups meeting cues into meetings and gives each its paragraphs;
//! 4. `themes` counts theme cues in each meeting's own paragraphs.

pub mod dates;
pub mod meetings;
pub mod participants;
pub mod themes;
mod tokens;

use chrono::NaiveDate;

use crate::clean::{Cleaned, Span};
use crate::fold::{last_word_start, Folded};
use crate::lexicon::{Entity, Kind, Lexicon};
use crate::segment::Sentence;

/// A lexicon entry found in the text, in original byte offsets.
#[derive(Debug, Clone)]
pub struct Found<'l> {
    pub span: Span,
    pub what: &'l [Entity],
}

impl Found<'_> {
    pub fn get(&self, pred: impl Fn(&Entity) -> bool) -> Option<Entity> {
        self.what.iter().copied().find(pred)
    }
}

/// One article, folded and scanned once, shared by the extraction steps.
pub struct Doc<'a> {
    pub text: &'a str,
    pub folded: Folded,
    pub lex: &'a Lexicon,
    pub sentences: Vec<Sentence>,
    /// Entity mentions inside the title and body, sorted by position.
    pub entities: Vec<Found<'a>>,
    /// Theme cues inside the title and body, sorted by position.
    pub cues: Vec<Found<'a>>,
    pub published: Option<NaiveDate>,
    pub dateline: Option<Span>,
    pub paragraphs: usize,
}

impl<'a> Doc<'a> {
    pub fn new(
        text: &'a str,
        folded: Folded,
        cleaned: &Cleaned,
        sentences: Vec<Sentence>,
        lex: &'a Lexicon,
        published: Option<NaiveDate>,
    ) -> Doc<'a> {
        let (mut entities, mut cues) = (Vec::new(), Vec::new());
        let inside = |span: Span| {
            let i = sentences.partition_point(|s| s.span.end < span.end);
            sentences
                .get(i)
                .is_some_and(|s| s.span.start <= span.start && span.end <= s.span.end)
        };
        for m in lex.mentions(&folded.text) {
            let (start, end) = folded.original_range(m.start, m.end);
            if m.upper && !written_as_acronym(&text[start..end]) {
                continue;
            }
            let found = Found {
                span: Span { start, end },
                what: m.what,
            };
            if !inside(found.span) {
                continue;
            }
            if matches!(found.what[0], Entity::Theme(_)) {
                cues.push(found);
            } else {
                entities.push(found);
            }
        }
        Doc {
            text,
            folded,
            lex,
            sentences,
            entities,
            cues,
            published,
            dateline: cleaned.dateline,
            paragraphs: cleaned.body.len(),
        }
    }

    /// Entity mentions within a span.
    pub fn entities_in(&self, span: Span) -> &[Found<'a>] {
        let from = self.entities.partition_point(|f| f.span.start < span.start);
        let to = self.entities.partition_point(|f| f.span.start < span.end);
        &self.entities[from..to.max(from)]
    }

    /// The folded form of a piece of the original text (a slice of the
    /// folded text: folding is character by character).
    pub fn folded(&self, span: Span) -> &str {
        self.folded.of(span.start, span.end)
    }

    /// The folded words of a span.
    pub fn words(&self, span: Span) -> Vec<String> {
        self.folded(span)
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    }

    /// The folded word right before `at` ("du" in "… accueil du général").
    pub fn word_before(&self, at: usize) -> Option<String> {
        let before = self.folded(Span { start: 0, end: at }).trim_end();
        let start = last_word_start(before);
        (start < before.len()).then(|| before[start..].to_string())
    }

    pub fn sentence_of(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        self.sentences
            .get(i)
            .filter(|s| s.span.start <= at)
            .map(|_| i)
    }
}

/// A meeting, as extracted.
#[derive(Debug, Clone, PartialEq)]
pub struct Meeting {
    pub date: dates::PartialDate,
    pub end: Option<dates::PartialDate>,
    pub city: Option<String>,
    pub country: Option<String>,
    pub kind: Kind,
    pub multilateral: bool,
    pub partner: String,
    pub partner_type: &'static str,
    /// The sentence reporting the meeting.
    pub evidence: Span,
    /// The meeting cue in it ("a rencontré").
    pub trigger: Span,
    pub agreement_signed: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Participant {
    pub meeting: usize,
    pub name: String,
    pub surface: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub country: Option<String>,
    pub host: bool,
    /// The sentence where the person is named in this meeting.
    pub evidence: Span,
    /// The name as written there.
    pub mention: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Topic {
    pub meeting: usize,
    pub theme: String,
    pub mentions: usize,
    /// The first cue, and the sentence holding it.
    pub trigger: Span,
    pub evidence: Span,
}

#[derive(Debug, Default, Clone, PartialEq)]
pub struct Extraction {
    pub meetings: Vec<Meeting>,
    pub participants: Vec<Participant>,
    pub topics: Vec<Topic>,
}

impl Extraction {
    /// Checks what every later step relies on: each span is a slice of
    /// `text` on character boundaries, a meeting's trigger lies inside its
    /// evidence sentence, and each participant and topic points at a meeting.
    /// Shared by the property tests and the fuzz targets.
    pub fn check(&self, text: &str) -> Result<(), String> {
        let valid = |s: &Span| {
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end)
        };
        let inside = |inner: &Span, outer: &Span| {
            valid(inner) && valid(outer) && outer.start <= inner.start && inner.end <= outer.end
        };
        let meetings = self.meetings.len();
        for m in &self.meetings {
            if !inside(&m.trigger, &m.evidence) {
                return Err(format!("bad meeting spans: {m:?}"));
            }
        }
        for p in &self.participants {
            if !valid(&p.evidence) || !valid(&p.mention) || p.meeting >= meetings {
                return Err(format!("bad participant: {p:?}"));
            }
        }
        for t in &self.topics {
            if !valid(&t.evidence) || !valid(&t.trigger) || t.meeting >= meetings {
                return Err(format!("bad topic: {t:?}"));
            }
        }
        Ok(())
    }
}

/// Runs every extraction step on one cleaned, segmented article.
pub fn extract(
    text: &str,
    folded: Folded,
    cleaned: &Cleaned,
    sentences: Vec<Sentence>,
    lex: &Lexicon,
    published: Option<NaiveDate>,
) -> Extraction {
    let doc = Doc::new(text, folded, cleaned, sentences, lex, published);
    let people = participants::find(&doc);
    let drafts = meetings::find(&doc, &people);
    let participants = participants::assign(&doc, &people, &drafts);
    let topics = themes::assign(&doc, &people, &drafts);
    Extraction {
        meetings: drafts.meetings,
        participants,
        topics,
    }
}

/// An acronym form counts where the text writes it in capitals ("US", not
/// "us"), or, when it is long enough to be no common word, with only its
/// initial capital, as French copy often writes them ("l'Asean", "l'Unicef").
fn written_as_acronym(written: &str) -> bool {
    const TITLE_CASE_LETTERS: usize = 5;
    let letters: Vec<char> = written.chars().filter(|c| c.is_alphabetic()).collect();
    let capitals = letters.iter().all(|c| !c.is_lowercase());
    let title_case = letters.len() >= TITLE_CASE_LETTERS
        && letters[0].is_uppercase()
        && letters[1..].iter().all(|c| c.is_lowercase());
    capitals || title_case
}

/// Extraction of one text, for the unit tests of the extract modules.
#[cfg(test)]
pub(crate) mod testing {
    use std::sync::LazyLock;

    use super::Extraction;
    use crate::lexicon::Lexicons;
    use crate::read::RawArticle;

    static LEXICONS: LazyLock<Lexicons> = LazyLock::new(|| Lexicons::embedded().unwrap());

    /// `text` (a title line, a blank line, the body) read in `lang`.
    pub fn extract(lang: &str, text: &str) -> Extraction {
        let raw = RawArticle::from_text("test", text.into(), Some(lang));
        let digest = crate::pipeline::sha256_hex(text.as_bytes());
        crate::pipeline::process(raw, digest, &LEXICONS).extraction
    }

    /// Each meeting's partner, month and day.
    pub fn meetings(e: &Extraction) -> Vec<(String, Option<u32>, Option<u32>)> {
        e.meetings
            .iter()
            .map(|m| (m.partner.clone(), m.date.month, m.date.day))
            .collect()
    }
}
