//! What both fuzz targets do with an article: extract it and check the result.

use std::sync::OnceLock;

use entente::lexicon::Lexicon;
use entente::pipeline::{process, sha256_hex};
use entente::read::RawArticle;

/// The embedded lexicon, parsed once per fuzzing process rather than per input.
pub fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| Lexicon::embedded().expect("the embedded lexicon parses"))
}

/// Runs clean → segment → extract on one article, as a run does, and panics
/// (which libFuzzer reports as a crash) if the result breaks an invariant.
pub fn process_and_check(raw: RawArticle) {
    let digest = sha256_hex(raw.text.as_bytes());
    let processed = process(raw, digest, lexicon());
    if let Err(e) = processed.extraction.check(&processed.text) {
        panic!("{e}");
    }
}
