//! Stage 1: find the input files and read them into articles.
//!
//! `.txt` files hold one article (first non-empty line is the title);
//! `.jsonl`, `.ndjson` and `.json` files hold one article per line, in any
//! letter case, and may be compressed with gzip (`.jsonl.gz`) or zstd
//! (`.jsonl.zst`): they are decompressed as they are read, never whole. A
//! bad JSON line is rejected with its file and line number; the other lines
//! are still read.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use flate2::bufread::MultiGzDecoder;
use serde::Deserialize;

use crate::error::Error;
use crate::fold::{char_starts, count_bytes, fold};

/// An article as read, before any cleaning.
#[derive(Debug, Clone, PartialEq)]
pub struct RawArticle {
    /// File path, or the record's url when it has one.
    pub source: String,
    /// Short name used to match gold files: the file name, or the record id.
    pub name: String,
    /// The record's `url`, if it has one.
    pub url: Option<String>,
    pub title: String,
    /// Whether `text` starts with the title line: always for a `.txt` file;
    /// for a JSON Lines record only when it has no `title` or its text
    /// repeats it (a crawler's `text` is usually the body alone).
    pub title_in_text: bool,
    pub published: Option<NaiveDate>,
    /// The record's `lang`; unknown for a `.txt` file, whose language is
    /// recognised from its text.
    pub lang: Option<String>,
    pub text: String,
}

impl RawArticle {
    /// A text held in memory as one article, its first line the title, in
    /// `lang` or in the language recognised from it.
    pub fn from_text(name: &str, text: String, lang: Option<&str>) -> RawArticle {
        RawArticle {
            source: name.into(),
            name: name.into(),
            url: None,
            title: String::new(),
            title_in_text: true,
            published: None,
            lang: lang.map(str::to_string),
            text,
        }
    }
}

/// An input that could not be read as an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reject {
    pub source: String,
    pub line: Option<usize>,
    pub reason: String,
}

#[derive(Deserialize)]
struct Record {
    id: Option<String>,
    url: Option<String>,
    title: Option<String>,
    published: Option<String>,
    lang: Option<String>,
    text: Option<String>,
}

/// Expands the inputs that are glob patterns (`crawl/2025-*/*.jsonl`), in
/// sorted order; a pattern that matches nothing is an error, since a nightly
/// run that finds no file usually means the crawler did not run.
pub fn expand_globs(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut out = Vec::new();
    for input in inputs {
        let pattern = input.to_string_lossy();
        if !pattern.contains(['*', '?', '[']) {
            out.push(input.clone());
            continue;
        }
        let bad = |message: String| Error::Usage(format!("{pattern}: {message}"));
        let mut matched: Vec<PathBuf> = glob::glob(&pattern)
            .map_err(|e| bad(format!("bad glob pattern: {e}")))?
            .collect::<Result<_, _>>()
            .map_err(|e| Error::io(e.path(), std::io::Error::other(e.to_string())))?;
        if matched.is_empty() {
            return Err(bad("the pattern matches no file".into()));
        }
        matched.sort();
        out.extend(matched);
    }
    Ok(out)
}

/// Lists the article files under the given paths, sorted, so runs are deterministic.
pub fn discover(inputs: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for input in inputs {
        let meta = std::fs::metadata(input).map_err(|e| Error::io(input, e))?;
        if meta.is_dir() {
            walk(input, &mut files)?;
        } else {
            files.push(input.clone());
        }
    }
    files.sort();
    files.dedup();
    Ok(files)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) -> Result<(), Error> {
    for entry in std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))? {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.is_dir() {
            walk(&path, files)?;
        } else if kind(&path).is_some() && !is_json_document(&path) {
            files.push(path);
        }
    }
    Ok(())
}

/// Whether a plain `.json` file is one JSON document (its first line is
/// not a whole record: `{` alone, as in pretty-printed JSON such as gold
/// files) rather than JSON Lines: a directory's JSON documents are not
/// articles. A file named on the command line is read anyway.
fn is_json_document(path: &Path) -> bool {
    let json = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("json"));
    if !json {
        return false;
    }
    let mut first = Vec::new();
    let read = File::open(path).and_then(|f| {
        let mut reader = BufReader::new(f).take(1 << 20);
        read_line(&mut reader, &mut first)
    });
    read.is_ok()
        && serde_json::from_slice::<serde_json::Value>(first.trim_ascii())
            .map_or(true, |v| !v.is_object())
}

/// What an article file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    JsonLines,
}

/// How an article file is compressed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Packing {
    Plain,
    Gzip,
    Zstd,
}

/// The format and compression of an article file, by its name in any
/// letter case; `None` for a file that is not one.
fn kind(path: &Path) -> Option<(Format, Packing)> {
    let name = path.file_name()?.to_str()?.to_ascii_lowercase();
    let (stem, packing) = match name.rsplit_once('.')? {
        (stem, "gz") => (stem, Packing::Gzip),
        (stem, "zst") => (stem, Packing::Zstd),
        _ => (name.as_str(), Packing::Plain),
    };
    let format = match stem.rsplit_once('.')?.1 {
        "txt" => Format::Text,
        "jsonl" | "ndjson" | "json" => Format::JsonLines,
        _ => return None,
    };
    Some((format, packing))
}

/// A file named on the command line is read by its name too, and as one
/// text article if its name says nothing.
fn kind_or_text(path: &Path) -> (Format, Packing) {
    kind(path).unwrap_or((Format::Text, Packing::Plain))
}

/// What a file gives, in file order.
#[derive(Debug, PartialEq)]
pub enum Item {
    Article(RawArticle),
    Reject(Reject),
}

/// The articles and rejects of one file. A JSON Lines file in UTF-8 is read
/// a line at a time, so that a run never holds a large file whole; any
/// other file is read whole.
pub struct Articles<'a> {
    origin: Origin<'a>,
    from: From<'a>,
}

/// The file the items come from.
struct Origin<'a> {
    path: &'a Path,
    format: Format,
    name: String,
    source: String,
}

enum From<'a> {
    Lines(Lines<'a>),
    Whole(std::vec::IntoIter<Item>),
}

struct Lines<'a> {
    reader: Box<dyn BufRead + 'a>,
    /// The current line, its buffer reused.
    line: Vec<u8>,
    number: usize,
    /// The file starts with a UTF-8 byte order mark, dropped from line 1.
    bom: bool,
    /// Bytes of the file read so far.
    bytes: u64,
}

/// Opens `path` for reading its articles.
pub fn read_file(path: &Path) -> Result<Articles<'_>, Error> {
    let (format, packing) = kind_or_text(path);
    fn buffered<R: io::Read>(r: R) -> BufReader<R> {
        BufReader::with_capacity(1 << 20, r)
    }
    let articles = match packing {
        Packing::Plain => Articles::new(path, format, || Ok(buffered(File::open(path)?))),
        // Several gzip members one after the other are one file (`cat a.gz b.gz`).
        Packing::Gzip => Articles::new(path, format, || {
            Ok(buffered(MultiGzDecoder::new(BufReader::new(File::open(
                path,
            )?))))
        }),
        Packing::Zstd => Articles::new(path, format, || {
            Ok(buffered(zstd::stream::read::Decoder::new(File::open(
                path,
            )?)?))
        }),
    };
    articles.map_err(|e| Error::io(path, e))
}

/// Reads bytes as the content of the file at `path` (which need not exist:
/// only its name and extension are used), as [`read_file`] does; the fuzz
/// target feeds it bytes directly.
pub fn read_bytes<'a>(path: &'a Path, bytes: &'a [u8]) -> Articles<'a> {
    Articles::new(path, kind_or_text(path).0, || Ok(bytes)).expect("reading memory cannot fail")
}

impl<'a> Articles<'a> {
    /// `open` gives a reader at the start of the file; a JSON Lines file is
    /// read twice, first to check it the way a whole file is checked.
    fn new<R: BufRead + 'a>(
        path: &'a Path,
        format: Format,
        open: impl Fn() -> io::Result<R>,
    ) -> io::Result<Self> {
        let origin = Origin {
            path,
            format,
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            source: path.display().to_string(),
        };
        let scan = if format == Format::JsonLines {
            scan(open()?)?
        } else {
            Scan::Whole
        };
        let from = match scan {
            Scan::Utf8 { bom } => From::Lines(Lines {
                reader: Box::new(open()?),
                line: Vec::new(),
                number: 0,
                bom,
                bytes: 0,
            }),
            Scan::Reject(reason) => {
                From::Whole(vec![origin.reject(None, reason.into())].into_iter())
            }
            Scan::Whole => {
                let mut bytes = Vec::new();
                open()?.read_to_end(&mut bytes)?;
                From::Whole(origin.whole(bytes).into_iter())
            }
        };
        Ok(Articles { origin, from })
    }
}

impl Origin<'_> {
    fn reject(&self, line: Option<usize>, reason: String) -> Item {
        Item::Reject(Reject {
            source: self.source.clone(),
            line,
            reason,
        })
    }

    /// A JSON Lines line's record, or why it cannot be used; nothing for a
    /// blank line.
    fn line(&self, line: &str, number: usize) -> Option<Item> {
        if line.trim().is_empty() {
            return None;
        }
        Some(match parse_record(line, &self.name, number) {
            Ok(article) => Item::Article(article),
            Err(reason) => self.reject(Some(number), reason),
        })
    }

    /// Everything in a file read whole, decoded as [`decode`] says.
    fn whole(&self, bytes: Vec<u8>) -> Vec<Item> {
        let text = match decode(bytes) {
            Ok(text) => text,
            Err(reason) => return vec![self.reject(None, reason)],
        };
        if self.format == Format::JsonLines {
            text.lines()
                .enumerate()
                .filter_map(|(i, line)| self.line(line, i + 1))
                .collect()
        } else if text.trim().is_empty() {
            vec![self.reject(None, EMPTY_FILE.into())]
        } else {
            vec![Item::Article(RawArticle {
                source: self.source.clone(),
                name: self.name.clone(),
                url: None,
                title: first_line(&text).to_string(),
                title_in_text: true,
                published: None,
                lang: None,
                text,
            })]
        }
    }
}

impl Lines<'_> {
    /// The next non-blank line's item.
    fn next(&mut self, origin: &Origin) -> Option<Result<Item, Error>> {
        loop {
            self.line.clear();
            match read_line(&mut self.reader, &mut self.line) {
                Ok(0) => return None,
                Ok(n) => {
                    self.number += 1;
                    self.bytes += n as u64;
                }
                Err(e) => return Some(Err(Error::io(origin.path, e))),
            }
            if self.number == 1 && self.bom {
                self.line.drain(..UTF8_BOM.len());
            }
            // Line ends as `str::lines` sees them, as for a file read whole.
            if self.line.ends_with(b"\n") {
                self.line.pop();
                if self.line.ends_with(b"\r") {
                    self.line.pop();
                }
            }
            let item = match simdutf8::basic::from_utf8(&self.line) {
                Ok(text) => origin.line(text, self.number),
                // `scan` found the file valid UTF-8 just before.
                Err(_) => {
                    let reason = "not UTF-8 (the file changed while being read?)";
                    Some(origin.reject(Some(self.number), reason.into()))
                }
            };
            if let Some(item) = item {
                return Some(Ok(item));
            }
        }
    }
}

/// What a run reads articles from, file by file: input files, or a
/// dataset's `articles` table when it extracts them again.
pub trait Source: Iterator<Item = Result<Item, Error>> {
    /// Bytes of the file read so far, for progress; 0 when only the end of
    /// the file counts.
    fn bytes_read(&self) -> u64 {
        0
    }
}

impl Source for Articles<'_> {
    /// A JSON Lines file read a line at a time counts its lines; a file
    /// read whole counts nothing until its end.
    fn bytes_read(&self) -> u64 {
        match &self.from {
            From::Lines(lines) => lines.bytes,
            From::Whole(_) => 0,
        }
    }
}

/// [`read_file`], boxed as a [`Source`].
pub fn open_file(path: &Path) -> Result<Box<dyn Source + '_>, Error> {
    Ok(Box::new(read_file(path)?))
}

impl Iterator for Articles<'_> {
    type Item = Result<Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        match &mut self.from {
            From::Whole(items) => items.next().map(Ok),
            From::Lines(lines) => lines.next(&self.origin),
        }
    }
}

const UTF8_BOM: &[u8] = b"\xEF\xBB\xBF";

/// `BufRead::read_until(b'\n', line)`, with the memchr crate's vectorised
/// search: std's portable one was 2% of a run's time, reading each line twice.
fn read_line<R: BufRead + ?Sized>(reader: &mut R, line: &mut Vec<u8>) -> io::Result<usize> {
    let mut read = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        let (used, done) = match memchr::memchr(b'\n', available) {
            Some(i) => (i + 1, true),
            None => (available.len(), available.is_empty()),
        };
        line.extend_from_slice(&available[..used]);
        reader.consume(used);
        read += used;
        if done {
            return Ok(read);
        }
    }
}

/// What a JSON Lines file is, by a first pass over it.
enum Scan {
    /// UTF-8 text, with or without a BOM: read it line by line.
    Utf8 { bom: bool },
    /// Not text: the whole file is rejected, as [`decode`] would.
    Reject(&'static str),
    /// Another BOM (UTF-16), bytes that are not UTF-8, NUL bytes after a
    /// UTF-8 BOM (which [`decode`] treats apart), or not a JSON Lines file:
    /// read whole, through [`decode`].
    Whole,
}

/// The checks [`decode`] makes on a whole file, a line at a time.
fn scan(mut reader: impl BufRead) -> io::Result<Scan> {
    let (mut line, mut first, mut bom) = (Vec::new(), true, false);
    let (mut controls, mut chars) = (0, 0);
    while read_line(&mut reader, &mut line)? > 0 {
        if first && encoding_rs::Encoding::for_bom(&line).is_some() {
            if !line.starts_with(UTF8_BOM) {
                return Ok(Scan::Whole);
            }
            bom = true;
            line.drain(..UTF8_BOM.len());
        }
        first = false;
        if memchr::memchr(0, &line).is_some() {
            return Ok(if bom {
                Scan::Whole
            } else {
                Scan::Reject(NUL_BYTES)
            });
        }
        // SIMD validation: std's was 2% of a run, each line being checked twice.
        let Ok(text) = simdutf8::basic::from_utf8(&line) else {
            return Ok(Scan::Whole);
        };
        let (c, n) = control_count(text);
        controls += c;
        chars += n;
        line.clear();
    }
    Ok(if first {
        Scan::Reject(EMPTY_FILE)
    } else if too_many_controls(controls, chars) {
        Scan::Reject(CONTROL_CHARACTERS)
    } else {
        Scan::Utf8 { bom }
    })
}

/// The text of a file: UTF-8 (a BOM dropped), UTF-16 with a BOM, or
/// Windows-1252 (which covers Latin-1) when the bytes can only be that: no
/// NUL, and every byte above ASCII decodes to a letter or typographic sign.
/// Anything else is skipped with the reason.
pub fn decode(bytes: Vec<u8>) -> Result<String, String> {
    if bytes.is_empty() {
        return Err(EMPTY_FILE.into());
    }
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(&bytes) {
        let (text, malformed) = encoding.decode_without_bom_handling(&bytes[bom..]);
        if malformed {
            return Err(format!("malformed {} text", encoding.name()));
        }
        return checked(text.into_owned());
    }
    if bytes.contains(&0) {
        return Err(NUL_BYTES.into());
    }
    match String::from_utf8(bytes) {
        Ok(text) => checked(text),
        Err(e) => {
            let bytes = e.into_bytes();
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&bytes);
            let plausible = text
                .chars()
                .filter(|c| !c.is_ascii())
                .all(|c| c.is_alphabetic() || "’‘“”«»–—…€°·œŒ".contains(c));
            if plausible {
                checked(text.into_owned())
            } else {
                Err("not UTF-8, and not recognisably Latin-1 or Windows-1252".into())
            }
        }
    }
}

const EMPTY_FILE: &str = "empty file";
const NUL_BYTES: &str = "binary file (NUL bytes)";
const CONTROL_CHARACTERS: &str = "binary file (control characters)";

fn checked(text: String) -> Result<String, String> {
    let (controls, chars) = control_count(&text);
    if too_many_controls(controls, chars) {
        Err(CONTROL_CHARACTERS.into())
    } else {
        Ok(text)
    }
}

/// Text with more than 1% control characters is binary data in disguise.
fn too_many_controls(controls: usize, chars: usize) -> bool {
    controls * 100 > chars
}

/// Control characters other than line breaks, tabs and form feeds, and all
/// characters, counted on the bytes in one pass: controls are U+0000–U+001F,
/// U+007F and, encoded as 0xC2 0x80–0x9F, U+0080–U+009F.
fn control_count(text: &str) -> (usize, usize) {
    // Separate simple counts, which the compiler vectorises.
    let bytes = text.as_bytes();
    let chars = char_starts(bytes);
    let c0 = count_bytes(bytes, |b| {
        b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c) || b == 0x7f
    });
    let c1 = if memchr::memchr(0xC2, bytes).is_some() {
        bytes
            .windows(2)
            .filter(|w| w[0] == 0xC2 && (0x80..0xA0).contains(&w[1]))
            .count()
    } else {
        0
    };
    (c0 + c1, chars)
}

fn parse_record(line: &str, file_name: &str, line_no: usize) -> Result<RawArticle, String> {
    let record: Record = serde_json::from_str(line).map_err(|e| format!("invalid JSON: {e}"))?;
    let text = record
        .text
        .filter(|t| !t.trim().is_empty())
        .ok_or("record has no \"text\"")?;
    let published = match record.published.as_deref() {
        Some(date) => Some(parse_published(date)?),
        None => None,
    };
    let name = record
        .id
        .clone()
        .unwrap_or_else(|| format!("{file_name}:{line_no}"));
    let title_in_text = record
        .title
        .as_deref()
        .is_none_or(|t| fold(t.trim()) == fold(first_line(&text)));
    Ok(RawArticle {
        source: record
            .url
            .clone()
            .unwrap_or_else(|| format!("{file_name}:{line_no}")),
        name,
        url: record.url,
        title: record
            .title
            .unwrap_or_else(|| first_line(&text).to_string()),
        title_in_text,
        published,
        lang: record.lang,
        text,
    })
}

/// Accepts `YYYY-MM-DD`, optionally followed by a time ("2025-12-09T08:00:00Z").
fn parse_published(date: &str) -> Result<NaiveDate, String> {
    let day = date.get(..10).unwrap_or(date);
    NaiveDate::parse_from_str(day, "%Y-%m-%d")
        .map_err(|_| format!("bad \"published\" date {date:?} (want YYYY-MM-DD)"))
}

fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_all(path: &Path) -> (Vec<RawArticle>, Vec<Reject>) {
        let (mut articles, mut rejects) = (Vec::new(), Vec::new());
        for item in read_file(path).unwrap() {
            match item.unwrap() {
                Item::Article(a) => articles.push(a),
                Item::Reject(r) => rejects.push(r),
            }
        }
        (articles, rejects)
    }

    /// A file read line by line gives what it gives read whole.
    fn same_as_whole(bytes: &[u8]) -> Result<(), proptest::test_runner::TestCaseError> {
        let path = Path::new("a.jsonl");
        let lines: Vec<Item> = read_bytes(path, bytes).map(Result::unwrap).collect();
        let origin = Articles::new(path, Format::JsonLines, || Ok(bytes))
            .unwrap()
            .origin;
        proptest::prop_assert_eq!(lines, origin.whole(bytes.to_vec()));
        Ok(())
    }

    proptest::proptest! {
        #[test]
        fn jsonl_read_by_line_is_jsonl_read_whole(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    "[ \t]*",
                    "\\{\"text\": \"[a-zé\\\\ ]{0,12}\", \"id\": \"[a-z]{1,3}\"\\}[ \r]?",
                    "\\{\"text\": \"\\\\u0001[\u{1}-\u{8}]{0,3}\"\\}",
                    "[^\n]{0,20}",
                ],
                0..12,
            ),
            ending in proptest::prop_oneof!["", "\n", "\r\n"],
            latin1 in proptest::bool::ANY,
            bom in proptest::bool::ANY,
        ) {
            let mut bytes = if bom { UTF8_BOM.to_vec() } else { Vec::new() };
            bytes.extend(lines.join("\n").into_bytes());
            bytes.extend(ending.as_bytes());
            if latin1 {
                bytes.push(0xE9);
            }
            same_as_whole(&bytes)?;
        }

        #[test]
        fn read_line_reads_what_read_until_reads(
            bytes in proptest::collection::vec(proptest::prop_oneof![proptest::num::u8::ANY, proptest::strategy::Just(b'\n')], 0..64),
            capacity in 1..8usize,
        ) {
            let mut ours = BufReader::with_capacity(capacity, bytes.as_slice());
            let mut std = bytes.as_slice();
            let (mut a, mut b) = (Vec::new(), Vec::new());
            loop {
                let n = read_line(&mut ours, &mut a).unwrap();
                proptest::prop_assert_eq!(n, std.read_until(b'\n', &mut b).unwrap());
                proptest::prop_assert_eq!(&a, &b);
                if n == 0 {
                    break;
                }
                a.clear();
                b.clear();
            }
        }
    }

    #[test]
    fn jsonl_read_by_line_keeps_the_whole_file_checks() {
        let record = r#"{"text": "Le général"}"#;
        for bytes in [
            format!("{record}\n{record}").into_bytes(),
            format!("\u{feff}{record}\n").into_bytes(),
            format!("\u{feff}{record}\n\0\n").into_bytes(),
            "\u{feff}".into(),
            format!("{record}\n\0\n").into_bytes(),
            format!("{record}\n{}\n", "\u{1}".repeat(40)).into_bytes(),
            [record.as_bytes(), b"\n\xe9\n"].concat(),
            Vec::new(),
        ] {
            same_as_whole(&bytes).unwrap();
        }
    }

    #[test]
    fn progress_counts_the_lines_read() {
        let path = Path::new("a.jsonl");
        let first = "{\"text\": \"Le général\"}\n";
        let bytes = format!("{first}\n{first}");
        let mut articles = read_bytes(path, bytes.as_bytes());
        assert_eq!(articles.bytes_read(), 0);
        articles.next().unwrap().unwrap();
        assert_eq!(articles.bytes_read(), first.len() as u64);
        articles.next().unwrap().unwrap();
        assert!(articles.next().is_none());
        assert_eq!(articles.bytes_read(), bytes.len() as u64);
    }

    #[test]
    fn jsonl_with_a_utf8_bom_is_read_a_line_at_a_time() {
        let path = Path::new("a.jsonl");
        let bytes = "\u{feff}{\"text\": \"Le général\"}\n".as_bytes();
        assert!(matches!(read_bytes(path, bytes).from, From::Lines(_)));
        let utf16: Vec<u8> = [0xFF, 0xFE, b'{', 0].to_vec();
        assert!(matches!(read_bytes(path, &utf16).from, From::Whole(_)));
    }

    #[test]
    fn jsonl_keeps_good_lines_and_rejects_bad_ones_with_line_numbers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.jsonl");
        std::fs::write(
            &path,
            concat!(
                r#"{"id": "x1", "published": "2025-12-09", "text": "Titre\n\nCorps."}"#,
                "\n{\"id\": \"x2\", \"text\": \n",
                r#"{"id": "x3", "title": "T"}"#,
                "\n",
                r#"{"id": "x4", "published": "9 décembre", "text": "T"}"#,
                "\n"
            ),
        )
        .unwrap();
        let (articles, rejects) = read_all(&path);
        assert_eq!(articles.len(), 1);
        assert_eq!(articles[0].name, "x1");
        assert_eq!(articles[0].title, "Titre");
        assert_eq!(articles[0].published, NaiveDate::from_ymd_opt(2025, 12, 9));
        let lines: Vec<_> = rejects.iter().map(|r| r.line).collect();
        assert_eq!(lines, [Some(2), Some(3), Some(4)]);
        assert!(rejects[1].reason.contains("text"));
        assert!(rejects[2].reason.contains("published"));
    }

    proptest::proptest! {
        #[test]
        fn control_count_is_the_char_count(text in "(\\PC|\\p{Cc}){0,64}") {
            let controls = text
                .chars()
                .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
                .count();
            proptest::prop_assert_eq!(control_count(&text), (controls, text.chars().count()));
        }
    }

    #[test]
    fn decodes_boms_utf16_and_latin1_and_rejects_binary() {
        let utf8 = "Le général a reçu".as_bytes();
        assert_eq!(decode(utf8.to_vec()).unwrap(), "Le général a reçu");
        let bom: Vec<u8> = [&[0xEF, 0xBB, 0xBF][..], utf8].concat();
        assert_eq!(decode(bom).unwrap(), "Le général a reçu");
        let mut utf16 = vec![0xFF, 0xFE];
        utf16.extend("Hanoï – été".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(utf16).unwrap(), "Hanoï – été");
        let latin1 = b"Le g\xe9n\xe9ral \x96 Hano\xef";
        assert_eq!(decode(latin1.to_vec()).unwrap(), "Le général – Hanoï");
        assert!(decode(b"\x89PNG\r\n\x1a\n\0\0".to_vec())
            .unwrap_err()
            .contains("binary"));
        assert!(
            decode(vec![0x81, 0x8D, 0x41]).is_err(),
            "bytes no single-byte French text has"
        );
        assert!(decode(Vec::new()).unwrap_err().contains("empty"));
    }

    #[test]
    fn files_are_known_by_their_names_in_any_case() {
        let of = |name: &str| kind(Path::new(name));
        assert_eq!(of("a.txt"), Some((Format::Text, Packing::Plain)));
        for name in ["a.jsonl", "a.NDJSON", "a.Json", "b.c.jsonl"] {
            assert_eq!(
                of(name),
                Some((Format::JsonLines, Packing::Plain)),
                "{name}"
            );
        }
        assert_eq!(of("a.jsonl.GZ"), Some((Format::JsonLines, Packing::Gzip)));
        assert_eq!(of("a.ndjson.zst"), Some((Format::JsonLines, Packing::Zstd)));
        for name in ["a.md", "a.gz", "jsonl", "a.parquet", "a.tar.gz"] {
            assert_eq!(of(name), None, "{name}");
        }
        assert_eq!(kind_or_text(Path::new("notes")).0, Format::Text);
    }

    #[test]
    fn a_pretty_printed_json_document_is_not_json_lines() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, text: &str| {
            let path = dir.path().join(name);
            std::fs::write(&path, text).unwrap();
            path
        };
        assert!(is_json_document(&write("gold.json", "{\n  \"a\": 1\n}\n")));
        assert!(!is_json_document(&write(
            "lines.json",
            "{\"text\": \"x\"}\n{\"text\": \"y\"}\n"
        )));
        assert!(
            !is_json_document(&write("lines.jsonl", "{\n")),
            "the name says JSON Lines"
        );
    }

    #[test]
    fn compressed_json_lines_read_as_the_plain_file() {
        use std::io::Write;
        let dir = tempfile::tempdir().unwrap();
        let text = "{\"id\": \"a\", \"text\": \"Le général\"}\n{\"id\": \"b\", \"text\": \"x\"\n";
        let plain = dir.path().join("a.jsonl");
        std::fs::write(&plain, text).unwrap();
        let gz = dir.path().join("a.JSONL.gz");
        // Two gzip members, as `cat` of two files makes.
        let mut bytes = Vec::new();
        for half in [&text[..20], &text[20..]] {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            enc.write_all(half.as_bytes()).unwrap();
            bytes.extend(enc.finish().unwrap());
        }
        std::fs::write(&gz, bytes).unwrap();
        let zst = dir.path().join("a.ndjson.zst");
        std::fs::write(&zst, zstd::encode_all(text.as_bytes(), 1).unwrap()).unwrap();
        let names = |path: &Path| {
            let (articles, rejects) = read_all(path);
            let names: Vec<String> = articles.into_iter().map(|a| a.name).collect();
            let lines: Vec<Option<usize>> = rejects.into_iter().map(|r| r.line).collect();
            (names, lines)
        };
        let want = (vec!["a".to_string()], vec![Some(2)]);
        assert_eq!(names(&plain), want);
        assert_eq!(names(&gz), want);
        assert_eq!(names(&zst), want);
        assert!(
            matches!(read_file(&gz).unwrap().from, From::Lines(_)),
            "streamed"
        );
    }

    #[test]
    fn txt_title_is_first_non_empty_line() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "\n  Le titre \n\nLe corps.").unwrap();
        let (articles, rejects) = read_all(&path);
        assert_eq!(articles[0].title, "Le titre");
        assert_eq!(articles[0].name, "a.txt");
        assert!(rejects.is_empty());
    }
}
