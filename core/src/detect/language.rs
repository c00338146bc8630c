//! `not_russian` and `unreadable`: whether the text can be handled as a Russian message.
//!
//! Letters are counted per whitespace-separated token. Tokens that are URLs, e-mail addresses
//! or domain names are left out (a Russian message may quote a link). A token with at least one
//! Cyrillic letter counts all its letters as Cyrillic (`Mусор` written with a Latin `M` is
//! still Russian). A token is *mash* when it is a keyboard run (`фыва`, `asdf`), repeats one
//! letter four times (`ffff`), repeats a short period (`ываоываоыва`), has five or more letters
//! and no vowel, or six consonants in a row.
//!
//! * `unreadable`: no letters at all; no *real word* (a run of two or more letters that is
//!   not mash; a link counts as one) — so `12345 !!!`, `а б в` and `???` are unreadable while
//!   `ИНН: 7707083893` is not; or at least half of the letters are in mash runs.
//! * `not_russian`: readable, at least three letters, and fewer than half of them Cyrillic.
//! * Empty or blank text is neither. Only the first 64 KiB of a longer text are looked at.

use super::normalize::{is_alnum, is_cyrillic, is_letter, lower};

/// How much of a text the flags look at.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Keyboard runs of four keys that occur in no ordinary Russian or English word, sorted
/// (by code point) so that [`KEYBOARD`] can be binary-searched.
const KEYBOARD_RUNS: [&str; 33] = [
    "asdf", "cvbn", "dfgh", "fghj", "ghjk", "hjkl", "qwas", "qwer", "rtyu", "sdfg", "tyui", "uiop",
    "vbnm", "wert", "xcvb", "yuio", "zxcv", "гшщз", "жэхъ", "йцук", "лджэ", "нгшщ", "олдж", "тьбю",
    "укен", "фыва", "цуке", "чсми", "шщзх", "ывао", "ывап", "ываф", "ячсм",
];

/// [`KEYBOARD_RUNS`] packed by [`pack`], computed at compile time.
static KEYBOARD: [u64; 33] = pack_all(&KEYBOARD_RUNS);

/// For each first letter `а`..`я` of a keyboard run, its possible second letters (bit `n`
/// for `а` + `n`), computed at compile time from [`KEYBOARD`].
static KEYBOARD_RU_PAIRS: [u32; 32] = ru_pairs(&KEYBOARD);

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
const RU_VOWELS: u32 =
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

/// Whether a token that contains `.`, `@` or `:` is a URL, e-mail address or domain name.
fn is_link(token: &str) -> bool {
    // Lowercasing ASCII and basic Cyrillic keeps every character's length and its being a
    // letter or digit, so such a token (nearly all) is judged without a lowercase copy.
    if !token.chars().all(|c| c.is_ascii() || is_cyrillic(c)) {
        return is_link_general(token);
    }
    if token.contains("://") || token.contains('@') {
        return true;
    }
    if token.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
        return true;
    }
    let core = token.trim_matches(|c: char| !is_alnum(c));
    if let Some(dot) = core.rfind('.') {
        let (name, tld) = (
            core.get(..dot).unwrap_or(""),
            core.get(dot + 1..).unwrap_or(""),
        );
        let tld_ok = TLDS
            .iter()
            .any(|t| tld.len() == t.len() && tld.chars().map(lower).eq(t.chars()));
        return tld_ok && !name.is_empty();
    }
    false
}

/// Top-level domains that make `name.tld` a link.
const TLDS: [&str; 8] = ["ru", "рф", "com", "org", "net", "su", "info", "io"];

/// [`is_link`] for tokens with other characters, on a full Unicode lowercase copy.
fn is_link_general(token: &str) -> bool {
    let t = token.to_lowercase();
    if t.contains("://") || t.starts_with("www.") || t.contains('@') {
        return true;
    }
    // domain-like: ascii letters, a dot, a known-looking TLD
    let core = t.trim_matches(|c: char| !is_alnum(c));
    if let Some(dot) = core.rfind('.') {
        let (name, tld) = (
            core.get(..dot).unwrap_or(""),
            core.get(dot + 1..).unwrap_or(""),
        );
        return TLDS.contains(&tld) && !name.is_empty();
    }
    false
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

/// Whether `c` separates tokens (`char::is_whitespace`, with the ASCII and Cyrillic
/// answers first).
fn is_space(c: char) -> bool {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => true,
        '!'..='~' | '\u{0400}'..='\u{04FF}' => false,
        _ => c.is_whitespace(),
    }
}

/// Letter counts over the text, gathered token by token.
#[derive(Default)]
struct Counts {
    letters: usize,
    cyr: usize,
    mash: usize,
    real_words: usize,
}

/// One whitespace-separated token being read.
#[derive(Default)]
struct Token {
    start: usize,
    chars: usize,
    letters: usize,
    cyr: bool,
    /// Contains `.`, `@` or `:`, so it may be a link.
    maybe_link: bool,
    /// How many `.`, `@` and `:` the token has.
    marks: usize,
    /// The last character read was `.` or `:`.
    ends_with_dot_or_colon: bool,
    /// Letters in mash runs and real words, committed only if the token is not a link.
    mash: usize,
    real_words: usize,
}

impl Token {
    /// Judges the letter run in `word` (lowercase) and empties it.
    fn end_run(&mut self, word: &mut Vec<char>) {
        if is_mash(word) {
            self.mash += word.len();
        } else if word.len() >= 2 {
            self.real_words += 1;
        }
        word.clear();
    }

    /// Adds the finished token `text[self.start..end]` to the counts.
    fn commit(&self, text: &str, end: usize, counts: &mut Counts) {
        // A token whose only mark is a final `.` or `:` (`нет.`, `связи:`) is never a link:
        // no `://` or `@`, no dot inside the trimmed name, and `www.` only as the 4-byte `www.`.
        let plain_end = self.marks == 1 && self.ends_with_dot_or_colon && end - self.start != 4;
        if self.maybe_link && !plain_end && text.get(self.start..end).is_some_and(is_link) {
            // a link reads as letters of neither language
            counts.letters += self.chars;
            counts.cyr += self.chars;
            counts.real_words += 1;
            return;
        }
        counts.letters += self.letters;
        if self.cyr {
            counts.cyr += self.letters;
        }
        counts.mash += self.mash;
        counts.real_words += self.real_words;
    }
}

/// Returns `(not_russian, unreadable)`.
#[cfg(test)]
pub(crate) fn classify(text: &str) -> (bool, bool) {
    let mut flags = Classifier::new(text);
    for (i, c) in text.char_indices() {
        flags.push(i, c);
    }
    flags.finish()
}

/// The flags computed from characters fed one at a time by another pass over the text (the
/// obscenity scan reads every character anyway, so the text is walked once for all).
///
/// Tokens are split at white space, and each token's letter runs are judged for mash as
/// they end (a run ends at any non-letter, e.g. a digit or a hyphen).
pub(crate) struct Classifier<'a> {
    /// The sample: the first 64 KiB of the text, cut on a character boundary.
    text: &'a str,
    /// The whole text is empty or white space.
    blank: bool,
    counts: Counts,
    word: Vec<char>,
    token: Option<Token>,
}

impl<'a> Classifier<'a> {
    /// Flags for `text`; its characters must then be passed in order.
    pub(crate) fn new(text: &'a str) -> Self {
        // The flags describe the text as a whole: the first 64 KiB are a faithful sample,
        // and looking no further keeps a long text cheap.
        let mut cut = text.len().min(SAMPLE_BYTES);
        while cut < text.len() && !text.is_char_boundary(cut) {
            cut += 1;
        }
        Classifier {
            text: text.get(..cut).unwrap_or(text),
            blank: text.trim().is_empty(),
            counts: Counts::default(),
            word: Vec::new(),
            token: None,
        }
    }

    /// The character `c` at byte `i` (characters past the sample are ignored).
    #[inline(always)]
    pub(crate) fn push(&mut self, i: usize, c: char) {
        if i >= self.text.len() {
            return;
        }
        // Fast path: a basic Russian letter (А–я) is a Cyrillic letter, lowercased by offset.
        if let 'А'..='я' = c {
            let t = self.token.get_or_insert_with(|| Token {
                start: i,
                ..Token::default()
            });
            t.chars += 1;
            t.letters += 1;
            t.cyr = true;
            t.ends_with_dot_or_colon = false;
            self.word.push(if c < 'а' {
                char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
            } else {
                c
            });
            return;
        }
        self.push_other(i, c);
    }

    fn push_other(&mut self, i: usize, c: char) {
        if is_space(c) {
            if let Some(mut t) = self.token.take() {
                t.end_run(&mut self.word);
                t.commit(self.text, i, &mut self.counts);
            }
            return;
        }
        let t = self.token.get_or_insert_with(|| Token {
            start: i,
            ..Token::default()
        });
        t.chars += 1;
        if is_letter(c) {
            t.letters += 1;
            self.word.push(lower(c));
        } else {
            let mark = matches!(c, '.' | '@' | ':');
            t.maybe_link |= mark;
            t.marks += usize::from(mark);
            t.end_run(&mut self.word);
        }
        t.ends_with_dot_or_colon = matches!(c, '.' | ':');
        t.cyr |= is_cyrillic(c);
    }

    /// Returns `(not_russian, unreadable)`.
    pub(crate) fn finish(mut self) -> (bool, bool) {
        if self.blank {
            return (false, false);
        }
        if let Some(mut t) = self.token.take() {
            t.end_run(&mut self.word);
            t.commit(self.text, self.text.len(), &mut self.counts);
        }
        let Counts {
            letters,
            cyr,
            mash,
            real_words,
        } = self.counts;
        let unreadable = letters == 0 || real_words == 0 || mash * 2 >= letters;
        let not_russian = !unreadable && letters >= 3 && cyr * 2 < letters;
        (not_russian, unreadable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyboard_table_is_sorted() {
        assert!(KEYBOARD.windows(2).all(|w| w.first() < w.last()));
        let w: Vec<char> = "фыва".chars().collect();
        assert!(pack(&w).is_some_and(|k| KEYBOARD.binary_search(&k).is_ok()));
    }

    #[test]
    fn flags() {
        assert_eq!(classify(""), (false, false));
        assert_eq!(classify("   "), (false, false));
        assert_eq!(classify("Яма на дороге у дома 5"), (false, false));
        assert_eq!(classify("dobryi den, u nas yama vo dvore"), (true, false));
        assert_eq!(
            classify("Hello, there is a pothole near my house"),
            (true, false)
        );
        assert_eq!(classify("ываоываоыва"), (false, true));
        assert_eq!(classify("ВВЕДИТЕ www.Site.RU"), (false, false));
        assert_eq!(classify("ffffffff"), (false, true));
        assert_eq!(classify("???!!!"), (false, true));
        assert_eq!(
            classify("Не работает Wi-Fi в парке, см. https://example.com/park"),
            (false, false)
        );
    }
}
