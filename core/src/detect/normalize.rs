//! Character folding shared by the detectors and the fingerprint.
//!
//! People disguise words with Latin letters that look like Cyrillic ones, with digits that
//! look like letters, with `ё` for `е`. Folding maps each such character to the one Cyrillic
//! lowercase letter it imitates, so the detectors compare one spelling only.

/// A character that may stand for either `и` or `л` (`1`, `!`, `|`, `I`, `l`): the root
/// matcher accepts it in place of either letter instead of guessing.
pub(crate) const WILD: char = '\u{1}';

/// Whether `c` is a Cyrillic letter (the basic block, including `ё` and Ukrainian letters).
pub(crate) fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// Russian vowels after folding (used by the obscenity boundary rules).
pub(crate) fn is_ru_vowel(c: char) -> bool {
    matches!(c, 'а' | 'е' | 'и' | 'о' | 'у' | 'ы' | 'э' | 'ю' | 'я')
}

/// Folds one character for obscenity matching inside a word that has Cyrillic letters.
///
/// Returns the Cyrillic lowercase letter the character imitates, [`WILD`] for `1 ! | I l`,
/// the lowercase character itself for other letters and digits, and `None` for everything
/// that is not part of a word (punctuation, spaces, combining marks).
/// The table is chosen by shape, case-aware: capital `B` looks like `В`, small `b` like `б`;
/// small `n` like `п`, `r` like `г`, `u` like `и`; `z` is read as `з` (transliteration).
pub(crate) fn fold_obscene(c: char) -> Option<char> {
    let m = match c {
        // Fast path: the letters of nearly every word fold to themselves or their lowercase.
        'а'..='я' => c,
        'А'..='Я' => lower(c),
        'ё' | 'Ё' | 'ë' | 'Ë' | 'є' | 'Є' | 'e' | 'E' => 'е',
        'a' | 'A' | '@' => 'а',
        'b' => 'б',
        'B' => 'в',
        'c' | 'C' => 'с',
        'h' | 'H' => 'н',
        'k' | 'K' => 'к',
        'm' | 'M' => 'м',
        'n' => 'п',
        'N' => 'и',
        'o' | 'O' | '0' => 'о',
        'p' | 'P' => 'р',
        'r' => 'г',
        't' | 'T' => 'т',
        'u' | 'U' | 'i' | 'і' | 'І' | 'ї' | 'Ї' => 'и',
        'x' | 'X' => 'х',
        'y' | 'Y' | 'ў' | 'Ў' => 'у',
        'z' | 'Z' | '3' => 'з',
        '6' => 'б',
        '4' => 'ч',
        'I' | 'l' | '1' | '|' | '!' => WILD,
        c if is_alnum(c) => lower(c),
        _ => return None,
    };
    Some(m)
}

/// Folds one character for the fingerprint: lowercase, `ё`→`е`, the look-alike Latin letters
/// `a b c e h k m o p t x y` (either case) to `а в с е н к м о р т х у`. Letters and digits
/// otherwise stay as they are (lowercased); everything else is `None` (a separator).
pub(crate) fn fold_fingerprint(c: char) -> Option<char> {
    let m = match c {
        // Fast path: the letters of nearly every word fold to themselves or their lowercase.
        'а'..='я' => c,
        'А'..='Я' => lower(c),
        'ё' | 'Ё' => 'е',
        'a' | 'A' => 'а',
        'b' | 'B' => 'в',
        'c' | 'C' => 'с',
        'e' | 'E' => 'е',
        'h' | 'H' => 'н',
        'k' | 'K' => 'к',
        'm' | 'M' => 'м',
        'o' | 'O' => 'о',
        'p' | 'P' => 'р',
        't' | 'T' => 'т',
        'x' | 'X' => 'х',
        'y' | 'Y' => 'у',
        c if is_alnum(c) => lower(c),
        _ => return None,
    };
    Some(m)
}

/// Whether `c` is a letter or digit, with fast paths for ASCII and basic Cyrillic (the
/// general Unicode lookup is the slowest step of a scan otherwise).
pub(crate) fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// Whether `c` is a letter, with the same fast paths as [`is_alnum`].
pub(crate) fn is_letter(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphabetic()
    } else if matches!(c, '\u{0400}'..='\u{0481}' | '\u{048A}'..='\u{04FF}') {
        true
    } else {
        c.is_alphabetic()
    }
}

/// Lowercases one character, keeping it when its lowercase is not a single character.
pub(crate) fn lower(c: char) -> char {
    match c {
        'A'..='Z' => return c.to_ascii_lowercase(),
        'a'..='z' | 'а'..='я' | 'ё' => return c,
        'А'..='Я' => return char::from_u32(c as u32 + 0x20).unwrap_or(c),
        'Ё' => return 'ё',
        _ if c.is_ascii() => return c,
        _ => {}
    }
    let mut it = c.to_lowercase();
    match (it.next(), it.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Lowercase with `ё`→`е`, for word lists.
pub(crate) fn lower_ru(c: char) -> char {
    match c {
        'ё' | 'Ё' => 'е',
        c => lower(c),
    }
}

/// The `а`..`я` index (0..31) of a basic Russian letter `А`–`я` known to be one, from its
/// second UTF-8 byte alone: the code point is U+0410 plus the index, modulo 32, and the
/// second byte holds its low six bits.
#[inline(always)]
pub(crate) fn ru_index(second: u8) -> u8 {
    second.wrapping_add(0x10) & 31
}

/// The lowercase of a basic Russian letter `А`–`я` given as its two UTF-8 bytes, by byte
/// arithmetic; `None` for any other pair (`Ё`/`ё` included, which callers fold their own way).
/// The detectors and the fingerprint read bytes, and this is the one place that knows how
/// the alphabet's cases are laid out in UTF-8.
#[inline(always)]
pub(crate) fn lower_ru_pair(x: u8, y: u8) -> Option<(u8, u8)> {
    match (x, y) {
        // а–п, р–я: already lowercase
        (0xD0, 0xB0..=0xBF) | (0xD1, 0x80..=0x8F) => Some((x, y)),
        // А–П → а–п
        (0xD0, 0x90..=0x9F) => Some((0xD0, y + 0x20)),
        // Р–Я → р–я
        (0xD0, 0xA0..=0xAF) => Some((0xD1, y - 0x20)),
        _ => None,
    }
}

/// Whether `c` is a combining mark that is dropped when folding (U+0300–U+036F).
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_lookalikes() {
        let s: String = "xyй".chars().filter_map(fold_obscene).collect();
        assert_eq!(s, "хуй");
        let s: String = "п1зд@".chars().filter_map(fold_obscene).collect();
        assert_eq!(s, format!("п{WILD}зда"));
        assert_eq!(fold_fingerprint('Ё'), Some('е'));
        assert_eq!(fold_fingerprint('.'), None);
    }
}
