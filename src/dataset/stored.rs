//! The articles a dataset stores, read back as the inputs they came from,
//! so that `entente run --reextract` extracts them again as a fresh run
//! would: the text as read, the record's `published` and `lang`, whether
//! the text starts with the title. A file is read a slice of rows at a
//! time, so memory stays flat however large the table.

use std::path::Path;

use chrono::NaiveDate;
use polars::prelude::*;

use super::{guarded, schema};
use crate::error::Error;
use crate::read::{Item, RawArticle, Source};

/// Rows read at a time.
const ROWS: usize = 4096;

/// The columns an article is rebuilt from; `input_*` and `title_in_text`
/// are missing from files written before they were kept, where the stored
/// `published` and `lang` and a title at the head of the text stand in.
const COLUMNS: [&str; 6] = ["source", "record_id", "url", "title", "text", "published"];

pub struct StoredArticles<'a> {
    path: &'a Path,
    rows: usize,
    next: usize,
    kept_inputs: bool,
    ready: std::vec::IntoIter<RawArticle>,
}

/// Opens one Parquet file of the `articles` table.
pub fn open(path: &Path) -> Result<Box<dyn Source + '_>, Error> {
    let kept_inputs = schema(path)?.contains("title_in_text");
    let file = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let rows = guarded(path, || ParquetReader::new(file).num_rows())?;
    Ok(Box::new(StoredArticles {
        path,
        rows,
        next: 0,
        kept_inputs,
        ready: Vec::new().into_iter(),
    }))
}

impl StoredArticles<'_> {
    fn read_slice(&mut self) -> Result<Vec<RawArticle>, Error> {
        let mut columns: Vec<String> = COLUMNS.iter().map(|c| c.to_string()).collect();
        let extra: &[&str] = if self.kept_inputs {
            &["input_published", "input_lang", "title_in_text"]
        } else {
            &["lang"]
        };
        columns.extend(extra.iter().map(|c| c.to_string()));
        let file = std::fs::File::open(self.path).map_err(|e| Error::io(self.path, e))?;
        let (start, path) = (self.next, self.path);
        let df = guarded(path, || {
            ParquetReader::new(file)
                .with_columns(Some(columns))
                .with_slice(Some((start, ROWS)))
                .finish()
        })?;
        self.next += ROWS;
        articles(&df, self.kept_inputs).map_err(|e| Error::polars(path, e))
    }
}

fn articles(df: &DataFrame, kept_inputs: bool) -> PolarsResult<Vec<RawArticle>> {
    let text = |name: &str| df.column(name).and_then(|c| c.str().cloned());
    let date = |name: &str| -> PolarsResult<Vec<Option<NaiveDate>>> {
        let days = df.column(name)?.cast(&DataType::Int32)?;
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch is a date");
        Ok(days
            .i32()?
            .iter()
            .map(|d| d.and_then(|d| epoch.checked_add_signed(chrono::Duration::days(d.into()))))
            .collect())
    };
    let (source, record_id, url, title, body) = (
        text("source")?,
        text("record_id")?,
        text("url")?,
        text("title")?,
        text("text")?,
    );
    let (published, lang, title_in_text) = if kept_inputs {
        let flags = df.column("title_in_text")?.bool()?.clone();
        (
            date("input_published")?,
            text("input_lang")?,
            flags.iter().map(|f| f.unwrap_or(true)).collect(),
        )
    } else {
        (date("published")?, text("lang")?, vec![true; df.height()])
    };
    Ok((0..df.height())
        .map(|i| RawArticle {
            source: source.get(i).unwrap_or_default().to_string(),
            name: record_id.get(i).unwrap_or_default().to_string(),
            url: url.get(i).map(str::to_string),
            title: title.get(i).unwrap_or_default().to_string(),
            title_in_text: title_in_text[i],
            published: published[i],
            lang: lang.get(i).map(str::to_string),
            text: body.get(i).unwrap_or_default().to_string(),
        })
        .collect())
}

impl Iterator for StoredArticles<'_> {
    type Item = Result<Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(article) = self.ready.next() {
                return Some(Ok(Item::Article(article)));
            }
            if self.next >= self.rows {
                return None;
            }
            match self.read_slice() {
                Ok(articles) => self.ready = articles.into_iter(),
                Err(e) => return Some(Err(e)),
            }
        }
    }
}

impl Source for StoredArticles<'_> {}
