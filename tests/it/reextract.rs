//! `entente run --reextract`: the articles of a dataset extracted again from
//! their stored text, with the current lexicon, give the tables a fresh run
//! gives; `check` reports a dataset whose rows come from two lexicons.

use std::fs;
use std::path::Path;

use crate::harness::{
    assert_checks, copy_tree, entente, parquet_files, repo, rows, stderr, stdout,
};
use crate::run::TABLES;

const INPUTS: [&str; 2] = ["seeds", "tests/dev/articles/dated.jsonl"];

fn run_ok(args: &[&str]) {
    let o = entente(args);
    assert!(o.status.success(), "entente {args:?}: {}", stderr(&o));
}

/// A copy of the built-in lexicon in which "terrorisme" is no longer a cue.
fn edited_lexicon(dir: &Path) {
    copy_tree(&repo().join("lexicon"), dir);
    let themes = dir.join("fr/themes.toml");
    let text = fs::read_to_string(&themes).unwrap();
    let cues = r#"cues = ["terroris*", "antiterroris*", "anti-terroris*", "extrémisme violent"]"#;
    assert!(text.contains(cues), "the terrorism cues moved");
    fs::write(
        &themes,
        text.replace(cues, r#"cues = ["extrémisme violent"]"#),
    )
    .unwrap();
}

/// `bytes` with every `from` replaced by `to`.
fn replaced(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    let (from, to) = (from.as_bytes(), to.as_bytes());
    let (mut out, mut i) = (Vec::with_capacity(bytes.len()), 0);
    while i < bytes.len() {
        if bytes[i..].starts_with(from) {
            out.extend_from_slice(to);
            i += from.len();
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

#[test]
fn reextract_after_a_lexicon_change_equals_a_fresh_run_with_it() {
    let tmp = tempfile::tempdir().unwrap();
    let lexicon = tmp.path().join("lexicon");
    fs::create_dir(&lexicon).unwrap();
    edited_lexicon(&lexicon);
    let lexicon = lexicon.to_str().unwrap();
    let (ds, fresh, mixed) = (
        tmp.path().join("ds"),
        tmp.path().join("fresh"),
        tmp.path().join("mixed"),
    );
    let path = |p: &Path| p.to_str().unwrap().to_string();
    run_ok(&["run", "-q", "-i", INPUTS[0], INPUTS[1], "-o", &path(&ds)]);
    let before = rows(&ds.join("topics"));
    let with_lexicon = |extra: &[&str], out: &Path| {
        let out = path(out);
        let mut args = vec!["run", "-q", "--lexicon", lexicon, "-o", &out];
        args.extend_from_slice(extra);
        run_ok(&args);
    };
    with_lexicon(&["-i", INPUTS[0], INPUTS[1]], &fresh);

    // New articles under the new lexicon next to old ones under the old.
    fs::create_dir(&mixed).unwrap();
    copy_tree(&ds, &mixed);
    let laos = "tests/dev/articles/100_laos_entretien_telephonique.txt";
    with_lexicon(&["-i", laos], &mixed);
    let o = entente(&["check", "--tables", &path(&mixed)]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    for table in ["articles", "meetings"] {
        let dir = path(&mixed.join(table));
        assert!(
            stdout(&o)
                .lines()
                .any(|l| l.starts_with(&dir) && l.contains("rows from 2 extractors")),
            "{}",
            stdout(&o)
        );
    }

    let reextract = |dir: &Path| {
        run_ok(&[
            "run",
            "-q",
            "--lexicon",
            lexicon,
            "--reextract",
            "-o",
            &path(dir),
        ]);
        assert_checks(dir);
    };
    reextract(&ds);
    let after = rows(&ds.join("topics"));
    assert!(after.len() < before.len(), "the lexicon change matters");
    let run_id = |dir: &Path| {
        let file = &parquet_files(&dir.join("articles"))[0];
        let name = file.file_stem().unwrap().to_str().unwrap();
        name.strip_prefix("part-").unwrap().to_string()
    };
    let (ours, theirs) = (run_id(&ds), run_id(&fresh));
    for table in TABLES {
        let files = parquet_files(&ds.join(table));
        assert_eq!(files.len(), 1, "{table}: the old files are gone");
        assert!(
            rows(&ds.join(table)) == rows(&fresh.join(table)),
            "{table}: every value of every row, in order, as a fresh run writes it"
        );
        // The same bytes but for the run id stamped in the metadata.
        let ours_bytes = replaced(&fs::read(&files[0]).unwrap(), &ours, &theirs);
        let fresh_file = &parquet_files(&fresh.join(table))[0];
        assert!(
            ours_bytes == fs::read(fresh_file).unwrap(),
            "{table}: the same bytes as a fresh run's but for the run id"
        );
    }
    // And the mixed dataset becomes one extractor's.
    reextract(&mixed);
}
