//! Arbitrary bytes as the content of a `.txt` file and of a `.jsonl` file,
//! through the reader a run uses, then every article read through extraction.

#![no_main]

use std::path::Path;

use entente::read::read_bytes;
use entente_fuzz::process_and_check;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let (mut articles, mut rejects) = (Vec::new(), Vec::new());
    for name in ["fuzz.txt", "fuzz.jsonl"] {
        read_bytes(Path::new(name), data, &mut articles, &mut rejects);
    }
    for raw in articles {
        process_and_check(raw);
    }
});
