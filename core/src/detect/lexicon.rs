//! The medical detector's word lists, as one table sorted at compile time by the first two
//! letters of each word, with bit sets that reject nearly every word of a text by its first
//! letters: a word is compared only with the few entries it can match, in place (no
//! lowercase copy unless it has letters beyond ASCII and basic Russian).
//!
//! A word of basic Russian letters (`А`..`я`, nearly every word of a message) that passes the
//! screen is answered by a trie of the entries built at compile time ([`RU_TRIE`]): its
//! letters' `а`..`я` indices, read from the bytes (upper and lower case alike), lead from
//! node to node, and the node where the word ends or leaves the trie holds its roles, the
//! exceptions ([`WEAK_NOT`], [`ONCOLOGY`]) already applied.

use super::normalize::{lower_ru, lower_ru_bytes, lower_ru_pair, ru_index};

// The word lists (`STRONG_PREFIX`, `WEAK_EXACT`, `ANCHOR`, …), compiled by `core/build.rs`
// from `rules/lexicons/medical.txt`, where each list is documented.
include!(concat!(env!("OUT_DIR"), "/medical_lexicon.rs"));

/// Every word list with its match rule (`true`: whole word only) and role.
const LISTS: &[(&[&str], bool, Role)] = &[
    (STRONG_PREFIX, false, Role::Strong),
    (STRONG_EXACT, true, Role::Strong),
    (WEAK_PREFIX, false, Role::Weak),
    (WEAK_EXACT, true, Role::Weak),
    (ANCHOR, true, Role::Anchor),
    (LIE, true, Role::Lie),
    (HOSPITAL, false, Role::Hospital),
    (PATIENT, true, Role::Hospital),
    (MAYBE, true, Role::Maybe),
    (ASSIGN, false, Role::Assign),
    (TREATMENT, false, Role::Treatment),
    (REGISTER, true, Role::Register),
    (SPECIALIST, false, Role::Specialist),
    (UNDERGO, false, Role::Undergo),
    (GROUP, true, Role::Group),
    (GROUP_NUMBER, true, Role::GroupNumber),
    (&["инвалид"], false, Role::Disabled),
    (&["рецепт"], false, Role::Recipe),
    (&["на"], true, Role::Na),
];

/// The lexicon as one table sorted by key (first two symbols, [`build::key`]), built at
/// compile time from [`LISTS`]: a word is compared only with the few entries whose first
/// two letters are its own.
static LEXICON: [Entry; build::LEN] = build::build();

/// Which first-two-letter keys occur in [`LEXICON`]: most words are rejected by one bit test.
static KEYS_USED: [u128; build::SYMBOLS] = build::keys_used(&LEXICON);

/// The first three letters of the entries of three letters or more, hashed
/// ([`build::tri_bit`]): a word of three letters or more whose bit is clear has no role.
static TRI_USED: [u64; 64] = build::tri_used();

/// For words of basic Russian letters, which entries a word of its first letters can match:
/// one-letter entries (bit of the letter), two-letter entries (by the first letter, bit of
/// the second), and entries of three letters or more (by the first two, bit of the third),
/// all `а`..`я` indices. Exact where [`TRI_USED`] is a hash.
static RU_WORDS: build::RuWords = build::ru_words();

/// The entries of basic Russian letters (and the [`WEAK_NOT`] forms) as a trie over `а`..`я`
/// indices, children of a node side by side: a word of basic Russian letters that passes
/// [`RU_WORDS`] is answered by following its letters, read straight from its bytes, with no
/// lowercase copy and no entry compared twice. Each node holds the roles a word has that
/// ends there or leaves the trie there, [`WEAK_NOT`] and [`ONCOLOGY`] applied.
static RU_TRIE: [build::Node; build::RU_NODES] = build::ru_trie();

/// The node of each first two letters (`а`..`я` indices, first × 32 + second) in [`RU_TRIE`],
/// or 0 (the root) where no entry starts so.
static RU_TWO: [u16; 1024] = build::ru_two(&RU_TRIE);

/// The roles of each one-letter word (by its `а`..`я` index).
static RU_ONE: [Roles; 32] = build::ru_one(&RU_TRIE);

/// Where each key's entries start in [`LEXICON`] (they end where the next key's start).
static KEY_START: [u16; build::KEYS + 1] = build::key_start(&LEXICON);

/// One lexicon entry.
#[derive(Clone, Copy)]
struct Entry {
    key: u16,
    pattern: &'static str,
    exact: bool,
    role: Role,
}

/// Compile-time construction of [`LEXICON`] and [`KEYS_USED`]. Written with `while` loops
/// because it runs in `const` evaluation: an out-of-range index or a failed check there is a
/// compile error, never a run-time panic (only `symbol` and `key` are called at run time,
/// and they neither index nor panic).
#[allow(clippy::indexing_slicing, clippy::panic)]
mod build {
    use super::{Entry, Role, Roles, LISTS, NOT_DROPS, ONCOLOGY, WEAK_NOT};

    /// Symbols a key is made of: `а`–`я` (0–31), `a`–`z` (32–57), `0`–`9` (58–67), and
    /// [`END`] for a one-letter word.
    pub(super) const SYMBOLS: usize = 69;
    /// The second symbol of a one-letter word.
    pub(super) const END: u8 = 68;

    /// The number of entries in all lists.
    pub(super) const LEN: usize = {
        let mut n = 0;
        let mut l = 0;
        while l < LISTS.len() {
            n += LISTS[l].0.len();
            l += 1;
        }
        n
    };

    /// The symbol of a lowercase letter or digit that can start a lexicon entry.
    pub(super) const fn symbol(c: char) -> Option<u8> {
        match c {
            'а'..='я' => Some((c as u32 - 'а' as u32) as u8),
            'a'..='z' => Some(32 + (c as u32 - 'a' as u32) as u8),
            '0'..='9' => Some(58 + (c as u32 - '0' as u32) as u8),
            _ => None,
        }
    }

    /// The key of a word from its first two characters (`None` for the second of a
    /// one-letter word); `None` when no entry can have it.
    pub(super) const fn key(first: char, second: Option<char>) -> Option<u16> {
        let Some(a) = symbol(first) else { return None };
        let b = match second {
            Some(c) => match symbol(c) {
                Some(b) => b,
                None => return None,
            },
            None => END,
        };
        Some(a as u16 * SYMBOLS as u16 + b as u16)
    }

    /// Decodes the first one or two characters of a lowercase entry (two-byte UTF-8 at most).
    const fn first_two(s: &str) -> (char, Option<char>, usize) {
        let b = s.as_bytes();
        let (c1, n1) = decode(b, 0);
        if n1 >= b.len() {
            return (c1, None, 1);
        }
        let (c2, n2) = decode(b, n1);
        let chars = if n2 >= b.len() { 2 } else { 3 };
        (c1, Some(c2), chars)
    }

    const fn decode(b: &[u8], i: usize) -> (char, usize) {
        let x = b[i];
        if x < 0x80 {
            (x as char, i + 1)
        } else {
            assert!(
                x & 0xE0 == 0xC0,
                "lexicon entries use one- and two-byte letters only"
            );
            let code = ((x as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
            match char::from_u32(code) {
                Some(c) => (c, i + 2),
                None => panic!("invalid letter in the lexicon"),
            }
        }
    }

    pub(super) const fn build() -> [Entry; LEN] {
        let mut out = [Entry {
            key: 0,
            pattern: "",
            exact: true,
            role: Role::Na,
        }; LEN];
        let mut n = 0;
        let mut l = 0;
        while l < LISTS.len() {
            let (list, exact, role) = LISTS[l];
            let mut w = 0;
            while w < list.len() {
                let pattern = list[w];
                let (c1, c2, chars) = first_two(pattern);
                // A one-letter entry must be whole-word: its key is that of one-letter words.
                assert!(chars > 1 || exact, "one-letter entries must be whole-word");
                // A prefix entry has three letters or more, so [`super::TRI_USED`] can screen
                // every word of three letters or more.
                assert!(
                    chars > 2 || exact,
                    "prefix entries have three letters or more"
                );
                let Some(key) = key(c1, c2) else {
                    panic!("lexicon entries are lowercase а–я, a–z, 0–9");
                };
                out[n] = Entry {
                    key,
                    pattern,
                    exact,
                    role,
                };
                n += 1;
                w += 1;
            }
            l += 1;
        }
        // Insertion sort by key, stable: entries with one key keep the lists' order.
        let mut i = 1;
        while i < LEN {
            let mut j = i;
            while j > 0 && out[j - 1].key > out[j].key {
                let t = out[j - 1];
                out[j - 1] = out[j];
                out[j] = t;
                j -= 1;
            }
            i += 1;
        }
        out
    }

    /// See [`super::RU_WORDS`].
    pub(super) struct RuWords {
        pub(super) one: u32,
        pub(super) two: [u32; 32],
        pub(super) three: [u32; 1024],
    }

    /// Builds [`super::RU_WORDS`] from the entries whose first letters are `а`..`я`.
    pub(super) const fn ru_words() -> RuWords {
        let mut out = RuWords {
            one: 0,
            two: [0; 32],
            three: [0; 1024],
        };
        let mut l = 0;
        while l < LISTS.len() {
            let list = LISTS[l].0;
            let mut w = 0;
            while w < list.len() {
                let b = list[w].as_bytes();
                let (c1, n1) = decode(b, 0);
                let x = ru(c1);
                if n1 >= b.len() {
                    if x < 32 {
                        out.one |= 1 << x;
                    }
                } else {
                    let (c2, n2) = decode(b, n1);
                    let y = ru(c2);
                    if n2 >= b.len() {
                        if x < 32 && y < 32 {
                            out.two[x as usize] |= 1 << y;
                        }
                    } else {
                        let (c3, _) = decode(b, n2);
                        let z = ru(c3);
                        if x < 32 && y < 32 && z < 32 {
                            out.three[(x * 32 + y) as usize] |= 1 << z;
                        }
                    }
                }
                w += 1;
            }
            l += 1;
        }
        out
    }

    /// The `а`..`я` index of `c`, or 32.
    const fn ru(c: char) -> u32 {
        let k = (c as u32).wrapping_sub('а' as u32);
        if k < 32 {
            k
        } else {
            32
        }
    }

    /// The letters of `s` if it is made of `а`..`я` only.
    const fn ru_letters(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let mut i = 0;
        let mut n = 0;
        while i < b.len() {
            let (c, next) = decode(b, i);
            if ru(c) >= 32 {
                return None;
            }
            i = next;
            n += 1;
        }
        Some(n)
    }

    /// An upper bound of the nodes of [`super::RU_TRIE`]: the root and one per letter of its
    /// words.
    const RU_MAX: usize = {
        let mut n = 1;
        let mut l = 0;
        while l < LISTS.len() {
            let list = LISTS[l].0;
            let mut w = 0;
            while w < list.len() {
                if let Some(k) = ru_letters(list[w]) {
                    n += k;
                }
                w += 1;
            }
            l += 1;
        }
        let mut w = 0;
        while w < WEAK_NOT.len() {
            if let Some(k) = ru_letters(WEAK_NOT[w]) {
                n += k;
            }
            w += 1;
        }
        n
    };

    /// The trie as built: first child and next sibling of each node (0: none; the root is
    /// nobody's child), and the roles of each node.
    struct Linked {
        len: usize,
        letter: [u8; RU_MAX],
        parent: [u16; RU_MAX],
        child: [u16; RU_MAX],
        sibling: [u16; RU_MAX],
        /// The roles of a word that ends here or goes on, and of one that ends here.
        pre: [Roles; RU_MAX],
        fin: [Roles; RU_MAX],
    }

    /// The child of `node` for the letter of `а`..`я` index `x`, or 0 when it has none.
    const fn child_of(t: &Linked, node: usize, x: u8) -> usize {
        let mut k = t.child[node] as usize;
        while k != 0 && t.letter[k] != x {
            k = t.sibling[k] as usize;
        }
        k
    }

    /// The node of the word `s` (`а`..`я`), added with the nodes before it where missing.
    const fn insert(t: &mut Linked, s: &str) -> usize {
        let b = s.as_bytes();
        let mut node = 0;
        let mut i = 0;
        while i < b.len() {
            let (c, next) = decode(b, i);
            let x = ru(c) as u8;
            let mut k = child_of(t, node, x);
            if k == 0 {
                k = t.len;
                t.len += 1;
                t.letter[k] = x;
                t.parent[k] = node as u16;
                t.sibling[k] = t.child[node];
                t.child[node] = k as u16;
            }
            node = k;
            i = next;
        }
        node
    }

    const fn linked() -> Linked {
        assert!(RU_MAX < u16::MAX as usize, "the trie fits u16 indices");
        let mut t = Linked {
            len: 1,
            letter: [0; RU_MAX],
            parent: [0; RU_MAX],
            child: [0; RU_MAX],
            sibling: [0; RU_MAX],
            pre: [0; RU_MAX],
            fin: [0; RU_MAX],
        };
        // The roles each node's own entries give, and its marks.
        let mut own_pre = [0 as Roles; RU_MAX];
        let mut own_fin = [0 as Roles; RU_MAX];
        let mut not = [false; RU_MAX];
        let mut l = 0;
        while l < LISTS.len() {
            let (list, exact, role) = LISTS[l];
            let mut w = 0;
            while w < list.len() {
                if ru_letters(list[w]).is_some() {
                    let n = insert(&mut t, list[w]);
                    if exact {
                        own_fin[n] |= role.bit();
                    } else {
                        own_pre[n] |= role.bit();
                    }
                }
                w += 1;
            }
            l += 1;
        }
        let mut w = 0;
        while w < WEAK_NOT.len() {
            assert!(
                ru_letters(WEAK_NOT[w]).is_some(),
                "WEAK_NOT forms are basic Russian"
            );
            let n = insert(&mut t, WEAK_NOT[w]);
            not[n] = true;
            w += 1;
        }
        assert!(ru_letters(ONCOLOGY).is_some(), "ONCOLOGY is basic Russian");
        let oncology = insert(&mut t, ONCOLOGY);
        // A parent is added before its children: one pass in index order accumulates the
        // prefix entries along each path.
        let mut onco = [false; RU_MAX];
        let mut i = 1;
        while i < t.len {
            let p = t.parent[i] as usize;
            onco[i] = onco[p] || i == oncology;
            let keep = if onco[i] {
                !Role::Specialist.bit()
            } else {
                Roles::MAX
            };
            t.pre[i] = (t.pre[p] | own_pre[i]) & keep;
            let mut fin = t.pre[i] | own_fin[i];
            if not[i] {
                fin &= !NOT_DROPS;
            }
            t.fin[i] = fin & keep;
            i += 1;
        }
        t
    }

    /// One node of [`super::RU_TRIE`]: which letters lead on from it (`mask`, bit of each
    /// `а`..`я` index, split in two halves to keep the node at 10 bytes), where its children
    /// start (`first`; they follow in the order of their letters, so a child's place is the
    /// number of mask bits below its letter), and the roles of a word that leaves the trie
    /// after it (`pre`) or ends at it (`fin`). A letter that does not lead on is told by one
    /// bit test instead of a search through the children.
    #[derive(Clone, Copy)]
    pub(super) struct Node {
        first: u16,
        mask: [u16; 2],
        pub(super) pre: Roles,
        pub(super) fin: Roles,
    }

    impl Node {
        /// The letters that lead on from the node, as `а`..`я` index bits.
        #[inline(always)]
        const fn mask(&self) -> u32 {
            self.mask[0] as u32 | (self.mask[1] as u32) << 16
        }

        /// The index in [`super::RU_TRIE`] of the child for the letter of `а`..`я` index
        /// `c` (below 32), if there is one.
        #[inline(always)]
        pub(super) const fn child(&self, c: u8) -> Option<usize> {
            let mask = self.mask();
            if mask >> c & 1 == 0 {
                return None;
            }
            // Below the trie's first letters most nodes have one child: no bit below it,
            // and no count to wait for.
            let below = mask & ((1u32 << c) - 1);
            let rank = if below == 0 { 0 } else { below.count_ones() };
            Some(self.first as usize + rank as usize)
        }
    }

    /// The number of nodes of [`super::RU_TRIE`].
    pub(super) const RU_NODES: usize = linked().len;

    /// [`super::RU_TRIE`]: the linked trie laid out breadth first, so that the children of a
    /// node are side by side, in the order of their letters.
    pub(super) const fn ru_trie() -> [Node; RU_NODES] {
        let t = linked();
        let mut out = [Node {
            first: 0,
            mask: [0; 2],
            pre: 0,
            fin: 0,
        }; RU_NODES];
        // `order[i]`: the linked node that becomes node `i`.
        let mut order = [0usize; RU_NODES];
        let mut next = 1;
        let mut i = 0;
        while i < RU_NODES {
            let old = order[i];
            let first = next;
            let mut mask = 0u32;
            let mut x = 0u8;
            while x < 32 {
                let k = child_of(&t, old, x);
                if k != 0 {
                    order[next] = k;
                    next += 1;
                    mask |= 1 << x;
                }
                x += 1;
            }
            out[i] = Node {
                first: first as u16,
                mask: [mask as u16, (mask >> 16) as u16],
                pre: t.pre[old],
                fin: t.fin[old],
            };
            i += 1;
        }
        assert!(next == RU_NODES, "every node is reached once");
        out
    }

    /// See [`super::RU_TWO`].
    pub(super) const fn ru_two(trie: &[Node; RU_NODES]) -> [u16; 1024] {
        let mut out = [0u16; 1024];
        let mut x = 0u8;
        while x < 32 {
            if let Some(a) = trie[0].child(x) {
                let mut y = 0u8;
                while y < 32 {
                    if let Some(b) = trie[a].child(y) {
                        out[x as usize * 32 + y as usize] = b as u16;
                    }
                    y += 1;
                }
            }
            x += 1;
        }
        out
    }

    /// See [`super::RU_ONE`].
    pub(super) const fn ru_one(trie: &[Node; RU_NODES]) -> [Roles; 32] {
        let mut out = [0; 32];
        let mut x = 0u8;
        while x < 32 {
            if let Some(a) = trie[0].child(x) {
                out[x as usize] = trie[a].fin;
            }
            x += 1;
        }
        out
    }

    /// The number of keys.
    pub(super) const KEYS: usize = SYMBOLS * SYMBOLS;

    /// For each key, the index of its first entry in the sorted `entries` (or of the first
    /// entry with a larger key); one more slot holds `LEN`.
    pub(super) const fn key_start(entries: &[Entry; LEN]) -> [u16; KEYS + 1] {
        assert!(LEN < u16::MAX as usize, "the lexicon fits u16 indices");
        let mut out = [0u16; KEYS + 1];
        let mut k = 0;
        let mut i = 0;
        while k <= KEYS {
            while i < LEN && (entries[i].key as usize) < k {
                i += 1;
            }
            out[k] = i as u16;
            k += 1;
        }
        out
    }

    /// The bit of a word's first three symbols in [`super::TRI_USED`] (a hash: words with
    /// other letters may share it, which only costs a look-up).
    pub(super) const fn tri_bit(a: u16, b: u16, c: u16) -> usize {
        ((a as usize * SYMBOLS + b as usize) * SYMBOLS + c as usize) & 4095
    }

    /// The bits of the first three symbols of every entry of three letters or more.
    pub(super) const fn tri_used() -> [u64; 64] {
        let mut bits = [0u64; 64];
        let mut l = 0;
        while l < LISTS.len() {
            let list = LISTS[l].0;
            let mut w = 0;
            while w < list.len() {
                let b = list[w].as_bytes();
                let (c1, n1) = decode(b, 0);
                if n1 < b.len() {
                    let (c2, n2) = decode(b, n1);
                    if n2 < b.len() {
                        let (c3, _) = decode(b, n2);
                        let (Some(x), Some(y), Some(z)) = (symbol(c1), symbol(c2), symbol(c3))
                        else {
                            panic!("lexicon entries are lowercase а–я, a–z, 0–9");
                        };
                        let k = tri_bit(x as u16, y as u16, z as u16);
                        bits[k / 64] |= 1 << (k % 64);
                    }
                }
                w += 1;
            }
            l += 1;
        }
        bits
    }

    pub(super) const fn keys_used(entries: &[Entry; LEN]) -> [u128; SYMBOLS] {
        let mut bits = [0u128; SYMBOLS];
        let mut i = 0;
        while i < LEN {
            let k = entries[i].key as usize;
            bits[k / SYMBOLS] |= 1u128 << (k % SYMBOLS);
            i += 1;
        }
        bits
    }
}

/// The roles a word has at once, as bits ([`Role::bit`]).
pub(super) type Roles = u16;

/// The lexicon key of `raw`'s first two characters (lowercase, `ё`→`е`).
fn key_of(raw: &str) -> Option<u16> {
    let mut chars = raw.chars().map(lower_ru);
    let first = chars.next()?;
    build::key(first, chars.next())
}

/// The key symbol and byte length of the character at `b[i..]` of a simple word (ASCII
/// letters and digits, `А`..`я`).
#[inline(always)]
fn simple_symbol(b: &[u8], i: usize) -> Option<(u16, usize)> {
    let x = *b.get(i)?;
    if x < 0x80 {
        let l = x.to_ascii_lowercase();
        return match l {
            b'a'..=b'z' => Some((32 + u16::from(l - b'a'), 1)),
            b'0'..=b'9' => Some((58 + u16::from(l - b'0'), 1)),
            _ => None,
        };
    }
    // `А`..`я` is U+0410..U+044F: its index is the code point's offset, modulo 32.
    let y = *b.get(i + 1)?;
    let k = (u16::from(x & 1) << 6 | u16::from(y & 0x3F)).wrapping_sub(0x10);
    Some((k & 31, 2))
}

/// Whether the simple word `raw` (ASCII letters and digits, `А`..`я`), lowercased, equals
/// (`exact`) or starts with the lowercase `pattern`, comparing from byte `from` (a character
/// boundary of both; the bytes before are known to match).
fn lower_matches(raw: &[u8], pattern: &[u8], exact: bool, from: usize) -> bool {
    let fits = if exact {
        raw.len() == pattern.len()
    } else {
        raw.len() >= pattern.len()
    };
    if !fits {
        return false;
    }
    let mut i = from;
    while let Some(&p) = pattern.get(i) {
        let Some(&x) = raw.get(i) else { return false };
        if x < 0x80 {
            if x.to_ascii_lowercase() != p {
                return false;
            }
            i += 1;
        } else {
            let Some(&y) = raw.get(i + 1) else {
                return false;
            };
            let (lx, ly) = lower_ru_pair(x, y).unwrap_or((x, y));
            if lx != p || pattern.get(i + 1) != Some(&ly) {
                return false;
            }
            i += 2;
        }
    }
    true
}

/// Whether the key of the simple word `b[start..end]` (ASCII letters and digits, `А`..`я`)
/// starts some entry.
#[inline(always)]
pub(super) fn key_used(b: &[u8], start: usize, end: usize) -> bool {
    let Some((s1, n1)) = simple_symbol(b, start) else {
        return false;
    };
    let s2 = if start + n1 >= end {
        u16::from(build::END)
    } else {
        match simple_symbol(b, start + n1) {
            Some((s2, _)) => s2,
            None => return false,
        }
    };
    matches!(KEYS_USED.get(usize::from(s1)), Some(bits) if bits >> s2 & 1 == 1)
}

/// The entries of the lexicon with `key`, if any word can have it.
#[inline]
fn entries_of(key: u16) -> Option<&'static [Entry]> {
    let (row, bit) = (
        usize::from(key) / build::SYMBOLS,
        usize::from(key) % build::SYMBOLS,
    );
    entries_at(row, bit)
}

/// [`entries_of`] the key of the symbols `row` and `bit`.
#[inline]
fn entries_at(row: usize, bit: usize) -> Option<&'static [Entry]> {
    if !matches!(KEYS_USED.get(row), Some(bits) if bits >> bit & 1 == 1) {
        return None;
    }
    let key = row * build::SYMBOLS + bit;
    let from = *KEY_START.get(key)?;
    let to = *KEY_START.get(key + 1)?;
    LEXICON.get(usize::from(from)..usize::from(to))
}

/// The roles of the word `text[start..end]` (letters and digits only). `simple` says that
/// every character is ASCII or `А`..`я`: then lowercasing keeps every byte offset, so the
/// word is compared with the entries of its key where it is, without a lowercase copy.
pub(super) fn roles(text: &str, start: usize, end: usize, simple: bool) -> Roles {
    let Some(raw) = text.get(start..end) else {
        return 0;
    };
    if !simple {
        return roles_general(raw);
    }
    let b = raw.as_bytes();
    let Some((s1, n1)) = simple_symbol(b, 0) else {
        return 0;
    };
    let (s2, n2) = if n1 == b.len() {
        (u16::from(build::END), 0)
    } else {
        match simple_symbol(b, n1) {
            Some(s) => s,
            None => return 0,
        }
    };
    if n1 + n2 < b.len() {
        let Some((s3, _)) = simple_symbol(b, n1 + n2) else {
            return 0;
        };
        let k = build::tri_bit(s1, s2, s3);
        if !matches!(TRI_USED.get(k / 64), Some(m) if m >> (k % 64) & 1 == 1) {
            return 0;
        }
    }
    let Some(entries) = entries_at(usize::from(s1), usize::from(s2)) else {
        return 0;
    };
    let from = n1 + n2;
    let mut out: Roles = 0;
    for e in entries {
        if lower_matches(b, e.pattern.as_bytes(), e.exact, from) {
            out |= e.role.bit();
        }
    }
    if out & NOT_DROPS != 0
        && WEAK_NOT
            .iter()
            .any(|p| lower_matches(b, p.as_bytes(), true, 0))
    {
        out &= !NOT_DROPS;
    }
    if out & Role::Specialist.bit() != 0 && lower_matches(b, ONCOLOGY.as_bytes(), false, 0) {
        out &= !Role::Specialist.bit();
    }
    out
}

/// The roles a [`WEAK_NOT`] word loses.
const NOT_DROPS: Roles = Role::Weak.bit() | Role::Disabled.bit();

/// A word starting with it is about the disease, not the specialist («онкология»): it loses
/// [`Role::Specialist`].
const ONCOLOGY: &str = "онкологи";

/// [`roles`] for a word with characters other than ASCII and `А`..`я`, on a lowercase copy.
#[cold]
fn roles_general(raw: &str) -> Roles {
    let Some(entries) = key_of(raw).and_then(entries_of) else {
        return 0;
    };
    // The lowercase form goes to a stack buffer (every lexicon word fits); a longer word or
    // one with letters beyond ASCII and basic Russian is lowercased by characters.
    let mut stack = [0u8; 64];
    let heap: String;
    let w: &[u8] = match lower_ru_bytes(raw.as_bytes(), &mut stack) {
        Some(n) => stack.get(..n).unwrap_or(&[]),
        None => {
            heap = raw.chars().map(lower_ru).collect();
            heap.as_bytes()
        }
    };
    let mut out: Roles = 0;
    for e in entries {
        let hit = if e.exact {
            w == e.pattern.as_bytes()
        } else {
            w.starts_with(e.pattern.as_bytes())
        };
        if hit {
            out |= e.role.bit();
        }
    }
    if out == 0 {
        return 0;
    }
    if WEAK_NOT.iter().any(|p| p.as_bytes() == w) {
        out &= !NOT_DROPS;
    }
    if w.starts_with(ONCOLOGY.as_bytes()) {
        out &= !Role::Specialist.bit();
    }
    out
}

/// What a word does in a sentence (see `medical`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Strong,
    Weak,
    Anchor,
    Lie,
    Hospital,
    Assign,
    Treatment,
    Register,
    Specialist,
    Undergo,
    Disabled,
    Group,
    GroupNumber,
    Recipe,
    Na,
    Maybe,
}

impl Role {
    /// Every role, in the order of their bits.
    pub(super) const ALL: [Role; 16] = [
        Role::Strong,
        Role::Weak,
        Role::Anchor,
        Role::Lie,
        Role::Hospital,
        Role::Assign,
        Role::Treatment,
        Role::Register,
        Role::Specialist,
        Role::Undergo,
        Role::Disabled,
        Role::Group,
        Role::GroupNumber,
        Role::Recipe,
        Role::Na,
        Role::Maybe,
    ];

    /// The bit of the role in [`Roles`].
    pub(super) const fn bit(self) -> Roles {
        1 << self as u16
    }
}

/// Whether the word of `letters` basic Russian letters (`А`..`я`) at byte `start` of `b`
/// can have a role: an exact test by its first letters ([`RU_WORDS`]) that nearly every
/// word fails.
#[inline(always)]
pub(super) fn russian_word_may_have_role(b: &[u8], start: usize, letters: usize) -> bool {
    let at = ru_index;
    let bit = |m: u32, k: u8| m >> k & 1 == 1;
    // The letters' bytes are taken as one slice, checked once (a word too short for them,
    // which the walk never gives, has no role anyway); the longest words come first, as
    // most words have three letters or more.
    if letters >= 3 {
        let Some(&[_, x, _, y, _, z]) = b.get(start..start + 6) else {
            return false;
        };
        RU_WORDS
            .three
            .get(usize::from(at(x)) << 5 | usize::from(at(y)))
            .is_some_and(|&m| bit(m, at(z)))
    } else if letters == 2 {
        let Some(&[_, x, _, y]) = b.get(start..start + 4) else {
            return false;
        };
        RU_WORDS
            .two
            .get(usize::from(at(x)))
            .is_some_and(|&m| bit(m, at(y)))
    } else {
        matches!(b.get(start + 1), Some(&x) if bit(RU_WORDS.one, at(x)))
    }
}

/// The roles of the word of `letters` basic Russian letters (`А`..`я`) at byte `start` of
/// `b`, by [`RU_TRIE`]: the same as [`roles`] gives it.
#[inline]
pub(super) fn russian_roles(b: &[u8], start: usize, letters: usize) -> Roles {
    let Some(word) = b.get(start..start + 2 * letters) else {
        return 0;
    };
    // Each letter's index from its second byte.
    let (x, y, mut rest) = match word {
        [_, x, _, y, rest @ ..] => (ru_index(*x), ru_index(*y), rest),
        [_, x] => return RU_ONE.get(usize::from(ru_index(*x))).copied().unwrap_or(0),
        _ => return 0,
    };
    let mut node = match RU_TWO.get(usize::from(x) << 5 | usize::from(y)) {
        Some(&n) if n != 0 => match RU_TRIE.get(usize::from(n)) {
            Some(node) => node,
            None => return 0,
        },
        _ => return 0,
    };
    while let [_, z, tail @ ..] = rest {
        match node.child(ru_index(*z)).and_then(|i| RU_TRIE.get(i)) {
            Some(next) => node = next,
            None => return node.pre,
        }
        rest = tail;
    }
    node.fin
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_pass_every_entry() {
        for (list, _, _) in LISTS {
            for w in *list {
                let b = w.as_bytes();
                assert!(key_used(b, 0, b.len()), "{w}");
                let letters = w.chars().count();
                if w.chars().all(|c| ('а'..='я').contains(&c)) {
                    assert!(russian_word_may_have_role(b, 0, letters), "{w}");
                    let upper = w.to_uppercase();
                    assert!(
                        russian_word_may_have_role(upper.as_bytes(), 0, letters),
                        "{upper}"
                    );
                }
                let out = roles(
                    w,
                    0,
                    w.len(),
                    w.is_ascii() || w.chars().all(|c| ('а'..='я').contains(&c)),
                );
                assert!(out > 0 || WEAK_NOT.contains(w), "{w}");
            }
        }
    }

    /// [`russian_roles`] (the trie) agrees with [`roles`] (the entries compared one by one)
    /// on every entry, and on its prefixes, its forms with each letter added or changed at
    /// the end, and their capitalised forms.
    #[test]
    fn trie_agrees_with_entries() {
        let letters: Vec<char> = ('а'..='я').collect();
        let mut words: Vec<String> = Vec::new();
        let entries = LISTS
            .iter()
            .flat_map(|(list, _, _)| list.iter())
            .chain(WEAK_NOT.iter());
        for w in entries {
            if !w.chars().all(|c| letters.contains(&c)) {
                continue;
            }
            let chars: Vec<char> = w.chars().collect();
            for n in 1..=chars.len() {
                let head: String = chars.iter().take(n).collect();
                let cut: String = chars.iter().take(n - 1).collect();
                for &c in &letters {
                    words.push(format!("{head}{c}"));
                    words.push(format!("{cut}{c}"));
                    words.push(format!("{head}{c}{c}"));
                }
                words.push(head);
            }
        }
        let mut checked = 0;
        for w in &words {
            let mut cap = w.chars();
            let cap: String = cap
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .chain(cap)
                .collect();
            for v in [w.clone(), w.to_uppercase(), cap] {
                let b = v.as_bytes();
                let n = v.chars().count();
                let expected = roles(&v, 0, v.len(), true);
                assert_eq!(russian_roles(b, 0, n), expected, "{v}");
                if expected != 0 {
                    assert!(russian_word_may_have_role(b, 0, n), "{v}");
                }
                let padded = format!("  {v}");
                assert_eq!(russian_roles(padded.as_bytes(), 2, n), expected, "{v}");
                checked += 1;
            }
        }
        assert!(checked > 10_000, "{checked}");
    }
}
