//! The templates file (`corpus/<lang>/templates.toml`) as written.

use std::collections::BTreeMap;

use serde::Deserialize;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TemplatesFile {
    pub calendar: CalendarFile,
    pub grammar: GrammarFile,
    pub partners: PartnersFile,
    pub text: TextFile,
    pub names: NamesFile,
    pub themes: BTreeMap<String, Vec<String>>,
    pub host: Vec<RoleFile>,
    pub guest: Vec<RoleFile>,
    pub lead: Vec<LeadFile>,
    pub next: Vec<NextFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CalendarFile {
    pub months: Vec<String>,
    pub weekdays: Vec<String>,
    pub years: (i32, i32),
    /// Days written otherwise than as their number ("1" = "1er").
    #[serde(default)]
    pub days: BTreeMap<String, String>,
    pub dates: Vec<DateFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DateFile {
    pub form: String,
    pub weight: u8,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GrammarFile {
    pub and: String,
    pub separator: String,
    pub feminine_ending: String,
    pub feminine_demonyms: FeminineFile,
    #[serde(default)]
    pub elision: Vec<ElisionFile>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FeminineFile {
    pub patterns: Vec<String>,
    pub invariable_endings: Vec<String>,
    pub second_form: bool,
}

#[derive(Deserialize, Clone)]
#[serde(deny_unknown_fields)]
pub(super) struct ElisionFile {
    pub word: String,
    pub elided: String,
    pub before: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(super) enum NameSource {
    Lexicon,
    Canonical,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PartnersFile {
    pub country_names: NameSource,
    pub forms: FormsFile,
    pub countries: Vec<(String, String)>,
    pub organizations: Vec<(String, String, String)>,
    pub companies: Vec<(String, String, String)>,
    pub home_cities: Vec<String>,
}

/// Per article of a name: how the language writes it with its article,
/// after "of" and after "in".
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct FormsFile {
    pub the: BTreeMap<String, String>,
    pub of: BTreeMap<String, String>,
    #[serde(rename = "in")]
    pub within: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TextFile {
    pub titles: Vec<String>,
    pub links: Vec<String>,
    pub dateline: String,
    pub captions: Vec<String>,
    pub themes_paragraphs: Vec<String>,
    pub filler_paragraphs: Vec<String>,
    pub fillers_per_meeting: (usize, usize),
    pub credits: Vec<String>,
    pub more: String,
    pub teasers: Vec<(String, String)>,
    pub teaser_places: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NamesFile {
    pub vn_family: Vec<String>,
    pub vn_middle_m: Vec<String>,
    pub vn_given_m: Vec<String>,
    pub vn_middle_f: Vec<String>,
    pub vn_given_f: Vec<String>,
    pub foreign_given_m: Vec<String>,
    pub foreign_given_f: Vec<String>,
    pub foreign_family: Vec<String>,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(super) enum Gender {
    M,
    F,
}

/// A [[host]] or [[guest]]: a guest says which kind of partner it serves.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct RoleFile {
    #[serde(default)]
    pub kind: Option<PartnerKind>,
    pub gender: Gender,
    pub intro: String,
    pub short: String,
    #[serde(rename = "ref")]
    pub reference: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(super) enum PartnerKind {
    Country,
    Organization,
    Company,
}

impl PartnerKind {
    /// The SPEC `partner_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            PartnerKind::Country => "country",
            PartnerKind::Organization => "international_org",
            PartnerKind::Company => "company",
        }
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(super) enum MeetingKind {
    Reception,
    Talks,
    PhoneCall,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Reception => "reception",
            MeetingKind::Talks => "talks",
            MeetingKind::PhoneCall => "phone_call",
        }
    }
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(super) enum Place {
    Home,
    Abroad,
    None,
}

impl Place {
    pub fn as_str(self) -> &'static str {
        match self {
            Place::Home => "home",
            Place::Abroad => "abroad",
            Place::None => "none",
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct LeadFile {
    pub kind: MeetingKind,
    pub place: Place,
    pub text: String,
}

#[derive(Deserialize, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub(super) enum When {
    SameDay,
    OtherDay,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NextFile {
    pub kind: MeetingKind,
    pub when: When,
    pub text: String,
}
