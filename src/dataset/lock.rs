//! One writer per dataset: `DIR/.entente.lock`.
//!
//! The lock is an OS file lock (`flock`), so the kernel releases it when a
//! run dies, even by SIGKILL: a lock can never stay stuck. The holder writes
//! its pid and start time into the file and empties it when it finishes, so a
//! non-empty file that nobody holds is the trace of a killed run (a stale
//! lock), reported to the next run, which then cleans up after it.
//!
//! Shards of one job run at once on one dataset: each holds the main lock
//! *shared* and its own `DIR/.entente.shard-I-of-N.lock` exclusively, so two
//! copies of one shard, or a shard and an unsharded run, exclude each other.
//! Lock files are never deleted: deleting one while another process waits on
//! it would let two runs hold "the" lock on two different files.

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

use crate::config::Shard;
use crate::error::Error;

pub const LOCK_FILE: &str = ".entente.lock";

/// Held for the whole run; released (and its file emptied) on drop.
pub struct Lock {
    /// The file holding this run's pid: the main lock file, or the shard's.
    own: File,
    /// The shared main lock of a shard, kept open to keep it held.
    _main: Option<File>,
    /// What the previous holder of `own` left behind when it was killed.
    pub stale: Option<String>,
}

impl Lock {
    pub fn acquire(out: &Path, shard: Option<Shard>) -> Result<Lock, Error> {
        super::fsops::create_dir_all(out).map_err(|e| Error::io(out, e))?;
        let main_path = out.join(LOCK_FILE);
        let main = open(&main_path)?;
        let (own, main) = match shard {
            None => {
                try_lock(&main_path, &main, false)?;
                (main, None)
            }
            Some(s) => {
                try_lock(&main_path, &main, true)?;
                let path = out.join(format!(".entente.shard-{}-of-{}.lock", s.index, s.count));
                let own = open(&path)?;
                try_lock(&path, &own, false)?;
                (own, Some(main))
            }
        };
        let mut lock = Lock {
            own,
            _main: main,
            stale: None,
        };
        let previous = lock.contents();
        lock.stale = (!previous.trim().is_empty()).then(|| previous.trim().to_string());
        lock.write(&holder())
            .map_err(|e| Error::io(&out.join(LOCK_FILE), e))?;
        Ok(lock)
    }

    fn contents(&mut self) -> String {
        let mut s = String::new();
        // An unreadable file only loses the stale-lock notice.
        let _ = self.own.read_to_string(&mut s);
        s
    }

    fn write(&mut self, text: &str) -> std::io::Result<()> {
        self.own.set_len(0)?;
        self.own.rewind()?;
        self.own.write_all(text.as_bytes())?;
        self.own.sync_all()
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        // An empty file marks a clean finish; the OS lock goes with the handle.
        let _ = self.write("");
    }
}

fn open(path: &Path) -> Result<File, Error> {
    OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(path)
        .map_err(|e| Error::io(path, e))
}

fn try_lock(path: &Path, file: &File, shared: bool) -> Result<(), Error> {
    let result = if shared {
        file.try_lock_shared()
    } else {
        file.try_lock()
    };
    match result {
        Ok(()) => Ok(()),
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = File::open(path).and_then(|mut f| f.read_to_string(&mut text));
            let holder = match text.trim() {
                "" => "another entente run (sharded)".to_string(),
                who => format!("another entente run ({who})"),
            };
            Err(Error::Locked {
                path: PathBuf::from(path),
                holder,
            })
        }
        Err(TryLockError::Error(e)) => Err(Error::io(path, e)),
    }
}

fn holder() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").unwrap_or_default();
    format!(
        "pid {} on {}, started {}",
        std::process::id(),
        host.trim(),
        super::runs::rfc3339(super::runs::now_micros())
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_and_dropped_lock_is_clean() {
        let dir = tempfile::tempdir().unwrap();
        let first = Lock::acquire(dir.path(), None).unwrap();
        assert!(first.stale.is_none());
        let err = Lock::acquire(dir.path(), None).err().unwrap().to_string();
        assert!(err.contains(LOCK_FILE) && err.contains("pid"), "{err}");
        let shard = Shard { index: 0, count: 2 };
        assert!(Lock::acquire(dir.path(), Some(shard)).is_err());
        drop(first);
        let a = Lock::acquire(dir.path(), Some(shard)).unwrap();
        let b = Lock::acquire(dir.path(), Some(Shard { index: 1, count: 2 })).unwrap();
        assert!(Lock::acquire(dir.path(), Some(shard)).is_err());
        assert!(Lock::acquire(dir.path(), None).is_err());
        drop((a, b));
        assert!(Lock::acquire(dir.path(), None).unwrap().stale.is_none());
    }

    #[test]
    fn a_filled_unheld_lock_is_reported_as_stale() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(LOCK_FILE), "pid 1 on x, started y").unwrap();
        let lock = Lock::acquire(dir.path(), None).unwrap();
        assert_eq!(lock.stale.as_deref(), Some("pid 1 on x, started y"));
    }
}
