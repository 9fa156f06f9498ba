//! Bad input gets a clear answer: each kind of broken file has a defined
//! behaviour, skipped inputs land in the `rejects` table, and nothing panics.

use std::fs;
use std::path::Path;

use crate::harness::{entente, int_of, rows, stderr, stdout, str_of};

/// A one-meeting article with a partner of the given country and demonym.
fn article(country: &str, demonym: &str) -> String {
    format!(
        "Le Vietnam et le {country} renforcent leur coopération\n\n\
         Le général Lương Tam Quang, ministre de la Sécurité publique, a reçu le 5 mai à Hanoï le ministre \
         {demonym} de l'Intérieur, Paulo Sanchez. Les deux parties ont convenu de renforcer la lutte \
         contre le trafic de drogue.\n"
    )
}

fn run(input: &Path, out: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec![
        "run",
        "--input",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    entente(&args)
}

fn reasons(out: &Path) -> Vec<(String, Option<i64>, String)> {
    let mut all: Vec<_> = rows(&out.join("rejects"))
        .iter()
        .map(|r| {
            (
                str_of(r, "source").unwrap(),
                int_of(r, "line"),
                str_of(r, "reason").unwrap(),
            )
        })
        .collect();
    all.sort();
    all
}

#[test]
fn each_kind_of_broken_file_is_decoded_or_rejected_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let w = |name: &str, bytes: &[u8]| fs::write(input.join(name), bytes).unwrap();
    w("empty.txt", b"");
    w("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    w("utf8.txt", article("Laos", "laotien").as_bytes());
    w(
        "bom.txt",
        &[
            &[0xEF, 0xBB, 0xBF][..],
            article("Cambodge", "cambodgien").as_bytes(),
        ]
        .concat(),
    );
    w(
        "crlf.txt",
        article("Japon", "japonais")
            .replace('\n', "\r\n")
            .as_bytes(),
    );
    let cuba = article("Cuba", "cubain");
    let utf16 = cuba.encode_utf16().flat_map(u16::to_le_bytes);
    w(
        "utf16.txt",
        &[0xFF, 0xFE].into_iter().chain(utf16).collect::<Vec<u8>>(),
    );
    let latin1 = article("Chili", "chilien").replace("Lương", "Luong");
    w(
        "latin1.txt",
        &latin1.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
    );
    w("copy-of-utf8.txt", article("Laos", "laotien").as_bytes());
    let out = dir.path().join("out");

    let o = run(&input, &out, &[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!stderr(&o).contains("panicked"), "{}", stderr(&o));
    // utf8, bom, crlf, utf16 and latin1 are read; the copy is one article; empty and binary are rejected.
    assert_eq!(rows(&out.join("articles")).len(), 5, "{}", stdout(&o));
    let rejected: Vec<String> = reasons(&out)
        .into_iter()
        .map(|(s, _, r)| format!("{s}: {r}"))
        .collect();
    assert_eq!(rejected.len(), 2, "{rejected:?}");
    assert!(
        rejected[0].contains("binary.txt") && rejected[0].contains("binary"),
        "{rejected:?}"
    );
    assert!(
        rejected[1].contains("empty.txt") && rejected[1].contains("empty"),
        "{rejected:?}"
    );
    // Each stays traceable: the CRLF and BOM articles still yield their meeting.
    let partners: Vec<String> = rows(&out.join("meetings"))
        .iter()
        .map(|r| str_of(r, "partner").unwrap())
        .collect();
    for p in ["Laos", "Cambodia", "Japan", "Cuba", "Chile"] {
        assert!(
            partners.contains(&p.to_string()),
            "no meeting with {p}: {partners:?}"
        );
    }

    let strict = run(&input, &dir.path().join("out2"), &["--strict"]);
    assert_eq!(strict.status.code(), Some(3), "{}", stderr(&strict));
}

#[test]
fn a_jsonl_file_with_one_percent_broken_lines_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("crawl.jsonl");
    let mut lines = Vec::new();
    for i in 0..10_000 {
        lines.push(match i % 100 {
            0 => format!("{{\"id\": \"a{i}\", \"text\": \"tronqué"),
            _ => serde_json::json!({"id": format!("a{i}"), "published": "2025-12-01", "text": format!("Article {i}\n\nLe ministre a reçu le {}.", i % 28 + 1)}).to_string(),
        });
    }
    fs::write(&input, lines.join("\n")).unwrap();
    let out = dir.path().join("out");
    let o = run(&input, &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(rows(&out.join("articles")).len(), 9_900);
    let rejected = reasons(&out);
    assert_eq!(rejected.len(), 100);
    assert!(rejected
        .iter()
        .all(|(s, line, r)| s.ends_with("crawl.jsonl")
            && line.is_some_and(|l| l % 100 == 1)
            && r.contains("invalid JSON")));
}

#[test]
fn a_100_mb_article_completes() {
    let dir = tempfile::tempdir().unwrap();
    let body = article("Laos", "laotien").replace('\n', " ");
    let text = format!("Titre\n{}", body.repeat(100_000_000 / body.len() + 1));
    fs::write(dir.path().join("big.txt"), text).unwrap();
    let o = run(
        &dir.path().join("big.txt"),
        &dir.path().join("out"),
        &["-q"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(rows(&dir.path().join("out").join("articles")).len(), 1);
}

#[test]
fn no_articles_and_unwritable_outputs_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    fs::create_dir(&empty).unwrap();
    let o = run(&empty, &dir.path().join("out"), &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("no articles") && stderr(&o).lines().count() == 1,
        "{}",
        stderr(&o)
    );

    let input = dir.path().join("a.txt");
    fs::write(&input, article("Laos", "laotien")).unwrap();
    // A path under a regular file can never be created, whoever runs the test.
    let blocked = input.join("out");
    let o = run(&input, &blocked, &[]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("a.txt") && stderr(&o).lines().count() == 1,
        "{}",
        stderr(&o)
    );
    assert!(!stderr(&o).contains("panicked"));
}

#[test]
fn usage_errors_exit_with_status_2() {
    assert_eq!(entente(&["run", "--no-such-flag"]).status.code(), Some(2));
    // A dataset named without inputs is a forgotten --input: the seeds go
    // only to the default out/.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("ds");
    let o = entente(&["run", "-o", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("--input"), "{}", stderr(&o));
    assert_eq!(stderr(&o).lines().count(), 1);
    assert!(!out.exists(), "nothing written");
}

#[test]
fn json_lines_in_any_case_and_compressed_are_found_in_a_directory() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("in");
    fs::create_dir(&input).unwrap();
    let record = |country: &str, demonym: &str| {
        serde_json::json!({"id": country, "text": article(country, demonym)}).to_string() + "\n"
    };
    fs::write(input.join("a.JSONL"), record("Laos", "laotien")).unwrap();
    fs::write(input.join("b.ndjson"), record("Japon", "japonais")).unwrap();
    fs::write(input.join("c.Json"), record("Cuba", "cubain")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    gz.write_all(record("Chili", "chilien").as_bytes()).unwrap();
    fs::write(input.join("d.jsonl.gz"), gz.finish().unwrap()).unwrap();
    let zst = zstd::encode_all(record("Cambodge", "cambodgien").as_bytes(), 1).unwrap();
    fs::write(input.join("e.JSONL.ZST"), zst).unwrap();
    fs::write(input.join("notes.md"), "not an article").unwrap();
    let out = dir.path().join("out");
    let o = run(&input, &out, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let mut ids: Vec<String> = rows(&out.join("articles"))
        .iter()
        .map(|r| str_of(r, "record_id").unwrap())
        .collect();
    ids.sort();
    assert_eq!(ids, ["Cambodge", "Chili", "Cuba", "Japon", "Laos"]);
    // A named .ndjson file is JSON Lines, not one text article.
    let named = dir.path().join("named");
    let o = run(&input.join("b.ndjson"), &named, &["-q"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let articles = rows(&named.join("articles"));
    assert_eq!(str_of(&articles[0], "record_id").as_deref(), Some("Japon"));
}
