//! Sentence templates: text with `{slots}`, parsed once so that rendering is
//! only string pushes.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Slot {
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
    Day,
    Month,
    Weekday,
    Year,
}

const SLOTS: [(&str, Slot); 25] = [
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
    ("day", Slot::Day),
    ("month", Slot::Month),
    ("weekday", Slot::Weekday),
    ("year", Slot::Year),
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

pub(super) struct Template {
    pieces: Vec<Piece>,
}

impl Template {
    /// A slot whose name starts with a capital renders capitalised.
    pub(super) fn parse(text: &str, allowed: &[Slot]) -> Result<Template, String> {
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
            let slot = find_slot(name, allowed).ok_or_else(|| {
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

    /// Each string of `list` parsed, errors named `key[i]`.
    pub(super) fn list(
        key: &str,
        list: &[String],
        allowed: &[Slot],
    ) -> Result<Vec<Template>, String> {
        if list.is_empty() {
            return Err(format!("{key} is empty"));
        }
        list.iter()
            .enumerate()
            .map(|(i, t)| Template::parse(t, allowed).map_err(|m| format!("{key}[{i}]: {m}")))
            .collect()
    }

    pub(super) fn render(&self, v: &Values, out: &mut String) {
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

    pub(super) fn to_string(&self, v: &Values) -> String {
        let mut s = String::new();
        self.render(v, &mut s);
        s
    }

    pub(super) fn has(&self, slot: Slot) -> bool {
        self.pieces
            .iter()
            .any(|p| matches!(p, Piece::Slot { slot: s, .. } if *s == slot))
    }

    pub(super) fn literals(&self) -> impl Iterator<Item = &str> {
        self.pieces.iter().filter_map(|p| match p {
            Piece::Lit(s) => Some(s.as_str()),
            Piece::Slot { .. } => None,
        })
    }
}

fn find_slot(name: &str, allowed: &[Slot]) -> Option<Slot> {
    let lower = name.to_ascii_lowercase();
    SLOTS
        .iter()
        .find(|(n, _)| *n == lower)
        .map(|(_, s)| *s)
        .filter(|s| allowed.contains(s))
}

fn push_capitalised(s: &str, out: &mut String) {
    let mut chars = s.chars();
    if let Some(c) = chars.next() {
        out.extend(c.to_uppercase());
        out.push_str(chars.as_str());
    }
}

/// The values of the slots for one rendering; unused ones stay empty.
#[derive(Default, Clone, Copy)]
pub(super) struct Values<'a> {
    pub host: &'a str,
    pub host_short: &'a str,
    pub host_ref: &'a str,
    pub host_ascii: &'a str,
    pub guest: &'a str,
    pub guest_short: &'a str,
    pub guest_ref: &'a str,
    pub date: &'a str,
    pub city: &'a str,
    pub partner: &'a str,
    pub partner_name: &'a str,
    pub partner_in: &'a str,
    pub theme: &'a str,
    pub themes: &'a str,
    pub e: &'a str,
    pub ge: &'a str,
    pub name: &'a str,
    pub place: &'a str,
    pub dem: &'a str,
    pub dem_f: &'a str,
    pub of: &'a str,
    pub day: &'a str,
    pub month: &'a str,
    pub weekday: &'a str,
    pub year: &'a str,
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
            Slot::Day => self.day,
            Slot::Month => self.month,
            Slot::Weekday => self.weekday,
            Slot::Year => self.year,
        }
    }
}
