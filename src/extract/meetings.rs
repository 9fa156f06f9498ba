//! Meetings: which sentences report one, with whom, when and where, and
//! which paragraphs belong to each.
//!
//! A meeting cue ("a reçu", "Lors de sa rencontre avec", "la visite") opens a
//! meeting when its sentence names a partner; a later cue with the same
//! partner and a compatible date and kind is the same meeting told again
//! (a caption repeated as a lead, "Lors de l'entretien"). Nouns only open a
//! meeting when the article has none yet ("Cette discussion s'inscrivait…"),
//! because they mostly recall earlier events. A collective reception ("a reçu
//! successivement plusieurs dirigeants") frames the meetings that follow.

use super::dates::{self, DateMention, PartialDate};
use super::participants::{People, PersonMention};
use super::{Doc, Meeting};
use crate::clean::Span;
use crate::lexicon::{Entity, Kind, OrgKind, Strength};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Partner {
    Country(usize),
    Organization(usize),
}

/// A collective reception: what the meetings after it share.
struct Frame {
    sentence: usize,
    date: Option<DateMention>,
    city: Option<usize>,
    kind: Kind,
}

pub struct Drafts {
    pub meetings: Vec<Meeting>,
    /// Sentences reporting each meeting, with their cue.
    triggers: Vec<Vec<(usize, Span)>>,
    /// The meeting each body paragraph belongs to.
    pub owner: Vec<Option<usize>>,
    /// The frame sentence each meeting inherits its host from.
    frame_of: Vec<Option<usize>>,
    pub partner_country: Vec<Option<usize>>,
    cities: Vec<Option<usize>>,
    meeting_country: Vec<Option<usize>>,
}

struct Cue {
    span: Span,
    kind: Kind,
    strength: Strength,
}

pub fn find(doc: &Doc, people: &People) -> Drafts {
    let mut drafts = Drafts {
        meetings: Vec::new(),
        triggers: Vec::new(),
        owner: vec![None; doc.paragraphs],
        frame_of: Vec::new(),
        partner_country: Vec::new(),
        cities: Vec::new(),
        meeting_country: Vec::new(),
    };
    let mut frame: Option<Frame> = None;
    let mut frame_paragraph: Option<usize> = None;
    let mut opened: Vec<Option<usize>> = vec![None; doc.paragraphs];
    let mut last_date: Option<DateMention> = None;
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let Some(paragraph) = sentence.paragraph else {
            continue;
        };
        let dates = dates::find(&doc.folded, sentence.span);
        let cues = cues(doc, sentence.span);
        let Some(best) = cues.iter().map(|c| rank(c.strength)).max() else {
            last_date = dates.first().copied().or(last_date);
            continue;
        };
        let strong: Vec<&Cue> = cues
            .iter()
            .filter(|c| c.strength != Strength::Noun)
            .collect();
        let pool: Vec<&Cue> = if strong.is_empty() {
            cues.iter().collect()
        } else {
            strong
        };
        let cue = pool
            .iter()
            .max_by_key(|c| c.kind.precedence())
            .expect("pool is not empty");
        let kind = frame
            .as_ref()
            .filter(|_| best > rank(Strength::Noun))
            .map_or(cue.kind, |f| f.kind);
        // A collective reception names its guests later: only a named foreign person makes it a meeting.
        let mut partner = partner_of(
            doc,
            people,
            si,
            kind,
            cue.span,
            best == rank(Strength::Frame),
        );
        let date = if doc.folded(sentence.span).contains("le meme jour") {
            last_date
        } else {
            dates.first().copied()
        };
        if dates.first().is_some() {
            last_date = dates.first().copied();
        }
        if best == rank(Strength::Frame) && partner.is_none() {
            let (at, any, _) = place(doc, sentence.span);
            frame = Some(Frame {
                sentence: si,
                date,
                city: at.or(any),
                kind: cue.kind,
            });
            frame_paragraph = Some(paragraph);
            continue;
        }
        let first = drafts.meetings.is_empty() && frame.is_none();
        if partner.is_none() && first {
            partner = fallback_partner(doc, people, paragraph, kind);
        }
        let Some(partner) = partner else {
            if cues
                .iter()
                .any(|c| c.kind == Kind::Signing && c.strength != Strength::Noun)
            {
                if let Some(current) = opened[..=paragraph].iter().rev().flatten().next() {
                    drafts.meetings[*current].agreement_signed = true;
                }
            }
            continue;
        };
        if best == rank(Strength::Noun) && !first {
            continue;
        }
        let same = drafts.meetings.iter().position(|m| {
            m.partner == partner_name(doc, partner)
                && compatible_kinds(m.kind, kind)
                && compatible_dates(m, date.as_ref())
        });
        let mi = match same {
            Some(mi) => {
                drafts.triggers[mi].push((si, cue.span));
                mi
            }
            None => {
                let framed = frame.as_ref();
                let (at_city, any_city, sentence_country) = place(doc, sentence.span);
                // Without "à <city>", a meeting happens where its frame or the
                // article's previous meeting did, or else at a city the sentence
                // names, or where the article was filed.
                let city = at_city
                    .or(framed.and_then(|f| f.city))
                    .or(drafts.cities.last().copied().flatten())
                    .or(any_city)
                    .or_else(|| {
                        if sentence_country.is_none() {
                            doc.dateline.and_then(|d| dateline_city(doc, d))
                        } else {
                            None
                        }
                    });
                let country = city.map(|c| doc.lex.cities[c].country).or(sentence_country);
                let date = date.or(framed.and_then(|f| f.date));
                drafts
                    .meetings
                    .push(build(doc, si, cue.span, kind, partner, date, city, country));
                drafts.partner_country.push(match partner {
                    Partner::Country(c) => Some(c),
                    Partner::Organization(o) => doc.lex.organizations[o].country,
                });
                drafts.cities.push(city);
                drafts.meeting_country.push(country);
                drafts.triggers.push(vec![(si, cue.span)]);
                drafts.frame_of.push(framed.map(|f| f.sentence));
                drafts.meetings.len() - 1
            }
        };
        opened[paragraph].get_or_insert(mi);
    }
    // Paragraphs follow the meeting opened last; those before the first
    // meeting belong to it unless a frame introduced the article.
    let mut current = if frame_paragraph.is_some() {
        None
    } else {
        opened.iter().flatten().next().copied()
    };
    for (p, owner) in drafts.owner.iter_mut().enumerate() {
        if Some(p) == frame_paragraph {
            current = None;
        }
        current = opened[p].or(current);
        *owner = current;
    }
    for (mi, m) in drafts.meetings.iter_mut().enumerate() {
        m.agreement_signed |= m.kind == Kind::Signing;
        m.agreement_signed |= drafts
            .owner
            .iter()
            .enumerate()
            .any(|(p, o)| *o == Some(mi) && signs(doc, p));
    }
    drafts
}

fn rank(s: Strength) -> u8 {
    match s {
        Strength::Noun => 0,
        Strength::Verb => 1,
        Strength::Lead => 2,
        Strength::Frame => 3,
    }
}

/// Meeting cues in a span; a verb form after a determiner is a noun ("la rencontre").
fn cues(doc: &Doc, span: Span) -> Vec<Cue> {
    doc.entities_in(span)
        .iter()
        .filter_map(|f| match f.get(|e| matches!(e, Entity::Meeting(_))) {
            Some(Entity::Meeting(i)) => {
                let def = &doc.lex.meeting_cues[i];
                let after_determiner = doc
                    .word_before(f.span.start)
                    .is_some_and(|w| doc.lex.determiners.contains(&w));
                let strength = if after_determiner && def.strength == Strength::Verb {
                    Strength::Noun
                } else {
                    def.strength
                };
                Some(Cue {
                    span: f.span,
                    kind: def.kind,
                    strength,
                })
            }
            _ => None,
        })
        .collect()
}

fn signs(doc: &Doc, paragraph: usize) -> bool {
    doc.sentences
        .iter()
        .filter(|s| s.paragraph == Some(paragraph))
        .any(|s| {
            cues(doc, s.span)
                .iter()
                .any(|c| c.kind == Kind::Signing && c.strength == Strength::Verb)
        })
}

fn compatible_kinds(a: Kind, b: Kind) -> bool {
    let conversation = |k| matches!(k, Kind::Reception | Kind::Talks);
    a == b || (conversation(a) && conversation(b))
}

fn compatible_dates(m: &Meeting, date: Option<&DateMention>) -> bool {
    match (m.date.day, date.and_then(|d| d.start.day)) {
        (Some(a), Some(b)) => a == b && m.date.month == date.and_then(|d| d.start.month),
        _ => true,
    }
}

/// Whether a person mention is the complement of a noun other than the
/// meeting cue: "la visite du secrétaire général X" only recalls X.
pub fn is_background(doc: &Doc, m: &PersonMention, cue: Option<Span>) -> bool {
    let Some(prep) = doc.word_before(m.phrase_start) else {
        return false;
    };
    if !matches!(prep.as_str(), "de" | "du" | "des" | "d'") {
        return false;
    }
    let own = cue.is_some_and(|c| {
        c.end <= m.phrase_start
            && matches!(
                doc.folded(Span {
                    start: c.end,
                    end: m.phrase_start
                })
                .trim(),
                "de" | "du" | "des" | "d'" | "de la" | "de l'"
            )
    });
    !own
}

/// The other side of the meeting named in a sentence.
fn partner_of(
    doc: &Doc,
    people: &People,
    si: usize,
    kind: Kind,
    cue: Span,
    people_only: bool,
) -> Option<Partner> {
    let span = doc.sentences[si].span;
    let home = doc.lex.home;
    let from_people = people
        .in_sentence(si)
        .filter(|m| !is_background(doc, m, Some(cue)))
        .find_map(|m| {
            let p = &people.persons[m.person];
            match (p.organization, p.country) {
                (Some(o), _) => Some(Partner::Organization(o)),
                (None, Some(c)) if c != home => Some(Partner::Country(c)),
                _ => None,
            }
        });
    if from_people.is_some() || people_only {
        return from_people;
    }
    let entities = doc.entities_in(span);
    let org = |kind: Option<OrgKind>| {
        entities
            .iter()
            .find_map(|f| match f.get(|e| matches!(e, Entity::Organization(_))) {
                Some(Entity::Organization(o))
                    if kind.is_none_or(|k| doc.lex.organizations[o].kind == k) =>
                {
                    Some(Partner::Organization(o))
                }
                _ => None,
            })
    };
    let country = || {
        entities.iter().find_map(|f| {
            match f.get(|e| matches!(e, Entity::Country(_) | Entity::Demonym(_))) {
                Some(Entity::Country(c) | Entity::Demonym(c)) if c != home => {
                    Some(Partner::Country(c))
                }
                _ => None,
            }
        })
    };
    let venue = || match place(doc, span) {
        (Some(city), _, _) if doc.lex.cities[city].country != home => {
            Some(Partner::Country(doc.lex.cities[city].country))
        }
        (_, _, Some(c)) if c != home => Some(Partner::Country(c)),
        _ => None,
    };
    let city = || {
        entities
            .iter()
            .find_map(|f| match f.get(|e| matches!(e, Entity::City(_))) {
                Some(Entity::City(c)) if doc.lex.cities[c].country != home => {
                    Some(Partner::Country(doc.lex.cities[c].country))
                }
                _ => None,
            })
    };
    if kind == Kind::Conference {
        org(Some(OrgKind::InternationalOrg))
            .or_else(venue)
            .or_else(country)
            .or_else(city)
    } else {
        country().or_else(city).or_else(|| org(None))
    }
}

/// For the first meeting of an article: the partner named elsewhere in its
/// paragraph, or in the title ("Vietnam - Singapour : …").
fn fallback_partner(doc: &Doc, people: &People, paragraph: usize, kind: Kind) -> Option<Partner> {
    let near = doc
        .sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| s.paragraph == Some(paragraph) || s.paragraph.is_none());
    let no_cue = Span { start: 0, end: 0 };
    near.filter_map(|(si, _)| partner_of(doc, people, si, kind, no_cue, false))
        .next()
}

/// Where a sentence places things: the city after "à", the first city
/// named at all, and the country after "en"/"au".
pub fn place(doc: &Doc, span: Span) -> (Option<usize>, Option<usize>, Option<usize>) {
    let entities = doc.entities_in(span);
    let locative = |f: &&crate::extract::Found, preps: &[&str]| {
        doc.word_before(f.span.start)
            .is_some_and(|w| preps.contains(&w.as_str()))
    };
    let city_of = |f: &crate::extract::Found| match f.get(|e| matches!(e, Entity::City(_))) {
        Some(Entity::City(c)) => Some(c),
        _ => None,
    };
    let at_city = entities
        .iter()
        .filter(|f| locative(f, &["a"]))
        .find_map(city_of);
    let any_city = entities.iter().find_map(city_of);
    let country = entities
        .iter()
        .filter(|f| locative(f, &["en", "au", "aux"]))
        .find_map(|f| match f.get(|e| matches!(e, Entity::Country(_))) {
            Some(Entity::Country(c)) => Some(c),
            _ => None,
        });
    (at_city, any_city, country)
}

fn partner_name(doc: &Doc, p: Partner) -> String {
    match p {
        Partner::Country(c) => doc.lex.countries[c].name.clone(),
        Partner::Organization(o) => doc.lex.organizations[o].name.clone(),
    }
}

#[allow(clippy::too_many_arguments)]
fn build(
    doc: &Doc,
    si: usize,
    cue: Span,
    kind: Kind,
    partner: Partner,
    date: Option<DateMention>,
    city: Option<usize>,
    country: Option<usize>,
) -> Meeting {
    let span = doc.sentences[si].span;
    let (start, end) = match date {
        None => (PartialDate::default(), None),
        Some(d) => match d.end {
            // A conversation on one unknown day of a longer stay keeps only the month.
            Some(_)
                if matches!(
                    kind,
                    Kind::Talks | Kind::Reception | Kind::PhoneCall | Kind::Signing
                ) =>
            {
                (
                    PartialDate {
                        day: None,
                        ..d.start
                    },
                    None,
                )
            }
            e => (d.start, e),
        },
    };
    let (partner_name, partner_type) = match partner {
        Partner::Country(c) => (doc.lex.countries[c].name.clone(), "country"),
        Partner::Organization(o) => (
            doc.lex.organizations[o].name.clone(),
            match doc.lex.organizations[o].kind {
                OrgKind::InternationalOrg => "international_org",
                OrgKind::Company => "company",
            },
        ),
    };
    Meeting {
        date: dates::with_year(start, doc.published),
        end: end.map(|e| dates::with_year(e, doc.published)),
        city: city.map(|c| doc.lex.cities[c].name.clone()),
        country: country.map(|c| doc.lex.countries[c].name.clone()),
        kind,
        multilateral: kind == Kind::Conference,
        partner: partner_name,
        partner_type,
        evidence: span,
        trigger: cue,
        agreement_signed: false,
    }
}

/// The dateline's city, which the entity pass does not see (it is outside the body).
fn dateline_city(doc: &Doc, dateline: Span) -> Option<usize> {
    let folded = doc.folded(dateline);
    doc.lex
        .mentions(&folded)
        .into_iter()
        .find_map(|m| m.find(|e| matches!(e, Entity::City(_))))
        .map(|e| match e {
            Entity::City(c) => c,
            _ => unreachable!("filtered to cities"),
        })
}

impl Drafts {
    /// The home side hosts meetings at home, and is the guest abroad.
    pub fn home_is_host(&self, doc: &Doc, mi: usize) -> bool {
        match self.meeting_country[mi] {
            Some(c) => c == doc.lex.home,
            None => self.meetings[mi].kind != Kind::Visit,
        }
    }

    /// Paragraph indices a meeting owns.
    pub fn paragraphs(&self, mi: usize) -> impl Iterator<Item = usize> + '_ {
        self.owner
            .iter()
            .enumerate()
            .filter(move |(_, o)| **o == Some(mi))
            .map(|(p, _)| p)
    }

    /// The mentions that make people participants of meeting `mi`: the people
    /// its cue sentences name (not as a complement of another noun), the host
    /// of its frame, and those acting in its paragraphs.
    pub fn participant_mentions<'p>(
        &self,
        doc: &Doc,
        people: &'p People,
        mi: usize,
    ) -> Vec<&'p PersonMention> {
        let mut out: Vec<&PersonMention> = Vec::new();
        for &(si, cue) in &self.triggers[mi] {
            out.extend(
                people
                    .in_sentence(si)
                    .filter(|m| !is_background(doc, m, Some(cue))),
            );
        }
        if let Some(fs) = self.frame_of[mi] {
            out.extend(people.in_sentence(fs).filter(|m| m.subject));
        }
        let owned: Vec<usize> = self.paragraphs(mi).collect();
        out.extend(people.mentions.iter().filter(|m| {
            m.subject
                && doc.sentences[m.sentence]
                    .paragraph
                    .is_some_and(|p| owned.contains(&p))
        }));
        out.sort_by_key(|m| m.span.start);
        out
    }
}
