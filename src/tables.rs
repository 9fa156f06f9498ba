//! Stage 5: the extracted facts as polars DataFrames, one per SPEC table.
//!
//! Offsets are converted here from bytes to characters, the unit of SPEC
//! (and of Python's `str` slicing and DuckDB's `substring`).

use chrono::NaiveDate;
use polars::prelude::*;

use crate::extract::dates::PartialDate;
use crate::extract::Extraction;
use crate::fold::{ascii_name, char_starts};
use crate::read::Reject;

/// One article after extraction.
pub struct Processed {
    pub article_id: String,
    pub content_sha256: String,
    pub source: String,
    pub name: String,
    pub url: Option<String>,
    pub title: String,
    pub published: Option<NaiveDate>,
    pub lang: String,
    pub text: String,
    /// What the input said, kept so that the article can be extracted again
    /// from the `articles` table as it was from its file: the record's
    /// `published` and `lang`, and whether the text starts with the title.
    pub input_published: Option<NaiveDate>,
    pub input_lang: Option<String>,
    pub title_in_text: bool,
    pub body_chars: usize,
    pub extraction: Extraction,
}

pub struct Tables {
    pub articles: DataFrame,
    pub meetings: DataFrame,
    pub participants: DataFrame,
    pub topics: DataFrame,
}

impl Tables {
    /// The tables with their names (the directories they are written to).
    pub fn named(self) -> Vec<(&'static str, DataFrame)> {
        vec![
            ("meetings", self.meetings),
            ("participants", self.participants),
            ("topics", self.topics),
            ("articles", self.articles),
        ]
    }
}

/// Byte → character offsets in O(1) amortised: character counts are kept at
/// every 256-byte block, and only the tail of a block is counted.
struct CharIndex<'t> {
    text: &'t [u8],
    blocks: Vec<u32>,
}

const BLOCK: usize = 256;

impl<'t> CharIndex<'t> {
    fn new(text: &'t str) -> Self {
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut count = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(count);
            count += char_starts(chunk) as u32;
        }
        blocks.push(count);
        CharIndex {
            text: bytes,
            blocks,
        }
    }

    fn total(&self) -> i64 {
        i64::from(*self.blocks.last().expect("an index has a last block"))
    }

    fn at(&self, byte: usize) -> i64 {
        let block = byte / BLOCK;
        i64::from(self.blocks[block]) + char_starts(&self.text[block * BLOCK..byte]) as i64
    }
}

fn days(date: NaiveDate) -> i32 {
    (date - NaiveDate::from_ymd_opt(1970, 1, 1).expect("epoch is a date")).num_days() as i32
}

fn full_date(d: &PartialDate) -> Option<i32> {
    NaiveDate::from_ymd_opt(d.year?, d.month?, d.day?).map(days)
}

fn date_column(name: &str, values: Vec<Option<i32>>) -> PolarsResult<Column> {
    Series::new(name.into(), values)
        .cast(&DataType::Date)
        .map(Column::from)
}

pub fn meeting_id(article_id: &str, index: usize) -> String {
    format!("{article_id}-{:02}", index + 1)
}

pub fn build(processed: &[Processed]) -> PolarsResult<Tables> {
    let chars: Vec<CharIndex> = processed.iter().map(|p| CharIndex::new(&p.text)).collect();
    Ok(Tables {
        articles: articles(processed, &chars)?,
        meetings: meetings(processed, &chars)?,
        participants: participants(processed, &chars)?,
        topics: topics(processed, &chars)?,
    })
}

fn articles(processed: &[Processed], chars: &[CharIndex]) -> PolarsResult<DataFrame> {
    let col = |name: &str, f: &dyn Fn(&Processed) -> &str| {
        Column::new(name.into(), processed.iter().map(f).collect::<Vec<_>>())
    };
    DataFrame::new(
        processed.len(),
        vec![
            col("article_id", &|p| &p.article_id),
            col("source", &|p| &p.source),
            col("record_id", &|p| &p.name),
            Column::new(
                "url".into(),
                processed
                    .iter()
                    .map(|p| p.url.as_deref())
                    .collect::<Vec<_>>(),
            ),
            col("title", &|p| &p.title),
            date_column(
                "published",
                processed.iter().map(|p| p.published.map(days)).collect(),
            )?,
            col("lang", &|p| &p.lang),
            Column::new(
                "text_chars".into(),
                chars.iter().map(CharIndex::total).collect::<Vec<_>>(),
            ),
            Column::new(
                "body_chars".into(),
                processed
                    .iter()
                    .map(|p| p.body_chars as i64)
                    .collect::<Vec<_>>(),
            ),
            col("content_sha256", &|p| &p.content_sha256),
            col("text", &|p| &p.text),
            date_column(
                "input_published",
                processed
                    .iter()
                    .map(|p| p.input_published.map(days))
                    .collect(),
            )?,
            Column::new(
                "input_lang".into(),
                processed
                    .iter()
                    .map(|p| p.input_lang.as_deref())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "title_in_text".into(),
                processed
                    .iter()
                    .map(|p| p.title_in_text)
                    .collect::<Vec<_>>(),
            ),
        ],
    )
}

#[derive(Default)]
struct MeetingColumns<'p> {
    meeting_id: Vec<String>,
    article_id: Vec<&'p str>,
    year: Vec<Option<i16>>,
    month: Vec<Option<i8>>,
    day: Vec<Option<i8>>,
    date: Vec<Option<i32>>,
    end_month: Vec<Option<i8>>,
    end_day: Vec<Option<i8>>,
    end_date: Vec<Option<i32>>,
    city: Vec<Option<&'p str>>,
    country: Vec<Option<&'p str>>,
    kind: Vec<&'static str>,
    format: Vec<&'static str>,
    partner: Vec<&'p str>,
    partner_type: Vec<&'static str>,
    evidence: Vec<&'p str>,
    evidence_start: Vec<i64>,
    evidence_end: Vec<i64>,
    trigger: Vec<&'p str>,
    trigger_start: Vec<i64>,
    trigger_end: Vec<i64>,
    agreement_signed: Vec<bool>,
}

fn meetings(processed: &[Processed], chars: &[CharIndex]) -> PolarsResult<DataFrame> {
    let mut c = MeetingColumns::default();
    for (p, chars) in processed.iter().zip(chars) {
        for (i, m) in p.extraction.meetings.iter().enumerate() {
            c.meeting_id.push(meeting_id(&p.article_id, i));
            c.article_id.push(&p.article_id);
            c.year.push(m.date.year.map(|y| y as i16));
            c.month.push(m.date.month.map(|v| v as i8));
            c.day.push(m.date.day.map(|v| v as i8));
            c.date.push(full_date(&m.date));
            c.end_month
                .push(m.end.and_then(|e| e.month).map(|v| v as i8));
            c.end_day.push(m.end.and_then(|e| e.day).map(|v| v as i8));
            c.end_date.push(m.end.as_ref().and_then(full_date));
            c.city.push(m.city.as_deref());
            c.country.push(m.country.as_deref());
            c.kind.push(m.kind.as_str());
            c.format.push(if m.multilateral {
                "multilateral"
            } else {
                "bilateral"
            });
            c.partner.push(&m.partner);
            c.partner_type.push(m.partner_type);
            c.evidence.push(m.evidence.slice(&p.text));
            c.evidence_start.push(chars.at(m.evidence.start));
            c.evidence_end.push(chars.at(m.evidence.end));
            c.trigger.push(m.trigger.slice(&p.text));
            c.trigger_start.push(chars.at(m.trigger.start));
            c.trigger_end.push(chars.at(m.trigger.end));
            c.agreement_signed.push(m.agreement_signed);
        }
    }
    DataFrame::new(
        c.meeting_id.len(),
        vec![
            Column::new("meeting_id".into(), c.meeting_id),
            Column::new("article_id".into(), c.article_id),
            Column::new("year".into(), c.year),
            Column::new("month".into(), c.month),
            Column::new("day".into(), c.day),
            date_column("date", c.date)?,
            Column::new("end_month".into(), c.end_month),
            Column::new("end_day".into(), c.end_day),
            date_column("end_date", c.end_date)?,
            Column::new("city".into(), c.city),
            Column::new("country".into(), c.country),
            Column::new("kind".into(), c.kind),
            Column::new("format".into(), c.format),
            Column::new("partner".into(), c.partner),
            Column::new("partner_type".into(), c.partner_type),
            Column::new("evidence".into(), c.evidence),
            Column::new("evidence_start".into(), c.evidence_start),
            Column::new("evidence_end".into(), c.evidence_end),
            Column::new("trigger".into(), c.trigger),
            Column::new("trigger_start".into(), c.trigger_start),
            Column::new("trigger_end".into(), c.trigger_end),
            Column::new("agreement_signed".into(), c.agreement_signed),
        ],
    )
}

#[derive(Default)]
struct ParticipantColumns<'p> {
    meeting_id: Vec<String>,
    article_id: Vec<&'p str>,
    name: Vec<&'p str>,
    name_ascii: Vec<String>,
    surface: Vec<&'p str>,
    role: Vec<Option<&'p str>>,
    organization: Vec<Option<&'p str>>,
    country: Vec<Option<&'p str>>,
    side: Vec<&'static str>,
    evidence_start: Vec<i64>,
    evidence_end: Vec<i64>,
    mention_start: Vec<i64>,
    mention_end: Vec<i64>,
}

fn participants(processed: &[Processed], chars: &[CharIndex]) -> PolarsResult<DataFrame> {
    let mut c = ParticipantColumns::default();
    for (p, chars) in processed.iter().zip(chars) {
        for x in &p.extraction.participants {
            c.meeting_id.push(meeting_id(&p.article_id, x.meeting));
            c.article_id.push(&p.article_id);
            c.name_ascii.push(ascii_name(&x.name));
            c.name.push(&x.name);
            c.surface.push(&x.surface);
            c.role.push(x.role.as_deref());
            c.organization.push(x.organization.as_deref());
            c.country.push(x.country.as_deref());
            c.side.push(if x.host { "host" } else { "guest" });
            c.evidence_start.push(chars.at(x.evidence.start));
            c.evidence_end.push(chars.at(x.evidence.end));
            c.mention_start.push(chars.at(x.mention.start));
            c.mention_end.push(chars.at(x.mention.end));
        }
    }
    DataFrame::new(
        c.meeting_id.len(),
        vec![
            Column::new("meeting_id".into(), c.meeting_id),
            Column::new("article_id".into(), c.article_id),
            Column::new("name".into(), c.name),
            Column::new("name_ascii".into(), c.name_ascii),
            Column::new("surface".into(), c.surface),
            Column::new("role".into(), c.role),
            Column::new("organization".into(), c.organization),
            Column::new("country".into(), c.country),
            Column::new("side".into(), c.side),
            Column::new("evidence_start".into(), c.evidence_start),
            Column::new("evidence_end".into(), c.evidence_end),
            Column::new("mention_start".into(), c.mention_start),
            Column::new("mention_end".into(), c.mention_end),
        ],
    )
}

#[derive(Default)]
struct TopicColumns<'p> {
    meeting_id: Vec<String>,
    article_id: Vec<&'p str>,
    partner: Vec<&'p str>,
    theme: Vec<&'p str>,
    mentions: Vec<i64>,
    trigger: Vec<&'p str>,
    evidence_start: Vec<i64>,
    evidence_end: Vec<i64>,
    trigger_start: Vec<i64>,
    trigger_end: Vec<i64>,
}

fn topics(processed: &[Processed], chars: &[CharIndex]) -> PolarsResult<DataFrame> {
    let mut c = TopicColumns::default();
    for (p, chars) in processed.iter().zip(chars) {
        for t in &p.extraction.topics {
            c.meeting_id.push(meeting_id(&p.article_id, t.meeting));
            c.article_id.push(&p.article_id);
            c.partner.push(&p.extraction.meetings[t.meeting].partner);
            c.theme.push(&t.theme);
            c.mentions.push(t.mentions as i64);
            c.trigger.push(t.trigger.slice(&p.text));
            c.evidence_start.push(chars.at(t.evidence.start));
            c.evidence_end.push(chars.at(t.evidence.end));
            c.trigger_start.push(chars.at(t.trigger.start));
            c.trigger_end.push(chars.at(t.trigger.end));
        }
    }
    DataFrame::new(
        c.meeting_id.len(),
        vec![
            Column::new("meeting_id".into(), c.meeting_id),
            Column::new("article_id".into(), c.article_id),
            Column::new("partner".into(), c.partner),
            Column::new("theme".into(), c.theme),
            Column::new("mentions".into(), c.mentions),
            Column::new("trigger".into(), c.trigger),
            Column::new("evidence_start".into(), c.evidence_start),
            Column::new("evidence_end".into(), c.evidence_end),
            Column::new("trigger_start".into(), c.trigger_start),
            Column::new("trigger_end".into(), c.trigger_end),
        ],
    )
}

/// The inputs a run skipped, and why: one row each.
pub fn rejects(run_id: &str, rejects: &[Reject]) -> PolarsResult<DataFrame> {
    DataFrame::new(
        rejects.len(),
        vec![
            Column::new("run_id".into(), vec![run_id; rejects.len()]),
            Column::new(
                "source".into(),
                rejects
                    .iter()
                    .map(|r| r.source.as_str())
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "line".into(),
                rejects
                    .iter()
                    .map(|r| r.line.map(|l| l as i64))
                    .collect::<Vec<_>>(),
            ),
            Column::new(
                "reason".into(),
                rejects
                    .iter()
                    .map(|r| r.reason.as_str())
                    .collect::<Vec<_>>(),
            ),
        ],
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_index_counts_characters_not_bytes() {
        let text = "é".repeat(300) + "abc";
        let idx = CharIndex::new(&text);
        assert_eq!(idx.at(0), 0);
        assert_eq!(idx.at(2), 1);
        assert_eq!(idx.at(600), 300);
        assert_eq!(idx.at(602), 302);
        assert_eq!(idx.at(text.len()), 303);
    }
}
