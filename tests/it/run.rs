//! `entente run`: the end-to-end job on the seeds, read back with arrow-rs.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::Path;

use parquet::basic::Compression;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

use crate::harness::{
    chars, copy_tree, entente, int_of, parquet_files, repo, rows, seeds_out, stderr, stdout,
    str_of, Row,
};

pub const TABLES: [&str; 5] = [
    "articles",
    "meetings",
    "participants",
    "topics",
    "theme_counts",
];

/// Article id → its text, from the articles table.
fn texts(out: &Path) -> BTreeMap<String, String> {
    rows(&out.join("articles"))
        .iter()
        .map(|r| (str_of(r, "article_id").unwrap(), str_of(r, "text").unwrap()))
        .collect()
}

#[test]
fn writes_five_zstd_tables_with_statistics() {
    for table in TABLES {
        let files = parquet_files(&seeds_out().join(table));
        assert!(!files.is_empty(), "{table} has no Parquet file");
        for f in files {
            let reader = SerializedFileReader::new(File::open(&f).unwrap()).unwrap();
            for rg in reader.metadata().row_groups() {
                for c in rg.columns() {
                    assert!(
                        matches!(c.compression(), Compression::ZSTD(_)),
                        "{}: {:?}",
                        f.display(),
                        c.compression()
                    );
                    assert!(
                        c.statistics().is_some(),
                        "{} column {} has no statistics",
                        f.display(),
                        c.column_path()
                    );
                }
            }
        }
    }
    // Besides the tables: the runs and theme_partials tables and the
    // (released) lock file.
    let mut leftovers: Vec<_> = std::fs::read_dir(seeds_out())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    leftovers.sort();
    let mut expected: Vec<_> = TABLES.iter().map(|t| t.to_string()).collect();
    expected.extend([".entente.lock", "runs", "theme_partials"].map(String::from));
    expected.sort();
    assert_eq!(leftovers, expected, "no staging directory remains");
}

#[test]
fn prints_a_summary_naming_counts_and_destination() {
    let dir = tempfile::tempdir().unwrap();
    let o = entente(&["run", "-i", "seeds", "--out", dir.path().to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let summary = stdout(&o);
    assert!(summary.contains("read 5 articles"), "{summary}");
    for word in [
        "meetings",
        "participants",
        "topics",
        dir.path().to_str().unwrap(),
    ] {
        assert!(summary.contains(word), "summary lacks {word}: {summary}");
    }
}

#[test]
fn seeds_yield_the_required_gold_meetings_and_nothing_from_boilerplate() {
    let articles = rows(&seeds_out().join("articles"));
    let name_of: BTreeMap<String, String> = articles
        .iter()
        .map(|r| {
            (
                str_of(r, "article_id").unwrap(),
                str_of(r, "record_id").unwrap(),
            )
        })
        .collect();
    let mut predicted: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for m in rows(&seeds_out().join("meetings")) {
        let name = name_of[&str_of(&m, "article_id").unwrap()].clone();
        predicted
            .entry(name)
            .or_default()
            .push(str_of(&m, "partner").unwrap());
    }
    let mut required_total = 0;
    for gold in std::fs::read_dir(repo().join("seeds/gold")).unwrap() {
        let gold: serde_json::Value =
            serde_json::from_reader(File::open(gold.unwrap().path()).unwrap()).unwrap();
        let article = gold["article"].as_str().unwrap();
        let mut want: Vec<String> = Vec::new();
        let mut allowed: Vec<String> = Vec::new();
        for m in gold["meetings"].as_array().unwrap() {
            let partner = m["partner"].as_str().unwrap().to_string();
            if m["optional"].as_bool() != Some(true) {
                want.push(partner.clone());
            }
            allowed.push(partner);
        }
        required_total += want.len();
        let mut got = predicted.get(article).cloned().unwrap_or_default();
        for w in &want {
            let at = got.iter().position(|g| g == w);
            assert!(at.is_some(), "{article}: no meeting with {w} (got {got:?})");
            got.remove(at.unwrap());
        }
        for extra in got {
            assert!(
                allowed.contains(&extra),
                "{article}: meeting with {extra} is not in the gold file"
            );
        }
    }
    assert_eq!(required_total, 10);
}

/// Every meeting, participant and topic row points, in character offsets,
/// at a sentence of the article body holding its trigger, name or cue.
fn check_offsets(out: &Path) {
    let texts = texts(out);
    let cut = |text: &str| {
        // Character offset of "Voir plus", or the end.
        text.find("Voir plus")
            .map_or(text.chars().count(), |b| text[..b].chars().count()) as i64
    };
    let check = |table: &str, what: &str| {
        let all = rows(&out.join(table));
        assert!(!all.is_empty(), "{table} is empty");
        for r in all {
            let text = &texts[&str_of(&r, "article_id").unwrap()];
            let (s, e) = (
                int_of(&r, "evidence_start").unwrap(),
                int_of(&r, "evidence_end").unwrap(),
            );
            assert!(
                s < e && e <= cut(text),
                "{table}: evidence {s}..{e} outside the article body"
            );
            let evidence = chars(text, s, e);
            assert!(
                !evidence.starts_with(">>"),
                "{table}: evidence from a related-article link: {evidence}"
            );
            let needle = str_of(&r, what).unwrap();
            assert!(
                evidence.contains(&needle),
                "{table}: evidence {evidence:?} lacks {needle:?}"
            );
        }
    };
    check("meetings", "trigger");
    check("meetings", "evidence");
    check("participants", "surface");
    check("topics", "trigger");
}

#[test]
fn every_offset_points_at_its_evidence_and_none_past_the_teasers() {
    check_offsets(seeds_out());
}

#[test]
fn development_set_offsets_point_at_their_evidence() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = entente(&["run", "-q", "--input", "tests/dev/articles", "--out", out]);
    assert!(o.status.success(), "{}", stderr(&o));
    check_offsets(dir.path());
}

/// `theme_counts` recounted from `meetings` and `topics`: meetings,
/// mentions, articles, share and first and last dates of every partner and
/// theme, and no pair missing.
#[test]
fn theme_counts_agree_with_a_recount_of_meetings_and_topics() {
    use std::collections::BTreeSet;
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().to_str().unwrap();
    let o = entente(&["run", "-q", "-i", "seeds", "tests/dev/articles", "-o", out]);
    assert!(o.status.success(), "{}", stderr(&o));
    let meetings = rows(&dir.path().join("meetings"));
    let date_of = |m: &Row| match &m["date"] {
        Field::Date(d) => Some(*d),
        _ => None,
    };
    let meeting: BTreeMap<String, &Row> = meetings
        .iter()
        .map(|m| (str_of(m, "meeting_id").unwrap(), m))
        .collect();
    let mut per_partner: BTreeMap<String, usize> = BTreeMap::new();
    for m in &meetings {
        *per_partner
            .entry(str_of(m, "partner").unwrap())
            .or_default() += 1;
    }
    #[derive(Default)]
    struct Recount {
        meetings: BTreeSet<String>,
        articles: BTreeSet<String>,
        mentions: i64,
    }
    let mut recount: BTreeMap<(String, String), Recount> = BTreeMap::new();
    for t in rows(&dir.path().join("topics")) {
        let key = (str_of(&t, "partner").unwrap(), str_of(&t, "theme").unwrap());
        let r = recount.entry(key).or_default();
        r.meetings.insert(str_of(&t, "meeting_id").unwrap());
        r.articles.insert(str_of(&t, "article_id").unwrap());
        r.mentions += int_of(&t, "mentions").unwrap();
    }
    let counts = rows(&dir.path().join("theme_counts"));
    assert_eq!(counts.len(), recount.len(), "one row per partner and theme");
    for tc in &counts {
        let key = (str_of(tc, "partner").unwrap(), str_of(tc, "theme").unwrap());
        let r = &recount[&key];
        assert_eq!(
            int_of(tc, "meetings"),
            Some(r.meetings.len() as i64),
            "{key:?}"
        );
        assert_eq!(
            int_of(tc, "articles"),
            Some(r.articles.len() as i64),
            "{key:?}"
        );
        assert_eq!(int_of(tc, "mentions"), Some(r.mentions), "{key:?}");
        let Field::Double(share) = tc["share"] else {
            panic!("share is not a double: {:?}", tc["share"]);
        };
        let expected = r.meetings.len() as f64 / per_partner[&key.0] as f64;
        assert!(
            (share - expected).abs() < 1e-9,
            "{key:?}: share {share} != {expected}"
        );
        let dates: Vec<i32> = r
            .meetings
            .iter()
            .filter_map(|id| date_of(meeting[id]))
            .collect();
        let bound = |col: &str| match &tc[col] {
            Field::Date(d) => Some(*d),
            _ => None,
        };
        assert_eq!(bound("first_date"), dates.iter().min().copied(), "{key:?}");
        assert_eq!(bound("last_date"), dates.iter().max().copied(), "{key:?}");
    }
}

#[test]
fn a_missing_input_is_one_clear_error_line() {
    let dir = tempfile::tempdir().unwrap();
    let o = entente(&[
        "run",
        "--input",
        "no/such/dir",
        "--out",
        dir.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("no/such/dir"), "{err}");
}

/// `entente run` with a copy of the lexicon whose `file` has its first
/// `from` replaced by `to`: it must fail with one line on stderr, returned.
fn run_with_broken_lexicon(file: &str, from: &str, to: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(&repo().join("lexicon"), dir.path());
    let path = dir.path().join(file);
    let broken = std::fs::read_to_string(&path)
        .unwrap()
        .replacen(from, to, 1);
    std::fs::write(&path, broken).unwrap();
    let out = tempfile::tempdir().unwrap();
    let o = entente(&[
        "run",
        "--lexicon",
        dir.path().to_str().unwrap(),
        "--out",
        out.path().to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    err
}

#[test]
fn a_malformed_lexicon_names_the_file_and_line() {
    let err = run_with_broken_lexicon("fr/themes.toml", "cues = [", "cuez = [");
    assert!(
        err.contains("themes.toml") && err.contains("line") && err.contains("cuez"),
        "{err}"
    );
}

#[test]
fn an_empty_body_word_names_its_file() {
    let err = run_with_broken_lexicon("fr/bodies.toml", "= \"Academy\"", "= \"\"");
    assert!(
        err.contains("bodies.toml") && err.contains("`nouns` has an empty entry"),
        "{err}"
    );
}

#[test]
fn version_flag_prints_the_crate_version() {
    let o = entente(&["--version"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(
        stdout(&o).trim(),
        format!("entente {}", env!("CARGO_PKG_VERSION"))
    );
}
