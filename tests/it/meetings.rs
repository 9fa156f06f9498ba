//! Which sentences report a meeting: verb forms of every tense, meetings
//! told by a noun, announced meetings, and the lead of a JSON Lines record.

use std::io::Write as _;

use entente::read::{read_file, Item};

use entente::pipeline::{process, sha256_hex};

use crate::harness::{extract, lexicon};

/// (partner, kind, month, day) of every meeting of an article whose lead is `lead`.
fn meetings(lead: &str) -> Vec<(String, String, Option<u32>, Option<u32>)> {
    let text = format!(
        "Coopération\n\nHanoï (VNA) - {lead}\n\nLes deux parties ont convenu de renforcer la lutte contre le terrorisme.\n"
    );
    extract(text)
        .extraction
        .meetings
        .iter()
        .map(|m| {
            (
                m.partner.clone(),
                m.kind.as_str().to_string(),
                m.date.month,
                m.date.day,
            )
        })
        .collect()
}

fn one(
    partner: &str,
    kind: &str,
    month: u32,
    day: u32,
) -> Vec<(String, String, Option<u32>, Option<u32>)> {
    vec![(partner.into(), kind.into(), Some(month), Some(day))]
}

#[test]
fn every_tense_of_a_meeting_verb_reports_a_held_meeting() {
    let guest = "l'ambassadeur du Japon, Ito Naoki";
    for verb in [
        "a reçu",
        "reçut",
        "recevait",
        "reçoit",
        "accueillit",
        "a accueilli",
    ] {
        let lead = format!("Le ministre Nguyễn Văn An {verb} le 3 mai à Hanoï {guest}.");
        assert_eq!(meetings(&lead), one("Japan", "reception", 5, 3), "{lead}");
    }
    let lead = "Ayant reçu le 3 mai à Hanoï l'ambassadeur du Japon, Ito Naoki, le ministre Nguyễn Văn An a salué la coopération.";
    assert_eq!(meetings(lead), one("Japan", "reception", 5, 3), "{lead}");
    let lead = "Le ministre Nguyễn Văn An s'entretenait le 3 mai à Hanoï avec le ministre japonais de la Justice, Ito Naoki.";
    assert_eq!(meetings(lead), one("Japan", "talks", 5, 3), "{lead}");
}

#[test]
fn an_announced_or_recalled_meeting_is_no_meeting() {
    for verb in [
        "recevra",
        "va recevoir",
        "rencontrera",
        "devrait rencontrer",
        "avait reçu",
    ] {
        let lead = format!(
            "Le ministre Nguyễn Văn An {verb} le 3 mai à Hanoï l'ambassadeur du Japon, Ito Naoki."
        );
        assert_eq!(meetings(&lead), vec![], "{lead}");
    }
    let lead = "Le ministre Nguyễn Văn An effectuera une visite officielle au Japon du 3 au 5 mai.";
    assert_eq!(meetings(lead), vec![], "{lead}");
}

#[test]
fn a_meeting_noun_with_its_partner_reports_a_meeting_past_words_inserted() {
    let lead = "Le ministre Nguyễn Văn An a eu, le 3 mai à Hanoï, un entretien avec l'ambassadeur du Japon, Ito Naoki.";
    assert_eq!(meetings(lead), one("Japan", "talks", 5, 3), "{lead}");
}

#[test]
fn a_json_lines_record_keeps_its_lead_when_text_is_the_body() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("crawl.jsonl");
    let record = serde_json::json!({
        "id": "x1", "url": "https://example.org/a", "title": "T", "published": "2025-05-04",
        "text": "Le ministre Nguyễn Văn An a reçu le 3 mai à Hanoï l'ambassadeur du Japon, Ito Naoki.\n\nLes deux parties ont parlé de terrorisme."
    });
    writeln!(std::fs::File::create(&path).unwrap(), "{record}").unwrap();
    let articles: Vec<_> = read_file(&path)
        .unwrap()
        .map(|item| match item.unwrap() {
            Item::Article(a) => a,
            Item::Reject(r) => panic!("rejected: {r:?}"),
        })
        .collect();
    assert_eq!(articles.len(), 1);
    assert_eq!(articles[0].title, "T");
    assert_eq!(articles[0].url.as_deref(), Some("https://example.org/a"));
    let raw = articles.into_iter().next().unwrap();
    let digest = sha256_hex(raw.text.as_bytes());
    let processed = process(raw, digest, lexicon());
    let found: Vec<_> = processed
        .extraction
        .meetings
        .iter()
        .map(|m| (m.partner.as_str(), m.date.year, m.date.month, m.date.day))
        .collect();
    assert_eq!(found, [("Japan", Some(2025), Some(5), Some(3))]);
}
