//! Stage 3: paragraphs and sentences, as byte spans of the original text.

use crate::clean::{Cleaned, Span};

#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph holding it; `None` for the title.
    pub paragraph: Option<usize>,
}

/// Sentences of the title (if any) and of every body paragraph, in text order.
pub fn segment(text: &str, cleaned: &Cleaned) -> Vec<Sentence> {
    let mut out = Vec::new();
    if let Some(title) = cleaned.title {
        out.extend(sentences(text, title).map(|span| Sentence {
            span,
            paragraph: None,
        }));
    }
    for (i, para) in cleaned.body.iter().enumerate() {
        out.extend(sentences(text, *para).map(|span| Sentence {
            span,
            paragraph: Some(i),
        }));
    }
    out
}

/// Longest sentence, in bytes: past it a sentence is cut at a space. Real
/// sentences are far shorter; the cap keeps every later per-sentence step
/// bounded, so a text without punctuation still takes linear time.
pub const MAX_SENTENCE: usize = 2_000;

/// Splits a paragraph after `.`, `!`, `?` or `…` when the next word starts a
/// sentence, but not after an initial ("K. Tan") or a title abbreviation.
pub fn sentences(text: &str, para: Span) -> impl Iterator<Item = Span> + '_ {
    let content = para.slice(text);
    let mut start = 0;
    let mut cuts = Vec::new();
    let mut chars = content.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let length = i.saturating_sub(start);
        if length >= MAX_SENTENCE && c.is_whitespace() || length >= 2 * MAX_SENTENCE {
            cuts.push((start, i));
            start = i;
        }
        if !matches!(c, '.' | '!' | '?' | '…') {
            continue;
        }
        let Some(&(next_at, next)) = chars.peek() else {
            continue;
        };
        if !next.is_whitespace() {
            continue;
        }
        let following = content[next_at..].trim_start();
        let starts_sentence = following
            .chars()
            .next()
            .is_some_and(|f| f.is_uppercase() || f.is_ascii_digit() || "«\"“(–—-".contains(f));
        if !starts_sentence || (c == '.' && is_abbreviation(&content[..i])) {
            continue;
        }
        let end = i + c.len_utf8();
        cuts.push((start, end));
        start = next_at + (content[next_at..].len() - following.len());
    }
    if start < content.len() {
        cuts.push((start, content.len()));
    }
    cuts.into_iter()
        .filter(|(s, e)| s < e)
        .map(move |(s, e)| Span {
            start: para.start + s,
            end: para.start + e,
        })
        .filter(|s| !s.slice(text).trim().is_empty())
}

/// The word before a period is an initial or a common abbreviation.
fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let single_capital = letters == 1 && word.chars().all(|c| c.is_uppercase() || c == '.');
    single_capital
        || matches!(
            word,
            "M" | "Mme"
                | "Mlle"
                | "Dr"
                | "Pr"
                | "St"
                | "Ste"
                | "Me"
                | "MM"
                | "S.E"
                | "etc"
                | "av"
                | "apr"
                | "J.-C"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str) -> Vec<&str> {
        let para = Span {
            start: 0,
            end: text.len(),
        };
        sentences(text, para).map(|s| s.slice(text)).collect()
    }

    #[test]
    fn splits_on_sentence_ends_only() {
        assert_eq!(
            split("K. Tan a salué. Mme Anna T. Berg a dit : « Oui ». M. Dupont part… Le 5 mai."),
            [
                "K. Tan a salué.",
                "Mme Anna T. Berg a dit : « Oui ».",
                "M. Dupont part…",
                "Le 5 mai."
            ]
        );
    }

    #[test]
    fn keeps_offsets_into_the_original() {
        let text = "Titre\nUne phrase. Une autre.";
        let para = Span {
            start: 6,
            end: text.len(),
        };
        let spans: Vec<Span> = sentences(text, para).collect();
        assert_eq!(&text[spans[1].start..spans[1].end], "Une autre.");
    }

    #[test]
    fn overlong_sentences_are_cut_at_spaces() {
        let text = "mot ".repeat(MAX_SENTENCE);
        let parts = split(&text);
        assert!(parts.len() >= 2);
        assert!(parts.iter().all(|p| p.len() <= 2 * MAX_SENTENCE));
        assert_eq!(parts.concat().len(), text.len(), "nothing is lost");
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("la 12e Rencontre etc. et la suite."),
            ["la 12e Rencontre etc. et la suite."]
        );
    }
}
