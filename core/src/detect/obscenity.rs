//! Obscenity (Russian мат) by roots, after folding disguises.
//!
//! The text is cut into pieces (runs of letters and digits; `@ ! |` count inside a piece when
//! a letter follows). Pieces joined by a single `.`, `-` or `_` form a compound that is checked
//! both piece by piece and glued (`х.у.й`, `пи-зда`); runs of one-letter pieces separated by
//! one or two spaces are glued too (`х у й`). Each candidate is folded (look-alike letters,
//! digits, `ё`), repeated letters are collapsed (`хууууй` → `хуй`), and the skeleton is
//! matched against roots with boundary rules and exceptions (see `docs/detectors.md`).

use super::normalize::{fold_obscene, is_alnum, is_combining, is_cyrillic, is_ru_vowel, WILD};
use super::language::Classifier;
use super::medical::Words;
use super::{Detection, DetectionKind};

/// One run of word characters, as byte offsets into the original text.
#[derive(Clone, Copy)]
struct Piece {
    start: usize,
    end: usize,
    chars: usize,
    /// Whether any character of the piece is Cyrillic (decides folding or transliteration).
    cyrillic: bool,
    /// The piece's folded skeleton, summarised for [`may_be_obscene`] (see [`Skeleton`]).
    skel: Skeleton,
}

/// What [`may_be_obscene`] needs of a folded, repeat-collapsed skeleton, gathered while the
/// characters are read: its first and last letters and whether two neighbouring letters form
/// one of the filter's pairs. Concatenating skeletons only adds the pair at the seam, so a
/// glued span's summary comes from its pieces' summaries and the text is not folded again.
/// `pair` is only ever set too eagerly (a combining breve, which may turn `и` into `й`, sets
/// it), never missed, so a span whose summary has no pair cannot match.
#[derive(Clone, Copy, Default)]
struct Skeleton {
    first: Option<char>,
    last: Option<char>,
    pair: bool,
}

impl Skeleton {
    /// Adds one character of the text (in a piece) to the summary.
    #[inline(always)]
    fn push_char(&mut self, c: char) {
        // Basic Russian letters (nearly every character) fold to their lowercase.
        match c {
            'а'..='я' => return self.push_folded(c),
            'А'..='Я' => {
                return self.push_folded(char::from_u32(u32::from(c) + 0x20).unwrap_or(c));
            }
            _ => {}
        }
        if c == '\u{0306}' {
            self.pair = true;
            return;
        }
        if let Some(f) = fold_obscene(c) {
            self.push_folded(f);
        }
    }

    #[inline]
    fn push_folded(&mut self, f: char) {
        match self.last {
            Some(l) if l == f => {}
            Some(l) => {
                self.pair |= is_filter_pair(l, f);
                self.last = Some(f);
            }
            None => {
                self.first = Some(f);
                self.last = Some(f);
            }
        }
    }

    /// Appends another skeleton (the text between them folds to nothing).
    fn append(&mut self, other: Skeleton) {
        self.pair |= other.pair;
        if let Some(f) = other.first {
            self.push_folded(f);
        }
        if other.last.is_some() {
            self.last = other.last;
        }
    }
}

/// What separates a piece from the previous one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Gap {
    /// Exactly one `.`, `-` or `_`.
    Join,
    /// One or two spaces (or joiners) on one line.
    Short,
    /// Anything else.
    Break,
}

/// The characters between two pieces, counted while they are read.
#[derive(Clone, Copy, Default)]
struct GapCount {
    len: usize,
    joiners: usize,
    newline: bool,
    other: bool,
}

impl GapCount {
    fn kind(self) -> Gap {
        if self.len == 1 && self.joiners == 1 {
            Gap::Join
        } else if self.len <= 2 && !self.newline && !self.other {
            Gap::Short
        } else {
            Gap::Break
        }
    }
}

fn is_joiner(c: char) -> bool {
    matches!(c, '.' | '-' | '_' | '\u{2010}' | '\u{2011}' | '\u{2013}')
}

fn is_interior_symbol(c: char) -> bool {
    matches!(c, '@' | '!' | '|')
}

/// Whether the character starting at byte `at` is a letter or digit.
fn alnum_at(text: &str, at: usize) -> bool {
    text.get(at..)
        .and_then(|rest| rest.chars().next())
        .is_some_and(is_alnum)
}

/// Finds obscene words and appends their spans.
#[cfg(test)]
pub(crate) fn scan(text: &str, out: &mut Vec<Detection>) {
    scan_with(
        text,
        out,
        &mut super::medical::Words::new(text),
        &mut super::language::Classifier::new(text),
    );
}

/// Finds obscene words and appends their spans, passing every character to the medical
/// detector `medical` and the language flags `flags` on the way (one walk over the text for
/// all three).
pub(crate) fn scan_with(
    text: &str,
    out: &mut Vec<Detection>,
    medical: &mut Words<'_>,
    flags: &mut Classifier<'_>,
) {
    let mut st = State::default();
    let mut cur: Option<Piece> = None;
    let mut gap = GapCount::default();
    let mut prev_piece_seen = false;
    for (i, c) in text.char_indices() {
        let len = c.len_utf8();
        // Most characters are letters; the look-ahead for `@ ! |` is read only when needed.
        flags.push(i, c);
        let alnum = matches!(c, 'А'..='я') || is_alnum(c);
        if alnum {
            medical.alnum(i, i + len);
        } else {
            medical.other(c);
        }
        let wordish = alnum
            || (cur.is_some()
                && (is_combining(c) || (is_interior_symbol(c) && alnum_at(text, i + len))));
        if wordish {
            match cur.as_mut() {
                Some(p) => {
                    p.end = i + len;
                    p.chars += 1;
                    p.cyrillic |= is_cyrillic(c);
                    p.skel.push_char(c);
                }
                None => {
                    let mut skel = Skeleton::default();
                    skel.push_char(c);
                    cur = Some(Piece {
                        start: i,
                        end: i + len,
                        chars: 1,
                        cyrillic: is_cyrillic(c),
                        skel,
                    });
                }
            }
            continue;
        }
        if let Some(p) = cur.take() {
            let kind = if prev_piece_seen {
                gap.kind()
            } else {
                Gap::Break
            };
            st.push(text, p, kind);
            prev_piece_seen = true;
            gap = GapCount::default();
        }
        gap.len += 1;
        if is_joiner(c) {
            gap.joiners += 1;
        } else if c == '\n' || c == '\r' {
            gap.newline = true;
        } else if !c.is_whitespace() {
            gap.other = true;
        }
    }
    if let Some(p) = cur.take() {
        let kind = if prev_piece_seen {
            gap.kind()
        } else {
            Gap::Break
        };
        st.push(text, p, kind);
    }
    st.flush_compound(text);
    st.flush_singles(text);
    let mut found = st.found;
    if found.is_empty() {
        return;
    }
    // Merge overlapping spans (a glued compound and its pieces).
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

/// Consecutive pieces glued for one check: only the outer span and the count are needed.
#[derive(Clone, Copy)]
struct Glued {
    start: usize,
    end: usize,
    cyrillic: bool,
    count: usize,
    skel: Skeleton,
}

impl Glued {
    fn extend(this: &mut Option<Glued>, p: Piece) {
        match this {
            Some(g) => {
                g.end = p.end;
                g.cyrillic |= p.cyrillic;
                g.count += 1;
                g.skel.append(p.skel);
            }
            None => {
                *this = Some(Glued {
                    start: p.start,
                    end: p.end,
                    cyrillic: p.cyrillic,
                    count: 1,
                    skel: p.skel,
                })
            }
        }
    }
}

/// The pieces waiting to be glued, the spans found, and the reusable folding buffer.
#[derive(Default)]
struct State {
    /// Pieces joined by single `.`, `-`, `_` (each piece is checked on its own when pushed).
    compound: Option<Glued>,
    /// Consecutive one-character pieces separated by short gaps.
    singles: Option<Glued>,
    buf: Vec<char>,
    found: Vec<(usize, usize)>,
}

impl State {
    fn push(&mut self, text: &str, p: Piece, gap: Gap) {
        // Every piece is checked by itself; the order of `found` does not matter (it is
        // sorted before merging).
        if check(text, p.start, p.end, p.cyrillic, p.skel, &mut self.buf) {
            self.found.push((p.start, p.end));
        }
        if gap != Gap::Join || self.compound.is_none() {
            self.flush_compound(text);
        }
        Glued::extend(&mut self.compound, p);
        if p.chars == 1 {
            if gap == Gap::Break || self.singles.is_none() {
                self.flush_singles(text);
            }
            Glued::extend(&mut self.singles, p);
        } else {
            self.flush_singles(text);
        }
    }

    fn flush_compound(&mut self, text: &str) {
        if let Some(g) = self.compound.take() {
            if g.count > 1 && check(text, g.start, g.end, g.cyrillic, g.skel, &mut self.buf) {
                self.found.push((g.start, g.end));
            }
        }
    }

    fn flush_singles(&mut self, text: &str) {
        if let Some(g) = self.singles.take() {
            if g.count >= 3 && check(text, g.start, g.end, g.cyrillic, g.skel, &mut self.buf) {
                self.found.push((g.start, g.end));
            }
        }
    }
}

/// Folds `text[start..end]` into `buf` and matches the roots. `cyrillic` says whether the
/// span has a Cyrillic letter (known from the pieces, so the span is not read twice); a
/// Cyrillic span whose `skel` has no filter pair is rejected without folding it again.
fn check(
    text: &str,
    start: usize,
    end: usize,
    cyrillic: bool,
    skel: Skeleton,
    buf: &mut Vec<char>,
) -> bool {
    if cyrillic && !skel.pair {
        return false;
    }
    let Some(slice) = text.get(start..end) else {
        return false;
    };
    buf.clear();
    if cyrillic {
        for c in slice.chars() {
            if c == '\u{0306}' {
                if let Some(last) = buf.last_mut() {
                    if *last == 'и' {
                        *last = 'й';
                    }
                }
                continue;
            }
            if let Some(f) = fold_obscene(c) {
                if buf.last() != Some(&f) {
                    buf.push(f);
                }
            }
        }
        may_be_obscene(buf) && obscene_cyrillic(buf)
    } else {
        if !slice.chars().any(|c| c.is_ascii_alphabetic()) {
            return false;
        }
        for c in slice.chars() {
            if c.is_ascii_alphanumeric() {
                let f = c.to_ascii_lowercase();
                if buf.last() != Some(&f) {
                    buf.push(f);
                }
            }
        }
        obscene_translit(buf)
    }
}

/// A quick filter before [`obscene_cyrillic`]: every root it matches starts with one of these
/// letter pairs (`ху еб пи пе бл му ма га го за`, with the wildcard for `и`/`л`), so a
/// skeleton without any of them cannot match. Most ordinary words stop here.
fn may_be_obscene(s: &[char]) -> bool {
    s.windows(2).any(|w| match w {
        [a, b] => is_filter_pair(*a, *b),
        _ => false,
    })
}

/// For each first letter `а`..`я`, the second letters `а`..`я` that make a filter pair
/// (bit `n` for the letter `а` + `n`); [`WILD`] seconds are handled apart.
static PAIR_BITS: [u32; 32] = pair_bits();

/// Builds [`PAIR_BITS`] from [`is_filter_pair_slow`] at compile time.
#[allow(clippy::indexing_slicing)]
const fn pair_bits() -> [u32; 32] {
    let mut out = [0u32; 32];
    let mut a = 0u32;
    while a < 32 {
        let mut b = 0u32;
        while b < 32 {
            if let (Some(x), Some(y)) = (char::from_u32(0x430 + a), char::from_u32(0x430 + b)) {
                if is_filter_pair_slow(x, y) {
                    out[a as usize] |= 1 << b;
                }
            }
            b += 1;
        }
        a += 1;
    }
    out
}

/// Whether `a b` is one of the letter pairs every root starts with.
#[inline]
fn is_filter_pair(a: char, b: char) -> bool {
    let (x, y) = (u32::from(a).wrapping_sub(0x430), u32::from(b).wrapping_sub(0x430));
    if x < 32 && y < 32 {
        return PAIR_BITS
            .get(x as usize)
            .is_some_and(|bits| bits >> y & 1 == 1);
    }
    is_filter_pair_slow(a, b)
}

/// [`is_filter_pair`] by the list of pairs.
const fn is_filter_pair_slow(a: char, b: char) -> bool {
    matches!(
        (a, b),
        ('х', 'у')
            | ('е', 'б')
            | ('п', 'и' | 'е' | WILD)
            | ('б', 'л' | WILD)
            | ('м', 'у' | 'а')
            | ('г', 'а' | 'о')
            | ('з', 'а')
    )
}

fn ceq(a: char, p: char) -> bool {
    a == p || (a == WILD && (p == 'и' || p == 'л'))
}

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

fn equals(s: &[char], pat: &str) -> bool {
    at(s, 0, pat) && s.len() == pat.chars().count()
}

/// Whether the text just before `i` ends with `pat`.
fn ends_before(s: &[char], i: usize, pat: &str) -> bool {
    let n = pat.chars().count();
    i >= n && at(s, i - n, pat)
}

/// Whole-word forms of «манда» (the stem alone is in «команда», «мандарин», «мандат»).
const MANDA_FORMS: &[&str] = &["манда", "манды", "манде", "мандой", "манду", "мандой"];

/// Matches the Cyrillic skeleton (folded, repeats collapsed) against the roots.
pub(crate) fn obscene_cyrillic(s: &[char]) -> bool {
    if MANDA_FORMS.iter().any(|f| equals(s, f)) || at(s, 0, "мандав") {
        return true;
    }
    // «бля» as a word or the start of one; «бляха», «бляшка» are ordinary words.
    if at(s, 0, "бля") && !at(s, 0, "блях") && !at(s, 0, "бляш") {
        return true;
    }
    for (i, &c) in s.iter().enumerate() {
        // Roots matched anywhere in a word: no ordinary Russian word contains them. («блят» is
        // not here: «употреблять», «оскорблять» contain it; «блять» is caught as a word start.)
        let anywhere = match c {
            'п' => at(s, i, "пизд") || at(s, i, "пезд"),
            'б' => at(s, i, "бляд"),
            'м' => {
                at(s, i, "мудак") || at(s, i, "мудач") || at(s, i, "мудил") || at(s, i, "мудоз")
            }
            'г' => at(s, i, "гандон") || at(s, i, "гондон"),
            'з' => at(s, i, "залуп"),
            _ => false,
        };
        if anywhere {
            return true;
        }
        if c != 'х' && c != 'е' && c != 'п' {
            continue;
        }
        // хуй / хуе / хуя / хую / хуи, but not «страхую», «застрахуй».
        if at(s, i, "ху") {
            let next = s.get(i + 2).copied();
            let ok = matches!(next, Some('й' | 'е' | 'я' | 'ю' | 'и' | WILD));
            if ok && !ends_before(s, i, "стра") {
                return true;
            }
        }
        // еб- at the start of a word or after a vowel / ъ (заебал, уебок, съебаться),
        // never after a consonant (тебя, небо, хлеб, употреблять).
        if at(s, i, "еб") {
            let before = if i == 0 { None } else { s.get(i - 1).copied() };
            let boundary = match before {
                None => !at(s, 0, "ебург") && !at(s, 0, "ебурж") && !at(s, 0, "ебонит"),
                Some(b) => is_ru_vowel(b) || b == 'ъ' || b == 'ь' || b == WILD,
            };
            if boundary {
                return true;
            }
        }
        // пидор / пидар / пидр / пидер, but not «скипидар», «спидер».
        if (at(s, i, "пидор") || at(s, i, "пидар") || at(s, i, "пидр") || at(s, i, "пидер"))
            && !ends_before(s, i, "с")
            && !ends_before(s, i, "ски")
        {
            return true;
        }
    }
    false
}

/// Matches a Latin-only word against transliterated roots (`blyad`, `pizdec`, `nahuy`).
pub(crate) fn obscene_translit(s: &[char]) -> bool {
    const START: &[&str] = &[
        "blya", "blia", "blja", "eban", "ebal", "ebat", "eblan", "ebu", "yoban",
    ];
    const HUY: &[&str] = &[
        "huy", "huj", "hui", "xuy", "xuj", "xui", "huev", "xuev", "huet", "xuet",
    ];
    const PREFIX: &[&str] = &[
        "", "na", "po", "o", "ni", "za", "vy", "do", "u", "pro", "ot",
    ];
    if s.len() < 3 {
        return false;
    }
    for (i, &c) in s.iter().enumerate() {
        let hit = match c {
            'p' => ["pizd", "pezd", "pidor", "pidar", "pidr"]
                .iter()
                .any(|r| at(s, i, r)),
            'b' => ["bliad", "blyad", "bljad"].iter().any(|r| at(s, i, r)),
            'm' => at(s, i, "mudak") || at(s, i, "mudil"),
            'g' => at(s, i, "gandon") || at(s, i, "gondon"),
            'z' => at(s, i, "zalup"),
            _ => false,
        };
        if hit {
            return true;
        }
    }
    if !matches!(
        s.first(),
        Some('b' | 'e' | 'y' | 'h' | 'x' | 'n' | 'p' | 'o' | 'z' | 'v' | 'd' | 'u')
    ) {
        return false;
    }
    let word: String = s.iter().collect();
    if START.iter().any(|r| word.starts_with(r)) {
        return true;
    }
    for p in PREFIX {
        if let Some(rest) = word.strip_prefix(p) {
            if HUY.iter().any(|r| rest.starts_with(r)) {
                return true;
            }
            if !p.is_empty() && (rest.starts_with("eb") || rest.starts_with("yob")) {
                return true;
            }
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hits(t: &str) -> bool {
        let mut v = Vec::new();
        scan(t, &mut v);
        !v.is_empty()
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
        ] {
            assert!(hits(t), "{t}");
        }
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
        ] {
            assert!(!hits(t), "{t}");
        }
    }
}
