//! Obscenity (Russian мат) by roots, after folding disguises.
//!
//! The text is cut into pieces (runs of letters and digits; `@ ! |` count inside a piece when
//! a letter follows). Pieces joined by a single `.`, `-` or `_` form a compound that is checked
//! both piece by piece and glued (`х.у.й`, `пи-зда`); runs of one-letter pieces separated by
//! one or two spaces are glued too (`х у й`). Each candidate is folded (look-alike letters,
//! digits, `ё`), repeated letters are collapsed (`хууууй` → `хуй`), and the skeleton is
//! matched against the roots of `rules/lexicons/obscene.txt` ([`Roots`], an [`fst`] map built
//! by `core/build.rs`) with the boundary rules of their sections (see `docs/detectors.md`).
//!
//! Most text is ordinary, so two screens run first, each allowed to say "maybe" too often but
//! never "no" where the root matcher would say yes; both are built from the same file: while a
//! piece is read, whether two neighbouring letters are the first two of a root
//! ([`FILTER_PAIRS`]) and whether two form the end of a trigger ([`TAIL_AFTER`]); and before
//! the matcher, whether the skeleton has one of the roots' first three letters
//! ([`may_be_obscene`]).

use super::normalize::{fold_obscene, is_ru_vowel, lower, WILD};
use super::{Detection, DetectionKind};
use fst::raw::{Fst, Node, Output};
use smallvec::SmallVec;

/// The code of a folded letter `а`..`я` is its index (0..31); [`WILD`] and every other folded
/// character have one code each (no filter pair has another character), and [`NONE`] stands
/// for "no letter yet".
pub(super) const WILD_CODE: u8 = 32;
/// The code of a folded character other than `а`..`я` and [`WILD`].
pub(super) const OTHER: u8 = 33;
/// No folded letter yet.
pub(super) const NONE: u8 = 34;

/// The code of a folded character (see [`WILD_CODE`]).
#[inline]
pub(super) fn code(f: char) -> u8 {
    let k = u32::from(f).wrapping_sub(0x430);
    if k < 32 {
        k as u8
    } else if f == WILD {
        WILD_CODE
    } else {
        OTHER
    }
}

/// For each code `a` (masked to 6 bits), the codes `b` that make `a b` a filter pair (bit
/// `b`), built at compile time from [`is_filter_pair_slow`]. `NONE`, `OTHER` and unused codes
/// have no pairs, and no code pairs with itself, so a repeat needs no special case.
pub(super) static PAIR_AFTER: [u64; 64] = PAIR_AFTER_CONST;

/// [`PAIR_AFTER`] for `const` evaluation elsewhere.
pub(super) const PAIR_AFTER_CONST: [u64; 64] = pair_after();

/// The character a code stands for in [`is_filter_pair_slow`] (`OTHER` and `NONE` as NUL,
/// which is in no pair).
const fn code_char(c: u32) -> char {
    if c < 32 {
        match char::from_u32(0x430 + c) {
            Some(x) => x,
            None => '\0',
        }
    } else if c == WILD_CODE as u32 {
        WILD
    } else {
        '\0'
    }
}

/// Builds [`PAIR_AFTER`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn pair_after() -> [u64; 64] {
    let mut out = [0u64; 64];
    let mut a = 0u32;
    while a < 34 {
        let mut b = 0u32;
        while b < 34 {
            if is_filter_pair_slow(code_char(a), code_char(b)) {
                out[a as usize] |= 1 << b;
            }
            b += 1;
        }
        a += 1;
    }
    out
}

/// Whether the codes `a b` form a filter pair.
#[inline(always)]
pub(super) fn is_pair_code(a: u8, b: u8) -> bool {
    PAIR_AFTER
        .get(usize::from(a & 63))
        .is_some_and(|m| m >> (b & 63) & 1 == 1)
}

/// What the piece screen needs of a folded, repeat-collapsed skeleton, gathered while the
/// characters are read: the codes of its first and last letters and whether two
/// neighbouring letters form one of the filter's pairs (every trigger of
/// [`may_be_obscene`] contains one). Concatenating skeletons only adds
/// the pair at the seam, so a glued span's summary comes from its pieces' summaries and the
/// text is not folded again. `pair` is only ever set too eagerly (a combining breve, which
/// may turn `и` into `й`, sets it), never missed, so a span whose summary has no pair cannot
/// match.
///
/// `tail` is the second screen's half: whether two neighbouring letters are the last two of a
/// trigger ([`TAIL_AFTER`]). The walk's fast path for a word of basic Russian letters reads it
/// from its letter pairs, which holds because collapsing repeats keeps every pair of
/// different neighbours; every other way of building a summary sets it, so it too is only
/// ever set too eagerly.
#[derive(Clone, Copy)]
pub(super) struct Skeleton {
    pub(super) first: u8,
    pub(super) last: u8,
    pub(super) pair: bool,
    pub(super) tail: bool,
}

impl Skeleton {
    /// The summary of an empty skeleton.
    pub(super) const EMPTY: Skeleton = Skeleton {
        first: NONE,
        last: NONE,
        pair: false,
        tail: false,
    };

    /// Adds one character of the text (in a piece) to the summary.
    #[inline]
    pub(super) fn push_char(&mut self, c: char) {
        if c == '\u{0306}' {
            self.pair = true;
            self.tail = true;
            return;
        }
        if let Some(f) = fold_obscene(c) {
            self.push(code(f));
        }
    }

    /// Adds one folded letter. Equal neighbours collapse; no filter pair has equal letters,
    /// so the pair test needs no repeat check.
    #[inline(always)]
    pub(super) fn push(&mut self, f: u8) {
        self.pair |= is_pair_code(self.last, f);
        // Letters read one by one (look-alikes, the wildcard) are not screened by tails.
        self.tail = true;
        if self.first == NONE {
            self.first = f;
        }
        self.last = f;
    }

    /// Appends another skeleton (the text between them folds to nothing).
    fn append(&mut self, other: Skeleton) {
        self.pair |= other.pair;
        if other.first != NONE {
            self.push(other.first);
        }
        if other.last != NONE {
            self.last = other.last;
        }
    }
}

/// One run of word characters, as byte offsets into the original text.
#[derive(Clone, Copy)]
pub(super) struct Piece {
    pub(super) start: usize,
    pub(super) end: usize,
    /// The piece is one character.
    pub(super) one_char: bool,
    /// Whether any character of the piece is Cyrillic (decides folding or transliteration).
    pub(super) cyrillic: bool,
    /// Whether the piece has an ASCII letter (a piece with neither these nor Cyrillic
    /// characters cannot match).
    pub(super) latin: bool,
    /// The piece's folded skeleton, summarised for the piece screen ([`Skeleton`]).
    pub(super) skel: Skeleton,
}

/// What separates a piece from the previous one, as a state read character by character:
/// [`gap::JOIN`] (exactly one `.`, `-` or `_`) glues a compound, [`gap::SHORT`] and
/// [`gap::SHORT_2`] (one or two spaces or joiners on one line) glue one-letter pieces, and
/// [`gap::BREAK`] is anything else (also before the first piece).
pub(super) mod gap {
    /// No character since the last piece.
    pub(in super::super) const EMPTY: u8 = 0;
    /// One joiner.
    pub(in super::super) const JOIN: u8 = 1;
    /// One space (not a line break).
    pub(in super::super) const SHORT: u8 = 2;
    /// Two spaces or joiners.
    pub(in super::super) const SHORT_2: u8 = 3;
    /// Anything else.
    pub(in super::super) const BREAK: u8 = 4;

    /// Character classes for [`next`]: a joiner (`. - _ ‐ ‑ –`).
    pub(in super::super) const C_JOINER: u8 = 0;
    /// White space other than a line break.
    pub(in super::super) const C_SPACE: u8 = 1;
    /// `\n` or `\r`.
    pub(in super::super) const C_NEWLINE: u8 = 2;
    /// Anything else.
    pub(in super::super) const C_OTHER: u8 = 3;

    /// The state after one more character of class `class`.
    #[inline(always)]
    pub(in super::super) const fn next(state: u8, class: u8) -> u8 {
        match (state, class) {
            (EMPTY, C_JOINER) => JOIN,
            (EMPTY, C_SPACE) => SHORT,
            (JOIN | SHORT, C_JOINER | C_SPACE) => SHORT_2,
            _ => BREAK,
        }
    }

    /// The class of `c` for [`next`].
    pub(in super::super) fn class(c: char) -> u8 {
        if super::is_joiner(c) {
            C_JOINER
        } else if c == '\n' || c == '\r' {
            C_NEWLINE
        } else if c.is_whitespace() {
            C_SPACE
        } else {
            C_OTHER
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '_' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

/// Whether `c` belongs to a piece when a letter or digit follows (`@ ! |`).
pub(super) fn is_interior_symbol(c: char) -> bool {
    matches!(c, '@' | '!' | '|')
}

/// Consecutive pieces glued for one check: only the outer span and the count are needed
/// (`count` 0: none).
#[derive(Clone, Copy)]
struct Glued {
    start: usize,
    end: usize,
    cyrillic: bool,
    latin: bool,
    count: usize,
    skel: Skeleton,
}

impl Glued {
    const NONE: Glued = Glued {
        start: 0,
        end: 0,
        cyrillic: false,
        latin: false,
        count: 0,
        skel: Skeleton::EMPTY,
    };

    #[inline(always)]
    fn set(&mut self, p: &Piece) {
        self.start = p.start;
        self.end = p.end;
        self.cyrillic = p.cyrillic;
        self.latin = p.latin;
        self.count = 1;
        self.skel = p.skel;
    }

    fn extend(&mut self, p: &Piece) {
        self.end = p.end;
        self.cyrillic |= p.cyrillic;
        self.latin |= p.latin;
        self.count += 1;
        self.skel.append(p.skel);
    }

    /// Checks the glued span if it has at least `min` pieces, and empties it.
    fn flush(&mut self, roots: &Roots, text: &str, min: usize, found: &mut Vec<(usize, usize)>) {
        if self.count >= min
            && may_match(self.cyrillic, self.latin, self.skel)
            && check(roots, text, self.start, self.end, self.cyrillic)
        {
            found.push((self.start, self.end));
        }
        self.count = 0;
    }
}

/// Whether the joiner just before `start` is a full stop between two sentences written
/// without a space («состояние.Балконы»): a lowercase letter, `.`, then a capital. Such pieces
/// are checked one by one, not glued (a disguise such as «Х.У.Й» has a capital before the
/// stop).
fn sentence_seam(text: &str, start: usize) -> bool {
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let mut after = text.get(start..).unwrap_or("").chars();
    before.next() == Some('.')
        && before.next().is_some_and(char::is_lowercase)
        && after.next().is_some_and(char::is_uppercase)
}

/// Whether a span can match at all: a Cyrillic span needs a filter pair and a trigger's tail
/// in its skeleton, any other span an ASCII letter (`check` says no to the rest without
/// reading them).
#[inline(always)]
fn may_match(cyrillic: bool, latin: bool, skel: Skeleton) -> bool {
    if cyrillic {
        skel.pair && skel.tail
    } else {
        latin
    }
}

/// The obscenity detector fed piece by piece by the walk over the text (`super::walk`): the
/// gap since the last piece, the pieces waiting to be glued, and the spans found.
pub(crate) struct Pieces {
    /// The characters since the last piece ended ([`gap`] state; a break before the first).
    pub(super) gap: u8,
    /// Pieces joined by single `.`, `-`, `_` (each piece is checked on its own when pushed).
    compound: Glued,
    /// Consecutive one-character pieces separated by short gaps.
    singles: Glued,
    found: Vec<(usize, usize)>,
    roots: Roots,
}

impl Default for Pieces {
    fn default() -> Self {
        Pieces {
            gap: gap::BREAK,
            compound: Glued::NONE,
            singles: Glued::NONE,
            found: Vec::new(),
            roots: Roots::default(),
        }
    }
}

impl Pieces {
    /// A piece has ended: checks it, glues it to the waiting ones, and starts a new gap.
    #[inline(always)]
    pub(super) fn end_piece(&mut self, text: &str, p: &Piece) {
        let kind = self.gap;
        self.gap = gap::EMPTY;
        self.check_alone(text, p);
        // Nearly always: a piece of several characters after a gap that is not a joiner,
        // nothing glued before it. It only waits to start a compound.
        if kind != gap::JOIN && self.compound.count <= 1 && self.singles.count == 0 && !p.one_char {
            self.compound.set(p);
            return;
        }
        self.glue(text, p, kind);
    }

    /// Checks the piece `p` by itself, as every piece is; the order of `found` does not
    /// matter (it is sorted before merging).
    #[inline(always)]
    pub(super) fn check_alone(&mut self, text: &str, p: &Piece) {
        if may_match(p.cyrillic, p.latin, p.skel) {
            self.check_piece(text, p);
        }
    }

    /// Whether the pieces that come next may be taken in bulk ([`Pieces::check_alone`] each,
    /// then [`Pieces::end_plain`]) while the gap before each is not a joiner and no two
    /// one-character pieces come in a row: no joiner waits before the next piece, at most one
    /// piece waits to start a compound and no one-character piece waits. Then
    /// [`Pieces::end_piece`] only checks each such piece and makes it the one waiting; a
    /// one-character piece also waits alone as the first of single letters, and the next
    /// piece, of several characters, drops it (one is too few to check). So only the last
    /// piece needs to be kept.
    #[inline(always)]
    pub(super) fn plain_ready(&self) -> bool {
        self.gap != gap::JOIN && self.compound.count <= 1 && self.singles.count == 0
    }

    /// Ends pieces taken in bulk (see [`Pieces::plain_ready`]): `last` waits to start a
    /// compound (and as the first single letter if it is one character), and `gap` is the
    /// gap after it.
    #[inline(always)]
    pub(super) fn end_plain(&mut self, last: &Piece, gap: u8) {
        self.compound.set(last);
        if last.one_char {
            self.singles.set(last);
        }
        self.gap = gap;
    }

    /// Checks the piece `p` by itself.
    fn check_piece(&mut self, text: &str, p: &Piece) {
        if check(&self.roots, text, p.start, p.end, p.cyrillic) {
            self.found.push((p.start, p.end));
        }
    }

    /// Glues the piece `p`, after a gap of `kind`, to the waiting pieces.
    fn glue(&mut self, text: &str, p: &Piece, kind: u8) {
        if kind == gap::JOIN && self.compound.count > 0 && !sentence_seam(text, p.start) {
            self.compound.extend(p);
            // A dot may stand for a letter: the seam's pair is unknown, so the screens let
            // the compound through to the matcher.
            if p.start > 0 && text.as_bytes().get(p.start - 1) == Some(&b'.') {
                self.compound.skel.pair = true;
                self.compound.skel.tail = true;
            }
        } else {
            if self.compound.count > 1 {
                self.compound.flush(&self.roots, text, 2, &mut self.found);
            }
            self.compound.set(p);
        }
        if p.one_char {
            if kind == gap::BREAK || self.singles.count == 0 {
                self.singles.flush(&self.roots, text, 3, &mut self.found);
                self.singles.set(p);
            } else {
                self.singles.extend(p);
            }
        } else if self.singles.count > 0 {
            self.singles.flush(&self.roots, text, 3, &mut self.found);
        }
    }

    /// Ends the text (after the last piece) and appends the spans found, overlapping ones
    /// (a glued compound and its pieces) merged.
    pub(super) fn finish(&mut self, text: &str, out: &mut Vec<Detection>) {
        self.compound.flush(&self.roots, text, 2, &mut self.found);
        self.singles.flush(&self.roots, text, 3, &mut self.found);
        let mut found = std::mem::take(&mut self.found);
        if found.is_empty() {
            return;
        }
        found.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::with_capacity(found.len());
        for (s, e) in found {
            match merged.last_mut() {
                Some(last) if s < last.1 => last.1 = last.1.max(e),
                _ => merged.push((s, e)),
            }
        }
        out.extend(merged.into_iter().map(|(start, end)| Detection {
            kind: DetectionKind::Obscenity,
            start,
            end,
        }));
    }
}

/// Folds `text[start..end]` and matches the roots. `cyrillic` says whether the span has a
/// Cyrillic letter (known from the pieces, so the span is not read twice); the caller has
/// already rejected spans that [`may_match`] says cannot match.
fn check(roots: &Roots, text: &str, start: usize, end: usize, cyrillic: bool) -> bool {
    let Some(slice) = text.get(start..end) else {
        return false;
    };
    if cyrillic && yo_b(slice) {
        return true;
    }
    if cyrillic && !basic_russian_may_be_obscene(slice.as_bytes()).unwrap_or(true) {
        return false;
    }
    // Three digits in a row make a code (a car plate «Е643УХ98», a part number), not a
    // disguised word: disguises put a digit for a letter here and there («п1здец», «6ля»).
    if cyrillic
        && slice
            .as_bytes()
            .windows(3)
            .any(|w| w.iter().all(u8::is_ascii_digit))
    {
        return false;
    }
    // The skeleton, repeats collapsed.
    let mut buf: SmallVec<[char; 64]> = SmallVec::new();
    let push = |buf: &mut SmallVec<[char; 64]>, f: char| {
        if buf.as_slice().last() != Some(&f) {
            buf.push(f);
        }
    };
    if cyrillic {
        // Read once with dots between letters dropped («х.у.й»), and, when there are any,
        // once more with each such dot as a hidden letter («п.здец»).
        let mut dots = false;
        for hide in [false, true] {
            if hide && !dots {
                break;
            }
            buf.clear();
            let mut prev_letter = false;
            let mut chars = slice.chars().peekable();
            while let Some(c) = chars.next() {
                if c == '.' && prev_letter && chars.peek().is_some_and(|n| n.is_alphabetic()) {
                    // An initial before a capitalised name («М.Дудина») hides nothing.
                    let mut ahead = chars.clone();
                    let name = ahead.next().is_some_and(char::is_uppercase)
                        && ahead.next().is_some_and(char::is_lowercase);
                    dots = true;
                    if hide && name {
                        buf.clear();
                        break;
                    }
                    if hide {
                        buf.push(DOT);
                    }
                    prev_letter = false;
                    continue;
                }
                prev_letter = c.is_alphabetic();
                if c == '\u{0306}' {
                    if let Some(last) = buf.last_mut() {
                        if *last == 'и' {
                            *last = 'й';
                        }
                    }
                    continue;
                }
                if let Some(f) = fold_obscene(c) {
                    push(&mut buf, f);
                }
            }
            let s = buf.as_slice();
            if may_be_obscene(s) && roots.obscene_cyrillic(s) {
                return true;
            }
        }
        false
    } else {
        if !slice.chars().any(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        for c in slice.chars() {
            if c.is_ascii_alphanumeric() {
                push(&mut buf, c.to_ascii_lowercase());
            }
        }
        roots.obscene_translit(buf.as_slice())
    }
}

/// Whether the text has `ёб` (any case) at the start of a word or after a vowel, `ъ` or `ь`,
/// or `ееб`: the root of «ебать» glued after another stem or prefix («нищеёбы», «долбоёб»,
/// «разъёбанный», «переебать»). Folding reads `ё` as `е` and collapses «ее», so the skeleton
/// alone misses these; ordinary words have `ёб` only after a consonant («учёба»,
/// «скрёб»).
fn yo_b(slice: &str) -> bool {
    let (mut a, mut b) = (None::<char>, None::<char>);
    for c in slice.chars() {
        let c = lower(c);
        if b == Some('ё') && c == 'б' && a.is_none_or(|x| is_ru_vowel(x) || x == 'ъ' || x == 'ь')
        {
            return true;
        }
        if (a, b, c) == (Some('е'), Some('е'), 'б') {
            return true;
        }
        if c.is_alphabetic() {
            (a, b) = (b, Some(c));
        } else {
            (a, b) = (None, None);
        }
    }
    false
}

/// A quick filter before [`Roots::obscene_cyrillic`]: every root it matches is seen in three
/// letters of the skeleton ([`TRIGGERS`], with the wildcard for `и`/`л`, and after a vowel,
/// `ъ` or `ь` for an `after_vowel` root) or in its first letters ([`STARTS`]). A skeleton
/// without any of them cannot match; most ordinary words with a filter pair (`пе`, `за`,
/// `ма`, `го`) stop here.
fn may_be_obscene(s: &[char]) -> bool {
    if s.contains(&DOT) {
        return true;
    }
    if STARTS.iter().any(|st| {
        let mut k = 0;
        st.chars().all(|c| {
            k += 1;
            s.get(k - 1) == Some(&c)
        })
    }) {
        return true;
    }
    s.windows(3).any(|w| match w {
        [a, b, c] => TRIGGERS.contains(&(*a, *b, *c)),
        _ => false,
    })
}

/// [`may_be_obscene`] of a span of basic Russian letters (`А`..`я`, each folding to its
/// lowercase), read from its bytes; `None` when the span has another character.
fn basic_russian_may_be_obscene(b: &[u8]) -> Option<bool> {
    // The skeleton's letters as indices, repeats collapsed: the first three, and the last
    // two for the triggers found anywhere.
    let mut first = [u8::MAX; 3];
    let mut n = 0usize;
    let (mut a, mut b1) = (u8::MAX, u8::MAX);
    let mut hit = false;
    let mut rest = b;
    while let [x, y, tail @ ..] = rest {
        let k = (u32::from(*x) << 6 | u32::from(y & 0x3F)).wrapping_sub(0xD0 << 6 | 0x10);
        if k >= 64 {
            return None;
        }
        let c = (k & 31) as u8;
        rest = tail;
        if c == b1 {
            continue;
        }
        if let Some(slot) = first.get_mut(n) {
            *slot = c;
        }
        n += 1;
        hit |= a != u8::MAX
            && TRIGGER_TABLE
                .get(usize::from(a) << 5 | usize::from(b1))
                .is_some_and(|m| m >> c & 1 == 1);
        a = b1;
        b1 = c;
    }
    if !rest.is_empty() {
        return None;
    }
    Some(hit || START_INDICES.iter().any(|st| first.starts_with(st)))
}

/// For two letters `а`..`я` (`a * 32 + b`), the third letters `c` that make `a b c` one of
/// the [`TRIGGERS`], built at compile time.
static TRIGGER_TABLE: [u32; 1024] = trigger_table();

/// Builds [`TRIGGER_TABLE`] in `const` evaluation from [`TRIGGER_INDICES`].
#[allow(clippy::indexing_slicing)]
const fn trigger_table() -> [u32; 1024] {
    let mut out = [0u32; 1024];
    let mut i = 0;
    while i < TRIGGER_INDICES.len() {
        let [a, b, c] = TRIGGER_INDICES[i];
        out[(a as usize) << 5 | b as usize] |= 1 << c;
        i += 1;
    }
    out
}

/// For a letter `а`..`я` (index `b`), the letters `c` (bit `c`) such that `b c` ends a
/// trigger of [`may_be_obscene`]: the last two letters of one of the [`TRIGGERS`] or of the
/// [`STARTS`]. Every skeleton that passes [`may_be_obscene`] has such a pair of neighbours;
/// built at compile time.
pub(super) const TAIL_AFTER: [u32; 32] = tail_after();

/// Builds [`TAIL_AFTER`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn tail_after() -> [u32; 32] {
    let mut out = [0u32; 32];
    let mut i = 0;
    while i < TRIGGER_INDICES.len() {
        let [_, b, c] = TRIGGER_INDICES[i];
        out[b as usize] |= 1 << c;
        i += 1;
    }
    let mut i = 0;
    while i < START_INDICES.len() {
        let st = START_INDICES[i];
        if st.len() >= 2 {
            out[st[st.len() - 2] as usize] |= 1 << st[st.len() - 1];
        }
        i += 1;
    }
    out
}

/// Whether `a b` is one of the letter pairs every root starts with ([`FILTER_PAIRS`]; the
/// filter the walk applies while it reads a piece, as [`PAIR_AFTER`]).
#[allow(clippy::indexing_slicing)]
const fn is_filter_pair_slow(a: char, b: char) -> bool {
    let mut i = 0;
    while i < FILTER_PAIRS.len() {
        let (x, y) = FILTER_PAIRS[i];
        if x == a && y == b {
            return true;
        }
        i += 1;
    }
    false
}

/// Whether the skeleton's character `a` matches the pattern's letter `p`: itself, the
/// wildcard for `и`/`л`, or a dot standing for any one letter ([`DOT`]).
fn ceq(a: char, p: char) -> bool {
    a == p || (a == WILD && (p == 'и' || p == 'л')) || (a == DOT && is_ru_vowel(p))
}

/// A full stop between two letters of a compound, read as any one vowel: a writer hides a
/// vowel of the word behind it («п.здец», «х.й», «бл.дь»).
const DOT: char = '\u{2}';

/// Whether `pat` occurs in `s` at `i`.
fn at(s: &[char], i: usize, pat: &str) -> bool {
    let mut k = i;
    for p in pat.chars() {
        match s.get(k) {
            Some(&a) if ceq(a, p) => k += 1,
            _ => return false,
        }
    }
    true
}

/// Whether the text just before `i` ends with `pat`.
fn ends_before(s: &[char], i: usize, pat: &str) -> bool {
    let n = pat.chars().count();
    i >= n && at(s, i - n, pat)
}

// The section bits (`ANYWHERE`, `HU`, …), `NOT_AFTER` and the screens' letters
// (`FILTER_PAIRS`, `TRIGGERS`, `STARTS`), written by `core/build.rs` from
// `rules/lexicons/obscene.txt`.
include!(concat!(env!("OUT_DIR"), "/obscene_lexicon.rs"));

/// The map of the roots built by `core/build.rs` from `rules/lexicons/obscene.txt`.
const OBSCENE_FST: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/obscene_lexicon.fst"));

/// The roots and their exceptions: an [`fst`] map of every entry of
/// `rules/lexicons/obscene.txt` to the bits of its sections.
pub(crate) struct Roots {
    /// `None` only if the embedded bytes were not a map, which a unit test rules out.
    fst: Option<Fst<&'static [u8]>>,
}

impl Default for Roots {
    /// The built-in roots. Opening the map reads only its header.
    fn default() -> Self {
        Roots {
            fst: Fst::new(OBSCENE_FST).ok(),
        }
    }
}

/// The letters the wildcard stands for in an entry (a hidden letter stands for any of
/// [`VOWELS`]; any other character for itself).
const WILD_LETTERS: [char; 2] = ['и', 'л'];
/// The letters a hidden letter ([`DOT`]) stands for in an entry, as [`ceq`] has them.
const VOWELS: [char; 9] = ['а', 'е', 'и', 'о', 'у', 'ы', 'э', 'ю', 'я'];

impl Roots {
    /// Calls `f(end, sections, dot)` for every entry that the skeleton `s` spells from `from`
    /// to `end` ([`ceq`] after the first letter: the wildcard and a hidden letter may stand
    /// for several letters, so the map is searched along each); `dot` says that its last
    /// letter is a hidden one. A hidden letter may stand inside a root, not as its last
    /// letter («м.д.а» is no «муда»), but as the last letter of a prefix («н.хую»).
    fn entries_at(&self, s: &[char], from: usize, f: &mut impl FnMut(usize, u64, bool)) {
        // A root starts with a letter as written, not with the wildcard or a hidden letter.
        if matches!(s.get(from), Some(&(WILD | DOT))) {
            return;
        }
        if let Some(fst) = &self.fst {
            search(fst, (fst.root(), Output::zero(), false), s, from, f);
        }
    }

    /// Matches the Cyrillic skeleton (folded, repeats collapsed) against the roots.
    pub(crate) fn obscene_cyrillic(&self, s: &[char]) -> bool {
        // What the word's start holds: a prefix's ends, and the exceptions.
        let mut prefix_ends: SmallVec<[usize; 4]> = SmallVec::new();
        let (mut not_start, mut not_whole) = (false, false);
        self.entries_at(s, 0, &mut |end, v, _| {
            if v & PREFIX != 0 {
                prefix_ends.push(end);
            }
            not_start |= v & NOT_START != 0;
            not_whole |= v & NOT_WHOLE != 0 && end == s.len();
        });
        if not_whole {
            return false;
        }
        let mut hit = false;
        for i in 0..s.len() {
            let mut root = |end: usize, v: u64, dot: bool| {
                if dot {
                    return;
                }
                let start = i == 0 && !not_start;
                let before = i.checked_sub(1).and_then(|k| s.get(k)).copied();
                let counts = v & ANYWHERE != 0
                    || (v & START != 0 && start)
                    || (v & WHOLE != 0 && i == 0 && end == s.len())
                    || (v & AFTER_VOWEL != 0
                        && (start
                            || before.is_some_and(|b| is_ru_vowel(b) || matches!(b, 'ъ' | 'ь' | WILD))))
                    || (v & HU != 0 && hu_is_root(s, i, &prefix_ends));
                hit |= counts && !NOT_AFTER.iter().any(|(r, b)| at(s, i, r) && ends_before(s, i, b));
            };
            self.entries_at(s, i, &mut root);
            if hit {
                return true;
            }
        }
        false
    }

    /// Matches a Latin-only word against transliterated roots (`blyad`, `pizdec`, `nahuy`).
    pub(crate) fn obscene_translit(&self, s: &[char]) -> bool {
        if s.len() < 3 {
            return false;
        }
        let mut hit = false;
        // After the empty prefix or one of `latin_prefix`.
        let mut after: SmallVec<[usize; 4]> = SmallVec::new();
        after.push(0);
        self.entries_at(s, 0, &mut |end, v, _| {
            hit |= v & LATIN_START != 0;
            if v & LATIN_PREFIX != 0 {
                after.push(end);
            }
        });
        for i in 0..s.len() {
            self.entries_at(s, i, &mut |_, v, _| hit |= v & LATIN_ANYWHERE != 0);
        }
        for &p in &after {
            self.entries_at(s, p, &mut |_, v, _| {
                hit |= v & LATIN_HU != 0 || (p > 0 && v & LATIN_AFTER_PREFIX != 0);
            });
        }
        hit
    }
}

/// [`Roots::entries_at`] from `node` (reached with `out`, the last letter read as a hidden
/// one when `dot`) at `s[i..]`.
fn search(
    fst: &Fst<&'static [u8]>,
    (node, out, dot): (Node<'_>, Output, bool),
    s: &[char],
    i: usize,
    f: &mut impl FnMut(usize, u64, bool),
) {
    if node.is_final() {
        f(i, out.cat(node.final_output()).value(), dot);
    }
    let Some(&c) = s.get(i) else { return };
    let letters: &[char] = match c {
        WILD => &WILD_LETTERS,
        DOT => &VOWELS,
        _ => std::slice::from_ref(&c),
    };
    for &letter in letters {
        let mut buf = [0u8; 4];
        let (mut n, mut o) = (node, out);
        let mut follows = true;
        for &b in letter.encode_utf8(&mut buf).as_bytes() {
            match n.find_input(b) {
                Some(k) => {
                    let t = n.transition(k);
                    o = o.cat(t.out);
                    n = fst.node(t.addr);
                }
                None => {
                    follows = false;
                    break;
                }
            }
        }
        if follows {
            search(fst, (n, o, c == DOT), s, i + 1, f);
        }
    }
}

/// Whether `ху` + vowel at `i` of the skeleton `s` is the obscene root. It is at the start of
/// a word and after a verbal prefix (a `prefix` entry ending at `i`); not as the ending `-хую`
/// of a feminine adjective after another stem («плохую», «сухую», «тихую», «глухую»). Any
/// other place (glued compounds such as «долбохуй») is the root.
fn hu_is_root(s: &[char], i: usize, prefix_ends: &[usize]) -> bool {
    if i == 0 || prefix_ends.contains(&i) {
        return true;
    }
    !(s.get(i + 2) == Some(&'ю') && s.len() == i + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(t: &str) -> bool {
        crate::detect::scan(t).has(DetectionKind::Obscenity)
    }

    #[test]
    fn roots_and_disguises() {
        for t in [
            "хуй",
            "нахуй",
            "хууууй",
            "x.y.й",
            "х у й",
            "хуёво",
            "пи3дец",
            "пи.здец",
            "ёбаный",
            "заебали",
            "уёбки",
            "блядь",
            "бля",
            "6ля",
            "мудак",
            "мудила",
            "гандон",
            "залупа",
            "пидорас",
            "манда",
            "съебались",
            "долбоёб",
            "п1здец",
            "xyeвo",
            "blyad",
            "nahuy",
            "по-блядски",
            "ПИЗДЕЦ",
            "хуeсoс",
            "похуй",
            "похую",
            "нихуя",
            "охуеть",
            "дохуя",
            "нехуй",
            "Х.У.Й",
            // Public lexicons (LDNOOBW V2) and the misses.
            "хули",
            "пизжу",
            "впизживать",
            "нищеёбы",
            "вмандить",
            "вымандохать",
            "мандюк",
            "вмудохаться",
            "безмудый",
            "подъябывать",
            "pizdec",
            "khuy",
            "yobany",
            "п.здец",
            "х.й",
            "бл.дь",
            "переебать",
            "намудить",
            "мудозвон",
        ] {
            assert!(hits(t), "{t}");
        }
    }

    /// Every skeleton of up to four basic Russian letters that the trigger screen lets
    /// through has a trigger's tail between two different neighbours, so the walk may screen
    /// by tails before reading the piece again.
    #[test]
    fn every_trigger_has_a_tail_pair() {
        let letter = |i: u32| char::from_u32(0x430 + i).unwrap();
        let mut through = 0;
        for n in 2..=4u32 {
            for k in 0..32u32.pow(n) {
                let w: Vec<u32> = (0..n).map(|d| k / 32u32.pow(d) % 32).collect();
                let s: String = w.iter().map(|&i| letter(i)).collect();
                if basic_russian_may_be_obscene(s.as_bytes()) != Some(true) {
                    continue;
                }
                through += 1;
                let tail = w
                    .windows(2)
                    .any(|p| p[0] != p[1] && TAIL_AFTER[p[0] as usize] >> p[1] & 1 == 1);
                assert!(tail, "{s}");
            }
        }
        assert!(through > 1000, "{through}");
    }

    #[test]
    fn the_roots_load() {
        let roots = Roots::default();
        assert!(roots.fst.is_some());
        let skel = |w: &str| w.chars().collect::<Vec<char>>();
        assert!(roots.obscene_cyrillic(&skel("нахуй")));
        assert!(!roots.obscene_cyrillic(&skel("плохую")));
        assert!(roots.obscene_translit(&skel("nahuy")));
        assert!(!roots.obscene_translit(&skel("nahum")));
    }

    #[test]
    fn byte_screen_agrees_with_the_character_screen() {
        let words = [
            "хуй",
            "застрахуй",
            "еблан",
            "заебал",
            "небо",
            "манда",
            "команда",
            "блядь",
            "рубля",
            "пизда",
            "пезда",
            "пидор",
            "мудак",
            "гандон",
            "гондон",
            "залупа",
            "сказал",
            "вагон",
            "переполнены",
            "мусор",
            "Мария",
            "Петровна",
            "уебок",
            "съебать",
            "мандарин",
            "пе",
        ];
        for w in words {
            for form in [w.to_string(), w.to_uppercase()] {
                let folded: Vec<char> = form.chars().filter_map(fold_obscene).collect();
                let mut collapsed = folded.clone();
                collapsed.dedup();
                assert_eq!(
                    basic_russian_may_be_obscene(form.as_bytes()),
                    Some(may_be_obscene(&collapsed)),
                    "{form}"
                );
            }
        }
        assert_eq!(basic_russian_may_be_obscene("ёж".as_bytes()), None);
    }

    #[test]
    fn ordinary_words() {
        for t in [
            "рубля",
            "употреблять",
            "оскорблять",
            "команда",
            "тебя",
            "ипподром",
            "корабля",
            "небо",
            "ребёнок",
            "хлебушек",
            "скипидар",
            "психиатр",
            "застрахуй",
            "страхую",
            "колебания",
            "погребальный",
            "требуется",
            "мандарин",
            "мандат",
            "командир",
            "гребля",
            "Гребенщиков",
            "дебаты",
            "учебный",
            "потребитель",
            "себя",
            "ансамбля",
            "застрахуйте",
            "страхуется",
            "перестраховаться",
            "бляха",
            "бляшки",
            "Ебург",
            "мудрый",
            "спидер",
            "сука",
            "ebay",
            "ebook",
            "hyundai",
            "в и у а",
            "я у вас",
            "страхуют",
            "застрахуют",
            // Real petitions and the false alarms.
            "Прошу проверить плохую работу управляющей компании, во дворе сухую траву не убирают.",
            "плохую",
            "тихую",
            "сухую",
            "глухую",
            "ГЛУХУЮ",
            "лихую",
            "буллезный эпидермолиз",
            "эпидермис",
            "психуй",
            "не психуй",
            "психует",
            "психуя",
            "Балконы в плохом состояние.Балконы находятся в подъезде.",
            "ГН: Е643УХ98",
            "хулиган",
            "хулить",
            "скомандовать",
            "командование",
            "мандолина",
            "мандраж",
            "роман",
            "карман",
            "объявление",
            "т.е. в г.Москве",
            "ул.Ленина",
            "Демьяненко Е.П. его закрыла",
            "в соответствии с п.3.2.9 Постановления",
            "Затопление.жуткий запах",
            "касается 13 квартир,т е.всего стояка",
            "по Е.Шварца и от ул. М.Дудина",
            "Фотофиксация от 03.11.прилагается.",
            "из парадных.1 и 2",
            "учёбу",
            "грёбаный",
            "Махмудов",
            "мудрость",
            "Муди",
            "премудрый",
        ] {
            assert!(!hits(t), "{t}");
        }
    }
}
