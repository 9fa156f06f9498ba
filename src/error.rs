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
    #[error("{}: {}", path.display(), polars_cause(source))]
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
    #[error("report: {0}")]
    Report(String),
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

/// What a polars error says, once: its own message and those of its
/// contexts, each left out when another already says it, without the plan
/// dump of a lazy query, on one line.
pub fn polars_cause(error: &polars::error::PolarsError) -> String {
    use polars::error::PolarsError;
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(error);
    while let Some(e) = next {
        let (message, inner) = match e {
            PolarsError::Context { error, msg } => (msg.to_string(), Some(error.as_ref())),
            PolarsError::ExprContext { error, .. } => (String::new(), Some(error.as_ref())),
            other => (other.to_string(), None),
        };
        let message = message.split("Resolved plan").next().unwrap_or_default();
        let message = one_line(message);
        let message = message.trim_end_matches([':', ' ']);
        // A parquet error converted with its source says it twice: "A: A".
        let half = message.len().saturating_sub(2) / 2;
        let repeated = message
            .get(..half)
            .filter(|h| *message == format!("{h}: {h}"));
        parts.push(repeated.unwrap_or(message).to_string());
        next = inner;
    }
    // Innermost first: the cause, then what it stopped.
    parts.reverse();
    let mut kept: Vec<String> = Vec::new();
    for part in parts {
        if !part.is_empty()
            && !kept
                .iter()
                .any(|k| k.contains(&part) || part.contains(k.as_str()))
        {
            kept.push(part);
        }
    }
    kept.join(": ")
}

/// A message on one line: toml's and anyhow's span several lines (a source
/// excerpt, a chain of causes), and errors are reported in one.
pub fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use polars::error::{ErrString, PolarsError};

    use super::*;

    #[test]
    fn a_polars_error_says_its_cause_once() {
        let cause = "parquet: File out of specification: The file must end with PAR1";
        let twice = format!("{cause}: {cause}");
        let wrapped = PolarsError::ComputeError(ErrString::from(twice)).context(cause.into());
        let error = Error::polars(Path::new("t/x.parquet"), wrapped);
        assert_eq!(error.to_string(), format!("t/x.parquet: {cause}"));
        let planned =
            PolarsError::ColumnNotFound("column \"a\"\n\nResolved plan until failure: SCAN".into())
                .context("reading t".into());
        assert_eq!(polars_cause(&planned), "not found: column \"a\": reading t");
    }
}
