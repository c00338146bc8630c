//! The one walk over the text that feeds the obscenity pieces, the medical words and the
//! language flags, and starts the personal-data scanners at each digit group and `@`.
//!
//! It reads bytes, not `char`s: a basic Russian letter (`А`–`я`, two bytes) is decoded
//! inline, and a run of them after the first is read by a tight loop that keeps its state
//! in locals and looks up one table per letter ([`PAIRS`]). Other characters take the
//! general step, which is the reference for what each detector sees; the fast paths must
//! give the same result.

use super::language::{Classifier, NO_LETTER};
use super::lexicon::Lexicon;
use super::mash::{self, run, RU_VOWELS};
use super::medical::Words;
use super::normalize::{is_alnum, is_combining, is_cyrillic};
use super::obscenity::{self, gap, is_interior_symbol, Piece, Pieces, Skeleton};
use super::personal::{self, Groups};
use super::Detection;

/// [`PAIRS`] bit: the letter pair starts an obscene root (`obscenity` filter pair).
const OBSCENE: u8 = 4;
/// [`PAIRS`] bit: the letter pair ends a trigger of the obscenity screen
/// (`obscenity::TAIL_AFTER`).
const TAIL: u8 = 64;

/// For a letter `а`..`я` (lowercase index `cur`) after the letter `prev` (index, or
/// [`NO_LETTER`] at the start of a run), at `prev * 32 + cur`: the [`run`] bits of the
/// language flags and the obscenity screen's [`OBSCENE`] and [`TAIL`] bits. Built at compile
/// time.
static PAIRS: [u8; 2048] = pairs();

/// Builds [`PAIRS`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn pairs() -> [u8; 2048] {
    let mut out = [0u8; 2048];
    let mut prev = 0usize;
    while prev <= NO_LETTER as usize {
        let mut cur = 0usize;
        while cur < 32 {
            let mut bits = if RU_VOWELS >> cur & 1 == 1 {
                run::VOWEL
            } else if cur == 26 || cur == 28 {
                0 // ъ, ь
            } else {
                run::CONSONANT
            };
            if prev < 32 {
                if obscenity::PAIR_AFTER_CONST[prev] >> cur & 1 == 1 {
                    bits |= OBSCENE;
                }
                if obscenity::TAIL_AFTER[prev] >> cur & 1 == 1 {
                    bits |= TAIL;
                }
                if mash::KEYBOARD_RU_PAIRS[prev] >> cur & 1 == 1 {
                    bits |= run::KEYBOARD;
                }
                if prev == cur {
                    bits |= run::DOUBLE;
                }
            }
            out[prev * 32 + cur] = bits;
            cur += 1;
        }
        prev += 1;
    }
    out
}

/// The gap before the next piece after a `,` and a space.
const GAP_COMMA_SPACE: u8 = gap::next(gap::next(gap::EMPTY, gap::C_OTHER), gap::C_SPACE);
/// The gap before the next piece after a `.` (a joiner) and a space.
const GAP_STOP_SPACE: u8 = gap::next(gap::next(gap::EMPTY, gap::C_JOINER), gap::C_SPACE);

/// [`ASCII`] bits: white space (`char::is_whitespace`).
const SPACE: u8 = 1;
/// A line break (`\n`, `\r`); also [`SPACE`].
const NEWLINE: u8 = 2;
/// A letter `A`..`Z`, `a`..`z`.
const LETTER: u8 = 4;
/// A digit.
const DIGIT: u8 = 8;
/// Ends a sentence for the medical detector (`. ! ? ;`, and `\n`).
const SENTENCE: u8 = 16;
/// Joins pieces (`. - _`).
const JOINER: u8 = 32;
/// `@ ! |`: inside a piece when a letter or digit follows.
const INTERIOR: u8 = 64;
/// `. @ :`: the token may be a link.
const MARK: u8 = 128;

/// What each ASCII character is to the detectors (the bits above), built at compile time.
static ASCII: [u8; 128] = ascii_classes();

/// Builds [`ASCII`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn ascii_classes() -> [u8; 128] {
    let mut out = [0u8; 128];
    let mut x = 0usize;
    while x < 128 {
        let c = x as u8;
        let mut bits = match c {
            b' ' | b'\t' | 0x0B | 0x0C => SPACE,
            b'\n' => SPACE | NEWLINE | SENTENCE,
            b'\r' => SPACE | NEWLINE,
            b'A'..=b'Z' | b'a'..=b'z' => LETTER,
            b'0'..=b'9' => DIGIT,
            b'!' | b'?' | b';' => SENTENCE,
            _ => 0,
        };
        if matches!(c, b'.') {
            bits |= SENTENCE;
        }
        if matches!(c, b'.' | b'-' | b'_') {
            bits |= JOINER;
        }
        if matches!(c, b'@' | b'!' | b'|') {
            bits |= INTERIOR;
        }
        if matches!(c, b'.' | b'@' | b':') {
            bits |= MARK;
        }
        out[x] = bits;
        x += 1;
    }
    out
}

/// The folded code (`obscenity::code` of `fold_obscene`) of each ASCII letter, digit and
/// `@ ! |`, built at compile time; checked against `fold_obscene` by a test.
static ASCII_FOLD: [u8; 128] = ascii_fold();

/// Builds [`ASCII_FOLD`] in `const` evaluation: the look-alike table of `fold_obscene`.
#[allow(clippy::indexing_slicing)]
const fn ascii_fold() -> [u8; 128] {
    let mut out = [obscenity::OTHER; 128];
    let mut x = 0usize;
    while x < 128 {
        out[x] = match x as u8 {
            b'a' | b'A' | b'@' => 0,        // а
            b'b' | b'6' => 1,               // б
            b'B' => 2,                      // в
            b'r' => 3,                      // г
            b'e' | b'E' => 5,               // е
            b'z' | b'Z' | b'3' => 7,        // з
            b'N' | b'u' | b'U' | b'i' => 8, // и
            b'k' | b'K' => 10,              // к
            b'm' | b'M' => 12,              // м
            b'h' | b'H' => 13,              // н
            b'o' | b'O' | b'0' => 14,       // о
            b'n' => 15,                     // п
            b'p' | b'P' => 16,              // р
            b'c' | b'C' => 17,              // с
            b't' | b'T' => 18,              // т
            b'y' | b'Y' => 19,              // у
            b'x' | b'X' => 21,              // х
            b'4' => 23,                     // ч
            b'I' | b'l' | b'1' | b'|' | b'!' => obscenity::WILD_CODE,
            _ => obscenity::OTHER,
        };
        x += 1;
    }
    out
}

/// The `а`..`я` index of the two-byte character `x y`, if it is `А`..`я`.
///
/// `А`..`я` is U+0410..U+044F, two bytes `D0 90`..`D1 8F`: with the lead byte's value times
/// 64 plus the low six bits of the second, one subtraction and one comparison test the
/// range (any other lead byte lands outside it), and the index is the difference modulo 32.
#[inline(always)]
fn basic_russian(x: u8, y: u8) -> Option<u8> {
    let k = (u32::from(x) << 6 | u32::from(y & 0x3F)).wrapping_sub(0xD0 << 6 | 0x10);
    (k < 64).then_some((k & 31) as u8)
}

/// The [`PAIRS`] bits of the letter `cur` after `prev` (both `а`..`я` indices, `prev` may be
/// [`NO_LETTER`]).
#[inline(always)]
fn pair_bits(prev: u8, cur: u8) -> u8 {
    PAIRS
        .get((usize::from(prev) << 5 | usize::from(cur)) & 2047)
        .copied()
        .unwrap_or(0)
}

/// Reads the basic Russian letters at the start of `rest`, after one of index `first`:
/// returns what is left after them, the last letter's index, the [`PAIRS`] bits of the
/// letters read (each with its neighbour before), and `cons` with one bit per letter read
/// shifted in (set for a consonant).
///
/// Two letters a turn save a length check and a jump on each pair. (A loop of one letter a
/// turn was better out of line, where it kept its state in registers; this one is better
/// inlined: typical scan 21.5 k instructions with one a turn out of line, 20.6 k with two out
/// of line, 18.9 k with two inlined.)
#[inline(always)]
fn read_letters(mut rest: &[u8], first: u8, cons: u64) -> (&[u8], u8, u8, u64) {
    let (mut prev, mut acc, mut cons) = (first, 0u8, cons);
    // One more letter, `cur`.
    let mut step = |prev: &mut u8, cur: u8| {
        let t = pair_bits(*prev, cur);
        acc |= t;
        cons = cons << 1 | u64::from(t & run::CONSONANT);
        *prev = cur;
    };
    // Two letters a turn while four bytes are left (one length check for both); then the
    // one letter there may be room for.
    let stopped = loop {
        let [x0, y0, x1, y1, tail @ ..] = rest else {
            break false;
        };
        let Some(c0) = basic_russian(*x0, *y0) else {
            break true;
        };
        step(&mut prev, c0);
        let Some(c1) = basic_russian(*x1, *y1) else {
            rest = rest.get(2..).unwrap_or_default();
            break true;
        };
        step(&mut prev, c1);
        rest = tail;
    };
    if let (false, [x, y, tail @ ..]) = (stopped, rest) {
        if let Some(cur) = basic_russian(*x, *y) {
            step(&mut prev, cur);
            rest = tail;
        }
    }
    (rest, prev, acc, cons)
}

/// [`read_letters`] after the letter (index `first`) at byte `i`, before `to`: returns the
/// byte after the last letter instead of what is left.
#[inline(always)]
fn read_russian(b: &[u8], i: usize, first: u8, to: usize, cons: u64) -> (usize, u8, u8, u64) {
    let rest = b.get(..to).and_then(|b| b.get(i + 2..)).unwrap_or(&[]);
    let (rest, last, acc, cons) = read_letters(rest, first, cons);
    (to.min(b.len()) - rest.len(), last, acc, cons)
}

/// What the walk takes with a whole word of basic Russian letters ([`Walk::russian`],
/// [`Walk::plain_words`]): ` `, `, ` or `. ` at the start of `after` (the bytes after the
/// word, within the sample). Returns what is left after it, the gap before the next piece, and
/// whether it ends the sentence; `None` after any other word.
#[inline(always)]
fn after_plain_word(after: &[u8]) -> Option<(&[u8], u8, bool)> {
    match after {
        [b' ', next @ ..] => Some((next, gap::SHORT, false)),
        [b',', b' ', next @ ..] => Some((next, GAP_COMMA_SPACE, false)),
        [b'.', b' ', next @ ..] => Some((next, GAP_STOP_SPACE, true)),
        _ => None,
    }
}

/// The obscenity piece of a word of basic Russian letters `start..end` (`k` of them, the
/// first of index `first` and the last of index `last`) whose letter pairs have the
/// [`PAIRS`] bits `acc`.
#[inline(always)]
fn russian_piece(start: usize, end: usize, k: usize, first: u8, last: u8, acc: u8) -> Piece {
    Piece {
        start,
        end,
        one_char: k == 1,
        cyrillic: true,
        latin: false,
        skel: Skeleton {
            first,
            last,
            pair: acc & OBSCENE != 0,
            tail: acc & TAIL != 0,
        },
    }
}

/// The [`ASCII`] bits of the byte `x` (none for a byte of a longer character).
#[inline(always)]
fn ascii_class(x: u8) -> u8 {
    if x < 0x80 {
        ASCII.get(usize::from(x)).copied().unwrap_or(0)
    } else {
        0
    }
}

/// Whether a word of letters ends at byte `j` for every detector: the end of the text, or an
/// ASCII character that is not a letter or digit and does not continue a piece (`@ ! |`
/// before a letter or digit).
#[inline(always)]
fn ends_word(text: &str, j: usize) -> bool {
    match text.as_bytes().get(j) {
        None => true,
        Some(&x) if x < 0x80 => {
            let class = ascii_class(x);
            class & (LETTER | DIGIT) == 0 && (class & INTERIOR == 0 || !alnum_at(text, j + 1))
        }
        Some(_) => false,
    }
}

/// Whether the character starting at byte `at` is a letter or digit.
fn alnum_at(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(is_alnum)
}

/// The state of the walk: the piece and the word being read, and the detectors.
pub(super) struct Walk<'a> {
    text: &'a str,
    /// An obscenity piece is being read: its first byte, the length of its first character,
    /// whether it has a Cyrillic character and an ASCII letter, and its folded skeleton.
    p_on: bool,
    p_start: usize,
    p_first_len: usize,
    p_cyr: bool,
    p_latin: bool,
    skel: Skeleton,
    /// A medical word (letters and digits) is being read, from `w_start`.
    w_on: bool,
    w_start: usize,
    pub(super) pieces: Pieces,
    pub(super) words: Words<'a>,
    pub(super) lang: Classifier,
    groups: Groups,
    /// Personal-data numbers and e-mail addresses, each in text order.
    pub(super) numbers: Vec<Detection>,
    pub(super) emails: Vec<Detection>,
    /// Where the next digit group may start, and where the last e-mail address ended.
    next_number: usize,
    email_end: usize,
    /// Whether [`Walk::plain_words`] may take stretches of plain words (always, but in the
    /// test that holds it to the general path).
    plain: bool,
}

impl<'a> Walk<'a> {
    /// A walk over `text`, not started; `plain` lets it read stretches of plain words by
    /// [`Walk::plain_words`] (a test turns it off to compare with the general path).
    pub(super) fn new(text: &'a str, plain: bool, lexicon: &'a Lexicon) -> Self {
        Walk {
            plain,
            text,
            p_on: false,
            p_start: 0,
            p_first_len: 0,
            p_cyr: false,
            p_latin: false,
            skel: Skeleton::EMPTY,
            w_on: false,
            w_start: 0,
            pieces: Pieces::default(),
            words: Words::new(lexicon),
            lang: Classifier::new(text),
            groups: Groups::default(),
            numbers: Vec::new(),
            emails: Vec::new(),
            next_number: 0,
            email_end: 0,
        }
    }

    /// Reads the characters in `from..to` (character boundaries), passing them to the
    /// language flags too when `LANG`.
    pub(super) fn run<const LANG: bool>(&mut self, from: usize, to: usize) {
        let text = self.text;
        let b = text.as_bytes();
        let mut i = from;
        while i < to {
            let Some(&x) = b.get(i) else { break };
            if x < 0x80 {
                self.ascii::<LANG>(i, x);
                i += 1;
                continue;
            }
            if let Some(idx) = b.get(i + 1).and_then(|&y| basic_russian(x, y)) {
                i = self.russian::<LANG>(i, idx, to);
                continue;
            }
            let Some(c) = text.get(i..).and_then(|r| r.chars().next()) else {
                break;
            };
            self.step::<LANG>(i, c);
            i += c.len_utf8();
        }
    }

    /// Ends the text: the last piece and word.
    pub(super) fn end(&mut self) {
        let end = self.text.len();
        self.end_piece(end);
        self.end_word(end);
    }

    /// Ends the piece being read, if any, at byte `end`.
    #[inline(always)]
    fn end_piece(&mut self, end: usize) {
        if self.p_on {
            self.finish_piece(end);
        }
    }

    fn finish_piece(&mut self, end: usize) {
        self.p_on = false;
        self.pieces.end_piece(
            self.text,
            &Piece {
                start: self.p_start,
                end,
                one_char: end - self.p_start == self.p_first_len,
                cyrillic: self.p_cyr,
                latin: self.p_latin,
                skel: self.skel,
            },
        );
    }

    /// Ends the word being read, if any, at byte `end`.
    #[inline(always)]
    fn end_word(&mut self, end: usize) {
        if self.w_on {
            self.finish_word(end);
        }
    }

    fn finish_word(&mut self, end: usize) {
        self.w_on = false;
        self.words.word(self.text, self.w_start, end);
    }

    #[inline(always)]
    fn start_piece(&mut self, i: usize, len: usize) {
        if !self.p_on {
            self.p_on = true;
            self.p_start = i;
            self.p_first_len = len;
            self.p_cyr = false;
            self.p_latin = false;
            self.skel = Skeleton::EMPTY;
        }
    }

    #[inline(always)]
    fn start_word(&mut self, i: usize) {
        if !self.w_on {
            self.w_on = true;
            self.w_start = i;
        }
    }

    /// A basic Russian letter (`а`..`я` index `idx`) at byte `i`, and the ones right after it
    /// (before `to`); returns the byte after the last.
    #[inline(always)]
    fn russian<const LANG: bool>(&mut self, i: usize, idx: u8, to: usize) -> usize {
        let text = self.text;
        // The first letter's language bits: its neighbour before is not a basic Russian
        // letter, and may be a different one for the piece and for the language run.
        let first = pair_bits(self.lang.r_prev, idx);
        let cons0 = self.lang.r_cons << 1 | u64::from(first & run::CONSONANT);
        let (j, last, acc, cons) = read_russian(text.as_bytes(), i, idx, to, cons0);
        let k = (j - i) / 2;
        // A whole word: nothing of a piece, a word or a letter run before it, and an ASCII
        // character that is not a letter, a digit or a piece's `@ ! |` after it (or the end).
        // Then each detector takes it at once, from these locals.
        let fresh = !self.p_on && !self.w_on && (!LANG || self.lang.r_n == 0);
        if fresh && ends_word(text, j) {
            // The most common case of all: a word of its own between white space. Next to it:
            // a word before `, ` or `. ` (in the sample), whose token the `,` or `.` joins
            // without changing what it counts (a `.` at the end of a word of basic Russian
            // letters never makes a link).
            let bytes = text.as_bytes();
            let space = bytes.get(j).copied().unwrap_or(0);
            let open = LANG && !self.lang.t_on;
            let alone = open && ascii_class(space) & SPACE != 0;
            // ` `, `, ` or `. ` after it (in the sample), which the walk takes with it.
            let follow = if open {
                after_plain_word(bytes.get(j..to).unwrap_or_default())
            } else {
                None
            };
            if alone || follow.is_some() {
                self.lang.russian_token(text, i, k, first | acc, cons, j);
            } else if LANG {
                let l = &mut self.lang;
                l.token_at(i);
                l.t_cyr = true;
                l.t_letters += k;
                l.judge_run(text, i, k, first | acc, cons, j);
            }
            self.words.word(text, i, j);
            self.pieces
                .end_piece(text, &russian_piece(i, j, k, idx, last, acc));
            // Their only effects left, as [`Walk::ascii`] reads them: a `.` ends the sentence,
            // and the gap before the next piece (the piece has just ended).
            if let Some((next, gap, stop)) = follow {
                if stop {
                    self.words.sentence_end();
                }
                self.pieces.gap = gap;
                return self.plain_words(to - next.len(), to);
            }
            return j;
        }
        if LANG {
            let l = &mut self.lang;
            l.token_at(i);
            l.t_cyr = true;
            l.run_at(i);
            l.t_letters += k;
            l.r_n += k;
            l.r_flags |= first | acc;
            l.r_cons = cons;
            l.r_prev = last;
        }
        self.start_word(i);
        self.start_piece(i, 2);
        self.p_cyr = true;
        self.skel.push(idx);
        self.skel.pair |= acc & OBSCENE != 0;
        self.skel.last = last;
        j
    }

    /// The words from byte `from` (before `to`), right after a word that [`Walk::russian`] took
    /// whole with the ` `, `, ` or `. ` after it, while each is a word of basic Russian letters
    /// followed by one of those, and no two one-letter words come in a row: most of an
    /// ordinary message. Each detector
    /// takes each word as [`Walk::russian`] would, with what only adds up (the language
    /// counts; the piece waiting to start a compound, of which only the last counts; the gap
    /// after it) kept in locals until the end. Returns where the walk goes on: the first
    /// word that is not such a word is left to the general path.
    ///
    /// Nothing of a piece, a word, a letter run or a token is open after such a word, so each
    /// word's first letter has no neighbour before it for the language run; the pieces need
    /// [`Pieces::plain_ready`].
    fn plain_words(&mut self, from: usize, to: usize) -> usize {
        if !self.plain || !self.pieces.plain_ready() {
            return from;
        }
        let text = self.text;
        // The bytes before `to`, read from the front; a byte's offset is told by what is left.
        let sample = text.as_bytes().get(..to).unwrap_or(&[]);
        let at = |rest: &[u8]| sample.len() - rest.len();
        let mut rest = sample.get(from..).unwrap_or(&[]);
        let (mut letters, mut real) = (0usize, 0usize);
        // What is left from the last word taken on: it is read again at the end, so that the
        // loop carries as little as it can.
        let mut last: &[u8] = &[];
        // The last word taken has one letter.
        let mut single = false;
        while let [x, y, word @ ..] = rest {
            let Some(idx) = basic_russian(*x, *y) else {
                break;
            };
            let first = pair_bits(NO_LETTER, idx);
            let (after, last_letter, acc, cons) =
                read_letters(word, idx, u64::from(first & run::CONSONANT));
            let Some((next, _, stop)) = after_plain_word(after) else {
                break;
            };
            let (i, j) = (at(rest), at(after));
            let k = (j - i) / 2;
            // One-letter pieces in a row may spell a word: they are glued by the general path.
            if k == 1 && single {
                break;
            }
            single = k == 1;
            letters += k;
            real += usize::from(self.lang.real_word(text, i, k, first | acc, cons, j));
            self.words.word(text, i, j);
            self.pieces
                .check_alone(text, &russian_piece(i, j, k, idx, last_letter, acc));
            if stop {
                self.words.sentence_end();
            }
            last = rest;
            rest = next;
        }
        // The last word taken waits to start a compound; the gap after it is the gap.
        if let [x, y, word @ ..] = last {
            if let Some(idx) = basic_russian(*x, *y) {
                let (after, last_letter, acc, _) = read_letters(word, idx, 0);
                if let Some((_, gap, _)) = after_plain_word(after) {
                    let (i, j) = (at(last), at(after));
                    let piece = russian_piece(i, j, (j - i) / 2, idx, last_letter, acc);
                    self.lang.add_words(letters, real);
                    self.pieces.end_plain(&piece, gap);
                }
            }
        }
        at(rest)
    }

    /// The ASCII character `x` at byte `i`: [`Walk::step`] by table.
    #[inline(always)]
    fn ascii<const LANG: bool>(&mut self, i: usize, x: u8) {
        let text = self.text;
        let class = ascii_class(x);
        let fold = || ASCII_FOLD.get(usize::from(x & 127)).copied().unwrap_or(0);
        if class & SPACE != 0 {
            if LANG {
                self.lang.space(text, i);
            }
            self.end_word(i);
            if class & SENTENCE != 0 {
                self.words.sentence_end();
            }
            self.end_piece(i);
            let c = if class & NEWLINE != 0 {
                gap::C_NEWLINE
            } else {
                gap::C_SPACE
            };
            self.pieces.gap = gap::next(self.pieces.gap, c);
            return;
        }
        if class & (LETTER | DIGIT) != 0 {
            if LANG {
                if class & LETTER != 0 {
                    self.lang.other_letter(i);
                } else {
                    self.lang.non_letter(text, i, false);
                }
            }
            self.start_word(i);
            self.start_piece(i, 1);
            self.p_latin |= class & LETTER != 0;
            self.skel.push(fold());
            if class & DIGIT != 0 && i >= self.next_number {
                let end = self.groups.group_at(text, i, &mut self.numbers);
                self.next_number = end.max(i + 1);
            }
            return;
        }
        // Punctuation and control characters.
        if LANG {
            let l = &mut self.lang;
            l.token_at(i);
            l.t_other += 1;
            l.t_marks += usize::from(class & MARK != 0);
            l.end_run(text, i);
        }
        self.end_word(i);
        if class & SENTENCE != 0 {
            self.words.sentence_end();
        }
        if class & INTERIOR != 0 && self.p_on && alnum_at(text, i + 1) {
            self.skel.push(fold());
        } else {
            self.end_piece(i);
            let c = if class & JOINER != 0 {
                gap::C_JOINER
            } else {
                gap::C_OTHER
            };
            self.pieces.gap = gap::next(self.pieces.gap, c);
        }
        if x == b'@' && i >= self.email_end {
            if let Some(d) = personal::email_at(text, i, self.email_end) {
                self.email_end = d.end;
                self.emails.push(d);
            }
        }
    }

    /// Any character `c` at byte `i`, for every detector.
    fn step<const LANG: bool>(&mut self, i: usize, c: char) {
        let text = self.text;
        let len = c.len_utf8();
        if LANG {
            self.lang.push(text, i, c);
        }
        let alnum = is_alnum(c);
        if alnum {
            self.start_word(i);
        } else {
            self.end_word(i);
            if matches!(c, '.' | '!' | '?' | '\n' | ';') {
                self.words.sentence_end();
            }
        }
        let wordish = alnum
            || (self.p_on
                && (is_combining(c) || (is_interior_symbol(c) && alnum_at(text, i + len))));
        if wordish {
            self.start_piece(i, len);
            self.p_cyr |= is_cyrillic(c);
            self.p_latin |= c.is_ascii_alphabetic();
            self.skel.push_char(c);
        } else {
            self.end_piece(i);
            self.pieces.gap = gap::next(self.pieces.gap, gap::class(c));
        }
        if c == '@' && i >= self.email_end {
            if let Some(d) = personal::email_at(text, i, self.email_end) {
                self.email_end = d.end;
                self.emails.push(d);
            }
        }
        if c.is_ascii_digit() && i >= self.next_number {
            let end = self.groups.group_at(text, i, &mut self.numbers);
            self.next_number = end.max(i + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::language::is_space;
    use crate::detect::normalize::{fold_obscene, is_letter};

    #[test]
    fn ascii_tables_agree_with_the_character_functions() {
        for x in 0u8..128 {
            let c = char::from(x);
            let class = ASCII[usize::from(x)];
            assert_eq!(class & SPACE != 0, is_space(c), "{x}");
            assert_eq!(class & SPACE != 0, c.is_whitespace(), "{x}");
            assert_eq!(class & LETTER != 0, is_letter(c), "{x}");
            assert_eq!(class & (LETTER | DIGIT) != 0, is_alnum(c), "{x}");
            if is_alnum(c) || is_interior_symbol(c) {
                let want = fold_obscene(c).map(obscenity::code);
                assert_eq!(Some(ASCII_FOLD[usize::from(x)]), want, "{x}");
            }
        }
    }

    #[test]
    fn pair_table_agrees_with_the_filter() {
        for a in 0u8..32 {
            for b in 0u8..32 {
                assert_eq!(
                    pair_bits(a, b) & OBSCENE != 0,
                    obscenity::is_pair_code(a, b),
                    "{a} {b}"
                );
            }
        }
    }
}
