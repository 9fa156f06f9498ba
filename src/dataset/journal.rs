//! The journal of a publish: the list of moves (staged file → its place in
//! the dataset) and removals (files a re-extraction replaces) that turn the
//! dataset before a run into the dataset after it.
//!
//! It is written whole to a temporary file, flushed to the disk and renamed
//! into the staging directory before the first move, so it exists complete
//! or not at all. Applying it is idempotent: a move whose source is gone
//! was made, a removal whose file is gone was done. Whoever finds it (the
//! run that wrote it, or the next run or `entente check` after a failure)
//! applies it to the end, flushes the directories it changed, and only then
//! deletes it.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use super::fsops;
use crate::error::Error;

/// The journal's file name, in the staging directory.
pub const JOURNAL: &str = "journal";
const HEADER: &str = "entente journal 1";
const END: &str = "end";

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Journal {
    /// Paths relative to the staging directory and to the dataset alike.
    pub moves: Vec<PathBuf>,
    /// Paths relative to the dataset, removed after every move is made.
    pub removes: Vec<PathBuf>,
}

impl Journal {
    /// Writes the journal into `staging` and flushes it to the disk.
    pub fn commit(&self, staging: &Path) -> Result<(), Error> {
        let mut text = format!("{HEADER}\n");
        let lines = |kind: &str, paths: &[PathBuf], text: &mut String| {
            for p in paths {
                text.push_str(&format!("{kind}\t{}\n", p.display()));
            }
        };
        lines("move", &self.moves, &mut text);
        lines("remove", &self.removes, &mut text);
        text.push_str(END);
        text.push('\n');
        let tmp = staging.join(format!("{JOURNAL}.tmp"));
        let mut file = fsops::create(&tmp).map_err(|e| Error::io(&tmp, e))?;
        file.write_all(text.as_bytes())
            .and_then(|()| file.sync_all())
            .map_err(|e| Error::io(&tmp, e))?;
        let path = staging.join(JOURNAL);
        fsops::rename(&tmp, &path).map_err(|e| Error::io(&path, e))?;
        fsops::sync_dir(staging).map_err(|e| Error::io(staging, e))
    }

    /// The journal a publish left in `staging`, if any.
    pub fn find(staging: &Path) -> Result<Option<Journal>, Error> {
        let path = staging.join(JOURNAL);
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(e) => return Err(Error::io(&path, e)),
        };
        let bad = |what: &str| Error::Dataset {
            path: path.clone(),
            message: format!("unreadable publish journal ({what})"),
        };
        let mut lines = text.lines();
        if lines.next() != Some(HEADER) {
            return Err(bad("unknown header"));
        }
        let mut journal = Journal::default();
        for line in lines {
            match line.split_once('\t') {
                Some(("move", p)) => journal.moves.push(PathBuf::from(p)),
                Some(("remove", p)) => journal.removes.push(PathBuf::from(p)),
                None if line == END => return Ok(Some(journal)),
                _ => return Err(bad("unknown line")),
            }
        }
        Err(bad("no end line"))
    }

    /// Makes every move and removal still to make, flushes the directories
    /// they changed, then deletes the journal.
    pub fn apply(&self, staging: &Path, out: &Path) -> Result<(), Error> {
        let mut changed = BTreeSet::new();
        for rel in &self.moves {
            let (from, to) = (staging.join(rel), out.join(rel));
            if from.exists() {
                let dir = to.parent().unwrap_or(out);
                if !dir.is_dir() {
                    fsops::create_dir_all(dir).map_err(|e| Error::io(dir, e))?;
                }
                fsops::rename(&from, &to).map_err(|e| Error::io(&to, e))?;
            } else if !to.exists() {
                return Err(Error::Dataset {
                    path: staging.join(JOURNAL),
                    message: format!(
                        "{} is neither staged nor published; the journal cannot be finished",
                        rel.display()
                    ),
                });
            }
            changed.extend(ancestors(rel, out));
        }
        for rel in &self.removes {
            let path = out.join(rel);
            if path.exists() {
                fsops::remove_file(&path).map_err(|e| Error::io(&path, e))?;
            }
            changed.extend(ancestors(rel, out));
        }
        // Deepest first, so a new directory's entries reach the disk before
        // its own entry in its parent.
        for dir in changed.iter().rev() {
            fsops::sync_dir(dir).map_err(|e| Error::io(dir, e))?;
        }
        let path = staging.join(JOURNAL);
        fsops::remove_file(&path).map_err(|e| Error::io(&path, e))
    }
}

/// The directories of `out` between `out` and the file `rel`, `out` included.
fn ancestors(rel: &Path, out: &Path) -> Vec<PathBuf> {
    rel.ancestors()
        .skip(1)
        .map(|a| out.join(a))
        .collect::<Vec<_>>()
}

/// Every file under `dir`, relative to it, sorted.
pub fn files_under(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    fn walk(root: &Path, dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
        for entry in fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
            let path = entry.map_err(|e| Error::io(dir, e))?.path();
            if path.is_dir() {
                walk(root, &path, files)?;
            } else {
                files.push(path.strip_prefix(root).expect("under root").to_path_buf());
            }
        }
        Ok(())
    }
    let mut files = Vec::new();
    walk(dir, dir, &mut files)?;
    files.sort();
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_journal_reads_back_and_applies_idempotently() {
        let tmp = tempfile::tempdir().unwrap();
        let (staging, out) = (tmp.path().join(".staging"), tmp.path().to_path_buf());
        fs::create_dir_all(staging.join("t/year=2025")).unwrap();
        fs::create_dir_all(out.join("old")).unwrap();
        fs::write(staging.join("t/year=2025/a.parquet"), "a").unwrap();
        fs::write(staging.join("b.parquet"), "b").unwrap();
        fs::write(out.join("old/x.parquet"), "x").unwrap();
        let journal = Journal {
            moves: files_under(&staging).unwrap(),
            removes: vec![PathBuf::from("old/x.parquet")],
        };
        assert_eq!(
            journal.moves,
            [Path::new("b.parquet"), Path::new("t/year=2025/a.parquet")]
        );
        journal.commit(&staging).unwrap();
        let found = Journal::find(&staging).unwrap().unwrap();
        assert_eq!(found, journal);
        // One move made before a failure: applying again finishes the rest.
        fs::rename(staging.join("b.parquet"), out.join("b.parquet")).unwrap();
        found.apply(&staging, &out).unwrap();
        assert_eq!(fs::read(out.join("t/year=2025/a.parquet")).unwrap(), b"a");
        assert!(!out.join("old/x.parquet").exists());
        assert!(
            Journal::find(&staging).unwrap().is_none(),
            "deleted at the end"
        );
    }

    #[test]
    fn a_lost_file_stops_the_journal_and_keeps_it() {
        let tmp = tempfile::tempdir().unwrap();
        let staging = tmp.path().join(".staging");
        fs::create_dir_all(&staging).unwrap();
        let journal = Journal {
            moves: vec![PathBuf::from("t/gone.parquet")],
            removes: Vec::new(),
        };
        journal.commit(&staging).unwrap();
        let err = journal.apply(&staging, tmp.path()).unwrap_err().to_string();
        assert!(
            err.contains("gone.parquet") && err.contains(JOURNAL),
            "{err}"
        );
        assert!(staging.join(JOURNAL).exists());
    }
}
