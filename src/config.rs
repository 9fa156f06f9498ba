//! Pipeline configs (`pipelines/*.toml`): what a scheduled run reads, where it
//! writes and how. Command-line flags override the values of the file.
//!
//! Relative paths in a config file are resolved against the file's directory,
//! so a cron job gives the same result whatever its working directory.

use std::fmt;
use std::num::NonZeroUsize;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::Error;

/// Hive-style directories of the partitioned tables (see docs/operations.md).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum PartitionBy {
    /// Flat `DIR/<table>/part-*.parquet`.
    #[default]
    None,
    /// `DIR/<table>/year=YYYY/part-*.parquet`.
    Year,
    /// `DIR/<table>/year=YYYY/month=M/part-*.parquet`.
    Month,
}

impl PartitionBy {
    pub fn as_str(self) -> &'static str {
        match self {
            PartitionBy::None => "none",
            PartitionBy::Year => "year",
            PartitionBy::Month => "month",
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Compression {
    #[default]
    Zstd,
    Snappy,
    Gzip,
    Lz4,
    Uncompressed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Limits {
    /// New articles extracted per run; the rest wait for the next run.
    pub max_articles: Option<NonZeroUsize>,
    /// Larger articles are rejected (they are usually crawler accidents).
    pub max_article_bytes: Option<NonZeroUsize>,
}

/// `--shard I/N`: this copy extracts the articles whose content hash is I modulo N.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("bad shard {s:?}: want I/N with 0 <= I < N, e.g. 0/4");
        let (i, n) = s.split_once('/').ok_or_else(bad)?;
        let (index, count) = (i.parse().map_err(|_| bad())?, n.parse().map_err(|_| bad())?);
        if index >= count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

/// A pipeline file, or the command-line flags: every value optional, so that
/// flags can be laid over a file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pipeline {
    /// Files, directories or glob patterns (`/srv/crawl/*/today.jsonl`).
    pub inputs: Option<Vec<PathBuf>>,
    pub out: Option<PathBuf>,
    pub partition_by: Option<PartitionBy>,
    pub compression: Option<Compression>,
    /// Article languages to keep (`lang` of the record; `.txt` files are "fr").
    pub languages: Option<Vec<String>>,
    #[serde(default)]
    pub limits: Limits,
}

/// What a run does, once file and flags are merged.
#[derive(Debug, Clone, Serialize)]
pub struct Settings {
    pub inputs: Vec<PathBuf>,
    /// Not part of the config hash: the same job into two directories is
    /// the same job (and must write the same bytes).
    #[serde(skip)]
    pub out: PathBuf,
    pub partition_by: PartitionBy,
    pub compression: Compression,
    /// Empty: every language.
    pub languages: Vec<String>,
    pub limits: Limits,
    /// Not part of the config hash: shards of one job share a config.
    #[serde(skip)]
    pub shard: Option<Shard>,
    /// The hash of the lexicon the run extracts with (`runs::lexicon_hash`).
    pub lexicon_hash: String,
    /// Extract again the articles of the dataset instead of reading inputs.
    pub reextract: bool,
}

impl Pipeline {
    /// Reads a pipeline file; errors name the file, the line and the key.
    pub fn load(path: &Path) -> Result<Pipeline, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        let mut pipeline: Pipeline =
            toml::from_str(&text).map_err(|e| config_error(path, &text, &e))?;
        let base = path.parent().unwrap_or(Path::new(""));
        if let Some(inputs) = &mut pipeline.inputs {
            for input in inputs.iter_mut() {
                *input = base.join(&*input);
            }
        }
        if let Some(out) = &mut pipeline.out {
            *out = base.join(&*out);
        }
        Ok(pipeline)
    }

    /// Lays `flags` over `self`: a value given on both sides comes from `flags`.
    pub fn overridden_by(self, flags: Pipeline) -> Pipeline {
        Pipeline {
            inputs: flags.inputs.or(self.inputs),
            out: flags.out.or(self.out),
            partition_by: flags.partition_by.or(self.partition_by),
            compression: flags.compression.or(self.compression),
            languages: flags.languages.or(self.languages),
            limits: Limits {
                max_articles: flags.limits.max_articles.or(self.limits.max_articles),
                max_article_bytes: flags
                    .limits
                    .max_article_bytes
                    .or(self.limits.max_article_bytes),
            },
        }
    }

    /// Fills in the defaults: `seeds/` in, `out/` out, no partitions, zstd.
    pub fn settings(self, shard: Option<Shard>) -> Settings {
        Settings {
            inputs: self.inputs.unwrap_or_else(|| vec![PathBuf::from("seeds")]),
            out: self.out.unwrap_or_else(|| PathBuf::from("out")),
            partition_by: self.partition_by.unwrap_or_default(),
            compression: self.compression.unwrap_or_default(),
            languages: self.languages.unwrap_or_default(),
            limits: self.limits,
            shard,
            lexicon_hash: String::new(),
            reextract: false,
        }
    }
}

/// Maps a toml/serde error to `file:line: key: message`. toml gives the byte
/// span of the offending key or value; the key is read back from that line,
/// prefixed with the `[table]` it sits in.
fn config_error(path: &Path, text: &str, e: &toml::de::Error) -> Error {
    let start = e.span().map_or(0, |s| s.start).min(text.len());
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_text = text[line_start..].lines().next().unwrap_or("");
    let key = match line_text.split_once('=') {
        Some((key, _)) => key.trim(),
        // The span is the key itself (unknown field) or a table header.
        None => e
            .span()
            .and_then(|s| text.get(s))
            .unwrap_or("")
            .trim_matches(['[', ']', ' ']),
    };
    let table = text[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))
        .map(|l| l.trim_matches(['[', ']', ' ']));
    let key = match table {
        Some(table) if table != key && !key.is_empty() => format!("{table}.{key}"),
        _ => key.to_string(),
    };
    Error::Config {
        path: path.to_path_buf(),
        line: text[..start].matches('\n').count() + 1,
        key,
        message: e.message().trim().to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load(text: &str) -> Result<Pipeline, Error> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(&path, text).unwrap();
        Pipeline::load(&path)
    }

    fn error(text: &str) -> (usize, String, String) {
        match load(text) {
            Err(Error::Config {
                line, key, message, ..
            }) => (line, key, message),
            other => panic!("expected a config error, got {other:?}"),
        }
    }

    #[test]
    fn unknown_keys_and_bad_values_name_line_and_key() {
        let (line, key, message) = error("out = \"x\"\n\npartition_by = \"week\"\n");
        assert_eq!((line, key.as_str()), (3, "partition_by"));
        assert!(message.contains("week"), "{message}");
        let (line, key, _) = error("out = \"x\"\noutput = \"y\"\n");
        assert_eq!((line, key.as_str()), (2, "output"));
        let (line, key, _) = error("[limits]\nmax_articles = 0\n");
        assert_eq!((line, key.as_str()), (2, "limits.max_articles"));
        let (line, key, _) = error("[limits]\nmax_bytes = 10\n");
        assert_eq!((line, key.as_str()), (2, "limits.max_bytes"));
    }

    #[test]
    fn paths_are_relative_to_the_file_and_flags_win() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("p.toml");
        std::fs::write(
            &path,
            "inputs = [\"in/*.jsonl\"]\nout = \"ds\"\npartition_by = \"month\"\n[limits]\nmax_articles = 5\n",
        )
        .unwrap();
        let flags = Pipeline {
            partition_by: Some(PartitionBy::Year),
            ..Pipeline::default()
        };
        let s = Pipeline::load(&path)
            .unwrap()
            .overridden_by(flags)
            .settings(None);
        assert_eq!(s.inputs, [dir.path().join("in/*.jsonl")]);
        assert_eq!(s.out, dir.path().join("ds"));
        assert_eq!(s.partition_by, PartitionBy::Year);
        assert_eq!(s.limits.max_articles, NonZeroUsize::new(5));
        assert_eq!(s.compression, Compression::Zstd);
    }

    #[test]
    fn shards_parse_only_when_index_is_below_count() {
        assert_eq!("1/2".parse(), Ok(Shard { index: 1, count: 2 }));
        for bad in ["2/2", "1", "a/2", "0/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad}");
        }
    }
}
