//! Every lexicon entry in a folded text, from one Aho-Corasick trie.
//!
//! An entry only counts at word boundaries, so instead of an overlapping
//! scan that reports every entry inside every word, the trie is walked
//! anchored from each place a word can start, until no entry continues.
//! The contiguous NFA is used rather than the DFA: it takes more
//! instructions per byte, but it takes 0.36 MB against 5.9 MB, so the walks stay
//! in cache (measured: 6% faster end to end, 10 MB less RSS).

use std::collections::HashMap;

use aho_corasick::automaton::Automaton;
use aho_corasick::nfa::contiguous::NFA;
use aho_corasick::{Anchored, MatchKind};

use crate::fold::{at_word_boundaries, fold, is_word_char};

/// What a French form stands for (indices into the lexicon's tables).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Entity {
    Country(usize),
    Demonym(usize),
    City(usize),
    Organization(usize),
    Title(usize),
    Portfolio(usize),
    Honorific,
    Person(usize),
    Meeting(usize),
    Theme(usize),
}

/// A lexicon match in folded byte offsets. `what` lists every entry sharing
/// the form ("Singapour" is a country and a city).
#[derive(Debug, Clone)]
pub struct Mention<'l> {
    pub start: usize,
    pub end: usize,
    pub what: &'l [Entity],
    /// Every entry of the form writes it as an acronym ("US"): it counts
    /// only where the text writes it in capitals too, not as "us".
    pub upper: bool,
}

impl Mention<'_> {
    pub fn find(&self, pred: impl Fn(&Entity) -> bool) -> Option<Entity> {
        self.what.iter().copied().find(pred)
    }
}

#[derive(Default)]
pub struct Builder {
    /// Folded form → (entities, matches a word prefix, only in capitals).
    forms: HashMap<String, (Vec<Entity>, bool, Option<bool>)>,
}

impl Builder {
    /// Adds every form of one entry; an empty form is a data error.
    pub fn add_all(&mut self, forms: &[String], what: Entity) -> Result<(), String> {
        forms.iter().try_for_each(|f| self.add(f, what))
    }

    pub fn add(&mut self, form: &str, what: Entity) -> Result<(), String> {
        let (form, prefix) = match form.strip_suffix('*') {
            Some(stem) => (stem, true),
            None => (form, false),
        };
        let folded = fold(form.trim());
        if folded.is_empty() {
            return Err("an entry has an empty form".into());
        }
        let letters: Vec<char> = form.chars().filter(|c| c.is_alphabetic()).collect();
        let acronym = letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase());
        let slot = self.forms.entry(folded).or_default();
        if !slot.0.contains(&what) {
            slot.0.push(what);
        }
        slot.1 |= prefix;
        slot.2 = Some(slot.2.unwrap_or(true) && acronym);
        Ok(())
    }

    pub fn build(self) -> Matcher {
        let mut patterns = Vec::with_capacity(self.forms.len());
        let mut targets = Vec::with_capacity(self.forms.len());
        // Sorted so that pattern ids (and so tie-breaks) do not depend on hash order.
        let mut forms: Vec<_> = self.forms.into_iter().collect();
        forms.sort_by(|a, b| a.0.cmp(&b.0));
        for (form, target) in forms {
            patterns.push(form);
            targets.push(target);
        }
        let mut first_bytes = [false; 256];
        for p in &patterns {
            first_bytes[usize::from(p.as_bytes()[0])] = true;
        }
        let trie = NFA::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("lexicon automaton fits in memory");
        // A form can be both an entity and a theme cue ("INTERPOL", "cybersécurité"):
        // each theme is a mention of its own, the entities share one.
        let targets = targets
            .into_iter()
            .map(|(what, prefix, upper)| {
                let (themes, others): (Vec<Entity>, Vec<Entity>) =
                    what.iter().partition(|e| matches!(e, Entity::Theme(_)));
                let parts = themes.into_iter().map(|t| vec![t]).chain([others]);
                Target {
                    mentions: parts.filter(|p| !p.is_empty()).collect(),
                    prefix,
                    upper: upper.unwrap_or(false),
                }
            })
            .collect();
        Matcher {
            trie,
            first_bytes,
            targets,
        }
    }
}

/// A matcher compiled on first use: a language no article of a run is
/// written in costs its checks at start-up, not the trie's construction.
pub struct LazyMatcher {
    builder: std::sync::Mutex<Option<Builder>>,
    matcher: std::sync::OnceLock<Matcher>,
}

impl LazyMatcher {
    pub fn new(builder: Builder) -> LazyMatcher {
        LazyMatcher {
            builder: std::sync::Mutex::new(Some(builder)),
            matcher: std::sync::OnceLock::new(),
        }
    }

    pub fn get(&self) -> &Matcher {
        self.matcher.get_or_init(|| {
            let builder = self
                .builder
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .take()
                .expect("the builder is taken once, by the one initialisation");
            builder.build()
        })
    }
}

pub struct Matcher {
    trie: NFA,
    /// The bytes some entry starts with.
    first_bytes: [bool; 256],
    /// Per pattern: the mentions it makes.
    targets: Vec<Target>,
}

struct Target {
    mentions: Vec<Vec<Entity>>,
    /// It matches a word prefix ("terroris*").
    prefix: bool,
    /// Only where the text writes it in capitals.
    upper: bool,
}

impl Matcher {
    /// Every entity and theme cue at word boundaries, overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention<'_>> {
        let mut all: Vec<Mention> = Vec::new();
        let start = self
            .trie
            .start_state(Anchored::Yes)
            .expect("the trie is anchored");
        let bytes = text.as_bytes();
        let mut after_word = false;
        let mut next = 0;
        while let Some(&byte) = bytes.get(next) {
            let at = next;
            let word_start = !after_word && self.first_bytes[usize::from(byte)];
            (after_word, next) = char_at(text, at);
            if !word_start {
                continue;
            }
            let mut sid = start;
            for (len, &b) in bytes[at..].iter().enumerate() {
                sid = self.trie.next_state(Anchored::Yes, sid, b);
                if self.trie.is_dead(sid) {
                    break;
                }
                if !self.trie.is_match(sid) {
                    continue;
                }
                // A state also holds the entries ending here that start later.
                for i in 0..self.trie.match_len(sid) {
                    let pattern = self.trie.match_pattern(sid, i);
                    if self.trie.pattern_len(pattern) == len + 1 {
                        self.push(text, at, at + len + 1, pattern.as_usize(), &mut all);
                    }
                }
            }
        }
        all
    }

    fn push<'m>(
        &'m self,
        text: &str,
        start: usize,
        end: usize,
        pattern: usize,
        all: &mut Vec<Mention<'m>>,
    ) {
        let target = &self.targets[pattern];
        let end = if target.prefix {
            word_end(text, end)
        } else {
            end
        };
        if !at_word_boundaries(text, start, end) {
            return;
        }
        all.extend(target.mentions.iter().map(|what| Mention {
            start,
            end,
            what,
            upper: target.upper,
        }));
    }
}

/// Leftmost-longest among entities, and separately within each theme: a cue
/// may lie inside an entity name, and one phrase may state two themes
/// ("fraude en ligne" is fraud and online crime).
pub fn select(mut all: Vec<Mention<'_>>) -> Vec<Mention<'_>> {
    let group = |m: &Mention| match m.what[0] {
        Entity::Theme(t) => Some(t),
        _ => None,
    };
    all.sort_by_key(|m| (group(m), m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::with_capacity(all.len());
    let mut last: Option<(Option<usize>, usize)> = None;
    for m in all {
        let g = group(&m);
        if last.is_none_or(|(lg, end)| lg != g || m.start >= end) {
            last = Some((g, m.end));
            out.push(m);
        }
    }
    out.sort_by(|a, b| (a.start, a.end, a.what).cmp(&(b.start, b.end, b.what)));
    out
}

/// Whether the character at byte `at` is a word character, and where the
/// next one starts: ASCII a byte at a time, other characters decoded.
#[inline]
fn char_at(text: &str, at: usize) -> (bool, usize) {
    let byte = text.as_bytes()[at];
    if byte.is_ascii() {
        (byte.is_ascii_alphanumeric(), at + 1)
    } else {
        let c = text[at..].chars().next().expect("at is a char boundary");
        (is_word_char(c), at + c.len_utf8())
    }
}

/// The end of the word going on at `from` (`from` itself after its last character).
fn word_end(text: &str, mut from: usize) -> usize {
    while from < text.len() {
        match char_at(text, from) {
            (true, next) => from = next,
            (false, _) => break,
        }
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// (form as written, what it stands for): a one-word stem, multi-word
    /// forms sharing a first word, a form inside another, one with a
    /// hyphen, one with an accent, one starting with a non-word character.
    const FORMS: [(&str, usize); 8] = [
        ("extradition*", 0),
        ("la Russie", 1),
        ("la Haye", 2),
        ("Russie", 3),
        ("e-gouvernement", 4),
        ("Hà Nội", 5),
        ("cyber*", 6),
        ("-x", 7),
    ];

    fn matcher() -> Matcher {
        let mut builder = Builder::default();
        for (form, i) in FORMS {
            builder.add(form, Entity::Person(i)).unwrap();
        }
        builder.build()
    }

    /// Every form at every place it matches, tried one by one.
    fn naive(text: &str) -> Vec<(usize, usize, Entity)> {
        let mut all = Vec::new();
        for (form, i) in FORMS {
            let (stem, prefix) = match form.strip_suffix('*') {
                Some(stem) => (fold(stem), true),
                None => (fold(form), false),
            };
            for (start, _) in text.match_indices(&stem) {
                let end = start + stem.len();
                let end = if prefix { word_end(text, end) } else { end };
                if at_word_boundaries(text, start, end) {
                    all.push((start, end, Entity::Person(i)));
                }
            }
        }
        all.sort();
        all
    }

    fn found(matcher: &Matcher, text: &str) -> Vec<(usize, usize, Entity)> {
        let mut all: Vec<_> = matcher
            .find(text)
            .iter()
            .flat_map(|m| m.what.iter().map(|&w| (m.start, m.end, w)))
            .collect();
        all.sort();
        all
    }

    #[test]
    fn finds_what_trying_every_form_finds() {
        let matcher = matcher();
        let text = "la russie, la haye et russie; extraditions, l'extradition \
                    et non-extradition; e-gouvernement, ha noi, cybercrime, -x";
        assert_eq!(found(&matcher, text), naive(text));
        assert_eq!(found(&matcher, text).len(), 11);
    }

    proptest! {
        #[test]
        fn finds_what_trying_every_form_finds_in_any_text(
            words in prop::collection::vec(
                "la|russie|haye|extradition|extraditions|e|gouvernement|ha|noi|cyber|x|lar|russ|ø",
                0..12,
            ),
            seps in prop::collection::vec("[ ,'-]|é", 12),
        ) {
            let text: String = words.iter().zip(&seps).flat_map(|(w, s)| [w.as_str(), s]).collect();
            prop_assert_eq!(found(&matcher(), &text), naive(&text));
        }
    }
}
