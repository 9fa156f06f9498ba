//! Themes: the theme cues in each meeting's own paragraphs.
//!
//! A cue inside a person's title ("conseiller à la sécurité nationale", "vice-
//! ministre chargé de la cybersécurité") or a place or person name says nothing
//! about what was discussed and is skipped. The title counts only when the article reports
//! a single meeting.

use super::meetings::Drafts;
use super::participants::People;
use super::{Doc, Topic};
use crate::clean::Span;
use crate::lexicon::Entity;

pub fn assign(doc: &Doc, people: &People, drafts: &Drafts) -> Vec<Topic> {
    let names = doc
        .entities
        .iter()
        .filter(|f| {
            f.what
                .iter()
                .any(|e| matches!(e, Entity::Country(_) | Entity::City(_) | Entity::Person(_)))
        })
        .map(|f| f.span);
    let masks: Vec<Span> = people.titles.iter().copied().chain(names).collect();
    let single = drafts.meetings.len() == 1;
    let mut out = Vec::new();
    for mi in 0..drafts.meetings.len() {
        let owned: Vec<usize> = drafts.paragraphs(mi).collect();
        let sentences: Vec<Span> = doc
            .sentences
            .iter()
            .filter(|s| s.paragraph.map_or(single, |p| owned.contains(&p)))
            .map(|s| s.span)
            .collect();
        let mut topics: Vec<Topic> = Vec::new();
        for cue in &doc.cues {
            let Some(sentence) = sentences
                .iter()
                .find(|s| s.start <= cue.span.start && cue.span.end <= s.end)
            else {
                continue;
            };
            if masks
                .iter()
                .any(|m| m.start <= cue.span.start && cue.span.end <= m.end)
            {
                continue;
            }
            let Some(Entity::Theme(t)) = cue.get(|e| matches!(e, Entity::Theme(_))) else {
                continue;
            };
            let theme = &doc.lex.themes[t];
            match topics.iter_mut().find(|topic| &topic.theme == theme) {
                Some(topic) => topic.mentions += 1,
                None => topics.push(Topic {
                    meeting: mi,
                    theme: theme.clone(),
                    mentions: 1,
                    trigger: cue.span,
                    evidence: *sentence,
                }),
            }
        }
        out.extend(topics);
    }
    out
}
