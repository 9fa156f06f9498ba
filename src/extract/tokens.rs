//! The tokens the name finder reads: initials ("K.", "J.-P."), elided
//! articles ("L’", "d'", "qu'") and words with their inner hyphens and
//! apostrophes ("Jin-woo", "aujourd'hui"), in that order of preference.
//!
//! It is the regex `\p{Lu}\.(?:-\p{Lu}\.)?|(?:[lLdDjJmMnNsStT]|[qQ]u)['’]|
//! [\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*` written out by hand: it
//! runs on every sentence, and the regex engine cost more than the rest of
//! the name finder.

use unicode_normalization::char::is_combining_mark;

use crate::fold;

/// The tokens of `text`: each with its byte offset, and the token itself.
pub fn tokens(text: &str) -> impl Iterator<Item = (usize, &str)> {
    tokens_from(text, 0)
}

/// The tokens from `from` on, which is a token's end or a place outside any
/// token.
fn tokens_from(text: &str, from: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = from;
    std::iter::from_fn(move || {
        let (start, token) = next(text, at)?;
        at = start + token.len();
        Some((start, token))
    })
}

/// The first token at or after `from`, which is a token's end or a place
/// outside any token.
pub fn next(text: &str, from: usize) -> Option<(usize, &str)> {
    let start = next_word_char(text, from)?;
    Some((start, &text[start..token_end(text, start)]))
}

/// Where to go on tokenising from `from` so as to skip tokens that do not
/// start with a capital letter: the last whitespace before the next capital
/// (a token never holds whitespace), or `from` itself. `None` when no capital
/// follows. The name finder reads mostly lowercase text outside names, and
/// finding a capital costs a fraction of tokenising up to it.
pub fn skip_to_capital(text: &str, from: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let capital = (from..bytes.len()).find(|&i| match bytes[i] {
        b'A'..=b'Z' => true,
        b if b >= 0xC0 => text[i..].chars().next().is_some_and(char::is_uppercase),
        _ => false,
    })?;
    let space = bytes[from..capital]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(from, |i| from + i);
    Some(space)
}

/// The first token of `text`, if any.
pub fn first(text: &str) -> Option<&str> {
    tokens(text).next().map(|(_, t)| t)
}

/// Letters, marks and numbers (`\p{L}\p{M}\p{N}`): the folded text's word
/// characters, and combining marks, which the original text still has.
fn is_word_char(c: char) -> bool {
    fold::is_word_char(c) || !c.is_ascii() && is_combining_mark(c)
}

/// The first word character at or after `from`.
fn next_word_char(text: &str, from: usize) -> Option<usize> {
    Some(skip(text, from, false)).filter(|&at| at < text.len())
}

/// The end of the run of word characters from `from`.
fn word_run_end(text: &str, from: usize) -> usize {
    skip(text, from, true)
}

/// The first place at or after `from` whose character is (`word` false) or
/// is not (`word` true) a word character; ASCII a byte at a time.
fn skip(text: &str, from: usize, word: bool) -> usize {
    let bytes = text.as_bytes();
    let mut i = from;
    while let Some(&b) = bytes.get(i) {
        let (is_word, len) = if b.is_ascii() {
            (b.is_ascii_alphanumeric(), 1)
        } else {
            let c = text[i..].chars().next().expect("i is a char boundary");
            (is_word_char(c), c.len_utf8())
        };
        if is_word != word {
            break;
        }
        i += len;
    }
    i
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Where the token starting at `start` (on a word character) ends.
fn token_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].chars();
    let first = chars.next().expect("a token starts on a character");
    let after_first = start + first.len_utf8();
    let (second, third) = (chars.next(), chars.next());
    // An initial: "K.", optionally "-P." after it.
    if first.is_uppercase() && second == Some('.') {
        let end = after_first + 1;
        let mut rest = text[end..].chars();
        if let (Some('-'), Some(c), Some('.')) = (rest.next(), rest.next(), rest.next()) {
            if c.is_uppercase() {
                return end + 1 + c.len_utf8() + 1;
            }
        }
        return end;
    }
    // An elided article or conjunction: "l'", "D’", "qu'".
    if matches!(
        first,
        'l' | 'L' | 'd' | 'D' | 'j' | 'J' | 'm' | 'M' | 'n' | 'N' | 's' | 'S' | 't' | 'T'
    ) {
        if let Some(a) = second.filter(|&c| is_apostrophe(c)) {
            return after_first + a.len_utf8();
        }
    }
    if matches!(first, 'q' | 'Q') && second == Some('u') {
        if let Some(a) = third.filter(|&c| is_apostrophe(c)) {
            return after_first + 1 + a.len_utf8();
        }
    }
    // A word, with hyphens and apostrophes inside it.
    let mut end = word_run_end(text, start);
    loop {
        let mut rest = text[end..].chars();
        match (rest.next(), rest.next()) {
            (Some(sep), Some(c)) if (sep == '-' || is_apostrophe(sep)) && is_word_char(c) => {
                end = word_run_end(text, end + sep.len_utf8());
            }
            _ => return end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use regex::Regex;

    const PATTERN: &str = r"\p{Lu}\.(?:-\p{Lu}\.)?|(?:[lLdDjJmMnNsStT]|[qQ]u)['’]|[\p{L}\p{M}\p{N}]+(?:[-'’][\p{L}\p{M}\p{N}]+)*";

    fn all(text: &str) -> Vec<(usize, &str)> {
        tokens(text).collect()
    }

    #[test]
    fn initials_elisions_and_words() {
        assert_eq!(
            all("L’Inde, J.-P. Tan et K.Lim qu'aujourd'hui Jin-woo 80e--x"),
            vec![
                (0, "L’"),
                (4, "Inde"),
                (10, "J.-P."),
                (16, "Tan"),
                (20, "et"),
                (23, "K."),
                (25, "Lim"),
                (29, "qu'"),
                (32, "aujourd'hui"),
                (44, "Jin-woo"),
                (52, "80e"),
                (57, "x"),
            ]
        );
        assert_eq!(first("  , a présidé"), Some("a"));
        assert_eq!(first(" , ; "), None);
    }

    #[test]
    fn skipping_to_a_capital_resumes_before_its_token() {
        let text = "le ministre d'État Tô Lâm a reçu";
        let at = skip_to_capital(text, 0).unwrap();
        assert_eq!(&text[at..], " d'État Tô Lâm a reçu");
        assert_eq!(next(text, at), Some((12, "d'")));
        assert_eq!(
            skip_to_capital(text, 22).map(|at| &text[at..]),
            Some(" Lâm a reçu")
        );
        assert_eq!(skip_to_capital(text, 27), None);
    }

    proptest! {
        /// Skipping drops only tokens that do not start with a capital, and
        /// the tokens after the resume point are those of the whole text.
        #[test]
        fn skipping_to_a_capital_keeps_every_capitalised_token(
            text in "[a-zA-Z.' ’\\-éÉŒœ\u{0301}Đđ\n]{0,40}",
            from in 0usize..40,
        ) {
            let all: Vec<(usize, &str)> = tokens(&text).collect();
            let from = all.iter().map(|&(s, t)| s + t.len()).find(|&e| e >= from).unwrap_or(0);
            let after: Vec<(usize, &str)> = all.iter().copied().filter(|&(s, _)| s >= from).collect();
            let resumed: Vec<(usize, &str)> = match skip_to_capital(&text, from) {
                Some(at) => tokens_from(&text, at).collect(),
                None => Vec::new(),
            };
            let dropped = after.len() - resumed.len();
            prop_assert_eq!(&after[dropped..], &resumed[..]);
            for (_, t) in &after[..dropped] {
                prop_assert!(!t.chars().next().unwrap().is_uppercase(), "dropped {}", t);
            }
        }

        #[test]
        fn same_tokens_as_the_regex(text in "[a-zA-Z0-9lLdDqQuK.,' ’\\-éÉêŒœ\u{0301}\u{0323}ĐđÂ²\n]{0,40}") {
            let re = Regex::new(PATTERN).unwrap();
            let expected: Vec<(usize, &str)> =
                re.find_iter(&text).map(|m| (m.start(), m.as_str())).collect();
            prop_assert_eq!(all(&text), expected);
        }
    }
}
