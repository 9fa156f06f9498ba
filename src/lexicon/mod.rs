//! Domain knowledge, loaded once and validated at start-up.
//!
//! The lexicon is a directory of TOML files (see `lexicon/` at the top of the
//! repository, embedded in the binary as the default): shared knowledge at
//! its root, and one directory per language for what is bound to a language.
//! Each language gets its own `Lexicon`: every form of it is folded (lower
//! case, no accents) and compiled into one Aho-Corasick trie, walked from
//! each word start of an article to find every known entity (see `matcher`).

mod build;
mod conjugate;
mod dates;
mod files;
mod matcher;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

pub use build::Lexicons;
pub use dates::{day_number, DateForm, DatePatterns};
pub use files::{Kind, OrgKind, Strength};
pub use matcher::{Entity, Mention};

use aho_corasick::AhoCorasick;
use memchr::memmem::Finder;
use rustc_hash::FxHashSet;

use crate::error::Error;
use crate::fold::fold;
use matcher::LazyMatcher;

pub struct Country {
    pub name: String,
    /// Names in the lexicon's language, usual one first ("Russie", "Fédération de Russie").
    pub names: Vec<String>,
    /// Demonyms in the lexicon's language (all inflections), usual one first.
    pub demonyms: Vec<String>,
    pub capital: Option<usize>,
    /// Folded family names telling a person of this country.
    pub surnames: HashSet<String>,
    pub name_letters: Vec<char>,
    pub joined_given_names: bool,
}

pub struct City {
    pub name: String,
    /// Forms in the lexicon's language, usual one first.
    pub names: Vec<String>,
    pub country: usize,
}

pub struct Organization {
    pub name: String,
    pub kind: OrgKind,
    pub country: Option<usize>,
    pub part_of: Option<usize>,
}

pub struct Title {
    pub en: String,
    /// Bare, of a home person, it holds the home ministry the article names.
    pub of_ministry: bool,
    /// A description of the office, not its name: another title wins over it.
    pub generic: bool,
    /// A verb ("qui dirige"): its body is an object after an article.
    pub object: bool,
    /// Its body may open in lower case.
    pub lower_case_body: bool,
}

pub struct Portfolio {
    pub en: String,
    pub home_default: bool,
    /// The English name when it is the home country's ("Police" written
    /// alone is Vietnam's Ministry of Public Security).
    pub home_en: Option<String>,
}

pub struct Person {
    pub name: String,
    pub country: usize,
}

pub struct MeetingCue {
    pub kind: Kind,
    pub strength: Strength,
    /// A passive form: the guest comes before it ("X a été reçu par").
    pub passive: bool,
    /// Points back to the event just told ("y ont pris part").
    pub refers_back: bool,
    /// A verb's present participle ("Recevant", "Receiving"): it leads only
    /// where its sentence starts or after one of `participle_openers`.
    pub participle: bool,
    /// A pluperfect ("avait reçu"): before the story, unless the sentence
    /// opens on one of `grammar.earlier` ("Plus tôt, X avait eu un entretien").
    pub recalled: bool,
    /// Folded complements one of which must follow, past a date or a place
    /// inserted after the verb ("a pris part, du 15 au 18 octobre à
    /// Santiago, à la 88e Assemblée"); empty when the form is complete.
    pub complements: Vec<String>,
    /// An announced compound form without its complement ("will hold"): it
    /// tells nothing itself, but the conversation nouns after it are what
    /// it announces ("will also hold consultations and meetings with").
    pub governs: bool,
}

/// Folded closed word classes (see `[grammar]` in `grammar.toml`).
pub struct Grammar {
    pub same_day: Vec<String>,
    pub next_day: Vec<String>,
    pub title_connectors: Words,
    pub posting: Words,
    pub articles: Vec<String>,
    pub complement: Words,
    pub cue_complement: Words,
    pub with: Vec<String>,
    pub relation_nouns: Words,
    pub training_events: Words,
    pub object_relatives: Words,
    pub paragraph_leads: Vec<String>,
    pub until: Words,
    pub year_prepositions: Words,
    pub not_a_meeting_after: Vec<String>,
    pub list_words: Words,
    pub city_locatives: Words,
    pub country_locatives: Words,
    pub and: Vec<String>,
    /// As written (capitalised), not folded.
    pub article_surnames: Vec<String>,
    pub abbreviations: Vec<String>,
    /// Folded gaps allowed between a title and a word qualifying it before it.
    pub title_premodifier_gaps: Vec<String>,
    /// Endings that make a word possessive ("'s"), as written.
    pub possessives: Vec<String>,
    /// Folded words after which a present participle still leads ("while receiving").
    pub participle_openers: Words,
    pub insert_words: Words,
    pub home_audiences: Vec<String>,
    pub organised_by: Vec<String>,
    pub led_by: Vec<String>,
    pub pair_joiners: Vec<String>,
    pub as_office: Words,
    pub seat_before: Vec<String>,
    pub apart: Vec<String>,
    pub seat_after: Vec<String>,
    pub by: Vec<String>,
    /// What introduces each of those a reception took: the agents of a
    /// passive (`by`) and those courtesy calls are paid on (`calls_on`),
    /// joined once at load for `separate_guests`.
    pub received_by: Vec<String>,
    pub role_joiners: Words,
    pub role_connectors: Words,
    pub object_articles: Words,
    pub counterpart_nouns: Words,
    pub ministry_nouns: Words,
    pub habitual: Words,
    pub relative_pronouns: Vec<String>,
    pub earlier: Vec<String>,
    pub separately: Vec<String>,
    pub reported_speech: Vec<String>,
    pub standing_for: Words,
}

/// Folded page-furniture markers, used by the clean stage.
pub struct Noise {
    pub stop_markers: Vec<String>,
    pub link_prefixes: Vec<String>,
    /// Searchers, built once: each line of each article is searched.
    pub caption_words: Vec<Finder<'static>>,
    pub agencies: Vec<String>,
    pub end_marks: Vec<String>,
    pub caption_ends: Vec<String>,
    pub menu_separators: Vec<String>,
}

/// Romanisation of names from some countries as the language spells them
/// into their usual English form (none for English).
pub struct Transliteration {
    pub countries: HashSet<usize>,
    /// (French form, English form, anchored at word start, anchored at word end).
    pub rules: Vec<(String, String, bool, bool)>,
    /// Lower-case endings of a romanised patronymic.
    pub patronymic_endings: Vec<String>,
}

/// Words of bodies' names in the lexicon's language, in English, folded.
pub struct BodyNames {
    pub connectors: HashMap<String, String>,
    pub articles: Words,
    pub conjunctions: HashMap<String, String>,
    pub nouns: HashMap<String, String>,
    pub adjectives: HashMap<String, String>,
    pub remits: HashMap<String, String>,
}

pub struct Lexicon {
    /// The language code (`fr`, `en`): the name of its directory.
    pub lang: String,
    pub home: usize,
    pub transliteration: Transliteration,
    /// Only for a language other than English (`bodies.toml`).
    pub body_names: Option<BodyNames>,
    pub noise: Noise,
    pub countries: Vec<Country>,
    pub cities: Vec<City>,
    pub organizations: Vec<Organization>,
    pub titles: Vec<Title>,
    pub portfolios: Vec<Portfolio>,
    pub people: Vec<Person>,
    pub themes: Vec<String>,
    /// Gapped theme cues: (`Entity::Theme`, pattern over folded text).
    theme_patterns: Vec<(Entity, regex::bytes::Regex)>,
    pub meeting_cues: Vec<MeetingCue>,
    /// Lower-case (not accent-folded: "a" is a verb, "à" is not) finite verbs
    /// and auxiliaries that follow a clause subject.
    pub finite_verbs: Words,
    /// Folded determiners: a verb-like cue right after one is a noun ("la rencontre").
    pub determiners: Words,
    /// Lower-case function words: never part of a name even when capitalised.
    pub function_words: Words,
    /// Folded lower-case particles inside names ("bin", "van", "von").
    pub name_particles: Words,
    /// Folded nouns that refer back to a participant ("homologue", "représentant").
    pub reference_nouns: Vec<String>,
    /// Folded pronoun phrases naming the last person mentioned ("ce dernier").
    pub anaphors: Vec<String>,
    /// Reference nouns, then anaphors: found in one pass, not one per phrase and sentence.
    references: AhoCorasick,
    /// Folded phrases showing a sentence recalls an earlier meeting ("l'an dernier").
    pub recall_markers: Vec<String>,
    /// Folded words naming bodies and fields ("office", "policy"): a
    /// capitalised run made only of these is not a person's name.
    pub body_words: Words,
    /// Folded closed word classes the rules read.
    pub grammar: Grammar,
    pub dates: DatePatterns,
    /// The other languages' dates: a page in one may stamp its date in
    /// another ("May 22, 2017 16:22" above a French report).
    pub foreign_dates: Vec<DatePatterns>,
    pub(crate) matcher: LazyMatcher,
}

impl Lexicon {
    /// The embedded lexicon of the default language.
    pub fn embedded() -> Result<Lexicon, Error> {
        Ok(Lexicons::embedded()?.langs.swap_remove(0))
    }

    /// The embedded lexicon of one language.
    pub fn embedded_lang(lang: &str) -> Result<Lexicon, Error> {
        let mut all = Lexicons::embedded()?;
        let i = all
            .langs
            .iter()
            .position(|l| l.lang == lang)
            .ok_or_else(|| Error::Lexicon {
                path: "lexicon/languages.toml".into(),
                message: format!("no language {lang:?}"),
            })?;
        Ok(all.langs.swap_remove(i))
    }

    /// The country a person's name alone tells: a letter only its names
    /// hold, or a family name of it first in a name of three words or more
    /// ("Nguyen Minh Tuan"; two-word names are too often foreign).
    pub fn country_of_name(&self, name: &str) -> Option<usize> {
        let lower = name.to_lowercase();
        let words: Vec<&str> = name.split_whitespace().collect();
        // Folded once, not per country: this runs for every name candidate.
        let family = (words.len() >= 3).then(|| fold(words[0]));
        self.countries.iter().position(|c| {
            (!c.name_letters.is_empty() && lower.chars().any(|ch| c.name_letters.contains(&ch)))
                || family.as_ref().is_some_and(|f| c.surnames.contains(f))
        })
    }

    /// Whether a folded word is a reference noun ("homologue", "counterpart").
    pub fn is_reference_noun(&self, word: &str) -> bool {
        self.reference_nouns.iter().any(|r| r == word)
    }

    /// Of a body already known and one named next, the more specific: a
    /// person "Under-Secretary-General of the UN and Executive Director of
    /// UNODC" is of UNODC.
    pub fn narrower_organization(
        &self,
        known: Option<usize>,
        named: Option<usize>,
    ) -> Option<usize> {
        match (known, named) {
            (Some(k), Some(n)) if self.organizations[n].part_of != Some(k) => Some(k),
            (known, named) => named.or(known),
        }
    }

    /// Every known entity and theme cue in `folded`, leftmost-longest, at word boundaries.
    pub fn mentions(&self, folded: &str) -> Vec<Mention<'_>> {
        let mut all = self.matcher.get().find(folded);
        for (theme, re) in &self.theme_patterns {
            all.extend(
                re.find_iter(folded.as_bytes())
                    .filter(|m| {
                        folded.is_char_boundary(m.start()) && folded.is_char_boundary(m.end())
                    })
                    .map(|m| Mention {
                        start: m.start(),
                        end: m.end(),
                        what: std::slice::from_ref(theme),
                        upper: false,
                    }),
            );
        }
        matcher::select(all)
    }

    /// The gazetteer's canonical name of someone written `name` in full
    /// ("Vilay Lakhamphong" is "Vilay Lakhamfong"), if it knows them.
    pub fn gazetteer_name(&self, name: &str) -> Option<&str> {
        self.whole_name(name, |e| match e {
            Entity::Person(p) => Some(self.people[p].name.as_str()),
            _ => None,
        })
    }

    /// The canonical name of the country or organisation `name` is one of
    /// the names of ("International Institute for Strategic Studies" → "IISS").
    pub fn partner_name(&self, name: &str) -> Option<&str> {
        self.whole_name(name, |e| match e {
            Entity::Country(c) => Some(self.countries[c].name.as_str()),
            Entity::Organization(o) => Some(self.organizations[o].name.as_str()),
            _ => None,
        })
    }

    /// What `canonical` makes of an entity spanning the whole of `name`.
    fn whole_name<'a>(
        &'a self,
        name: &str,
        canonical: impl Fn(Entity) -> Option<&'a str>,
    ) -> Option<&'a str> {
        let folded = fold(name);
        self.mentions(&folded)
            .into_iter()
            .filter(|m| m.start == 0 && m.end == folded.len())
            .find_map(|m| m.what.iter().find_map(|&e| canonical(e)))
    }

    /// Every reference noun and anaphor in `folded`, leftmost-longest (they
    /// do not overlap in a text), by start: (`Reference`, folded start, folded end).
    pub fn references(&self, folded: &str) -> Vec<(Reference, usize, usize)> {
        let nouns = self.reference_nouns.len();
        self.references
            .find_iter(folded)
            .map(|m| {
                let i = m.pattern().as_usize();
                let what = match i.checked_sub(nouns) {
                    None => Reference::Noun,
                    Some(a) => Reference::Anaphor(a),
                };
                (what, m.start(), m.end())
            })
            .collect()
    }

    /// A name in English romanisation ("Sergueï Choïgou" → "Sergei Shoigu").
    pub fn romanize(&self, name: &str) -> String {
        let words: Vec<String> = name.split(' ').map(|w| self.romanize_word(w)).collect();
        self.without_patronymic(&words.join(" "))
    }

    /// A person's name as the tables write it: romanized for the countries
    /// of `transliteration.toml` (unless the gazetteer gave it), without a
    /// patronymic, and with a given name in one word where the person's own
    /// country writes it so (`own`: what the text said of them, not the
    /// side they were put on).
    pub fn canonical_name(
        &self,
        name: &str,
        country: Option<usize>,
        own: Option<usize>,
        gazetteer: bool,
    ) -> String {
        let romanized =
            !gazetteer && country.is_some_and(|c| self.transliteration.countries.contains(&c));
        let name = if romanized {
            self.romanize(name)
        } else {
            self.without_patronymic(name)
        };
        let joined = !gazetteer && own.is_some_and(|c| self.countries[c].joined_given_names);
        let words: Vec<&str> = name.split(' ').collect();
        match words[..] {
            [family, first, second]
                if joined
                    && [first, second]
                        .iter()
                        .all(|w| w.chars().all(char::is_alphabetic)) =>
            {
                format!("{family} {first}{}", second.to_lowercase())
            }
            _ => name,
        }
    }

    /// A name holding a patronymic without it, given name first: "Gennady
    /// Stepanovich Bezdetko" and "Bezdetko Gennady Stepanovich" (surname
    /// first, as official lists write it) are Gennady Bezdetko. Any other
    /// name is returned as it is.
    pub fn without_patronymic(&self, name: &str) -> String {
        let words: Vec<&str> = name.split(' ').collect();
        let patronymic = |w: &str| {
            let lower = w.to_lowercase();
            self.transliteration
                .patronymic_endings
                .iter()
                .any(|e| lower.ends_with(e.as_str()))
        };
        match words[..] {
            [given, middle, surname] if patronymic(middle) => format!("{given} {surname}"),
            [surname, given, last] if patronymic(last) => format!("{given} {surname}"),
            _ => name.to_string(),
        }
    }

    fn romanize_word(&self, word: &str) -> String {
        let lower: Vec<char> = word.to_lowercase().chars().collect();
        let capital = word.chars().next().is_some_and(char::is_uppercase);
        let mut out = String::new();
        let mut at = 0;
        while at < lower.len() {
            let rest: String = lower[at..].iter().collect();
            let rule = self
                .transliteration
                .rules
                .iter()
                .find(|(fr, _, start, end)| {
                    rest.starts_with(fr.as_str())
                        && (!start || at == 0)
                        && (!end || rest.chars().count() == fr.chars().count())
                });
            match rule {
                Some((fr, en, _, _)) => {
                    out.push_str(en);
                    at += fr.chars().count();
                }
                None => {
                    out.push(lower[at]);
                    at += 1;
                }
            }
        }
        if capital {
            let mut chars = out.chars();
            chars
                .next()
                .map_or(out.clone(), |c| c.to_uppercase().chain(chars).collect())
        } else {
            out
        }
    }
}

/// A phrase referring back to a person: a noun ("son homologue"), or the
/// anaphor of that index in `Lexicon::anaphors` ("ce dernier").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Reference {
    Noun,
    Anaphor(usize),
}

/// A set of words, each stored as `plain_word` or `fold` gives it.
pub struct Words(FxHashSet<String>);

impl Words {
    pub fn contains(&self, word: &str) -> bool {
        self.0.contains(word)
    }

    /// Whether the set holds `plain_word(word)`; short ASCII words are
    /// lowered on the stack, not in a new string.
    pub fn contains_plain(&self, word: &str) -> bool {
        let mut buf = [0u8; 32];
        match buf.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| self.0.contains(w))
            }
            _ => self.0.contains(&*plain_word(word)),
        }
    }
}

/// Lower case with typographic apostrophes made plain, accents kept;
/// borrowed when the word already is (most words of a text).
fn plain_word(word: &str) -> Cow<'_, str> {
    let curly = |c: char| matches!(c, '\u{2019}' | '\u{2018}');
    if word.chars().any(|c| c.is_uppercase() || curly(c)) {
        Cow::Owned(word.to_lowercase().replace(curly, "'"))
    } else {
        Cow::Borrowed(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn romanizes_french_spellings_of_russian_names() {
        let lex = Lexicon::embedded().unwrap();
        for (fr, en) in [
            ("Guennadi Kazakevitch", "Gennady Kazakevich"),
            ("Sergueï Choïgou", "Sergei Shoigu"),
            ("Nikolaï Patrouchev", "Nikolai Patrushev"),
            ("Alexandre Bortnikov", "Alexander Bortnikov"),
            ("Vladimir Poutine", "Vladimir Putin"),
            ("Dmitri Medvedev", "Dmitry Medvedev"),
            // English spellings of patronymics stay; the patronymic goes.
            ("Bezdetko Gennady Stepanovich", "Gennady Bezdetko"),
            ("Alexandre Vassilievitch Bortnikov", "Alexander Bortnikov"),
        ] {
            assert_eq!(lex.romanize(fr), en);
        }
    }

    #[test]
    fn a_name_the_gazetteer_lists_under_another_spelling_is_its_canonical_one() {
        let lex = Lexicon::embedded().unwrap();
        assert_eq!(
            lex.gazetteer_name("Vilay Lakhamphong"),
            Some("Vilay Lakhamfong")
        );
        assert_eq!(lex.gazetteer_name("To Lam"), Some("Tô Lâm"));
        // Only a whole name: "Lâm" alone, or someone unknown, is no one's.
        assert_eq!(lex.gazetteer_name("Tô Lâm Anh"), None);
        assert_eq!(lex.gazetteer_name("Jean Dupont"), None);
    }

    #[test]
    fn a_chinese_given_name_written_in_syllables_is_one_word() {
        let lex = Lexicon::embedded().unwrap();
        let china = lex.countries.iter().position(|c| c.name == "China");
        assert_eq!(
            lex.canonical_name("Zhang Xiao Ming", china, china, false),
            "Zhang Xiaoming"
        );
        // Only for someone the text says is Chinese, not one put on that side.
        assert_eq!(
            lex.canonical_name("Mai Van Duong", china, None, false),
            "Mai Van Duong"
        );
        assert_eq!(
            lex.canonical_name("Zhang Wei", china, china, false),
            "Zhang Wei"
        );
    }
}
