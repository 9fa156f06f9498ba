//! `entente eval` and the accuracy bars of the seeds and the development set.

use entente::eval::{self, gold, Report};
use entente::lexicon::Lexicons;
use entente::{pipeline, tables};

use crate::harness::{entente, repo, seeds_out, stderr, stdout};

fn score(inputs: &str, gold_dir: &str) -> Report {
    score_with(inputs, gold_dir, true)
}

/// The report of a set, extracted with or without the people gazetteer.
fn score_with(inputs: &str, gold_dir: &str, people: bool) -> Report {
    let lex = Lexicons::load(None, people).unwrap();
    let extracted = pipeline::extract_inputs(&[repo().join(inputs)], &lex).unwrap();
    let t = tables::build(&extracted.processed).unwrap();
    let predicted =
        eval::predictions(&t.articles, &t.meetings, &t.participants, &t.topics).unwrap();
    let gold = gold::load_canonical(&repo().join(gold_dir), &lex).unwrap();
    let report = eval::evaluate(&gold, &predicted).unwrap();
    println!("{}", report.render(true));
    report
}

#[test]
fn seeds_meet_the_gold_bars() {
    let r = score("seeds", "seeds/gold");
    assert_eq!(r.meetings.f1(), 1.0, "meeting F1");
    assert!(
        r.participants.f1() >= 0.95,
        "participant F1 {:.3}",
        r.participants.f1()
    );
    assert!(r.themes.f1() >= 0.90, "theme F1 {:.3}", r.themes.f1());
    assert_eq!(r.date.value(), 1.0, "date accuracy");
}

#[test]
fn development_set_meets_the_bars() {
    let r = score("tests/dev/articles", "tests/dev/gold");
    assert!(r.meetings.f1() >= 0.95, "meeting F1 {:.3}", r.meetings.f1());
    assert!(
        r.participants.f1() >= 0.90,
        "participant F1 {:.3}",
        r.participants.f1()
    );
    assert!(r.themes.f1() >= 0.85, "theme F1 {:.3}", r.themes.f1());
}

/// The real-article sets (tests/real) are rewrites of reports nobody tuned
/// a rule for; blind/ is never read while designing one. These bars are the
/// figures reached so far (docs/accuracy.md), held so that a change that
/// loses ground fails; the targets the project aims at are above them.
#[test]
fn real_blind_set_holds_its_figures() {
    let r = score("tests/real/blind/articles", "tests/real/blind/gold");
    holds("blind", &r, [0.78, 0.69, 0.74, 0.75]);
    let names_alone = score_with("tests/real/blind/articles", "tests/real/blind/gold", false);
    let f1 = names_alone.participants.f1();
    assert!(
        f1 >= 0.69,
        "blind participant F1 without people.toml {f1:.3}"
    );
}

#[test]
fn real_development_set_holds_its_figures() {
    let r = score("tests/real/dev/articles", "tests/real/dev/gold");
    holds("dev", &r, [0.91, 0.83, 0.88, 0.77]);
}

/// The English real-article sets (tests/real-en), built as the French ones.
#[test]
fn real_english_blind_set_holds_its_figures() {
    let r = score("tests/real-en/blind/articles", "tests/real-en/blind/gold");
    holds("English blind", &r, [0.80, 0.73, 0.74, 0.80]);
    let names_alone = score_with(
        "tests/real-en/blind/articles",
        "tests/real-en/blind/gold",
        false,
    );
    let f1 = names_alone.participants.f1();
    assert!(
        f1 >= 0.67,
        "English blind participant F1 without people.toml {f1:.3}"
    );
}

#[test]
fn real_english_development_set_holds_its_figures() {
    let r = score("tests/real-en/dev/articles", "tests/real-en/dev/gold");
    holds("English dev", &r, [0.89, 0.84, 0.82, 0.82]);
}

/// Meeting, participant and theme F1 and role accuracy at or above `bars`.
fn holds(set: &str, r: &Report, bars: [f64; 4]) {
    let values = [
        ("meeting F1", r.meetings.f1()),
        ("participant F1", r.participants.f1()),
        ("theme F1", r.themes.f1()),
        ("role accuracy", r.role.value()),
    ];
    for ((what, value), bar) in values.into_iter().zip(bars) {
        assert!(value >= bar, "{set} {what} {value:.3} < {bar}");
    }
}

/// Every real article names its source, and none shares a run of eight
/// words with it (checked against the source's fingerprint).
#[test]
fn real_articles_have_sources_and_share_no_run_with_them() {
    for (root, at_least) in [
        ("tests/real", 700),
        ("tests/real-en", 495),
        ("tests/bilingual", 10),
    ] {
        let o = std::process::Command::new("python3")
            .arg(repo().join("scripts/real_corpus.py"))
            .args(["check", root])
            .current_dir(repo())
            .output()
            .expect("python3 runs");
        assert!(o.status.success(), "{root}: {}", stderr(&o));
        let checked: usize = stdout(&o)
            .split_whitespace()
            .nth(1)
            .and_then(|n| n.parse().ok())
            .expect("a count of articles");
        assert!(checked >= at_least, "only {checked} articles in {root}");
    }
}

/// An article numbered n is in blind/ exactly when n is divisible by 3:
/// the check names one found in the other set.
#[test]
fn real_corpus_check_names_an_article_in_the_wrong_set() {
    let root = tempfile::tempdir().unwrap();
    let dev = root.path().join("dev");
    for sub in ["articles", "fingerprints"] {
        std::fs::create_dir_all(dev.join(sub)).unwrap();
    }
    std::fs::write(dev.join("articles/r003_x.txt"), "T\n\nText.\n").unwrap();
    std::fs::write(dev.join("fingerprints/r003_x.txt"), "").unwrap();
    std::fs::write(
        root.path().join("SOURCES.md"),
        "| dev | r003_x | https://example.org/a |\n",
    )
    .unwrap();
    let o = std::process::Command::new("python3")
        .arg(repo().join("scripts/real_corpus.py"))
        .arg("check")
        .arg(root.path())
        .output()
        .expect("python3 runs");
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("r003_x: numbered for blind/, found in dev/"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn eval_command_scores_written_tables_and_lists_misses() {
    let tables = seeds_out().to_str().unwrap().to_string();
    let o = entente(&[
        "eval",
        "--gold",
        "seeds/gold",
        "--tables",
        &tables,
        "--verbose",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    for line in [
        "meetings",
        "participants",
        "themes",
        "date accuracy",
        "side accuracy",
        "004_b6deee30475d28dd.txt",
    ] {
        assert!(out.contains(line), "eval output lacks {line}:\n{out}");
    }
}

#[test]
fn eval_counts_a_wrong_partner_as_a_miss_and_a_false_meeting() {
    let g: gold::GoldArticle = serde_json::from_str(
        r#"{"article": "a.txt", "meetings": [{"date": {"year": null, "month": 5, "day": 2}, "partner": "Laos",
            "participants": [{"name": "Lương Tam Quang"}], "themes": ["terrorism"]}]}"#,
    )
    .unwrap();
    let wrong = eval::PredMeeting {
        partner: "Cambodia".into(),
        month: Some(5),
        day: Some(2),
        ..Default::default()
    };
    let right = eval::PredMeeting {
        partner: "Laos".into(),
        month: Some(5),
        day: Some(2),
        participants: vec![eval::PredPerson {
            name: "Luong Tam Quang".into(),
            ..Default::default()
        }],
        themes: ["terrorism".to_string(), "training".to_string()].into(),
        ..Default::default()
    };
    let r = eval::evaluate(
        std::slice::from_ref(&g),
        &[("a.txt".to_string(), vec![wrong])].into(),
    )
    .unwrap();
    assert_eq!((r.meetings.tp, r.meetings.fp, r.meetings.missed), (0, 1, 1));
    let r = eval::evaluate(&[g], &[("a.txt".to_string(), vec![right])].into()).unwrap();
    assert_eq!(
        (r.meetings.tp, r.participants.tp, r.themes.tp, r.themes.fp),
        (1, 1, 1, 1)
    );
}

#[test]
fn gold_names_people_and_partners_as_the_gazetteers_do() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("a.json"),
        r#"{"article": "a.txt", "meetings": [
            {"date": null, "partner": "International Institute for Strategic Studies",
             "participants": [{"name": "Vilay Lakhamphong"}]},
            {"date": null, "partner": "Republic of Korea", "participants": []},
            {"date": null, "partner": "Atlantis Trading Company", "participants": []}]}"#,
    )
    .unwrap();
    let gold = gold::load_canonical(dir.path(), crate::harness::lexicon()).unwrap();
    let m = &gold[0].meetings;
    assert_eq!(m[0].partner, "IISS");
    assert_eq!(m[0].participants[0].name, "Vilay Lakhamfong");
    assert_eq!(m[1].partner, "South Korea");
    // A name no gazetteer holds stays as written.
    assert_eq!(m[2].partner, "Atlantis Trading Company");
}
