//! The excerpts of an article that a report shows as a meeting's evidence:
//! its sentence, and the sentence of each theme's trigger, cut into pieces
//! so that the page marks the triggers without computing a single offset.
//!
//! Table offsets count characters (Unicode scalar values), JavaScript strings
//! count UTF-16 units: splitting here, in characters, leaves the page nothing
//! to convert, whatever accents or astral characters the text holds.

use serde::Serialize;

/// Characters of an excerpt beyond which it is cut around its marks.
const MAX_CHARS: usize = 480;
/// Context kept on each side of the marks of a cut excerpt.
const CONTEXT: usize = 160;
const ELLIPSIS: &str = "…";

/// A span of the article to mark, in character offsets, end exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// What the page names the mark by: a theme's index, or [`CUE`].
    pub label: i32,
}

/// The label of the words that report the meeting itself ("a reçu", "met").
pub const CUE: i32 = -1;

/// A piece of an excerpt: text as it is, or text marked with a label.
/// Serialised as `"text"` or `["text", label]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Piece {
    Text(String),
    Marked(String, i32),
}

/// The excerpts of `text` for one meeting: the first is `primary` (the
/// meeting's sentence) grown by any other range that overlaps it; then the
/// other ranges, merged where they overlap, in the order of the text. Each
/// is cut into pieces at the `marks` inside it; where marks overlap, the one
/// listed first labels the overlap. Offsets past the end of the text are
/// clamped; empty ranges are dropped.
pub fn excerpts(
    text: &str,
    primary: (usize, usize),
    others: &[(usize, usize)],
    marks: &[Mark],
) -> Vec<Vec<Piece>> {
    let bytes: Vec<usize> = text
        .char_indices()
        .map(|(b, _)| b)
        .chain(std::iter::once(text.len()))
        .collect();
    let chars = bytes.len() - 1;
    let clamp = |(s, e): (usize, usize)| (s.min(chars), e.min(chars));

    let mut first = clamp(primary);
    let mut rest: Vec<(usize, usize)> = Vec::new();
    for &r in others {
        let r = clamp(r);
        if r.0 >= r.1 {
            continue;
        }
        if r.0 < first.1 && first.0 < r.1 {
            first = (first.0.min(r.0), first.1.max(r.1));
        } else {
            rest.push(r);
        }
    }
    rest.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for r in rest {
        match merged.last_mut() {
            Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
            _ => merged.push(r),
        }
    }
    let slice = |s: usize, e: usize| text[bytes[s]..bytes[e]].to_string();
    std::iter::once(first)
        .chain(merged)
        .filter(|r| r.0 < r.1)
        .map(|r| pieces(r, marks, &slice))
        .collect()
}

/// One excerpt's pieces, cut to [`MAX_CHARS`] around its marks when longer.
fn pieces(
    (start, end): (usize, usize),
    marks: &[Mark],
    slice: &dyn Fn(usize, usize) -> String,
) -> Vec<Piece> {
    let inside: Vec<Mark> = marks
        .iter()
        .map(|m| Mark {
            start: m.start.max(start),
            end: m.end.min(end),
            label: m.label,
        })
        .filter(|m| m.start < m.end)
        .collect();
    let (from, to) = window(start, end, &inside);
    let mut cuts: Vec<usize> = inside
        .iter()
        .flat_map(|m| [m.start, m.end])
        .filter(|&c| from < c && c < to)
        .chain([from, to])
        .collect();
    cuts.sort_unstable();
    cuts.dedup();

    let mut out = Vec::new();
    if from > start {
        out.push(Piece::Text(ELLIPSIS.into()));
    }
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let s = slice(a, b);
        let label = inside
            .iter()
            .find(|m| m.start <= a && b <= m.end)
            .map(|m| m.label);
        match (out.last_mut(), label) {
            (Some(Piece::Text(prev)), None) => prev.push_str(&s),
            (Some(Piece::Marked(prev, l)), Some(label)) if *l == label => prev.push_str(&s),
            (_, None) => out.push(Piece::Text(s)),
            (_, Some(label)) => out.push(Piece::Marked(s, label)),
        }
    }
    if to < end {
        match out.last_mut() {
            Some(Piece::Text(prev)) => prev.push_str(ELLIPSIS),
            _ => out.push(Piece::Text(ELLIPSIS.into())),
        }
    }
    out
}

/// The part of `start..end` to show: all of it up to [`MAX_CHARS`], else
/// [`CONTEXT`] characters around its marks, at most [`MAX_CHARS`] from the first.
fn window(start: usize, end: usize, marks: &[Mark]) -> (usize, usize) {
    if end - start <= MAX_CHARS {
        return (start, end);
    }
    let first = marks.iter().map(|m| m.start).min().unwrap_or(start);
    let last = marks.iter().map(|m| m.end).max().unwrap_or(start);
    let from = first.saturating_sub(CONTEXT).max(start);
    let to = (last + CONTEXT).min(end).min(from + MAX_CHARS).max(from);
    (from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(start: usize, end: usize, label: i32) -> Mark {
        Mark { start, end, label }
    }

    fn text(p: &Piece) -> &str {
        match p {
            Piece::Text(s) | Piece::Marked(s, _) => s,
        }
    }

    #[test]
    fn marks_land_on_their_characters_in_accented_and_astral_text() {
        // "é", "ệ" and "ợ" are one character but two or three bytes; "𝔸" is
        // one character, four bytes and two UTF-16 units.
        let t = "Tô Lâm a reçu 𝔸 l'hôte. Lutte contre le terrorisme et la cybercriminalité, Việt–Nga hợp tác.";
        let at = |needle: &str| {
            let b = t.find(needle).unwrap();
            let s = t[..b].chars().count();
            (s, s + needle.chars().count())
        };
        let sentence = (0, at("l'hôte.").1);
        let (c0, c1) = at("a reçu");
        let (t0, t1) = at("terrorisme");
        let (y0, y1) = at("cybercriminalité");
        let (v0, v1) = at("hợp tác");
        let second = (at("Lutte").0, t.chars().count());
        let got = excerpts(
            t,
            sentence,
            &[second, second],
            &[
                mark(t0, t1, 0),
                mark(y0, y1, 2),
                mark(v0, v1, 5),
                mark(c0, c1, CUE),
            ],
        );
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0],
            [
                Piece::Text("Tô Lâm ".into()),
                Piece::Marked("a reçu".into(), CUE),
                Piece::Text(" 𝔸 l'hôte.".into()),
            ]
        );
        let marked: Vec<(&str, i32)> = got[1]
            .iter()
            .filter_map(|p| match p {
                Piece::Marked(s, l) => Some((s.as_str(), *l)),
                Piece::Text(_) => None,
            })
            .collect();
        assert_eq!(
            marked,
            [("terrorisme", 0), ("cybercriminalité", 2), ("hợp tác", 5)]
        );
        let joined: String = got[1].iter().map(text).collect();
        assert_eq!(joined, t[t.find("Lutte").unwrap()..]);
    }

    #[test]
    fn overlapping_ranges_merge_and_the_meeting_sentence_comes_first() {
        let t = "0123456789abcdefghij";
        let got = excerpts(t, (10, 15), &[(0, 3), (12, 18), (2, 5), (30, 40)], &[]);
        let texts: Vec<String> = got.iter().map(|e| e.iter().map(text).collect()).collect();
        // (12, 18) overlaps the meeting's sentence; (0, 3) and (2, 5) merge;
        // (30, 40) lies past the text and is dropped.
        assert_eq!(texts, ["abcdefgh", "01234"]);
    }

    #[test]
    fn overlapping_marks_split_into_pieces_labelled_by_the_first_listed() {
        let got = excerpts("abcdefgh", (0, 8), &[], &[mark(2, 5, 1), mark(4, 7, 2)]);
        assert_eq!(
            got[0],
            [
                Piece::Text("ab".into()),
                Piece::Marked("cde".into(), 1),
                Piece::Marked("fg".into(), 2),
                Piece::Text("h".into()),
            ]
        );
    }

    #[test]
    fn a_long_sentence_is_cut_around_its_marks() {
        let t = format!("{}TRIGGER{}", "x".repeat(1000), "y".repeat(1000));
        let got = excerpts(&t, (0, 2007), &[], &[mark(1000, 1007, 3)]);
        assert_eq!(
            got[0],
            [
                Piece::Text(format!("{ELLIPSIS}{}", "x".repeat(CONTEXT))),
                Piece::Marked("TRIGGER".into(), 3),
                Piece::Text(format!("{}{ELLIPSIS}", "y".repeat(CONTEXT))),
            ]
        );
    }

    #[test]
    fn pieces_serialise_as_strings_and_pairs() {
        let json =
            serde_json::to_string(&[Piece::Text("a".into()), Piece::Marked("b".into(), CUE)])
                .unwrap();
        assert_eq!(json, r#"["a",["b",-1]]"#);
    }
}
