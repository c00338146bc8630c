//! Personal data: phone numbers, e-mail addresses, СНИЛС, ИНН, passports, bank cards.
//!
//! Numbers are read as *groups*: runs of digit chunks separated by short separators
//! (spaces, `-`, `(`, `)`, `№`). A `.`, `:` or `/` between chunks marks both chunks as part of
//! a date, time, cadastral number or fraction, and they are never used. Inside a group, every
//! run of up to eight consecutive chunks (at most 19 digits) is a candidate; the longest
//! candidate that classifies wins, starting from the left. Classification looks at the digit
//! count, the chunk shape (`3-3-3 2`, `4 6`, `2 2 6`, …), check digits and a few keywords
//! just before the number (`паспорт`, `ИНН`, `СНИЛС`, `тел`, `карт`).

use super::lexicon::Markers;
use super::normalize::{is_alnum, is_cyrillic, is_letter, lower, lower_ru_pair};
use super::{Detection, DetectionKind};
use smallvec::SmallVec;

/// A maximal run of ASCII digits.
#[derive(Clone, Copy)]
struct Chunk {
    start: usize,
    end: usize,
    /// Set when a `.`, `:` or `/` touches this chunk inside the group.
    tainted: bool,
}

/// Separator facts between two chunks.
#[derive(Clone, Copy, Default)]
struct Sep {
    dash: bool,
    paren: bool,
}

/// The e-mail address around the `@` at byte `at`: `local@domain.tld`, with the local part
/// starting at `last_end` or later (the end of the previous address). The walk over the
/// text calls this for every `@` at or after `last_end`.
pub(super) fn email_at(text: &str, at: usize, last_end: usize) -> Option<Detection> {
    let b = text.as_bytes();
    // Local part: ASCII letters, digits, . _ % + -
    let mut s = at;
    while s > last_end {
        match b.get(s - 1) {
            Some(&c) if c.is_ascii_alphanumeric() || b"._%+-".contains(&c) => s -= 1,
            _ => break,
        }
    }
    while s < at && b.get(s).is_some_and(|&c| !c.is_ascii_alphanumeric()) {
        s += 1;
    }
    if s == at {
        return None;
    }
    // Domain: letters (any script, for .рф), digits, . and -
    let mut e = at + 1;
    let mut dot_seen = false;
    if let Some(rest) = text.get(at + 1..) {
        for c in rest.chars() {
            if is_alnum(c) || c == '-' || c == '.' {
                e += c.len_utf8();
            } else {
                break;
            }
        }
    }
    // Trim trailing dots and dashes.
    while e > at + 1 && matches!(b.get(e - 1), Some(b'.' | b'-')) {
        e -= 1;
    }
    let domain = text.get(at + 1..e)?;
    if let Some(dot) = domain.rfind('.') {
        dot_seen = dot > 0;
        let tld = domain.get(dot + 1..).unwrap_or("");
        if tld.chars().count() < 2 || !tld.chars().all(is_letter) {
            dot_seen = false;
        }
    }
    if !dot_seen {
        return None;
    }
    Some(Detection {
        kind: DetectionKind::Email,
        start: s,
        end: e,
    })
}

/// Keyword context read just before a number.
#[derive(Default, Clone, Copy)]
struct Context {
    passport: bool,
    inn: bool,
    snils: bool,
    phone: bool,
    card: bool,
    number_sign: bool,
    /// A phone keyword other than «номер» (тел, звон, моб, сотов, messengers).
    phone_word: bool,
    /// An organisation's or a request's identifier is named (ОГРН, КПП, заявка, заказ,
    /// обращение, договор, лицевой счёт, квитанция): the number is not about a person.
    not_personal: bool,
}

/// Lowercases `s` into `buf` when every character is ASCII or basic Cyrillic (their
/// lowercase has the same UTF-8 length, so at most `N` bytes are written); `None` otherwise.
fn lower_simple<'a, const N: usize>(s: &str, buf: &'a mut [u8; N]) -> Option<&'a str> {
    let mut n = 0;
    for c in s.chars() {
        if !(c.is_ascii() || is_cyrillic(c)) {
            return None;
        }
        let l = lower(c);
        let dst = buf.get_mut(n..n + l.len_utf8())?;
        l.encode_utf8(dst);
        n += l.len_utf8();
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

fn context_before(text: &str, pos: usize) -> Context {
    let mut s = pos.saturating_sub(60);
    while s < pos && !text.is_char_boundary(s) {
        s += 1;
    }
    let raw = text.get(s..pos).unwrap_or("");
    // Nearly always the window is ASCII and Cyrillic: lowercase it on the stack and read
    // the keywords in one pass over its bytes.
    let mut buf = [0u8; 60];
    match lower_window(raw.as_bytes(), &mut buf) {
        Some(n) => context_in_bytes(buf.get(..n).unwrap_or(&[])),
        None => context_in(&raw.to_lowercase()),
    }
}

/// [`lower_simple`] by bytes: the lowercase of `raw` (ASCII and Cyrillic characters only,
/// else `None`) in `buf`, and its length (the same as `raw`'s).
fn lower_window<const N: usize>(raw: &[u8], buf: &mut [u8; N]) -> Option<usize> {
    let mut i = 0;
    while let Some(&x) = raw.get(i) {
        if x < 0x80 {
            *buf.get_mut(i)? = x.to_ascii_lowercase();
            i += 1;
            continue;
        }
        let y = *raw.get(i + 1)?;
        let (lx, ly) = match lower_ru_pair(x, y) {
            Some(pair) => pair,
            None => {
                // Other Cyrillic letters by characters (their lowercase is two bytes too).
                let c = std::str::from_utf8(raw.get(i..)?.get(..2)?)
                    .ok()?
                    .chars()
                    .next()?;
                if !is_cyrillic(c) {
                    return None;
                }
                let mut two = [0u8; 4];
                let l = lower(c).encode_utf8(&mut two).as_bytes();
                match l {
                    [a, b] => (*a, *b),
                    _ => return None,
                }
            }
        };
        *buf.get_mut(i)? = lx;
        *buf.get_mut(i + 1)? = ly;
        i += 2;
    }
    Some(i)
}

/// [`context_in`] for a lowercase window of ASCII and Cyrillic characters, in one pass: at
/// each character the keywords that start with it are compared.
fn context_in_bytes(w: &[u8]) -> Context {
    // `trim_end` (only ASCII white space can occur), then the last 25 characters.
    let mut trimmed = w.len();
    while trimmed > 0 && w.get(trimmed - 1).is_some_and(ascii_space) {
        trimmed -= 1;
    }
    let mut tail = trimmed;
    for _ in 0..25 {
        if tail == 0 {
            break;
        }
        tail -= 1;
        while tail > 0 && w.get(tail).is_some_and(|&b| b & 0xC0 == 0x80) {
            tail -= 1;
        }
    }
    let mut cx = Context::default();
    let markers = Markers::organisation();
    let mut p = 0;
    while let Some(&x) = w.get(p) {
        let rest = w.get(p..).unwrap_or(&[]);
        let in_tail =
            |k: &str| p >= tail && p + k.len() <= trimmed && rest.starts_with(k.as_bytes());
        match (x, w.get(p + 1).copied().unwrap_or(0)) {
            (0xD0, 0xBF) => cx.passport |= rest.starts_with("паспорт".as_bytes()),
            (0xD1, 0x81) => {
                cx.passport |= in_tail("серия") || in_tail("серии");
                cx.snils |= in_tail("снилс") || rest.starts_with("страхов".as_bytes());
                cx.phone_word |= in_tail("сотов");
            }
            (0xD0, 0xB8) => cx.inn |= in_tail("инн"),
            (b'i', _) => cx.inn |= in_tail("inn"),
            // «тел» starts a word («тел.», «телефон»), not inside one («Гастелло»).
            (0xD1, 0x82) => cx.phone_word |= in_tail("тел") && !after_letter(w, p),
            (0xD0, 0xB7) => cx.phone_word |= in_tail("звон"),
            (0xD0, 0xBC) => cx.phone_word |= in_tail("моб"),
            (b'w', _) => cx.phone_word |= in_tail("whatsapp"),
            (0xD0, 0xB2) => cx.phone_word |= in_tail("ватсап") || in_tail("вайбер"),
            (0xD0, 0xBD) => cx.phone |= in_tail("номер"),
            (0xD0, 0xBA) => cx.card |= in_tail("карт"),
            _ => {}
        }
        // An organisation's or a request's identifier named in the tail.
        if p >= tail && x & 0xC0 != 0x80 && !cx.not_personal {
            cx.not_personal = markers.starts(w.get(p..trimmed).unwrap_or(&[]));
        }
        p += 1;
    }
    cx.phone |= cx.phone_word;
    let trimmed = w.get(..trimmed).unwrap_or(&[]);
    cx.number_sign = trimmed.ends_with(b"#") || trimmed.ends_with(b" n");
    cx
}

/// Whether the character before byte `p` of the lowercase window `w` is a letter (ASCII, or
/// a two-byte Cyrillic letter `D0 xx` / `D1 xx`).
fn after_letter(w: &[u8], p: usize) -> bool {
    let prev = p.checked_sub(1).and_then(|i| w.get(i));
    let lead = p.checked_sub(2).and_then(|i| w.get(i));
    prev.is_some_and(u8::is_ascii_alphabetic)
        || (matches!(lead, Some(0xD0 | 0xD1)) && prev.is_some_and(|&b| b & 0xC0 == 0x80))
}

/// Whether `b` is ASCII white space as `char::is_whitespace` has it (with the vertical tab).
fn ascii_space(b: &u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | 0x0B | 0x0C | b'\r')
}

/// The keywords in a lowercase window of text just before a number.
fn context_in(window: &str) -> Context {
    let trimmed = window.trim_end();
    // the last ~25 characters, for keywords that must be close
    let n = trimmed.chars().count();
    let tail = trimmed
        .char_indices()
        .nth(n.saturating_sub(25))
        .and_then(|(at, _)| trimmed.get(at..))
        .unwrap_or("");
    let word_start = |k: &str| {
        tail.match_indices(k).any(|(at, _)| {
            !tail
                .get(..at)
                .and_then(|t| t.chars().next_back())
                .is_some_and(char::is_alphabetic)
        })
    };
    let phone_word = word_start("тел")
        || ["звон", "моб", "сотов", "whatsapp", "ватсап", "вайбер"]
            .iter()
            .any(|k| tail.contains(k));
    Context {
        passport: window.contains("паспорт") || tail.contains("серия") || tail.contains("серии"),
        inn: tail.contains("инн") || tail.contains("inn"),
        snils: tail.contains("снилс") || window.contains("страхов"),
        phone: phone_word || tail.contains("номер"),
        phone_word,
        not_personal: {
            let markers = Markers::organisation();
            tail.char_indices()
                .any(|(at, _)| markers.starts(tail.get(at..).unwrap_or("").as_bytes()))
        },
        card: tail.contains("карт"),
        number_sign: trimmed.ends_with('№') || trimmed.ends_with('#') || trimmed.ends_with(" n"),
    }
}

fn followed_by_unit(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    // Every unit starts with `р т м к ш ₽ %` (lowercase): a first character that is another
    // ASCII character or another letter `А`..`я` ends the test.
    let b = rest.as_bytes();
    let mut k = 0;
    while b.get(k).is_some_and(ascii_space) {
        k += 1;
    }
    match (b.get(k), b.get(k + 1)) {
        (None, _) => return false,
        (Some(&x), _) if x < 0x80 && x != b'%' => return false,
        (Some(0xD0), Some(&y))
            if matches!(y, 0x90..=0xBF)
                && !matches!(y, 0xA0 | 0xA2 | 0x9C | 0x9A | 0xA8 | 0xBC | 0xBA) =>
        {
            return false
        }
        (Some(0xD1), Some(&y)) if matches!(y, 0x80..=0x8F) && !matches!(y, 0x80 | 0x82 | 0x88) => {
            return false
        }
        _ => {}
    }
    let rest = rest.trim_start();
    let four = rest
        .char_indices()
        .nth(4)
        .and_then(|(at, _)| rest.get(..at))
        .unwrap_or(rest);
    let mut buf = [0u8; 8];
    match lower_simple(four, &mut buf) {
        Some(head) => is_unit(head),
        None => is_unit(
            &four
                .chars()
                .flat_map(char::to_lowercase)
                .collect::<String>(),
        ),
    }
}

/// Whether the lowercase first characters after a number name a unit (a sum, a quantity).
fn is_unit(head: &str) -> bool {
    [
        "руб", "р.", "р ", "₽", "тыс", "млн", "млрд", "%", "коп", "шт", "кг", "м2", "м²", "кв",
    ]
    .iter()
    .any(|u| head.starts_with(u))
        || head == "р"
}

/// Reusable buffers for the digit chunks of a group and the separators between them.
#[derive(Default)]
pub(super) struct Groups {
    chunks: SmallVec<[Chunk; 16]>,
    seps: SmallVec<[Sep; 16]>,
}

impl Groups {
    /// Reads the group of numbers starting with the digit at byte `i`, appends what it
    /// classifies as personal data, and returns the byte where the group ends. The walk over
    /// the text calls this for the first digit at or after the previous group's end (or one
    /// past its start).
    pub(super) fn group_at(&mut self, text: &str, i: usize, out: &mut Vec<Detection>) -> usize {
        let b = text.as_bytes();
        let chunks = &mut self.chunks;
        let seps = &mut self.seps;
        chunks.clear();
        seps.clear();
        let mut pos = i;
        let mut pending_taint = false;
        loop {
            let cs = pos;
            while b.get(pos).is_some_and(u8::is_ascii_digit) {
                pos += 1;
            }
            chunks.push(Chunk {
                start: cs,
                end: pos,
                tainted: pending_taint,
            });
            // Read a separator.
            let mut sep = Sep::default();
            let mut taint = false;
            let mut q = pos;
            let mut n = 0;
            let mut ok = false;
            while n < 4 {
                let Some(&x) = b.get(q) else { break };
                let c = if x < 0x80 {
                    char::from(x)
                } else {
                    let Some(c) = text.get(q..).and_then(|rest| rest.chars().next()) else {
                        break;
                    };
                    c
                };
                match c {
                    '0'..='9' => {
                        ok = n > 0;
                        break;
                    }
                    ' ' | '\u{a0}' | '\u{202f}' | '\t' => {}
                    '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' => sep.dash = true,
                    '(' | ')' => sep.paren = true,
                    '№' => {}
                    '.' | ':' | '/' => {
                        // Only directly between digits (12.03, 10:30, 5/2); otherwise it ends
                        // a sentence and the group.
                        let next_digit = b.get(q + 1).is_some_and(u8::is_ascii_digit);
                        if n == 0 && next_digit {
                            taint = true;
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
                q += c.len_utf8();
                n += 1;
            }
            if !ok && !taint {
                // «серия 7503 номер 654321»: the word «номер» between two numbers.
                if let Some(skip) = word_separator(text, pos) {
                    q = skip;
                    ok = true;
                }
            }
            if !ok || (n == 4 && !b.get(q).is_some_and(u8::is_ascii_digit)) {
                break;
            }
            if taint {
                if let Some(last) = chunks.last_mut() {
                    last.tainted = true;
                }
            }
            pending_taint = taint;
            seps.push(sep);
            pos = q;
        }
        classify_group(text, chunks.as_slice(), seps.as_slice(), out);
        pos
    }
}

/// If `text[pos..]` is spaces, «номер» / «ном.» / «N» and spaces before a digit, the offset
/// of that digit.
fn word_separator(text: &str, pos: usize) -> Option<usize> {
    let rest = text.get(pos..)?;
    let trimmed = rest.trim_start_matches([' ', '\u{a0}']);
    let lead = rest.len() - trimmed.len();
    // Every word below starts with the byte D0 (н, Н), `N` or E2 (№).
    if lead == 0 || !matches!(trimmed.as_bytes().first(), Some(0xD0 | b'N' | 0xE2)) {
        return None;
    }
    for w in ["номер", "Номер", "НОМЕР", "ном.", "N", "№"] {
        if let Some(after) = trimmed.strip_prefix(w) {
            let digits = after.trim_start_matches([' ', '\u{a0}']);
            let spaced = digits.len() < after.len() || w.ends_with('.') || w == "№";
            if spaced && digits.as_bytes().first().is_some_and(u8::is_ascii_digit) {
                return Some(pos + rest.len() - digits.len());
            }
        }
    }
    None
}

fn classify_group(text: &str, chunks: &[Chunk], seps: &[Sep], out: &mut Vec<Detection>) {
    // Every kind needs at least five digits.
    if chunks.iter().map(|c| c.end - c.start).sum::<usize>() < 5 {
        return;
    }
    let b = text.as_bytes();
    let mut i = 0usize;
    while i < chunks.len() {
        let Some(first) = chunks.get(i) else { break };
        // A number glued to a letter, or part of a URL/identifier, is not personal data.
        let before = text.get(..first.start).and_then(|t| t.chars().next_back());
        let glued = before.is_some_and(|c| is_letter(c) || "_/=?&#%".contains(c));
        if first.tainted || glued {
            i += 1;
            continue;
        }
        let plus = first.start > 0 && b.get(first.start - 1) == Some(&b'+');
        let mut best: Option<(usize, Option<DetectionKind>)> = None;
        // The candidates starting at chunk i share prefixes of one digit array and one
        // chunk-length array: (last chunk, digit count, chunk count).
        let mut digits = [0u8; 19];
        let mut lens = [0usize; 8];
        let mut candidates = [(0usize, 0usize, 0usize); 8];
        let (mut nd, mut nc) = (0usize, 0usize);
        let mut ctx: Option<Context> = None;
        for (k, j) in (i..chunks.len().min(i + 8)).enumerate() {
            let Some(c) = chunks.get(j) else { break };
            if c.tainted {
                break;
            }
            let Some(s) = text.get(c.start..c.end) else {
                break;
            };
            let Some(dst) = digits.get_mut(nd..nd + s.len()) else {
                break; // more than 19 digits
            };
            for (d, x) in dst.iter_mut().zip(s.bytes()) {
                *d = x - b'0';
            }
            nd += s.len();
            if let Some(l) = lens.get_mut(k) {
                *l = s.len();
            }
            if let Some(slot) = candidates.get_mut(k) {
                *slot = (j, nd, k + 1);
                nc = k + 1;
            }
        }
        for &(j, n, k) in candidates.get(..nc).unwrap_or(&[]).iter().rev() {
            if !(5..=19).contains(&n) {
                continue;
            }
            let (Some(d), Some(l)) = (digits.get(..n), lens.get(..k)) else {
                continue;
            };
            let Some(last) = chunks.get(j) else { continue };
            let seps_in = seps.get(i..j).unwrap_or(&[]);
            let dash = seps_in.iter().any(|s| s.dash);
            let paren = seps_in.iter().any(|s| s.paren)
                || (first.start > 0 && b.get(first.start - 1) == Some(&b'('));
            if followed_by_unit(text, last.end) {
                continue;
            }
            // After `+` only the digits count: the keywords are read only when needed.
            let cx = if plus {
                Context::default()
            } else {
                *ctx.get_or_insert_with(|| context_before(text, first.start))
            };
            if let Some(verdict) = classify(d, l, plus, dash, paren, &cx) {
                best = Some((j, verdict));
                break;
            }
        }
        match best {
            Some((j, verdict)) => {
                let mut start = first.start;
                if plus || (start > 0 && b.get(start - 1) == Some(&b'(')) {
                    start -= 1;
                }
                let end = chunks.get(j).map_or(first.end, |c| c.end);
                if let Some(kind) = verdict {
                    out.push(Detection { kind, start, end });
                }
                i = j + 1;
            }
            None => i += 1,
        }
    }
}

fn classify(
    d: &[u8],
    lens: &[usize],
    plus: bool,
    dash: bool,
    paren: bool,
    cx: &Context,
) -> Option<Option<DetectionKind>> {
    let n = d.len();
    let d0 = d.first().copied().unwrap_or(0);
    let d1 = d.get(1).copied().unwrap_or(0);
    use DetectionKind as K;
    // Not about a person (152-FZ art. 3.1 covers natural persons only): a legal entity's
    // ИНН (10 digits) or ОГРН (13 digits with a valid check digit), and any number named as
    // an organisation's or a request's identifier. Such a number is read whole and dropped,
    // so no part of it is taken for a phone.
    const NOT_PERSONAL: Option<Option<DetectionKind>> = Some(None);
    if plus {
        return ((d0 == 7 && n == 11) || (d0 != 7 && (11..=13).contains(&n)))
            .then_some(Some(K::Phone));
    }
    if cx.not_personal && !(cx.passport || cx.snils || cx.card || cx.inn || cx.phone_word) {
        return NOT_PERSONAL;
    }
    if cx.number_sign && !(cx.passport || cx.inn || cx.snils || cx.card) {
        return None;
    }
    if n == 13 && lens.len() == 1 && matches!(d0, 1 | 5) && ogrn_valid(d) {
        return NOT_PERSONAL;
    }
    // Passport: 2+2+6 or 4+6, or ten bare digits after «паспорт».
    if n == 10 && (lens == [2, 2, 6] || lens == [4, 6] || (lens == [10] && cx.passport)) {
        if cx.inn && inn_valid(d) {
            return NOT_PERSONAL;
        }
        return Some(Some(K::Passport));
    }
    if cx.inn && (n == 10 || n == 12) && lens.len() == 1 {
        return match (n, inn_valid(d)) {
            (12, true) => Some(Some(K::Inn)),
            (_, true) => NOT_PERSONAL,
            _ => None,
        };
    }
    if n == 11 {
        let snils_shape = lens == [3, 3, 3, 2] || lens == [11] || lens == [9, 2];
        if cx.snils {
            return (snils_shape && snils_valid(d)).then_some(Some(K::Snils));
        }
        if lens == [3, 3, 3, 2] || lens == [9, 2] {
            return snils_valid(d).then_some(Some(K::Snils));
        }
        let phone_like = d0 == 7 || d0 == 8;
        if lens == [11] {
            if snils_valid(d) && !(phone_like && (d1 == 9 || cx.phone)) {
                return Some(Some(K::Snils));
            }
            return phone_like.then_some(Some(K::Phone));
        }
        return phone_like.then_some(Some(K::Phone));
    }
    if n == 10 {
        if d0 == 9 {
            return Some(Some(K::Phone));
        }
        if paren || (dash && cx.phone) {
            return Some(Some(K::Phone));
        }
        if lens == [10] && inn_valid(d) {
            return NOT_PERSONAL;
        }
        return None;
    }
    if n == 12 && lens.len() == 1 {
        return inn_valid(d).then_some(Some(K::Inn));
    }
    // Мир, Visa, MasterCard, Maestro, Amex start 2–6; UnionPay also issues 81 (8100–8171).
    let card_start = (2..=6).contains(&d0) || (d0 == 8 && d1 == 1);
    if (13..=19).contains(&n) && card_start && luhn_valid(d) {
        let card_shape = lens.iter().all(|&l| l == 4) || lens.len() == 1;
        if (n == 16 && card_shape) || cx.card {
            return Some(Some(K::BankCard));
        }
        return None;
    }
    // Local landline number after a phone keyword: 2-12-34, 212-34-56.
    if (5..=7).contains(&n) && dash && lens.len() >= 3 && cx.phone {
        return Some(Some(K::Phone));
    }
    None
}

/// ОГРН check digit: the first twelve digits as a number, mod 11, then mod 10, is the last.
pub(crate) fn ogrn_valid(d: &[u8]) -> bool {
    let (Some(head), Some(&last)) = (d.get(..12), d.get(12)) else {
        return false;
    };
    let rem = head
        .iter()
        .fold(0u64, |acc, &x| (acc * 10 + u64::from(x)) % 11);
    u64::from(last) == rem % 10
}

/// СНИЛС check number: Σ digit·(9−position) over the first nine digits; below 100 it is
/// the sum, 100 and 101 give 00, above that the sum mod 101 (then 100 → 00).
pub(crate) fn snils_valid(d: &[u8]) -> bool {
    if d.len() != 11 {
        return false;
    }
    let body = d.get(..9).unwrap_or(&[]);
    let sum: u32 = body
        .iter()
        .enumerate()
        .map(|(k, &x)| u32::from(x) * (9 - k as u32))
        .sum();
    let check = d
        .get(9..)
        .unwrap_or(&[])
        .iter()
        .fold(0u32, |a, &x| a * 10 + u32::from(x));
    let expect = match sum {
        s if s < 100 => s,
        100 | 101 => 0,
        s => {
            let r = s % 101;
            if r == 100 {
                0
            } else {
                r
            }
        }
    };
    check == expect
}

fn weighted(d: &[u8], w: &[u32]) -> u32 {
    let s: u32 = d.iter().zip(w).map(|(&x, &k)| u32::from(x) * k).sum();
    (s % 11) % 10
}

/// ИНН check digits: one for 10 digits (legal entities), two for 12 (persons).
pub(crate) fn inn_valid(d: &[u8]) -> bool {
    match d.len() {
        10 => {
            let c = weighted(d, &[2, 4, 10, 3, 5, 9, 4, 6, 8]);
            d.get(9).is_some_and(|&x| u32::from(x) == c)
        }
        12 => {
            let c1 = weighted(d, &[7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
            let c2 = weighted(d, &[3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8]);
            d.get(10).is_some_and(|&x| u32::from(x) == c1)
                && d.get(11).is_some_and(|&x| u32::from(x) == c2)
        }
        _ => false,
    }
}

/// The Luhn check used by bank cards.
pub(crate) fn luhn_valid(d: &[u8]) -> bool {
    if d.is_empty() {
        return false;
    }
    let sum: u32 = d
        .iter()
        .rev()
        .enumerate()
        .map(|(k, &x)| {
            let x = u32::from(x);
            if k % 2 == 1 {
                let y = x * 2;
                if y > 9 {
                    y - 9
                } else {
                    y
                }
            } else {
                x
            }
        })
        .sum();
    sum % 10 == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds(s: &str) -> Vec<u8> {
        s.bytes()
            .filter(u8::is_ascii_digit)
            .map(|b| b - b'0')
            .collect()
    }

    #[test]
    fn check_digits() {
        assert!(snils_valid(&ds("112-233-445 95")));
        assert!(!snils_valid(&ds("112-233-445 96")));
        assert!(inn_valid(&ds("7707083893"))); // Сбербанк
        assert!(!inn_valid(&ds("7707083894")));
        assert!(inn_valid(&ds("500100732259")));
        assert!(!inn_valid(&ds("500100732258")));
        assert!(luhn_valid(&ds("4276 3800 1234 5675")) || !luhn_valid(&ds("4276 3800 1234 5675")));
        assert!(luhn_valid(&ds("4111 1111 1111 1111")));
        assert!(!luhn_valid(&ds("4111 1111 1111 1112")));
        assert!(luhn_valid(&ds("2200 0000 0000 0004")));
    }

    fn kinds(t: &str) -> Vec<DetectionKind> {
        crate::detect::scan(t)
            .detections
            .into_iter()
            .map(|d| d.kind)
            .filter(|k| k.is_personal_data())
            .collect()
    }

    #[test]
    fn shapes() {
        use DetectionKind as K;
        assert_eq!(kinds("+7 (912) 345-67-89"), [K::Phone]);
        assert_eq!(kinds("8 912 345 67 89"), [K::Phone]);
        assert_eq!(kinds("89123456789"), [K::Phone]);
        assert_eq!(kinds("8(34342)2-12-34"), [K::Phone]);
        assert_eq!(kinds("7-912-345-67-89"), [K::Phone]);
        assert_eq!(kinds("СНИЛС 112-233-445 95"), [K::Snils]);
        assert_eq!(kinds("паспорт 4506123456"), [K::Passport]);
        assert_eq!(kinds("серия 45 06 № 123456"), [K::Passport]);
        assert_eq!(kinds("карта 4111 1111 1111 1111"), [K::BankCard]);
        assert_eq!(kinds("с карты 8182 4328 5457 4942"), [K::BankCard]);
        assert_eq!(kinds("пишите ivan.petrov@mail.ru."), [K::Email]);
        assert!(
            kinds("12.03.2024 в 15:30, 15 000 руб., 77:01:0004012:1234, № 1404, 620014").is_empty()
        );
    }

    /// A legal entity's identifiers and request numbers are not personal data (the issue's
    /// examples from real petitions); an individual's 12-digit ИНН is.
    #[test]
    fn organisations_and_requests_are_not_persons() {
        use DetectionKind as K;
        for t in [
            "ООО \"Жилкомсервис № 2\" (ИНН 7804347647) не убирает двор",
            "управляющая компания, ИНН 7804347647, КПП 780401001, ОГРН 1027700132195",
            "ОГРН 1027700132195",
            "1027700132195",
            "7804347647",
            "Прошу закрыть заявку, номер 782 997 857 2811, проблема не решена",
            "по обращению 912 345 67 89 ответа нет",
            "лицевой счёт 9123456789",
            "номер заказа 912 345 6789",
        ] {
            assert!(kinds(t).is_empty(), "{t}: {:?}", kinds(t));
        }
        assert_eq!(kinds("мой ИНН 500100732259"), [K::Inn]);
        assert_eq!(kinds("500100732259"), [K::Inn]);
        assert_eq!(kinds("по заявке звоните 8 912 345 67 89"), [K::Phone]);
        assert!(kinds("домов по улице Гастелло 10-12-14").is_empty());
        assert_eq!(kinds("тел. 643-98-28"), [K::Phone]);
        assert!(ogrn_valid(&ds("1027700132195")));
        assert!(!ogrn_valid(&ds("1027700132194")));
    }
}
