//! Loading the lexicon: the shared files (countries, cities, organisations,
//! people, with their names in each language) and, for each language of
//! `languages.toml`, the files of its directory (verbs, grammar, titles,
//! themes, page furniture, dates), compiled into one `Lexicon` per language.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use aho_corasick::{AhoCorasick, MatchKind};
use include_dir::{include_dir, Dir};
use memchr::memmem::Finder;
use rayon::prelude::*;
use serde::Deserialize;

use super::dates::DatePatterns;
use super::files::{self, ByLanguage, OrgKind, Strength, Tense};
use super::matcher::{self, Entity};
use super::{
    BodyNames, City, Country, Grammar, Lexicon, MeetingCue, Noise, Organization, Person, Portfolio,
    Title, Transliteration, Words,
};
use crate::error::{one_line, Error};
use crate::fold::fold;

/// The lexicon compiled into the binary: every file under `lexicon/`.
static EMBEDDED: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/lexicon");

/// Where lexicon files come from: the embedded copy or a directory.
struct Source<'a> {
    dir: Option<&'a Path>,
}

/// A file's path (as errors name it) and text.
type File = (PathBuf, String);

impl Source<'_> {
    fn read(&self, name: &str) -> Result<File, Error> {
        self.read_optional(name)?.ok_or_else(|| {
            let path = self.path(name);
            Error::io(
                &path,
                std::io::Error::new(std::io::ErrorKind::NotFound, "no such lexicon file"),
            )
        })
    }

    fn read_optional(&self, name: &str) -> Result<Option<File>, Error> {
        let path = self.path(name);
        match self.dir {
            None => Ok(EMBEDDED
                .get_file(name)
                .and_then(|f| f.contents_utf8())
                .map(|text| (path, text.to_string()))),
            Some(_) => match std::fs::read_to_string(&path) {
                Ok(text) => Ok(Some((path, text))),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
                Err(e) => Err(Error::io(&path, e)),
            },
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        match self.dir {
            None => PathBuf::from("lexicon").join(name),
            Some(dir) => dir.join(name),
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesFile {
    languages: Vec<String>,
}

/// The shared files, parsed once for every language.
struct Shared {
    countries: (PathBuf, files::CountriesFile),
    cities: (PathBuf, files::CitiesFile),
    organizations: (PathBuf, files::OrganizationsFile),
    /// Each country's index by its canonical name, for the entries naming one.
    country_index: HashMap<String, usize>,
    people: (PathBuf, files::PeopleFile),
}

/// The lexicons of every language the lexicon directory holds.
pub struct Lexicons {
    /// In the order of `languages.toml`: the first is the default.
    pub langs: Vec<Lexicon>,
}

impl Lexicons {
    /// The lexicons of a directory, or the embedded ones; without the people
    /// gazetteer when `people` is off, which leaves names to the name finder
    /// alone (what `eval --no-people` measures).
    pub fn load(dir: Option<&Path>, people: bool) -> Result<Lexicons, Error> {
        let source = Source { dir };
        let list = source.read("languages.toml")?;
        let languages: LanguagesFile = parse_toml(&list)?;
        if languages.languages.is_empty() {
            return Err(invalid(&list.0, "`languages` lists no language".into()));
        }
        let shared = Shared::load(&source, people, &languages.languages)?;
        // Languages compile independently: on all cores, start-up takes the
        // time of the largest one rather than of all.
        let langs = languages
            .languages
            .par_iter()
            .map(|lang| Lexicon::build(&shared, lang, &source))
            .collect::<Result<Vec<Lexicon>, _>>()?;
        let dates: Vec<DatePatterns> = langs.iter().map(|l| l.dates.clone()).collect();
        let langs = langs
            .into_iter()
            .enumerate()
            .map(|(i, mut lex)| {
                lex.foreign_dates = dates
                    .iter()
                    .enumerate()
                    .filter(|&(j, _)| j != i)
                    .map(|(_, d)| d.clone())
                    .collect();
                lex
            })
            .collect();
        Ok(Lexicons { langs })
    }

    pub fn embedded() -> Result<Lexicons, Error> {
        Lexicons::load(None, true)
    }

    pub fn get(&self, lang: &str) -> Option<&Lexicon> {
        self.langs.iter().find(|l| l.lang == lang)
    }

    /// The lexicon of `lang` when there is one, else of the language `text`
    /// is written in: the one whose function words ("le", "de", "the", "of")
    /// are most of its words. A function-word profile needs no model and no
    /// crate, and every language the lexicon knows has these lists.
    pub fn for_text(&self, lang: Option<&str>, text: &str) -> &Lexicon {
        if let Some(lex) = lang.and_then(|l| self.get(l)) {
            return lex;
        }
        // The first few thousand bytes are enough to tell, and bound the cost.
        let mut end = text.len().min(4000);
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let words: Vec<&str> = text[..end]
            .split(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’')
            .filter(|w| !w.is_empty())
            .collect();
        let score = |lex: &Lexicon| {
            words
                .iter()
                .filter(|w| lex.function_words.contains_plain(w))
                .count()
        };
        let mut best = &self.langs[0];
        let mut best_score = score(best);
        for lex in &self.langs[1..] {
            let s = score(lex);
            if s > best_score {
                (best, best_score) = (lex, s);
            }
        }
        best
    }
}

impl Shared {
    fn load(source: &Source, people: bool, languages: &[String]) -> Result<Shared, Error> {
        let read = |name: &str| -> Result<(PathBuf, String), Error> { source.read(name) };
        let people_file = if people {
            read("people.toml")?
        } else {
            (source.path("people.toml"), "person = []".into())
        };
        let countries: (PathBuf, files::CountriesFile) = parsed(read("countries.toml")?)?;
        let country_index = countries
            .1
            .country
            .iter()
            .enumerate()
            .map(|(i, c)| (c.name.clone(), i))
            .collect();
        let shared = Shared {
            countries,
            cities: parsed(read("cities.toml")?)?,
            organizations: parsed(read("organizations.toml")?)?,
            people: parsed(people_file)?,
            country_index,
        };
        shared.check_languages(languages)?;
        Ok(shared)
    }

    /// Names keyed by a language the lexicon does not list are a typo.
    fn check_languages(&self, languages: &[String]) -> Result<(), Error> {
        let check = |path: &Path, owner: &str, by: &ByLanguage| match by
            .keys()
            .find(|k| !languages.contains(k))
        {
            Some(k) => Err(invalid(
                path,
                format!("{owner}: language {k:?} is not in languages.toml"),
            )),
            None => Ok(()),
        };
        let (path, countries) = &self.countries;
        for c in &countries.country {
            check(path, &c.name, &c.names)?;
            check(path, &c.name, &c.demonyms)?;
        }
        let (path, cities) = &self.cities;
        for c in &cities.city {
            check(path, &c.name, &c.names)?;
        }
        let (path, orgs) = &self.organizations;
        for o in &orgs.organization {
            check(path, &o.name, &o.names)?;
        }
        Ok(())
    }
}

/// The files of one language's directory.
struct LanguageFiles {
    verbs: (PathBuf, files::VerbsFile),
    grammar: (PathBuf, files::GrammarFile),
    titles: (PathBuf, files::TitlesFile),
    themes: (PathBuf, files::ThemesFile),
    noise: (PathBuf, files::NoiseFile),
    dates: (PathBuf, files::DatesFile),
    transliteration: Option<(PathBuf, files::TransliterationFile)>,
    bodies: Option<(PathBuf, files::BodiesFile)>,
}

impl LanguageFiles {
    fn load(source: &Source, lang: &str) -> Result<LanguageFiles, Error> {
        let read = |name: &str| source.read(&format!("{lang}/{name}"));
        Ok(LanguageFiles {
            verbs: parsed(read("verbs.toml")?)?,
            grammar: parsed(read("grammar.toml")?)?,
            titles: parsed(read("titles.toml")?)?,
            themes: parsed(read("themes.toml")?)?,
            noise: parsed(read("noise.toml")?)?,
            dates: parsed(read("dates.toml")?)?,
            transliteration: source
                .read_optional(&format!("{lang}/transliteration.toml"))?
                .map(parsed)
                .transpose()?,
            bodies: source
                .read_optional(&format!("{lang}/bodies.toml"))?
                .map(parsed)
                .transpose()?,
        })
    }
}

/// The forms of an entry in `lang`, or its canonical name when it has none there.
fn forms_in(by: &ByLanguage, lang: &str, canonical: &str) -> Vec<String> {
    by.get(lang)
        .cloned()
        .unwrap_or_else(|| vec![canonical.to_string()])
}

impl Lexicon {
    fn build(shared: &Shared, lang: &str, source: &Source) -> Result<Lexicon, Error> {
        let files = LanguageFiles::load(source, lang)?;
        let mut matcher = matcher::Builder::default();
        let (countries, home) = countries(shared, lang, &mut matcher)?;
        let cities = cities(shared, lang, &mut matcher)?;
        let organizations = organizations(shared, lang, &mut matcher)?;
        let people = people(shared, &mut matcher)?;
        let (titles, portfolios) = titles(&files.titles, &mut matcher)?;
        let (themes, theme_patterns) = themes(&files.themes, &mut matcher)?;
        let meeting_cues = meeting_cues(&files.verbs, &files.grammar.1, &mut matcher)?;
        let transliteration = transliteration(shared, files.transliteration.as_ref())?;
        let body_names = files.bodies.as_ref().map(body_names).transpose()?;
        let (grammar_path, grammar) = &files.grammar;
        let clause = &grammar.clause;
        let reference_nouns = folded_list(&clause.reference_nouns);
        let anaphors = folded_list(&clause.anaphors);
        let references = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .build(reference_nouns.iter().chain(&anaphors))
            .map_err(|e| invalid(grammar_path, format!("reference nouns and anaphors: {e}")))?;
        let dates =
            DatePatterns::compile(&files.dates.1).map_err(|m| invalid(&files.dates.0, m))?;
        Ok(Lexicon {
            lang: lang.to_string(),
            home,
            transliteration,
            body_names,
            noise: noise(&files.noise.1),
            countries,
            cities,
            organizations,
            titles,
            portfolios,
            people,
            themes,
            theme_patterns,
            meeting_cues,
            finite_verbs: plain_set(&clause.finite_verbs),
            determiners: folded_set(&clause.determiners),
            function_words: plain_set(&clause.function_words),
            name_particles: folded_set(&clause.name_particles),
            reference_nouns,
            anaphors,
            references,
            recall_markers: folded_list(&clause.recall_markers),
            body_words: folded_set(&clause.body_words),
            grammar: grammar_words(&grammar.grammar),
            dates,
            foreign_dates: Vec::new(),
            matcher: matcher::LazyMatcher::new(matcher),
        })
    }
}

/// The countries with their names and demonyms in `lang`, and the home
/// country's index.
fn countries(
    shared: &Shared,
    lang: &str,
    matcher: &mut matcher::Builder,
) -> Result<(Vec<Country>, usize), Error> {
    let (path, file) = &shared.countries;
    let (_, cities) = &shared.cities;
    let city_index: HashMap<(&str, &str), usize> = cities
        .city
        .iter()
        .enumerate()
        .map(|(i, c)| ((c.name.as_str(), c.country.as_str()), i))
        .collect();
    let mut out = Vec::new();
    for (i, c) in file.country.iter().enumerate() {
        let capital = match &c.capital {
            Some(cap) => Some(
                city_index
                    .get(&(cap.as_str(), c.name.as_str()))
                    .copied()
                    .ok_or_else(|| {
                        invalid(
                            path,
                            format!(
                                "{}: capital {cap:?} is not a city of it in cities.toml",
                                c.name
                            ),
                        )
                    })?,
            ),
            None => None,
        };
        let names = c.names.get(lang).cloned().unwrap_or_default();
        let demonyms = c.demonyms.get(lang).cloned().unwrap_or_default();
        let entry = |m: String| invalid(path, format!("{}: {m}", c.name));
        matcher.add_all(&names, Entity::Country(i)).map_err(entry)?;
        matcher.add(&c.name, Entity::Country(i)).map_err(entry)?;
        matcher
            .add_all(&demonyms, Entity::Demonym(i))
            .map_err(entry)?;
        out.push(Country {
            name: c.name.clone(),
            names,
            demonyms,
            capital,
            surnames: c.surnames.iter().map(|s| fold(s)).collect(),
            name_letters: c
                .name_letters
                .chars()
                .flat_map(char::to_lowercase)
                .collect(),
            joined_given_names: c.joined_given_names,
        });
    }
    // The home country's side of every meeting is the "home" side; the partner is the other.
    let homes: Vec<usize> = (0..file.country.len())
        .filter(|&i| file.country[i].home)
        .collect();
    let [home] = homes[..] else {
        return Err(invalid(
            path,
            format!(
                "exactly one country needs `home = true`, found {}",
                homes.len()
            ),
        ));
    };
    Ok((out, home))
}

fn country_of(
    index: &HashMap<String, usize>,
    path: &Path,
    owner: &str,
    name: &str,
) -> Result<usize, Error> {
    index
        .get(name)
        .copied()
        .ok_or_else(|| invalid(path, format!("{owner}: unknown country {name:?}")))
}

fn cities(shared: &Shared, lang: &str, matcher: &mut matcher::Builder) -> Result<Vec<City>, Error> {
    let index = &shared.country_index;
    let (path, file) = &shared.cities;
    let mut out = Vec::new();
    for (i, c) in file.city.iter().enumerate() {
        let country = country_of(index, path, &c.name, &c.country)?;
        let names = forms_in(&c.names, lang, &c.name);
        matcher
            .add_all(&names, Entity::City(i))
            .map_err(|m| invalid(path, format!("{}: {m}", c.name)))?;
        out.push(City {
            name: c.name.clone(),
            names,
            country,
        });
    }
    Ok(out)
}

fn organizations(
    shared: &Shared,
    lang: &str,
    matcher: &mut matcher::Builder,
) -> Result<Vec<Organization>, Error> {
    let index = &shared.country_index;
    let (path, file) = &shared.organizations;
    let mut out = Vec::new();
    for (i, o) in file.organization.iter().enumerate() {
        let country = match &o.country {
            Some(c) => Some(country_of(index, path, &o.name, c)?),
            None if o.kind != OrgKind::InternationalOrg => {
                return Err(invalid(
                    path,
                    format!("{}: a company or an agency needs a country", o.name),
                ))
            }
            None => None,
        };
        matcher
            .add_all(&forms_in(&o.names, lang, &o.name), Entity::Organization(i))
            .map_err(|m| invalid(path, format!("{}: {m}", o.name)))?;
        let part_of = match &o.part_of {
            Some(parent) => Some(
                file.organization
                    .iter()
                    .position(|p| &p.name == parent)
                    .ok_or_else(|| {
                        invalid(
                            path,
                            format!("{}: part_of {parent:?} is no organization", o.name),
                        )
                    })?,
            ),
            None => None,
        };
        out.push(Organization {
            name: o.name.clone(),
            kind: o.kind,
            country,
            part_of,
        });
    }
    Ok(out)
}

fn people(shared: &Shared, matcher: &mut matcher::Builder) -> Result<Vec<Person>, Error> {
    let index = &shared.country_index;
    let (path, file) = &shared.people;
    let mut out = Vec::new();
    for (i, p) in file.person.iter().enumerate() {
        let country = country_of(index, path, &p.name, &p.country)?;
        let entry = |m: String| invalid(path, format!("{}: {m}", p.name));
        matcher.add(&p.name, Entity::Person(i)).map_err(entry)?;
        matcher
            .add_all(&p.aliases, Entity::Person(i))
            .map_err(entry)?;
        out.push(Person {
            name: p.name.clone(),
            country,
        });
    }
    Ok(out)
}

fn titles(
    (path, file): &(PathBuf, files::TitlesFile),
    matcher: &mut matcher::Builder,
) -> Result<(Vec<Title>, Vec<Portfolio>), Error> {
    for (i, t) in file.title.iter().enumerate() {
        matcher
            .add_all(&t.forms, Entity::Title(i))
            .map_err(|m| invalid(path, format!("title {}: {m}", t.en)))?;
    }
    for (i, p) in file.portfolio.iter().enumerate() {
        matcher
            .add_all(&p.forms, Entity::Portfolio(i))
            .map_err(|m| invalid(path, format!("portfolio {}: {m}", p.en)))?;
    }
    for h in &file.honorific {
        matcher
            .add_all(&h.forms, Entity::Honorific)
            .map_err(|m| invalid(path, m))?;
    }
    let titles = file
        .title
        .iter()
        .map(|t| Title {
            en: t.en.clone(),
            of_ministry: t.of_ministry,
            generic: t.generic,
            object: t.object,
            lower_case_body: t.lower_case_body,
        })
        .collect();
    let portfolios = file
        .portfolio
        .iter()
        .map(|p| Portfolio {
            en: p.en.clone(),
            home_default: p.home_default,
            home_en: p.home_en.clone(),
        })
        .collect();
    Ok((titles, portfolios))
}

/// Theme codes and gapped cues: (`Entity::Theme`, pattern over folded text).
type ThemePatterns = Vec<(Entity, regex::bytes::Regex)>;

fn themes(
    (path, file): &(PathBuf, files::ThemesFile),
    matcher: &mut matcher::Builder,
) -> Result<(Vec<String>, ThemePatterns), Error> {
    let mut codes = Vec::new();
    let mut patterns = Vec::new();
    for (i, t) in file.theme.iter().enumerate() {
        if !crate::THEMES.contains(&t.code.as_str()) {
            return Err(invalid(
                path,
                format!(
                    "unknown theme code {:?} (SPEC codes: {})",
                    t.code,
                    crate::THEMES.join(", ")
                ),
            ));
        }
        let plurals = file
            .plural
            .as_ref()
            .map(|p| t.cues.iter().filter_map(|c| p.of(c)).collect())
            .unwrap_or_else(Vec::new);
        matcher
            .add_all(&t.cues, Entity::Theme(i))
            .and_then(|()| matcher.add_all(&plurals, Entity::Theme(i)))
            .map_err(|m| invalid(path, format!("{}: {m}", t.code)))?;
        for pattern in &t.patterns {
            // Folded text is ASCII but for rare non-Latin scripts: with
            // ASCII `\b` and `\w` the regex engine's fast DFA never has to
            // give up to a slow one on a stray non-ASCII character.
            let re = regex::bytes::RegexBuilder::new(pattern)
                .unicode(false)
                .build()
                .map_err(|e| {
                    let e = one_line(&e.to_string());
                    invalid(path, format!("{}: bad pattern {pattern:?}: {e}", t.code))
                })?;
            patterns.push((Entity::Theme(i), re));
        }
        codes.push(t.code.clone());
    }
    Ok((codes, patterns))
}

/// The written-out cues (`[[meeting]]`), then those of the `[[verb]]` lemmas.
fn meeting_cues(
    (path, verbs): &(PathBuf, files::VerbsFile),
    grammar: &files::GrammarFile,
    matcher: &mut matcher::Builder,
) -> Result<Vec<MeetingCue>, Error> {
    let mut cues = Vec::new();
    for m in &verbs.meeting {
        matcher
            .add_all(&m.all_forms(), Entity::Meeting(cues.len()))
            .map_err(|m| invalid(path, m))?;
        cues.push(MeetingCue {
            kind: m.kind,
            strength: m.strength,
            passive: m.guest_first,
            refers_back: m.refers_back,
            participle: m.participle,
            recalled: false,
            complements: m.complements.iter().map(|c| fold(c)).collect(),
            governs: false,
        });
    }
    for (cue, forms) in verb_cues(verbs, &grammar.grammar.adverbs).map_err(|m| invalid(path, m))? {
        matcher
            .add_all(&forms, Entity::Meeting(cues.len()))
            .map_err(|m| invalid(path, m))?;
        cues.push(cue);
    }
    Ok(cues)
}

/// The meeting cues of the `[[verb]]` lemmas: per entry, one cue per tense
/// class (held, passive, leading, announced, recalled) with its forms, each
/// followed by every complement. A generated form that is also a meeting
/// noun ("rencontre") is left to the noun, whose determiner rule tells the
/// two apart.
fn verb_cues(
    verbs: &files::VerbsFile,
    adverbs: &[String],
) -> Result<Vec<(MeetingCue, Vec<String>)>, String> {
    let rules = &verbs.conjugation;
    let unknown = rules.unknown_names(&rules.part_names);
    if !unknown.is_empty() {
        return Err(format!(
            "conjugation templates name unknown parts or words: {unknown:?}"
        ));
    }
    for p in &verbs.parts {
        if let Some(name) = p.parts.keys().find(|n| !rules.part_names.contains(n)) {
            return Err(format!(
                "parts of {:?}: {name:?} is not in conjugation.parts",
                p.infinitive
            ));
        }
    }
    let nouns: HashSet<String> = verbs
        .meeting
        .iter()
        .filter(|m| m.strength == Strength::Noun)
        .flat_map(|m| m.all_forms().into_iter().map(|f| fold(&f)))
        .collect();
    let mut out = Vec::new();
    for v in &verbs.verb {
        // Adverbs stand inside a verb's compound tenses. Before a noun
        // complement they would multiply the trie's forms, so there only the
        // bare compound form takes them ("a également rendu", its complement
        // found after it).
        let multiword = v.complements.iter().any(|c| c.contains(' '));
        let (adverbs, bare_adverbs): (&[String], &[String]) = if multiword {
            (&[], adverbs)
        } else {
            (adverbs, &[])
        };
        let mut by_tense: Vec<(Tense, Vec<String>)> = Vec::new();
        // The compound forms alone ("a eu", "a pris", "s'est rendu"), which
        // need their complement after an insert; single words ("a", "eut")
        // are too common to look past, but an announced one is not
        // ("assistera aussi, à Phnom Penh, aux réunions").
        let mut bare: Vec<(Tense, Vec<String>)> = Vec::new();
        // The announced compound forms alone ("will hold"): they govern the
        // conversation nouns after them (`MeetingCue::governs`).
        let mut governing: Vec<(Tense, Vec<String>)> = Vec::new();
        let add = |list: &mut Vec<(Tense, Vec<String>)>, tense: Tense, forms: Vec<String>| {
            let slot = match list.iter().position(|(t, _)| *t == tense) {
                Some(i) => i,
                None => {
                    list.push((tense, Vec::new()));
                    list.len() - 1
                }
            };
            list[slot]
                .1
                .extend(forms.into_iter().filter(|f| !nouns.contains(&fold(f))));
        };
        for lemma in &v.lemmas {
            let (reflexive, infinitive) = rules.split_reflexive(lemma);
            let parts = rules.parts(infinitive, &verbs.parts).ok_or_else(|| {
                format!("verb {lemma:?}: no regular pattern of its ending and no [[parts]] gives its parts")
            })?;
            let forms = rules.forms(&parts, reflexive, v.passive, adverbs);
            // Before a noun complement the forms above take no adverb: the
            // compound forms with one are extra bare forms.
            let held = |tense: &Tense| matches!(tense, Tense::Held | Tense::Passive);
            let with_adverbs: Vec<(Tense, String)> = if multiword {
                let plain: HashSet<&str> = forms.iter().map(|(_, form)| form.as_str()).collect();
                rules
                    .forms(&parts, reflexive, v.passive, bare_adverbs)
                    .into_iter()
                    .filter(|(tense, form)| held(tense) && !plain.contains(form.as_str()))
                    .collect()
            } else {
                Vec::new()
            };
            for (tense, form) in forms {
                if v.complements.is_empty() {
                    add(&mut by_tense, tense, vec![form]);
                    continue;
                }
                let full = v
                    .complements
                    .iter()
                    .map(|c| format!("{form} {c}"))
                    .collect();
                add(&mut by_tense, tense, full);
                if (held(&tense) && form.contains(' '))
                    || tense == Tense::Announced && !form.contains(' ')
                {
                    add(&mut bare, tense, vec![form]);
                } else if tense == Tense::Announced && form.contains(' ') {
                    add(&mut governing, tense, vec![form]);
                }
            }
            // A verb complete on its own ("hosted") needs no complement after
            // its adverb ("today hosted").
            let complete = v.complements.iter().any(String::is_empty);
            for (tense, form) in with_adverbs {
                add(
                    if complete { &mut by_tense } else { &mut bare },
                    tense,
                    vec![form],
                );
            }
        }
        let cue = |tense: Tense, complements: Vec<String>| MeetingCue {
            kind: v.kind,
            strength: tense.into(),
            passive: tense == Tense::Passive,
            refers_back: false,
            participle: tense == Tense::Lead,
            recalled: tense == Tense::Recalled,
            complements,
            governs: false,
        };
        for (tense, forms) in by_tense {
            out.push((cue(tense, Vec::new()), forms));
        }
        for (tense, forms) in governing {
            let governs = MeetingCue {
                governs: true,
                ..cue(tense, Vec::new())
            };
            out.push((governs, forms));
        }
        let complements: Vec<String> = v.complements.iter().map(|c| fold(c)).collect();
        for (tense, forms) in bare {
            out.push((cue(tense, complements.clone()), forms));
        }
    }
    Ok(out)
}

/// `bodies.toml`, folded; an empty word or translation is a data error.
fn body_names((path, file): &(PathBuf, files::BodiesFile)) -> Result<BodyNames, Error> {
    let folded = |name: &str, map: &BTreeMap<String, String>| {
        map.iter()
            .map(|(word, en)| {
                if word.trim().is_empty() || en.trim().is_empty() {
                    Err(invalid(path, format!("`{name}` has an empty entry")))
                } else {
                    Ok((fold(word), en.clone()))
                }
            })
            .collect::<Result<HashMap<String, String>, Error>>()
    };
    Ok(BodyNames {
        connectors: folded("connectors", &file.connectors)?,
        articles: folded_set(&file.articles),
        conjunctions: folded("conjunctions", &file.conjunctions)?,
        nouns: folded("nouns", &file.nouns)?,
        adjectives: folded("adjectives", &file.adjectives)?,
        remits: folded("remits", &file.remits)?,
    })
}

fn transliteration(
    shared: &Shared,
    file: Option<&(PathBuf, files::TransliterationFile)>,
) -> Result<Transliteration, Error> {
    let Some((path, file)) = file else {
        return Ok(Transliteration {
            countries: HashSet::new(),
            rules: Vec::new(),
            patronymic_endings: Vec::new(),
        });
    };
    let index = &shared.country_index;
    Ok(Transliteration {
        countries: file
            .countries
            .iter()
            .map(|c| country_of(index, path, "countries", c))
            .collect::<Result<_, _>>()?,
        rules: file
            .rules
            .iter()
            .map(|(from, to)| {
                let (from, start) = from
                    .strip_prefix('^')
                    .map_or((from.as_str(), false), |f| (f, true));
                let (from, end) = from.strip_suffix('$').map_or((from, false), |f| (f, true));
                (from.to_lowercase(), to.clone(), start, end)
            })
            .collect(),
        patronymic_endings: file
            .patronymic_endings
            .iter()
            .map(|e| e.to_lowercase())
            .collect(),
    })
}

fn noise(file: &files::NoiseFile) -> Noise {
    Noise {
        stop_markers: folded_list(&file.stop_markers),
        link_prefixes: folded_list(&file.link_prefixes),
        caption_words: folded_list(&file.caption_words)
            .iter()
            .map(|w| Finder::new(w).into_owned())
            .collect(),
        agencies: folded_list(&file.agencies),
        end_marks: folded_list(&file.end_marks),
        caption_ends: folded_list(&file.caption_ends),
        menu_separators: folded_list(&file.menu_separators),
    }
}

fn grammar_words(g: &files::Grammar) -> Grammar {
    Grammar {
        same_day: folded_list(&g.same_day),
        next_day: folded_list(&g.next_day),
        title_connectors: folded_set(&g.title_connectors),
        posting: folded_set(&g.posting),
        articles: folded_list(&g.articles),
        complement: folded_set(&g.complement),
        cue_complement: folded_set(&g.cue_complement),
        with: folded_list(&g.with),
        relation_nouns: folded_set(&g.relation_nouns),
        training_events: folded_set(&g.training_events),
        object_relatives: folded_set(&g.object_relatives),
        paragraph_leads: folded_list(&g.paragraph_leads),
        until: folded_set(&g.until),
        year_prepositions: folded_set(&g.year_prepositions),
        not_a_meeting_after: folded_list(&g.not_a_meeting_after),
        list_words: folded_set(&g.list_words),
        city_locatives: folded_set(&g.city_locatives),
        country_locatives: folded_set(&g.country_locatives),
        and: folded_list(&g.and),
        article_surnames: g.article_surnames.clone(),
        abbreviations: g.abbreviations.clone(),
        title_premodifier_gaps: folded_list(&g.title_premodifier_gaps),
        possessives: g.possessives.clone(),
        participle_openers: folded_set(&g.participle_openers),
        insert_words: folded_set(&g.insert_words),
        home_audiences: folded_list(&g.home_audiences),
        organised_by: folded_list(&g.organised_by),
        led_by: folded_list(&g.led_by),
        pair_joiners: folded_list(&g.pair_joiners),
        as_office: folded_set(&g.as_office),
        seat_before: folded_list(&g.seat_before),
        apart: folded_list(&g.apart),
        seat_after: folded_list(&g.seat_after),
        by: folded_list(&g.by),
        received_by: folded_list(&[g.by.as_slice(), g.calls_on.as_slice()].concat()),
        role_joiners: folded_set(&g.role_joiners),
        role_connectors: folded_set(&g.role_connectors),
        object_articles: folded_set(&g.object_articles),
        counterpart_nouns: folded_set(&g.counterpart_nouns),
        ministry_nouns: folded_set(&g.ministry_nouns),
        habitual: folded_set(&g.habitual),
        relative_pronouns: folded_list(&g.relative_pronouns),
        earlier: folded_list(&g.earlier),
        separately: folded_list(&g.separately),
        reported_speech: folded_list(&g.reported_speech),
        standing_for: folded_set(&g.standing_for),
    }
}

fn folded_set(words: &[String]) -> Words {
    Words(words.iter().map(|w| fold(w)).collect())
}

fn plain_set(words: &[String]) -> Words {
    Words(
        words
            .iter()
            .map(|w| super::plain_word(w).into_owned())
            .collect(),
    )
}

fn folded_list(words: &[String]) -> Vec<String> {
    words.iter().map(|w| fold(w)).collect()
}

fn invalid(path: &Path, message: String) -> Error {
    Error::Lexicon {
        path: path.to_path_buf(),
        message,
    }
}

fn parsed<T: serde::de::DeserializeOwned>(file: File) -> Result<(PathBuf, T), Error> {
    let value = parse_toml(&file)?;
    Ok((file.0, value))
}

fn parse_toml<T: serde::de::DeserializeOwned>((path, text): &File) -> Result<T, Error> {
    toml::from_str(text).map_err(|e| Error::Lexicon {
        path: path.clone(),
        message: one_line(&e.to_string()),
    })
}
