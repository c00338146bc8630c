//! The duplicate-detection fingerprint.
//!
//! Normalisation, in order, per character: `й`/`ё` written with a combining mark are
//! composed, other combining marks (U+0300–U+036F) are dropped; look-alike Latin letters
//! `a b c e h k m o p t x y` (either case) become `а в с е н к м о р т х у`; `ё` becomes `е`;
//! letters are lowercased (Unicode simple lowercase); every other letter or digit is kept;
//! every other character (punctuation, symbols, white space) is a separator. Runs of
//! separators become one space, and leading/trailing separators are dropped. The fingerprint
//! is the lowercase hex SHA-256 of the UTF-8 of the result.
//!
//! Every message is fingerprinted on validation, so the normaliser reads bytes: ASCII and the
//! basic Russian alphabet (nearly every byte of a message) are folded by byte arithmetic, and
//! only other characters go through [`fold_fingerprint`]. The normalised bytes are written
//! to a stack buffer that is handed to the hash (or to a `String`) when full, so the
//! fingerprint allocates nothing but its 64-character answer.

use super::normalize::{fold_fingerprint, is_combining, lower_ru_pair};
use sha2::{Digest, Sha256};

/// The normalised form the fingerprint hashes (exposed for tests and debugging).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = Vec::with_capacity(text.len());
    normalize_into(text, |chunk| out.extend_from_slice(chunk));
    // Only whole UTF-8 characters are ever written, so this never takes the lossy branch.
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// SHA-256 of the normalised text, lowercase hex.
pub(crate) fn fingerprint(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut hasher = Sha256::new();
    normalize_into(text, |chunk| hasher.update(chunk));
    let digest = hasher.finalize();
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        for nibble in [byte >> 4, byte & 0x0f] {
            // `nibble` is below 16, so the lookup always succeeds.
            hex.push(HEX.get(usize::from(nibble)).map_or('0', |&h| char::from(h)));
        }
    }
    hex
}

/// The UTF-8 of `й`, which replaces an `и` followed by a combining breve.
const SHORT_I: [u8; 2] = [0xD0, 0xB9];
/// The UTF-8 of `и`.
const I: [u8; 2] = [0xD0, 0xB8];
/// The UTF-8 of U+0306 COMBINING BREVE.
const BREVE: char = '\u{0306}';

/// Writes the normalised text of `text` to `sink` in chunks.
fn normalize_into(text: &str, sink: impl FnMut(&[u8])) {
    let mut w = Writer::new(sink);
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b < 0x80 {
            match fold_ascii(b) {
                Folded::One(x) => w.letter([x]),
                Folded::Two(x) => w.letter(x),
                Folded::Separator => w.separator(),
            }
            i += 1;
            continue;
        }
        // A run of lowercase basic Russian letters (most of a message) is copied as it is.
        let run = lowercase_run(bytes, i);
        if run > i {
            if let Some(letters) = bytes.get(i..run) {
                w.run(letters);
            }
            i = run;
            continue;
        }
        if let Some(&b2) = bytes.get(i + 1) {
            let basic = match (lower_ru_pair(b, b2), b, b2) {
                (Some((x, y)), _, _) => Some([x, y]),
                // Ё, ё → е.
                (None, 0xD0, 0x81) | (None, 0xD1, 0x91) => Some([0xD0, 0xB5]),
                _ => None,
            };
            if let Some(x) = basic {
                w.letter(x);
                i += 2;
                continue;
            }
        }
        // Any other character: decode it and fold it by the general rule.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c == BREVE && w.last_is_i {
            w.replace_last(&SHORT_I);
            continue;
        }
        if is_combining(c) {
            continue;
        }
        match fold_fingerprint(c) {
            Some(f) => {
                let mut buf = [0u8; 4];
                let n = f.encode_utf8(&mut buf).len();
                match n {
                    1 => w.letter([buf[0]]),
                    2 => w.letter([buf[0], buf[1]]),
                    3 => w.letter([buf[0], buf[1], buf[2]]),
                    _ => w.letter(buf),
                }
            }
            None => w.separator(),
        }
    }
    w.finish();
}

/// The end of the run of lowercase `а`–`я` (two bytes each, already in normalised form)
/// that starts at `i`; `i` itself when there is none.
fn lowercase_run(bytes: &[u8], mut i: usize) -> usize {
    while let Some(&[x, y]) = bytes.get(i..i + 2).and_then(|p| <&[u8; 2]>::try_from(p).ok()) {
        // `а`–`я` are U+0430–U+044F: a lead byte D0/D1 and a code point in that range,
        // tested without a branch per byte value (the letters alternate between D0 and D1).
        let code = (u32::from(x & 0x1F) << 6) | u32::from(y & 0x3F);
        if (x & 0xFE) != 0xD0 || code.wrapping_sub(0x430) >= 0x20 {
            break;
        }
        i += 2;
    }
    i
}

/// How one ASCII byte folds.
enum Folded {
    /// A one-byte letter or digit (lowercased).
    One(u8),
    /// A look-alike Latin letter, as the two bytes of its Cyrillic letter.
    Two([u8; 2]),
    /// Punctuation, a symbol or white space.
    Separator,
}

/// [`fold_fingerprint`] of an ASCII character, by byte.
fn fold_ascii(b: u8) -> Folded {
    let cyr = |x: u8, y: u8| Folded::Two([x, y]);
    match b.to_ascii_lowercase() {
        b'a' => cyr(0xD0, 0xB0),
        b'b' => cyr(0xD0, 0xB2),
        b'c' => cyr(0xD1, 0x81),
        b'e' => cyr(0xD0, 0xB5),
        b'h' => cyr(0xD0, 0xBD),
        b'k' => cyr(0xD0, 0xBA),
        b'm' => cyr(0xD0, 0xBC),
        b'o' => cyr(0xD0, 0xBE),
        b'p' => cyr(0xD1, 0x80),
        b't' => cyr(0xD1, 0x82),
        b'x' => cyr(0xD1, 0x85),
        b'y' => cyr(0xD1, 0x83),
        l if l.is_ascii_alphanumeric() => Folded::One(l),
        _ => Folded::Separator,
    }
}

/// Capacity of the stack buffer between the normaliser and its sink.
const CHUNK: usize = 256;

/// Collects normalised bytes on the stack: separators collapse to one space written only
/// before a following letter, and the last letter stays in the buffer until another one
/// arrives, so a combining breve after it can still turn `и` into `й`.
struct Writer<F: FnMut(&[u8])> {
    buf: [u8; CHUNK],
    len: usize,
    sink: F,
    /// Something was written: a separator before the first letter is dropped.
    started: bool,
    /// A separator was seen since the last letter.
    pending_space: bool,
    /// The last character written is `и`.
    last_is_i: bool,
}

impl<F: FnMut(&[u8])> Writer<F> {
    fn new(sink: F) -> Self {
        Self { buf: [0; CHUNK], len: 0, sink, started: false, pending_space: false, last_is_i: false }
    }

    #[inline(always)]
    fn separator(&mut self) {
        self.pending_space = true;
    }

    #[inline(always)]
    fn letter<const N: usize>(&mut self, bytes: [u8; N]) {
        // At most a space and a four-byte character follow; everything buffered is final
        // once a new letter arrives, so the buffer may be flushed here.
        if self.len + 5 > CHUNK {
            self.flush();
        }
        if self.pending_space && self.started {
            self.push([b' ']);
        }
        self.pending_space = false;
        self.started = true;
        self.push(bytes);
        self.last_is_i = N == 2 && bytes.get(..2) == Some(&I[..]);
    }

    fn replace_last(&mut self, bytes: &[u8; 2]) {
        if let Some(tail) = self.len.checked_sub(2).and_then(|at| self.buf.get_mut(at..self.len)) {
            tail.copy_from_slice(bytes);
        }
        self.last_is_i = false;
    }

    /// Writes a run of whole two-byte letters; like [`Self::letter`] for each of them.
    fn run(&mut self, letters: &[u8]) {
        if self.len + 1 + letters.len() > CHUNK {
            self.flush();
        }
        if self.pending_space && self.started {
            self.push([b' ']);
        }
        self.pending_space = false;
        self.started = true;
        // The last letter stays buffered (see `replace_last`); a run longer than the buffer
        // goes to the sink directly, after what is buffered.
        let (direct, kept) = letters.split_at(letters.len().saturating_sub(CHUNK - 2).min(letters.len()) & !1);
        if !direct.is_empty() {
            self.flush();
            (self.sink)(direct);
        }
        if let Some(dst) = self.buf.get_mut(self.len..self.len + kept.len()) {
            dst.copy_from_slice(kept);
            self.len += kept.len();
        }
        self.last_is_i = letters.ends_with(&I);
    }

    #[inline(always)]
    fn push<const N: usize>(&mut self, bytes: [u8; N]) {
        if let Some(dst) = self.buf.get_mut(self.len..self.len + N) {
            dst.copy_from_slice(&bytes);
            self.len += N;
        }
    }

    fn flush(&mut self) {
        if let Some(chunk) = self.buf.get(..self.len) {
            (self.sink)(chunk);
        }
        self.len = 0;
    }

    fn finish(mut self) {
        self.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The normalisation rule written out character by character: the specification the
    /// byte-level normaliser must agree with.
    fn by_chars(text: &str) -> String {
        let mut out = String::new();
        let mut pending_space = false;
        for c in text.chars() {
            if c == BREVE && out.ends_with('и') {
                out.pop();
                out.push('й');
                continue;
            }
            if is_combining(c) {
                continue;
            }
            match fold_fingerprint(c) {
                Some(f) => {
                    if pending_space && !out.is_empty() {
                        out.push(' ');
                    }
                    pending_space = false;
                    out.push(f);
                }
                None => pending_space = true,
            }
        }
        out
    }

    #[test]
    fn normalisation() {
        assert_eq!(normalize("  Ёлка,  ул.Ленина!!  "), "елка ул ленина");
        assert_eq!(normalize("Mусор"), "мусор");
        assert_eq!(normalize("И\u{0306}од, и.\u{0306}x"), "йод й х");
        assert_eq!(fingerprint("Яма на дороге"), fingerprint("ЯМА  на дороге!!!"));
        assert_ne!(fingerprint("дом 5"), fingerprint("дом 6"));
        assert_eq!(
            fingerprint(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(fingerprint("abc").len(), 64);
    }

    #[test]
    fn long_texts_cross_the_buffer() {
        for n in [CHUNK - 3, CHUNK - 2, CHUNK - 1, CHUNK, 3 * CHUNK + 1] {
            let text = format!("{}и\u{0306} Ґ ẞ İ", "ж".repeat(n / 2));
            assert_eq!(normalize(&text), by_chars(&text), "{n}");
            let text = format!("{}и\u{0306}", "x".repeat(n));
            assert_eq!(normalize(&text), by_chars(&text), "{n}");
        }
    }

    proptest! {
        #[test]
        fn bytes_agree_with_the_rule(text in "([a-zA-Z0-9 .,!?@_-]|[а-яА-ЯёЁ]|[ґєіїҐЄІЇẞİΣ]|\u{0306}|\u{0301}|\u{0308}|😀|\u{00A0}){0,400}") {
            prop_assert_eq!(normalize(&text), by_chars(&text));
        }

        #[test]
        fn any_text_agrees_with_the_rule(text in any::<String>()) {
            prop_assert_eq!(normalize(&text), by_chars(&text));
        }
    }
}
