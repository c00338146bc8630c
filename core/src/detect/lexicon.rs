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

use super::normalize::{lower_ru, lower_ru_bytes};
use fst::raw::{Fst, Output};

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
}

impl Lexicon {
    /// The built-in vocabulary (`rules/lexicons/medical.txt`). Opening the map reads only
    /// its header, so this is cheap enough to do once per scan.
    pub(crate) fn medical() -> Self {
        Lexicon {
            fst: Fst::new(MEDICAL_FST).ok(),
        }
    }

    /// The roles of the word `raw` (letters and digits), in any case.
    pub(super) fn roles(&self, raw: &str) -> Roles {
        let Some(fst) = &self.fst else { return 0 };
        // Every lexicon word fits the stack buffer; a longer word, or one with letters beyond
        // ASCII and basic Russian, is lowercased by characters.
        let mut stack = [0u8; 64];
        match lower_ru_bytes(raw.as_bytes(), &mut stack) {
            Some(n) => walk(fst, stack.get(..n).unwrap_or(&[])),
            None => walk(fst, raw.chars().map(lower_ru).collect::<String>().as_bytes()),
        }
    }
}

/// The roles of the lowercase `word` in `fst`: the values of the entries that are its
/// prefixes (their prefix parts) and of the entry equal to it (all of it), combined.
fn walk(fst: &Fst<&'static [u8]>, word: &[u8]) -> Roles {
    const PREFIX_PARTS: u64 = 0x0000_FFFF_0000_FFFF;
    let mut node = fst.root();
    let mut out = Output::zero();
    let mut value = 0u64;
    for &b in word {
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
        Lexicon::medical().roles(w)
    }

    #[test]
    fn the_map_loads_and_its_roles_are_in_bit_order() {
        assert!(Lexicon::medical().fst.is_some());
        for (role, name) in Role::ALL.iter().zip(ROLE_NAMES) {
            assert_eq!(format!("{role:?}").to_lowercase(), name.replace('_', ""));
        }
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
        assert_eq!(roles("онколог") & Role::Specialist.bit(), Role::Specialist.bit());
        assert_eq!(roles("онкология") & Role::Specialist.bit(), 0);
        assert_ne!(roles("онкология") & weak, 0);
        assert_eq!(roles("на"), Role::Na.bit());
        assert_eq!(roles("ёжик"), 0);
        assert_eq!(roles("дом"), 0);
        assert_eq!(roles(&"я".repeat(100)), 0);
        assert_eq!(roles("Ґрунт"), 0);
    }
}
