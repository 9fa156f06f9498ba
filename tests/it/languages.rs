//! Articles in French and English: the language each is read in, and the
//! same tables from both copies of one event (tests/bilingual).

use std::collections::{BTreeMap, BTreeSet};

use entente::eval::gold;
use entente::pipeline;
use entente::tables::Processed;

use crate::harness::{extract_in, lexicon, repo};

/// Partners with their month and day, and the themes found, of one article.
type Told = (
    BTreeSet<(String, Option<u32>, Option<u32>)>,
    BTreeSet<String>,
);

fn told(p: &Processed) -> Told {
    let meetings = p
        .extraction
        .meetings
        .iter()
        .map(|m| (m.partner.clone(), m.date.month, m.date.day))
        .collect();
    let themes = p
        .extraction
        .topics
        .iter()
        .map(|t| t.theme.clone())
        .collect();
    (meetings, themes)
}

#[test]
fn french_and_english_copies_of_an_event_give_the_same_partners_dates_and_themes() {
    let dir = repo().join("tests/bilingual");
    let extracted = pipeline::extract_inputs(&[dir.join("articles")], lexicon()).unwrap();
    let golds = gold::load_dir(&dir.join("gold")).unwrap();
    // Themes both golds of a pair require: the two texts state them alike.
    let mut stated: BTreeMap<String, Vec<BTreeSet<String>>> = BTreeMap::new();
    for g in &golds {
        let (pair, _) = g.article.split_once('_').unwrap();
        let themes = g
            .meetings
            .iter()
            .filter(|m| !m.optional)
            .flat_map(|m| m.themes.iter().cloned())
            .collect();
        stated.entry(pair.to_string()).or_default().push(themes);
    }
    let mut by_pair: BTreeMap<String, BTreeMap<String, Told>> = BTreeMap::new();
    for p in &extracted.processed {
        let (pair, lang) = p.name.trim_end_matches(".txt").split_once('_').unwrap();
        assert_eq!(p.lang, lang, "{}: read as {}", p.name, p.lang);
        by_pair
            .entry(pair.to_string())
            .or_default()
            .insert(lang.to_string(), told(p));
    }
    assert!(by_pair.len() >= 6, "{} pairs", by_pair.len());
    for (pair, langs) in &by_pair {
        let (fr, en) = (&langs["fr"], &langs["en"]);
        assert!(!fr.0.is_empty(), "{pair}: no meeting found");
        assert_eq!(fr.0, en.0, "{pair}: partners and dates differ");
        let both = &stated[pair];
        let common: BTreeSet<&String> = both[0].intersection(&both[1]).collect();
        for theme in common {
            assert!(
                fr.1.contains(theme) && en.1.contains(theme),
                "{pair}: {theme} stated in both copies, found in fr {:?}, en {:?}",
                fr.1,
                en.1
            );
        }
    }
}

#[test]
fn a_text_without_lang_is_read_in_its_own_language() {
    let fr = extract_in(
        None,
        "Le ministre a reçu l'ambassadeur\n\nLe 3 mai à Hanoï, le ministre de la Sécurité publique Tô Lâm a reçu l'ambassadeur du Japon.".into(),
    );
    assert_eq!(fr.lang, "fr");
    let en = extract_in(
        None,
        "Minister receives ambassador\n\nOn May 3 in Hanoi, Minister of Public Security To Lam received the Japanese Ambassador.".into(),
    );
    assert_eq!(en.lang, "en");
    for p in [&fr, &en] {
        let m = &p.extraction.meetings[0];
        assert_eq!(
            (m.partner.as_str(), m.date.month, m.date.day),
            ("Japan", Some(5), Some(3))
        );
    }
}

#[test]
fn an_announced_meeting_is_not_held_in_english() {
    let p = extract_in(
        Some("en"),
        "Minister to visit Japan\n\nMinister of Public Security To Lam will receive the Japanese Ambassador next week. The Lao Deputy Minister is scheduled to hold talks with him on May 9.".into(),
    );
    assert!(
        p.extraction.meetings.is_empty(),
        "{:?}",
        p.extraction.meetings
    );
}
