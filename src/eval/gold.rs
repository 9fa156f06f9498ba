//! Gold annotations in the SPEC format (`gold/*.json`, one per article).

use std::path::Path;

use serde::Deserialize;

use crate::error::Error;
use crate::lexicon::Lexicons;

#[derive(Debug, Deserialize)]
pub struct GoldArticle {
    pub article: String,
    #[serde(default)]
    pub meetings: Vec<GoldMeeting>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
pub struct GoldDate {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DateRange {
    pub from: GoldDate,
    pub to: GoldDate,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldMeeting {
    #[serde(default)]
    pub optional: bool,
    pub date: Option<GoldDate>,
    pub date_range: Option<DateRange>,
    pub city: Option<String>,
    pub kind: Option<String>,
    pub partner: String,
    #[serde(default)]
    pub participants: Vec<GoldPerson>,
    #[serde(default)]
    pub participants_optional: Vec<GoldPerson>,
    #[serde(default)]
    pub themes: Vec<String>,
    #[serde(default)]
    pub themes_optional: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldPerson {
    pub name: String,
    pub role: Option<String>,
    pub side: Option<String>,
}

/// The gold files of a directory (`load_dir`), each person named as the
/// gazetteer names them: SPEC keeps one canonical name across spellings,
/// so a gold written "Vilay Lakhamphong" names the gazetteer's "Vilay
/// Lakhamfong"; and each partner by its canonical name, so a gold written
/// "International Institute for Strategic Studies" names "IISS".
pub fn load_canonical(dir: &Path, lex: &Lexicons) -> Result<Vec<GoldArticle>, Error> {
    let mut gold = load_dir(dir)?;
    let Some(lexicon) = lex.langs.first() else {
        return Ok(gold);
    };
    let people = gold
        .iter_mut()
        .flat_map(|a| a.meetings.iter_mut())
        .flat_map(|m| {
            m.participants
                .iter_mut()
                .chain(&mut m.participants_optional)
        });
    for person in people {
        if let Some(name) = lexicon.gazetteer_name(&person.name) {
            person.name = name.to_string();
        }
    }
    // Partners are written in English, whatever the article's language.
    for meeting in gold.iter_mut().flat_map(|a| a.meetings.iter_mut()) {
        let canonical = lex
            .langs
            .iter()
            .find_map(|l| l.partner_name(&meeting.partner));
        if let Some(name) = canonical {
            meeting.partner = name.to_string();
        }
    }
    Ok(gold)
}

/// Every `*.json` gold file in a directory, sorted by name.
pub fn load_dir(dir: &Path) -> Result<Vec<GoldArticle>, Error> {
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    if paths.is_empty() {
        return Err(Error::Gold {
            path: dir.to_path_buf(),
            message: "no *.json gold files".into(),
        });
    }
    paths
        .iter()
        .map(|p| {
            let text = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
            serde_json::from_str(&text).map_err(|e| Error::Gold {
                path: p.clone(),
                message: e.to_string(),
            })
        })
        .collect()
}
