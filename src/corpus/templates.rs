//! Compiling a templates file: every list parsed and checked against the
//! lexicon, so that a generator that loads writes true gold.

use std::collections::{BTreeMap, BTreeSet};

use super::dates::Calendar;
use super::files::{
    LeadFile, MeetingKind, NextFile, PartnerKind, Place, RoleFile, TemplatesFile, TextFile, When,
};
use super::partners::{self, Partner};
use super::template::{Slot, Template};
use super::{Generator, Grammar, Guest, Host, Lead, Next, Text};
use crate::fold::fold;
use crate::lexicon::{Entity, Lexicon};

const GUEST: [Slot; 5] = [Slot::Name, Slot::Dem, Slot::DemF, Slot::Of, Slot::Partner];

const MEETING: [Slot; 12] = [
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

const BODY: [Slot; 8] = [
    Slot::Themes,
    Slot::HostShort,
    Slot::HostRef,
    Slot::GuestShort,
    Slot::GuestRef,
    Slot::Partner,
    Slot::E,
    Slot::Ge,
];

pub(super) fn compile(file: TemplatesFile, lex: &Lexicon) -> Result<Generator, String> {
    let TemplatesFile {
        calendar,
        grammar,
        partners,
        text,
        names,
        themes,
        host,
        guest,
        lead,
        next,
    } = file;
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
        ("home_cities", &partners.home_cities),
    ] {
        if list.is_empty() {
            return Err(format!("{key} is empty"));
        }
    }
    let partner_list = partners::partners(&partners, &grammar, lex)?;
    let gen = Generator {
        lang: lex.lang.clone(),
        home: lex.countries[lex.home].name.clone(),
        calendar: Calendar::compile(calendar)?,
        grammar: Grammar {
            and: grammar.and,
            separator: grammar.separator,
            feminine_ending: grammar.feminine_ending,
        },
        names,
        home_cities: partners::home_cities(&partners.home_cities, lex)?,
        hosts: hosts(host)?,
        guests: guests(&guest, &partner_list)?,
        partners: partner_list,
        themes: theme_phrases(themes, lex)?,
        leads: leads(&lead)?,
        nexts: nexts(&next)?,
        text: text_templates(text)?,
    };
    check_fixed_words(&gen, lex)?;
    Ok(gen)
}

fn hosts(host: Vec<RoleFile>) -> Result<Vec<Host>, String> {
    if host.is_empty() {
        return Err("no [[host]]".into());
    }
    host.into_iter()
        .enumerate()
        .map(|(i, h)| {
            if h.kind.is_some() {
                return Err(format!("host[{i}]: a host has no kind"));
            }
            Ok(Host {
                gender: h.gender,
                intro: Template::parse(&h.intro, &[Slot::Name])
                    .map_err(|m| format!("host[{i}]: {m}"))?,
                short: h.short,
                reference: h.reference,
            })
        })
        .collect()
}

/// Guests, one at least for each kind of partner.
fn guests(guest: &[RoleFile], partners: &[Partner]) -> Result<Vec<Guest>, String> {
    let mut guests = Vec::new();
    for (i, g) in guest.iter().enumerate() {
        let at = |m: String| format!("guest[{i}]: {m}");
        guests.push(Guest {
            kind: g.kind.ok_or_else(|| at("no kind".into()))?,
            gender: g.gender,
            intro: Template::parse(&g.intro, &GUEST).map_err(at)?,
            short: g.short.clone(),
            reference: Template::parse(&g.reference, &GUEST).map_err(at)?,
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
                kind.as_str()
            ));
        }
    }
    Ok(guests)
}

/// Theme phrases, each read by the lexicon as its own theme and no other.
fn theme_phrases(
    file: BTreeMap<String, Vec<String>>,
    lex: &Lexicon,
) -> Result<Vec<(String, Vec<String>)>, String> {
    let mut themes = Vec::new();
    for (code, phrases) in file {
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
                    "themes.{code}: the lexicon reads {p:?} as {found:?}, not as {code:?} alone"
                ));
            }
        }
        themes.push((code, phrases));
    }
    if themes.len() < 4 {
        return Err("themes: at least 4 theme codes are needed".into());
    }
    Ok(themes)
}

/// Each item's sentence parsed with the meeting slots, errors named `key[i]`.
fn sentences<F, T>(
    key: &str,
    items: &[F],
    text: fn(&F) -> &str,
    make: impl Fn(&F, Template) -> T,
) -> Result<Vec<T>, String> {
    items
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let t = Template::parse(text(f), &MEETING).map_err(|m| format!("{key}[{i}]: {m}"))?;
            Ok(make(f, t))
        })
        .collect()
}

/// Leads, one at least for each kind and place an article may open with.
fn leads(lead: &[LeadFile]) -> Result<Vec<Lead>, String> {
    let leads = sentences(
        "lead",
        lead,
        |l| &l.text,
        |l, text| Lead {
            kind: l.kind,
            place: l.place,
            text,
        },
    )?;
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
                place.as_str()
            ));
        }
    }
    Ok(leads)
}

fn nexts(next: &[NextFile]) -> Result<Vec<Next>, String> {
    let nexts = sentences(
        "next",
        next,
        |n| &n.text,
        |n, text| Next {
            kind: n.kind,
            when: n.when,
            text,
        },
    )?;
    for when in [When::SameDay, When::OtherDay] {
        if !nexts.iter().any(|n| n.when == when) {
            return Err("[[next]] needs both when = \"same_day\" and \"other_day\"".into());
        }
    }
    Ok(nexts)
}

fn text_templates(t: TextFile) -> Result<Text, String> {
    let (low, high) = t.fillers_per_meeting;
    if low > high {
        return Err(format!("fillers_per_meeting: {low} is more than {high}"));
    }
    for (key, list) in [
        ("links", &t.links),
        ("credits", &t.credits),
        ("teaser_places", &t.teaser_places),
    ] {
        if list.is_empty() {
            return Err(format!("{key} is empty"));
        }
    }
    let title_slots = [
        Slot::PartnerName,
        Slot::Partner,
        Slot::Theme,
        Slot::HostShort,
        Slot::GuestRef,
    ];
    let caption_slots = [Slot::HostShort, Slot::GuestShort, Slot::HostAscii];
    Ok(Text {
        titles: Template::list("titles", &t.titles, &title_slots)?,
        links: t.links,
        dateline: Template::parse(&t.dateline, &[Slot::City])
            .map_err(|m| format!("dateline: {m}"))?,
        captions: Template::list("captions", &t.captions, &caption_slots)?,
        themes_paragraphs: Template::list("themes_paragraphs", &t.themes_paragraphs, &BODY)?,
        filler_paragraphs: Template::list("filler_paragraphs", &t.filler_paragraphs, &BODY)?,
        fillers_per_meeting: t.fillers_per_meeting,
        credits: t.credits,
        more: t.more,
        teasers: teasers(&t.teasers)?,
        teaser_places: t.teaser_places,
    })
}

fn teasers(list: &[(String, String)]) -> Result<Vec<(Template, Template)>, String> {
    if list.is_empty() {
        return Err("teasers is empty".into());
    }
    let slots = [Slot::Name, Slot::Place];
    list.iter()
        .enumerate()
        .map(|(i, (title, text))| {
            let at = |m: String| format!("teasers[{i}]: {m}");
            Ok((
                Template::parse(title, &slots).map_err(at)?,
                Template::parse(text, &slots).map_err(at)?,
            ))
        })
        .collect()
}

/// The generator's gold is only true if the fixed words of a meeting's
/// sentences state no theme of their own.
fn check_fixed_words(gen: &Generator, lex: &Lexicon) -> Result<(), String> {
    let t = &gen.text;
    let fixed = t
        .titles
        .iter()
        .chain(gen.leads.iter().map(|l| &l.text))
        .chain(gen.nexts.iter().map(|n| &n.text))
        .chain(&t.captions)
        .chain(&t.themes_paragraphs)
        .chain(&t.filler_paragraphs)
        .chain(gen.guests.iter().flat_map(|g| [&g.intro, &g.reference]))
        .chain(gen.hosts.iter().map(|h| &h.intro));
    for t in fixed {
        for lit in t.literals() {
            let found = themes_in(lex, lit);
            if !found.is_empty() {
                return Err(format!(
                    "the sentence part {lit:?} states the theme(s) {found:?}; only theme phrases may"
                ));
            }
        }
    }
    for h in &gen.hosts {
        for s in [&h.short, &h.reference] {
            let found = themes_in(lex, s);
            if !found.is_empty() {
                return Err(format!("host {s:?} states the theme(s) {found:?}"));
            }
        }
    }
    Ok(())
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
