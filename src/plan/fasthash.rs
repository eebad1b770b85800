//! A fast hash for the indexes a run looks up once or more per row (a plan by name, an indicator
//! by id, a plan's row, a series by its row's address). The standard library's SipHash resists
//! crafted keys, which these maps never need to: their keys come from the plan files and the
//! catalog, and a sheet's text only looks them up, never adds to them. Word-at-a-time
//! multiply-rotate hashing (the scheme of rustc's FxHash) costs a few nanoseconds per key.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Multiply-rotate hashing, a word at a time.
#[derive(Default, Clone, Copy)]
pub(crate) struct FastHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        // The product's well-mixed high bits brought down: the table picks buckets by the low
        // bits, which for an address (a multiple of 8) the product leaves zero.
        self.0.rotate_left(26)
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A map hashed with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// An empty [`FastMap`] with room for `n` keys.
pub(crate) fn with_capacity<K, V>(n: usize) -> FastMap<K, V> {
    FastMap::with_capacity_and_hasher(n, BuildHasherDefault::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn keys_that_differ_hash_apart() {
        let h = |k: &str| BuildHasherDefault::<FastHasher>::default().hash_one(k);
        let keys = [
            "",
            "a",
            "ab",
            "abcdefgh",
            "abcdefghi",
            "瑞安市",
            "瑞安",
            "ruian_17",
            "ruian_71",
        ];
        let mut seen: Vec<u64> = keys.iter().map(|k| h(k)).collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), keys.len());
        // A &str and its String hash alike (the maps are looked up with borrowed keys).
        assert_eq!(
            h("瑞安市"),
            BuildHasherDefault::<FastHasher>::default().hash_one("瑞安市".to_string())
        );
        let mut m: FastMap<String, usize> = with_capacity(2);
        m.insert("ruian".into(), 1);
        assert_eq!(m.get("ruian"), Some(&1));
        // Addresses, multiples of a struct's size, still spread over the low bits.
        let low: std::collections::BTreeSet<u64> = (0..64usize)
            .map(|i| {
                BuildHasherDefault::<FastHasher>::default().hash_one(0x7f00_0000 + i * 560) & 63
            })
            .collect();
        assert!(low.len() > 32, "{low:?}");
    }
}
