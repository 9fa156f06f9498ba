//! Every notebook under notebooks/ runs headless on the seeds' tables
//! without a cell error.

use std::process::Command;

use crate::harness::{python, repo, seeds_out, stderr, stdout};

#[test]
fn every_notebook_runs_on_the_seeds_output() {
    let mut notebooks: Vec<_> = std::fs::read_dir(repo().join("notebooks"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "ipynb"))
        .collect();
    notebooks.sort();
    assert!(!notebooks.is_empty(), "no notebook under notebooks/");
    let o = Command::new(python())
        .arg(repo().join("scripts/run_notebooks.py"))
        .args(&notebooks)
        .env("ENTENTE_OUT", seeds_out())
        .output()
        .expect("python runs");
    assert!(
        o.status.success(),
        "a notebook failed:\n{}\n{}",
        stdout(&o),
        stderr(&o)
    );
}
