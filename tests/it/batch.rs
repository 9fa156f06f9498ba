//! Scheduled batch runs (issue #5): pipeline configs, incremental and
//! idempotent runs, partitions, the runs table, atomicity, locks and shards.

use std::collections::BTreeMap;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use parquet::file::reader::{FileReader, SerializedFileReader};

use crate::harness::{
    assert_checks, entente, entente_command, int_of, parquet_files, python, repo, rows, stderr,
    stdout, str_of,
};
use crate::run::TABLES as DATA_TABLES;

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

fn run_ok(args: &[&str]) -> String {
    let o = entente(args);
    assert!(
        o.status.success(),
        "entente {args:?} failed: {}",
        stderr(&o)
    );
    stdout(&o)
}

/// A directory with the given seed articles (by index in `seeds/`).
fn seed_subset(dir: &Path, which: std::ops::Range<usize>) {
    fs::create_dir_all(dir).unwrap();
    let mut seeds: Vec<PathBuf> = fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    for s in &seeds[which] {
        fs::copy(s, dir.join(s.file_name().unwrap())).unwrap();
    }
}

/// Every row of a table, as sorted debug strings: comparable across runs.
fn table(out: &Path, name: &str) -> Vec<String> {
    let mut all: Vec<String> = rows(&out.join(name))
        .iter()
        .map(|r| format!("{r:?}"))
        .collect();
    all.sort();
    all
}

/// Relative path → bytes of every file of the data tables.
fn snapshot(out: &Path) -> BTreeMap<String, Vec<u8>> {
    DATA_TABLES
        .iter()
        .flat_map(|t| parquet_files(&out.join(t)))
        .map(|f| {
            let rel = f.strip_prefix(out).unwrap().display().to_string();
            (rel, fs::read(&f).unwrap())
        })
        .collect()
}

fn assert_same_files(a: &BTreeMap<String, Vec<u8>>, b: &BTreeMap<String, Vec<u8>>) {
    let names = |m: &BTreeMap<String, Vec<u8>>| m.keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(a), names(b), "same file names");
    let differ: Vec<_> = a.keys().filter(|k| a[*k] != b[*k]).collect();
    assert!(differ.is_empty(), "different bytes: {differ:?}");
}

fn runs(out: &Path) -> Vec<crate::harness::Row> {
    let mut all = rows(&out.join("runs"));
    all.sort_by_key(|r| format!("{:?}", r["started"]));
    all
}

#[test]
fn incremental_run_adds_only_new_articles_and_recounts_themes() {
    let tmp = tempfile::tempdir().unwrap();
    let (inputs, out, scratch) = (
        tmp.path().join("in"),
        tmp.path().join("ds"),
        tmp.path().join("scratch"),
    );
    seed_subset(&inputs, 0..3);
    run_ok(&["run", "-i", path(&inputs), "-o", path(&out)]);
    assert_eq!(rows(&out.join("articles")).len(), 3);
    seed_subset(&inputs, 3..5);
    let summary = run_ok(&["run", "-i", path(&inputs), "-o", path(&out)]);
    assert!(
        summary.contains("2 new, 3 already in the dataset"),
        "{summary}"
    );
    run_ok(&["run", "-i", path(&inputs), "-o", path(&scratch)]);
    for t in DATA_TABLES {
        assert_eq!(
            table(&out, t),
            table(&scratch, t),
            "{t}: two runs = one run"
        );
    }
    assert_checks(&out);
    let r = runs(&out);
    assert_eq!(r.len(), 2);
    assert_eq!(int_of(&r[1], "articles_new"), Some(2));
    assert_eq!(int_of(&r[1], "articles_skipped"), Some(3));
    assert_eq!(
        int_of(&r[1], "rows_articles"),
        Some(2),
        "rows written, not rows in the dataset"
    );
}

#[test]
fn rerun_changes_nothing_and_from_scratch_twice_is_byte_identical() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let inputs = ["seeds", "tests/dev/articles/dated.jsonl"];
    for out in [&a, &b] {
        run_ok(&[
            "run",
            "-i",
            inputs[0],
            inputs[1],
            "-o",
            path(out),
            "--partition-by",
            "month",
        ]);
    }
    let first = snapshot(&a);
    assert!(first.len() > DATA_TABLES.len(), "several partitions");
    assert_same_files(&first, &snapshot(&b));
    // Run ids derive from the inputs: the runs files have the same names too;
    // only their started/finished times differ.
    let names = |out: &Path| -> Vec<_> {
        parquet_files(&out.join("runs"))
            .iter()
            .map(|f| f.file_name().unwrap().to_owned())
            .collect()
    };
    assert_eq!(names(&a), names(&b));

    let o = entente(&["run", "-i", inputs[0], inputs[1], "-o", path(&a)]);
    assert!(
        stderr(&o).contains("partitioned by month; run with --partition-by month"),
        "a dataset keeps its layout: {}",
        stderr(&o)
    );
    let summary = run_ok(&[
        "run",
        "-i",
        inputs[0],
        inputs[1],
        "-o",
        path(&a),
        "--partition-by",
        "month",
    ]);
    assert!(summary.contains(" 0 new"), "{summary}");
    // A re-run leaves every data file as it was.
    assert_same_files(&first, &snapshot(&a));
    let r = runs(&a);
    assert_eq!(r.len(), 2, "but is recorded");
    assert_ne!(str_of(&r[0], "run_id"), str_of(&r[1], "run_id"));
    assert_eq!(int_of(&r[1], "articles_new"), Some(0));
    assert_eq!(
        int_of(&r[1], "articles_skipped"),
        int_of(&r[0], "articles_new")
    );
}

#[test]
fn every_file_carries_version_run_id_and_spec_version() {
    let tmp = tempfile::tempdir().unwrap();
    run_ok(&["run", "-i", "seeds", "-o", path(tmp.path())]);
    let run_id = str_of(&runs(tmp.path())[0], "run_id").unwrap();
    let files = parquet_files(tmp.path());
    assert_eq!(
        files.len(),
        7,
        "five tables, theme_partials and the runs table: {files:?}"
    );
    for f in files {
        let reader = SerializedFileReader::new(File::open(&f).unwrap()).unwrap();
        let kv: BTreeMap<String, String> = reader
            .metadata()
            .file_metadata()
            .key_value_metadata()
            .unwrap()
            .iter()
            .map(|kv| (kv.key.clone(), kv.value.clone().unwrap_or_default()))
            .collect();
        assert_eq!(kv["entente.version"], env!("CARGO_PKG_VERSION"), "{f:?}");
        assert_eq!(kv["entente.run_id"], run_id, "{f:?}");
        assert_eq!(kv["entente.spec_version"], "1.1", "{f:?}");
    }
}

#[test]
fn shards_together_equal_one_unsharded_run() {
    let tmp = tempfile::tempdir().unwrap();
    let (sharded, whole) = (tmp.path().join("sharded"), tmp.path().join("whole"));
    let inputs = ["seeds", "tests/dev/articles"];
    for shard in ["0/2", "1/2"] {
        let out = run_ok(&[
            "run",
            "-i",
            inputs[0],
            inputs[1],
            "-o",
            path(&sharded),
            "--shard",
            shard,
        ]);
        assert!(out.contains("entente aggregate"), "{out}");
    }
    let shard_rows: Vec<_> = runs(&sharded)
        .iter()
        .map(|r| int_of(r, "articles_new").unwrap())
        .collect();
    assert!(
        shard_rows.iter().all(|&n| n > 0),
        "both shards work: {shard_rows:?}"
    );
    assert!(!sharded.join("theme_counts").exists(), "left to aggregate");
    let o = entente(&["check", "--tables", path(&sharded)]);
    assert!(
        !o.status.success() && stdout(&o).contains("no theme_counts"),
        "{}",
        stdout(&o)
    );
    run_ok(&["aggregate", "--tables", path(&sharded)]);
    assert_checks(&sharded);
    run_ok(&["run", "-i", inputs[0], inputs[1], "-o", path(&whole)]);
    for t in DATA_TABLES {
        assert_eq!(table(&sharded, t), table(&whole, t), "{t}");
    }
}

#[test]
fn duckdb_polars_pyarrow_and_pandas_read_the_partitioned_dataset_with_spec_types() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    run_ok(&[
        "run",
        "-i",
        "seeds",
        "tests/dev/articles",
        "-o",
        path(out),
        "--partition-by",
        "month",
    ]);
    assert!(
        out.join("articles/year=__HIVE_DEFAULT_PARTITION__/month=__HIVE_DEFAULT_PARTITION__")
            .is_dir(),
        ".txt articles have no published date"
    );
    assert!(out.join("meetings/year=2025/month=12").is_dir());
    assert_checks(out);
    let o = Command::new(python())
        .arg(repo().join("tests/interop/read_partitioned.py"))
        .arg(out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let got: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let types = [
        ("duck", "SMALLINT", "TINYINT"),
        ("polars", "Int16", "Int8"),
        ("pyarrow", "int16", "int8"),
        ("pandas", "int16[pyarrow]", "int8[pyarrow]"),
    ];
    for table in ["articles", "meetings", "participants", "topics"] {
        // The truth: the files themselves, read without their directories.
        let flat = rows(&out.join(table));
        let null_years = flat.iter().filter(|r| int_of(r, "year").is_none()).count();
        assert!(
            table == "meetings" || null_years > 0,
            "{table} has a null partition"
        );
        for (engine, year, month) in types {
            let g = &got[engine][table];
            assert_eq!(g["rows"], flat.len(), "{engine} {table}");
            assert_eq!(g["null_years"], null_years, "{engine} {table}");
            assert_eq!(
                (g["year"].as_str(), g["month"].as_str()),
                (Some(year), Some(month)),
                "{engine} {table}"
            );
        }
    }
}

#[test]
fn pipeline_files_are_checked_and_flags_override_them() {
    let tmp = tempfile::tempdir().unwrap();
    let bad = tmp.path().join("bad.toml");
    fs::write(
        &bad,
        "inputs = [\"x\"]\n\n[limits]\nmax_articles = 10\nmax_aticles = 2\n",
    )
    .unwrap();
    let o = entente(&["run", "--pipeline", path(&bad)]);
    assert!(!o.status.success());
    let err = stderr(&o);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(&format!("{}:5: limits.max_aticles", bad.display())),
        "{err}"
    );

    let out = tmp.path().join("ds");
    let summary = run_ok(&[
        "run",
        "--pipeline",
        "pipelines/seeds.toml",
        "-o",
        path(&out),
    ]);
    assert!(summary.contains("5 new"), "{summary}");
    assert!(out.join("articles").is_dir(), "-o overrides the file's out");
    entente::config::Pipeline::load(&repo().join("pipelines/daily.example.toml"))
        .expect("the documented example is valid");
}

#[test]
fn languages_and_max_articles_limit_what_a_run_takes() {
    let tmp = tempfile::tempdir().unwrap();
    let input = tmp.path().join("mixed.jsonl");
    let text = fs::read_to_string(repo().join("tests/dev/articles/dated.jsonl")).unwrap();
    let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
    lines[0] = lines[0].replace("\"lang\": \"fr\"", "\"lang\": \"en\"");
    fs::write(&input, lines.join("\n")).unwrap();
    let out = tmp.path().join("ds");
    let args = |extra: &[&'static str]| {
        let mut a = vec!["run", "-i", path(&input), "-o", path(&out), "--lang", "fr"];
        a.extend_from_slice(extra);
        a.into_iter().map(str::to_string).collect::<Vec<_>>()
    };
    let run = |a: Vec<String>| run_ok(&a.iter().map(String::as_str).collect::<Vec<_>>());
    let first = run(args(&["--max-articles", "3"]));
    assert!(
        first.contains("3 new, 0 already in the dataset or repeated, 3 excluded"),
        "{first}"
    );
    let second = run(args(&["--max-articles", "3"]));
    assert!(
        second.contains("2 new, 3 already in the dataset or repeated, 1 excluded"),
        "{second}"
    );
    let o = entente(&[
        "run",
        "-i",
        path(&input),
        "-o",
        path(&out),
        "--max-article-bytes",
        "100",
    ]);
    assert!(o.status.success());
    assert!(
        stderr(&o).contains("over limits.max_article_bytes"),
        "{}",
        stderr(&o)
    );
}

/// Many distinct articles (seed texts, each with its own closing line), so
/// that a run takes long enough to be killed in the middle.
fn big_input(path: &Path, n: usize) {
    let seeds: Vec<String> = fs::read_dir(repo().join("seeds"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| fs::read_to_string(p).unwrap())
        .collect();
    let lines: Vec<String> = (0..n)
        .map(|i| {
            let text = format!("{}\n\nNote de la rédaction n° {i}.", seeds[i % seeds.len()]);
            serde_json::json!({"id": format!("big-{i}"), "published": "2025-12-10", "text": text})
                .to_string()
        })
        .collect();
    fs::write(path, lines.join("\n")).unwrap();
}

fn duckdb_counts(out: &Path) -> String {
    let script = format!(
        "import duckdb\nfor t in {:?}:\n    print(t, duckdb.sql(f\"SELECT count(*) FROM read_parquet('{}/{{t}}/**/*.parquet')\").fetchall()[0][0])",
        DATA_TABLES,
        path(out)
    );
    let o = Command::new(python())
        .args(["-c", &script])
        .output()
        .unwrap();
    assert!(
        o.status.success(),
        "duckdb cannot read {}: {}",
        out.display(),
        stderr(&o)
    );
    stdout(&o)
}

#[test]
fn a_killed_run_leaves_the_previous_dataset_and_concurrent_runs_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("ds");
    run_ok(&["run", "-i", "seeds", "-o", path(&out)]);
    let before = duckdb_counts(&out);
    let big = tmp.path().join("big.jsonl");
    big_input(&big, 3000);
    let mut child = entente_command(&["run", "-i", path(&big), "-o", path(&out)])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until the run holds the lock, then let it work a little.
    let lock = out.join(".entente.lock");
    let start = Instant::now();
    while fs::read_to_string(&lock).unwrap_or_default().is_empty() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "the run never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let second = entente(&["run", "-i", "seeds", "-o", path(&out)]);
    assert!(
        !second.status.success(),
        "a second run on the same output is refused"
    );
    let err = stderr(&second);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(".entente.lock") && err.contains("is writing to this dataset"),
        "{err}"
    );

    std::thread::sleep(Duration::from_millis(500));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run must still be going when killed"
    );
    child.kill().unwrap(); // SIGKILL
    child.wait().unwrap();
    assert_eq!(
        duckdb_counts(&out),
        before,
        "previous dataset, old row counts"
    );

    let next = entente(&["run", "-i", "seeds", "-o", path(&out)]);
    assert!(next.status.success(), "{}", stderr(&next));
    assert!(
        stderr(&next).contains("was killed"),
        "stale lock reported: {}",
        stderr(&next)
    );
    let hidden: Vec<_> = fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert_eq!(hidden, [".entente.lock"], "no staging left");
    assert_eq!(duckdb_counts(&out), before);
    assert_checks(&out);
}
