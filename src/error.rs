//! Library errors: each names the input at fault.

use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{}: invalid lexicon: {message}", path.display())]
    Lexicon { path: PathBuf, message: String },
    #[error("{}:{line}: {message}", path.display())]
    Input {
        path: PathBuf,
        line: usize,
        message: String,
    },
    #[error("{}: invalid corpus templates: {message}", path.display())]
    Templates { path: PathBuf, message: String },
    #[error("{}: {message}", path.display())]
    Gold { path: PathBuf, message: String },
    #[error("{}: {source}", path.display())]
    Polars {
        path: PathBuf,
        source: polars::error::PolarsError,
    },
    #[error("{}:{line}: {key}: {message}", path.display())]
    Config {
        path: PathBuf,
        line: usize,
        key: String,
        message: String,
    },
    #[error("{}: {holder} is writing to this dataset; this run stops (try again when it has finished)", path.display())]
    Locked { path: PathBuf, holder: String },
    #[error("{}: {message}", path.display())]
    Plot { path: PathBuf, message: String },
    #[error("{}: {message}", path.display())]
    Dataset { path: PathBuf, message: String },
    #[error("{0}")]
    Usage(String),
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.to_path_buf(),
            source,
        }
    }

    pub fn polars(path: &Path, source: polars::error::PolarsError) -> Error {
        Error::Polars {
            path: path.to_path_buf(),
            source,
        }
    }
}

/// A message on one line: toml's and anyhow's span several lines (a source
/// excerpt, a chain of causes), and errors are reported in one.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}
