use std::collections::BTreeSet;
use std::path::Path;

use super::files::TemplatesFile;
use super::*;
use crate::fold::fold;

const FR: &str = EMBEDDED[0].1;

fn lex() -> Lexicon {
    Lexicon::embedded().unwrap()
}

fn error_of(text: &str) -> String {
    match Generator::from_source(Path::new("t.toml"), text, &lex()) {
        Ok(_) => panic!("templates were accepted"),
        Err(e) => e.to_string(),
    }
}

/// The error for the embedded templates with `from` written as `to`.
fn error_with(from: &str, to: &str) -> String {
    error_of(&FR.replacen(from, to, 1))
}

#[test]
fn embedded_templates_load() {
    Generator::embedded(&lex()).unwrap();
}

#[test]
fn unknown_slot_is_named_with_its_list_and_index() {
    let bad = FR.replacen("{Host_short} reçoit", "{Hots_short} reçoit", 1);
    let e = error_of(&bad);
    assert!(
        e.starts_with("t.toml: invalid corpus templates: titles[2]: unknown slot {Hots_short}"),
        "{e}"
    );
}

#[test]
fn unknown_key_and_syntax_errors_name_the_file() {
    let e = error_with("credits =", "credit =");
    assert!(
        e.contains("t.toml: invalid corpus templates") && e.contains("credit"),
        "{e}"
    );
    let e = error_of("months = [");
    assert!(e.contains("t.toml: invalid corpus templates"), "{e}");
    assert!(!e.contains('\n'), "one line: {e}");
}

#[test]
fn unknown_partner_wrong_theme_phrase_and_empty_range_are_rejected() {
    // (written, instead, what the error says)
    let cases = [
        (
            "[\"Russia\", \"la\"]",
            "[\"Ruritania\", \"la\"]",
            "unknown country \"Ruritania\"",
        ),
        (
            "maritime_security = [\"la sécurité maritime\"]",
            "maritime_security = [\"la lutte contre le terrorisme\"]",
            "themes.maritime_security",
        ),
        (
            "Les deux parties ont échangé leurs points de vue",
            "Les deux parties ont parlé de cybersécurité",
            "cybersecurity",
        ),
        (
            "fillers_per_meeting = [3, 7]",
            "fillers_per_meeting = [4, 2]",
            "fillers_per_meeting: 4 is more than 2",
        ),
    ];
    for (from, to, fault) in cases {
        let e = error_with(from, to);
        assert!(e.contains(fault), "{e}");
    }
}

/// Throughput in MB/s depends on how long articles are, so generated
/// ones must be about as long as the real ones in `seeds/` (median).
#[test]
fn articles_are_about_as_long_as_the_seeds() {
    fn median(mut v: Vec<usize>) -> usize {
        v.sort_unstable();
        v[v.len() / 2]
    }
    let seeds_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let seeds = std::fs::read_dir(seeds_dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| std::fs::read_to_string(p).unwrap().len())
        .collect();
    let g = Generator::embedded(&lex()).unwrap();
    let generated = (0..400).map(|i| g.article(1, i).text.len()).collect();
    let (seeds, generated) = (median(seeds), median(generated));
    assert!(
        seeds / 2 <= generated && generated <= seeds * 3 / 2,
        "median length: generated {generated} bytes, seeds {seeds}"
    );
}

#[test]
fn articles_depend_only_on_seed_and_index() {
    let g = Generator::embedded(&lex()).unwrap();
    assert_eq!(g.article(7, 42).text, g.article(7, 42).text);
    assert_ne!(g.article(7, 42).text, g.article(8, 42).text);
    assert_ne!(g.article(7, 42).text, g.article(7, 43).text);
}

#[test]
fn country_forms_follow_the_article() {
    let g = Generator::embedded(&lex()).unwrap();
    let find = |c: &str| g.partners.iter().find(|p| p.canonical == c).unwrap();
    assert_eq!(find("Japan").of, "du Japon");
    assert_eq!(find("India").within, "en Inde");
    assert_eq!(find("United States").of, "des États-Unis");
    assert_eq!(find("Singapore").within, "à Singapour");
    assert_eq!(find("China").dem_f, "chinoise");
    assert_eq!(find("Russia").dem_f, "russe");
    assert_eq!(find("UNODC").of, "de l'ONUDC");
    assert_eq!(find("Interpol").of, "d'Interpol");
    assert_eq!(find("Russia").capital.as_ref().unwrap().0, "Moscou");
}

#[test]
fn english_forms_come_from_the_english_lexicon_and_templates() {
    let en = Lexicon::embedded_lang("en").unwrap();
    let g = Generator::embedded(&en).unwrap();
    let find = |c: &str| g.partners.iter().find(|p| p.canonical == c).unwrap();
    assert_eq!(find("Philippines").of, "of the Philippines");
    assert_eq!(find("Japan").within, "in Japan");
    assert_eq!(find("Japan").dem, "Japanese");
    assert_eq!(find("Russia").dem_f, "Russian");
    assert_eq!(find("Russia").capital.as_ref().unwrap().0, "Moscow");
    assert_eq!(find("European Union").the, "the European Union");
    let a = g.article(3, 0);
    assert_eq!(a.lang, "en");
    assert!(
        a.text.contains(" on ") && !a.text.contains(" le "),
        "{}",
        a.text
    );
}

/// Generated people must not be real ones: no full name may be in the
/// lexicon's gazetteer or in any gold file of the repository.
#[test]
fn names_are_nobody_known() {
    let lex = lex();
    let key = |s: &str| fold(s).split_whitespace().collect::<Vec<_>>().join(" ");
    let mut known: BTreeSet<String> = lex.people.iter().map(|p| key(&p.name)).collect();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for dir in ["seeds/gold", "tests/dev/gold", "tests/real-en/dev/gold"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap() {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            for m in v["meetings"].as_array().into_iter().flatten() {
                for key_name in ["participants", "participants_optional"] {
                    for p in m[key_name].as_array().into_iter().flatten() {
                        known.insert(key(p["name"].as_str().unwrap()));
                    }
                }
            }
        }
    }
    assert!(known.len() > 50);
    let mut clashes = Vec::new();
    for (_, text) in EMBEDDED {
        let file: TemplatesFile = toml::from_str(text).unwrap();
        clashes.extend(known_names(&file.names, &known, &key, &lex));
    }
    assert!(clashes.is_empty(), "known people: {clashes:?}");
}

/// The generated full names that are in `known`.
fn known_names(
    n: &files::NamesFile,
    known: &BTreeSet<String>,
    key: &dyn Fn(&str) -> String,
    lex: &Lexicon,
) -> Vec<String> {
    let mut clashes = Vec::new();
    for f in &n.vn_family {
        for (middles, givens) in [
            (&n.vn_middle_m, &n.vn_given_m),
            (&n.vn_middle_f, &n.vn_given_f),
        ] {
            for m in middles {
                for g in givens {
                    let name = key(&format!("{f} {m} {g}"));
                    if known.contains(&name) {
                        clashes.push(name);
                    }
                }
            }
        }
    }
    for givens in [&n.foreign_given_m, &n.foreign_given_f] {
        for g in givens {
            for f in &n.foreign_family {
                let name = format!("{g} {f}");
                if known.contains(&key(&name)) {
                    clashes.push(name.clone());
                }
                // Romanisation must leave the name as written, or gold
                // names of Russian partners would not match.
                assert_eq!(lex.romanize(&name), name);
            }
        }
    }
    clashes
}
