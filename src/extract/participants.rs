//! People: names, the titles around them, and who takes part in which meeting.
//!
//! A capitalised run of words is a person's name only when something licenses
//! it: the people gazetteer, an honorific ("Mme", "général") or a title
//! ("le ministre de l'Intérieur du Mozambique, …") next to it, or a verb right
//! after it ("K. Tan a qualifié…"). Single words ("Mme Dupont") refer to
//! the full name already seen that ends with them. Descriptions ("le ministre
//! vietnamien", "le représentant iranien", "ce dernier") resolve to the person
//! they designate.

use rustc_hash::FxHashMap;

use super::meetings::Drafts;
use super::tokens;
use super::{Doc, Participant};
use crate::clean::Span;
use crate::fold::{at_word_boundaries, ends_with_word, fold};
use crate::lexicon::{Entity, Lexicon, OrgKind, Portfolio, Reference, Title};

#[derive(Debug, Clone)]
pub struct Person {
    pub name: String,
    /// Folded name, for matching other mentions of the same person.
    key: String,
    pub role: Option<String>,
    /// The role is a description (`Title::generic`).
    generic_role: bool,
    /// The role names its portfolio or body (`Phrase::bodied`).
    bodied_role: bool,
    /// The role if the person is of the home side (`Phrase::home_role`).
    home_role: Option<String>,
    /// Named as someone's counterpart ("son homologue chinois X"): holds the
    /// office of the one they meet when the text gives them none.
    counterpart: bool,
    pub organization: Option<usize>,
    pub country: Option<usize>,
    gazetteer: bool,
}

#[derive(Debug, Clone)]
pub struct PersonMention {
    pub person: usize,
    /// The name (or description) as written.
    pub span: Span,
    pub sentence: usize,
    /// Where the noun phrase starts, title or honorific included.
    pub phrase_start: usize,
    /// The person acts in the clause ("X a souligné"): a participant, not a mere mention.
    pub subject: bool,
    /// A description or an anaphor ("le ministre vietnamien"), not a name.
    pub described: bool,
}

pub struct People {
    pub persons: Vec<Person>,
    /// Folded full name → person.
    by_key: FxHashMap<String, usize>,
    /// Folded trailing words of a full name ("dupont", "alvarez casas") → person.
    by_surname: FxHashMap<String, usize>,
    pub mentions: Vec<PersonMention>,
    /// Every title with the words it governs ("conseiller adjoint à la sécurité nationale indien").
    pub titles: Vec<Span>,
}

impl People {
    fn add(&mut self, person: Person) -> usize {
        let i = self.persons.len();
        let words: Vec<&str> = person.key.split(' ').collect();
        for k in 1..words.len() {
            self.by_surname.entry(words[k..].join(" ")).or_insert(i);
        }
        self.by_key.insert(hyphen_free(&person.key), i);
        self.persons.push(person);
        i
    }

    /// The person already named `key` (folded), whether written with
    /// hyphens or without ("François-Noël Buffet", "Francois Noel Buffet").
    fn named(&self, key: &str) -> Option<usize> {
        self.by_key.get(&hyphen_free(key)).copied()
    }

    /// Mentions are kept in text order, so those of one sentence are contiguous.
    pub fn in_sentence(&self, sentence: usize) -> impl Iterator<Item = &PersonMention> {
        let from = self.mentions.partition_point(|m| m.sentence < sentence);
        let to = self.mentions.partition_point(|m| m.sentence <= sentence);
        self.mentions[from..to].iter()
    }
}

fn hyphen_free(key: &str) -> String {
    key.replace('-', " ")
}

/// A title with what follows it: "secrétaire du Conseil de sécurité de la Fédération de Russie".
#[derive(Debug, Clone)]
struct Phrase {
    span: Span,
    role: String,
    /// The role as the home country names its own office ("ministre de la
    /// Police" of Vietnam is its Minister of Public Security), when it differs.
    home_role: Option<String>,
    /// The title is a description (`Title::generic`).
    generic: bool,
    /// It names the portfolio or body of the title.
    bodied: bool,
    country: Option<usize>,
    organization: Option<usize>,
}

/// A capitalised run that may be a name.
struct Candidate {
    span: Span,
    sentence: usize,
    words: usize,
    gazetteer: Option<usize>,
}

pub fn find(doc: &Doc) -> People {
    let phrases: Vec<Phrase> = titles(doc);
    let mut people = People {
        persons: Vec::new(),
        by_key: FxHashMap::default(),
        by_surname: FxHashMap::default(),
        mentions: Vec::new(),
        titles: phrases.iter().map(|p| p.span).collect(),
    };
    // Capitalised words inside a title's body ("secrétaire du Comité du
    // Parti de Binh Duong") name its place, not a person.
    let in_body = |c: &Candidate| {
        let before = phrases.partition_point(|p| p.span.start < c.span.start);
        before > 0 && {
            let p = &phrases[before - 1];
            p.bodied && c.span.end <= p.span.end
        }
    };
    let candidates: Vec<Candidate> = (0..doc.sentences.len())
        .flat_map(|si| candidates(doc, si))
        .filter(|c| !in_body(c))
        .collect();
    // Full names separate a title from a later name; a lone capitalised word
    // ("Développement" in a ministry's name) does not.
    let mut spans: Vec<Span> = candidates
        .iter()
        .filter(|c| c.words >= 2 || c.gazetteer.is_some())
        .map(|c| c.span)
        .collect();
    spans.sort_by_key(|s| s.start);
    let mut claimed = vec![false; phrases.len()];
    let objects = meeting_objects(doc, &candidates);

    // Full names first, so that single words can refer back to them.
    let mut order: Vec<usize> = (0..candidates.len()).collect();
    order.sort_by_key(|&i| {
        (
            candidates[i].words < 2 && candidates[i].gazetteer.is_none(),
            i,
        )
    });
    let names = Names {
        phrases: &phrases,
        spans: &spans,
        objects: &objects,
    };
    for i in order {
        if let Some(m) = mention(doc, &mut people, &names, &mut claimed, &candidates[i], i) {
            people.mentions.push(m);
        }
    }
    // Text order, which `latest` and `in_sentence` rely on.
    people.mentions.sort_by_key(|m| m.span.start);
    describe(doc, &mut people, &phrases, &claimed, &spans);
    people.mentions.sort_by_key(|m| m.span.start);
    // Nothing in the text told these people's side: their names may. The
    // home side's offices take its own names, and a home minister named
    // with a bare title the ministry the article names.
    let ministry = home_ministry(doc);
    for p in people.persons.iter_mut() {
        if p.country.is_none() && p.organization.is_none() {
            p.country = doc.lex.country_of_name(&p.name);
        }
        if p.country == Some(doc.lex.home) {
            if let Some(role) = p.home_role.take() {
                p.role = Some(role);
            }
            let bare = |role: &String| {
                doc.lex
                    .titles
                    .iter()
                    .any(|t| t.of_ministry && t.en == *role)
            };
            if let (Some(role), Some(portfolio)) = (p.role.as_mut().filter(|r| bare(r)), ministry) {
                let name = portfolio.home_en.as_ref().unwrap_or(&portfolio.en);
                *role = format!("{role} of {name}");
            }
        }
    }
    people
}

/// The home ministry the article names first: "une délégation du ministère
/// vietnamien de la Sécurité publique", "the Ministry of Public Security".
/// A ministry another country's demonym or name qualifies is not it.
fn home_ministry<'l>(doc: &Doc<'l>) -> Option<&'l Portfolio> {
    const REACH: usize = 4;
    doc.entities.iter().enumerate().find_map(|(i, f)| {
        let Some(Entity::Portfolio(p)) = f.get(|e| matches!(e, Entity::Portfolio(_))) else {
            return None;
        };
        let portfolio = &doc.lex.portfolios[p];
        let si = doc.sentence_of(f.span.start)?;
        let before = doc.words(Span {
            start: doc.sentences[si].span.start,
            end: f.span.start,
        });
        let lead = &before[before.len().saturating_sub(REACH)..];
        let named = lead
            .iter()
            .any(|w| doc.lex.grammar.ministry_nouns.contains(w));
        let foreign = doc.entities[..i].iter().rev().take(2).any(|e| {
            e.span.end <= f.span.start
                && e.span.start >= doc.sentences[si].span.start
                && e.what.iter().any(|x| match x {
                    Entity::Demonym(c) | Entity::Country(c) => *c != doc.lex.home,
                    _ => false,
                })
                && doc
                    .words(Span {
                        start: e.span.end,
                        end: f.span.start,
                    })
                    .len()
                    <= REACH
        });
        (portfolio.home_default && named && !foreign).then_some(portfolio)
    })
}

/// What the name finder reads every candidate against.
struct Names<'a> {
    phrases: &'a [Phrase],
    /// Full names, which separate a title from a later name.
    spans: &'a [Span],
    /// Per candidate, whether a meeting cue takes it as its other side.
    objects: &'a [bool],
}

/// Candidate `i` as a mention of a person, when something licenses it as a
/// name: the gazetteer, an honorific, a known surname, a title before or
/// after it, a verb it is the subject of, or a meeting cue it is the object of.
fn mention(
    doc: &Doc,
    people: &mut People,
    names: &Names,
    claimed: &mut [bool],
    c: &Candidate,
    i: usize,
) -> Option<PersonMention> {
    let sentence_end = doc.sentences[c.sentence].span.end;
    let honorific = honorific_before(doc, c.span.start);
    let initial = c.span.slice(doc.text).contains('.');
    // A lone capitalised word is a name only after an honorific ("Mme
    // Dupont") or as the surname of someone already named.
    let known_surname = c.words == 1
        && !people.by_surname.is_empty()
        && people
            .by_surname
            .contains_key(&fold(c.span.slice(doc.text)));
    let licensed_alone = c.gazetteer.is_some() || honorific.is_some() || known_surname;
    // Otherwise a full name (or one with an initial) needs a title or a verb.
    let full = c.words >= 2 || initial;
    if !licensed_alone && !full {
        return None; // most lone capitalised words: no need to look around them
    }
    let before = phrase_before(doc, names, claimed, c);
    let after = if before.is_none() {
        phrase_after(doc, names, claimed, c)
    } else {
        None
    };
    let subject = is_subject(doc, c.span.end, sentence_end, names.spans);
    let apposed = country_apposition(doc, c);
    let counterpart = after_reference(doc, c).or_else(|| reference_apposition(doc, c));
    let licensed = licensed_alone
        || before.is_some()
        || after.is_some()
        || subject
        || names.objects[i]
        || apposed.is_some()
        || counterpart.is_some();
    if !licensed {
        return None;
    }
    // A foreign title is not the post of a name the home side writes
    // ("… ministre de l'Intérieur de Singapour, Luong Tam Quang a estimé").
    let home_name = c.gazetteer.map_or_else(
        || doc.lex.country_of_name(c.span.slice(doc.text)),
        |g| Some(doc.lex.people[g].country),
    ) == Some(doc.lex.home);
    let foreign = |p: usize| names.phrases[p].country.is_some_and(|k| k != doc.lex.home);
    let phrase = before.or(after).filter(|&p| !(home_name && foreign(p)));
    if let Some(p) = phrase {
        claimed[p] = true;
    }
    let person = identify(doc, people, c)?;
    if let Some(p) = phrase {
        enrich(doc.lex, &mut people.persons[person], &names.phrases[p]);
        // A second post names a body, and a foreign country only: "chef du
        // Parti" would make a foreign party leader Vietnamese, "ministre
        // chinois" tells a Chinese one.
        if let Some(q) = second_post(doc, names, claimed, p) {
            claimed[q] = true;
            let second = &names.phrases[q];
            let person = &mut people.persons[person];
            person.organization = doc
                .lex
                .narrower_organization(person.organization, second.organization);
            if !person.gazetteer && second.country != Some(doc.lex.home) {
                person.country = person.country.or(second.country);
            }
        }
    }
    // "les ambassadeurs de Chine, X, d'Indonésie, Y", "Sept ambassadeurs …
    // : X pour le Cambodge, Y pour la Suisse": the plural title over the
    // list is each one's, and stays free for the next.
    if let (None, Some(_)) = (phrase, apposed) {
        let sentence_start = doc.sentences[c.sentence].span.start;
        let list_title = phrases_starting(names.phrases, sentence_start, c.span.start)
            .rev()
            .find(|&p| {
                let taken = claimed[p] || (home_name && foreign(p));
                !taken && names.phrases[p].span.end <= c.span.start
            });
        if let Some(p) = list_title {
            enrich(doc.lex, &mut people.persons[person], &names.phrases[p]);
        }
    }
    let country = apposed.or(counterpart.and_then(|r| r.country));
    if let (Some(country), false) = (country, people.persons[person].gazetteer) {
        people.persons[person].country.get_or_insert(country);
    }
    people.persons[person].counterpart |= counterpart.is_some_and(|r| r.same_office);
    let phrase_start = [
        Some(c.span.start),
        honorific,
        before.map(|p| names.phrases[p].span.start),
    ]
    .into_iter()
    .flatten()
    .min()
    .unwrap_or(c.span.start);
    Some(PersonMention {
        person,
        span: c.span,
        sentence: c.sentence,
        phrase_start,
        subject,
        described: false,
    })
}

/// Capitalised runs and gazetteer names in one sentence.
fn candidates(doc: &Doc, si: usize) -> Vec<Candidate> {
    let known = known_names(doc, si);
    let mut out: Vec<Candidate> = known
        .iter()
        .map(|&(s, p)| Candidate {
            span: s,
            sentence: si,
            words: s.slice(doc.text).split_whitespace().count(),
            gazetteer: Some(p),
        })
        .collect();
    for run in name_runs(doc, si) {
        let span = Span {
            start: run[0].start,
            end: run[run.len() - 1].end,
        };
        // "Home Office", "Public Policy": a run of words that name bodies
        // and fields is no one's name, nor one ending on such a word
        // ("Inspection Commission"): names do not.
        let body_word = |t: &Span| doc.lex.body_words.contains(doc.folded(*t));
        let body = run.iter().all(body_word)
            || (run.len() >= 2 && body_word(&run[run.len() - 1]))
            || governed_by_title(doc, si, span);
        let overlaps = known
            .iter()
            .any(|(k, _)| k.start < span.end && span.start < k.end);
        if !body && !overlaps {
            out.push(Candidate {
                span,
                sentence: si,
                words: run.len(),
                gazetteer: None,
            });
        }
    }
    // A lone "Le" kept for a family name needs two more name words after it.
    out.retain(|c| {
        let first = c.span.slice(doc.text).split(' ').next().unwrap_or("");
        c.words > 2 || !doc.lex.grammar.article_surnames.iter().any(|a| a == first)
    });
    out
}

/// "Governor of Xieng Khouang", "gouverneur de Xieng Khouang": capitalised
/// words a title governs through "of" or "de" are the place or body of the
/// post, not a name.
fn governed_by_title(doc: &Doc, si: usize, span: Span) -> bool {
    doc.entities_in(Span {
        start: doc.sentences[si].span.start,
        end: span.start,
    })
    .iter()
    .rev()
    .find(|f| f.span.end <= span.start)
    .is_some_and(|f| {
        let gap = doc.folded(Span {
            start: f.span.end,
            end: span.start,
        });
        f.what.iter().any(|e| matches!(e, Entity::Title(_)))
            && doc.lex.grammar.complement.contains(gap.trim())
    })
}

/// The gazetteer's people named in a sentence, capitalised as names are.
fn known_names(doc: &Doc, si: usize) -> Vec<(Span, usize)> {
    doc.entities_in(doc.sentences[si].span)
        .iter()
        .filter_map(|f| match f.get(|e| matches!(e, Entity::Person(_))) {
            // "Park Jin" is not a name inside "Park Jin-woo".
            Some(Entity::Person(p))
                if starts_upper(f.span.slice(doc.text)) && !hyphen_glued(doc.text, f.span) =>
            {
                Some((f.span, p))
            }
            _ => None,
        })
        .collect()
}

/// The runs of name words of a sentence, each as its tokens: capitalised
/// words on one line, with the particles and suffixes names hold.
fn name_runs(doc: &Doc, si: usize) -> Vec<Vec<Span>> {
    let span = doc.sentences[si].span;
    let content = span.slice(doc.text);
    let mut runs = Vec::new();
    let mut run: Vec<Span> = Vec::new();
    let flush = |run: &mut Vec<Span>, runs: &mut Vec<Vec<Span>>| {
        // A run never ends on a particle ("de").
        while run.last().is_some_and(|t| !starts_upper(t.slice(doc.text))) {
            run.pop();
        }
        if !run.is_empty() {
            runs.push(std::mem::take(run));
        }
    };
    let mut previous: Option<Span> = None;
    let mut next = 0;
    loop {
        // Outside a name only a capitalised token can start one.
        if run.is_empty() {
            let Some(resume) = tokens::skip_to_capital(content, next) else {
                break;
            };
            if resume > next {
                previous = None; // the skipped tokens are not "Le"
            }
            next = resume;
        }
        let Some((at, token)) = tokens::next(content, next) else {
            break;
        };
        next = at + token.len();
        let (word, possessive) = without_possessive(doc, token);
        let tok = Span {
            start: span.start + at,
            end: span.start + at + word.len(),
        };
        let joined = run.last().is_some_and(|prev| {
            let gap = &doc.text[prev.end..tok.start];
            !gap.is_empty() && gap.chars().all(char::is_whitespace) && !gap.contains('\n')
        });
        if !joined {
            flush(&mut run, &mut runs);
        }
        if is_name_word(doc, tok, word) || inside_name(doc, &run, tok, word) {
            if run.is_empty() {
                // "Le Xuan Minh": the Vietnamese family name Lê written without accents.
                run.extend(article_surname(doc, &previous, tok));
            }
            run.push(tok);
        } else {
            flush(&mut run, &mut runs);
        }
        // "Lam's": a possessive ends the name before it.
        if possessive {
            flush(&mut run, &mut runs);
        }
        previous = Some(tok);
    }
    flush(&mut run, &mut runs);
    runs
}

/// A token without its possessive ending ("Lam's"), and whether it had one.
fn without_possessive<'t>(doc: &Doc, token: &'t str) -> (&'t str, bool) {
    match doc
        .lex
        .grammar
        .possessives
        .iter()
        .find(|p| token.len() > p.len() && token.ends_with(p.as_str()))
    {
        Some(p) => (&token[..token.len() - p.len()], true),
        None => (token, false),
    }
}

/// Inside a name: particles ("da Costa"), a capitalised article after one
/// ("de La Brosse"), generation suffixes ("Torre III"), and a capitalised
/// function word after a name word, which only a name writes so ("Tran Quoc
/// To", the Vietnamese Tỏ without its accent).
fn inside_name(doc: &Doc, run: &[Span], tok: Span, word: &str) -> bool {
    let after_particle = run
        .last()
        .is_some_and(|t| doc.lex.name_particles.contains(doc.folded(*t)));
    let capitalised_function_word =
        starts_upper(word) && doc.lex.function_words.contains_plain(word);
    // "Lê Đức Thái", "Enrique Fernando Santiago Romero": a demonym or a
    // city never follows a full name without a break, so there it is a
    // word of the name.
    let place_after_name = run.len() >= 2
        && starts_upper(word)
        && doc.entities_in(tok).iter().any(|f| {
            f.span.start <= tok.start
                && tok.end <= f.span.end
                && f.what
                    .iter()
                    .any(|e| matches!(e, Entity::Demonym(_) | Entity::City(_)))
        });
    !run.is_empty()
        && (doc.lex.name_particles.contains(doc.folded(tok))
            || (after_particle && starts_upper(word))
            || capitalised_function_word
            || place_after_name
            || matches!(word, "II" | "III" | "IV"))
}

/// A capitalised article right before a name word, as a family name ("Le"
/// in "Le Xuan Minh", the Vietnamese Lê written without accents).
fn article_surname(doc: &Doc, previous: &Option<Span>, tok: Span) -> Option<Span> {
    previous.filter(|p| {
        doc.lex
            .grammar
            .article_surnames
            .iter()
            .any(|a| a == p.slice(doc.text))
            && doc.text[p.end..tok.start] == *" "
    })
}

fn hyphen_glued(text: &str, span: Span) -> bool {
    let after = text[span.end..].chars().take(2).collect::<Vec<_>>();
    let before = text[..span.start].chars().rev().take(2).collect::<Vec<_>>();
    let glued = |cs: &[char]| cs.len() == 2 && cs[0] == '-' && cs[1].is_alphabetic();
    glued(&after) || glued(&before)
}

fn starts_upper(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A capitalised word that is not a known place, body, title or function word.
fn is_name_word(doc: &Doc, tok: Span, word: &str) -> bool {
    if !starts_upper(word) {
        return false;
    }
    let (mut letters, mut upper) = (0, 0);
    for c in word.chars().filter(|c| c.is_alphabetic()) {
        letters += 1;
        upper += usize::from(c.is_uppercase());
    }
    if letters >= 2 && upper == letters {
        return false; // an acronym ("NSC", "PCV")
    }
    // Accents matter here: "Le" is an article, "Lê" a Vietnamese family name.
    if doc.lex.function_words.contains_plain(word) {
        return false;
    }
    let covered = doc
        .entities_in(Span {
            start: 0,
            end: tok.end,
        })
        .iter()
        .rev()
        .take(4)
        .any(|f| {
            f.span.start <= tok.start
                && tok.end <= f.span.end
                && !matches!(f.what[0], Entity::Person(_))
        });
    !covered
}

/// Every title in the text with the words it governs in its sentence.
fn titles(doc: &Doc) -> Vec<Phrase> {
    doc.entities
        .iter()
        .enumerate()
        .filter_map(|(i, f)| match f.get(|e| matches!(e, Entity::Title(_))) {
            Some(Entity::Title(t)) => Some(title_phrase(doc, i, t)),
            _ => None,
        })
        .collect()
}

/// What a title governs: the portfolios it is the title of, its country
/// and its organisation.
#[derive(Default)]
struct Governed {
    portfolios: Vec<usize>,
    /// A portfolio written without a country is the home country's.
    home_default: bool,
    /// The title is a verb whose object, after an article, is yet to come.
    object: bool,
}

/// The title of entity `i` (title `t`) with what stands before it and what
/// it governs after it, up to the end of its sentence.
fn title_phrase(doc: &Doc, i: usize, t: usize) -> Phrase {
    let f = &doc.entities[i];
    // Entities all lie inside sentences (`Doc::new`). A line break is no
    // gap to stop at, so without this bound a title ending a line would
    // take the place name opening the next one ("l'ambassadrice\nHanoï").
    let sentence_end = doc
        .sentence_of(f.span.start)
        .map_or(f.span.end, |si| doc.sentences[si].span.end);
    let title = &doc.lex.titles[t];
    let mut phrase = Phrase {
        span: f.span,
        role: title.en.clone(),
        home_role: None,
        generic: title.generic,
        bodied: false,
        country: None,
        organization: None,
    };
    let object = title.object;
    let mut governed = Governed {
        object,
        ..Governed::default()
    };
    premodifiers(doc, i, &mut phrase, &mut governed);
    for next in &doc.entities[i + 1..] {
        if next.span.end > sentence_end || !govern(doc, &mut phrase, &mut governed, next) {
            break;
        }
        phrase.span.end = next.span.end;
    }
    // A verb standing as a title describes the office, whoever's it is.
    let home = governed.home_default
        && !object
        && phrase.country.is_none()
        && phrase.organization.is_none();
    if !governed.portfolios.is_empty() {
        let named = |home: bool| {
            let names: Vec<&str> = governed
                .portfolios
                .iter()
                .map(|&p| {
                    let portfolio = &doc.lex.portfolios[p];
                    match &portfolio.home_en {
                        Some(en) if home => en.as_str(),
                        _ => portfolio.en.as_str(),
                    }
                })
                .collect();
            format!("{} of {}", phrase.role, names.join(" and "))
        };
        let home_role = named(true);
        phrase.bodied = true;
        phrase.role = named(home || phrase.country == Some(doc.lex.home));
        phrase.home_role = (home_role != phrase.role).then_some(home_role);
    } else if let Some((end, body)) = body_as_written(doc, f.span.end, sentence_end, object)
        .map(|body| {
            let of = if object { "of " } else { "" };
            (body.end, format!("{of}{}", body.slice(doc.text)))
        })
        .or_else(|| body_in_english(doc, f.span.end, sentence_end, title))
    {
        // From the title on: "Chairman of Japan's National Public Safety
        // Commission" keeps the country it governs inside its body; a
        // body in another language is put into English.
        phrase.role = format!("{} {body}", phrase.role);
        phrase.span.end = phrase.span.end.max(end);
        phrase.bodied = true;
    }
    if home {
        phrase.country = Some(doc.lex.home);
    }
    phrase
}

/// "of the National Public Safety Commission" after a title, in a language
/// whose words the role keeps (`role_joiners`): a connector, then
/// capitalised words and joiners up to punctuation, cut after the last word
/// naming a body or the last organisation ("of the Interpol Nguyen Ma"
/// stops at Interpol). A country alone ("of Japan") is no body. After a
/// verb standing as a title (`object`), an article opens it instead: "who
/// heads the Consular Department".
fn body_as_written(doc: &Doc, at: usize, end: usize, object: bool) -> Option<Span> {
    let grammar = &doc.lex.grammar;
    let rest = doc.text.get(at..end)?;
    let mut words = tokens::tokens(rest).map(|(i, w)| (at + i, w));
    let (start, first) = words.next()?;
    let openers = if object {
        &grammar.object_articles
    } else {
        &grammar.role_connectors
    };
    let connector = openers.contains(&fold(first));
    if !connector || !doc.text[at..start].trim().is_empty() {
        return None;
    }
    let orgs: Vec<Span> = doc
        .entities_in(Span { start, end })
        .iter()
        .filter(|f| f.what.iter().any(|e| matches!(e, Entity::Organization(_))))
        .map(|f| f.span)
        .collect();
    let mut previous_end = start + first.len();
    let mut cut = None;
    for (i, w) in words {
        let capital = w.starts_with(char::is_uppercase);
        let joined = !doc.text[previous_end..i].trim().is_empty();
        if joined || !(capital || grammar.role_joiners.contains(&fold(w))) {
            break;
        }
        previous_end = i + w.len();
        if let Some(org) = orgs.iter().find(|o| o.start <= i && i < o.end) {
            cut = Some(org.end.max(previous_end));
        } else if capital && doc.lex.body_words.contains(&fold(w)) {
            cut = Some(previous_end);
        }
    }
    cut.map(|end| Span { start, end })
}

/// A body the lexicon does not know after a title, put into English word
/// by word from `bodies.toml` (`body_names`): "de l'Administration
/// nationale de l'immigration" is "of the National Administration of
/// Immigration", adjectives before their noun. It opens with a connector
/// and a capitalised word, keeps names as written ("du Parti de Binh
/// Duong"), and stops at punctuation, at a word it cannot put into English
/// and at any entity but a city or a portfolio's words (a country is the
/// title's own): where it ends, and the English. After a verb standing as
/// a title (`Title::object`), an article opens it as "of the" would: "qui
/// dirige la Commission centrale" is "of the Central Commission"; some
/// titles' bodies open in lower case (`Title::lower_case_body`).
fn body_in_english(doc: &Doc, at: usize, end: usize, title: &Title) -> Option<(usize, String)> {
    let words = doc.lex.body_names.as_ref()?;
    let object = title.object;
    let rest = doc.text.get(at..end)?;
    // The entity a token opens, unless a city or a portfolio's words.
    let entity_at = |start: usize| {
        doc.entities_in(Span {
            start,
            end: start + 1,
        })
        .iter()
        .find(|f| {
            !f.what
                .iter()
                .any(|e| matches!(e, Entity::City(_) | Entity::Portfolio(_)))
        })
        .map(|f| {
            (
                f.span.end,
                f.what.iter().any(|e| matches!(e, Entity::Demonym(_))),
            )
        })
    };
    let mut pieces: Vec<(BodyPiece, usize)> = Vec::new();
    if object {
        pieces.push((BodyPiece::Connector("of"), at));
    }
    let mut previous_end = at;
    for (i, token) in tokens::tokens(rest) {
        let start = at + i;
        if start < previous_end {
            continue;
        }
        if !doc.text[previous_end..start].trim().is_empty() {
            break;
        }
        match entity_at(start) {
            // The title's own demonym, before its body: "ministre égyptien
            // d'État chargé de la production militaire".
            Some((end, true)) if pieces.is_empty() => {
                previous_end = end;
                continue;
            }
            Some(_) => break,
            None => {}
        }
        let folded = fold(token);
        let last = pieces.last().map(|(p, _)| p);
        // "chargé de la": the remit stands for its connector and article.
        let after_remit = matches!(last, Some(BodyPiece::Remit(_)));
        if after_remit
            && (words.connectors.contains_key(&folded) || words.articles.contains(&folded))
        {
            previous_end = start + token.len();
            continue;
        }
        let object_article = object && pieces.len() == 1;
        let piece = if object_article {
            if !doc.lex.grammar.object_articles.contains(&folded) {
                break;
            }
            BodyPiece::Article
        } else if let Some(en) = words.connectors.get(&folded) {
            BodyPiece::Connector(en)
        } else if let Some(en) = words.remits.get(&folded) {
            BodyPiece::Remit(en)
        } else if let Some(en) = words.conjunctions.get(&folded) {
            BodyPiece::And(en)
        } else if words.articles.contains(&folded) {
            match last {
                Some(BodyPiece::Connector(_)) => BodyPiece::Article,
                _ => break,
            }
        } else if let Some(en) = words.nouns.get(&folded) {
            BodyPiece::Noun(en)
        } else if let Some(en) = words.adjectives.get(&folded) {
            BodyPiece::Adjective(en)
        } else if token.starts_with(char::is_uppercase) {
            BodyPiece::Name(token)
        } else {
            break;
        };
        // A connector first, then a capital: "du Comité", not "de la
        // coopération"; after a remit, any word it knows.
        let opening = pieces
            .iter()
            .all(|(p, _)| matches!(p, BodyPiece::Connector(_) | BodyPiece::Article));
        let fits = match (&piece, pieces.is_empty()) {
            (BodyPiece::Connector(_) | BodyPiece::Remit(_), true) => true,
            (_, true) => false,
            (BodyPiece::Article, false) => true,
            (BodyPiece::Connector(_) | BodyPiece::Remit(_) | BodyPiece::And(_), false) => !opening,
            (_, false) => {
                !opening || title.lower_case_body || token.starts_with(char::is_uppercase)
            }
        };
        if !fits {
            break;
        }
        previous_end = start + token.len();
        pieces.push((piece, previous_end));
    }
    while pieces.last().is_some_and(|(p, _)| {
        matches!(
            p,
            BodyPiece::Connector(_) | BodyPiece::Remit(_) | BodyPiece::Article | BodyPiece::And(_)
        )
    }) {
        pieces.pop();
    }
    let body_end = pieces.last()?.1;
    if !pieces.iter().any(|(p, _)| matches!(p, BodyPiece::Noun(_))) {
        return None;
    }
    // Each part: its connector, then the words up to the next connector.
    let mut out = String::new();
    let mut part: Vec<&BodyPiece> = Vec::new();
    let render = |out: &mut String, part: &mut Vec<&BodyPiece>| {
        // "et" ending a part joins it to the next ("de la défense et de la
        // sécurité"); inside one it joins adjectives.
        let and = match part.last() {
            Some(BodyPiece::And(en)) => {
                let en = *en;
                part.pop();
                Some(en)
            }
            _ => None,
        };
        let (mut before, mut after, mut heads) = (Vec::new(), Vec::new(), Vec::new());
        for piece in part.drain(..) {
            match piece {
                BodyPiece::Connector(en) | BodyPiece::Remit(en) => {
                    out.push(' ');
                    out.push_str(en);
                }
                BodyPiece::Article => out.push_str(" the"),
                BodyPiece::Adjective(en) | BodyPiece::And(en) if heads.is_empty() => {
                    before.push(*en)
                }
                BodyPiece::Adjective(en) | BodyPiece::And(en) => after.push(*en),
                BodyPiece::Noun(en) | BodyPiece::Name(en) => heads.push(*en),
            }
        }
        after.reverse();
        for word in before.into_iter().chain(after).chain(heads).chain(and) {
            out.push(' ');
            out.push_str(word);
        }
    };
    for (piece, _) in &pieces {
        if matches!(piece, BodyPiece::Connector(_) | BodyPiece::Remit(_)) && !part.is_empty() {
            render(&mut out, &mut part);
        }
        part.push(piece);
    }
    render(&mut out, &mut part);
    Some((body_end, out.trim_start().to_string()))
}

/// One word of a body's name read by `body_in_english`, with its English.
enum BodyPiece<'a> {
    Connector(&'a str),
    Remit(&'a str),
    And(&'a str),
    Article,
    Noun(&'a str),
    Adjective(&'a str),
    Name(&'a str),
}

/// Whether the entity `next` continues a title phrase, and if so what it
/// tells of it: a rank, a demonym, a portfolio, a country, an organisation
/// or a city, after a connector ("de la", "of", "chargé de").
fn govern(doc: &Doc, phrase: &mut Phrase, governed: &mut Governed, next: &super::Found) -> bool {
    let gap = doc.folded(Span {
        start: phrase.span.end,
        end: next.span.start,
    });
    let demonym = next.get(|e| matches!(e, Entity::Demonym(_)));
    // A demonym may follow an adjective: "Police royale thaïlandaise".
    let adjectives = gap.split_whitespace().count() <= 2
        && !gap.contains([',', '.', ';', ':', '('])
        && !gap
            .split_whitespace()
            .any(|w| doc.lex.finite_verbs.contains(w));
    // A verb standing as a title takes its object first, after an article
    // or right after it ("who heads Azerbaijan's State Security Service"):
    // "qui dirige au Vietnam le bureau" is not posted to the country it names.
    let object = std::mem::take(&mut governed.object);
    let continues = if object {
        gap.trim().is_empty() || doc.lex.grammar.object_articles.contains(gap.trim())
    } else {
        doc.lex.grammar.title_connectors.contains(gap.trim()) || (demonym.is_some() && adjectives)
    };
    if !continues {
        // "vice-présidente du Conseil suprême du Kirghizistan", "présidente de
        // l'Union des femmes lao": a body the lexicon does not know, of a
        // country it does.
        let gap_span = Span {
            start: phrase.span.end,
            end: next.span.start,
        };
        return match next.get(|e| matches!(e, Entity::Country(_) | Entity::Demonym(_))) {
            Some(Entity::Country(c) | Entity::Demonym(c))
                if unknown_body(doc, gap_span, demonym.is_some(), object) =>
            {
                phrase.country.get_or_insert(c);
                true
            }
            _ => false,
        };
    }
    let joins_with_and = doc
        .lex
        .grammar
        .and
        .iter()
        .any(|and| gap.trim_start().starts_with(and.as_str()));
    if next.what.contains(&Entity::Honorific) && gap.trim().is_empty() {
        // "commandant général": a rank word continuing the title.
    } else if let Some(Entity::Demonym(c)) = demonym {
        phrase.country.get_or_insert(c);
    } else if let Some(Entity::Portfolio(p)) = next.get(|e| matches!(e, Entity::Portfolio(_))) {
        if !governed.portfolios.is_empty() && !joins_with_and {
            return false;
        }
        governed.home_default |= doc.lex.portfolios[p].home_default;
        governed.portfolios.push(p);
    } else if let Some(Entity::Country(c)) = next.get(|e| matches!(e, Entity::Country(_))) {
        // "le représentant de l'ONUDC au Vietnam": after an organisation,
        // "au" names where its envoy is posted.
        let posted = phrase.organization.is_some() && doc.lex.grammar.posting.contains(gap.trim());
        if !posted {
            phrase.country.get_or_insert(c);
        }
    } else if let Some(Entity::Organization(o)) = next.get(|e| matches!(e, Entity::Organization(_)))
    {
        phrase.organization = doc.lex.narrower_organization(phrase.organization, Some(o));
        if doc.lex.organizations[o].kind == OrgKind::Company {
            phrase.country = phrase.country.or(doc.lex.organizations[o].country);
        }
    } else if let Some(Entity::City(c)) = next.get(|e| matches!(e, Entity::City(_))) {
        phrase.country.get_or_insert(doc.lex.cities[c].country);
    } else {
        return false;
    }
    true
}

/// A body's name between a title and its country: a connector, capitalised
/// words (with joiners and, before a demonym, a few lower-case ones), and
/// a connector again before a country; no punctuation and no "and". After a
/// verb standing as a title (`object`), an article opens it.
fn unknown_body(doc: &Doc, gap: Span, before_demonym: bool, object: bool) -> bool {
    const MAX_WORDS: usize = 6;
    let text = gap.slice(doc.text);
    if text.contains([',', '.', ';', ':', '(', ')']) {
        return false;
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    let connectors = &doc.lex.grammar.title_connectors;
    let connector_at = |from: usize, to: usize| {
        words
            .get(from..to)
            .is_some_and(|ws| connectors.contains(fold(&ws.join(" ")).as_str()))
    };
    let opens = if object {
        // "la Direction", or "l'Union" as one word.
        words.first().is_some_and(|w| {
            let w = fold(w);
            let article = w.split_inclusive(['\'', '’']).next().unwrap_or(&w);
            doc.lex.grammar.object_articles.contains(article)
        })
    } else {
        (1..=2).any(|n| connector_at(0, n))
    };
    let closes = before_demonym
        || (1..=2).any(|n| words.len() > n && connector_at(words.len() - n, words.len()));
    let and = |w: &&str| {
        let w = fold(w);
        doc.lex.grammar.and.contains(&w)
    };
    words.len() <= MAX_WORDS
        && opens
        && closes
        && words.iter().any(|w| {
            w.rsplit(['\'', '’'])
                .next()
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        })
        && !words.iter().any(and)
}

/// What stands right before a title in languages that put it there
/// ("Russian Deputy Minister", "Japan's Ambassador", "UNODC Representative",
/// "Public Security Minister"): gaps of `title_premodifier_gaps` only.
fn premodifiers(doc: &Doc, title: usize, phrase: &mut Phrase, governed: &mut Governed) {
    let gaps = &doc.lex.grammar.title_premodifier_gaps;
    if gaps.is_empty() {
        return;
    }
    for before in doc.entities[..title].iter().rev() {
        let gap = doc.folded(Span {
            start: before.span.end,
            end: phrase.span.start,
        });
        if before.span.end > phrase.span.start || !gaps.iter().any(|g| g == gap.trim()) {
            break;
        }
        if let Some(Entity::Demonym(c) | Entity::Country(c)) =
            before.get(|e| matches!(e, Entity::Demonym(_) | Entity::Country(_)))
        {
            phrase.country.get_or_insert(c);
        } else if let Some(Entity::Organization(o)) =
            before.get(|e| matches!(e, Entity::Organization(_)))
        {
            phrase.organization.get_or_insert(o);
        } else if let Some(Entity::Portfolio(p)) = before.get(|e| matches!(e, Entity::Portfolio(_)))
        {
            governed.home_default |= doc.lex.portfolios[p].home_default;
            governed.portfolios.insert(0, p);
        } else {
            break;
        }
        phrase.span.start = before.span.start;
    }
}

/// Full names a meeting cue takes as its other side: "talked by phone with
/// Park Jae-min and Ajay Kumar", "s'est entretenu avec X". A name there needs
/// no title to be someone's.
fn meeting_objects(doc: &Doc, candidates: &[Candidate]) -> Vec<bool> {
    let mut objects = vec![false; candidates.len()];
    for (i, c) in candidates.iter().enumerate() {
        if c.words < 2 {
            continue;
        }
        let at = honorific_before(doc, c.span.start).unwrap_or(c.span.start);
        let sentence = doc.sentences[c.sentence].span;
        let before = doc.folded(Span {
            start: sentence.start,
            end: at,
        });
        let before = before.trim_end();
        let ends_with = |words: &[String]| ends_with_word(before, words);
        let cue_before = doc
            .entities_in(sentence)
            .iter()
            .any(|f| f.span.end <= at && f.what.iter().any(|e| matches!(e, Entity::Meeting(_))));
        // "… with A and B": B continues the list A opened.
        let continues = i > 0
            && objects[i - 1]
            && candidates[i - 1].sentence == c.sentence
            && doc.lex.grammar.and.iter().any(|and| {
                doc.folded(Span {
                    start: candidates[i - 1].span.end,
                    end: at,
                })
                .trim()
                    == and.as_str()
            });
        // "avec X", and the agent of a passive: "coprésidée par X".
        let introduced = ends_with(&doc.lex.grammar.with) || ends_with(&doc.lex.grammar.by);
        objects[i] = continues || (cue_before && introduced);
    }
    objects
}

/// "son homologue chinois, Liu Zhao", "his Chinese counterpart Liu Zhao": a
/// full name right after a reference noun is someone's, of the country of
/// the demonym beside that noun. `None` when no such noun stands there.
fn after_reference(doc: &Doc, c: &Candidate) -> Option<Referenced> {
    if c.words < 2 {
        return None;
    }
    let sentence = doc.sentences[c.sentence].span;
    let at = honorific_before(doc, c.span.start).unwrap_or(c.span.start);
    let before = doc.folded(Span {
        start: sentence.start,
        end: at,
    });
    let words: Vec<&str> = before
        .trim_end_matches([' ', ','])
        .split_whitespace()
        .rev()
        .take(3)
        .collect();
    let noun = words
        .iter()
        .take(2)
        .position(|w| doc.lex.is_reference_noun(w))?;
    let same_office = doc.lex.grammar.counterpart_nouns.contains(words[noun]);
    // The demonym beside the noun: after it in French, before it in English.
    let demonym = doc
        .entities_in(Span {
            start: sentence.start,
            end: at,
        })
        .iter()
        .rev()
        .take(3)
        .find_map(|f| match f.get(|e| matches!(e, Entity::Demonym(_))) {
            Some(Entity::Demonym(d)) => {
                let folded = doc.folded(f.span);
                words
                    .get(noun.saturating_sub(1)..=(noun + 1).min(words.len() - 1))?
                    .contains(&folded)
                    .then_some(d)
            }
            _ => None,
        });
    Some(Referenced {
        country: demonym,
        same_office,
    })
}

/// "Thongbanh Sengaphon, his Lao counterpart, …", "X, son homologue lao,":
/// a full name with a reference noun and a demonym in apposition after it.
fn reference_apposition(doc: &Doc, c: &Candidate) -> Option<Referenced> {
    if c.words < 2 {
        return None;
    }
    let sentence = doc.sentences[c.sentence].span;
    let rest = doc.folded(Span {
        start: c.span.end,
        end: sentence.end,
    });
    let apposition = rest.strip_prefix(',')?.split([',', '.', ';', '(']).next()?;
    let words: Vec<&str> = apposition.split_whitespace().collect();
    if words.len() > 4 || !words.iter().any(|w| doc.lex.is_reference_noun(w)) {
        return None;
    }
    let span = Span {
        start: c.span.end,
        end: doc
            .folded
            .original_offset(doc.folded.folded_offset(c.span.end) + 1 + apposition.len()),
    };
    let demonym = doc.entities_in(span).iter().find_map(|f| {
        match f.get(|e| matches!(e, Entity::Demonym(_))) {
            Some(Entity::Demonym(d)) => Some(d),
            _ => None,
        }
    });
    Some(Referenced {
        country: demonym,
        same_office: words
            .iter()
            .any(|w| doc.lex.grammar.counterpart_nouns.contains(w)),
    })
}

/// A name licensed by a reference noun beside it.
#[derive(Clone, Copy)]
struct Referenced {
    /// The country of the demonym next to the noun.
    country: Option<usize>,
    /// The noun says the same office as the one met ("homologue").
    same_office: bool,
}

/// "les ambassadeurs de Chine, Hong Xiaoyong, d'Indonésie, Ibnu Hadi": a
/// full name in apposition to a country that is the complement of a noun,
/// as lists of envoys write them, or followed by the country it stands for
/// ("Ivo Sieber pour la Suisse"); the country is the person's.
fn country_apposition(doc: &Doc, c: &Candidate) -> Option<usize> {
    if c.words < 2 {
        return None;
    }
    let sentence = doc.sentences[c.sentence].span;
    let standing_for = doc
        .entities_in(Span {
            start: c.span.end,
            end: sentence.end,
        })
        .first()
        .and_then(|after| {
            let gap = doc.folded(Span {
                start: c.span.end,
                end: after.span.start,
            });
            match after.get(|e| matches!(e, Entity::Country(_))) {
                Some(Entity::Country(country))
                    if doc.lex.grammar.standing_for.contains(gap.trim()) =>
                {
                    Some(country)
                }
                _ => None,
            }
        });
    if standing_for.is_some() {
        return standing_for;
    }
    let entities = doc.entities_in(Span {
        start: sentence.start,
        end: c.span.start,
    });
    let before = entities.last()?;
    if before.span.end > c.span.start || doc.text[before.span.end..c.span.start].trim() != "," {
        return None;
    }
    let Some(Entity::Country(country)) = before.get(|e| matches!(e, Entity::Country(_))) else {
        return None;
    };
    let complement = doc
        .word_before(before.span.start)
        .is_some_and(|w| doc.lex.grammar.cue_complement.contains(&w));
    complement.then_some(country)
}

/// "général X", "Mme X": the honorific's start.
fn honorific_before(doc: &Doc, at: usize) -> Option<usize> {
    doc.entities_in(Span {
        start: at.saturating_sub(40),
        end: at,
    })
    .iter()
    .filter(|f| f.what.contains(&Entity::Honorific) && f.span.end <= at)
    .rfind(|f| doc.text[f.span.end..at].chars().all(char::is_whitespace))
    .map(|f| f.span.start)
}

/// "le ministre de l'Intérieur du Mozambique, Paulo X": a title ending right
/// before the name (a few words and one final comma allowed in between).
/// A phrase already in the apposition of an earlier name ("X, the Security
/// Council Secretary, Lam said…") is not the next name's.
fn phrase_before(doc: &Doc, names: &Names, claimed: &[bool], c: &Candidate) -> Option<usize> {
    let (phrases, spans) = (names.phrases, names.spans);
    let sentence = doc.sentences[c.sentence].span;
    // "l'ambassadrice d'Égypte au Vietnam, Mme Noha X": the honorific belongs to the name.
    let honorific = honorific_before(doc, c.span.start);
    let name_start = honorific.unwrap_or(c.span.start);
    // Phrases are in text order: only those of this sentence before the name.
    let before = phrases_starting(phrases, sentence.start, name_start);
    let from = before.start;
    let i = from
        + phrases[before]
            .iter()
            .rposition(|p| p.span.end <= c.span.start)?;
    // A title may have taken the honorific as a rank continuing it
    // ("Minister of Public Security Gen. X"): the gap is then after it.
    let gap_span = Span {
        start: phrases[i].span.end,
        end: if phrases[i].span.end > name_start {
            c.span.start
        } else {
            name_start
        },
    };
    let gap = doc.folded(gap_span);
    let mut trimmed = gap.trim_end();
    if honorific.is_some() {
        // "le ministre de la Sécurité publique, le général X": so does its article.
        if let Some(rest) = doc
            .lex
            .grammar
            .articles
            .iter()
            .find_map(|a| trimmed.strip_suffix(a))
            .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace))
        {
            trimmed = rest.trim_end();
        }
    }
    let inner = trimmed.strip_suffix(',').unwrap_or(trimmed);
    let has_verb = holds_verb(doc, gap_span);
    // "Mme A, conseillère adjointe, M. B, secrétaire d'État adjoint": a
    // title set off by commas after an earlier name is that name's,
    // whichever name is read first ("headed by X, Permanent Deputy Prime
    // Minister Y said" leaves no comma before Y).
    let title_start = phrases[i].span.start;
    // Names are sorted by start: the one just before the title, if any.
    let before_title = spans.partition_point(|s| s.start < title_start);
    let apposed = gap.contains(',')
        && before_title > 0
        && spans[..before_title].iter().rev().take(2).any(|s| {
            s.end <= title_start
                && s.start >= sentence.start
                && doc
                    .folded(Span {
                        start: s.end,
                        end: title_start,
                    })
                    .trim()
                    == ","
        });
    // "Ministre de la Défense, secrétaire adjoint de la Commission militaire
    // centrale et membre du Bureau politique, le général X a …": titles
    // opening the sentence, set off by a comma before the name, are the
    // name's, the first one its office.
    let block = Span {
        start: sentence.start,
        end: name_start,
    };
    let opens = doc.text[sentence.start..phrases[from].span.start]
        .trim()
        .is_empty();
    let set_off = trimmed.ends_with(',');
    if opens && set_off && !holds_verb(doc, block) && !claimed[from] && !holds_name(spans, block) {
        return Some(from);
    }
    let ok = !claimed[i]
        && !apposed
        && !inner.contains([',', '.', ';', ':'])
        && !has_verb
        && doc.words(gap_span).len() <= 8
        && !holds_name(spans, gap_span);
    ok.then_some(i)
}

/// "Sergueï X, secrétaire du Conseil de sécurité…": a title in the apposition after the name.
fn phrase_after(doc: &Doc, names: &Names, claimed: &[bool], c: &Candidate) -> Option<usize> {
    let (phrases, spans) = (names.phrases, names.spans);
    let sentence = doc.sentences[c.sentence].span;
    let from = phrases.partition_point(|p| p.span.start < c.span.end);
    let i = from
        + phrases[from..]
            .iter()
            .take_while(|p| p.span.start < sentence.end)
            .position(|p| p.span.end <= sentence.end)?;
    let gap_span = Span {
        start: c.span.end,
        end: phrases[i].span.start,
    };
    let gap = doc.folded(gap_span);
    // "X, for his part, said the Party leader's…": a verb ends the apposition.
    let has_verb = holds_verb(doc, gap_span);
    let ok = !claimed[i]
        && !has_verb
        && gap.trim_start().starts_with(',')
        && gap.matches(',').count() <= 2
        && !gap.contains(['.', ';', ':'])
        && doc.words(gap_span).len() <= 10
        && !holds_name(spans, gap_span);
    ok.then_some(i)
}

/// "…, sous-secrétaire générale de l'ONU et directrice exécutive de
/// l'ONUDC": a title joined to the one before by "and" alone is a second
/// post of the same person.
fn second_post(doc: &Doc, names: &Names, claimed: &[bool], p: usize) -> Option<usize> {
    let (first, second) = (names.phrases.get(p)?, names.phrases.get(p + 1)?);
    let gap = doc.folded(Span {
        start: first.span.end,
        end: second.span.start,
    });
    let joined = first.span.end <= second.span.start
        && doc.lex.grammar.and.iter().any(|and| gap.trim() == and);
    (joined && !claimed[p + 1]).then_some(p + 1)
}

/// The words after a name: a finite verb, possibly after an apposition
/// ("X, ministre de la Police, a présidé").
fn is_subject(doc: &Doc, end: usize, sentence_end: usize, names: &[Span]) -> bool {
    // A mention may run past its sentence (a title line ending on a
    // demonym): nothing of the sentence follows it then.
    let Some(rest) = doc.text.get(end..sentence_end) else {
        return false;
    };
    let is_verb =
        |s: &str| tokens::first(s).is_some_and(|w| doc.lex.finite_verbs.contains_plain(w));
    if !rest.trim_start().starts_with(',') {
        return is_verb(rest);
    }
    let mut at = end;
    for piece in rest.split(',').skip(1).take(3) {
        let piece_span = Span {
            start: at,
            end: at + piece.len() + 1,
        };
        at += piece.len() + 1;
        if is_verb(piece) {
            return true;
        }
        let has_name = holds_name(
            names,
            Span {
                start: piece_span.start,
                end: piece_span.end + 1,
            },
        );
        if has_name || piece.split_whitespace().count() > 14 {
            return false;
        }
    }
    false
}

/// Finds or creates the person a name refers to.
fn identify(doc: &Doc, people: &mut People, c: &Candidate) -> Option<usize> {
    let surface = c.span.slice(doc.text);
    if let Some(g) = c.gazetteer {
        let entry = &doc.lex.people[g];
        let key = fold(&entry.name);
        if let Some(i) = people.named(&key) {
            return Some(i);
        }
        return Some(people.add(Person {
            name: entry.name.clone(),
            key,
            role: None,
            generic_role: false,
            bodied_role: false,
            home_role: None,
            counterpart: false,
            organization: None,
            country: Some(entry.country),
            gazetteer: true,
        }));
    }
    let key = fold(surface);
    if let Some(i) = people.named(&key) {
        if accents(surface) > accents(&people.persons[i].name) && !people.persons[i].gazetteer {
            people.persons[i].name = surface.to_string();
        }
        return Some(i);
    }
    // A surname alone ("Mme Dupont", "Alvarez Casas") refers to the full name ending with it.
    if let Some(&i) = people.by_surname.get(&key) {
        return Some(i);
    }
    Some(people.add(Person {
        name: surface.to_string(),
        key,
        role: None,
        generic_role: false,
        bodied_role: false,
        home_role: None,
        counterpart: false,
        organization: None,
        country: None,
        gazetteer: false,
    }))
}

fn accents(s: &str) -> usize {
    s.chars().filter(|c| !c.is_ascii()).count()
}

/// Keeps the most specific role seen (an office over a description of
/// it, the longer of two), but the first of two that both name their body
/// unless the later one goes on from it: a second office given later
/// ("Membre du Bureau politique, secrétaire du Comité central") is not the
/// one the person came as. Also keeps the first country and organisation.
fn enrich(lex: &Lexicon, person: &mut Person, phrase: &Phrase) {
    let replace = match &person.role {
        None => true,
        Some(r) if person.generic_role == phrase.generic => {
            phrase.role.len() > r.len()
                && (!(person.bodied_role && phrase.bodied) || phrase.role.starts_with(r.as_str()))
        }
        Some(_) => person.generic_role,
    };
    if replace {
        person.role = Some(phrase.role.clone());
        person.generic_role = phrase.generic;
        person.bodied_role = phrase.bodied;
        person.home_role.clone_from(&phrase.home_role);
    }
    person.organization = lex.narrower_organization(person.organization, phrase.organization);
    if !person.gazetteer {
        person.country = person.country.or(phrase.country);
    }
}

/// Descriptions and anaphors: "le ministre vietnamien a réaffirmé", "a reçu le
/// ministre cubain de l'Intérieur", "son homologue malaisien", "la délégation
/// vietnamienne", "Ce dernier". One naming a country resolves to the person of
/// that country named last; one without needs to act in its clause and then
/// resolves to the last person holding its title.
fn describe(doc: &Doc, people: &mut People, phrases: &[Phrase], claimed: &[bool], names: &[Span]) {
    let mut found = Vec::new();
    for (i, p) in phrases.iter().enumerate() {
        if claimed[i] || !preceded_by_determiner(doc, p.span.start) {
            continue;
        }
        if let Some(si) = doc.sentence_of(p.span.start) {
            let title = Some(p.role.as_str());
            // "reçoit l'ambassadeur brésilien" … "Marco Farani a souligné":
            // a description of a foreign side names the one person of no
            // known side and no role, who takes its country and title.
            let unknown = || {
                let foreign = p.country.is_some_and(|c| c != doc.lex.home);
                let person = latest(people, p.span.start, |q| {
                    q.country.is_none() && q.organization.is_none() && q.role.is_none()
                })
                .filter(|_| foreign)?;
                Some(described(doc, names, p.span, si, person))
            };
            if let Some(m) = refer_back(doc, people, names, p.span, si, p.country, title) {
                found.push(m);
            } else if let Some(m) = unknown() {
                let person = &mut people.persons[m.person];
                person.country = p.country;
                person.role = Some(p.role.clone());
                found.push(m);
            }
        }
    }
    let references = doc.lex.references(&doc.folded.text);
    for (si, sentence) in doc.sentences.iter().enumerate() {
        let folded = doc.folded(sentence.span);
        let base = doc.folded.folded_offset(sentence.span.start);
        let from = references.partition_point(|r| r.1 < base);
        let to = references.partition_point(|r| r.1 < base + folded.len());
        let here: Vec<(Reference, usize, usize)> = references[from..to]
            .iter()
            .filter(|r| r.2 <= base + folded.len())
            .map(|&(what, start, end)| (what, start - base, end - base))
            .collect();
        for &(_, at, at_end) in here.iter().filter(|r| r.0 == Reference::Noun) {
            if !at_word_boundaries(folded, at, at_end) {
                continue;
            }
            let (start, end) = doc.folded.original_range(base + at, base + at_end);
            if let Some((country, span)) = noun_with_demonym(doc, si, Span { start, end }) {
                // "son homologue chinois Liu Zhao" names its person.
                let from = names.partition_point(|n| n.start < span.end);
                let named = names.get(from).is_some_and(|n| {
                    doc.text[span.end..n.start]
                        .chars()
                        .all(|c| c.is_whitespace() || c == ',')
                });
                if named {
                    continue;
                }
                let Some(m) = refer_back(doc, people, names, span, si, Some(country), None) else {
                    continue;
                };
                if doc
                    .lex
                    .grammar
                    .counterpart_nouns
                    .contains(&folded[at..at_end])
                {
                    people.persons[m.person].counterpart = true;
                }
                found.push(m);
            }
        }
        found.extend(anaphors(doc, people, names, si, base, &here));
    }
    people.mentions.extend(found);
}

/// "son homologue malaisien", "his Lao counterpart": a reference noun with
/// the demonym right after it or right before it, after a determiner; the
/// demonym's country and the whole phrase.
fn noun_with_demonym(doc: &Doc, si: usize, noun: Span) -> Option<(usize, Span)> {
    let sentence = doc.sentences[si].span;
    let demonym = |f: &super::Found| match f.get(|e| matches!(e, Entity::Demonym(_))) {
        Some(Entity::Demonym(c)) => Some(c),
        _ => None,
    };
    let after = doc
        .entities_in(Span {
            start: noun.end,
            end: sentence.end,
        })
        .first()
        .filter(|f| f.span.start >= noun.end && doc.text[noun.end..f.span.start].trim().is_empty())
        .and_then(|f| {
            Some((
                demonym(f)?,
                Span {
                    start: noun.start,
                    end: f.span.end,
                },
            ))
        });
    let before = || {
        doc.entities_in(Span {
            start: sentence.start,
            end: noun.start,
        })
        .last()
        .filter(|f| f.span.end <= noun.start && doc.text[f.span.end..noun.start].trim().is_empty())
        .and_then(|f| {
            Some((
                demonym(f)?,
                Span {
                    start: f.span.start,
                    end: noun.end,
                },
            ))
        })
    };
    after
        .or_else(before)
        .filter(|(_, span)| preceded_by_determiner(doc, span.start))
}

/// The person a description refers back to: the latest one of its country,
/// or, for a subject title alone ("le ministre a souligné"), the latest with
/// that title.
fn refer_back(
    doc: &Doc,
    people: &People,
    names: &[Span],
    span: Span,
    si: usize,
    country: Option<usize>,
    title: Option<&str>,
) -> Option<PersonMention> {
    let subject = is_subject(doc, span.end, doc.sentences[si].span.end, names);
    let person = match (country, title) {
        (Some(c), _) => latest(people, span.start, |q| q.country == Some(c)),
        (None, Some(t)) if subject => latest(people, span.start, |q| {
            q.role.as_deref().is_some_and(|r| r.starts_with(t))
        }),
        _ => None,
    }?;
    Some(described(doc, names, span, si, person))
}

/// The mention of `person` a description at `span` (sentence `si`) makes.
fn described(doc: &Doc, names: &[Span], span: Span, si: usize, person: usize) -> PersonMention {
    PersonMention {
        person,
        span,
        sentence: si,
        phrase_start: span.start,
        subject: is_subject(doc, span.end, doc.sentences[si].span.end, names),
        described: true,
    }
}

/// Each anaphor ("ce dernier", "the latter") at its first place in the
/// sentence, as the person mentioned last, when it is a clause's subject.
fn anaphors(
    doc: &Doc,
    people: &People,
    names: &[Span],
    si: usize,
    base: usize,
    here: &[(Reference, usize, usize)],
) -> Vec<PersonMention> {
    let sentence = doc.sentences[si].span;
    let mut found = Vec::new();
    for a in 0..doc.lex.anaphors.len() {
        let Some(&(_, at, at_end)) = here.iter().find(|r| r.0 == Reference::Anaphor(a)) else {
            continue;
        };
        let (start, end) = doc.folded.original_range(base + at, base + at_end);
        let before = people.mentions.partition_point(|m| m.span.end <= start);
        let earlier = before.checked_sub(1).map(|i| &people.mentions[i]);
        if let (Some(m), true) = (earlier, is_subject(doc, end, sentence.end, names)) {
            found.push(PersonMention {
                person: m.person,
                span: Span { start, end },
                sentence: si,
                phrase_start: start,
                subject: true,
                described: true,
            });
        }
    }
    found
}

fn preceded_by_determiner(doc: &Doc, at: usize) -> bool {
    doc.word_before(at)
        .is_some_and(|w| doc.lex.determiners.contains(&w))
}

/// The person most recently named before `at` (or else the first named after it) that fits.
fn latest(people: &People, at: usize, fits: impl Fn(&Person) -> bool) -> Option<usize> {
    // Mentions are in text order; a reference looks back (then ahead) a bounded distance.
    const REACH: usize = 200;
    let split = people.mentions.partition_point(|m| m.span.end <= at);
    let fit = |m: &&PersonMention| fits(&people.persons[m.person]);
    people.mentions[..split]
        .iter()
        .rev()
        .take(REACH)
        .find(fit)
        .or_else(|| people.mentions[split..].iter().take(REACH).find(fit))
        .map(|m| m.person)
}

/// The phrases (sorted by start) that start in `start..end`.
fn phrases_starting(phrases: &[Phrase], start: usize, end: usize) -> std::ops::Range<usize> {
    let from = phrases.partition_point(|p| p.span.start < start);
    let to = phrases.partition_point(|p| p.span.start < end);
    from..to.max(from)
}

/// Whether a finite verb stands in `span`: the clause goes on past it.
fn holds_verb(doc: &Doc, span: Span) -> bool {
    tokens::tokens(span.slice(doc.text)).any(|(_, w)| doc.lex.finite_verbs.contains_plain(w))
}

/// Whether a full name lies inside a span (`names` sorted by start).
fn holds_name(names: &[Span], span: Span) -> bool {
    let from = names.partition_point(|n| n.start < span.start);
    names[from..]
        .iter()
        .take_while(|n| n.start < span.end)
        .any(|n| n.end <= span.end)
}

/// Participants of every meeting, with their side.
pub fn assign(doc: &Doc, people: &People, drafts: &Drafts) -> Vec<Participant> {
    let mut out = Vec::new();
    for (mi, mentions) in drafts
        .participant_mentions(doc, people)
        .into_iter()
        .enumerate()
    {
        let mut seen: Vec<usize> = Vec::new();
        let home_is_host = drafts.home_is_host(doc, mi);
        let has_home = mentions
            .iter()
            .any(|m| people.persons[m.person].country == Some(doc.lex.home));
        // A counterpart's office is that of the home person met.
        let home_role = mentions
            .iter()
            .map(|m| &people.persons[m.person])
            .find(|p| p.country == Some(doc.lex.home) && p.role.is_some())
            .and_then(|p| p.role.clone());
        for m in mentions {
            if seen.contains(&m.person) {
                continue;
            }
            seen.push(m.person);
            let person = &people.persons[m.person];
            // An unknown person facing a known home participant is on the partner's side.
            let country = person.country.or(if has_home {
                drafts.partner_country[mi]
            } else {
                None
            });
            let is_home = country == Some(doc.lex.home);
            let evidence = doc.sentences[m.sentence].span;
            out.push(Participant {
                meeting: mi,
                name: doc.lex.canonical_name(
                    &person.name,
                    country,
                    person.country,
                    person.gazetteer,
                ),
                surface: m.span.slice(doc.text).to_string(),
                role: person
                    .role
                    .clone()
                    .or_else(|| home_role.clone().filter(|_| person.counterpart)),
                organization: person
                    .organization
                    .map(|o| doc.lex.organizations[o].name.clone()),
                country: country.map(|c| doc.lex.countries[c].name.clone()),
                host: is_home == home_is_host,
                evidence,
                mention: m.span,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::extract;
    use crate::extract::Participant;

    fn people(lang: &str, text: &str) -> Vec<Participant> {
        extract(lang, text).participants
    }

    fn named<'p>(people: &'p [Participant], name: &str) -> Option<&'p Participant> {
        people.iter().find(|p| p.name == name)
    }

    #[test]
    fn capitalised_places_and_partnerships_are_no_one() {
        let p = people(
            "en",
            "T\n\nOn May 3 in Hanoi, Minister Tran Van Hai received the Japanese Ambassador. They said the Vietnam-Japan Strategic Partnership had grown, and that drugs from the Golden Triangle and the Greater Mekong Sub-region worried both sides.",
        );
        let names: Vec<&str> = p.iter().map(|x| x.name.as_str()).collect();
        for not_a_name in ["Golden Triangle", "Greater Mekong Sub-region"] {
            assert!(!names.contains(&not_a_name), "{names:?}");
        }
        assert!(
            !names.iter().any(|n| n.contains("Partnership")),
            "{names:?}"
        );
    }

    /// A title before the name ("le ministre … Trần Văn Hải"), after it ("Pedro
    /// Costa, ministre de l'Intérieur du Mozambique"), and an English one
    /// with the demonym before it ("Russian Deputy Minister Nikolai Volkov").
    #[test]
    fn a_title_gives_role_and_country() {
        for (lang, text, name, country, role, host) in [
            ("fr", "T\n\nLe 3 mai à Hanoï, le ministre de la Sécurité publique Trần Văn Hải a reçu Pedro Costa, ministre de l'Intérieur du Mozambique.", "Pedro Costa", "Mozambique", "Minister of the Interior", false),
            ("fr", "T\n\nLe 3 mai à Hanoï, le ministre de la Sécurité publique Trần Văn Hải a reçu Pedro Costa, ministre de l'Intérieur du Mozambique.", "Trần Văn Hải", "Vietnam", "Minister of Public Security", true),
            ("en", "T\n\nOn May 3 in Hanoi, Minister of Public Security Tran Van Hai received Russian Deputy Minister Nikolai Volkov.", "Nikolai Volkov", "Russia", "Deputy Minister", false),
            // An English role keeps the body as written, up to its last body word.
            ("en", "T\n\nOn May 3 in Hanoi, Minister of Public Security Tran Van Hai received Taro Sato, Chairman of Japan's National Public Safety Commission.", "Taro Sato", "Japan", "Chairman of Japan's National Public Safety Commission", false),
            // A home minister named with a bare title holds the ministry the article names.
            ("fr", "T\n\nUne délégation du ministère vietnamien de la Sécurité publique s'est rendue en France.\n\nLe 5 novembre, le ministre Trần Văn Hải a eu un entretien avec Bernard Cazeneuve, ministre français de l'Intérieur.", "Trần Văn Hải", "Vietnam", "Minister of Public Security", false),
            ("fr", "T\n\nUne délégation du ministère russe de l'Intérieur est à Hanoï.\n\nLe 5 novembre, le ministre Trần Văn Hải a reçu Igor Zubov, vice-ministre russe de l'Intérieur.", "Trần Văn Hải", "Vietnam", "Minister", true),
            // Courts: "Chief Justice" is one title, "Judge" no part of a name.
            ("en", "T\n\nOn May 3 in Hanoi, Chief Justice Tran Van Hai received Lao Chief Justice Viengthong Siphandone.", "Viengthong Siphandone", "Laos", "Chief Justice", false),
            ("en", "T\n\nOn May 3 in Hanoi, Chief Justice Tran Van Hai received Lao Judge Khampha Sengdara.", "Khampha Sengdara", "Laos", "Judge", false),
        ] {
            let found = people(lang, text);
            let p = named(&found, name).unwrap_or_else(|| panic!("{name} in {found:?}"));
            assert_eq!(
                (p.country.as_deref(), p.role.as_deref(), p.host),
                (Some(country), Some(role), host),
                "{name}"
            );
        }
    }

    #[test]
    fn a_body_the_lexicon_does_not_know_is_put_into_english_in_the_role() {
        let found = people(
            "fr",
            "T\n\nLe 3 mai à Hanoï, Trần Văn Hải, secrétaire du Comité provincial du Parti de Binh Duong, a reçu Zhao Ming, directeur adjoint de l'Administration nationale de l'immigration de Chine, et Kim Dae-ho, chef de la Commission centrale des affaires politiques et juridiques de la République de Corée.",
        );
        for (name, role) in [
            (
                "Trần Văn Hải",
                "Secretary of the Provincial Committee of the Party of Binh Duong",
            ),
            (
                "Zhao Ming",
                "Deputy Director of the National Administration of the Immigration",
            ),
            (
                "Kim Dae-ho",
                "Head of the Central Political and Legal Affairs Commission",
            ),
        ] {
            let p = named(&found, name).unwrap_or_else(|| panic!("{name} in {found:?}"));
            assert_eq!(p.role.as_deref(), Some(role));
        }
        // The body's place is no one's name.
        assert!(named(&found, "Binh Duong").is_none(), "{found:?}");
        // A remit drops its connector and reads lower-case words; the
        // title's demonym before the body is the title's.
        let remits = people(
            "fr",
            "T\n\nLe 3 mai à Hanoï, le ministre Trần Văn Hải a reçu Paulo Sousa, commandant adjoint chargé des affaires juridiques, et Rui Lopes, ministre portugais d'État chargé de la production militaire.",
        );
        for (name, role) in [
            ("Paulo Sousa", "Deputy Commander for Legal Affairs"),
            ("Rui Lopes", "Minister of State for Military Production"),
        ] {
            let p = named(&remits, name).unwrap_or_else(|| panic!("{name} in {remits:?}"));
            assert_eq!(p.role.as_deref(), Some(role));
        }
        // A lower-case complement is no body: "chargé de la coopération".
        let plain = people(
            "fr",
            "T\n\nLe 3 mai, le ministre Trần Văn Hải a reçu Zhao Ming, directeur de la coopération internationale de Chine.",
        );
        assert_eq!(
            named(&plain, "Zhao Ming").and_then(|p| p.role.as_deref()),
            Some("Director")
        );
    }

    #[test]
    fn a_name_written_again_without_hyphens_or_accents_is_the_same_person() {
        let found = people(
            "en",
            "T\n\nOn June 11, Deputy Minister Nguyen Van Long met François-Noël Buffet, France's Minister of the Interior.\n\nGreeting the delegation, Minister Francois Noel Buffet said the talks mattered.",
        );
        let buffets: Vec<_> = found
            .iter()
            .filter(|p| p.name.ends_with("Buffet"))
            .collect();
        assert!(!buffets.is_empty(), "{found:?}");
        assert!(
            buffets.iter().all(|p| p.name == "François-Noël Buffet"),
            "{buffets:?}"
        );
    }

    #[test]
    fn a_verb_in_a_relative_clause_stands_as_the_title_of_its_object() {
        let found = people(
            "fr",
            "T\n\nLe 3 mai à Hanoï, le ministre Trần Văn Hải a reçu Marek Novak, qui dirige la Commission centrale des affaires politiques de Slovaquie, puis Lars Berg, qui dirige au Vietnam le bureau de la police suédoise.",
        );
        let novak = named(&found, "Marek Novak").expect("Novak");
        assert_eq!(
            novak.role.as_deref(),
            Some("Head of the Central Commission of the Political Affairs")
        );
        // Some titles' bodies open in lower case.
        let lower = people(
            "fr",
            "T\n\nLe 3 mai, le ministre Trần Văn Hải a reçu Hem Bo Na Rel, qui commande la gendarmerie de la province de Mondulkiri, au Cambodge.",
        );
        assert_eq!(
            named(&lower, "Hem Bo Na Rel").and_then(|p| p.role.as_deref()),
            Some("Commander of the Gendarmerie of the Province of Mondulkiri")
        );
        // A place before the object is where the office is, not its country.
        let berg = named(&found, "Lars Berg").expect("Berg");
        assert_ne!(berg.country.as_deref(), Some("Vietnam"), "{berg:?}");
        let english = people(
            "en",
            "T\n\nOn May 3 in Hanoi, Minister Tran Van Hai received Marek Novak, who heads the Slovak Border Police Department, and Lars Berg, who heads Sweden's State Security Service.",
        );
        for (name, role) in [
            ("Marek Novak", "Head of the Slovak Border Police Department"),
            ("Lars Berg", "Head of the State Security Service"),
        ] {
            let p = named(&english, name).unwrap_or_else(|| panic!("{name} in {english:?}"));
            assert_eq!(p.role.as_deref(), Some(role));
        }
    }

    #[test]
    fn envoys_listed_with_the_country_each_stands_for_hold_the_title_over_the_list() {
        let found = people(
            "fr",
            "T\n\nTrois nouveaux ambassadeurs sont venus le 26 février à Hanoï présenter leurs lettres de créance au président Trần Văn Hải : Ivo Keller pour la Suisse, Jean-Paul Weber pour le Luxembourg et Nikos Papas pour la Grèce.",
        );
        for (name, country) in [
            ("Ivo Keller", "Switzerland"),
            ("Jean-Paul Weber", "Luxembourg"),
            ("Nikos Papas", "Greece"),
        ] {
            let p = named(&found, name).unwrap_or_else(|| panic!("{name} in {found:?}"));
            assert_eq!(
                (p.country.as_deref(), p.role.as_deref(), p.host),
                (Some(country), Some("Ambassador"), false),
                "{name}"
            );
        }
    }

    #[test]
    fn a_name_after_a_counterpart_is_of_its_demonym_s_country() {
        let fr = people(
            "fr",
            "T\n\nLe 28 avril à Pékin, le vice-ministre Trần Văn Hải a eu un entretien avec son homologue chinois Zhang Wei.",
        );
        let p = named(&fr, "Zhang Wei").unwrap_or_else(|| panic!("{fr:?}"));
        assert_eq!((p.country.as_deref(), p.host), (Some("China"), true));
        // A counterpart holds the office of the one met.
        assert_eq!(p.role.as_deref(), Some("Deputy Minister"));
        let en = people(
            "en",
            "T\n\nOn April 28 in Beijing, Deputy Minister Tran Van Hai held talks with his Chinese counterpart Zhang Wei.",
        );
        let p = named(&en, "Zhang Wei").unwrap_or_else(|| panic!("{en:?}"));
        assert_eq!(p.country.as_deref(), Some("China"));
    }

    #[test]
    fn a_caption_gives_the_role_the_body_leaves_short() {
        let en = people(
            "en",
            "T\n\nMinister of Public Security Gen. Tran Van Hai (R) meets French Ambassador Martin Keller (Photo: VNA)\n\nReceiving French Ambassador Martin Keller in Hanoi on November 9, Minister Tran Van Hai praised the cooperation.",
        );
        let host = named(&en, "Tran Van Hai").expect("the host");
        assert_eq!(host.role.as_deref(), Some("Minister of Public Security"));
    }

    #[test]
    fn names_of_bodies_and_possessives_are_no_one() {
        let en = people(
            "en",
            "T\n\nOn March 4 in London, Deputy Minister Tran Van Hai held talks with Daniel Brennan, Permanent Secretary at the UK Home Office. Brennan welcomed Tran Van Hai's proposal.",
        );
        assert!(named(&en, "Home Office").is_none());
        assert!(en.iter().all(|p| !p.name.ends_with("'s")));
        assert!(named(&en, "Daniel Brennan").is_some());
    }

    #[test]
    fn envoys_listed_after_their_countries_are_theirs() {
        let fr = people(
            "fr",
            "T\n\nLes ambassadeurs de Chine, Wang Hai, et d'Indonésie, Omar Rahman, ont été reçus le 19 mai à Hanoï par le général Trần Văn Hải.",
        );
        assert_eq!(
            named(&fr, "Omar Rahman").and_then(|p| p.country.as_deref()),
            Some("Indonesia")
        );
        assert_eq!(
            named(&fr, "Wang Hai").and_then(|p| p.country.as_deref()),
            Some("China")
        );
    }

    /// A sentence glued to the next ("September 5.Sen. Lt. Gen. X") puts an
    /// honorific across a name's start: the name is still read.
    #[test]
    fn an_honorific_across_a_glued_sentence_break_is_read() {
        let found = people(
            "en",
            "T\n\nThe deputy ministers held a working session in Moscow on September 5.Sen. Lt. Gen. Bui Van Nam, the Vietnamese Deputy Minister, and Police Colonel-General Aleksandr Gorovoy, the Russian First Deputy Minister, talked about Interpol.",
        );
        assert!(named(&found, "Bùi Văn Nam").is_some(), "{found:?}");
    }

    /// A series lead places the talks it announces: "X, who is visiting
    /// Australia, had a series of talks …" makes X the guest of each.
    #[test]
    fn a_series_lead_places_the_talks_it_announces() {
        let hosts = hosts_in(
            "en",
            "T\n\nMinister of Public Security Tran Van Hai, who is visiting Australia, had a series of talks with Australian ministers on September 15.\n\nTalking with Julie Bishop, Minister for Foreign Affairs, Hai thanked the Australian government for a training centre in Vietnam.",
        );
        assert!(hosts.contains(&("Julie Bishop".into(), true)), "{hosts:?}");
        assert!(hosts.contains(&("Tran Van Hai".into(), false)), "{hosts:?}");
    }

    /// Each participant's name and whether they host.
    fn hosts_in(lang: &str, text: &str) -> Vec<(String, bool)> {
        people(lang, text)
            .into_iter()
            .map(|p| (p.name, p.host))
            .collect()
    }

    /// The role of `name` (canonical or as written) in a French text.
    fn role_in(text: &str, names: [&str; 2]) -> Option<String> {
        let found = people("fr", text);
        names
            .iter()
            .find_map(|n| named(&found, n))
            .and_then(|p| p.role.clone())
    }

    /// "made a working trip to the United Kingdom": the place past a determiner.
    #[test]
    fn a_trip_to_a_country_past_its_article_places_the_talks_there() {
        let hosts = hosts_in(
            "en",
            "T\n\nFrom September 16 to 21, Deputy Minister Tran Van Hai made a working trip to the United Kingdom.\n\nDuring the trip, the Vietnamese officials held talks with Robert Jenrick, Minister of State at the Home Office.",
        );
        assert!(
            hosts.contains(&("Robert Jenrick".into(), true)),
            "{hosts:?}"
        );
    }

    /// "chef de l'État" describes an office another title names.
    #[test]
    fn an_office_wins_over_a_description_of_it() {
        let text = "T\n\nLe 5 mai à Hanoï, le président Truong Tan Sang a reçu Peter Polt, procureur général de Hongrie.\n\nLe chef de l'État, Truong Tan Sang, a salué la coopération.";
        let role = role_in(text, ["Trương Tấn Sang", "Truong Tan Sang"]);
        assert_eq!(role.as_deref(), Some("President"));
    }

    /// Titles opening the sentence, set off by a comma before the name.
    #[test]
    fn titles_opening_the_sentence_are_the_name_s() {
        let text = "T\n\nMinistre de la Défense, secrétaire adjoint de la Commission militaire centrale et membre du Bureau politique, le général Phan Van Giang a accueilli le 15 avril à Hanoï Alice Guitton, directrice générale au ministère français des Armées.";
        let role = role_in(text, ["Phan Văn Giang", "Phan Van Giang"]);
        assert_eq!(role.as_deref(), Some("Minister of Defence"));
    }
}
