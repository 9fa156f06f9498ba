//! Arbitrary bytes as the content of a `.txt` file and of a `.jsonl` file,
//! through the reader a run uses, then every article read through extraction.

#![no_main]

use std::path::Path;

use entente::read::{read_bytes, Item};
use entente_fuzz::process_and_check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for name in ["fuzz.txt", "fuzz.jsonl"] {
        for item in read_bytes(Path::new(name), data) {
            if let Ok(Item::Article(raw)) = item {
                process_and_check(raw);
            }
        }
    }
});
