//! Stage 2: separate article text from page furniture.
//!
//! Cleaning never copies or rewrites the text: it keeps the byte ranges of the
//! lines that are article body, so every later offset points into the
//! original text. Dropped: photo captions and credits, `>>` links, repeated
//! lines, the page's date stamp (kept as the publication date when the input
//! gives none), and everything after a "Voir plus" marker.

use memchr::memmem::Finder;
use rustc_hash::FxHashSet;

use chrono::NaiveDate;

use crate::fold::{fold, Folded};
use crate::lexicon::{Lexicon, Noise};

/// A byte range of the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

#[derive(Debug, Clone)]
pub struct Cleaned {
    pub title: Option<Span>,
    /// Body paragraphs (one per kept line), datelines stripped.
    pub body: Vec<Span>,
    /// "Hanoï" in "Hanoï (VNA) -": where the article was filed.
    pub dateline: Option<Span>,
    /// The date the page prints under its title ("Thứ Hai, 30/09/2024").
    pub stamp: Option<NaiveDate>,
    /// Photo captions: no body text, but they name who met and their titles.
    pub captions: Vec<Span>,
}

impl Cleaned {
    pub fn body_chars(&self, text: &str) -> usize {
        self.body
            .iter()
            .map(|s| s.slice(text).chars().count())
            .sum()
    }
}

/// `folded` is `text` folded; `title_in_text` says whether the first line is
/// the title (a JSON Lines record's text is often the body alone).
pub fn clean(text: &str, folded: &Folded, lex: &Lexicon, title_in_text: bool) -> Cleaned {
    let noise = &lex.noise;
    let mut title = None;
    let mut body: Vec<Span> = Vec::new();
    let mut dateline = None;
    let mut stamp = None;
    let mut captions = Vec::new();
    let mut seen = FxHashSet::default();
    let mut signed_off = false;
    for line in lines(text) {
        let folded = folded.of(line.start, line.end);
        if signed_off {
            break;
        }
        if title_in_text && title.is_none() {
            title = Some(line);
            seen.insert(folded);
            continue;
        }
        // Teasers follow the story: a marker above its first sentence is
        // the page's menu.
        if is_stop_marker(folded, noise) {
            if body.iter().any(|l| is_prose(l.slice(text))) {
                break;
            }
            continue;
        }
        if is_link(line.slice(text), folded, noise) || is_credit(folded, noise) {
            continue;
        }
        // A date stamp stands among the first lines, before the story.
        if body.len() < 3 && stamp.is_none() {
            let date = lex
                .dates
                .stamp(folded)
                .or_else(|| lex.foreign_dates.iter().find_map(|d| d.stamp(folded)));
            if let Some(date) = date {
                stamp = Some(date);
                continue;
            }
        }
        let line = if is_caption(folded, noise) {
            // A caption glued to the dateline that follows it: "…(Photo:
            // VNA)Hanoi (VNA) – The lead…" keeps its lead.
            match lead_after_caption(text, line, noise) {
                Some(rest) => rest,
                None => {
                    captions.push(line);
                    continue;
                }
            }
        } else {
            line
        };
        if !seen.insert(folded) {
            continue;
        }
        signed_off = signs_off(folded, noise);
        match split_dateline(text, line, noise) {
            Some((place, rest)) => {
                dateline.get_or_insert(place);
                body.push(rest);
            }
            None => body.push(agency_lead(text, line, noise).unwrap_or(line)),
        }
    }
    // Labels above the story ("Making news", "• An Giang", "Print") are the
    // page's, not its lead.
    if let Some(lead) = body.iter().position(|l| is_prose(l.slice(text))) {
        body.drain(..lead);
    }
    Cleaned {
        title,
        body,
        dateline,
        stamp,
        captions,
    }
}

/// Non-empty lines, trimmed, as spans.
fn lines(text: &str) -> impl Iterator<Item = Span> + '_ {
    // The memchr crate's search: std's `split_inclusive('\n')` is a portable one.
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1);
    let mut at = 0;
    ends.chain([text.len()]).filter_map(move |end| {
        let start = at;
        at = end;
        let raw = &text[start..end];
        let trimmed_start = raw.len() - raw.trim_start().len();
        let body = raw.trim();
        (!body.is_empty()).then(|| Span {
            start: start + trimmed_start,
            end: start + trimmed_start + body.len(),
        })
    })
}

/// A line of running text rather than a menu item or a heading: a sentence
/// ends it, or it runs long and is no item of a list ("- 7th Vietnam - US
/// defence policy dialogue held", a related headline).
fn is_prose(line: &str) -> bool {
    const MIN_WORDS: usize = 8;
    let item = line.starts_with(['-', '–', '•', '·', '*']);
    line.ends_with(['.', '!', '?', '…']) || (!item && line.split_whitespace().count() >= MIN_WORDS)
}

fn is_stop_marker(folded: &str, noise: &Noise) -> bool {
    let bare = folded.trim_end_matches(|c: char| c == ':' || c == '.' || c.is_whitespace());
    noise.stop_markers.iter().any(|m| m == bare)
}

/// A line opening with a link marker ("»", ">>", "Read more:"), or a menu
/// of them (`menu_separators`). Folding
/// makes "»" a quotation mark like "«" and '"': a line opening a quotation
/// is no link.
fn is_link(line: &str, folded: &str, noise: &Noise) -> bool {
    // "Story A | Story B | Story C": a menu of links.
    let menu = noise.menu_separators.iter().any(|s| {
        folded
            .trim_end()
            .trim_end_matches(s.as_str())
            .matches(s.as_str())
            .count()
            >= 2
    });
    if menu {
        return true;
    }
    let quotation = line.starts_with(['"', '«', '“']);
    noise
        .link_prefixes
        .iter()
        .any(|p| folded.starts_with(p.as_str()) && !(quotation && p.starts_with('"')))
}

/// "… Photo: VNA", "Photo : VNA/CVN", the "ảnh 1" marker of image captions,
/// and a line closed by a caption's end mark ("… le 23 novembre. |").
fn is_caption(folded: &str, noise: &Noise) -> bool {
    let closed = folded.trim_end();
    if noise
        .caption_ends
        .iter()
        .any(|m| closed.ends_with(m.as_str()))
    {
        return true;
    }
    let marker = |word: &Finder| {
        let len = word.needle().len();
        word.find_iter(folded.as_bytes()).any(|i| {
            let before_ok = !folded[..i]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric);
            let rest = folded[i + len..].trim_start();
            before_ok && (rest.starts_with(':') || rest.starts_with(|c: char| c.is_ascii_digit()))
        })
    };
    noise.caption_words.iter().any(marker)
}

/// The rest of a caption line after a closing parenthesis, when it opens
/// with a dateline: the caption and the lead lost their line break.
fn lead_after_caption(text: &str, line: Span, noise: &Noise) -> Option<Span> {
    let content = line.slice(text);
    content.match_indices(')').find_map(|(i, _)| {
        let rest = &content[i + 1..];
        let start = line.start + i + 1 + (rest.len() - rest.trim_start().len());
        let rest = Span {
            start,
            end: line.end,
        };
        (start < line.end && split_dateline(text, rest, noise).is_some()).then_some(rest)
    })
}

/// "… entre les deux pays. -VNA", "… cooperation./.": the story's last
/// paragraph, signed by its outlet after a dash or closed by an end mark.
/// What follows on the page are teasers of other stories.
fn signs_off(folded: &str, noise: &Noise) -> bool {
    let line = folded.trim_end();
    let signed = |agency: &String| {
        line.strip_suffix(agency.as_str()).is_some_and(|rest| {
            let rest = rest.trim_end();
            rest.ends_with(['-', '–', '—']) && rest.len() > 1
        })
    };
    noise.end_marks.iter().any(|m| line.ends_with(m.as_str())) || noise.agencies.iter().any(signed)
}

/// A line made only of agency names and separators ("VNA/CVN", "-VNA", "(AFP)").
fn is_credit(folded: &str, noise: &Noise) -> bool {
    let mut rest = folded.trim();
    if rest.is_empty() || rest.len() > 60 {
        return false;
    }
    loop {
        rest = rest.trim_start_matches(|c: char| "/-()[].,&".contains(c) || c.is_whitespace());
        if rest.is_empty() {
            return true;
        }
        let Some(agency) = noise
            .agencies
            .iter()
            .filter(|a| rest.starts_with(a.as_str()))
            .filter(|a| !rest[a.len()..].starts_with(char::is_alphanumeric))
            .max_by_key(|a| a.len())
        else {
            return false;
        };
        rest = &rest[agency.len()..];
    }
}

/// The rest of a line opening with an outlet and a dash but no place:
/// "VGP – Receiving …", "(VOVWORLD) - Le Vietnam …".
fn agency_lead(text: &str, line: Span, noise: &Noise) -> Option<Span> {
    let content = line.slice(text);
    let (head, rest) = ["–", "—", " - "]
        .iter()
        .filter_map(|d| content.split_once(d))
        .min_by_key(|(head, _)| head.len())?;
    let agency = fold(head.trim().trim_start_matches('(').trim_end_matches(')'));
    if !noise.agencies.iter().any(|a| *a == agency.trim()) {
        return None;
    }
    let rest = rest.trim_start();
    Some(Span {
        start: line.end - rest.len(),
        end: line.end,
    })
}

/// "Hanoï (VNA) - Le général…" → ("Hanoï", "Le général…"); English copy
/// also files under a place in capitals with no outlet: "HÀ NỘI — The
/// minister…".
fn split_dateline(text: &str, line: Span, noise: &Noise) -> Option<(Span, Span)> {
    const MAX_PLACE_WORDS: usize = 4;
    let content = line.slice(text);
    let with_outlet = || {
        let open = content.find('(')?;
        let close = open + content[open..].find(')')?;
        let agency = fold(&content[open + 1..close]);
        noise
            .agencies
            .iter()
            .any(|a| *a == agency.trim())
            .then(|| (content[..open].trim_end(), close + 1))
    };
    let in_capitals = || {
        let dash = content.find(['—', '–'])?;
        let place = content[..dash].trim_end();
        let letters = || place.chars().filter(|c| c.is_alphabetic());
        let capitals = letters().count() >= 2 && letters().all(char::is_uppercase);
        (capitals && !noise.agencies.iter().any(|a| *a == fold(place))).then_some((place, dash))
    };
    let (place, after) = with_outlet().or_else(in_capitals)?;
    if place.is_empty() || place.split_whitespace().count() > MAX_PLACE_WORDS {
        return None;
    }
    let after_text = &content[after..];
    let dash = after_text.trim_start();
    let dash_len = dash
        .chars()
        .next()
        .filter(|c| "-–—:".contains(*c))?
        .len_utf8();
    let rest_start = after + (after_text.len() - dash.len()) + dash_len;
    let rest = &content[rest_start..];
    if rest.trim().is_empty() {
        return None;
    }
    let rest_start = rest_start + (rest.len() - rest.trim_start().len());
    Some((
        Span {
            start: line.start,
            end: line.start + place.len(),
        },
        Span {
            start: line.start + rest_start,
            end: line.end,
        },
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;

    fn body(text: &str) -> Vec<String> {
        body_in("fr", text)
    }

    fn body_in(lang: &str, text: &str) -> Vec<String> {
        let lex = Lexicon::embedded_lang(lang).unwrap();
        clean(text, &Folded::new(text), &lex, true)
            .body
            .iter()
            .map(|s| s.slice(text).to_string())
            .collect()
    }

    #[test]
    fn drops_captions_credits_links_repeats_and_teasers() {
        let text = "Titre\n\n>> Un autre article\nPhoto : VNA/CVN\nLe ministre (droite) et son hôte. Photo: VNA\n\
                    Premier paragraphe.\nPremier paragraphe.\nVNA/CVN\n-VNA\nDeuxième.\n\nVoir plus\n\nLe Premier ministre rencontre…";
        assert_eq!(body(text), ["Premier paragraphe.", "Deuxième."]);
    }

    #[test]
    fn a_menu_of_other_stories_is_no_text() {
        let text = "T\n\nHanoi Liberation Day | Smart City Summit | Vietnam-France cooperation: 12th conference\n\nThe two fugitives were handed over on Tuesday.";
        assert_eq!(
            body_in("en", text),
            ["The two fugitives were handed over on Tuesday."]
        );
    }

    #[test]
    fn a_line_closed_by_a_caption_mark_is_a_caption() {
        let text = "Titre\n\nLa séance du Conseil de sécurité, le 23 novembre. |\n\nPhoto : VNA/CVN |\n\nPrenant la parole, l'ambassadeur a condamné le terrorisme.";
        assert_eq!(
            body(text),
            ["Prenant la parole, l'ambassadeur a condamné le terrorisme."]
        );
    }

    #[test]
    fn a_paragraph_signed_by_its_outlet_ends_the_story() {
        let text = "Titre\n\nPremier paragraphe.\n\nDernier paragraphe des deux pays. -VNA\n\n\
                    Le Premier ministre rencontre ses compatriotes en Afrique du Sud";
        assert_eq!(
            body(text),
            [
                "Premier paragraphe.",
                "Dernier paragraphe des deux pays. -VNA"
            ]
        );
        let ended =
            "T\n\nThe two sides agreed to cooperate./.\n\nOther story about a ceremony today";
        assert_eq!(body_in("en", ended).len(), 1);
        // A dash inside the last sentence is no signature.
        let inside = "Titre\n\nLe Vietnam et le Laos - VNA en tête - coopèrent.\n\nSuite de l'article ici même.";
        assert_eq!(body(inside).len(), 2);
    }

    #[test]
    fn a_stop_marker_in_the_menu_above_the_story_stops_nothing() {
        let text = "Title\n\nDocuments\nSee also:\nHanoi (VNA) - The minister received the ambassador of Japan today.\nSee also\nAnother story.";
        assert_eq!(
            body_in("en", text),
            ["The minister received the ambassador of Japan today."]
        );
    }

    #[test]
    fn an_outlet_opening_the_lead_without_a_place_is_no_text() {
        assert_eq!(
            body_in("en", "T\nVGP – Receiving the minister, the PM said so."),
            ["Receiving the minister, the PM said so."]
        );
        assert_eq!(
            body("T\n(VOVWORLD) - Le Vietnam accorde un grand prix."),
            ["Le Vietnam accorde un grand prix."]
        );
    }

    #[test]
    fn strips_dateline_and_keeps_offsets() {
        let lex = Lexicon::embedded().unwrap();
        let text = "Titre\nHanoï (VNA) – Le général a reçu son homologue.";
        let c = clean(text, &Folded::new(text), &lex, true);
        assert_eq!(c.dateline.unwrap().slice(text), "Hanoï");
        assert_eq!(c.body[0].slice(text), "Le général a reçu son homologue.");
        assert_eq!(c.title.unwrap().slice(text), "Titre");
    }

    #[test]
    fn a_parenthesis_that_is_not_an_agency_is_not_a_dateline() {
        assert_eq!(
            body("T\nLe NSC (Inde) - suite."),
            ["Le NSC (Inde) - suite."]
        );
    }

    #[test]
    fn a_line_opening_a_quotation_is_no_link() {
        assert_eq!(
            body("Titre\n» Un autre article\n\"Nous y tenons\", a déclaré le ministre.\n« Oui », a-t-il dit."),
            ["\"Nous y tenons\", a déclaré le ministre.", "« Oui », a-t-il dit."]
        );
    }

    #[test]
    fn labels_above_the_story_are_not_its_lead() {
        assert_eq!(
            body("Titre\nÀ la une\n• An Giang\nLe ministre a reçu l'ambassadeur.\nCourt"),
            ["Le ministre a reçu l'ambassadeur.", "Court"]
        );
        assert_eq!(body("Titre\nÀ la une\nCourt"), ["À la une", "Court"]);
        assert_eq!(
            body("Title\n- 7th Vietnam - US defence policy dialogue held today\nThe minister received the ambassador.\nShort"),
            ["The minister received the ambassador.", "Short"]
        );
    }

    #[test]
    fn a_place_in_capitals_before_a_dash_is_a_dateline() {
        let lex = Lexicon::embedded_lang("en").unwrap();
        let text = "Title\nHÀ NỘI — Speaking by phone, the minister (MPS) said so.\nVGP – Receiving the envoy, he said.\nIn the NSC – a body – talks went on.";
        let c = clean(text, &Folded::new(text), &lex, true);
        assert_eq!(c.dateline.unwrap().slice(text), "HÀ NỘI");
        let body: Vec<&str> = c.body.iter().map(|s| s.slice(text)).collect();
        assert_eq!(
            body,
            [
                "Speaking by phone, the minister (MPS) said so.",
                "Receiving the envoy, he said.",
                "In the NSC – a body – talks went on."
            ]
        );
    }

    proptest::proptest! {
        #[test]
        fn lines_are_the_trimmed_non_empty_lines_in_order(text in "[a\n\r é\t]{0,40}") {
            let spans: Vec<Span> = lines(&text).collect();
            let got: Vec<&str> = spans.iter().map(|s| s.slice(&text)).collect();
            let want: Vec<&str> = text.split('\n').map(str::trim).filter(|l| !l.is_empty()).collect();
            proptest::prop_assert_eq!(got, want);
            proptest::prop_assert!(spans.windows(2).all(|w| w[0].end < w[1].start));
        }
    }

    #[test]
    fn a_date_stamp_under_the_title_is_the_publication_date() {
        let lex = Lexicon::embedded_lang("en").unwrap();
        let text = "Title\n\nThứ Hai, 30/09/2024, 17:27\n\nHanoi (VNA) – On September 30, the minister met X.";
        let c = clean(text, &Folded::new(text), &lex, true);
        assert_eq!(c.stamp, NaiveDate::from_ymd_opt(2024, 9, 30));
        assert_eq!(c.body.len(), 1, "the stamp is no paragraph");
        let text = "Title\n\nSeptember 14, 2023\n\nBEIJING — The minister met X on September 13.";
        let c = clean(text, &Folded::new(text), &lex, true);
        assert_eq!(c.stamp, NaiveDate::from_ymd_opt(2023, 9, 14));
        let text =
            "Title\n\nThe minister met X on September 13, 2023 in Hanoi and discussed crime.";
        assert_eq!(clean(text, &Folded::new(text), &lex, true).stamp, None);
        // A French page may stamp its date in English.
        let fr = Lexicon::embedded_lang("fr").unwrap();
        let text = "Titre\n\nMay 22, 2017 16:22\n\nLa police provinciale a accueilli le 22 mai la conférence.";
        let c = clean(text, &Folded::new(text), &fr, true);
        assert_eq!(c.stamp, NaiveDate::from_ymd_opt(2017, 5, 22));
    }
}
