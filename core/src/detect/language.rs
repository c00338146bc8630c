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

use super::mash::{may_be_mash, run, run_is_mash};
use super::normalize::{is_alnum, is_cyrillic, is_letter, lower};

/// How much of a text the flags look at.
const SAMPLE_BYTES: usize = 64 * 1024;

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
    if token
        .get(..4)
        .is_some_and(|w| w.eq_ignore_ascii_case("www."))
    {
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

/// Whether `c` separates tokens (`char::is_whitespace`, with the ASCII and Cyrillic
/// answers first).
pub(super) fn is_space(c: char) -> bool {
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
    /// Real words: runs of two or more letters that are certainly not mash.
    real_words: usize,
}

/// A letter run of a counted token that [`may_be_mash`] could not clear, kept to be decided
/// by [`run_is_mash`] only if the flags depend on it (see [`Classifier::finish`]).
struct MaybeMash {
    start: usize,
    n: usize,
    flags: u8,
    cons: u64,
    end: usize,
}

/// The `not_russian` and `unreadable` flags, fed by the walk over the text (`super::walk`),
/// which reads every character anyway. Only characters in the first 64 KiB are passed.
///
/// Tokens are split at white space, and each token's letter runs are screened for mash as
/// they end (a run ends at any non-letter, e.g. a digit or a hyphen). A run is never copied:
/// the walk gathers its length and the [`run`] bits; a run those bits cannot clear is kept
/// aside and tested in full at the end, and only if a flag depends on it.
pub(crate) struct Classifier {
    /// The whole text is empty or white space.
    blank: bool,
    counts: Counts,
    /// A token is being read.
    pub(super) t_on: bool,
    t_start: usize,
    /// Letters of the token.
    pub(super) t_letters: usize,
    /// Characters of the token that are not letters.
    pub(super) t_other: usize,
    /// The token has a Cyrillic character.
    pub(super) t_cyr: bool,
    /// How many `.`, `@` and `:` the token has (it may be a link when there is one).
    pub(super) t_marks: usize,
    /// Real words of the token, committed only if it is not a link.
    t_real: usize,
    /// Where the token's runs start in `maybe_mash` (dropped if it is a link).
    t_maybe: usize,
    /// Runs that may be mash, of every token counted so far and of the token being read.
    maybe_mash: Vec<MaybeMash>,
    /// The letter run being read: first byte, length, [`run`] bits, one bit per letter
    /// (newest lowest) set for consonants, and the last letter (`а`..`я` index, or
    /// [`NO_LETTER`]).
    pub(super) r_start: usize,
    pub(super) r_n: usize,
    pub(super) r_flags: u8,
    pub(super) r_cons: u64,
    pub(super) r_prev: u8,
}

/// How many runs that may be mash [`Classifier`] makes room for at the first.
const MAYBE_MASH_FIRST: usize = 16;

/// [`Classifier::r_prev`] when the last letter is not `а`..`я` or there is none.
pub(super) const NO_LETTER: u8 = 32;

/// How much of a text the flags look at: the first 64 KiB, cut on a character boundary.
pub(super) fn sample_len(text: &str) -> usize {
    let mut cut = text.len().min(SAMPLE_BYTES);
    while cut < text.len() && !text.is_char_boundary(cut) {
        cut += 1;
    }
    cut
}

impl Classifier {
    /// Flags for `text`; the characters of its sample must then be passed in order.
    pub(crate) fn new(text: &str) -> Self {
        Classifier {
            blank: text.chars().all(char::is_whitespace),
            counts: Counts::default(),
            t_on: false,
            t_start: 0,
            t_letters: 0,
            t_other: 0,
            t_cyr: false,
            t_marks: 0,
            t_real: 0,
            t_maybe: 0,
            maybe_mash: Vec::new(),
            r_start: 0,
            r_n: 0,
            r_flags: 0,
            r_cons: 0,
            r_prev: NO_LETTER,
        }
    }

    /// Starts a token at byte `i` unless one is being read.
    #[inline(always)]
    pub(super) fn token_at(&mut self, i: usize) {
        if !self.t_on {
            self.t_on = true;
            self.t_start = i;
            self.t_letters = 0;
            self.t_other = 0;
            self.t_cyr = false;
            self.t_marks = 0;
            self.t_real = 0;
            self.t_maybe = self.maybe_mash.len();
        }
    }

    /// Starts a letter run at byte `i` unless one is being read.
    #[inline(always)]
    pub(super) fn run_at(&mut self, i: usize) {
        if self.r_n == 0 {
            self.r_start = i;
        }
    }

    /// Any character `c` at byte `i` (the walk passes basic Russian letters and ASCII
    /// characters by the faster methods of the walk itself; they must agree with this).
    pub(super) fn push(&mut self, text: &str, i: usize, c: char) {
        if is_space(c) {
            self.space(text, i);
            return;
        }
        if is_letter(c) {
            self.other_letter(i);
        } else {
            self.non_letter(text, i, matches!(c, '.' | '@' | ':'));
        }
        self.t_cyr |= is_cyrillic(c);
    }

    /// A letter other than basic Russian at byte `i`: part of the token and of a letter run
    /// that [`is_mash`](super::mash) judges in full.
    #[inline(always)]
    pub(super) fn other_letter(&mut self, i: usize) {
        self.token_at(i);
        self.t_letters += 1;
        self.run_at(i);
        self.r_n += 1;
        self.r_flags |= run::OTHER;
        self.r_prev = NO_LETTER;
    }

    /// A character that is neither a letter nor white space at byte `i` (`mark`: `.`, `@`
    /// or `:`, which may make the token a link): part of the token, ends the letter run.
    #[inline(always)]
    pub(super) fn non_letter(&mut self, text: &str, i: usize, mark: bool) {
        self.token_at(i);
        self.t_other += 1;
        self.t_marks += usize::from(mark);
        self.end_run(text, i);
    }

    /// White space at byte `i`: ends the token.
    #[inline(always)]
    pub(super) fn space(&mut self, text: &str, i: usize) {
        if self.t_on {
            self.end_token(text, i);
        }
    }

    /// Ends the token at byte `i`.
    #[inline]
    fn end_token(&mut self, text: &str, i: usize) {
        self.end_run(text, i);
        self.commit(text, i);
        self.t_on = false;
    }

    /// Ends the letter run at byte `end` and judges it: may be mash, a real word (two or more
    /// letters), or neither.
    #[inline]
    pub(super) fn end_run(&mut self, text: &str, end: usize) {
        let (start, n, flags, cons) = (self.r_start, self.r_n, self.r_flags, self.r_cons);
        self.r_n = 0;
        self.r_flags = 0;
        self.r_cons = 0;
        self.r_prev = NO_LETTER;
        self.judge_run(text, start, n, flags, cons, end);
    }

    /// Judges the letter run `text[start..end]` of `n` letters with the [`run`] bits
    /// `flags` and the consonant bits `cons`: may be mash (kept aside), a real word (two or
    /// more letters), or neither.
    #[inline(always)]
    pub(super) fn judge_run(
        &mut self,
        text: &str,
        start: usize,
        n: usize,
        flags: u8,
        cons: u64,
        end: usize,
    ) {
        if self.real_word(text, start, n, flags, cons, end) {
            self.t_real += 1;
        }
    }

    /// Whether the letter run `text[start..end]` (as for [`Classifier::judge_run`]) is
    /// certainly a real word; a run that may be mash is kept aside in `maybe_mash` instead.
    #[inline(always)]
    pub(super) fn real_word(&mut self, text: &str, start: usize, n: usize, flags: u8, cons: u64, end: usize) -> bool {
        if n < 2 {
            return false;
        }
        if may_be_mash(text, start, n, flags, cons) {
            if self.maybe_mash.capacity() == 0 {
                // An ordinary message of a few hundred characters keeps about ten runs
                // aside (most of them for a pair of letters next to each other on the
                // keyboard): one allocation for them rather than four.
                self.maybe_mash.reserve(MAYBE_MASH_FIRST);
            }
            self.maybe_mash.push(MaybeMash { start, n, flags, cons, end });
            return false;
        }
        true
    }

    /// A whole token that is one run of `n` basic Russian letters, `text[start..end]`, with
    /// the [`run`] bits `flags` and consonant bits `cons`, white space after it: counted
    /// at once (all letters Cyrillic, not a link), as [`Classifier::end_token`] would.
    /// No token may be open.
    #[inline(always)]
    pub(super) fn russian_token(
        &mut self,
        text: &str,
        start: usize,
        n: usize,
        flags: u8,
        cons: u64,
        end: usize,
    ) {
        let real = self.real_word(text, start, n, flags, cons, end);
        self.add_words(n, usize::from(real));
    }

    /// Whole tokens of basic Russian letters (each as for [`Classifier::russian_token`],
    /// after its [`Classifier::real_word`]): `letters` letters in all, `real` real words.
    #[inline(always)]
    pub(super) fn add_words(&mut self, letters: usize, real: usize) {
        self.counts.letters += letters;
        self.counts.cyr += letters;
        self.counts.real_words += real;
    }

    /// Adds the finished token `text[t_start..end]` to the counts.
    fn commit(&mut self, text: &str, end: usize) {
        // A token whose only mark is a final `.` or `:` (`нет.`, `связи:`) is never a link:
        // no `://` or `@`, no dot inside the trimmed name, and `www.` only as the 4-byte `www.`.
        let ends_with_dot_or_colon =
            end > 0 && matches!(text.as_bytes().get(end - 1), Some(b'.' | b':'));
        let plain_end = self.t_marks == 1 && ends_with_dot_or_colon && end - self.t_start != 4;
        if self.t_marks > 0 && !plain_end && text.get(self.t_start..end).is_some_and(is_link) {
            // a link reads as letters of neither language
            let chars = self.t_letters + self.t_other;
            self.maybe_mash.truncate(self.t_maybe);
            self.counts.letters += chars;
            self.counts.cyr += chars;
            self.counts.real_words += 1;
            return;
        }
        self.counts.letters += self.t_letters;
        if self.t_cyr {
            self.counts.cyr += self.t_letters;
        }
        self.counts.real_words += self.t_real;
    }

    /// Ends the sample at byte `end` and returns `(not_russian, unreadable)`.
    pub(crate) fn finish(&mut self, text: &str, end: usize) -> (bool, bool) {
        if self.blank {
            return (false, false);
        }
        self.space(text, end);
        let Counts {
            letters,
            cyr,
            mut real_words,
        } = self.counts;
        // The runs kept aside hold every mash letter there can be: when a real word is known
        // and they are fewer than half the letters, neither flag depends on which of them
        // are mash (an ordinary message), so none is tested.
        let mut mash = 0usize;
        let bound: usize = self.maybe_mash.iter().map(|r| r.n).sum();
        if real_words == 0 || bound * 2 >= letters {
            for r in &self.maybe_mash {
                if run_is_mash(text, r.start, r.n, r.flags, r.cons, r.end) {
                    mash += r.n;
                } else {
                    real_words += 1;
                }
            }
        }
        let unreadable = letters == 0 || real_words == 0 || mash * 2 >= letters;
        let not_russian = !unreadable && letters >= 3 && cyr * 2 < letters;
        (not_russian, unreadable)
    }
}

/// Returns `(not_russian, unreadable)`.
#[cfg(test)]
pub(crate) fn classify(text: &str) -> (bool, bool) {
    let r = super::scan(text);
    (r.not_russian, r.unreadable)
}

#[cfg(test)]
mod tests {
    use super::*;

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
