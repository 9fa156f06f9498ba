//! One Aho-Corasick pass finds every lexicon entry in a folded text.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, MatchKind};

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
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub what: Vec<Entity>,
}

impl Mention {
    pub fn find(&self, pred: impl Fn(&Entity) -> bool) -> Option<Entity> {
        self.what.iter().copied().find(pred)
    }
}

#[derive(Default)]
pub struct Builder {
    /// Folded form → (entities, matches a word prefix).
    forms: HashMap<String, (Vec<Entity>, bool)>,
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
            return Err("an entry has an empty French form".into());
        }
        let slot = self.forms.entry(folded).or_default();
        if !slot.0.contains(&what) {
            slot.0.push(what);
        }
        slot.1 |= prefix;
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
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("lexicon automaton fits in memory");
        Matcher { automaton, targets }
    }
}

pub struct Matcher {
    automaton: AhoCorasick,
    targets: Vec<(Vec<Entity>, bool)>,
}

impl Matcher {
    /// Every entity and theme cue at word boundaries, overlapping.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let mut all: Vec<Mention> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (what, prefix) = &self.targets[m.pattern().as_usize()];
            let end = if *prefix {
                word_end(text, m.end())
            } else {
                m.end()
            };
            if !at_word_boundaries(text, m.start(), end) {
                continue;
            }
            // A form can be both an entity and a theme cue ("INTERPOL", "cybersécurité"):
            // each theme is a mention of its own, the entities share one.
            let (themes, others): (Vec<Entity>, Vec<Entity>) =
                what.iter().partition(|e| matches!(e, Entity::Theme(_)));
            let parts = themes.into_iter().map(|t| vec![t]).chain([others]);
            for part in parts.filter(|p| !p.is_empty()) {
                all.push(Mention {
                    start: m.start(),
                    end,
                    what: part,
                });
            }
        }
        all
    }
}

/// Leftmost-longest among entities, and separately within each theme: a cue
/// may lie inside an entity name, and one phrase may state two themes
/// ("fraude en ligne" is fraud and online crime).
pub fn select(all: Vec<Mention>) -> Vec<Mention> {
    let mut groups: HashMap<Option<usize>, Vec<Mention>> = HashMap::new();
    for m in all {
        let theme = match m.what[0] {
            Entity::Theme(t) => Some(t),
            _ => None,
        };
        groups.entry(theme).or_default().push(m);
    }
    let mut out: Vec<Mention> = groups.into_values().flat_map(leftmost_longest).collect();
    out.sort_by(|a, b| (a.start, a.end, &a.what).cmp(&(b.start, b.end, &b.what)));
    out
}

fn leftmost_longest(mut mentions: Vec<Mention>) -> Vec<Mention> {
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    for m in mentions {
        if out.last().is_none_or(|last| m.start >= last.end) {
            out.push(m);
        }
    }
    out
}

fn word_end(text: &str, from: usize) -> usize {
    text[from..]
        .find(|c: char| !is_word_char(c))
        .map_or(text.len(), |i| from + i)
}
