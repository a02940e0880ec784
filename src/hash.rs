//! FNV-1a hashing for the checker's hash maps and sets: their keys are short static strings and
//! n-gram hashes, where the default SipHash's resistance to hostile keys costs time and buys nothing.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    /// A `u64` key is already a hash (n-grams): one multiply spreads it enough.
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0 ^ n).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    }
}

pub type FnvBuild = BuildHasherDefault<Fnv>;
pub type FastMap<K, V> = HashMap<K, V, FnvBuild>;
pub type FastSet<T> = HashSet<T, FnvBuild>;
