//! Stage 3: paragraphs and sentences, as byte spans of the original text.

use crate::clean::{Cleaned, Span};

#[derive(Debug, Clone, Copy)]
pub struct Sentence {
    pub span: Span,
    /// Index of the paragraph holding it; `None` for the title.
    pub paragraph: Option<usize>,
}

/// Sentences of the title (if any), of the photo captions and of every body
/// paragraph, in text order. Title and captions belong to no paragraph.
pub fn segment(text: &str, cleaned: &Cleaned, abbreviations: &[String]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for line in cleaned.title.iter().chain(&cleaned.captions) {
        out.extend(sentences(text, *line, abbreviations).map(|span| Sentence {
            span,
            paragraph: None,
        }));
    }
    for (i, para) in cleaned.body.iter().enumerate() {
        out.extend(sentences(text, *para, abbreviations).map(|span| Sentence {
            span,
            paragraph: Some(i),
        }));
    }
    out.sort_by_key(|s| s.span.start);
    out
}

/// Longest sentence, in bytes: past it a sentence is cut at a space. Real
/// sentences are far shorter; the cap keeps every later per-sentence step
/// bounded, so a text without punctuation still takes linear time.
pub const MAX_SENTENCE: usize = 2_000;

/// Splits a paragraph after `.`, `!`, `?` or `…` when the next word starts a
/// sentence, but not after an initial ("K. Tan") or one of the language's
/// `abbreviations` ("M.", "Dr").
pub fn sentences<'t>(
    text: &'t str,
    para: Span,
    abbreviations: &[String],
) -> impl Iterator<Item = Span> + 't {
    let content = para.slice(text);
    let bytes = content.as_bytes();
    let mut start = 0;
    let mut cuts = Vec::new();
    // On the bytes, from one possible end mark to the next, decoding a
    // character only where it matters: every sentence end is ASCII but `…`.
    let mut marks = Marks::new(bytes);
    let mut i = 0;
    while i < bytes.len() {
        // While the sentence is short, nothing happens before an end mark.
        let short_until = (start + MAX_SENTENCE).min(bytes.len());
        if i < short_until {
            match marks.next(i).filter(|&m| m < short_until) {
                Some(m) => i = m,
                None => {
                    i = (short_until..=bytes.len())
                        .find(|&at| content.is_char_boundary(at))
                        .expect("the end is a boundary");
                    continue;
                }
            }
        }
        let lead = bytes[i];
        let width = utf8_width(lead);
        let length = i.saturating_sub(start);
        if length >= MAX_SENTENCE
            && (length >= 2 * MAX_SENTENCE || char_at(content, i).is_whitespace())
        {
            cuts.push((start, i));
            start = i;
        }
        let at = i;
        i += width;
        let end_mark = may_end(lead) && (lead != ELLIPSIS_LEAD || content[at..].starts_with('…'));
        let spaced = content[i..].starts_with(char::is_whitespace);
        if !end_mark || !(spaced || lead == b'.' && glued(&content[..at], &content[i..])) {
            continue;
        }
        let following = content[i..].trim_start();
        if !starts_sentence(following)
            || (lead == b'.' && is_abbreviation(&content[..at], abbreviations))
        {
            continue;
        }
        cuts.push((start, i));
        start = i + (content[i..].len() - following.len());
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

/// A page that lost the space after a full stop ("achieved
/// together.According to…"): a lower-case word of a few letters before
/// it and a capitalised word after it. "U.S.", "St.Petersburg" and
/// "vietnamplus.vn" stay whole.
fn glued(before: &str, after: &str) -> bool {
    const WORD: usize = 3;
    let word = before
        .chars()
        .rev()
        .take(WORD)
        .filter(|c| c.is_lowercase())
        .count()
        == WORD;
    let mut head = after.chars();
    word && head.next().is_some_and(char::is_uppercase)
        && head.next().is_some_and(char::is_lowercase)
}

/// Text after a sentence end opens a new sentence: a capital, a digit, a
/// quote, a parenthesis or a dash.
fn starts_sentence(following: &str) -> bool {
    following
        .chars()
        .next()
        .is_some_and(|f| f.is_uppercase() || f.is_ascii_digit() || "«\"“(–—-".contains(f))
}

/// The ASCII sentence ends.
const END_MARKS: [u8; 3] = [b'.', b'!', b'?'];
/// The first byte of `…` (and of other characters from U+2000 to U+2FFF).
const ELLIPSIS_LEAD: u8 = 0xE2;

/// The bytes that may open a sentence end (`may_end`), found with memchr's
/// vector searches: the ASCII ends in one, the lead byte of `…` in another.
struct Marks<'a> {
    ascii: std::iter::Peekable<memchr::Memchr3<'a>>,
    ellipsis: std::iter::Peekable<memchr::Memchr<'a>>,
}

impl<'a> Marks<'a> {
    fn new(bytes: &'a [u8]) -> Marks<'a> {
        let [a, b, c] = END_MARKS;
        Marks {
            ascii: memchr::memchr3_iter(a, b, c, bytes).peekable(),
            ellipsis: memchr::memchr_iter(ELLIPSIS_LEAD, bytes).peekable(),
        }
    }

    /// The first mark at or after `from`; `from` never goes back, so each
    /// search runs over the paragraph once.
    fn next(&mut self, from: usize) -> Option<usize> {
        while self.ascii.next_if(|&at| at < from).is_some() {}
        while self.ellipsis.next_if(|&at| at < from).is_some() {}
        match (self.ascii.peek(), self.ellipsis.peek()) {
            (Some(&a), Some(&e)) => Some(a.min(e)),
            (a, e) => a.or(e).copied(),
        }
    }
}

/// A byte that may open a sentence end: an ASCII end or the lead byte of `…`.
fn may_end(b: u8) -> bool {
    END_MARKS.contains(&b) || b == ELLIPSIS_LEAD
}

/// The length in bytes of the UTF-8 character starting with `lead`.
fn utf8_width(lead: u8) -> usize {
    match lead {
        0..0xE0 => 1 + usize::from(lead >= 0xC0),
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

fn char_at(text: &str, at: usize) -> char {
    text[at..].chars().next().expect("at is a char boundary")
}

/// The word before a period is an initial or one of `abbreviations`.
fn is_abbreviation(before: &str, abbreviations: &[String]) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    let single_capital = letters == 1 && word.chars().all(|c| c.is_uppercase() || c == '.');
    single_capital || abbreviations.iter().any(|a| a == word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn abbreviations() -> Vec<String> {
        static FRENCH: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
            crate::lexicon::Lexicon::embedded_lang("fr")
                .unwrap()
                .grammar
                .abbreviations
        });
        FRENCH.clone()
    }

    /// The cuts `sentences` makes, written plainly a character at a time: the
    /// reference the byte-level scan must agree with.
    fn reference_cuts(content: &str) -> Vec<(usize, usize)> {
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
            if !(next.is_whitespace() || c == '.' && glued(&content[..i], &content[next_at..])) {
                continue;
            }
            let following = content[next_at..].trim_start();
            if !starts_sentence(following)
                || (c == '.' && is_abbreviation(&content[..i], &abbreviations()))
            {
                continue;
            }
            cuts.push((start, i + c.len_utf8()));
            start = next_at + (content[next_at..].len() - following.len());
        }
        if start < content.len() {
            cuts.push((start, content.len()));
        }
        cuts.retain(|&(s, e)| s < e && !content[s..e].trim().is_empty());
        cuts
    }

    proptest::proptest! {
        #[test]
        fn byte_loop_cuts_as_the_char_loop(
            words in proptest::collection::vec(
                "[A-Za-zéÉ0-9«»“”(–—-]{0,12}[.!?…]{0,2}[ \u{a0}\n]{0,2}",
                0..40,
            ),
            long in 0usize..3,
        ) {
            // Now and then a run-on text, to reach the length cuts.
            let text = words.concat().repeat(1 + long * 600);
            let para = Span { start: 0, end: text.len() };
            let cuts: Vec<(usize, usize)> = sentences(&text, para, &abbreviations()).map(|s| (s.start, s.end)).collect();
            proptest::prop_assert_eq!(cuts, reference_cuts(&text));
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let para = Span {
            start: 0,
            end: text.len(),
        };
        sentences(text, para, &abbreviations())
            .map(|s| s.slice(text))
            .collect()
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
    fn a_full_stop_without_its_space_still_ends_a_sentence() {
        assert_eq!(
            split("They achieved it together.According to him, the U.S.Navy and St.Petersburg stay, as vietnamplus.vn does."),
            [
                "They achieved it together.",
                "According to him, the U.S.Navy and St.Petersburg stay, as vietnamplus.vn does."
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
        let spans: Vec<Span> = sentences(text, para, &abbreviations()).collect();
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
