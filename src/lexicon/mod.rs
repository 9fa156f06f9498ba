//! Domain knowledge, loaded once and validated at start-up.
//!
//! The lexicon is a directory of TOML files (see `lexicon/` at the top of the
//! repository, embedded in the binary as the default). Every French form is
//! folded (lower case, no accents) and compiled into one Aho-Corasick trie,
//! walked from each word start of an article to find every known entity
//! (see `matcher`).

mod conjugate;
mod files;
mod matcher;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

pub use files::{Kind, OrgKind, Strength};
pub use matcher::{Entity, Mention};

use aho_corasick::{AhoCorasick, MatchKind};
use memchr::memmem::Finder;
use rustc_hash::FxHashSet;

use crate::error::{one_line, Error};
use crate::fold::fold;
use matcher::Matcher;

/// The position of `people.toml` in [`FILES`].
const PEOPLE: usize = 4;

/// The lexicon files, by name; the embedded defaults are compiled in.
const FILES: [(&str, &str); 9] = [
    (
        "countries.toml",
        include_str!("../../lexicon/countries.toml"),
    ),
    ("cities.toml", include_str!("../../lexicon/cities.toml")),
    (
        "organizations.toml",
        include_str!("../../lexicon/organizations.toml"),
    ),
    ("titles.toml", include_str!("../../lexicon/titles.toml")),
    ("people.toml", include_str!("../../lexicon/people.toml")),
    ("themes.toml", include_str!("../../lexicon/themes.toml")),
    ("verbs.toml", include_str!("../../lexicon/verbs.toml")),
    ("noise.toml", include_str!("../../lexicon/noise.toml")),
    (
        "transliteration.toml",
        include_str!("../../lexicon/transliteration.toml"),
    ),
];

pub struct Country {
    pub name: String,
    /// French names, usual one first ("Russie", "Fédération de Russie").
    pub names: Vec<String>,
    /// Inflected demonyms, masculine singular first.
    pub demonyms: Vec<String>,
    pub capital: Option<usize>,
}

pub struct City {
    pub name: String,
    /// French forms, usual one first.
    pub names: Vec<String>,
    pub country: usize,
}

pub struct Organization {
    pub name: String,
    pub kind: OrgKind,
    pub country: Option<usize>,
}

pub struct Title {
    pub en: String,
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
}

/// The meeting cues of the `[[verb]]` lemmas: per entry, one cue per tense
/// class (held, passive, leading, announced, recalled) with its forms, each
/// followed by every complement. A generated form that is
/// also a meeting noun ("rencontre") is left to the noun, whose determiner
/// rule tells the two apart.
fn verb_cues(verbs: &files::VerbsFile) -> Result<Vec<(MeetingCue, Vec<String>)>, String> {
    let nouns: HashSet<String> = verbs
        .meeting
        .iter()
        .filter(|m| m.strength == Strength::Noun)
        .flat_map(|m| m.forms.iter().map(|f| fold(f)))
        .collect();
    let irregular: HashMap<&str, &files::Conjugation> = verbs
        .conjugation
        .iter()
        .map(|c| (c.infinitive.as_str(), c))
        .collect();
    let mut out = Vec::new();
    for v in &verbs.verb {
        // Adverbs stand inside a verb's compound tenses, not before a noun
        // complement ("a également eu un entretien" is left to the noun and
        // its "avec"): each would multiply the trie's forms.
        let adverbs: &[String] = if v.complements.iter().any(|c| c.contains(' ')) {
            &[]
        } else {
            &verbs.grammar.adverbs
        };
        let mut by_tense: Vec<(files::Tense, Vec<String>)> = Vec::new();
        for lemma in &v.lemmas {
            let (reflexive, infinitive) = match lemma
                .strip_prefix("s'")
                .or_else(|| lemma.strip_prefix("se "))
            {
                Some(rest) => (true, rest),
                None => (false, lemma.as_str()),
            };
            let parts = match irregular.get(infinitive) {
                Some(c) => conjugate::Parts::irregular(c),
                None => conjugate::Parts::regular(infinitive).ok_or_else(|| {
                    format!("verb {lemma:?}: not a regular -er verb and no [[conjugation]] gives its parts")
                })?,
            };
            for (tense, form) in conjugate::forms(&parts, reflexive, v.passive, adverbs) {
                let complements: Vec<String> = if v.complements.is_empty() {
                    vec![form]
                } else {
                    v.complements
                        .iter()
                        .map(|c| format!("{form} {c}"))
                        .collect()
                };
                let slot = match by_tense.iter().position(|(t, _)| *t == tense) {
                    Some(i) => i,
                    None => {
                        by_tense.push((tense, Vec::new()));
                        by_tense.len() - 1
                    }
                };
                by_tense[slot].1.extend(
                    complements
                        .into_iter()
                        .filter(|f| !nouns.contains(&fold(f))),
                );
            }
        }
        for (tense, forms) in by_tense {
            let cue = MeetingCue {
                kind: v.kind,
                strength: tense.into(),
                passive: tense == files::Tense::Passive,
            };
            out.push((cue, forms));
        }
    }
    Ok(out)
}

/// Folded closed word classes (see `[grammar]` in `verbs.toml`).
pub struct Grammar {
    pub same_day: Vec<String>,
    pub next_day: Vec<String>,
    pub title_connectors: Words,
    pub posting: Words,
    pub articles: Vec<String>,
    pub complement: Words,
    pub cue_complement: Words,
    pub with: Vec<String>,
    pub object_relatives: Words,
    pub paragraph_leads: Vec<String>,
    pub until: Words,
    pub year_prepositions: Words,
    pub not_a_meeting_after: Vec<String>,
    pub list_words: Words,
    pub city_locatives: Words,
    pub country_locatives: Words,
}

/// Folded page-furniture markers, used by the clean stage.
pub struct Noise {
    pub stop_markers: Vec<String>,
    pub link_prefixes: Vec<String>,
    /// Searchers, built once: each line of each article is searched.
    pub caption_words: Vec<Finder<'static>>,
    pub agencies: Vec<String>,
}

/// French-to-English romanisation of names from some countries.
pub struct Transliteration {
    pub countries: HashSet<usize>,
    /// (French form, English form, anchored at word start, anchored at word end).
    pub rules: Vec<(String, String, bool, bool)>,
    /// Lower-case endings of a romanised patronymic.
    pub patronymic_endings: Vec<String>,
}

pub struct Lexicon {
    pub home: usize,
    pub transliteration: Transliteration,
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
    /// Folded closed word classes the rules read.
    pub grammar: Grammar,
    pub(crate) matcher: Matcher,
}

impl Lexicon {
    /// The lexicon compiled into the binary.
    pub fn embedded() -> Result<Lexicon, Error> {
        Lexicon::load(None, true)
    }

    /// A lexicon directory holding the same files as the embedded one.
    pub fn from_dir(dir: &Path) -> Result<Lexicon, Error> {
        Lexicon::load(Some(dir), true)
    }

    /// The lexicon of a directory, or the embedded one; without the people
    /// gazetteer when `people` is off, which leaves names to the name finder
    /// alone (what `eval --no-people` measures).
    pub fn load(dir: Option<&Path>, people: bool) -> Result<Lexicon, Error> {
        let mut sources = Vec::new();
        for (name, embedded) in FILES {
            sources.push(match dir {
                None => (PathBuf::from(name), embedded.to_string()),
                Some(dir) => {
                    let path = dir.join(name);
                    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
                    (path, text)
                }
            });
        }
        if !people {
            sources[PEOPLE].1 = "person = []".into();
        }
        Lexicon::from_sources(sources)
    }

    fn from_sources(sources: Vec<(PathBuf, String)>) -> Result<Lexicon, Error> {
        let parse = |i: usize| &sources[i];
        let countries: files::CountriesFile = parse_toml(parse(0))?;
        let cities: files::CitiesFile = parse_toml(parse(1))?;
        let orgs: files::OrganizationsFile = parse_toml(parse(2))?;
        let titles: files::TitlesFile = parse_toml(parse(3))?;
        let people: files::PeopleFile = parse_toml(parse(PEOPLE))?;
        let themes: files::ThemesFile = parse_toml(parse(5))?;
        let verbs: files::VerbsFile = parse_toml(parse(6))?;
        let noise: files::NoiseFile = parse_toml(parse(7))?;
        let translit: files::TransliterationFile = parse_toml(parse(8))?;
        let invalid = |i: usize, message: String| Error::Lexicon {
            path: sources[i].0.clone(),
            message,
        };

        let country_index: HashMap<&str, usize> = countries
            .country
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.as_str(), i))
            .collect();
        let country_of = |file: usize, owner: &str, name: &str| {
            country_index
                .get(name)
                .copied()
                .ok_or_else(|| invalid(file, format!("{owner}: unknown country {name:?}")))
        };
        let city_index: HashMap<(&str, &str), usize> = cities
            .city
            .iter()
            .enumerate()
            .map(|(i, c)| ((c.name.as_str(), c.country.as_str()), i))
            .collect();

        let mut matcher = matcher::Builder::default();
        let mut lex_countries = Vec::new();
        for (i, c) in countries.country.iter().enumerate() {
            let capital = match &c.capital {
                Some(cap) => Some(
                    city_index
                        .get(&(cap.as_str(), c.name.as_str()))
                        .copied()
                        .ok_or_else(|| {
                            invalid(
                                0,
                                format!(
                                    "{}: capital {cap:?} is not a city of it in cities.toml",
                                    c.name
                                ),
                            )
                        })?,
                ),
                None => None,
            };
            matcher
                .add_all(&c.names, Entity::Country(i))
                .map_err(|m| invalid(0, format!("{}: {m}", c.name)))?;
            matcher
                .add(&c.name, Entity::Country(i))
                .map_err(|m| invalid(0, m))?;
            matcher
                .add_all(&c.demonyms, Entity::Demonym(i))
                .map_err(|m| invalid(0, format!("{}: {m}", c.name)))?;
            lex_countries.push(Country {
                name: c.name.clone(),
                names: c.names.clone(),
                demonyms: c.demonyms.clone(),
                capital,
            });
        }
        // The home country's side of every meeting is the "home" side; the partner is the other.
        let homes: Vec<usize> = (0..countries.country.len())
            .filter(|&i| countries.country[i].home)
            .collect();
        let [home_idx] = homes[..] else {
            return Err(invalid(
                0,
                format!(
                    "exactly one country needs `home = true`, found {}",
                    homes.len()
                ),
            ));
        };
        let mut lex_cities = Vec::new();
        for (i, c) in cities.city.iter().enumerate() {
            let country = country_of(1, &c.name, &c.country)?;
            matcher
                .add_all(&c.names, Entity::City(i))
                .map_err(|m| invalid(1, format!("{}: {m}", c.name)))?;
            lex_cities.push(City {
                name: c.name.clone(),
                names: c.names.clone(),
                country,
            });
        }
        let mut lex_orgs = Vec::new();
        for (i, o) in orgs.organization.iter().enumerate() {
            let country = match &o.country {
                Some(c) => Some(country_of(2, &o.name, c)?),
                None if o.kind == OrgKind::Company => {
                    return Err(invalid(2, format!("{}: a company needs a country", o.name)))
                }
                None => None,
            };
            matcher
                .add_all(&o.names, Entity::Organization(i))
                .map_err(|m| invalid(2, format!("{}: {m}", o.name)))?;
            lex_orgs.push(Organization {
                name: o.name.clone(),
                kind: o.kind,
                country,
            });
        }
        for (i, t) in titles.title.iter().enumerate() {
            matcher
                .add_all(&t.fr, Entity::Title(i))
                .map_err(|m| invalid(3, format!("title {}: {m}", t.en)))?;
        }
        for (i, p) in titles.portfolio.iter().enumerate() {
            matcher
                .add_all(&p.fr, Entity::Portfolio(i))
                .map_err(|m| invalid(3, format!("portfolio {}: {m}", p.en)))?;
        }
        for h in &titles.honorific {
            matcher
                .add_all(&h.fr, Entity::Honorific)
                .map_err(|m| invalid(3, m))?;
        }
        let mut lex_people = Vec::new();
        for (i, p) in people.person.iter().enumerate() {
            let country = country_of(4, &p.name, &p.country)?;
            matcher
                .add(&p.name, Entity::Person(i))
                .map_err(|m| invalid(4, m))?;
            matcher
                .add_all(&p.aliases, Entity::Person(i))
                .map_err(|m| invalid(4, format!("{}: {m}", p.name)))?;
            lex_people.push(Person {
                name: p.name.clone(),
                country,
            });
        }
        let mut theme_codes = Vec::new();
        let mut theme_patterns = Vec::new();
        for (i, t) in themes.theme.iter().enumerate() {
            if !crate::THEMES.contains(&t.code.as_str()) {
                return Err(invalid(
                    5,
                    format!(
                        "unknown theme code {:?} (SPEC codes: {})",
                        t.code,
                        crate::THEMES.join(", ")
                    ),
                ));
            }
            matcher
                .add_all(&t.cues, Entity::Theme(i))
                .map_err(|m| invalid(5, format!("{}: {m}", t.code)))?;
            for pattern in &t.patterns {
                // Folded text is ASCII but for rare non-Latin scripts: with
                // ASCII `\b` and `\w` the regex engine's fast DFA never has to
                // give up to a slow one on a stray non-ASCII character.
                let re = regex::bytes::RegexBuilder::new(pattern)
                    .unicode(false)
                    .build()
                    .map_err(|e| {
                        invalid(
                            5,
                            format!(
                                "{}: bad pattern {pattern:?}: {}",
                                t.code,
                                one_line(&e.to_string())
                            ),
                        )
                    })?;
                theme_patterns.push((Entity::Theme(i), re));
            }
            theme_codes.push(t.code.clone());
        }
        let mut meeting_cues = Vec::new();
        for m in &verbs.meeting {
            matcher
                .add_all(&m.forms, Entity::Meeting(meeting_cues.len()))
                .map_err(|m| invalid(6, m))?;
            meeting_cues.push(MeetingCue {
                kind: m.kind,
                strength: m.strength,
                passive: false,
            });
        }
        for (cue, forms) in verb_cues(&verbs).map_err(|m| invalid(6, m))? {
            matcher
                .add_all(&forms, Entity::Meeting(meeting_cues.len()))
                .map_err(|m| invalid(6, m))?;
            meeting_cues.push(cue);
        }
        let folded_set = |words: &[String]| Words(words.iter().map(|w| fold(w)).collect());
        let plain_set =
            |words: &[String]| Words(words.iter().map(|w| plain_word(w).into_owned()).collect());
        let folded_list = |words: &[String]| words.iter().map(|w| fold(w)).collect::<Vec<_>>();
        let reference_nouns = folded_list(&verbs.clause.reference_nouns);
        let anaphors = folded_list(&verbs.clause.anaphors);
        let references = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(reference_nouns.iter().chain(&anaphors))
            .map_err(|e| invalid(6, format!("reference nouns and anaphors: {e}")))?;
        let transliteration = Transliteration {
            countries: translit
                .countries
                .iter()
                .map(|c| country_of(8, "countries", c))
                .collect::<Result<_, _>>()?,
            rules: translit
                .rules
                .iter()
                .map(|(fr, en)| {
                    let (fr, start) = fr
                        .strip_prefix('^')
                        .map_or((fr.as_str(), false), |f| (f, true));
                    let (fr, end) = fr.strip_suffix('$').map_or((fr, false), |f| (f, true));
                    (fr.to_lowercase(), en.clone(), start, end)
                })
                .collect(),
            patronymic_endings: translit
                .patronymic_endings
                .iter()
                .map(|e| e.to_lowercase())
                .collect(),
        };
        Ok(Lexicon {
            home: home_idx,
            transliteration,
            noise: Noise {
                stop_markers: folded_list(&noise.stop_markers),
                link_prefixes: folded_list(&noise.link_prefixes),
                caption_words: folded_list(&noise.caption_words)
                    .iter()
                    .map(|w| Finder::new(w).into_owned())
                    .collect(),
                agencies: folded_list(&noise.agencies),
            },
            countries: lex_countries,
            cities: lex_cities,
            organizations: lex_orgs,
            titles: titles
                .title
                .iter()
                .map(|t| Title { en: t.en.clone() })
                .collect(),
            portfolios: titles
                .portfolio
                .iter()
                .map(|p| Portfolio {
                    en: p.en.clone(),
                    home_default: p.home_default,
                    home_en: p.home_en.clone(),
                })
                .collect(),
            people: lex_people,
            themes: theme_codes,
            theme_patterns,
            meeting_cues,
            finite_verbs: plain_set(&verbs.clause.finite_verbs),
            determiners: folded_set(&verbs.clause.determiners),
            function_words: plain_set(&verbs.clause.function_words),
            name_particles: folded_set(&verbs.clause.name_particles),
            reference_nouns,
            anaphors,
            references,
            recall_markers: folded_list(&verbs.clause.recall_markers),
            grammar: Grammar {
                same_day: folded_list(&verbs.grammar.same_day),
                next_day: folded_list(&verbs.grammar.next_day),
                title_connectors: folded_set(&verbs.grammar.title_connectors),
                posting: folded_set(&verbs.grammar.posting),
                articles: folded_list(&verbs.grammar.articles),
                complement: folded_set(&verbs.grammar.complement),
                cue_complement: folded_set(&verbs.grammar.cue_complement),
                with: folded_list(&verbs.grammar.with),
                object_relatives: folded_set(&verbs.grammar.object_relatives),
                paragraph_leads: folded_list(&verbs.grammar.paragraph_leads),
                until: folded_set(&verbs.grammar.until),
                year_prepositions: folded_set(&verbs.grammar.year_prepositions),
                not_a_meeting_after: folded_list(&verbs.grammar.not_a_meeting_after),
                list_words: folded_set(&verbs.grammar.list_words),
                city_locatives: folded_set(&verbs.grammar.city_locatives),
                country_locatives: folded_set(&verbs.grammar.country_locatives),
            },
            matcher: matcher.build(),
        })
    }

    /// Every known entity and theme cue in `folded`, leftmost-longest, at word boundaries.
    pub fn mentions(&self, folded: &str) -> Vec<Mention<'_>> {
        let mut all = self.matcher.find(folded);
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
                    }),
            );
        }
        matcher::select(all)
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

fn parse_toml<T: serde::de::DeserializeOwned>(
    (path, text): &(PathBuf, String),
) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| Error::Lexicon {
        path: path.clone(),
        message: one_line(&e.to_string()),
    })
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
}
