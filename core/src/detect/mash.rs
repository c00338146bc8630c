//! Keyboard mash: whether a run of letters is a keyboard run (`фыва`, `asdf`), one letter
//! four times in a row (`ffff`), a repeated short period (`ываоываоыва`), five or more
//! letters without a vowel, or six consonants in a row (see `language` for how mash makes a
//! text unreadable).
//!
//! [`is_mash`] is the rule, on a lowercase run. The walk over the text gathers a few bits per
//! run of basic Russian letters ([`run`]); from them and the run's bytes, [`may_be_mash`]
//! clears nearly every word from the bits alone, and [`run_is_mash`] answers for the rest
//! exactly as [`is_mash`] would, without a lowercase copy.

use super::normalize::{lower, ru_index};

/// Keyboard runs of four keys that occur in no ordinary Russian or English word, sorted
/// (by code point) so that [`KEYBOARD`] can be binary-searched.
const KEYBOARD_RUNS: [&str; 33] = [
    "asdf", "cvbn", "dfgh", "fghj", "ghjk", "hjkl", "qwas", "qwer", "rtyu", "sdfg", "tyui", "uiop",
    "vbnm", "wert", "xcvb", "yuio", "zxcv", "гшщз", "жэхъ", "йцук", "лджэ", "нгшщ", "олдж", "тьбю",
    "укен", "фыва", "цуке", "чсми", "шщзх", "ывао", "ывап", "ываф", "ячсм",
];
/// [`KEYBOARD_RUNS`] packed by [`pack`], computed at compile time.
const KEYBOARD_PACKED: [u64; 33] = pack_all(&KEYBOARD_RUNS);
static KEYBOARD: [u64; 33] = KEYBOARD_PACKED;
/// For each first letter `а`..`я` of a keyboard run, its possible second letters (bit `n`
/// for `а` + `n`), computed at compile time from [`KEYBOARD`].
pub(super) const KEYBOARD_RU_PAIRS: [u32; 32] = ru_pairs(&KEYBOARD_PACKED);
/// Builds [`KEYBOARD_RU_PAIRS`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn ru_pairs(runs: &[u64; 33]) -> [u32; 32] {
    let mut out = [0u32; 32];
    let mut i = 0;
    while i < runs.len() {
        let a = ((runs[i] >> 48) & 0xFFFF) as u32;
        let b = ((runs[i] >> 32) & 0xFFFF) as u32;
        if a >= 0x430 && a < 0x450 && b >= 0x430 && b < 0x450 {
            out[(a - 0x430) as usize] |= 1 << (b - 0x430);
        }
        i += 1;
    }
    out
}
/// Packs every run, in `const` evaluation (an out-of-range index there is a compile error).
#[allow(clippy::indexing_slicing)]
const fn pack_all(runs: &[&str; 33]) -> [u64; 33] {
    let mut out = [0u64; 33];
    let mut i = 0;
    while i < out.len() {
        out[i] = pack_str(runs[i]);
        i += 1;
    }
    out
}
/// Up to four characters as one number, ordered like the characters; `None` when one is
/// beyond U+FFFF (no keyboard run has such a letter).
fn pack(w: &[char]) -> Option<u64> {
    w.iter().take(4).try_fold(0u64, |k, &c| {
        let c = u32::from(c);
        (c <= 0xFFFF).then_some((k << 16) | u64::from(c))
    })
}
/// [`pack`] for a run of one- and two-byte UTF-8 letters, in `const` evaluation (an
/// out-of-range index there is a compile error, not a run-time panic).
#[allow(clippy::indexing_slicing)]
const fn pack_str(s: &str) -> u64 {
    let b = s.as_bytes();
    let mut k = 0u64;
    let mut i = 0;
    while i < b.len() {
        let c = if b[i] < 0x80 {
            i += 1;
            b[i - 1] as u64
        } else {
            i += 2;
            ((b[i - 2] as u64 & 0x1F) << 6) | (b[i - 1] as u64 & 0x3F)
        };
        k = (k << 16) | c;
    }
    k
}
/// The vowels among `а`..`я` (bit `n` for the letter `а` + `n`): а е и о у ы э ю я.
pub(super) const RU_VOWELS: u32 =
    1 | 1 << 5 | 1 << 8 | 1 << 14 | 1 << 19 | 1 << 27 | 1 << 29 | 1 << 30 | 1 << 31;
#[inline]
fn is_vowel(c: char) -> bool {
    let k = u32::from(c).wrapping_sub(0x430);
    if k < 32 {
        return RU_VOWELS >> k & 1 == 1;
    }
    is_vowel_slow(c)
}
fn is_vowel_slow(c: char) -> bool {
    matches!(
        c,
        'а' | 'е'
            | 'ё'
            | 'и'
            | 'о'
            | 'у'
            | 'ы'
            | 'э'
            | 'ю'
            | 'я'
            | 'a'
            | 'e'
            | 'i'
            | 'o'
            | 'u'
            | 'y'
    )
}
/// Whether a lowercased letters-only word looks like keyboard mash.
pub(crate) fn is_mash(w: &[char]) -> bool {
    let n = w.len();
    if n < 4 {
        return false;
    }
    // One pass for: a letter repeated four times, vowels, six consonants in a row.
    let mut run = 0;
    let mut prev = None;
    let mut vowels = 0;
    let mut cons = 0;
    for &c in w {
        run = if prev == Some(c) { run + 1 } else { 1 };
        if run >= 4 {
            return true;
        }
        prev = Some(c);
        if is_vowel(c) {
            vowels += 1;
            cons = 0;
        } else if c == 'ь' || c == 'ъ' {
            cons = 0;
        } else {
            cons += 1;
            if cons >= 6 {
                return true;
            }
        }
    }
    if vowels == 0 && n >= 5 {
        return true;
    }
    // keyboard runs: a window whose first two letters (both а–я) start no run is skipped by
    // one bit test; other windows starting with a letter some run starts with are looked up
    let hit = w.windows(4).any(|win| {
        if let [a, b, ..] = win {
            let (x, y) = (
                u32::from(*a).wrapping_sub(0x430),
                u32::from(*b).wrapping_sub(0x430),
            );
            if x < 32
                && y < 32
                && KEYBOARD_RU_PAIRS
                    .get(x as usize)
                    .is_some_and(|m| m >> y & 1 == 0)
            {
                return false;
            }
        }
        win.first().is_some_and(|c| {
            matches!(
                c,
                'ф' | 'ы'
                    | 'о'
                    | 'л'
                    | 'й'
                    | 'ц'
                    | 'у'
                    | 'н'
                    | 'г'
                    | 'ш'
                    | 'я'
                    | 'ч'
                    | 'т'
                    | 'ж'
                    | 'a'..='z'
            )
        }) && pack(win).is_some_and(|k| KEYBOARD.binary_search(&k).is_ok())
    });
    if hit {
        return true;
    }
    // a short period repeated (ываоываоыва, asdasdasd, фвфвфв)
    if n >= 6 {
        for p in 2..=4usize {
            if n < 2 * p + 1 {
                continue;
            }
            // At least 90 % of the `n - p` pairs equal: stop once more than 10 % differ
            // (ordinary words differ at once).
            let mut differ = 0usize;
            let mut repeated = true;
            for (a, b) in w.iter().zip(w.iter().skip(p)) {
                if a != b {
                    differ += 1;
                    if differ * 10 > n - p {
                        repeated = false;
                        break;
                    }
                }
            }
            if repeated {
                return true;
            }
        }
    }
    false
}
/// [`pack`] of four `а`..`я` indices.
fn pack_ru(w: [u8; 4]) -> u64 {
    w.iter()
        .fold(0u64, |k, &c| (k << 16) | (0x430 + u64::from(c)))
}
/// Bits the walk over the text gathers for each letter run (see [`Classifier`]): they let a
/// run that cannot be mash skip [`is_mash`]. Each is set too eagerly rather than missed.
pub(super) mod run {
    /// The letter is a consonant (`а`..`я` but not a vowel, `ъ` or `ь`).
    pub(in super::super) const CONSONANT: u8 = 1;
    /// The letter is a vowel.
    pub(in super::super) const VOWEL: u8 = 2;
    /// The letter and the one before start a keyboard run.
    pub(in super::super) const KEYBOARD: u8 = 8;
    /// The letter repeats the one before.
    pub(in super::super) const DOUBLE: u8 = 16;
    /// The run has a letter other than `А`..`я` (judged by [`super::is_mash`] in full).
    pub(in super::super) const OTHER: u8 = 32;
}
/// Whether the run `text[start..]` of `n >= 2` letters with the [`run`] bits `flags` and
/// consonant bits `cons` may be mash: `false` means it certainly is not (nearly every word),
/// `true` that [`run_is_mash`] must decide. The language flags keep such runs aside and
/// decide them only when the answer could change a flag.
#[inline(always)]
pub(super) fn may_be_mash(text: &str, start: usize, n: usize, flags: u8, cons: u64) -> bool {
    n >= 4 && !surely_not_mash(text, start, n, flags, cons)
}

/// Whether the consonant bits `x` (one per letter) have six set in a row: pairs, then runs
/// of four from two pairs, then runs of six from two overlapping fours (three shifts, not
/// five).
#[inline(always)]
fn six_in_a_row(x: u64) -> bool {
    let two = x & (x >> 1);
    let four = two & (two >> 2);
    four & (four >> 2) != 0
}

/// A quick answer for most runs of at least four letters: `true` when the run
/// `text[start..]` of `n` letters with the [`run`] bits `f` and consonant bits `x` is
/// certainly not mash ([`run_is_mash`] decides the rest).
#[inline(always)]
fn surely_not_mash(text: &str, start: usize, n: usize, f: u8, x: u64) -> bool {
    if f & (run::OTHER | run::DOUBLE | run::KEYBOARD) != 0 || f & run::VOWEL == 0 || n > 11 {
        return false;
    }
    if n < 6 {
        return true;
    }
    if six_in_a_row(x) {
        return false;
    }
    // Basic Russian letters only: a repeated period of p (2..4) in at most 11 letters
    // repeats exactly, so its first letter comes back at p. Letters compare by the low five
    // bits of their second byte.
    let b = text.as_bytes();
    let y = |k: usize| b.get(start + 2 * k + 1).copied().unwrap_or(0);
    let w0 = y(0);
    let same = |k: usize| (y(k) ^ w0) & 31 == 0;
    !(same(2) || (n >= 7 && same(3)) || (n >= 9 && same(4)))
}
/// [`is_mash`] of the run (of at least four letters) `text[start..end]`, lowercased, of `n`
/// letters with the [`run`] bits `f` and the consonant bits `x`. A run of basic Russian
/// letters (no [`run::OTHER`]) of at most 64 letters is judged from its bits and its bytes,
/// each test exactly as [`is_mash`] does it; any other run is lowercased and passed to
/// [`is_mash`].
#[inline]
pub(super) fn run_is_mash(text: &str, start: usize, n: usize, f: u8, x: u64, end: usize) -> bool {
    if f & run::OTHER != 0 || n > 64 {
        return is_mash_run(text.get(start..end).unwrap_or(""), n);
    }
    // Five or more letters without a vowel; six consonants in a row (one bit per
    // letter, all of the run's letters in `r_cons`).
    if (f & run::VOWEL == 0 && n >= 5) || six_in_a_row(x) {
        return true;
    }
    if n < 6 && f & (run::DOUBLE | run::KEYBOARD) == 0 {
        return false;
    }
    russian_run_is_mash(
        text.as_bytes().get(start..start + 2 * n).unwrap_or(&[]),
        n,
        f,
    )
}
/// The rest of [`run_is_mash`] for a run of `n` basic Russian letters (`letters`, two bytes
/// each) with the [`run`] bits `f`: a letter four times in a row, a keyboard run, a repeated
/// period.
fn russian_run_is_mash(letters: &[u8], n: usize, f: u8) -> bool {
    // The `а`..`я` indices (at most 64 letters here), each from its letter's second byte.
    let mut w = [0u8; 64];
    for (slot, pair) in w.iter_mut().zip(letters.chunks_exact(2)) {
        if let [_, y] = pair {
            *slot = ru_index(*y);
        }
    }
    let w = w.get(..n).unwrap_or(&[]);
    // One letter four times in a row.
    if f & run::DOUBLE != 0
        && w.windows(4)
            .any(|q| matches!(q, [a, b, c, d] if a == b && b == c && c == d))
    {
        return true;
    }
    // A keyboard run of four letters.
    if f & run::KEYBOARD != 0
        && w.windows(4).any(|q| match q {
            [a, b, c, d] => {
                KEYBOARD_RU_PAIRS
                    .get(usize::from(*a))
                    .is_some_and(|m| m >> b & 1 == 1)
                    && KEYBOARD.binary_search(&pack_ru([*a, *b, *c, *d])).is_ok()
            }
            _ => false,
        })
    {
        return true;
    }
    // A short period repeated: at least 90 % of the `n - p` pairs equal. With fewer than
    // ten pairs (up to 11 letters) none may differ, so the first letter comes back at p.
    if n < 6 {
        return false;
    }
    let at = |k: usize| w.get(k).copied().unwrap_or(u8::MAX);
    let w0 = at(0);
    if n < 12 && w0 != at(2) && (n < 7 || w0 != at(3)) && (n < 9 || w0 != at(4)) {
        return false;
    }
    (2..=4usize).any(|p| {
        if n < 2 * p + 1 {
            return false;
        }
        let mut differ = 0usize;
        for (a, b) in w.iter().zip(w.iter().skip(p)) {
            if a != b {
                differ += 1;
                if differ * 10 > n - p {
                    return false;
                }
            }
        }
        true
    })
}
/// [`is_mash`] of the run `raw` of `letters` letters, lowercased.
#[cold]
fn is_mash_run(raw: &str, letters: usize) -> bool {
    let mut buf = ['\0'; 64];
    let mut n = 0;
    for (slot, c) in buf.iter_mut().zip(raw.chars()) {
        *slot = lower(c);
        n += 1;
    }
    if n == letters {
        return buf.get(..n).is_some_and(is_mash);
    }
    let word: Vec<char> = raw.chars().map(lower).collect();
    is_mash(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_in_a_row_is_six_bits_in_a_row() {
        for x in 0u64..(1 << 16) {
            let want = (0..=10).any(|i| (x >> i) & 0b11_1111 == 0b11_1111);
            assert_eq!(six_in_a_row(x), want, "{x:b}");
            let high = x << 48;
            let want = (48..=58).any(|i| (high >> i) & 0b11_1111 == 0b11_1111);
            assert_eq!(six_in_a_row(high), want, "{high:b}");
        }
    }

    #[test]
    fn keyboard_table_is_sorted() {
        assert!(KEYBOARD.windows(2).all(|w| w.first() < w.last()));
        let w: Vec<char> = "фыва".chars().collect();
        assert!(pack(&w).is_some_and(|k| KEYBOARD.binary_search(&k).is_ok()));
    }
}
