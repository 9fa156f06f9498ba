//! Arbitrary text straight into extraction, past the reader's decoding and
//! binary checks (which reject much of what a byte-level fuzzer makes).

#![no_main]

use chrono::NaiveDate;
use entente::read::RawArticle;
use entente_fuzz::process_and_check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    process_and_check(RawArticle {
        source: "fuzz".into(),
        name: "fuzz".into(),
        url: None,
        title: String::new(),
        title_in_text: true,
        // A publication date, so that dates without a year get one.
        published: NaiveDate::from_ymd_opt(2025, 6, 15),
        lang: "fr".into(),
        text: text.to_string(),
    });
});
