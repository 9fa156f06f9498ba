//! The on-disk shape of the lexicon: one TOML file per kind of knowledge.
//!
//! Unknown keys are rejected so that a typo in a data file is an error at
//! start-up, not a silently ignored entry.

use std::collections::BTreeMap;

use serde::Deserialize;

/// Forms of one entry by language code (`names.fr = [...]`).
pub type ByLanguage = BTreeMap<String, Vec<String>>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CountriesFile {
    pub country: Vec<Country>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub name: String,
    /// Names by language code; the canonical name is matched in every language.
    #[serde(default)]
    pub names: ByLanguage,
    #[serde(default)]
    pub demonyms: ByLanguage,
    pub capital: Option<String>,
    #[serde(default)]
    pub home: bool,
    /// Family names, written without accents, that tell a person is of this
    /// country when the text says nothing else ("Nguyen", "Pham").
    #[serde(default)]
    pub surnames: Vec<String>,
    /// Letters only this country's names hold ("ư", "đ").
    #[serde(default)]
    pub name_letters: String,
    /// Its names write the given name as one word ("Guo Shengkun"), so the
    /// syllables a text writes apart are joined.
    #[serde(default)]
    pub joined_given_names: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CitiesFile {
    pub city: Vec<City>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct City {
    pub name: String,
    #[serde(default)]
    pub names: ByLanguage,
    pub country: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganizationsFile {
    pub organization: Vec<Organization>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    InternationalOrg,
    Company,
    /// A government agency of one country (KOICA, USAID): met, it is that country.
    Agency,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Organization {
    pub name: String,
    /// Names by language code; `names.all` holds forms written alike in
    /// every language (acronyms such as "ASEAN").
    #[serde(default)]
    pub names: ByLanguage,
    pub kind: OrgKind,
    pub country: Option<String>,
    /// The body this one belongs to ("UNODC" to "United Nations").
    pub part_of: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TitlesFile {
    pub title: Vec<Title>,
    pub portfolio: Vec<Portfolio>,
    pub honorific: Vec<Honorific>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub forms: Vec<String>,
    pub en: String,
    /// A minister's title: written bare of a home person ("le ministre Tran
    /// Dai Quang"), it holds the home ministry the article names.
    #[serde(default)]
    pub of_ministry: bool,
    /// A description rather than the office ("chef de l'État", "Head of the
    /// Government"): the office the article names elsewhere wins over it.
    #[serde(default)]
    pub generic: bool,
    /// A verb standing as a title ("qui dirige", "who heads"): its body
    /// follows as an object, after one of `object_articles`.
    #[serde(default)]
    pub object: bool,
    /// Its body is as often written in lower case as not: "à la tête des
    /// gardes-frontières de Lâm Dông", "qui commande la gendarmerie".
    #[serde(default)]
    pub lower_case_body: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Portfolio {
    pub forms: Vec<String>,
    pub en: String,
    #[serde(default)]
    pub home_default: bool,
    /// The English name when the portfolio is the home country's, if the
    /// home country names it otherwise.
    pub home_en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Honorific {
    pub forms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PeopleFile {
    pub person: Vec<Person>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub country: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemesFile {
    pub theme: Vec<Theme>,
    /// How a cue's plural is written, so that lists give the singular only.
    pub plural: Option<Plural>,
}

/// The plural of a noun phrase: its head words (all those before the first
/// `stops` word, or the last of them) take an ending.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plural {
    /// Whether every head word agrees ("criminalités transnationales") or
    /// only the last ("transnational crimes").
    pub agree: Agreement,
    /// Words that end the head: "programme de formation".
    pub stops: Vec<String>,
    /// Endings replaced: ["al", "aux"]; a word with none of them takes `regular`.
    pub endings: Vec<[String; 2]>,
    /// Endings of words that stay as they are ("s", "x").
    pub unchanged: Vec<String>,
    pub regular: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Agreement {
    All,
    Last,
}

impl Plural {
    /// The cue's plural, when it differs: `None` for a prefix cue ("terroris*").
    pub fn of(&self, cue: &str) -> Option<String> {
        if cue.ends_with('*') {
            return None;
        }
        let words: Vec<&str> = cue.split(' ').collect();
        let head = words
            .iter()
            .position(|w| {
                let w = w.to_lowercase();
                self.stops
                    .iter()
                    .any(|s| *s == w || (s.ends_with('\'') && w.starts_with(s.as_str())))
            })
            .unwrap_or(words.len());
        let inflected = |i: usize| match self.agree {
            Agreement::All => i < head,
            Agreement::Last => i + 1 == head,
        };
        let plural: Vec<String> = words
            .iter()
            .enumerate()
            .map(|(i, w)| {
                if inflected(i) {
                    self.word(w)
                } else {
                    (*w).to_string()
                }
            })
            .collect();
        let plural = plural.join(" ");
        (plural != cue).then_some(plural)
    }

    fn word(&self, word: &str) -> String {
        if self.unchanged.iter().any(|e| word.ends_with(e.as_str())) {
            return word.to_string();
        }
        match self
            .endings
            .iter()
            .find(|[from, _]| word.ends_with(from.as_str()))
        {
            Some([from, to]) => format!("{}{to}", &word[..word.len() - from.len()]),
            None => format!("{word}{}", self.regular),
        }
    }
}

/// A theme code with its cues in one language. A cue ending in `*` also matches longer
/// words ("terroris*" matches "terroriste").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub code: String,
    pub cues: Vec<String>,
    /// Regular expressions over folded text (lower case, no accents), for
    /// cues with a gap: "formation de plus de 300 cadres".
    #[serde(default)]
    pub patterns: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VerbsFile {
    /// How the language conjugates: the parts, regular patterns, auxiliaries
    /// and the templates of each tense class.
    pub conjugation: Conjugation,
    /// Principal parts of the irregular verbs among `verb` lemmas.
    #[serde(default)]
    pub parts: Vec<Parts>,
    /// Meeting verbs by lemma, conjugated by rule.
    #[serde(default)]
    pub verb: Vec<Verb>,
    /// Meeting cues written out: nouns, frames, fixed phrases.
    pub meeting: Vec<MeetingCue>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Conjugation {
    /// The names of the principal parts every verb has.
    #[serde(rename = "parts")]
    pub part_names: Vec<String>,
    #[serde(default)]
    pub reflexive_prefixes: Vec<String>,
    /// Parts whose forms are dropped when they fold to the participle.
    #[serde(default)]
    pub distinct_from_participle: Vec<String>,
    #[serde(default)]
    pub regular: Vec<Regular>,
    #[serde(default)]
    pub elision: Vec<Elision>,
    /// Auxiliaries and other word lists the templates name.
    #[serde(default)]
    pub words: BTreeMap<String, Vec<String>>,
    pub active: Voice,
    #[serde(default)]
    pub reflexive: Voice,
    #[serde(default)]
    pub passive: Voice,
}

/// The parts of the verbs with one ending, as templates over `{stem}` and
/// `{infinitive}`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Regular {
    pub ending: String,
    pub parts: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    pub spelling: Vec<Spelling>,
}

/// A stem ending in `stem_end`, before a letter of `before`, is written
/// with `written` in its place.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Spelling {
    pub stem_end: String,
    pub before: String,
    pub written: String,
}

/// `word` followed by a space and a letter of `before` is written `elided`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Elision {
    pub word: String,
    pub elided: String,
    pub before: String,
}

/// The templates of one voice, by tense class.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Voice {
    #[serde(default)]
    pub held: Vec<String>,
    #[serde(default)]
    pub passive: Vec<String>,
    #[serde(default)]
    pub lead: Vec<String>,
    #[serde(default)]
    pub announced: Vec<String>,
    #[serde(default)]
    pub recalled: Vec<String>,
}

impl Voice {
    pub fn tenses(&self) -> [(Tense, &Vec<String>); 5] {
        [
            (Tense::Held, &self.held),
            (Tense::Passive, &self.passive),
            (Tense::Lead, &self.lead),
            (Tense::Announced, &self.announced),
            (Tense::Recalled, &self.recalled),
        ]
    }
}

/// The principal parts of one verb, by the names `conjugation.parts` gives.
#[derive(Debug, Clone, Deserialize)]
pub struct Parts {
    pub infinitive: String,
    #[serde(flatten)]
    pub parts: BTreeMap<String, Vec<String>>,
}

/// Closed word classes (`grammar.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrammarFile {
    pub clause: ClauseWords,
    pub grammar: Grammar,
}

/// Small closed classes of words the rules read (see `grammar.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grammar {
    pub same_day: Vec<String>,
    pub next_day: Vec<String>,
    pub title_connectors: Vec<String>,
    pub posting: Vec<String>,
    pub articles: Vec<String>,
    pub complement: Vec<String>,
    pub cue_complement: Vec<String>,
    pub with: Vec<String>,
    /// Events that are no meeting, as the subject right before a meeting
    /// verb: "le stage a réuni 11 experts de l'ONU".
    #[serde(default)]
    pub training_events: Vec<String>,
    /// Nouns a with-word may belong to rather than the verb before them:
    /// "discussed US relations with ASEAN" met no one from ASEAN.
    #[serde(default)]
    pub relation_nouns: Vec<String>,
    pub object_relatives: Vec<String>,
    pub paragraph_leads: Vec<String>,
    pub adverbs: Vec<String>,
    pub until: Vec<String>,
    pub year_prepositions: Vec<String>,
    pub not_a_meeting_after: Vec<String>,
    pub list_words: Vec<String>,
    pub city_locatives: Vec<String>,
    pub country_locatives: Vec<String>,
    pub and: Vec<String>,
    pub article_surnames: Vec<String>,
    pub abbreviations: Vec<String>,
    #[serde(default)]
    pub title_premodifier_gaps: Vec<String>,
    #[serde(default)]
    pub possessives: Vec<String>,
    #[serde(default)]
    pub participle_openers: Vec<String>,
    /// In a language the tables are written in (English), the body a title
    /// names is kept as written: "Chairman of the National Public Safety
    /// Commission". These join its capitalised words.
    #[serde(default)]
    pub role_joiners: Vec<String>,
    /// What opens such a body after the title: "of", "for".
    #[serde(default)]
    pub role_connectors: Vec<String>,
    /// What opens the body a verb standing as a title takes as its object:
    /// "qui dirige la Commission…", "who heads the Department…".
    #[serde(default)]
    pub object_articles: Vec<String>,
    /// Before a second person met, these tell a conversation of its own:
    /// "met A as well as B".
    #[serde(default)]
    pub separately: Vec<String>,
    /// Between a name and the country it stands for: "Ivo Sieber pour la
    /// Suisse".
    #[serde(default)]
    pub standing_for: Vec<String>,
    /// What opens what someone said: "noted that", "a souligné que". The
    /// countries named past it are what was said, not who was met.
    #[serde(default)]
    pub reported_speech: Vec<String>,
    /// Opening a sentence, these place a pluperfect in the story, earlier
    /// the same day or trip: "Plus tôt, X avait eu un entretien avec Y".
    #[serde(default)]
    pub earlier: Vec<String>,
    /// Reference nouns that give the person the office of the one met.
    #[serde(default)]
    pub counterpart_nouns: Vec<String>,
    /// What opens a relative clause set before the story: a place inside
    /// one ("X, who had been in Việt Nam earlier this month") is not where
    /// the meeting is.
    #[serde(default)]
    pub relative_pronouns: Vec<String>,
    /// Words that make a conversation noun a habit rather than a meeting:
    /// "has kept up meetings with", "des rencontres régulières avec".
    #[serde(default)]
    pub habitual: Vec<String>,
    /// The noun a ministry's name opens with: "ministère de la Sécurité
    /// publique", "Ministry of Public Security".
    #[serde(default)]
    pub ministry_nouns: Vec<String>,
    /// A sentence holding one of these tells a meeting of its own, not one
    /// told before: "Meeting the minister separately, X …".
    #[serde(default)]
    pub apart: Vec<String>,
    /// What introduces the agent of a passive: "reçu par X et par Y".
    #[serde(default)]
    pub by: Vec<String>,
    /// What introduces the one a courtesy call is paid on: "made courtesy
    /// calls on X and on Y".
    #[serde(default)]
    pub calls_on: Vec<String>,
    /// What names an event's organiser, its partner: "organisé par l'IISS".
    #[serde(default)]
    pub organised_by: Vec<String>,
    /// What names the one leading a side at the event just told: "la
    /// délégation était menée par X", "the Australian side was led by Y".
    #[serde(default)]
    pub led_by: Vec<String>,
    /// Words before an office held: "comme coprésident tournant du G20".
    #[serde(default)]
    pub as_office: Vec<String>,
    /// What joins home and the side it meets: "le Vietnam et l'UE".
    #[serde(default)]
    pub pair_joiners: Vec<String>,
    /// What names the body whose seat hosts a meeting, its partner: before
    /// the body ("au siège d'Interpol") or after it ("at Interpol
    /// headquarters").
    #[serde(default)]
    pub seat_before: Vec<String>,
    #[serde(default)]
    pub seat_after: Vec<String>,
    /// The home side's own people abroad ("l'ambassade vietnamienne", "the
    /// Vietnamese community"): a meeting with them is no diplomatic meeting.
    #[serde(default)]
    pub home_audiences: Vec<String>,
    /// Words that may stand, with dates and places, between a verb and its
    /// complement ("a eu, le 3 mars au matin, un entretien").
    #[serde(default)]
    pub insert_words: Vec<String>,
}

/// Verbs that report a meeting of one kind: each lemma ("recevoir",
/// "s'entretenir") conjugated, then followed by each complement when there
/// are some ("avoir" + "un entretien").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Verb {
    pub kind: Kind,
    pub lemmas: Vec<String>,
    #[serde(default)]
    pub complements: Vec<String>,
    /// Whether the passive reports the meeting too ("a été reçu par").
    #[serde(default)]
    pub passive: bool,
}

/// What a verb form tells of its meeting.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Held,
    /// Held, told in the passive: the guest is the subject ("a été reçu par").
    Passive,
    Lead,
    Announced,
    Recalled,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Reception,
    Talks,
    Dialogue,
    Visit,
    Conference,
    PhoneCall,
    Signing,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Reception => "reception",
            Kind::Talks => "talks",
            Kind::Dialogue => "dialogue",
            Kind::Visit => "visit",
            Kind::Conference => "conference",
            Kind::PhoneCall => "phone_call",
            Kind::Signing => "signing",
        }
    }

    /// When one sentence carries several cues, the most specific kind wins.
    pub fn precedence(self) -> u8 {
        match self {
            Kind::Conference => 7,
            Kind::PhoneCall => 6,
            Kind::Dialogue => 5,
            Kind::Talks => 4,
            Kind::Reception => 3,
            Kind::Signing => 2,
            Kind::Visit => 1,
        }
    }
}

/// How much a cue says on its own.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    /// A finite verb or participle reporting the meeting ("a reçu", "s'est entretenu avec").
    Verb,
    /// A phrase that opens a paragraph about one meeting ("Lors de sa rencontre avec").
    Lead,
    /// A noun that may report or only recall a meeting ("la visite", "les discussions").
    Noun,
    /// A collective reception ("a reçu successivement"): frames the meetings that follow.
    Frame,
    /// Several meetings told together ("a enchaîné les rencontres"): reports
    /// none, but dates those told after it without a date.
    Series,
    /// A meeting still to come ("recevra", "va effectuer une visite") or
    /// recalled from before ("avait reçu"): none of this article.
    NotHeld,
}

impl Strength {
    /// Whether a cue of this strength reports a meeting on its own.
    pub fn reports(self) -> bool {
        matches!(self, Strength::Verb | Strength::Lead | Strength::Frame)
    }
}

impl From<Tense> for Strength {
    fn from(t: Tense) -> Strength {
        match t {
            Tense::Held | Tense::Passive => Strength::Verb,
            Tense::Lead => Strength::Lead,
            Tense::Announced | Tense::Recalled => Strength::NotHeld,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeetingCue {
    pub kind: Kind,
    pub strength: Strength,
    #[serde(default)]
    pub forms: Vec<String>,
    /// Lists whose every combination, one word from each in order, is also
    /// a form: "lors" × "de leur" × "entretien".
    #[serde(default)]
    pub compose: Vec<Vec<String>>,
    /// The guest is named before the cue, as with a passive: "X, venu lui
    /// présenter ses civilités".
    #[serde(default)]
    pub guest_first: bool,
    /// The cue points back to the event just told ("y ont pris part"): its
    /// sentence goes on about that meeting, whoever else it names.
    #[serde(default)]
    pub refers_back: bool,
    /// A participle leading its sentence ("Réunis le 26 novembre, X et
    /// Y …"): it reports only there, after a comma or after an opener.
    #[serde(default)]
    pub participle: bool,
    /// What must follow the form, past dates, places and insert words
    /// ("Reçu jeudi à Hanoï par").
    #[serde(default)]
    pub complements: Vec<String>,
}

impl MeetingCue {
    /// The written-out forms and every composed one. A piece ending with an
    /// apostrophe ("de l'") joins the next without a space.
    pub fn all_forms(&self) -> Vec<String> {
        let mut composed = if self.compose.is_empty() {
            Vec::new()
        } else {
            vec![String::new()]
        };
        for pieces in &self.compose {
            composed = composed
                .iter()
                .flat_map(|head| {
                    pieces.iter().map(move |piece| match head.as_str() {
                        "" => piece.clone(),
                        h if h.ends_with('\'') || piece.is_empty() => format!("{h}{piece}"),
                        h => format!("{h} {piece}"),
                    })
                })
                .collect();
        }
        let mut forms = self.forms.clone();
        forms.extend(composed);
        forms
    }
}

/// Words that tell a person is the subject of a clause ("X a souligné", "X, ..., affirme").
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClauseWords {
    pub finite_verbs: Vec<String>,
    pub determiners: Vec<String>,
    pub function_words: Vec<String>,
    pub name_particles: Vec<String>,
    pub reference_nouns: Vec<String>,
    pub anaphors: Vec<String>,
    pub recall_markers: Vec<String>,
    #[serde(default)]
    pub body_words: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NoiseFile {
    pub stop_markers: Vec<String>,
    pub link_prefixes: Vec<String>,
    pub caption_words: Vec<String>,
    pub agencies: Vec<String>,
    /// Marks ending a story's last paragraph ("/."), besides an agency
    /// after a dash ("-VNA"): what follows are teasers.
    #[serde(default)]
    pub end_marks: Vec<String>,
    /// Marks ending a photo caption's line ("… le 23 novembre. |").
    #[serde(default)]
    pub caption_ends: Vec<String>,
    /// Separators of a menu of other stories: a line holding two or more
    /// of them between its words ("Story A | Story B | Story C").
    #[serde(default)]
    pub menu_separators: Vec<String>,
}

/// The words of bodies' names in a language other than English, put into
/// English word by word (`bodies.toml`): what a role keeps of a body the
/// lexicon does not know.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BodiesFile {
    /// Connectors opening a body or joining its parts: "de" = "of".
    pub connectors: BTreeMap<String, String>,
    /// Articles after a connector ("de la"): the connector then takes "the".
    pub articles: Vec<String>,
    /// "et" = "and": between two adjectives ("politiques et juridiques"),
    /// or before a connector ("de la défense et de la sécurité").
    pub conjunctions: BTreeMap<String, String>,
    pub nouns: BTreeMap<String, String>,
    /// Adjectives, which English puts before their noun.
    pub adjectives: BTreeMap<String, String>,
    /// Words giving a title or body its remit, "chargé" = "for": the
    /// connector after them drops ("chargé des affaires juridiques" is
    /// "for Legal Affairs") and the words after them need no capital.
    #[serde(default)]
    pub remits: BTreeMap<String, String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransliterationFile {
    pub countries: Vec<String>,
    pub patronymic_endings: Vec<String>,
    pub rules: Vec<(String, String)>,
}

/// How a language writes dates (`dates.toml`).
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DatesFile {
    /// The names of each month, January first.
    pub months: Vec<Vec<String>>,
    /// A day of the month, as a regular expression without groups.
    pub day: String,
    /// Patterns of a range of days, of one day and of a month alone.
    pub range: Vec<String>,
    pub day_month: Vec<String>,
    pub month: Vec<String>,
    /// The names of each day of the week, Monday first, and the patterns
    /// of a day named by its weekday alone ({wd}): "on Tuesday".
    #[serde(default)]
    pub weekdays: Vec<Vec<String>>,
    #[serde(default)]
    pub weekday: Vec<String>,
    /// Words right after or right before a month that place it in the past
    /// ("en mai dernier", "last May").
    #[serde(default)]
    pub past_after: Vec<String>,
    #[serde(default)]
    pub past_before: Vec<String>,
    /// Words naming a day by its distance in days from the publication
    /// date: "hier" = -1, "today" = 0.
    #[serde(default)]
    pub relative_days: BTreeMap<String, i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plural(agree: Agreement, stops: &[&str], endings: &[[&str; 2]]) -> Plural {
        Plural {
            agree,
            stops: stops.iter().map(|s| s.to_string()).collect(),
            endings: endings
                .iter()
                .map(|[a, b]| [a.to_string(), b.to_string()])
                .collect(),
            unchanged: vec!["s".into(), "x".into()],
            regular: "s".into(),
        }
    }

    #[test]
    fn a_cue_s_plural_inflects_its_head_only() {
        let fr = plural(Agreement::All, &["de", "d'"], &[["al", "aux"]]);
        assert_eq!(
            fr.of("crime transnational").as_deref(),
            Some("crimes transnationaux")
        );
        assert_eq!(
            fr.of("programme de formation").as_deref(),
            Some("programmes de formation")
        );
        assert_eq!(fr.of("terroris*"), None);
        let en = plural(Agreement::Last, &["of"], &[["y", "ies"]]);
        assert_eq!(
            en.of("transnational crime").as_deref(),
            Some("transnational crimes")
        );
        assert_eq!(
            en.of("exchange of information").as_deref(),
            Some("exchanges of information")
        );
        assert_eq!(
            en.of("security agency").as_deref(),
            Some("security agencies")
        );
    }
}
