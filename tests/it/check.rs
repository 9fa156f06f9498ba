//! `entente check`: each kind of damage is reported with the file at fault
//! and a non-zero exit; a sound dataset passes. `entente run` on a damaged
//! dataset stops with one line naming the file, never a panic.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::harness::{
    assert_checks, copy_tree, entente, entente_command, parquet_files, python, seeds_out, stderr,
    stdout,
};

/// A copy of the seeds' dataset, to damage.
fn dataset() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    fs::create_dir(&out).unwrap();
    copy_tree(seeds_out(), &out);
    (tmp, out)
}

fn check(out: &Path) -> Output {
    entente(&["check", "--tables", out.to_str().unwrap()])
}

/// `check` fails, and one of its lines names `file` and says `what`.
fn assert_reported(out: &Path, file: &Path, what: &str) {
    let o = check(out);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let name = file.to_str().unwrap();
    assert!(
        stdout(&o)
            .lines()
            .any(|l| l.starts_with(name) && l.contains(what)),
        "no line on {name} saying {what:?}:\n{}",
        stdout(&o)
    );
    assert_eq!(stderr(&o).lines().count(), 1, "{}", stderr(&o));
}

/// `run` on the dataset stops with exit 1 and one line naming `file`.
fn assert_run_refuses(out: &Path, file: &Path) {
    let o = entente(&["run", "-i", "seeds", "-o", out.to_str().unwrap()]);
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(file.to_str().unwrap()), "{err}");
    assert!(!err.contains("internal error"), "{err}");
}

fn python_rewrite(file: &Path, script: &str) {
    let o = Command::new(python())
        .args(["-c", script, file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
}

#[test]
fn sound_datasets_pass() {
    assert_checks(seeds_out());
    let o = check(seeds_out());
    assert!(stdout(&o).contains("5 articles"), "{}", stdout(&o));
}

#[test]
fn a_truncated_file_is_reported_by_check_and_stops_a_run() {
    let (_tmp, out) = dataset();
    let file = &parquet_files(&out.join("articles"))[0];
    let bytes = fs::read(file).unwrap();
    fs::write(file, &bytes[..12]).unwrap();
    assert_reported(&out, file, "unreadable: parquet: ");
    assert_run_refuses(&out, file);
    // One error, said once: polars wraps its cause in a context repeating it.
    let o = entente(&["run", "-i", "seeds", "-o", out.to_str().unwrap()]);
    assert_eq!(
        stderr(&o).matches("out of specification").count(),
        1,
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_foreign_parquet_file_is_reported_by_check_and_stops_a_run() {
    let (_tmp, out) = dataset();
    let file = out.join("articles/other-tool.parquet");
    python_rewrite(
        &file,
        "import sys, pyarrow as pa, pyarrow.parquet as pq\n\
         pq.write_table(pa.table({'x': [1, 2]}), sys.argv[1])",
    );
    assert_reported(&out, &file, "none of its columns");
    assert_run_refuses(&out, &file);
}

#[test]
fn a_file_with_a_missing_column_is_reported() {
    let (_tmp, out) = dataset();
    let file = &parquet_files(&out.join("meetings"))[0];
    python_rewrite(
        file,
        "import sys, pyarrow.parquet as pq\n\
         t = pq.read_table(sys.argv[1])\n\
         pq.write_table(t.drop_columns(['partner']), sys.argv[1])",
    );
    assert_reported(&out, file, "no column partner");
}

#[test]
fn a_duplicated_meeting_is_reported() {
    let (_tmp, out) = dataset();
    let file = &parquet_files(&out.join("meetings"))[0];
    let copy = file.with_file_name("part-copy.parquet");
    fs::copy(file, &copy).unwrap();
    // The line names the first file in name order and lists both.
    let o = check(&out);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let both = |l: &&str| {
        l.contains("appears 2 times")
            && l.contains(file.to_str().unwrap())
            && l.contains(copy.to_str().unwrap())
    };
    assert!(stdout(&o).lines().any(|l| both(&l)), "{}", stdout(&o));
}

#[test]
fn a_stale_journal_is_reported_and_finished() {
    let (tmp, out) = dataset();
    let more = tmp.path().join("more.jsonl");
    fs::copy(
        crate::harness::repo().join("tests/dev/articles/dated.jsonl"),
        &more,
    )
    .unwrap();
    let run = |fail: &str| {
        entente_command(&["run", "-q", "-i", more.to_str().unwrap(), "-o"])
            .arg(&out)
            .env("ENTENTE_FAIL_STEP", fail)
            .output()
            .unwrap()
    };
    // Fail the first move after the journal's commit.
    let listed = stderr(&run("list"));
    let steps: Vec<&str> = listed.lines().collect();
    let commit = steps
        .iter()
        .position(|l| l.contains("rename") && l.ends_with("/.staging/journal"))
        .unwrap();
    let (_tmp2, out2) = dataset();
    let o = entente_command(&["run", "-q", "-i", more.to_str().unwrap(), "-o"])
        .arg(&out2)
        .env("ENTENTE_FAIL_STEP", (commit + 3).to_string())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(out2.join(".staging/journal").exists());
    assert_reported(&out2, &out2.join(".staging"), "its journal is now finished");
    assert_checks(&out2);
    let articles: usize = parquet_files(&out2.join("articles")).len();
    assert_eq!(articles, 2, "the run's articles were published");
}

#[test]
fn files_of_an_older_entente_next_to_new_ones_are_checked_and_reextracted() {
    let (_tmp, out) = dataset();
    // The seeds' files as an entente before extractor columns wrote them.
    for table in ["articles", "meetings"] {
        for file in parquet_files(&out.join(table)) {
            python_rewrite(
                &file,
                "import sys, pyarrow.parquet as pq\n\
                 t = pq.read_table(sys.argv[1])\n\
                 old = ['entente_version', 'lexicon_hash', 'input_published', 'input_lang', 'title_in_text']\n\
                 pq.write_table(t.drop_columns([c for c in old if c in t.column_names]), sys.argv[1])",
            );
        }
    }
    let o = entente(&[
        "run",
        "-q",
        "-i",
        "tests/dev/articles/dated.jsonl",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_reported(&out, &out.join("articles"), "rows from 2 extractors");
    let o = entente(&["compare", "--tables", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = entente(&["run", "-q", "--reextract", "-o", out.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_checks(&out);
}
