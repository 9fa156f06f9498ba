//! Shared helpers: run the binary, read Parquet with an independent reader
//! (arrow-rs `parquet`, not polars), and set up the Python environment.

use std::collections::BTreeMap;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;

use entente::lexicon::Lexicons;
use entente::pipeline::{process, sha256_hex};
use entente::read::RawArticle;
use entente::tables::Processed;
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;

pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `entente` binary, run from the repository root.
pub fn entente_command(args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_entente"));
    cmd.args(args).current_dir(repo());
    cmd
}

pub fn entente(args: &[&str]) -> Output {
    entente_command(args).output().expect("entente runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// Runs `entente run` on the seeds once per test process; returns the output directory.
pub fn seeds_out() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    run_once(&OUT, "seeds")
}

/// Runs `entente run` on the development articles (some of them dated) once
/// per test process; returns the output directory.
pub fn dev_out() -> &'static Path {
    static OUT: OnceLock<tempfile::TempDir> = OnceLock::new();
    run_once(&OUT, "tests/dev/articles")
}

fn run_once<'a>(cell: &'a OnceLock<tempfile::TempDir>, input: &str) -> &'a Path {
    cell.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().to_str().unwrap().to_string();
        let o = entente(&["run", "--input", input, "--out", &out]);
        assert!(
            o.status.success(),
            "entente run on {input} failed: {}",
            stderr(&o)
        );
        assert_checks(dir.path());
        dir
    })
    .path()
}

/// `entente check` finds nothing wrong with the dataset in `dir`.
pub fn assert_checks(dir: &Path) {
    let o = entente(&["check", "--tables", dir.to_str().unwrap()]);
    assert!(
        o.status.success() && stdout(&o).contains(": ok ("),
        "entente check {}: {}{}",
        dir.display(),
        stdout(&o),
        stderr(&o)
    );
}

/// Copies the directory tree `from` into the existing directory `to`.
pub fn copy_tree(from: &Path, to: &Path) {
    for f in std::fs::read_dir(from).unwrap() {
        let f = f.unwrap().path();
        let target = to.join(f.file_name().unwrap());
        if f.is_dir() {
            std::fs::create_dir(&target).unwrap();
            copy_tree(&f, &target);
        } else {
            std::fs::copy(&f, target).unwrap();
        }
    }
}

pub type Row = BTreeMap<String, Field>;

/// Every row of every Parquet file of a table directory.
pub fn rows(table_dir: &Path) -> Vec<Row> {
    parquet_files(table_dir)
        .iter()
        .flat_map(|f| {
            let reader = SerializedFileReader::new(File::open(f).unwrap()).unwrap();
            reader
                .get_row_iter(None)
                .unwrap()
                .map(|r| {
                    r.unwrap()
                        .get_column_iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect::<Row>()
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

pub fn parquet_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(parquet_files(&p));
        } else if p.extension().is_some_and(|x| x == "parquet") {
            out.push(p);
        }
    }
    out.sort();
    out
}

pub fn str_of(row: &Row, col: &str) -> Option<String> {
    match &row[col] {
        Field::Str(s) => Some(s.clone()),
        Field::Null => None,
        other => panic!("{col} is not a string: {other:?}"),
    }
}

pub fn int_of(row: &Row, col: &str) -> Option<i64> {
    match &row[col] {
        Field::Long(v) => Some(*v),
        Field::Int(v) => Some(i64::from(*v)),
        Field::Short(v) => Some(i64::from(*v)),
        Field::Byte(v) => Some(i64::from(*v)),
        Field::Null => None,
        other => panic!("{col} is not an integer: {other:?}"),
    }
}

/// The characters `start..end` of a text (SPEC offsets are in characters).
pub fn chars(text: &str, start: i64, end: i64) -> String {
    text.chars()
        .skip(start as usize)
        .take((end - start) as usize)
        .collect()
}

/// The Python of the project's test virtualenv, created once by `scripts/pyenv.sh`.
pub fn python() -> &'static Path {
    static PY: OnceLock<PathBuf> = OnceLock::new();
    PY.get_or_init(|| {
        let o = Command::new("bash")
            .arg(repo().join("scripts/pyenv.sh"))
            .output()
            .expect("bash runs");
        assert!(
            o.status.success(),
            "scripts/pyenv.sh failed: {}",
            stderr(&o)
        );
        PathBuf::from(stdout(&o).trim())
    })
}

/// The built-in lexicon, loaded once.
pub fn lexicon() -> &'static Lexicons {
    static LEX: OnceLock<Lexicons> = OnceLock::new();
    LEX.get_or_init(|| Lexicons::embedded().unwrap())
}

/// Cleans, segments and extracts a French text as one article.
pub fn extract(text: String) -> Processed {
    extract_in(Some("fr"), text)
}

/// Cleans, segments and extracts a text as one article in `lang`, or in
/// the language recognised from it.
pub fn extract_in(lang: Option<&str>, text: String) -> Processed {
    let digest = sha256_hex(text.as_bytes());
    let article = RawArticle::from_text("test", text, lang);
    process(article, digest, lexicon())
}
