//! Accent- and case-insensitive view of a text, with a map back to the original.
//!
//! All lexicon matching runs on folded text so that "Hanoï", "Hà Nội" and "HANOI"
//! meet the same entry, while every match is reported in original byte offsets.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

/// Folded copy of a text plus maps between its byte offsets and the original's.
pub struct Folded {
    pub text: String,
    /// `orig[i]` is the byte offset in the original of folded byte `i`; one extra
    /// entry maps the end of the folded text to the end of the original.
    orig: Vec<u32>,
    /// `folded[o]` is the first folded byte at or after original byte `o`
    /// (the one after a character, inside it); one extra entry for the end.
    /// The extraction looks up folded words at every name token, so a
    /// lookup rather than a binary search over `orig`.
    folded: Vec<u32>,
}

impl Folded {
    pub fn new(original: &str) -> Folded {
        let mut text = String::with_capacity(original.len());
        let mut orig = Vec::with_capacity(original.len() + 1);
        let mut folded = Vec::with_capacity(original.len() + 1);
        let mut buf = String::new();
        let mut at = 0;
        while at < original.len() {
            // Most of a French text is ASCII: one byte in, one byte out, a run at a time.
            let run = original.as_bytes()[at..]
                .iter()
                .position(|b| !b.is_ascii())
                .unwrap_or(original.len() - at);
            if run > 0 {
                let ascii = &original[at..at + run];
                if memchr::memchr(b'`', ascii.as_bytes()).is_some() {
                    text.extend(ascii.chars().map(fold_ascii));
                } else {
                    let from = text.len();
                    text.push_str(ascii);
                    text[from..].make_ascii_lowercase();
                }
                orig.extend(at as u32..(at + run) as u32);
                let from = (text.len() - run) as u32;
                folded.extend(from..from + run as u32);
                at += run;
                continue;
            }
            let ch = original[at..]
                .chars()
                .next()
                .expect("at is a char boundary");
            buf.clear();
            fold_char(ch, &mut buf);
            orig.extend(std::iter::repeat_n(at as u32, buf.len()));
            folded.push(text.len() as u32);
            text.push_str(&buf);
            folded.extend(std::iter::repeat_n(text.len() as u32, ch.len_utf8() - 1));
            at += ch.len_utf8();
        }
        orig.push(original.len() as u32);
        folded.push(text.len() as u32);
        Folded { text, orig, folded }
    }

    /// The folded form of the original bytes `start..end` (folding is
    /// character by character, so it is a slice of the folded text).
    pub fn of(&self, start: usize, end: usize) -> &str {
        let (start, end) = (self.folded_offset(start), self.folded_offset(end));
        &self.text[start..end.max(start)]
    }

    /// Original byte range of a folded byte range.
    pub fn original_range(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.orig[start] as usize;
        // The end maps to the start of the first original char *after* the range.
        let e = if end == 0 {
            0
        } else {
            let last = self.orig[end - 1] as usize;
            let mut next = end;
            while next < self.orig.len() - 1 && self.orig[next] as usize == last {
                next += 1;
            }
            self.orig[next] as usize
        };
        (s, e)
    }

    /// Original byte offset of a folded byte offset.
    pub fn original_offset(&self, folded: usize) -> usize {
        self.orig[folded] as usize
    }

    /// Folded byte offset of an original byte offset (first folded byte at or after it).
    pub fn folded_offset(&self, original: usize) -> usize {
        let end = self.folded.len() - 1;
        self.folded[original.min(end)] as usize
    }
}

/// Folds a string without keeping the offset map (for lexicon entries).
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        return s.chars().map(fold_ascii).collect();
    }
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        fold_char(ch, &mut out);
    }
    out
}

/// Case-preserving ASCII transliteration, for `name_ascii`.
pub fn ascii_name(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut folded = String::new();
    for ch in s.chars() {
        folded.clear();
        fold_char(ch, &mut folded);
        if ch.is_uppercase() {
            out.extend(folded.chars().flat_map(char::to_uppercase));
        } else {
            out.push_str(&folded);
        }
    }
    out
}

fn fold_char(ch: char, out: &mut String) {
    match ch {
        c if c.is_ascii() => out.push(fold_ascii(c)),
        // Most of French's other letters: the same folds, looked up.
        c @ '\u{c0}'..='\u{ff}' => out.push_str(LATIN1[c as usize - 0xC0].as_str()),
        c => fold_other(c, out),
    }
}

/// U+00C0 to U+00FF ("À" to "ÿ") folded by `fold_other`.
static LATIN1: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    ('\u{c0}'..='\u{ff}')
        .map(|c| {
            let mut folded = String::new();
            fold_other(c, &mut folded);
            folded
        })
        .collect()
});

fn fold_other(ch: char, out: &mut String) {
    match ch {
        '\u{2018}' | '\u{2019}' | '\u{02bc}' | '\u{2032}' | '\u{00b4}' => out.push('\''),
        '\u{201c}' | '\u{201d}' | '\u{00ab}' | '\u{00bb}' => out.push('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
        '\u{00a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' => out.push(' '),
        'đ' | 'Đ' => out.push('d'),
        'œ' | 'Œ' => out.push_str("oe"),
        'æ' | 'Æ' => out.push_str("ae"),
        'ø' | 'Ø' => out.push('o'),
        'ł' | 'Ł' => out.push('l'),
        'ß' => out.push_str("ss"),
        c => decompose_compatible(c, |d| {
            if !is_combining_mark(d) {
                out.extend(d.to_lowercase());
            }
        }),
    }
}

/// An ASCII character folded: lower case, and the backtick an apostrophe.
fn fold_ascii(c: char) -> char {
    if c == '`' {
        '\''
    } else {
        c.to_ascii_lowercase()
    }
}

/// True when `c` can be part of a word (letters, digits, and the folded forms of them).
pub fn is_word_char(c: char) -> bool {
    is_latin_letter(c) || c.is_alphanumeric()
}

/// The letters of Latin-1 ("é", "ç", "ï") and of the Latin Extended blocks
/// ("ł", "ơ", and Vietnamese's "ồ", "ệ"), which are most of the non-ASCII
/// characters of these articles: range tests instead of the Unicode tables.
pub fn is_latin_letter(c: char) -> bool {
    matches!(c, 'À'..='ɏ' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷'
}

/// The bytes for which `pred` holds, counted 128 at a time in `u8` lanes:
/// the compiler vectorises that 16 bytes per instruction, where a `usize`
/// count (`filter().count()`) goes 4 at a time.
pub fn count_bytes(bytes: &[u8], pred: impl Fn(u8) -> bool) -> usize {
    bytes
        .chunks(128)
        .map(|chunk| {
            let n: u8 = chunk.iter().map(|&b| u8::from(pred(b))).sum();
            usize::from(n)
        })
        .sum()
}

/// The characters starting in `bytes`: all but UTF-8 continuation bytes.
pub fn char_starts(bytes: &[u8]) -> usize {
    count_bytes(bytes, |b| (b as i8) >= -0x40)
}

/// Where the last word of `text` starts (letters, digits and apostrophes:
/// "qu'avec"), or `text.len()` when it ends on anything else.
pub fn last_word_start(text: &str) -> usize {
    text.char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '\'')
        .last()
        .map_or(text.len(), |(i, _)| i)
}

/// Whether `text` ends with one of `phrases`, as whole words.
pub fn ends_with_word(text: &str, phrases: &[String]) -> bool {
    phrases.iter().any(|p| {
        text.ends_with(p.as_str()) && at_word_boundaries(text, text.len() - p.len(), text.len())
    })
}

/// Where `phrase` stands in `text` as whole words.
pub fn word_matches<'a>(text: &'a str, phrase: &'a str) -> impl Iterator<Item = usize> + 'a {
    text.match_indices(phrase)
        .map(|(i, _)| i)
        .filter(move |&i| at_word_boundaries(text, i, i + phrase.len()))
}

/// True when `text[start..end]` is delimited by non-word characters on both sides.
pub fn at_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        #[test]
        fn char_starts_counts_the_characters_of_any_text(text in "\\PC{0,400}") {
            proptest::prop_assert_eq!(char_starts(text.as_bytes()), text.chars().count());
        }
    }

    #[test]
    fn folds_accents_case_and_typography() {
        assert_eq!(fold("Hà Nội"), "ha noi");
        assert_eq!(fold("Lương Tam Quang"), "luong tam quang");
        assert_eq!(fold("d’accueil – Œuvre"), "d'accueil - oeuvre");
        assert_eq!(fold("80ᵉ"), "80e");
        assert_eq!(fold("L`Inde"), "l'inde");
        assert_eq!(Folded::new("L`Inde").text, "l'inde");
        assert_eq!(fold("Đặng"), "dang");
        assert_eq!(ascii_name("Lương Tam Quang"), "Luong Tam Quang");
        assert_eq!(ascii_name("Đặng"), "Dang");
    }

    #[test]
    fn maps_folded_ranges_back_to_original_bytes() {
        let original = "Le Hà Nội œuvre";
        let f = Folded::new(original);
        let at = f.text.find("ha noi").unwrap();
        let (s, e) = f.original_range(at, at + "ha noi".len());
        assert_eq!(&original[s..e], "Hà Nội");
        let at = f.text.find("oeuvre").unwrap();
        let (s, e) = f.original_range(at + 1, at + 6);
        assert_eq!(
            &original[s..e],
            "œuvre",
            "a range starting inside a ligature widens to it"
        );
        assert_eq!(
            f.folded_offset(original.find("Nội").unwrap()),
            f.text.find("noi").unwrap()
        );
    }

    proptest::proptest! {
        #[test]
        fn folded_offsets_are_those_of_the_byte_map(text in "[a-zA-Z `'éÉœŒßĐđồ\u{0301}\u{0323}ᵉ’ -]{0,30}") {
            let f = Folded::new(&text);
            for original in 0..=text.len() {
                let expected = f.orig.partition_point(|&o| (o as usize) < original);
                proptest::prop_assert_eq!(f.folded_offset(original), expected, "at {}", original);
            }
        }
    }

    #[test]
    fn latin_letters_are_letters() {
        for c in (0..=0x1FFFF).filter_map(char::from_u32) {
            if is_latin_letter(c) {
                assert!(c.is_alphabetic(), "{c:?}");
            }
        }
        assert!(is_latin_letter('ồ') && is_latin_letter('Đ') && is_latin_letter('é'));
        assert!(!is_latin_letter('×') && !is_latin_letter('a'));
    }

    #[test]
    fn word_boundaries() {
        assert!(at_word_boundaries("l'inde est", 2, 6));
        assert!(!at_word_boundaries("independance", 0, 4));
    }
}
