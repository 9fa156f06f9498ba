//! A failure at any file-system step of a run (create, write, sync, rename,
//! remove: `ENTENTE_FAIL_STEP` fails the N-th) leaves the dataset as it was
//! before the run or as it is after it, once `entente check` (or the next
//! run) has finished or discarded what the run left; checked with DuckDB.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use crate::harness::{assert_checks, copy_tree, entente_command, python, repo, stderr, stdout};

const FAIL_STEP: &str = "ENTENTE_FAIL_STEP";
const OLD: [&str; 1] = ["tests/dev/articles/dated.jsonl"];
/// One more article, with no date: publishing creates its partition directories.
const NEW: [&str; 2] = [
    "seeds/000_1815f1dc838d2104.txt",
    "tests/dev/articles/dated.jsonl",
];

/// `entente run` of `inputs` into `out`, partitioned by year, with
/// `ENTENTE_FAIL_STEP` set to `fail`.
fn run(inputs: &[&str], out: &Path, fail: Option<&str>) -> Output {
    let mut args = vec!["run", "-q", "--partition-by", "year", "-o"];
    args.push(out.to_str().unwrap());
    args.push("-i");
    args.extend_from_slice(inputs);
    let mut cmd = entente_command(&args);
    match fail {
        Some(step) => cmd.env(FAIL_STEP, step),
        None => cmd.env_remove(FAIL_STEP),
    };
    cmd.output().unwrap()
}

fn copy_of(from: &Path, to: PathBuf) -> PathBuf {
    std::fs::create_dir_all(&to).unwrap();
    copy_tree(from, &to);
    to
}

#[test]
fn a_failure_at_any_file_system_step_leaves_the_old_or_the_new_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let base = tmp.path().join("base");
    assert!(run(&OLD, &base, None).status.success());
    let new = copy_of(&base, tmp.path().join("new"));
    assert!(run(&NEW, &new, None).status.success());

    let probe = copy_of(&base, tmp.path().join("probe"));
    let listed = stderr(&run(&NEW, &probe, Some("list")));
    let steps: Vec<&str> = listed
        .lines()
        .filter(|l| l.starts_with("entente-step "))
        .collect();
    let kinds: BTreeSet<&str> = steps.iter().filter_map(|l| l.split(' ').nth(2)).collect();
    assert_eq!(
        kinds,
        BTreeSet::from(["create", "remove", "rename", "sync", "write"]),
        "{listed}"
    );

    let (mut faulted, mut rerun) = (Vec::new(), Vec::new());
    for n in 1..=steps.len() {
        let dir = copy_of(&base, tmp.path().join(format!("fault-{n}")));
        let o = run(&NEW, &dir, Some(&n.to_string()));
        let err = stderr(&o);
        assert_eq!(o.status.code(), Some(1), "step {n}: {}", steps[n - 1]);
        assert!(
            err.contains("injected failure") && err.lines().count() == 1,
            "step {n}: {err}"
        );
        // The next run finishes or discards what the failed one left...
        let again = copy_of(&dir, tmp.path().join(format!("rerun-{n}")));
        let o = run(&NEW, &again, None);
        assert!(o.status.success(), "step {n}: {}", stderr(&o));
        assert_checks(&again);
        // ... and so does `check`, which then finds nothing else wrong.
        let o = entente_command(&["check", "--tables", dir.to_str().unwrap()])
            .output()
            .unwrap();
        let said = stdout(&o);
        let wrong: Vec<&str> = said
            .lines()
            .filter(|l| !l.contains("a run stopped") && !l.contains(": ok ("))
            .collect();
        assert!(wrong.is_empty(), "step {n}: {wrong:?}");
        faulted.push(dir);
        rerun.push(again);
    }

    let o = Command::new(python())
        .arg(repo().join("tests/interop/check_faults.py"))
        .args([&base, &new])
        .args(faulted.iter().chain(&rerun))
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    let results: Vec<serde_json::Value> = stdout(&o)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(results.len(), 2 * steps.len());
    for r in &results {
        assert_eq!(r["problems"], serde_json::json!([]), "{r}");
    }
    let states: Vec<&str> = results
        .iter()
        .map(|r| r["state"].as_str().unwrap())
        .collect();
    let (after_fault, after_rerun) = states.split_at(steps.len());
    // Old until the journal is committed, new from then on: never a mix.
    let commit = after_fault
        .iter()
        .position(|s| *s == "new")
        .expect("a failure after the commit is rolled forward");
    assert!(
        commit > 0,
        "a failure before the commit leaves the old dataset"
    );
    assert!(
        after_fault[..commit].iter().all(|s| *s == "old")
            && after_fault[commit..].iter().all(|s| *s == "new"),
        "{after_fault:?}"
    );
    assert!(
        steps[commit - 1].contains("/.staging/journal"),
        "the commit is the journal's rename: {}",
        steps[commit - 1]
    );
    assert!(after_rerun.iter().all(|s| *s == "new"), "{after_rerun:?}");
}
