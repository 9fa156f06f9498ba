//! Who takes part, with which role, country and side: the phrases around a
//! name, on articles written for the case.

use crate::harness::extract;

type Person = (String, Option<String>, Option<String>, bool);

/// (name, role, country, host) of each participant of an article whose lead
/// is `host` receiving the South African police minister.
fn host_and_guest(host: &str) -> Vec<Person> {
    let text = format!(
        "Coopération\n\nHanoï (VNA) - {host} a reçu le 3 mars à Hanoï le ministre sud-africain \
         de la Police, Thabo Mokoena.\n\nLes deux parties ont discuté de la lutte contre le terrorisme.\n"
    );
    extract(text)
        .extraction
        .participants
        .iter()
        .map(|x| (x.name.clone(), x.role.clone(), x.country.clone(), x.host))
        .collect()
}

/// The host, Vietnam's minister, and the guest, South Africa's.
fn vietnam_receives_south_africa() -> Vec<Person> {
    let person = |name: &str, role: &str, country: &str, host| {
        (name.into(), Some(role.into()), Some(country.into()), host)
    };
    vec![
        person(
            "Nguyễn Văn An",
            "Minister of Public Security",
            "Vietnam",
            true,
        ),
        person("Thabo Mokoena", "Minister of Police", "South Africa", false),
    ]
}

#[test]
fn police_written_alone_is_the_ministry_of_public_security() {
    assert_eq!(
        host_and_guest("Le ministre de la Police, Nguyễn Văn An,"),
        vietnam_receives_south_africa()
    );
}

#[test]
fn a_rank_and_its_article_between_title_and_name_keep_the_title() {
    assert_eq!(
        host_and_guest("Le ministre de la Sécurité publique, le général Nguyễn Văn An,"),
        vietnam_receives_south_africa()
    );
}

/// "au Vietnam" after an organisation is where its envoy is posted: the
/// envoy has no country, and the meeting is with the organisation.
#[test]
fn an_organisation_envoy_posted_in_the_home_country_is_no_home_official() {
    let text = "Coopération\n\nLe général Nguyễn Văn An, vice-ministre de la Sécurité publique, \
                a reçu le 8 décembre à Hanoï le représentant de l'ONUDC au Vietnam, Arman Kowalski.\n"
        .to_string();
    let extraction = extract(text).extraction;
    let partners: Vec<&str> = extraction
        .meetings
        .iter()
        .map(|m| m.partner.as_str())
        .collect();
    assert_eq!(partners, ["UNODC"]);
    let guest = extraction
        .participants
        .iter()
        .find(|p| p.name == "Arman Kowalski")
        .expect("the envoy takes part");
    assert_eq!((guest.country.as_deref(), guest.host), (None, false));
}
