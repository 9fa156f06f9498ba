//! The file-system steps that change a dataset (create, write, sync,
//! rename, remove), each one a failpoint.
//!
//! `ENTENTE_FAIL_STEP=N` makes the N-th step of the process (the first is
//! step 1) fail with an I/O error, as a full disk or a failing device would;
//! `ENTENTE_FAIL_STEP=list` prints every step to stderr
//! (`entente-step N: KIND PATH`). Unset, a step costs one relaxed atomic
//! increment. The hook is compiled in always, rather than behind a cargo
//! feature (as the `fail` crate's are), because the tests that use it run
//! the `entente` binary itself, which `cargo test` builds with the
//! package's ordinary features.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

pub const FAIL_STEP_VAR: &str = "ENTENTE_FAIL_STEP";

enum Plan {
    Off,
    List,
    Fail(usize),
}

fn plan() -> &'static Plan {
    static PLAN: OnceLock<Plan> = OnceLock::new();
    PLAN.get_or_init(|| match std::env::var(FAIL_STEP_VAR).as_deref() {
        Ok("list") => Plan::List,
        Ok(n) => n.parse().map_or(Plan::Off, Plan::Fail),
        Err(_) => Plan::Off,
    })
}

static STEPS: AtomicUsize = AtomicUsize::new(0);

/// Counts one step, and fails it if it is the one `ENTENTE_FAIL_STEP` names.
fn step(kind: &str, path: &Path) -> io::Result<()> {
    let n = STEPS.fetch_add(1, Ordering::Relaxed) + 1;
    match plan() {
        Plan::Off => Ok(()),
        Plan::List => {
            eprintln!("entente-step {n}: {kind} {}", path.display());
            Ok(())
        }
        Plan::Fail(at) if *at == n => Err(io::Error::other(format!(
            "injected failure of step {n} ({kind})"
        ))),
        Plan::Fail(_) => Ok(()),
    }
}

pub fn create_dir_all(path: &Path) -> io::Result<()> {
    step("create", path)?;
    fs::create_dir_all(path)
}

/// A new file, truncated if it exists; its first write is a step too.
pub fn create(path: &Path) -> io::Result<StepFile> {
    step("create", path)?;
    Ok(StepFile {
        file: File::create(path)?,
        path: path.to_path_buf(),
        written: false,
    })
}

/// Flushes a file's data to the disk.
pub fn sync_file(path: &Path) -> io::Result<()> {
    step("sync", path)?;
    File::open(path)?.sync_all()
}

/// Flushes a directory's entries (files created or renamed in it).
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    // Windows cannot open a directory as a file; its renames are journaled.
    if cfg!(windows) {
        return Ok(());
    }
    step("sync", dir)?;
    File::open(dir)?.sync_all()
}

pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    step("rename", to)?;
    fs::rename(from, to)
}

pub fn remove_file(path: &Path) -> io::Result<()> {
    step("remove", path)?;
    fs::remove_file(path)
}

pub fn remove_dir_all(path: &Path) -> io::Result<()> {
    step("remove", path)?;
    fs::remove_dir_all(path)
}

/// A file being written; see [`create`].
pub struct StepFile {
    file: File,
    path: PathBuf,
    written: bool,
}

impl StepFile {
    pub fn sync_all(&self) -> io::Result<()> {
        step("sync", &self.path)?;
        self.file.sync_all()
    }
}

impl Write for StepFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if !self.written {
            step("write", &self.path)?;
            self.written = true;
        }
        self.file.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}
