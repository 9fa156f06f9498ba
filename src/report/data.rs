//! The per-meeting data of a report: one row per selected meeting (what the
//! meetings table shows and filters on) and its evidence excerpts, with the
//! repeated strings (partners, places, people, kinds) stored once.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Days, NaiveDate};
use polars::prelude::*;
use rustc_hash::FxHashMap;
use serde::Serialize;

use super::excerpt::{self, Mark, Piece, CUE};
use crate::compare::Selection;
use crate::dataset::{self, has_column, int_column, str_column};
use crate::error::Error;
use crate::THEMES;

/// What the page's script reads to list and filter meetings.
#[derive(Debug, Default, Serialize)]
pub struct Rows {
    pub partners: Vec<String>,
    /// The SPEC theme codes, in SPEC order: a meeting's themes are indices here.
    pub themes: Vec<String>,
    pub kinds: Vec<String>,
    pub places: Vec<String>,
    pub people: Vec<String>,
    pub articles: Vec<Article>,
    /// Newest first; meetings of unknown date last.
    pub meetings: Vec<Meeting>,
}

/// `[title, published, url]`; `url` only when it is http(s).
#[derive(Debug, Serialize)]
pub struct Article(pub String, pub Option<String>, pub Option<String>);

/// `[date, place, partner, kind, [people], [themes], article, meeting_id]`:
/// indices into [`Rows`]' lists, `place` -1 when unknown.
#[derive(Debug, Serialize)]
pub struct Meeting(
    pub String,
    pub i64,
    pub usize,
    pub usize,
    pub Vec<usize>,
    pub Vec<usize>,
    pub usize,
    pub String,
);

/// A meeting's excerpts: its sentence first, then its themes' sentences.
pub type Evidence = Vec<Vec<Piece>>;

/// Strings stored once, referred to by index.
#[derive(Default)]
struct Interner {
    index: FxHashMap<String, usize>,
    values: Vec<String>,
}

impl Interner {
    fn id(&mut self, s: &str) -> usize {
        if let Some(&i) = self.index.get(s) {
            return i;
        }
        self.values.push(s.to_string());
        self.index.insert(s.to_string(), self.values.len() - 1);
        self.values.len() - 1
    }
}

/// A link the page may show: the text itself when it is an absolute http or
/// https URL without whitespace or control characters, else nothing (no
/// `javascript:`, `data:` or relative link ever reaches the page).
pub fn safe_link(url: &str) -> Option<String> {
    let url = url.trim();
    let scheme_ok = ["http://", "https://"].iter().any(|p| {
        url.get(..p.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(p))
    });
    let clean = !url.chars().any(|c| c.is_whitespace() || c.is_control());
    (scheme_ok && clean && url.len() > "https://".len()).then(|| url.to_string())
}

/// "2024-12-09", "2024-12", "2024"; "????-12-09" when only the year is unknown.
fn date_label(year: Option<i64>, month: Option<i64>, day: Option<i64>) -> String {
    let y = year.map_or("????".to_string(), |y| format!("{y:04}"));
    match (month, day) {
        (Some(m), Some(d)) => format!("{y}-{m:02}-{d:02}"),
        (Some(m), None) => format!("{y}-{m:02}"),
        _ if year.is_some() => y,
        _ => String::new(),
    }
}

fn day_label(days: i64) -> Option<String> {
    let epoch = NaiveDate::from_ymd_opt(1970, 1, 1)?;
    let date = if days >= 0 {
        epoch.checked_add_days(Days::new(days.unsigned_abs()))
    } else {
        epoch.checked_sub_days(Days::new(days.unsigned_abs()))
    };
    date.map(|d| d.to_string())
}

/// A topic of a selected meeting.
struct Topic {
    theme: usize,
    sentence: (usize, usize),
    trigger: Option<(usize, usize)>,
}

fn offset(v: Option<i64>) -> usize {
    v.unwrap_or(0).max(0) as usize
}

fn span(start: Option<i64>, end: Option<i64>) -> Option<(usize, usize)> {
    Some((start?.max(0) as usize, end?.max(0) as usize))
}

fn column_or_nulls(df: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i64>>> {
    if has_column(df, name) {
        int_column(df, name)
    } else {
        Ok(vec![None; df.height()])
    }
}

/// The rows and evidence of every meeting of the selection.
pub fn load(
    tables: &Path,
    meetings: LazyFrame,
    topics: LazyFrame,
    sel: &Selection,
) -> Result<(Rows, Vec<Evidence>), Error> {
    let at = |t: &str| tables.join(t);
    let m = sel
        .meeting_rows(meetings)
        .collect()
        .map_err(|e| Error::polars(&at("meetings"), e))?;
    let t = sel
        .topic_rows(topics)
        .collect()
        .map_err(|e| Error::polars(&at("topics"), e))?;
    let people = dataset::read_table(tables, "participants")?;
    let articles = dataset::read_table(tables, "articles")?;

    let meeting_ids =
        str_column(&m, "meeting_id").map_err(|e| Error::polars(&at("meetings"), e))?;
    let wanted: FxHashMap<&str, usize> = meeting_ids
        .iter()
        .enumerate()
        .filter_map(|(i, id)| Some((id.as_deref()?, i)))
        .collect();

    let topics_of = group_topics(&t, &wanted).map_err(|e| Error::polars(&at("topics"), e))?;
    let people_of =
        group_people(&people, &wanted).map_err(|e| Error::polars(&at("participants"), e))?;
    build(&m, &articles, &topics_of, &people_of).map_err(|(table, e)| Error::polars(&at(table), e))
}

fn group_topics(
    t: &DataFrame,
    wanted: &FxHashMap<&str, usize>,
) -> PolarsResult<HashMap<usize, Vec<Topic>>> {
    let ids = str_column(t, "meeting_id")?;
    let themes = str_column(t, "theme")?;
    let (es, ee) = (
        int_column(t, "evidence_start")?,
        int_column(t, "evidence_end")?,
    );
    let (ts, te) = (
        column_or_nulls(t, "trigger_start")?,
        column_or_nulls(t, "trigger_end")?,
    );
    let mut out: HashMap<usize, Vec<Topic>> = HashMap::new();
    for r in 0..t.height() {
        let (Some(&m), Some(theme)) = (
            ids[r].as_deref().and_then(|id| wanted.get(id)),
            themes[r]
                .as_deref()
                .and_then(|c| THEMES.iter().position(|x| *x == c)),
        ) else {
            continue;
        };
        out.entry(m).or_default().push(Topic {
            theme,
            sentence: (offset(es[r]), offset(ee[r])),
            trigger: span(ts[r], te[r]),
        });
    }
    for topics in out.values_mut() {
        topics.sort_by_key(|t| t.theme);
    }
    Ok(out)
}

fn group_people(
    p: &DataFrame,
    wanted: &FxHashMap<&str, usize>,
) -> PolarsResult<HashMap<usize, Vec<String>>> {
    let ids = str_column(p, "meeting_id")?;
    let names = str_column(p, "name")?;
    let mut out: HashMap<usize, Vec<String>> = HashMap::new();
    for (id, name) in ids.iter().zip(names) {
        if let (Some(&m), Some(name)) = (id.as_deref().and_then(|id| wanted.get(id)), name) {
            let names = out.entry(m).or_default();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    Ok(out)
}

type Failure = (&'static str, PolarsError);

fn build(
    m: &DataFrame,
    articles: &DataFrame,
    topics_of: &HashMap<usize, Vec<Topic>>,
    people_of: &HashMap<usize, Vec<String>>,
) -> Result<(Rows, Vec<Evidence>), Failure> {
    let meetings = |e| ("meetings", e);
    let ints = |c: &str| int_column(m, c).map_err(meetings);
    let strs = |c: &str| str_column(m, c).map_err(meetings);
    let (year, month, day) = (ints("year")?, ints("month")?, ints("day")?);
    let (ids, article_ids, partners, kinds) = (
        strs("meeting_id")?,
        strs("article_id")?,
        strs("partner")?,
        strs("kind")?,
    );
    let (cities, countries) = (strs("city")?, strs("country")?);
    let (es, ee) = (ints("evidence_start")?, ints("evidence_end")?);
    let (cs, ce) = (
        column_or_nulls(m, "trigger_start").map_err(meetings)?,
        column_or_nulls(m, "trigger_end").map_err(meetings)?,
    );
    let texts = ArticleTexts::new(articles).map_err(|e| ("articles", e))?;

    // Newest first: a descending sort that puts unknown parts last.
    let key = |i: usize| {
        let part = |v: Option<i64>| v.map_or(i64::MAX, |v| -v);
        (part(year[i]), part(month[i]), part(day[i]), ids[i].clone())
    };
    let mut order: Vec<usize> = (0..m.height()).collect();
    order.sort_by_cached_key(|&i| key(i));

    let (mut partner_ids, mut kind_ids, mut places, mut people) = (
        Interner::default(),
        Interner::default(),
        Interner::default(),
        Interner::default(),
    );
    let mut article_index: FxHashMap<String, usize> = FxHashMap::default();
    let mut rows = Rows {
        themes: THEMES.iter().map(|t| t.to_string()).collect(),
        ..Rows::default()
    };
    let mut evidence = Vec::with_capacity(order.len());
    let no_topics = Vec::new();
    for i in order {
        let article_id = article_ids[i].clone().unwrap_or_default();
        let found = texts.row(&article_id);
        let article = *article_index.entry(article_id).or_insert_with(|| {
            rows.articles.push(texts.article(found));
            rows.articles.len() - 1
        });
        let place = [&cities[i], &countries[i]]
            .into_iter()
            .flatten()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ");
        let topics = topics_of.get(&i).unwrap_or(&no_topics);
        rows.meetings.push(Meeting(
            date_label(year[i], month[i], day[i]),
            if place.is_empty() {
                -1
            } else {
                places.id(&place) as i64
            },
            partner_ids.id(partners[i].as_deref().unwrap_or_default()),
            kind_ids.id(kinds[i].as_deref().unwrap_or_default()),
            people_of
                .get(&i)
                .map(|names| names.iter().map(|n| people.id(n)).collect())
                .unwrap_or_default(),
            topics.iter().map(|t| t.theme).collect(),
            article,
            ids[i].clone().unwrap_or_default(),
        ));
        let mut marks: Vec<Mark> = topics
            .iter()
            .filter_map(|t| {
                let (start, end) = t.trigger?;
                Some(Mark {
                    start,
                    end,
                    label: t.theme as i32,
                })
            })
            .collect();
        marks.extend(span(cs[i], ce[i]).map(|(start, end)| Mark {
            start,
            end,
            label: CUE,
        }));
        let sentences: Vec<(usize, usize)> = topics.iter().map(|t| t.sentence).collect();
        evidence.push(excerpt::excerpts(
            texts.text(found),
            (offset(es[i]), offset(ee[i])),
            &sentences,
            &marks,
        ));
    }
    rows.partners = partner_ids.values;
    rows.kinds = kind_ids.values;
    rows.places = places.values;
    rows.people = people.values;
    Ok((rows, evidence))
}

/// The `articles` table, looked up by id.
struct ArticleTexts {
    index: FxHashMap<String, usize>,
    titles: Vec<Option<String>>,
    published: Vec<Option<i64>>,
    links: Vec<Option<String>>,
    texts: Vec<Option<String>>,
}

impl ArticleTexts {
    fn new(a: &DataFrame) -> PolarsResult<ArticleTexts> {
        let ids = str_column(a, "article_id")?;
        let urls = if has_column(a, "url") {
            str_column(a, "url")?
        } else {
            vec![None; a.height()]
        };
        // A record's source is its url when it has one; a file path is no link.
        let links = urls
            .into_iter()
            .zip(str_column(a, "source")?)
            .map(|(url, source)| {
                url.as_deref()
                    .and_then(safe_link)
                    .or_else(|| source.as_deref().and_then(safe_link))
            })
            .collect();
        Ok(ArticleTexts {
            index: ids
                .into_iter()
                .enumerate()
                .filter_map(|(i, id)| Some((id?, i)))
                .collect(),
            titles: str_column(a, "title")?,
            published: int_column(a, "published")?,
            links,
            texts: str_column(a, "text")?,
        })
    }

    fn row(&self, article_id: &str) -> Option<usize> {
        self.index.get(article_id).copied()
    }

    fn article(&self, row: Option<usize>) -> Article {
        match row {
            Some(r) => Article(
                self.titles[r].clone().unwrap_or_default(),
                self.published[r].and_then(day_label),
                self.links[r].clone(),
            ),
            None => Article(String::new(), None, None),
        }
    }

    fn text(&self, row: Option<usize>) -> &str {
        row.and_then(|r| self.texts[r].as_deref())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_absolute_http_links_pass() {
        for ok in [
            "https://vnanet.vn/a?b=1",
            "HTTP://x.org/é",
            " http://x.org ",
        ] {
            assert!(safe_link(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "//evil.example/x",
            "/relative",
            "https://x.org/a b",
            "https://x.org/\u{0}",
            "https://",
            "vbscript:msgbox",
        ] {
            assert_eq!(safe_link(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn dates_show_the_parts_known() {
        assert_eq!(date_label(Some(2024), Some(12), Some(9)), "2024-12-09");
        assert_eq!(date_label(None, Some(12), Some(9)), "????-12-09");
        assert_eq!(date_label(Some(2024), Some(3), None), "2024-03");
        assert_eq!(date_label(Some(2024), None, None), "2024");
        assert_eq!(date_label(None, None, None), "");
        assert_eq!(day_label(19_700).as_deref(), Some("2023-12-09"));
    }
}
