//! Property tests: whatever the text, cleaning, segmentation and extraction
//! never panic, every offset lies inside the text on character boundaries,
//! and time grows linearly with the input (no regex or loop blow-up).

use std::time::Instant;

use entente::tables::Processed;
use proptest::prelude::*;

use crate::harness::extract;

/// Every span the extraction reports is a valid slice of the text.
fn assert_spans_valid(p: &Processed) {
    if let Err(e) = p.extraction.check(&p.text) {
        panic!("{e}");
    }
}

/// Pieces of the genre, noise and hostile text, to build adversarial articles from.
const PIECES: &[&str] = &[
    "Le général Lương Tam Quang, ministre de la Sécurité publique, a reçu le 9 décembre à Hanoï ",
    "le ministre russe de l’Intérieur, Vladimir X, ",
    "Lors de sa rencontre avec Mme K. Tan, ",
    "a reçu successivement ",
    "du 23 au 25 avril ",
    "la lutte contre le terrorisme et la cybercriminalité. ",
    "de la ",
    "Photo: VNA\n",
    ">> lien\n",
    "Voir plus\n",
    "Hanoï (VNA) – ",
    "ce dernier ",
    "M. ",
    ". ",
    "\n\n",
    "👍🏽 ",
    "e\u{301}\u{302}\u{303} ",
    "Ǆ\u{0130}ﬁ ",
    "\r\n",
    "(((((",
    "’’’",
];

fn adversarial() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..300).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_unicode_never_breaks_extraction(text in "\\PC{0,2000}") {
        assert_spans_valid(&extract(text));
    }

    #[test]
    fn adversarial_articles_never_break_extraction(text in adversarial()) {
        assert_spans_valid(&extract(text));
    }

    #[test]
    fn very_long_lines_never_break_extraction(piece in prop::sample::select(PIECES), n in 1usize..4000) {
        assert_spans_valid(&extract(piece.repeat(n)));
    }
}

/// Inputs the fuzz targets (`fuzz/`) crashed on, minimised.
const FUZZ_FINDS: &[&str] = &[
    // A title ending the title line took the city opening the next line as
    // its complement, so its phrase ran past its sentence.
    "l’ambassadrice\nHanoï",
];

#[test]
fn fuzz_finds_never_break_extraction() {
    for text in FUZZ_FINDS {
        assert_spans_valid(&extract(text.to_string()));
    }
}

/// Seconds to process `piece` repeated `n` times, best of three.
fn time(piece: &str, n: usize) -> f64 {
    let text = piece.repeat(n);
    (0..3)
        .map(|_| {
            let start = Instant::now();
            extract(text.clone());
            start.elapsed().as_secs_f64()
        })
        .fold(f64::INFINITY, f64::min)
}

#[test]
fn time_grows_linearly_with_repeated_patterns() {
    // Eight times the input must not take anywhere near 64 times as long
    // (quadratic); the sizes keep the small run well above timer and
    // scheduler noise, and the bound leaves room for a loaded machine.
    for piece in PIECES {
        let (small, large) = (time(piece, 1000), time(piece, 8000));
        assert!(
            large < 24.0 * small.max(0.005),
            "{piece:?}: {small:.4}s for 1000 repeats, {large:.4}s for 8000"
        );
    }
}
