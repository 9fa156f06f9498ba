//! Sets of article keys (the first 64 bits of a content hash) at about
//! eight bytes a key. A run remembers every article it has read, and a
//! dataset may hold millions: a hash set takes more than twice that, and
//! three times while it grows.

use rustc_hash::FxHashSet;
use sha2::{Digest, Sha256};

/// The SHA-256 of some bytes, as lower-case hex (`content_sha256`).
pub fn sha256_hex(bytes: &[u8]) -> String {
    format!("{:x}", Sha256::digest(bytes))
}

/// The first 64 bits of a hex SHA-256, as in `article_id`: what tells
/// articles apart, at an eighth of the memory of the hex string in the sets
/// that grow with the dataset.
pub fn digest_key(hex: &str) -> u64 {
    u64::from_str_radix(&hex[..16], 16).expect("hex digest")
}

/// Sorted runs of keys, each more than twice as long as the next, and the
/// keys added since the last run was made.
#[derive(Default)]
pub struct Keys {
    runs: Vec<Run>,
    recent: FxHashSet<u64>,
}

/// Keys added before they are sorted into a run (few in tests, to make many runs).
const RECENT: usize = if cfg!(test) { 100 } else { 4096 };

impl Keys {
    pub fn contains(&self, key: u64) -> bool {
        self.recent.contains(&key) || self.runs.iter().any(|r| r.contains(key))
    }

    pub fn is_empty(&self) -> bool {
        self.recent.is_empty() && self.runs.is_empty()
    }

    /// Adds `key`; false if it was there already.
    pub fn insert(&mut self, key: u64) -> bool {
        if self.contains(key) {
            return false;
        }
        self.recent.insert(key);
        if self.recent.len() >= RECENT {
            let mut keys: Vec<u64> = self.recent.drain().collect();
            keys.sort_unstable();
            self.push(keys.into_iter().collect());
        }
        true
    }

    /// Adds a run of new keys, merging the runs it is not much shorter than,
    /// so there are few runs to search (about log₂ of the number of keys
    /// over [`RECENT`]).
    fn push(&mut self, mut run: Run) {
        while let Some(last) = self.runs.pop_if(|last| last.len <= 2 * run.len) {
            run = merge(last, run);
        }
        self.runs.push(run);
    }
}

impl FromIterator<u64> for Keys {
    fn from_iter<I: IntoIterator<Item = u64>>(keys: I) -> Self {
        let mut keys: Vec<u64> = keys.into_iter().collect();
        keys.sort_unstable();
        keys.dedup();
        let mut set = Keys::default();
        if !keys.is_empty() {
            set.runs.push(keys.into_iter().collect());
        }
        set
    }
}

/// Keys in a run's chunks (few in tests, to cross chunk ends).
const CHUNK: usize = if cfg!(test) { 64 } else { 1 << 16 };

/// Sorted keys, in chunks: merging two runs frees their chunks as it fills
/// the new run's, so a merge needs little more memory than its keys.
#[derive(Default)]
struct Run {
    chunks: Vec<Vec<u64>>,
    /// The first key of each chunk.
    firsts: Vec<u64>,
    len: usize,
}

impl Run {
    fn contains(&self, key: u64) -> bool {
        match self.firsts.partition_point(|&first| first <= key) {
            0 => false,
            i => self.chunks[i - 1].binary_search(&key).is_ok(),
        }
    }
}

/// Sorted keys as a run.
impl FromIterator<u64> for Run {
    fn from_iter<I: IntoIterator<Item = u64>>(keys: I) -> Self {
        let mut run = Run::default();
        for key in keys {
            match run.chunks.last_mut() {
                Some(chunk) if chunk.len() < CHUNK => chunk.push(key),
                _ => {
                    let mut chunk = Vec::with_capacity(CHUNK);
                    chunk.push(key);
                    run.chunks.push(chunk);
                    run.firsts.push(key);
                }
            }
            run.len += 1;
        }
        if let Some(last) = run.chunks.last_mut() {
            last.shrink_to_fit();
        }
        run
    }
}

/// Two runs as one; each chunk is dropped once read.
fn merge(a: Run, b: Run) -> Run {
    let mut a = a.chunks.into_iter().flatten().peekable();
    let mut b = b.chunks.into_iter().flatten().peekable();
    std::iter::from_fn(|| match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if x > y => b.next(),
        (Some(_), _) => a.next(),
        (None, _) => b.next(),
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    proptest::proptest! {
        #[test]
        fn keys_behave_as_a_set(keys in proptest::collection::vec(0u64..3_000, 0..2_000)) {
            let (mut set, mut model) = (Keys::default(), HashSet::new());
            for &k in &keys {
                proptest::prop_assert_eq!(set.insert(k), model.insert(k));
            }
            for k in 0..3_000 {
                proptest::prop_assert_eq!(set.contains(k), model.contains(&k));
            }
            proptest::prop_assert!(set.runs.windows(2).all(|w| w[0].len > 2 * w[1].len));
            for run in &set.runs {
                let keys: Vec<u64> = run.chunks.concat();
                proptest::prop_assert!(keys.is_sorted());
                proptest::prop_assert_eq!(keys.len(), run.len);
                let firsts: Vec<u64> = run.chunks.iter().map(|c| c[0]).collect();
                proptest::prop_assert_eq!(&firsts, &run.firsts);
            }
        }
    }

    #[test]
    fn sha256_hex_is_the_lowercase_digest() {
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(digest_key(&sha256_hex(b"abc")), 0xba7816bf8f01cfea);
    }

    #[test]
    fn collected_keys_are_found_once() {
        let set: Keys = [5, 3, 5, 9].into_iter().collect();
        assert!(set.contains(3) && set.contains(5) && set.contains(9));
        assert!(!set.contains(4));
        assert_eq!(set.runs[0].chunks, [vec![3, 5, 9]]);
        assert!(Keys::from_iter([]).is_empty());
    }
}
