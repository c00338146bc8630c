//! The medical detector's vocabulary: `rules/lexicons/medical.txt`, compiled by `core/build.rs`
//! into an [`fst`] map (word → the roles it gives or takes away) and included as bytes, so a
//! word added to the file needs no Rust change.
//!
//! A word of the text is lowercased (`ё`→`е`) and walked through the map byte by byte: every
//! entry met on the way is a prefix of the word and counts if its section is a prefix section;
//! the entry where the word ends counts whole. Each entry's value is four 16-bit role sets
//! ([`Role::bit`]), lowest first: given by a prefix, given by the whole word, taken away by a
//! prefix («онкологи…» is no specialist), taken away by the whole word («инвалидов» is no
//! disability).

use super::normalize::{lower_ru, ru_index};
use fst::raw::{CompiledAddr, Fst, Output};

// `ROLE_NAMES`, the roles in the order of their bits, written by `core/build.rs`.
include!(concat!(env!("OUT_DIR"), "/medical_lexicon.rs"));

/// The map built by `core/build.rs` from `rules/lexicons/medical.txt`.
const MEDICAL_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/medical_lexicon.fst"));

/// The roles a word has at once, as bits ([`Role::bit`]).
pub(super) type Roles = u16;

/// A word list the medical detector reads words with.
pub(crate) struct Lexicon {
    /// `None` only if the embedded bytes were not a map, which a unit test rules out.
    fst: Option<Fst<&'static [u8]>>,
    /// Where the walk stands after each first two letters `а`..`я` (first × 32 + second),
    /// when the lexicon is kept for many scans ([`Lexicon::medical_indexed`]): most words
    /// start with two such letters, and the walk resumes there.
    index: Vec<Indexed>,
}

/// What the map holds after two letters: where the walk stands, the value of a word that
/// ends there or leaves the map at the next letter, and which letters `а`..`я` lead on
/// (bit of the index), all read from the map when it is indexed.
#[derive(Clone, Copy)]
struct Indexed {
    step: Step,
    end: u64,
    leave: u64,
    next: u32,
}

/// A state of [`walk`]: the node reached (`None`: the word has left the map), the output so
/// far, and the value gathered from the entries passed.
#[derive(Clone, Copy)]
struct Step {
    node: Option<CompiledAddr>,
    out: u64,
    value: u64,
}

/// The part of an entry's value that a longer word gets from it (given and taken away by a
/// prefix).
const PREFIX_PARTS: u64 = 0x0000_FFFF_0000_FFFF;

impl Lexicon {
    /// The built-in vocabulary (`rules/lexicons/medical.txt`). Opening the map reads only
    /// its header, so this is cheap enough to do once per scan.
    pub(crate) fn medical() -> Self {
        Lexicon {
            fst: Fst::new(MEDICAL_FST).ok(),
            index: Vec::new(),
        }
    }

    /// [`Lexicon::medical`] with the steps of every first two letters `а`..`я` walked in
    /// advance (1 024 of them), for a lexicon kept by `Rules` for many messages.
    pub(crate) fn medical_indexed() -> Self {
        let mut lexicon = Lexicon::medical();
        if let Some(fst) = &lexicon.fst {
            let start = Step {
                node: Some(fst.root().addr()),
                out: 0,
                value: 0,
            };
            lexicon.index = (0..1024u16)
                .map(|k| {
                    let first = step(fst, start, code_of_index(k >> 5));
                    let at = step(fst, first, code_of_index(k & 31));
                    let (mut end, mut leave, mut next) = (at.value, at.value, 0u32);
                    if let Some(addr) = at.node {
                        let node = fst.node(addr);
                        if node.is_final() {
                            let v = Output::new(at.out).cat(node.final_output()).value();
                            end |= v;
                            leave |= v & PREFIX_PARTS;
                        }
                        for t in node.transitions() {
                            if t.inp >= 0xE0 {
                                next |= 1 << (t.inp - 0xE0);
                            }
                        }
                    }
                    Indexed {
                        step: at,
                        end,
                        leave,
                        next,
                    }
                })
                .collect();
        }
        lexicon
    }

    /// The roles of the word `raw` (letters and digits), in any case.
    pub(super) fn roles(&self, raw: &str) -> Roles {
        let Some(fst) = &self.fst else { return 0 };
        // The word's codes (lowercase, `ё`→`е`), up to the first character no entry has (or
        // the 48th), which is written as [`OTHER`]: the walk stops there, and only the
        // entries before it count, as prefixes (every entry is shorter).
        let mut buf = [OTHER; 49];
        let mut n = 0;
        let b = raw.as_bytes();
        let mut i = 0;
        while i < b.len() {
            if n == 48 {
                n = 49;
                break;
            }
            let (k, len) = code_at(raw, i);
            if let Some(slot) = buf.get_mut(n) {
                *slot = k;
            }
            n += 1;
            i += len;
            if k == OTHER {
                break;
            }
        }
        let word = buf.get(..n).unwrap_or(&[]);
        let start = Step {
            node: Some(fst.root().addr()),
            out: 0,
            value: 0,
        };
        // Resume after the first two letters where they are indexed.
        let (from, rest) = match word {
            [a @ 0xE0..=0xFF, b @ 0xE0..=0xFF, rest @ ..] if !self.index.is_empty() => {
                let k = usize::from(a - 0xE0) << 5 | usize::from(b - 0xE0);
                let Some(at) = self.index.get(k) else {
                    return 0;
                };
                match rest {
                    [] => return roles_of(at.end),
                    [c @ 0xE0..=0xFF, ..] if at.next >> (c - 0xE0) & 1 == 0 => {
                        return roles_of(at.leave)
                    }
                    _ => (at.step, rest),
                }
            }
            _ => (start, word),
        };
        walk(fst, from, rest)
    }
}

/// The code of the letter of `а`..`я` index `k` (below 32).
fn code_of_index(k: u16) -> u8 {
    0xE0 | (k & 31) as u8
}

/// [`walk`] by one more byte `b` of a word that goes on after it.
fn step(fst: &Fst<&'static [u8]>, at: Step, b: u8) -> Step {
    let Some(addr) = at.node else { return at };
    let node = fst.node(addr);
    let mut value = at.value;
    if node.is_final() {
        value |= Output::new(at.out).cat(node.final_output()).value() & PREFIX_PARTS;
    }
    match node.find_input(b) {
        Some(i) => {
            let t = node.transition(i);
            Step {
                node: Some(t.addr),
                out: Output::new(at.out).cat(t.out).value(),
                value,
            }
        }
        None => Step {
            node: None,
            out: at.out,
            value,
        },
    }
}

/// The code ([`code`]) of the lowercase of the character at byte `i` of `raw` (a character
/// boundary), and its length in bytes. Basic Russian letters and ASCII are read from the
/// bytes (the `а`..`я` index of `А`..`я` is in the second byte).
fn code_at(raw: &str, i: usize) -> (u8, usize) {
    let b = raw.as_bytes();
    match (b.get(i), b.get(i + 1)) {
        (Some(&x), _) if x < 0x80 => (x.to_ascii_lowercase(), 1),
        (Some(0xD0), Some(&y @ 0x90..=0xBF)) | (Some(0xD1), Some(&y @ 0x80..=0x8F)) => {
            (0xE0 | ru_index(y), 2)
        }
        _ => match raw.get(i..).and_then(|r| r.chars().next()) {
            Some(c) => (code(lower_ru(c)), c.len_utf8()),
            None => (OTHER, 1),
        },
    }
}

/// The one-byte code of a lowercase character, as `core/build.rs` writes the keys: `а`..`я`
/// as 0xE0..0xFF (the order of Windows-1251), ASCII as itself, any other character as
/// [`OTHER`]. One byte a letter keeps the walk short.
fn code(c: char) -> u8 {
    match c {
        'а'..='я' => 0xE0 + (u32::from(c) - u32::from('а')) as u8,
        _ if c.is_ascii() => c as u8,
        _ => OTHER,
    }
}

/// The code of a character no entry has.
const OTHER: u8 = 0x01;

/// The roles of the coded word whose first bytes led to `from` and whose `rest` follows: the
/// values of the entries that are its prefixes (their prefix parts) and of the entry equal to
/// it (all of it), combined.
fn walk(fst: &Fst<&'static [u8]>, from: Step, rest: &[u8]) -> Roles {
    let Some(addr) = from.node else {
        return roles_of(from.value);
    };
    let mut node = fst.node(addr);
    let mut out = Output::new(from.out);
    let mut value = from.value;
    for &b in rest {
        if node.is_final() {
            value |= out.cat(node.final_output()).value() & PREFIX_PARTS;
        }
        let Some(i) = node.find_input(b) else {
            return roles_of(value);
        };
        let t = node.transition(i);
        out = out.cat(t.out);
        node = fst.node(t.addr);
    }
    if node.is_final() {
        value |= out.cat(node.final_output()).value();
    }
    roles_of(value)
}

/// The roles given and not taken away by an entry value ([`walk`]).
fn roles_of(value: u64) -> Roles {
    let part = |k: u32| (value >> (16 * k)) as Roles;
    (part(0) | part(1)) & !(part(2) | part(3))
}

/// The set built by `core/build.rs` from `rules/lexicons/personal.txt`.
const ORGANISATION_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/personal_lexicon.fst"));

/// Words that name an organisation's or a request's identifier (`rules/lexicons/personal.txt`):
/// a number named so is not personal data.
pub(crate) struct Markers {
    /// `None` only if the embedded bytes were not a set, which a unit test rules out.
    fst: Option<Fst<&'static [u8]>>,
}

impl Markers {
    /// The built-in markers. Opening the set reads only its header.
    pub(crate) fn organisation() -> Self {
        Markers {
            fst: Fst::new(ORGANISATION_FST).ok(),
        }
    }

    /// Whether some entry is a prefix of the lowercase `text`.
    pub(crate) fn starts(&self, text: &[u8]) -> bool {
        let Some(fst) = &self.fst else { return false };
        let mut node = fst.root();
        for &b in text {
            if node.is_final() {
                return true;
            }
            match node.find_input(b) {
                Some(i) => node = fst.node(node.transition_addr(i)),
                None => return false,
            }
        }
        node.is_final()
    }
}

/// What a word does in a sentence (see `medical`).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
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
    /// Every role, in the order of their bits (the order of `ROLE_NAMES` in `core/build.rs`).
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

#[cfg(test)]
mod tests {
    use super::*;

    fn roles(w: &str) -> Roles {
        let plain = Lexicon::medical().roles(w);
        assert_eq!(Lexicon::medical_indexed().roles(w), plain, "{w}");
        plain
    }

    #[test]
    fn the_map_loads_and_its_roles_are_in_bit_order() {
        assert!(Lexicon::medical().fst.is_some());
        for (role, name) in Role::ALL.iter().zip(ROLE_NAMES) {
            assert_eq!(format!("{role:?}").to_lowercase(), name.replace('_', ""));
        }
    }

    /// The index (the first two letters walked in advance) gives what the walk from the root
    /// gives, on every entry, its prefixes and its forms with a letter added, in both cases.
    #[test]
    fn the_index_agrees_with_the_walk() {
        let (plain, indexed) = (Lexicon::medical(), Lexicon::medical_indexed());
        assert_eq!(indexed.index.len(), 1024);
        let source = include_str!("../../../rules/lexicons/medical.txt");
        let mut checked = 0;
        for line in source.lines() {
            let w = line.split('#').next().unwrap_or("").trim();
            if w.is_empty() || w.starts_with('[') {
                continue;
            }
            let chars: Vec<char> = w.chars().collect();
            for n in 1..=chars.len() {
                let head: String = chars.iter().take(n).collect();
                for v in [
                    head.clone(),
                    format!("{head}а"),
                    format!("{head}ый"),
                    head.to_uppercase(),
                ] {
                    assert_eq!(indexed.roles(&v), plain.roles(&v), "{v}");
                    checked += 1;
                }
            }
        }
        assert!(checked > 5_000, "{checked}");
    }

    #[test]
    fn organisation_markers() {
        let m = Markers::organisation();
        assert!(m.fst.is_some());
        assert!(m.starts("заявку, номер".as_bytes()));
        assert!(m.starts("огрн".as_bytes()));
        assert!(!m.starts("огр".as_bytes()));
        assert!(!m.starts("телефон".as_bytes()));
    }

    #[test]
    fn prefix_whole_word_and_taken_away() {
        let (strong, weak, disabled) = (Role::Strong.bit(), Role::Weak.bit(), Role::Disabled.bit());
        // Prefix entries match longer words, in any case; whole-word entries only themselves.
        assert_eq!(roles("ДИАГНОЗОМ"), strong);
        assert_eq!(roles("Беременна"), strong | weak);
        assert_eq!(roles("беременнам"), weak);
        assert_eq!(roles("инвалид"), strong | weak | disabled);
        // `weak_not`: the plural about people in general keeps no weak or disability role.
        assert_eq!(roles("инвалидов"), 0);
        // `not_specialist`: the disease is no specialist, the doctor is.
        assert_eq!(
            roles("онколог") & Role::Specialist.bit(),
            Role::Specialist.bit()
        );
        assert_eq!(roles("онкология") & Role::Specialist.bit(), 0);
        assert_ne!(roles("онкология") & weak, 0);
        assert_eq!(roles("на"), Role::Na.bit());
        assert_eq!(roles("ёжик"), 0);
        assert_eq!(roles("дом"), 0);
        assert_eq!(roles(&"я".repeat(100)), 0);
        assert_eq!(roles("Ґрунт"), 0);
    }
}
