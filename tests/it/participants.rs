//! Who takes part, with which role, country and side: the phrases around a
//! name, on articles written for the case.

use crate::harness::extract;

/// (name, role, country, host) of each participant.
fn people(lead: &str) -> Vec<(String, Option<String>, Option<String>, bool)> {
    let text = format!(
        "Coopération\n\nHanoï (VNA) - {lead}\n\nLes deux parties ont discuté de la lutte contre le terrorisme.\n"
    );
    let p = extract(text);
    p.extraction
        .participants
        .iter()
        .map(|x| (x.name.clone(), x.role.clone(), x.country.clone(), x.host))
        .collect()
}

fn person(
    name: &str,
    role: &str,
    country: &str,
    host: bool,
) -> (String, Option<String>, Option<String>, bool) {
    (name.into(), Some(role.into()), Some(country.into()), host)
}

#[test]
fn police_written_alone_is_the_ministry_of_public_security() {
    assert_eq!(
        people("Le ministre de la Police, Nguyễn Văn An, a reçu le 3 mars à Hanoï le ministre sud-africain de la Police, Thabo Mokoena."),
        [
            person("Nguyễn Văn An", "Minister of Public Security", "Vietnam", true),
            person("Thabo Mokoena", "Minister of Police", "South Africa", false),
        ]
    );
}

#[test]
fn a_rank_and_its_article_between_title_and_name_keep_the_title() {
    assert_eq!(
        people("Le ministre de la Sécurité publique, le général Nguyễn Văn An, a reçu le 3 mars à Hanoï le ministre sud-africain de la Police, Thabo Mokoena."),
        [
            person("Nguyễn Văn An", "Minister of Public Security", "Vietnam", true),
            person("Thabo Mokoena", "Minister of Police", "South Africa", false),
        ]
    );
}
