//! Themes: the theme cues in the sentences telling of each meeting.
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
    let mut masks: Vec<Span> = people.titles.iter().copied().chain(names).collect();
    masks.sort_by_key(|m| m.start);
    let masked = |cue: Span| {
        // Masks start before the cue and end after it; titles and names are short.
        let to = masks.partition_point(|m| m.start <= cue.start);
        masks[..to].iter().rev().take(8).any(|m| cue.end <= m.end)
    };
    let single = drafts.meetings.len() == 1;
    let owners = drafts.sentence_owners(doc);
    // Per meeting, its topics in order of first cue.
    let mut topics: Vec<Vec<Topic>> = vec![Vec::new(); drafts.meetings.len()];
    for cue in &doc.cues {
        let Some(si) = doc.sentence_of(cue.span.start) else {
            continue;
        };
        let sentence = doc.sentences[si];
        let owner = match sentence.paragraph {
            Some(_) => owners[si],
            None => single.then_some(0),
        };
        let (Some(mi), Some(Entity::Theme(t))) =
            (owner, cue.get(|e| matches!(e, Entity::Theme(_))))
        else {
            continue;
        };
        if cue.span.end > sentence.span.end || masked(cue.span) {
            continue;
        }
        let theme = &doc.lex.themes[t];
        match topics[mi].iter_mut().find(|topic| &topic.theme == theme) {
            Some(topic) => topic.mentions += 1,
            None => topics[mi].push(Topic {
                meeting: mi,
                theme: theme.clone(),
                mentions: 1,
                trigger: cue.span,
                evidence: sentence.span,
            }),
        }
    }
    topics.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use crate::extract::testing::extract;

    fn themes(lang: &str, text: &str) -> Vec<(usize, String)> {
        extract(lang, text)
            .topics
            .into_iter()
            .map(|t| (t.meeting, t.theme))
            .collect()
    }

    #[test]
    fn each_meeting_takes_the_themes_of_its_own_paragraphs() {
        let t = themes(
            "fr",
            "T\n\nLe 3 mai à Hanoï, le ministre Trần Văn Hải a reçu l'ambassadeur du Japon.\n\nLes deux parties ont convenu de renforcer la lutte contre le terrorisme.\n\nLe même jour, il a reçu l'ambassadeur de l'Inde.\n\nIls ont évoqué la lutte contre la cybercriminalité.",
        );
        assert!(t.contains(&(0, "terrorism".into())), "{t:?}");
        assert!(t.contains(&(1, "cybercrime".into())), "{t:?}");
        assert!(!t.contains(&(0, "cybercrime".into())) && !t.contains(&(1, "terrorism".into())));
    }

    #[test]
    fn a_sentence_reporting_another_meeting_takes_the_rest_of_its_paragraph() {
        let e = extract(
            "en",
            "T\n\nOn June 21 in Phnom Penh, Defence Minister Phan Van Giang met separately with his counterparts from Laos and Japan. During the talks with Lao Defence Minister Chansamone Chanyalath, both sides agreed to step up the fight against drug trafficking. In his talks with Japanese Defence Minister Kishi Nobuo, the two ministers discussed cyber security.",
        );
        let of = |theme: &str| -> Vec<&str> {
            e.topics
                .iter()
                .filter(|t| t.theme == theme)
                .map(|t| e.meetings[t.meeting].partner.as_str())
                .collect()
        };
        assert_eq!(of("drug_trafficking"), ["Laos"], "{:?}", e.topics);
        assert_eq!(of("cybersecurity"), ["Japan"], "{:?}", e.topics);
    }

    #[test]
    fn sharing_information_reads_as_a_verb_a_passive_or_keeping_informed() {
        let lead = |lang: &str| match lang {
            "fr" => "Le 3 mai à Hanoï, le ministre Trần Văn Hải a reçu l'ambassadeur du Japon.",
            _ => "On May 3 in Hanoi, Minister Tran Van Hai received the Ambassador of Japan.",
        };
        let shares = |lang: &str, sentence: &str| {
            themes(lang, &format!("T\n\n{} {sentence}", lead(lang)))
                .iter()
                .any(|(_, t)| t == "information_sharing")
        };
        for (lang, sentence) in [
            (
                "en",
                "The two forces have regularly traded information on crime.",
            ),
            (
                "en",
                "They agreed that more information is exchanged to prevent crime.",
            ),
            (
                "en",
                "Both sides will keep each other informed of the crime situation.",
            ),
            (
                "fr",
                "Les délégations se sont communiqué des informations sur la criminalité.",
            ),
            (
                "fr",
                "Des informations sur les réseaux ont été régulièrement échangées.",
            ),
        ] {
            assert!(shares(lang, sentence), "{sentence}");
        }
        assert!(!shares(
            "en",
            "They discussed information technology training."
        ));
    }

    #[test]
    fn a_border_managed_and_crimes_sharing_one_noun_are_themes() {
        let of = |lang: &str, text: &str| -> Vec<String> {
            themes(lang, text).into_iter().map(|(_, t)| t).collect()
        };
        let en = of(
            "en",
            "T\n\nOn May 3 in Hanoi, Minister Tran Van Hai received the Ambassador of Laos. They discussed the management and protection of the border and the fight against transnational and high-tech crimes.",
        );
        assert!(en.contains(&"border_management".into()), "{en:?}");
        assert!(en.contains(&"transnational_crime".into()), "{en:?}");
        let fr = of(
            "fr",
            "T\n\nLe 3 mai à Hanoï, le ministre Trần Văn Hải a reçu l'ambassadeur du Laos. Ils ont évoqué la gestion et la protection de la frontière, ainsi que la criminalité de haute technologie et transnationale.",
        );
        assert!(fr.contains(&"border_management".into()), "{fr:?}");
        assert!(fr.contains(&"transnational_crime".into()), "{fr:?}");
    }

    #[test]
    fn a_cue_inside_a_title_says_nothing_of_the_talks() {
        let t = themes(
            "en",
            "T\n\nOn May 3 in Hanoi, Minister Tran Van Hai received Ravi Kumar, India's National Security Adviser, and Director of the Department of Cybersecurity and High-tech Crime Prevention Pham Duc Long.",
        );
        assert!(
            !t.iter().any(|(_, theme)| theme == "cybersecurity"),
            "{t:?}"
        );
    }
}
