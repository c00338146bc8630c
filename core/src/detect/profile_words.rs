//! A profile's own words for the obscenity and medical detectors (`[lexicon]` in a profile).
//!
//! A rule author adds a word a portal must catch without touching Rust: the words are folded as
//! the detectors fold text (lower case, `ё`→`е`, look-alike Latin letters as Cyrillic), compiled
//! into sorted lists when the rules are built, and looked up once per word of the text,
//! apart from the built-in lexicons and their pre-screens (which know only the built-in words).
//! An entry is a whole word; an entry ending in `*` is a stem that matches every word it begins.

use super::normalize::{fold_fingerprint, is_alnum};
use super::{Detection, DetectionKind};

/// The most words one list of a profile's `[lexicon]` may hold.
pub const MAX_WORDS: usize = 5_000;

/// The longest word (in characters, the `*` of a stem not counted) a `[lexicon]` list accepts.
pub const MAX_WORD_CHARS: usize = 64;

/// Why a `[lexicon]` entry cannot be used, for the profile's diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BadWord {
    /// Nothing (or only `*`) is written.
    Empty,
    /// A character that is not a letter (a space, a digit, punctuation, a `*` inside).
    NotLetters,
    /// Longer than [`MAX_WORD_CHARS`].
    TooLong,
}

/// An entry folded as the detectors fold text, and whether it is a stem (`слов*`).
pub(crate) fn fold_entry(entry: &str) -> Result<(String, bool), BadWord> {
    let (body, stem) = match entry.strip_suffix('*') {
        Some(body) => (body, true),
        None => (entry, false),
    };
    if body.is_empty() {
        return Err(BadWord::Empty);
    }
    if body.chars().count() > MAX_WORD_CHARS {
        return Err(BadWord::TooLong);
    }
    let mut folded = String::with_capacity(body.len());
    for c in body.chars() {
        match fold_fingerprint(c) {
            Some(f) if super::normalize::is_letter(c) => folded.push(f),
            _ => return Err(BadWord::NotLetters),
        }
    }
    Ok((folded, stem))
}

/// One list compiled: whole words and stems, each sorted for binary search.
///
/// Sorted vectors rather than `fst` sets built in memory: the `fst` builder added about 28 KB
/// gzipped to the browser module (measured on the raw module, before `wasm-opt`), and a list of
/// at most 5,000 words needs no more than 13 comparisons a look-up.
struct WordSet {
    words: Vec<String>,
    stems: Vec<String>,
}

impl WordSet {
    /// Compiles the usable entries of a list (the profile loader refused the others).
    fn new(entries: &[String]) -> Option<Self> {
        let mut words = Vec::new();
        let mut stems = Vec::new();
        for (folded, stem) in entries.iter().filter_map(|e| fold_entry(e).ok()) {
            if stem { stems.push(folded) } else { words.push(folded) }
        }
        if words.is_empty() && stems.is_empty() {
            return None;
        }
        for list in [&mut words, &mut stems] {
            list.sort_unstable();
            list.dedup();
        }
        Some(Self { words, stems })
    }

    /// Whether the folded word is in the list, whole or after one of its stems.
    fn has(&self, word: &str) -> bool {
        let find = |list: &[String], w: &str| list.binary_search_by(|x| x.as_str().cmp(w)).is_ok();
        if find(&self.words, word) {
            return true;
        }
        // A stem is a prefix of the word ending at a letter's end.
        !self.stems.is_empty()
            && word.char_indices().any(|(i, c)| word.get(..i + c.len_utf8()).is_some_and(|prefix| find(&self.stems, prefix)))
    }
}

/// A profile's `[lexicon]` lists, compiled for the scans of its messages.
pub(crate) struct ProfileWords {
    lists: Vec<(DetectionKind, WordSet)>,
}

impl ProfileWords {
    /// Compiles the lists; `None` when the profile adds no word.
    pub(crate) fn new(obscene: &[String], medical: &[String]) -> Option<Self> {
        let lists: Vec<(DetectionKind, WordSet)> = [(DetectionKind::Obscenity, obscene), (DetectionKind::Medical, medical)]
            .into_iter()
            .filter_map(|(kind, entries)| WordSet::new(entries).map(|s| (kind, s)))
            .collect();
        (!lists.is_empty()).then_some(Self { lists })
    }

    /// Adds a detection for each word of `text` in a list, unless a detection of the same kind
    /// already covers part of it (the built-in lexicon found it too).
    pub(crate) fn find(&self, text: &str, detections: &mut Vec<Detection>) {
        let found_before = detections.len();
        let mut word = String::new();
        let mut start = 0usize;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            if is_alnum(c) {
                if word.is_empty() {
                    start = i;
                }
                word.push(fold_fingerprint(c).unwrap_or(c));
                continue;
            }
            if word.is_empty() {
                continue;
            }
            for (kind, list) in &self.lists {
                let covered = detections.get(..found_before).unwrap_or_default().iter().any(|d| d.kind == *kind && d.start < i && start < d.end);
                if !covered && list.has(&word) {
                    detections.push(Detection { kind: *kind, start, end: i });
                }
            }
            word.clear();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(list: &[&str]) -> Vec<String> {
        list.iter().map(|w| w.to_string()).collect()
    }

    #[test]
    fn entries_fold_as_text_and_bad_ones_are_named() {
        assert_eq!(fold_entry("ЁЖиК"), Ok(("ежик".to_string(), false)));
        assert_eq!(fold_entry("слов*"), Ok(("слов".to_string(), true)));
        assert_eq!(fold_entry(""), Err(BadWord::Empty));
        assert_eq!(fold_entry("*"), Err(BadWord::Empty));
        assert_eq!(fold_entry("два слова"), Err(BadWord::NotLetters));
        assert_eq!(fold_entry("сл*во"), Err(BadWord::NotLetters));
        assert_eq!(fold_entry("слово1"), Err(BadWord::NotLetters));
        assert_eq!(fold_entry(&"я".repeat(MAX_WORD_CHARS + 1)), Err(BadWord::TooLong));
    }

    #[test]
    fn whole_words_and_stems_match_with_their_spans() {
        let p = ProfileWords::new(&words(&["жопа", "хрен*"]), &words(&["ковид*"])).unwrap_or_else(|| panic!("compiled"));
        let text = "Ну и ЖОПА, хреновина. Жопами ковидом; ковид. жопан";
        let mut found = Vec::new();
        p.find(text, &mut found);
        let spans: Vec<(DetectionKind, &str)> = found.iter().map(|d| (d.kind, &text[d.start..d.end])).collect();
        assert_eq!(
            spans,
            [
                (DetectionKind::Obscenity, "ЖОПА"),
                (DetectionKind::Obscenity, "хреновина"),
                (DetectionKind::Medical, "ковидом"),
                (DetectionKind::Medical, "ковид"),
            ]
        );
    }

    #[test]
    fn a_word_found_already_is_not_reported_twice() {
        let p = ProfileWords::new(&words(&["жопа"]), &[]).unwrap_or_else(|| panic!("compiled"));
        let mut found = vec![Detection { kind: DetectionKind::Obscenity, start: 0, end: 8 }];
        p.find("жопа", &mut found);
        assert_eq!(found.len(), 1);
        assert!(ProfileWords::new(&[], &words(&["", "a b"])).is_none());
    }
}
