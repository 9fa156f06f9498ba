//! Staging and publishing, so that a run killed or failing at any moment
//! leaves the dataset as it was before the run or as it is after it.
//!
//! A run writes every new file under a staging directory inside the output
//! directory (`DIR/.staging`, or `DIR/.staging-shard-I-of-N`), with the same
//! relative paths they will have in the dataset. To publish, it flushes them
//! to the disk, commits the [`Journal`] of the moves (and, for a
//! re-extraction, the removals), then applies it: new part files appear,
//! rewritten ones (`theme_counts`) are replaced atomically. A staging
//! directory an earlier run left behind is discarded by the next run if it
//! has no journal (the dataset was never touched) and finished by it if it
//! has one.

use std::path::{Path, PathBuf};

use super::fsops;
use super::journal::{files_under, Journal};
use crate::config::Shard;
use crate::error::Error;

/// The marker older versions wrote where the journal now goes: all their
/// staged files were to be moved.
const LEGACY_COMPLETE: &str = "COMPLETE";

/// A run's staging directory; removed on drop unless publishing began.
pub struct Staging {
    out: PathBuf,
    dir: PathBuf,
    publishing: bool,
}

pub fn staging_name(shard: Option<Shard>) -> String {
    match shard {
        None => ".staging".into(),
        Some(s) => format!(".staging-shard-{}-of-{}", s.index, s.count),
    }
}

impl Staging {
    /// Starts staging for a run holding the lock of `shard` (see [`recover`]
    /// for what an earlier run may have left).
    pub fn begin(out: &Path, shard: Option<Shard>) -> Result<Staging, Error> {
        let dir = out.join(staging_name(shard));
        fsops::create_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            out: out.to_path_buf(),
            dir,
            publishing: false,
        })
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Where the file `relative` to the dataset is staged.
    pub fn path(&self, relative: &Path) -> PathBuf {
        self.dir.join(relative)
    }

    /// Moves every staged file into the dataset, then removes `removes`
    /// (paths relative to the dataset). The files reach the disk before
    /// the journal does, so that after a power loss a journal never vouches
    /// for a truncated file. Once publishing has begun, a failure leaves
    /// the staging directory to the next run, which finishes the journal
    /// (or, if it was never committed, discards the files).
    pub fn publish(mut self, removes: Vec<PathBuf>) -> Result<(), Error> {
        self.publishing = true;
        sync_tree(&self.dir)?;
        let journal = Journal {
            moves: files_under(&self.dir)?,
            removes,
        };
        journal.commit(&self.dir)?;
        journal.apply(&self.dir, &self.out)?;
        fsops::remove_dir_all(&self.dir).map_err(|e| Error::io(&self.dir, e))
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.publishing {
            // A failed run leaves nothing; a killed one is cleaned by `recover`.
            let _ = fsops::remove_dir_all(&self.dir);
        }
    }
}

/// What [`recover`] did with a staging directory an earlier run left.
#[derive(Debug, PartialEq, Eq)]
pub enum Recovered {
    Discarded(PathBuf),
    Published(PathBuf),
}

/// Finishes or discards the staging directories earlier runs left. An
/// unsharded run holds the dataset alone and cleans them all; a shard only
/// its own, since the other shards may be running.
pub fn recover(out: &Path, shard: Option<Shard>) -> Result<Vec<Recovered>, Error> {
    let own = staging_name(shard);
    let mut done = Vec::new();
    if !out.is_dir() {
        return Ok(done);
    }
    for entry in std::fs::read_dir(out).map_err(|e| Error::io(out, e))? {
        let dir = entry.map_err(|e| Error::io(out, e))?.path();
        let name = dir.file_name().unwrap_or_default().to_string_lossy();
        let ours = name == own.as_str() || (shard.is_none() && name.starts_with(".staging"));
        if !ours || !dir.is_dir() {
            continue;
        }
        let journal = match Journal::find(&dir)? {
            Some(journal) => Some(journal),
            None if dir.join(LEGACY_COMPLETE).exists() => {
                let mut moves = files_under(&dir)?;
                moves.retain(|f| f != Path::new(LEGACY_COMPLETE));
                Some(Journal {
                    moves,
                    removes: Vec::new(),
                })
            }
            None => None,
        };
        match journal {
            Some(journal) => {
                journal.apply(&dir, out)?;
                done.push(Recovered::Published(dir.clone()));
            }
            None => done.push(Recovered::Discarded(dir.clone())),
        }
        fsops::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
    }
    Ok(done)
}

/// Flushes every file and directory under `dir` (and `dir`) to the disk.
fn sync_tree(dir: &Path) -> Result<(), Error> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            sync_tree(&path)?;
        } else {
            fsops::sync_file(&path).map_err(|e| Error::io(&path, e))?;
        }
    }
    fsops::sync_dir(dir).map_err(|e| Error::io(dir, e))
}

#[cfg(test)]
mod tests {
    use std::fs;

    use super::*;
    use crate::dataset::journal::JOURNAL;

    fn stage(staging: &Staging, rel: &str, text: &str) {
        let path = staging.path(Path::new(rel));
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    #[test]
    fn staged_files_appear_only_on_publish_and_staging_goes() {
        let dir = tempfile::tempdir().unwrap();
        let first = Staging::begin(dir.path(), None).unwrap();
        stage(&first, "t/part-00000.parquet", "1");
        stage(&first, "u/part-a.parquet", "a");
        first.publish(Vec::new()).unwrap();
        let second = Staging::begin(dir.path(), None).unwrap();
        stage(&second, "t/part-00000.parquet", "2");
        stage(&second, "u/part-b.parquet", "b");
        let read = |rel: &str| fs::read_to_string(dir.path().join(rel)).unwrap();
        assert_eq!(read("t/part-00000.parquet"), "1", "not visible yet");
        second
            .publish(vec![PathBuf::from("u/part-a.parquet")])
            .unwrap();
        assert_eq!(read("t/part-00000.parquet"), "2");
        assert!(!dir.path().join("u/part-a.parquet").exists(), "removed");
        let mut entries: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        entries.sort();
        assert_eq!(entries, ["t", "u"]);
    }

    #[test]
    fn recovery_discards_uncommitted_staging_and_finishes_a_journal() {
        let dir = tempfile::tempdir().unwrap();
        let staged = |shard, journal: bool| {
            let s = Staging::begin(dir.path(), shard).unwrap();
            stage(&s, "t/part-00000.parquet", "x");
            if journal {
                Journal {
                    moves: files_under(s.dir()).unwrap(),
                    removes: Vec::new(),
                }
                .commit(s.dir())
                .unwrap();
            }
            // Forget the guard, as a killed process would.
            std::mem::forget(s);
        };
        staged(None, false);
        let shard = Some(Shard { index: 0, count: 2 });
        staged(shard, true);
        let done = recover(dir.path(), shard).unwrap();
        assert_eq!(done.len(), 1, "a shard recovers only its own staging");
        assert!(dir.path().join("t/part-00000.parquet").exists());
        let done = recover(dir.path(), None).unwrap();
        assert!(matches!(done[..], [Recovered::Discarded(_)]));
        assert!(!dir.path().join(".staging").exists());
        assert!(!dir.path().join(staging_name(shard)).join(JOURNAL).exists());
    }
}
