//! Synthetic articles for benchmarks and tests (`entente gen-corpus`).
//!
//! Articles imitate the seeds: a Vietnamese security official receives,
//! meets or calls a foreign partner, the two sides agree on cooperation
//! themes, and the page carries captions, `>>` links, a credit and teasers
//! after "Voir plus". Sentence templates and name lists are data
//! (`corpus/templates.toml`); partners, demonyms and capitals come from the
//! lexicon, and every theme phrase is checked against the lexicon's cues, so
//! the generator knows the true meetings and can write gold files.
//!
//! Article `i` depends only on `(seed, i)`: a corpus of N articles is a
//! prefix of every larger one with the same seed, and chunks are generated
//! in parallel and streamed to disk, never held in memory.

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::{Datelike, Days, NaiveDate};
use fastrand::Rng;
use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{one_line, Error};
use crate::fold::{ascii_name, fold};
use crate::lexicon::{Entity, Lexicon, OrgKind};

/// The templates compiled into the binary.
pub const EMBEDDED: &str = include_str!("../corpus/templates.toml");
const EMBEDDED_PATH: &str = "corpus/templates.toml";

/// Articles from which text files go into one sub-directory (`txt/00012/`).
pub const TXT_PER_DIR: u64 = 1000;

// --- The data file --------------------------------------------------------

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TemplatesFile {
    calendar: CalendarFile,
    partners: PartnersFile,
    text: TextFile,
    names: NamesFile,
    themes: BTreeMap<String, Vec<String>>,
    host: Vec<HostFile>,
    guest: Vec<GuestFile>,
    lead: Vec<LeadFile>,
    next: Vec<NextFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarFile {
    months: Vec<String>,
    weekdays: Vec<String>,
    years: (i32, i32),
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnersFile {
    countries: Vec<(String, String)>,
    organizations: Vec<(String, String)>,
    companies: Vec<(String, String)>,
    home_cities: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TextFile {
    titles: Vec<String>,
    links: Vec<String>,
    captions: Vec<String>,
    themes_paragraphs: Vec<String>,
    filler_paragraphs: Vec<String>,
    fillers_per_meeting: (usize, usize),
    credits: Vec<String>,
    teasers: Vec<(String, String)>,
    teaser_places: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NamesFile {
    vn_family: Vec<String>,
    vn_middle_m: Vec<String>,
    vn_given_m: Vec<String>,
    vn_middle_f: Vec<String>,
    vn_given_f: Vec<String>,
    foreign_given_m: Vec<String>,
    foreign_given_f: Vec<String>,
    foreign_family: Vec<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Gender {
    M,
    F,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HostFile {
    gender: Gender,
    rank: String,
    title: String,
    short: String,
    #[serde(rename = "ref")]
    reference: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum PartnerKind {
    Country,
    Organization,
    Company,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct GuestFile {
    kind: PartnerKind,
    gender: Gender,
    intro: String,
    short: String,
    #[serde(rename = "ref")]
    reference: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum MeetingKind {
    Reception,
    Talks,
    PhoneCall,
}

impl MeetingKind {
    fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Reception => "reception",
            MeetingKind::Talks => "talks",
            MeetingKind::PhoneCall => "phone_call",
        }
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum Place {
    Home,
    Abroad,
    None,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeadFile {
    kind: MeetingKind,
    place: Place,
    text: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
enum When {
    SameDay,
    OtherDay,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NextFile {
    kind: MeetingKind,
    when: When,
    text: String,
}

// --- Templates --------------------------------------------------------------

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Slot {
    Host,
    HostShort,
    HostRef,
    HostAscii,
    Guest,
    GuestShort,
    GuestRef,
    Date,
    City,
    Partner,
    PartnerName,
    PartnerIn,
    Theme,
    Themes,
    E,
    Ge,
    Name,
    Place,
    Dem,
    DemF,
    Of,
}

const SLOTS: [(&str, Slot); 21] = [
    ("host", Slot::Host),
    ("host_short", Slot::HostShort),
    ("host_ref", Slot::HostRef),
    ("host_ascii", Slot::HostAscii),
    ("guest", Slot::Guest),
    ("guest_short", Slot::GuestShort),
    ("guest_ref", Slot::GuestRef),
    ("date", Slot::Date),
    ("city", Slot::City),
    ("partner", Slot::Partner),
    ("partner_name", Slot::PartnerName),
    ("partner_in", Slot::PartnerIn),
    ("theme", Slot::Theme),
    ("themes", Slot::Themes),
    ("e", Slot::E),
    ("ge", Slot::Ge),
    ("name", Slot::Name),
    ("place", Slot::Place),
    ("dem", Slot::Dem),
    ("dem_f", Slot::DemF),
    ("of", Slot::Of),
];

fn slot_name(slot: Slot) -> &'static str {
    SLOTS
        .iter()
        .find(|(_, s)| *s == slot)
        .map_or("?", |(n, _)| n)
}

enum Piece {
    Lit(String),
    Slot { slot: Slot, capital: bool },
}

/// A sentence with its slots parsed once, so rendering is only string pushes.
struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    fn parse(text: &str, allowed: &[Slot]) -> Result<Template, String> {
        let mut pieces = Vec::new();
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            if open > 0 {
                pieces.push(Piece::Lit(rest[..open].to_string()));
            }
            let close = rest[open..]
                .find('}')
                .ok_or_else(|| format!("unclosed {{ in {text:?}"))?
                + open;
            let name = &rest[open + 1..close];
            let capital = name.starts_with(|c: char| c.is_ascii_uppercase());
            let lower = name.to_ascii_lowercase();
            let slot = SLOTS
                .iter()
                .find(|(n, _)| *n == lower)
                .map(|(_, s)| *s)
                .filter(|s| allowed.contains(s))
                .ok_or_else(|| {
                    let names: Vec<_> = allowed.iter().map(|s| slot_name(*s)).collect();
                    format!(
                        "unknown slot {{{name}}} in {text:?} (this list takes {})",
                        names.join(", ")
                    )
                })?;
            pieces.push(Piece::Slot { slot, capital });
            rest = &rest[close + 1..];
        }
        if rest.contains('}') {
            return Err(format!("unopened }} in {text:?}"));
        }
        if !rest.is_empty() {
            pieces.push(Piece::Lit(rest.to_string()));
        }
        Ok(Template { pieces })
    }

    fn render(&self, v: &Values, out: &mut String) {
        for piece in &self.pieces {
            match piece {
                Piece::Lit(s) => out.push_str(s),
                Piece::Slot { slot, capital } => {
                    let value = v.get(*slot);
                    if *capital {
                        push_capitalised(value, out);
                    } else {
                        out.push_str(value);
                    }
                }
            }
        }
    }

    fn to_string(&self, v: &Values) -> String {
        let mut s = String::new();
        self.render(v, &mut s);
        s
    }

    fn literals(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Lit(s) => Some(s.as_str()),
            Piece::Slot { .. } => None,
        })
    }
}

fn push_capitalised(s: &str, out: &mut String) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// The values of the slots for one rendering; unused ones stay empty.
#[derive(Default)]
struct Values<'a> {
    host: &'a str,
    host_short: &'a str,
    host_ref: &'a str,
    host_ascii: &'a str,
    guest: &'a str,
    guest_short: &'a str,
    guest_ref: &'a str,
    date: &'a str,
    city: &'a str,
    partner: &'a str,
    partner_name: &'a str,
    partner_in: &'a str,
    theme: &'a str,
    themes: &'a str,
    e: &'a str,
    ge: &'a str,
    name: &'a str,
    place: &'a str,
    dem: &'a str,
    dem_f: &'a str,
    of: &'a str,
}

impl Values<'_> {
    fn get(&self, slot: Slot) -> &str {
        match slot {
            Slot::Host => self.host,
            Slot::HostShort => self.host_short,
            Slot::HostRef => self.host_ref,
            Slot::HostAscii => self.host_ascii,
            Slot::Guest => self.guest,
            Slot::GuestShort => self.guest_short,
            Slot::GuestRef => self.guest_ref,
            Slot::Date => self.date,
            Slot::City => self.city,
            Slot::Partner => self.partner,
            Slot::PartnerName => self.partner_name,
            Slot::PartnerIn => self.partner_in,
            Slot::Theme => self.theme,
            Slot::Themes => self.themes,
            Slot::E => self.e,
            Slot::Ge => self.ge,
            Slot::Name => self.name,
            Slot::Place => self.place,
            Slot::Dem => self.dem,
            Slot::DemF => self.dem_f,
            Slot::Of => self.of,
        }
    }
}

// --- Compiled generator -----------------------------------------------------

struct Partner {
    /// Canonical English name, as in the tables.
    canonical: String,
    kind: PartnerKind,
    /// French name without its article ("Russie", "ONUDC").
    name: String,
    /// With its article ("la Russie", "l'ONUDC").
    the: String,
    /// After "de" ("de la Russie", "du Japon", "d'Interpol").
    of: String,
    /// Where ("en Russie", "au Japon", "aux États-Unis").
    within: String,
    dem: String,
    dem_f: String,
    /// Capital: (French name, canonical name).
    capital: Option<(String, String)>,
}

struct Host {
    gender: Gender,
    rank: String,
    title: String,
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

/// A validated templates file, ready to generate articles.
pub struct Generator {
    months: Vec<String>,
    weekdays: Vec<String>,
    years: (i32, i32),
    names: NamesFile,
    partners: Vec<Partner>,
    /// (French name, canonical name).
    home_cities: Vec<(String, String)>,
    hosts: Vec<Host>,
    guests: Vec<Guest>,
    /// (SPEC code, noun phrases).
    themes: Vec<(String, Vec<String>)>,
    titles: Vec<Template>,
    links: Vec<String>,
    leads: Vec<Lead>,
    nexts: Vec<Next>,
    captions: Vec<Template>,
    themes_paragraphs: Vec<Template>,
    filler_paragraphs: Vec<Template>,
    fillers_per_meeting: (usize, usize),
    credits: Vec<String>,
    teasers: Vec<(Template, Template)>,
    teaser_places: Vec<String>,
}

impl Generator {
    /// The templates compiled into the binary.
    pub fn embedded(lex: &Lexicon) -> Result<Generator, Error> {
        Generator::from_source(Path::new(EMBEDDED_PATH), EMBEDDED, lex)
    }

    /// A templates file on disk (same format as `corpus/templates.toml`).
    pub fn from_file(path: &Path, lex: &Lexicon) -> Result<Generator, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Generator::from_source(path, &text, lex)
    }

    pub fn from_source(path: &Path, text: &str, lex: &Lexicon) -> Result<Generator, Error> {
        let invalid = |message: String| Error::Templates {
            path: path.to_path_buf(),
            message,
        };
        let file: TemplatesFile =
            toml::from_str(text).map_err(|e| invalid(one_line(&e.to_string())))?;
        compile(file, lex).map_err(invalid)
    }
}

fn compile(file: TemplatesFile, lex: &Lexicon) -> Result<Generator, String> {
    let TemplatesFile {
        calendar: c,
        partners: p,
        text: t,
        names,
        themes: theme_file,
        host,
        guest,
        lead,
        next,
    } = file;
    if c.months.len() != 12 || c.weekdays.len() != 7 {
        return Err("months needs 12 names and weekdays 7".into());
    }
    if c.years.0 > c.years.1 {
        return Err(format!("years: {} is after {}", c.years.0, c.years.1));
    }
    let (low, high) = t.fillers_per_meeting;
    if low > high {
        return Err(format!("fillers_per_meeting: {low} is more than {high}"));
    }
    let n = &names;
    for (key, list) in [
        ("names.vn_family", &n.vn_family),
        ("names.vn_middle_m", &n.vn_middle_m),
        ("names.vn_given_m", &n.vn_given_m),
        ("names.vn_middle_f", &n.vn_middle_f),
        ("names.vn_given_f", &n.vn_given_f),
        ("names.foreign_given_m", &n.foreign_given_m),
        ("names.foreign_given_f", &n.foreign_given_f),
        ("names.foreign_family", &n.foreign_family),
        ("home_cities", &p.home_cities),
        ("links", &t.links),
        ("credits", &t.credits),
        ("teaser_places", &t.teaser_places),
    ] {
        if list.is_empty() {
            return Err(format!("{key} is empty"));
        }
    }

    let mut partners = Vec::new();
    for (canonical, article) in &p.countries {
        let i = lex
            .countries
            .iter()
            .position(|c| c.name == *canonical)
            .ok_or_else(|| {
                format!("countries: unknown country {canonical:?} (not in lexicon/countries.toml)")
            })?;
        let forms = country_forms(canonical, article, lex)?;
        let capital = lex.countries[i].capital.map(|c| {
            let city = &lex.cities[c];
            (french_city(lex, c), city.name.clone())
        });
        partners.push(Partner { capital, ..forms });
    }
    for (list, kind, key) in [
        (&p.organizations, PartnerKind::Organization, "organizations"),
        (&p.companies, PartnerKind::Company, "companies"),
    ] {
        for (canonical, form) in list {
            let i = lex
                .organizations
                .iter()
                .position(|o| o.name == *canonical)
                .ok_or_else(|| format!("{key}: unknown organisation {canonical:?} (not in lexicon/organizations.toml)"))?;
            let is_company = lex.organizations[i].kind == OrgKind::Company;
            if is_company != (kind == PartnerKind::Company) {
                return Err(format!(
                    "{key}: {canonical:?} is of the other kind in lexicon/organizations.toml"
                ));
            }
            let names_it = lex
                .mentions(&fold(form))
                .iter()
                .any(|m| m.what.contains(&Entity::Organization(i)));
            if !names_it {
                return Err(format!(
                    "{key}: the lexicon does not read {form:?} as {canonical:?}"
                ));
            }
            partners.push(org_forms(canonical, form, kind));
        }
    }
    if !partners.iter().any(|p| p.kind == PartnerKind::Country) {
        return Err("countries is empty".into());
    }

    let home_cities = p
        .home_cities
        .iter()
        .map(|name| {
            let c = lex
                .cities
                .iter()
                .position(|c| c.name == *name && c.country == lex.home)
                .ok_or_else(|| format!("home_cities: {name:?} is not a city of the home country in lexicon/cities.toml"))?;
            Ok((french_city(lex, c), name.clone()))
        })
        .collect::<Result<Vec<_>, String>>()?;

    let hosts: Vec<Host> = host
        .into_iter()
        .map(|h| Host {
            gender: h.gender,
            rank: h.rank,
            title: h.title,
            short: h.short,
            reference: h.reference,
        })
        .collect();
    if hosts.is_empty() {
        return Err("no [[host]]".into());
    }
    let guest_slots = [Slot::Name, Slot::Dem, Slot::DemF, Slot::Of, Slot::Partner];
    let mut guests = Vec::new();
    for (i, g) in guest.iter().enumerate() {
        let at = |m: String| format!("guest[{i}]: {m}");
        guests.push(Guest {
            kind: g.kind,
            gender: g.gender,
            intro: Template::parse(&g.intro, &guest_slots).map_err(at)?,
            short: g.short.clone(),
            reference: Template::parse(&g.reference, &guest_slots).map_err(at)?,
        });
    }
    for kind in [
        PartnerKind::Country,
        PartnerKind::Organization,
        PartnerKind::Company,
    ] {
        let needed = partners.iter().any(|p| p.kind == kind);
        if needed && !guests.iter().any(|g| g.kind == kind) {
            return Err(format!(
                "no [[guest]] for partners of kind {:?}",
                kind_str(kind)
            ));
        }
    }

    let mut themes = Vec::new();
    for (code, phrases) in theme_file {
        if !crate::THEMES.contains(&code.as_str()) {
            return Err(format!("themes: unknown theme code {code:?}"));
        }
        if phrases.is_empty() {
            return Err(format!("themes.{code}: no phrase"));
        }
        for p in &phrases {
            let found = themes_in(lex, p);
            if found != BTreeSet::from([code.clone()]) {
                return Err(format!(
                    "themes.{code}: the lexicon reads {p:?} as {:?}, not as {code:?} alone",
                    found
                ));
            }
        }
        themes.push((code, phrases));
    }
    if themes.len() < 4 {
        return Err("themes: at least 4 theme codes are needed".into());
    }

    let lists = |key: &str, list: &[String], allowed: &[Slot]| -> Result<Vec<Template>, String> {
        if list.is_empty() {
            return Err(format!("{key} is empty"));
        }
        list.iter()
            .enumerate()
            .map(|(i, t)| Template::parse(t, allowed).map_err(|m| format!("{key}[{i}]: {m}")))
            .collect()
    };
    let titles = lists(
        "titles",
        &t.titles,
        &[
            Slot::PartnerName,
            Slot::Partner,
            Slot::Theme,
            Slot::HostShort,
            Slot::GuestRef,
        ],
    )?;
    let meeting = [
        Slot::Host,
        Slot::HostShort,
        Slot::HostRef,
        Slot::Guest,
        Slot::GuestShort,
        Slot::GuestRef,
        Slot::Date,
        Slot::City,
        Slot::Partner,
        Slot::PartnerIn,
        Slot::E,
        Slot::Ge,
    ];
    let leads = lead
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Ok(Lead {
                kind: l.kind,
                place: l.place,
                text: Template::parse(&l.text, &meeting).map_err(|m| format!("lead[{i}]: {m}"))?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    for (kind, place) in [
        (MeetingKind::Reception, Place::Home),
        (MeetingKind::Talks, Place::Home),
        (MeetingKind::Talks, Place::Abroad),
        (MeetingKind::PhoneCall, Place::None),
    ] {
        if !leads.iter().any(|l| l.kind == kind && l.place == place) {
            return Err(format!(
                "no [[lead]] with kind = {:?} and place = {:?}",
                kind.as_str(),
                place_str(place)
            ));
        }
    }
    let nexts = next
        .iter()
        .enumerate()
        .map(|(i, l)| {
            Ok(Next {
                kind: l.kind,
                when: l.when,
                text: Template::parse(&l.text, &meeting).map_err(|m| format!("next[{i}]: {m}"))?,
            })
        })
        .collect::<Result<Vec<_>, String>>()?;
    for when in [When::SameDay, When::OtherDay] {
        if !nexts.iter().any(|n| n.when == when) {
            return Err("[[next]] needs both when = \"same_day\" and \"other_day\"".into());
        }
    }
    let captions = lists(
        "captions",
        &t.captions,
        &[Slot::HostShort, Slot::GuestShort, Slot::HostAscii],
    )?;
    let body = [
        Slot::Themes,
        Slot::HostShort,
        Slot::HostRef,
        Slot::GuestShort,
        Slot::GuestRef,
        Slot::Partner,
        Slot::E,
        Slot::Ge,
    ];
    let themes_paragraphs = lists("themes_paragraphs", &t.themes_paragraphs, &body)?;
    let filler_paragraphs = lists("filler_paragraphs", &t.filler_paragraphs, &body)?;
    let teasers = t
        .teasers
        .iter()
        .enumerate()
        .map(|(i, (title, text))| {
            let at = |m: String| format!("teasers[{i}]: {m}");
            Ok((
                Template::parse(title, &[Slot::Name, Slot::Place]).map_err(at)?,
                Template::parse(text, &[Slot::Name, Slot::Place]).map_err(at)?,
            ))
        })
        .collect::<Result<Vec<_>, String>>()?;
    if teasers.is_empty() {
        return Err("teasers is empty".into());
    }

    // The generator's gold is only true if the fixed words of a meeting's
    // sentences state no theme of their own.
    let fixed = titles
        .iter()
        .chain(leads.iter().map(|l| &l.text))
        .chain(nexts.iter().map(|n| &n.text))
        .chain(&captions)
        .chain(&themes_paragraphs)
        .chain(&filler_paragraphs)
        .chain(guests.iter().flat_map(|g| [&g.intro, &g.reference]));
    for t in fixed {
        for lit in t.literals() {
            let found = themes_in(lex, lit);
            if !found.is_empty() {
                return Err(format!("the sentence part {lit:?} states the theme(s) {found:?}; only theme phrases may"));
            }
        }
    }
    for h in &hosts {
        for s in [&h.rank, &h.title, &h.short, &h.reference] {
            let found = themes_in(lex, s);
            if !found.is_empty() {
                return Err(format!("host {s:?} states the theme(s) {found:?}"));
            }
        }
    }

    Ok(Generator {
        months: c.months,
        weekdays: c.weekdays,
        years: c.years,
        names,
        partners,
        home_cities,
        hosts,
        guests,
        themes,
        titles,
        links: t.links,
        leads,
        nexts,
        captions,
        themes_paragraphs,
        filler_paragraphs,
        fillers_per_meeting: t.fillers_per_meeting,
        credits: t.credits,
        teasers,
        teaser_places: t.teaser_places,
    })
}

fn kind_str(kind: PartnerKind) -> &'static str {
    match kind {
        PartnerKind::Country => "country",
        PartnerKind::Organization => "international_org",
        PartnerKind::Company => "company",
    }
}

fn place_str(place: Place) -> &'static str {
    match place {
        Place::Home => "home",
        Place::Abroad => "abroad",
        Place::None => "none",
    }
}

/// Theme codes the lexicon finds in a piece of text.
fn themes_in(lex: &Lexicon, text: &str) -> BTreeSet<String> {
    lex.mentions(&fold(text))
        .iter()
        .flat_map(|m| m.what.iter())
        .filter_map(|e| match e {
            Entity::Theme(t) => Some(lex.themes[*t].clone()),
            _ => None,
        })
        .collect()
}

/// A city's usual French name: the first form in the lexicon.
fn french_city(lex: &Lexicon, city: usize) -> String {
    lex.cities[city]
        .names
        .first()
        .cloned()
        .unwrap_or_else(|| lex.cities[city].name.clone())
}

fn starts_with_vowel(s: &str) -> bool {
    s.chars()
        .next()
        .is_some_and(|c| "aeiouyàâéèêëîïôöûüAEIOUYÀÂÉÈÊËÎÏÔÖÛÜ".contains(c))
}

/// "de" before a bare name, elided before a vowel.
fn de(name: &str) -> String {
    if starts_with_vowel(name) {
        format!("d'{name}")
    } else {
        format!("de {name}")
    }
}

fn country_forms(canonical: &str, article: &str, lex: &Lexicon) -> Result<Partner, String> {
    let i = lex
        .countries
        .iter()
        .position(|c| c.name == canonical)
        .expect("checked by the caller");
    let name = lex.countries[i]
        .names
        .first()
        .cloned()
        .ok_or_else(|| format!("countries: {canonical:?} has no French name"))?;
    let (the, of, within) = match article {
        "la" => (format!("la {name}"), format!("de la {name}"), format!("en {name}")),
        "le" => (format!("le {name}"), format!("du {name}"), format!("au {name}")),
        "l'" => (format!("l'{name}"), format!("de l'{name}"), format!("en {name}")),
        "les" => (format!("les {name}"), format!("des {name}"), format!("aux {name}")),
        "" => (name.clone(), de(&name), format!("à {name}")),
        other => {
            return Err(format!(
                "countries: {canonical:?}: article {other:?} is not one of \"la\", \"le\", \"l'\", \"les\", \"\""
            ))
        }
    };
    let demonyms = &lex.countries[i].demonyms;
    let dem = demonyms.first().cloned().ok_or_else(|| {
        format!("countries: {canonical:?} has no demonym in lexicon/countries.toml")
    })?;
    // The feminine is the masculine plus "e" or "ne" when the lexicon has
    // it, the masculine itself when it already ends in "e", else the next form.
    let dem_f = [format!("{dem}e"), format!("{dem}ne")]
        .into_iter()
        .find(|f| demonyms.contains(f))
        .or_else(|| dem.ends_with('e').then(|| dem.clone()))
        .or_else(|| demonyms.get(1).cloned())
        .unwrap_or_else(|| dem.clone());
    Ok(Partner {
        canonical: canonical.to_string(),
        kind: PartnerKind::Country,
        name,
        the,
        of,
        within,
        dem,
        dem_f,
        capital: None,
    })
}

fn org_forms(canonical: &str, form: &str, kind: PartnerKind) -> Partner {
    let (name, of) = if let Some(rest) = form.strip_prefix("l'") {
        (rest, format!("de {form}"))
    } else if let Some(rest) = form.strip_prefix("la ") {
        (rest, format!("de {form}"))
    } else if let Some(rest) = form.strip_prefix("le ") {
        (rest, format!("du {rest}"))
    } else if let Some(rest) = form.strip_prefix("les ") {
        (rest, format!("des {rest}"))
    } else {
        (form, de(form))
    };
    Partner {
        canonical: canonical.to_string(),
        kind,
        name: name.to_string(),
        the: form.to_string(),
        of,
        within: String::new(),
        dem: String::new(),
        dem_f: String::new(),
        capital: None,
    }
}

// --- Articles ---------------------------------------------------------------

/// One generated article and the meetings it truly reports.
pub struct Article {
    pub index: u64,
    pub title: String,
    pub text: String,
    pub published: NaiveDate,
    pub meetings: Vec<TrueMeeting>,
}

/// What the generator put in an article, for gold files.
pub struct TrueMeeting {
    pub date: NaiveDate,
    /// The year is written in the text (else only `published` tells it).
    pub year_in_text: bool,
    /// Canonical English city and country; None for a phone call.
    pub place: Option<(String, String)>,
    pub kind: &'static str,
    pub partner: String,
    pub partner_type: &'static str,
    /// (name, country, side).
    pub participants: Vec<(String, Option<String>, &'static str)>,
    pub themes: Vec<String>,
}

/// Mixes the seed and the article number into an independent PRNG seed
/// (splitmix64: stable, unlike std's hashers, across Rust versions).
pub fn article_seed(seed: u64, index: u64) -> u64 {
    fn mix(mut z: u64) -> u64 {
        z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    mix(mix(seed) ^ index)
}

fn pick<'a, T>(rng: &mut Rng, list: &'a [T]) -> &'a T {
    &list[rng.usize(..list.len())]
}

/// "A", "A et B", "A, B et C".
fn join_fr(items: &[&str]) -> String {
    match items {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} et {last}", rest.join(", ")),
    }
}

/// One side of a meeting as rendered in the text.
struct Person {
    name: String,
    intro: String,
    short: String,
    reference: String,
    feminine: bool,
}

impl Generator {
    fn vn_name(&self, rng: &mut Rng, gender: Gender) -> String {
        let n = &self.names;
        let (middle, given) = match gender {
            Gender::M => (&n.vn_middle_m, &n.vn_given_m),
            Gender::F => (&n.vn_middle_f, &n.vn_given_f),
        };
        format!(
            "{} {} {}",
            pick(rng, &n.vn_family),
            pick(rng, middle),
            pick(rng, given)
        )
    }

    fn foreign_name(&self, rng: &mut Rng, gender: Gender) -> String {
        let n = &self.names;
        let given = match gender {
            Gender::M => &n.foreign_given_m,
            Gender::F => &n.foreign_given_f,
        };
        format!("{} {}", pick(rng, given), pick(rng, &n.foreign_family))
    }

    /// "le 5 mars", "le 5 mars 2024", "le mardi 5 mars", "mardi 5 mars";
    /// and whether the year is written.
    fn date_text(&self, rng: &mut Rng, d: NaiveDate, allow_year: bool) -> (String, bool) {
        let day = if d.day() == 1 {
            "1er".to_string()
        } else {
            d.day().to_string()
        };
        let month = &self.months[d.month0() as usize];
        let wd = &self.weekdays[d.weekday().num_days_from_monday() as usize];
        let roll = rng.u8(..10);
        match roll {
            0..=3 => (format!("le {day} {month}"), false),
            4..=6 if allow_year => (format!("le {day} {month} {}", d.year()), true),
            7 => (format!("le {wd} {day} {month}"), false),
            8 => (format!("{wd} {day} {month}"), false),
            _ if allow_year => (format!("le {wd} {day} {month} {}", d.year()), true),
            _ => (format!("le {day} {month}"), false),
        }
    }

    fn guest(&self, rng: &mut Rng, partner: &Partner) -> Person {
        let gender = if rng.u8(..4) == 0 {
            Gender::F
        } else {
            Gender::M
        };
        let candidates: Vec<&Guest> = self
            .guests
            .iter()
            .filter(|g| g.kind == partner.kind && g.gender == gender)
            .collect();
        let candidates = if candidates.is_empty() {
            self.guests
                .iter()
                .filter(|g| g.kind == partner.kind)
                .collect()
        } else {
            candidates
        };
        let role = *pick(rng, &candidates);
        let name = self.foreign_name(rng, role.gender);
        let v = Values {
            name: &name,
            dem: &partner.dem,
            dem_f: &partner.dem_f,
            of: &partner.of,
            partner: &partner.the,
            ..Values::default()
        };
        Person {
            intro: role.intro.to_string(&v),
            short: format!("{} {name}", role.short),
            reference: role.reference.to_string(&v),
            feminine: role.gender == Gender::F,
            name,
        }
    }

    fn theme_phrases(&self, rng: &mut Rng, themes: &[usize]) -> String {
        let phrases: Vec<&str> = themes
            .iter()
            .map(|&t| pick(rng, &self.themes[t].1).as_str())
            .collect();
        join_fr(&phrases)
    }

    /// Draws `k` distinct theme indices.
    fn draw_themes(&self, rng: &mut Rng, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..self.themes.len()).collect();
        rng.shuffle(&mut all);
        all.truncate(k.min(all.len()));
        all
    }

    /// Article `index` of the corpus with this seed.
    pub fn article(&self, seed: u64, index: u64) -> Article {
        let mut rng = Rng::with_seed(article_seed(seed, index));
        let rng = &mut rng;

        let host_role = pick(rng, &self.hosts);
        let host_name = self.vn_name(rng, host_role.gender);
        let host = Person {
            intro: format!("{} {host_name}, {}", host_role.rank, host_role.title),
            short: format!("{} {host_name}", host_role.short),
            reference: host_role.reference.clone(),
            feminine: host_role.gender == Gender::F,
            name: host_name,
        };
        let host_ascii = format!("{} {}", host_role.short, ascii_name(&host.name));
        let e = if host.feminine { "e" } else { "" };

        let meetings = match rng.u8(..10) {
            0..=6 => 1,
            7..=8 => 2,
            _ => 3,
        };
        // Distinct partners: countries mostly, then organisations and companies.
        let mut partners: Vec<&Partner> = Vec::new();
        while partners.len() < meetings {
            let kind = match rng.u8(..100) {
                0..=71 => PartnerKind::Country,
                72..=89 => PartnerKind::Organization,
                _ => PartnerKind::Company,
            };
            let pool: Vec<&Partner> = self.partners.iter().filter(|p| p.kind == kind).collect();
            if pool.is_empty() {
                continue;
            }
            let p = *pick(rng, &pool);
            if !partners.iter().any(|q| q.canonical == p.canonical) {
                partners.push(p);
            }
        }

        let year = rng.i32(self.years.0..=self.years.1);
        let first_date = NaiveDate::from_ymd_opt(year, rng.u32(1..=12), rng.u32(1..=28))
            .expect("days 1-28 exist in every month");
        // Later meetings only follow one held at home.
        let first_kind = match rng.u8(..10) {
            0..=3 => MeetingKind::Reception,
            4..=7 => MeetingKind::Talks,
            _ => MeetingKind::PhoneCall,
        };
        let place = match first_kind {
            MeetingKind::PhoneCall => Place::None,
            MeetingKind::Talks if partners[0].capital.is_some() && rng.u8(..3) == 0 => {
                Place::Abroad
            }
            _ => Place::Home,
        };
        let meetings = if place == Place::Home { meetings } else { 1 };
        partners.truncate(meetings);
        let home_city = pick(rng, &self.home_cities);

        let mut text = String::with_capacity(4096);
        let mut truth = Vec::new();

        // Themes first: the title may name one of the first meeting's.
        let theme_sets: Vec<Vec<usize>> = (0..meetings)
            .map(|_| {
                let k = rng.usize(2..=4);
                self.draw_themes(rng, k)
            })
            .collect();

        let guests: Vec<Person> = partners.iter().map(|p| self.guest(rng, p)).collect();

        // Title.
        let title_theme = pick(rng, &self.themes[theme_sets[0][0]].1).clone();
        let title = pick(rng, &self.titles).to_string(&Values {
            partner_name: &partners[0].name,
            partner: &partners[0].the,
            theme: &title_theme,
            host_short: &host.short,
            guest_ref: &guests[0].reference,
            ..Values::default()
        });
        text.push_str(&title);
        text.push_str("\n\n");
        if rng.u8(..4) == 0 {
            for _ in 0..rng.usize(1..=2) {
                text.push_str(pick(rng, &self.links).as_str());
                text.push_str("\n\n");
            }
        }

        let mut date = first_date;
        let mut year_in_text = false;
        for (m, (partner, guest)) in partners.iter().zip(&guests).enumerate() {
            let ge = if guest.feminine { "e" } else { "" };
            let (city_fr, city) = match (m, place) {
                (_, Place::Abroad) => partner.capital.clone().expect("abroad needs a capital"),
                _ => home_city.clone(),
            };
            let (kind, sentence, date_txt) = if m == 0 {
                let leads: Vec<&Lead> = self
                    .leads
                    .iter()
                    .filter(|l| l.kind == first_kind && l.place == place)
                    .collect();
                let lead = *pick(rng, &leads);
                let (d, y) = self.date_text(rng, date, true);
                year_in_text = y;
                if rng.u8(..2) == 0 {
                    let dateline = if place == Place::Abroad {
                        &city_fr
                    } else {
                        &home_city.0
                    };
                    text.push_str(dateline);
                    text.push_str(" (VNA) – ");
                }
                (lead.kind, &lead.text, d)
            } else {
                let when = if rng.u8(..3) == 0 {
                    When::OtherDay
                } else {
                    When::SameDay
                };
                if when == When::OtherDay {
                    date = date + Days::new(rng.u64(1..=3));
                }
                let nexts: Vec<&Next> = self.nexts.iter().filter(|n| n.when == when).collect();
                let next = *pick(rng, &nexts);
                let (d, _) = self.date_text(rng, date, false);
                (next.kind, &next.text, d)
            };
            let v = Values {
                host: &host.intro,
                host_short: &host.short,
                host_ref: &host.reference,
                host_ascii: &host_ascii,
                guest: &guest.intro,
                guest_short: &guest.short,
                guest_ref: &guest.reference,
                date: &date_txt,
                city: &city_fr,
                partner: &partner.the,
                partner_in: &partner.within,
                e,
                ge,
                ..Values::default()
            };
            sentence.render(&v, &mut text);
            text.push_str("\n\n");
            if rng.u8(..10) < if m == 0 { 7 } else { 4 } {
                pick(rng, &self.captions).render(&v, &mut text);
                text.push_str("\n\n");
            }

            // Body: the meeting's themes over one or two paragraphs, with
            // theme-free paragraphs around them.
            let themes = &theme_sets[m];
            let split = if themes.len() >= 3 && rng.bool() {
                2
            } else {
                themes.len()
            };
            let mut paragraphs: Vec<&Template> = Vec::new();
            let (low, high) = self.fillers_per_meeting;
            for _ in 0..rng.usize(low..=high) {
                paragraphs.push(pick(rng, &self.filler_paragraphs));
            }
            let theme_parts: Vec<&[usize]> = if split < themes.len() {
                vec![&themes[..split], &themes[split..]]
            } else {
                vec![&themes[..]]
            };
            for _ in &theme_parts {
                let at = rng.usize(..=paragraphs.len());
                paragraphs.insert(at, pick(rng, &self.themes_paragraphs));
            }
            // Theme paragraphs were inserted as the same template type; give
            // each its own theme list in order of appearance.
            let mut parts = theme_parts.iter();
            for p in paragraphs {
                let is_theme = self.themes_paragraphs.iter().any(|t| std::ptr::eq(t, p));
                let phrases = if is_theme {
                    parts.next().map(|part| self.theme_phrases(rng, part))
                } else {
                    None
                };
                let v = Values {
                    themes: phrases.as_deref().unwrap_or(""),
                    ..v
                };
                p.render(&v, &mut text);
                text.push_str("\n\n");
            }

            let (vn_side, foreign_side) = match place {
                Place::Abroad => ("guest", "host"),
                _ => ("host", "guest"),
            };
            let foreign_country = match partner.kind {
                PartnerKind::Country => Some(partner.canonical.clone()),
                _ => None,
            };
            truth.push(TrueMeeting {
                date,
                year_in_text,
                place: (place != Place::None).then(|| {
                    let country = if place == Place::Abroad {
                        partner.canonical.clone()
                    } else {
                        "Vietnam".to_string()
                    };
                    (city, country)
                }),
                kind: kind.as_str(),
                partner: partner.canonical.clone(),
                partner_type: kind_str(partner.kind),
                participants: vec![
                    (host.name.clone(), Some("Vietnam".to_string()), vn_side),
                    (guest.name.clone(), foreign_country, foreign_side),
                ],
                themes: themes.iter().map(|&t| self.themes[t].0.clone()).collect(),
            });
        }

        text.push_str(pick(rng, &self.credits).as_str());
        if rng.u8(..5) < 2 {
            text.push_str("\n\nVoir plus");
            for _ in 0..rng.usize(2..=3) {
                let name = self.vn_name(rng, Gender::M);
                let v = Values {
                    name: &name,
                    place: pick(rng, &self.teaser_places).as_str(),
                    ..Values::default()
                };
                let (t, s) = pick(rng, &self.teasers);
                text.push_str("\n\n");
                t.render(&v, &mut text);
                text.push_str("\n\n");
                s.render(&v, &mut text);
            }
        }

        let published = date + Days::new(rng.u64(0..=1));
        Article {
            index,
            title,
            text,
            published,
            meetings: truth,
        }
    }
}

// --- Writing a corpus ---------------------------------------------------------

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
/// files, so memory stays bounded whatever the corpus size.
pub fn write_corpus(gen: &Generator, opts: &Options) -> Result<Summary, Error> {
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
            write_chunk(gen, opts, c, start..end)
        })
        .collect::<Result<_, Error>>()?;
    Ok(parts.into_iter().fold(Summary::default(), |a, b| a + b))
}

fn write_chunk(
    gen: &Generator,
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
        let a = gen.article(opts.seed, i);
        sum.articles += 1;
        sum.text_bytes += a.text.len() as u64;
        if opts.txt {
            let path = out.join(txt_path(i));
            if i % TXT_PER_DIR == 0 || sum.articles == 1 {
                let dir = path.parent().expect("txt_path has a directory");
                std::fs::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
            }
            // One write of the whole article: a BufWriter would add a copy.
            std::fs::write(&path, &a.text).map_err(|e| Error::io(&path, e))?;
            sum.files += 1;
            sum.bytes += a.text.len() as u64;
        }
        if let Some((path, w)) = &mut jsonl {
            let id = record_id(i);
            let url = format!("https://example.org/entente-gen/{}/{id}", opts.seed);
            let published = a.published.format("%Y-%m-%d").to_string();
            line.clear();
            serde_json::to_writer(
                &mut line,
                &Record {
                    id: &id,
                    url: &url,
                    title: &a.title,
                    published: &published,
                    lang: "fr",
                    text: &a.text,
                },
            )
            .expect("a record serialises");
            line.push(b'\n');
            w.write_all(&line).map_err(|e| Error::io(path, e))?;
            sum.bytes += line.len() as u64;
        }
        if i < opts.gold {
            if opts.txt {
                let name = txt_path(i)
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                let path = out.join("gold").join("txt").join(format!("{i:09}.json"));
                sum.bytes += write_gold(&path, &name, &a, false)?;
                sum.files += 1;
            }
            if opts.jsonl {
                let path = out.join("gold").join("jsonl").join(format!("{i:09}.json"));
                sum.bytes += write_gold(&path, &record_id(i), &a, true)?;
                sum.files += 1;
            }
        }
    }
    if let Some((path, mut w)) = jsonl {
        w.flush().map_err(|e| Error::io(&path, e))?;
    }
    Ok(sum)
}

/// A SPEC gold file for one article. Without `published` (text files) a
/// year is gold only when the text writes it.
fn write_gold(path: &Path, article: &str, a: &Article, published: bool) -> Result<u64, Error> {
    let meetings: Vec<serde_json::Value> = a
        .meetings
        .iter()
        .map(|m| {
            let year = (m.year_in_text || published).then(|| m.date.year());
            let participants: Vec<serde_json::Value> = m
                .participants
                .iter()
                .map(|(name, country, side)| {
                    serde_json::json!({"name": name, "country": country, "side": side})
                })
                .collect();
            // Partners such as Interpol or ASEAN state these by name.
            let optional: Vec<&str> = ["multilateral_cooperation", "law_enforcement"]
                .into_iter()
                .filter(|t| !m.themes.iter().any(|x| x == t))
                .collect();
            serde_json::json!({
                "date": {"year": year, "month": m.date.month(), "day": m.date.day()},
                "city": m.place.as_ref().map(|p| &p.0),
                "country": m.place.as_ref().map(|p| &p.1),
                "kind": m.kind,
                "format": "bilateral",
                "partner": m.partner,
                "partner_type": m.partner_type,
                "participants": participants,
                "themes": m.themes,
                "themes_optional": optional,
            })
        })
        .collect();
    let gold = serde_json::json!({
        "article": article,
        "publication_date": published.then(|| a.published.format("%Y-%m-%d").to_string()),
        "meetings": meetings,
        "notes": format!("generated by entente gen-corpus (article {})", a.index),
    });
    let text = serde_json::to_string_pretty(&gold).expect("gold serialises");
    std::fs::write(path, &text).map_err(|e| Error::io(path, e))?;
    Ok(text.len() as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex() -> Lexicon {
        Lexicon::embedded().unwrap()
    }

    fn error_of(text: &str) -> String {
        match Generator::from_source(Path::new("t.toml"), text, &lex()) {
            Ok(_) => panic!("templates were accepted"),
            Err(e) => e.to_string(),
        }
    }

    /// The error for the embedded templates with `from` written as `to`.
    fn error_with(from: &str, to: &str) -> String {
        error_of(&EMBEDDED.replacen(from, to, 1))
    }

    #[test]
    fn embedded_templates_load() {
        Generator::embedded(&lex()).unwrap();
    }

    #[test]
    fn unknown_slot_is_named_with_its_list_and_index() {
        let bad = EMBEDDED.replacen("{Host_short} reçoit", "{Hots_short} reçoit", 1);
        let e = error_of(&bad);
        assert!(
            e.starts_with("t.toml: invalid corpus templates: titles[2]: unknown slot {Hots_short}"),
            "{e}"
        );
    }

    #[test]
    fn unknown_key_and_syntax_errors_name_the_file() {
        let e = error_with("credits =", "credit =");
        assert!(
            e.contains("t.toml: invalid corpus templates") && e.contains("credit"),
            "{e}"
        );
        let e = error_of("months = [");
        assert!(e.contains("t.toml: invalid corpus templates"), "{e}");
        assert!(!e.contains('\n'), "one line: {e}");
    }

    #[test]
    fn unknown_partner_wrong_theme_phrase_and_empty_range_are_rejected() {
        // (written, instead, what the error says)
        let cases = [
            (
                "[\"Russia\", \"la\"]",
                "[\"Ruritania\", \"la\"]",
                "unknown country \"Ruritania\"",
            ),
            (
                "maritime_security = [\"la sécurité maritime\"]",
                "maritime_security = [\"la lutte contre le terrorisme\"]",
                "themes.maritime_security",
            ),
            (
                "Les deux parties ont échangé leurs points de vue",
                "Les deux parties ont parlé de cybersécurité",
                "cybersecurity",
            ),
            (
                "fillers_per_meeting = [3, 7]",
                "fillers_per_meeting = [4, 2]",
                "fillers_per_meeting: 4 is more than 2",
            ),
        ];
        for (from, to, fault) in cases {
            let e = error_with(from, to);
            assert!(e.contains(fault), "{e}");
        }
    }

    /// Throughput in MB/s depends on how long articles are, so generated
    /// ones must be about as long as the real ones in `seeds/` (median).
    #[test]
    fn articles_are_about_as_long_as_the_seeds() {
        fn median(mut v: Vec<usize>) -> usize {
            v.sort_unstable();
            v[v.len() / 2]
        }
        let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let seeds = std::fs::read_dir(seeds_dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap().len())
            .collect();
        let g = Generator::embedded(&lex()).unwrap();
        let generated = (0..400).map(|i| g.article(1, i).text.len()).collect();
        let (seeds, generated) = (median(seeds), median(generated));
        assert!(
            seeds / 2 <= generated && generated <= seeds * 3 / 2,
            "median length: generated {generated} bytes, seeds {seeds}"
        );
    }

    #[test]
    fn articles_depend_only_on_seed_and_index() {
        let g = Generator::embedded(&lex()).unwrap();
        assert_eq!(g.article(7, 42).text, g.article(7, 42).text);
        assert_ne!(g.article(7, 42).text, g.article(8, 42).text);
        assert_ne!(g.article(7, 42).text, g.article(7, 43).text);
    }

    #[test]
    fn country_forms_follow_the_article() {
        let g = Generator::embedded(&lex()).unwrap();
        let find = |c: &str| g.partners.iter().find(|p| p.canonical == c).unwrap();
        assert_eq!(find("Japan").of, "du Japon");
        assert_eq!(find("India").within, "en Inde");
        assert_eq!(find("United States").of, "des États-Unis");
        assert_eq!(find("Singapore").within, "à Singapour");
        assert_eq!(find("China").dem_f, "chinoise");
        assert_eq!(find("Russia").dem_f, "russe");
        assert_eq!(find("UNODC").of, "de l'ONUDC");
        assert_eq!(find("Interpol").of, "d'Interpol");
        assert_eq!(find("Russia").capital.as_ref().unwrap().0, "Moscou");
    }

    /// Generated people must not be real ones: no full name may be in the
    /// lexicon's gazetteer or in any gold file of the repository.
    #[test]
    fn names_are_nobody_known() {
        let lex = lex();
        let file: TemplatesFile = toml::from_str(EMBEDDED).unwrap();
        let n = &file.names;
        let key = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
        let mut known: BTreeSet<String> = lex.people.iter().map(|p| key(&p.name)).collect();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for dir in ["seeds/gold", "tests/dev/gold"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap() {
                let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
                let v: serde_json::Value = serde_json::from_str(&text).unwrap();
                for m in v["meetings"].as_array().into_iter().flatten() {
                    for key_name in ["participants", "participants_optional"] {
                        for p in m[key_name].as_array().into_iter().flatten() {
                            known.insert(key(p["name"].as_str().unwrap()));
                        }
                    }
                }
            }
        }
        assert!(known.len() > 50);
        let mut clashes = Vec::new();
        for f in &n.vn_family {
            for (middles, givens) in [
                (&n.vn_middle_m, &n.vn_given_m),
                (&n.vn_middle_f, &n.vn_given_f),
            ] {
                for m in middles {
                    for g in givens {
                        let name = key(&format!("{f} {m} {g}"));
                        if known.contains(&name) {
                            clashes.push(name);
                        }
                    }
                }
            }
        }
        for givens in [&n.foreign_given_m, &n.foreign_given_f] {
            for g in givens {
                for f in &n.foreign_family {
                    let name = format!("{g} {f}");
                    if known.contains(&key(&name)) {
                        clashes.push(name.clone());
                    }
                    // Romanisation must leave the name as written, or gold
                    // names of Russian partners would not match.
                    assert_eq!(lex.romanize(&name), name);
                }
            }
        }
        assert!(clashes.is_empty(), "known people: {clashes:?}");
    }
}
