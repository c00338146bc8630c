//! The set of people who have voted for a message, as the replay checks «one vote each».
//!
//! A public message may collect thousands of votes, and every vote asks the set whether its
//! voter is new. The standard hasher (SipHash) cost more than the rest of the vote; this one
//! mixes eight bytes at a time with a folded 64×64→128-bit multiply, keyed per replay from the
//! standard library's random keys, so a list of voter ids crafted to collide would have to
//! guess the key (as with SipHash, the table stays balanced on hostile input). Which voters are in the set does not depend on the hash, so the
//! replay's answer does not either.

use std::collections::hash_map::RandomState;
use std::collections::HashSet;
use std::hash::{BuildHasher, Hasher};

/// Odd constants from the fractional parts of π and e (any odd, well-mixed constants do).
const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0xb7e1_5162_8aed_2a6b;

/// The high and low halves of the 128-bit product, folded together: every input bit reaches
/// the low bits the hash table indexes by.
fn fold(a: u64, b: u64) -> u64 {
    let p = u128::from(a).wrapping_mul(u128::from(b));
    // Truncation intended: the low half, and the high half shifted down.
    (p as u64) ^ ((p >> 64) as u64)
}

/// A key drawn once per set from the standard library's per-process random keys.
#[derive(Clone, Debug)]
pub(crate) struct Keyed {
    key: u64,
}

impl Keyed {
    /// A fresh random key; a set that will hold nothing (a log without votes) skips drawing it.
    fn new(used: bool) -> Self {
        Self { key: if used { RandomState::new().hash_one(K0) } else { K1 } }
    }
}

impl BuildHasher for Keyed {
    type Hasher = Folded;

    fn build_hasher(&self) -> Folded {
        Folded { state: self.key }
    }
}

/// The hasher: each write folds its bytes, eight at a time, into the state.
pub(crate) struct Folded {
    state: u64,
}

impl Hasher for Folded {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.state ^ (bytes.len() as u64).wrapping_mul(K0);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = fold(h ^ u64::from_le_bytes(w), K1);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut w = [0u8; 8];
            if let Some(head) = w.get_mut(..rest.len()) {
                head.copy_from_slice(rest);
            }
            h = fold(h ^ u64::from_le_bytes(w), K1);
        }
        self.state = h;
    }

    fn write_u8(&mut self, i: u8) {
        // `str` hashes as its bytes and then 0xff; the length already went into `write`.
        self.state = self.state.rotate_left(5) ^ u64::from(i);
    }

    fn finish(&self) -> u64 {
        fold(self.state, K0)
    }
}

/// Who has voted, borrowed from the log (no copy of an id per vote). The set holds
/// `&String`, a thin pointer, rather than `&str`: half the table, which keeps it under a
/// kilobyte for the usual dozens of voters (the allocator serves such blocks on its fast path).
#[derive(Clone, Debug)]
pub(crate) struct Voters<'a> {
    set: HashSet<&'a String, Keyed>,
}

impl<'a> Voters<'a> {
    /// A set for `votes` voters, sized once so it never grows while the log is replayed; no
    /// memory is taken for a log without votes.
    pub(crate) fn with_capacity(votes: usize) -> Self {
        Self { set: HashSet::with_capacity_and_hasher(votes, Keyed::new(votes > 0)) }
    }

    /// Records `id`; `true` when it had not voted before.
    pub(crate) fn insert(&mut self, id: &'a String) -> bool {
        self.set.insert(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_repeat_is_found_and_a_new_voter_is_not() {
        let ids: Vec<String> = (0..2000).map(|i| format!("voter-{i}")).collect();
        let mut v = Voters::with_capacity(ids.len());
        for id in &ids {
            assert!(v.insert(id));
        }
        for id in &ids {
            assert!(!v.insert(id));
        }
        // Prefixes, empty ids and ids that differ only past the first eight bytes; a set sized
        // for no votes still works.
        let mut w = Voters::with_capacity(0);
        let ids: Vec<String> = ["", "a", "a\0", "abcdefgh", "abcdefgh1", "abcdefgh2", "abcdefg", "abcdefgh2", ""]
            .iter()
            .map(|s| (*s).to_string())
            .collect();
        let new: Vec<bool> = ids.iter().map(|id| w.insert(id)).collect();
        assert_eq!(new, [true, true, true, true, true, true, true, false, false]);
    }
}
