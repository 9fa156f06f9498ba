//! Writing one article: draw its plan (host, partners, dates, themes), then
//! write the title, each meeting and the page's footer, recording what is true.

use chrono::{Days, NaiveDate};
use fastrand::Rng;

use super::files::{Gender, MeetingKind, PartnerKind, Place, When};
use super::partners::Partner;
use super::template::{Template, Values};
use super::Generator;
use crate::fold::ascii_name;

/// One generated article and the meetings it truly reports.
pub struct Article {
    pub index: u64,
    /// The language code (`fr`, `en`).
    pub lang: String,
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

/// One side of a meeting as rendered in the text.
struct Person {
    name: String,
    intro: String,
    short: String,
    reference: String,
    feminine: bool,
}

/// What an article reports, drawn before any text is written.
struct Plan<'g> {
    partners: Vec<&'g Partner>,
    first_date: NaiveDate,
    first_kind: MeetingKind,
    place: Place,
    home_city: &'g (String, String),
    theme_sets: Vec<Vec<usize>>,
}

/// The host as the text names them, shared by every meeting of an article.
struct HostText {
    person: Person,
    ascii: String,
    e: String,
}

/// The article being written and the truth about it.
struct Page {
    text: String,
    truth: Vec<TrueMeeting>,
    date: NaiveDate,
    year_in_text: bool,
}

impl Generator {
    /// Article `index` of the corpus with this seed.
    pub fn article(&self, seed: u64, index: u64) -> Article {
        let mut rng = Rng::with_seed(article_seed(seed, index));
        let rng = &mut rng;
        let host = self.host(rng);
        let plan = self.plan(rng);
        let guests: Vec<Person> = plan.partners.iter().map(|p| self.guest(rng, p)).collect();
        let mut page = Page {
            text: String::with_capacity(4096),
            truth: Vec::new(),
            date: plan.first_date,
            year_in_text: false,
        };
        let title = self.write_title(rng, &plan, &host, &guests[0], &mut page.text);
        for (m, (partner, guest)) in plan.partners.iter().zip(&guests).enumerate() {
            self.write_meeting(rng, &plan, m, &host, partner, guest, &mut page);
        }
        self.write_footer(rng, &mut page.text);
        let published = page.date + Days::new(rng.u64(0..=1));
        Article {
            index,
            lang: self.lang.clone(),
            title,
            text: page.text,
            published,
            meetings: page.truth,
        }
    }

    fn host(&self, rng: &mut Rng) -> HostText {
        let role = pick(rng, &self.hosts);
        let name = self.vn_name(rng, role.gender);
        let person = Person {
            intro: role.intro.to_string(&Values {
                name: &name,
                ..Values::default()
            }),
            short: format!("{} {name}", role.short),
            reference: role.reference.clone(),
            feminine: role.gender == Gender::F,
            name,
        };
        HostText {
            ascii: format!("{} {}", role.short, ascii_name(&person.name)),
            e: self.ending(person.feminine).to_string(),
            person,
        }
    }

    fn plan(&self, rng: &mut Rng) -> Plan<'_> {
        let meetings = match rng.u8(..10) {
            0..=6 => 1,
            7..=8 => 2,
            _ => 3,
        };
        let mut partners = self.draw_partners(rng, meetings);
        let year = rng.i32(self.calendar.years.0..=self.calendar.years.1);
        let first_date = NaiveDate::from_ymd_opt(year, rng.u32(1..=12), rng.u32(1..=28))
            .expect("days 1-28 exist in every month");
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
        // Later meetings only follow one held at home.
        let meetings = if place == Place::Home { meetings } else { 1 };
        partners.truncate(meetings);
        let home_city = pick(rng, &self.home_cities);
        // Themes first: the title may name one of the first meeting's.
        let theme_sets = (0..meetings)
            .map(|_| {
                let k = rng.usize(2..=4);
                self.draw_themes(rng, k)
            })
            .collect();
        Plan {
            partners,
            first_date,
            first_kind,
            place,
            home_city,
            theme_sets,
        }
    }

    /// Distinct partners: countries mostly, then organisations and companies.
    fn draw_partners(&self, rng: &mut Rng, n: usize) -> Vec<&Partner> {
        let mut partners: Vec<&Partner> = Vec::new();
        while partners.len() < n {
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
        partners
    }

    /// Draws `k` distinct theme indices.
    fn draw_themes(&self, rng: &mut Rng, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..self.themes.len()).collect();
        rng.shuffle(&mut all);
        all.truncate(k.min(all.len()));
        all
    }

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

    fn ending(&self, feminine: bool) -> &str {
        if feminine {
            &self.grammar.feminine_ending
        } else {
            ""
        }
    }

    fn guest(&self, rng: &mut Rng, partner: &Partner) -> Person {
        let gender = if rng.u8(..4) == 0 {
            Gender::F
        } else {
            Gender::M
        };
        let of_kind = self.guests.iter().filter(|g| g.kind == partner.kind);
        let mut candidates: Vec<_> = of_kind.clone().filter(|g| g.gender == gender).collect();
        if candidates.is_empty() {
            candidates = of_kind.collect();
        }
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

    /// The title, then sometimes one or two links to other articles.
    fn write_title(
        &self,
        rng: &mut Rng,
        plan: &Plan,
        host: &HostText,
        guest: &Person,
        text: &mut String,
    ) -> String {
        let partner = plan.partners[0];
        let theme = pick(rng, &self.themes[plan.theme_sets[0][0]].1).clone();
        let title = pick(rng, &self.text.titles).to_string(&Values {
            partner_name: &partner.name,
            partner: &partner.the,
            theme: &theme,
            host_short: &host.person.short,
            guest_ref: &guest.reference,
            ..Values::default()
        });
        text.push_str(&title);
        text.push_str("\n\n");
        if rng.u8(..4) == 0 {
            for _ in 0..rng.usize(1..=2) {
                text.push_str(pick(rng, &self.text.links).as_str());
                text.push_str("\n\n");
            }
        }
        title
    }

    /// Meeting `m`: its first sentence, a caption, its body; and its truth.
    #[allow(clippy::too_many_arguments)]
    fn write_meeting(
        &self,
        rng: &mut Rng,
        plan: &Plan,
        m: usize,
        host: &HostText,
        partner: &Partner,
        guest: &Person,
        page: &mut Page,
    ) {
        let (city_text, city) = match plan.place {
            Place::Abroad => partner.capital.clone().expect("abroad needs a capital"),
            _ => plan.home_city.clone(),
        };
        let (kind, sentence, date) = if m == 0 {
            self.lead(rng, plan, &city_text, page)
        } else {
            self.next(rng, page)
        };
        let v = Values {
            host: &host.person.intro,
            host_short: &host.person.short,
            host_ref: &host.person.reference,
            host_ascii: &host.ascii,
            guest: &guest.intro,
            guest_short: &guest.short,
            guest_ref: &guest.reference,
            date: &date,
            city: &city_text,
            partner: &partner.the,
            partner_in: &partner.within,
            e: &host.e,
            ge: self.ending(guest.feminine),
            ..Values::default()
        };
        sentence.render(&v, &mut page.text);
        page.text.push_str("\n\n");
        if rng.u8(..10) < if m == 0 { 7 } else { 4 } {
            pick(rng, &self.text.captions).render(&v, &mut page.text);
            page.text.push_str("\n\n");
        }
        let themes = &plan.theme_sets[m];
        self.write_body(rng, themes, &v, &mut page.text);
        let truth = self.truth(
            plan,
            kind,
            partner,
            (city, page.date, page.year_in_text),
            host,
            guest,
            themes,
        );
        page.truth.push(truth);
    }

    /// The first meeting's lead, after a dateline half of the time.
    fn lead<'a>(
        &'a self,
        rng: &mut Rng,
        plan: &Plan,
        city: &str,
        page: &mut Page,
    ) -> (MeetingKind, &'a Template, String) {
        let leads: Vec<_> = self
            .leads
            .iter()
            .filter(|l| l.kind == plan.first_kind && l.place == plan.place)
            .collect();
        let lead = *pick(rng, &leads);
        let (date, year) = self.calendar.text(rng, page.date, true);
        page.year_in_text = year;
        if rng.u8(..2) == 0 {
            let dateline = if plan.place == Place::Abroad {
                city
            } else {
                &plan.home_city.0
            };
            self.text.dateline.render(
                &Values {
                    city: dateline,
                    ..Values::default()
                },
                &mut page.text,
            );
        }
        (lead.kind, &lead.text, date)
    }

    /// A later meeting's first sentence, on the same day or a few days on.
    fn next<'a>(&'a self, rng: &mut Rng, page: &mut Page) -> (MeetingKind, &'a Template, String) {
        let when = if rng.u8(..3) == 0 {
            When::OtherDay
        } else {
            When::SameDay
        };
        if when == When::OtherDay {
            page.date = page.date + Days::new(rng.u64(1..=3));
        }
        let nexts: Vec<_> = self.nexts.iter().filter(|n| n.when == when).collect();
        let next = *pick(rng, &nexts);
        let (date, _) = self.calendar.text(rng, page.date, false);
        (next.kind, &next.text, date)
    }

    /// The meeting's themes over one or two paragraphs, with theme-free
    /// paragraphs around them.
    fn write_body(&self, rng: &mut Rng, themes: &[usize], v: &Values, text: &mut String) {
        let split = if themes.len() >= 3 && rng.bool() {
            2
        } else {
            themes.len()
        };
        let mut paragraphs: Vec<&Template> = Vec::new();
        let (low, high) = self.text.fillers_per_meeting;
        for _ in 0..rng.usize(low..=high) {
            paragraphs.push(pick(rng, &self.text.filler_paragraphs));
        }
        let theme_parts: Vec<&[usize]> = if split < themes.len() {
            vec![&themes[..split], &themes[split..]]
        } else {
            vec![themes]
        };
        for _ in &theme_parts {
            let at = rng.usize(..=paragraphs.len());
            paragraphs.insert(at, pick(rng, &self.text.themes_paragraphs));
        }
        // Each theme paragraph gets its own theme list, in order of appearance.
        let mut parts = theme_parts.iter();
        for p in paragraphs {
            let is_theme = self
                .text
                .themes_paragraphs
                .iter()
                .any(|t| std::ptr::eq(t, p));
            let phrases = match is_theme {
                true => parts.next().map(|part| self.theme_phrases(rng, part)),
                false => None,
            };
            let v = Values {
                themes: phrases.as_deref().unwrap_or(""),
                ..*v
            };
            p.render(&v, text);
            text.push_str("\n\n");
        }
    }

    /// "A", "A and B", "A, B and C" in the language.
    fn theme_phrases(&self, rng: &mut Rng, themes: &[usize]) -> String {
        let phrases: Vec<&str> = themes
            .iter()
            .map(|&t| pick(rng, &self.themes[t].1).as_str())
            .collect();
        match &phrases[..] {
            [] => String::new(),
            [one] => one.to_string(),
            [rest @ .., last] => format!(
                "{}{}{last}",
                rest.join(&self.grammar.separator),
                self.grammar.and
            ),
        }
    }

    /// The gold of one meeting.
    #[allow(clippy::too_many_arguments)]
    fn truth(
        &self,
        plan: &Plan,
        kind: MeetingKind,
        partner: &Partner,
        (city, date, year_in_text): (String, NaiveDate, bool),
        host: &HostText,
        guest: &Person,
        themes: &[usize],
    ) -> TrueMeeting {
        let (vn_side, foreign_side) = match plan.place {
            Place::Abroad => ("guest", "host"),
            _ => ("host", "guest"),
        };
        let foreign_country =
            (partner.kind == PartnerKind::Country).then(|| partner.canonical.clone());
        let country = match plan.place {
            Place::Abroad => partner.canonical.clone(),
            _ => self.home.clone(),
        };
        TrueMeeting {
            date,
            year_in_text,
            place: (plan.place != Place::None).then_some((city, country)),
            kind: kind.as_str(),
            partner: partner.canonical.clone(),
            partner_type: partner.kind.as_str(),
            participants: vec![
                (host.person.name.clone(), Some(self.home.clone()), vn_side),
                (guest.name.clone(), foreign_country, foreign_side),
            ],
            themes: themes.iter().map(|&t| self.themes[t].0.clone()).collect(),
        }
    }

    /// The credit, then sometimes teasers of unrelated articles.
    fn write_footer(&self, rng: &mut Rng, text: &mut String) {
        text.push_str(pick(rng, &self.text.credits).as_str());
        if rng.u8(..5) < 2 {
            text.push_str("\n\n");
            text.push_str(&self.text.more);
            for _ in 0..rng.usize(2..=3) {
                let name = self.vn_name(rng, Gender::M);
                let v = Values {
                    name: &name,
                    place: pick(rng, &self.text.teaser_places).as_str(),
                    ..Values::default()
                };
                let (t, s) = pick(rng, &self.text.teasers);
                text.push_str("\n\n");
                t.render(&v, text);
                text.push_str("\n\n");
                s.render(&v, text);
            }
        }
    }
}
