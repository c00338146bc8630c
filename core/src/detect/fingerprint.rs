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
//! Every message is fingerprinted on validation, and the hash itself (SHA-NI) costs about as
//! much as reading the text once, so the normaliser is built not to cost much more than
//! that. Nearly all of a message is lowercase basic Russian letters with single spaces
//! between them, which are already in normalised form, so the fast path only has to
//! recognise them and copy bytes: it judges the text sixteen bytes at a time, each byte by
//! itself and its two neighbours ([`continues`]; UTF-8 lets each byte be judged so), in
//! branch-free code that the compiler turns into a few vector instructions (SSE2 on x86-64;
//! where there are none, as on wasm32 without SIMD, the same code runs byte by byte with
//! the same result), stores all sixteen bytes to the output and moves on by the copied
//! prefix. When all sixteen are copied (most blocks) the next address does not wait for
//! the judgement, so the processor runs ahead. Characters that stop the copy take a slower
//! path one at a time: ASCII through a table, `А`–`Я` and `Ё`/`ё` by byte arithmetic, and
//! only the rest through [`fold_fingerprint`].
//!
//! For the hash, the output goes to a 1 KiB stack buffer with slack for those sixteen-byte
//! stores, handed on in large chunks, so a typical message is hashed in one call and the
//! fingerprint allocates nothing but its 64-character answer. A separator writes its one
//! space at once after a letter, and the end drops a trailing one, so that spaces copied
//! from the text and spaces written for separators are the same thing; a combining breve
//! looks at the buffer's tail for the `и` it completes (before that space, if any), and a
//! flush keeps that tail, instead of a state kept for every letter written.
//!
//! The normalised text itself ([`normalize`]) is written by the same normaliser to a
//! `String` instead ([`Out`] is what the two have in common): a run copied as it is goes in
//! as the slice of the text it is, so only the few characters written one at a time are
//! checked as UTF-8 again; checking all of it, for a `String` made from bytes, cost more
//! than the normalising.

use super::normalize::{fold_fingerprint, is_combining, lower_ru_pair};
use sha2::{Digest, Sha256};

/// The normalised form the fingerprint hashes (exposed for tests and debugging).
///
/// Built as a `String` from the start ([`Text`]), not as bytes turned into one at the end:
/// that turn validates the UTF-8 again, character by character, which cost more than the
/// normalising itself.
pub(crate) fn normalize(text: &str) -> String {
    let mut out = Text(String::with_capacity(text.len()));
    normalize_into(text, &mut out);
    out.0
}

/// SHA-256 of the normalised text, lowercase hex.
pub(crate) fn fingerprint(text: &str) -> String {
    let mut hasher = Sha256::new();
    let mut buf = [0u8; CHUNK];
    normalize_into(text, &mut Writer::new(&mut buf, |chunk: &[u8]| hasher.update(chunk)));
    let digest = hasher.finalize();
    let mut hex = [0u8; 64];
    for (pair, &byte) in hex.chunks_exact_mut(2).zip(digest.iter()) {
        // A byte indexes all of the table, so the lookup always succeeds.
        if let Some(digits) = HEX_PAIRS.get(usize::from(byte)) {
            pair.copy_from_slice(digits);
        }
    }
    // ASCII digits and letters only, so this never takes the empty branch.
    std::str::from_utf8(&hex).map(String::from).unwrap_or_default()
}

/// The two lowercase hex digits of every byte, so that the answer is written a byte (two
/// digits) at a time rather than a digit at a time. Built at compile time.
static HEX_PAIRS: [[u8; 2]; 256] = hex_pairs();

/// Builds [`HEX_PAIRS`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn hex_pairs() -> [[u8; 2]; 256] {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut table = [[0u8; 2]; 256];
    let mut b = 0usize;
    while b < 256 {
        table[b] = [HEX[b >> 4], HEX[b & 0x0f]];
        b += 1;
    }
    table
}

/// U+0306 COMBINING BREVE, which turns a preceding `и` into `й`.
const BREVE: char = '\u{0306}';

/// Where the normaliser writes: the bytes for the hash ([`Writer`]) or the `String` that
/// [`normalize`] returns ([`Text`]). Both write the same text.
trait Out {
    /// Writes the run of lowercase letters and single spaces that starts at `i` (at a
    /// character boundary) as it is, and returns where it ends; `i` when there is none.
    fn verbatim(&mut self, text: &str, i: usize) -> usize;
    /// Writes one character: the first `n` of the four bytes of `packed` (UTF-8,
    /// little-endian).
    fn put(&mut self, packed: u32, n: usize);
    /// A separator: one space after a letter, nothing after a space or at the start.
    fn separator(&mut self);
    /// A combining breve: `и` before it becomes `й`, with a separator between them or not
    /// (the separator's space is already written); otherwise the breve is dropped.
    fn breve(&mut self);
    /// The end of the text: drops a trailing space and hands on what is left.
    fn finish(&mut self);
}

/// Writes the normalised text of `text` to `w`.
fn normalize_into(text: &str, w: &mut impl Out) {
    let bytes = text.as_bytes();
    let mut i = 0usize;
    loop {
        // Lowercase letters and single spaces, as they are, sixteen bytes at a time.
        i = w.verbatim(text, i);
        // Then one character at a time, up to the next lowercase letter.
        loop {
            let Some(&b) = bytes.get(i) else {
                w.finish();
                return;
            };
            if b < 0x80 {
                match ASCII.get(usize::from(b)) {
                    Some(&packed) if packed != 0 => w.put(packed, (packed >> 24) as usize),
                    _ => w.separator(),
                }
                i += 1;
                continue;
            }
            if let Some(&b2) = bytes.get(i + 1) {
                let lower = match (lower_ru_pair(b, b2), b, b2) {
                    (Some(pair), _, _) if pair == (b, b2) => break,
                    (Some((x, y)), _, _) => Some([x, y]),
                    // Ё, ё → е.
                    (None, 0xD0, 0x81) | (None, 0xD1, 0x91) => Some([0xD0, 0xB5]),
                    _ => None,
                };
                if let Some([x, y]) = lower {
                    w.put(u32::from(x) | u32::from(y) << 8, 2);
                    i += 2;
                    continue;
                }
            }
            // Any other character: decode it and fold it by the general rule.
            let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
                w.finish();
                return;
            };
            i += c.len_utf8();
            if c == BREVE {
                w.breve();
            } else if is_combining(c) {
                continue;
            } else if let Some(f) = fold_fingerprint(c) {
                let mut utf8 = [0u8; 4];
                let n = f.encode_utf8(&mut utf8).len();
                w.put(u32::from_le_bytes(utf8), n);
            } else {
                w.separator();
            }
        }
    }
}

/// How many bytes the verbatim copy judges at once.
const LANES: usize = 16;

/// One step of the verbatim copy: the byte before the block, the [`LANES`] bytes of the
/// block and the byte after it.
type Window = [u8; LANES + 2];

/// Whether the byte `c` of a block, between `before` and `after`, continues the verbatim
/// copy, given that every byte before it in the block does (and, for the first byte, that
/// the copy goes on from the block before or starts at a character boundary, with `before`
/// a space at the start of the text): the first byte for which it is false is where the
/// copy stops. A lowercase `а`–`п` is D0 B0..BF and `р`–`я` D1 80..8F, so a first byte D0
/// or D1 is judged by the byte after it; a second byte then always continues (its first
/// byte before it was judged with it, and in UTF-8 any other second byte follows a first
/// byte that does not continue); a space continues after anything but a space (anything
/// else before it that continues is a letter's second byte). So each byte is judged with
/// its neighbours alone, and a block's bytes all at once, which the compiler turns into a
/// few vector instructions.
#[inline(always)]
fn continues(before: u8, c: u8, after: u8) -> bool {
    // Compared as signed bytes, which is what vector instructions compare: 80..BF are
    // -128..-65, B0.. is -80.., ..8F is ..-113. (After D0, UTF-8 allows only 80..BF.)
    let (c_signed, after_signed) = (c as i8, after as i8);
    ((c == 0xD0) & (after_signed >= -0x50))
        | ((c == 0xD1) & (after_signed < -0x70))
        | (c_signed < -0x40)
        | ((c == b' ') & (before != b' '))
}

/// The block in `w` and which of its bytes continue the verbatim copy ([`continues`]),
/// FF for those that do and 0 for the others.
#[inline(always)]
fn judge(w: &Window) -> (&[u8; LANES], [u8; LANES]) {
    let mut taken = [0u8; LANES];
    let (Some(before), Some(block), Some(after)) = (
        w.first_chunk::<LANES>(),
        w.get(1..=LANES).and_then(|b| <&[u8; LANES]>::try_from(b).ok()),
        w.last_chunk::<LANES>(),
    ) else {
        // The three always exist.
        return (&[0; LANES], taken);
    };
    for (t, ((&b, &c), &a)) in taken.iter_mut().zip(before.iter().zip(block).zip(after)) {
        *t = if continues(b, c, a) { 0xFF } else { 0 };
    }
    (block, taken)
}

/// How many bytes from the first the verbatim copy takes, given [`judge`]'s flags: up to
/// the first byte that does not continue it, which is a character boundary (a first byte
/// of a letter continues only with its second after it).
#[inline(always)]
fn prefix(taken: [u8; LANES]) -> usize {
    (!u128::from_le_bytes(taken)).trailing_zeros() as usize / 8
}

/// The window at `i` when the text runs short of it or `i` is 0: a space before the text
/// (so that a leading space is not copied) and zeros past its end (a zero byte does not
/// continue the copy).
#[cold]
#[inline(never)]
fn padded(bytes: &[u8], i: usize) -> Window {
    let mut w = [0u8; LANES + 2];
    let (before, rest) = w.split_at_mut(1);
    for b in before {
        *b = i.checked_sub(1).and_then(|j| bytes.get(j)).copied().unwrap_or(b' ');
    }
    for (b, &t) in rest.iter_mut().zip(bytes.get(i..).unwrap_or_default()) {
        *b = t;
    }
    w
}

/// Reads the run of lowercase letters and single spaces that starts at `i` (at a character
/// boundary) [`LANES`] bytes at a time, hands each block to `copy` with the number of its
/// bytes the run takes and returns where the run ends; `i` when there is none.
#[inline(always)]
fn verbatim(bytes: &[u8], mut i: usize, mut copy: impl FnMut(&[u8; LANES], usize)) -> usize {
    loop {
        let pad;
        // At 0, the start `usize::MAX` is past the end: no window.
        let w = match bytes.get(i.wrapping_sub(1)..i + LANES + 1).and_then(|w| w.try_into().ok()) {
            Some(w) => w,
            None => {
                pad = padded(bytes, i);
                &pad
            }
        };
        let (block, taken) = judge(w);
        if taken == [0xFF; LANES] {
            // All of them (the last may start a letter that the next block ends): the
            // common case, where the next load does not wait for this block's judgement.
            copy(block, LANES);
            i += LANES;
            continue;
        }
        let n = prefix(taken);
        copy(block, n);
        return i + n;
    }
}

/// [`fold_fingerprint`] of each ASCII character, packed for [`Out::put`]: the UTF-8 bytes
/// of the folded character in the low bytes and their count in the top byte; zero for a
/// separator. Built at compile time.
static ASCII: [u32; 128] = ascii_folds();

/// Builds [`ASCII`] in `const` evaluation.
#[allow(clippy::indexing_slicing)]
const fn ascii_folds() -> [u32; 128] {
    /// A look-alike Latin letter: the two bytes of its Cyrillic letter.
    const fn cyr(x: u8, y: u8) -> u32 {
        x as u32 | (y as u32) << 8 | 2 << 24
    }
    let mut table = [0u32; 128];
    let mut b = 0u8;
    while b < 128 {
        let l = b.to_ascii_lowercase();
        table[b as usize] = match l {
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
            b'a'..=b'z' | b'0'..=b'9' => l as u32 | 1 << 24,
            _ => 0,
        };
        b += 1;
    }
    table
}

/// Hands `buf[..len]` but its last [`KEEP`] bytes to `sink` and moves those to the front
/// (`len` is more than [`KEEP`]). Takes the writer's fields one by one, so that calling it
/// does not keep the writer's length out of a register.
#[cold]
#[inline(never)]
fn flush(buf: &mut [u8; CHUNK], len: usize, sink: &mut impl FnMut(&[u8])) {
    let cut = len.saturating_sub(KEEP);
    let tail = buf.get(cut..cut + KEEP).and_then(|t| <[u8; KEEP]>::try_from(t).ok());
    if let (Some(done), Some(tail)) = (buf.get(..cut), tail) {
        sink(done);
        if let Some(head) = buf.get_mut(..KEEP) {
            head.copy_from_slice(&tail);
        }
    }
}

/// Capacity of the stack buffer between the normaliser and its sink.
const CHUNK: usize = 1024;
/// Bytes a flush leaves in the buffer: enough for an `и` and a space after it (see
/// [`Writer::breve`]).
const KEEP: usize = 4;

/// Collects normalised bytes on the stack. Every store writes a fixed [`LANES`] or four
/// bytes and counts only those that belong, so the buffer keeps [`LANES`] bytes of slack. A separator
/// writes its one space right after a letter; [`Self::finish`] drops a space at the end.
struct Writer<'b, F: FnMut(&[u8])> {
    /// The bytes not yet handed to `sink`, in `buf[..len]`. Borrowed, not owned, so that
    /// the writer's own fields stay in registers.
    buf: &'b mut [u8; CHUNK],
    /// How much of `buf` is written.
    len: usize,
    /// Takes the normalised text, chunk by chunk.
    sink: F,
}

impl<'b, F: FnMut(&[u8])> Writer<'b, F> {
    /// An empty writer in front of `sink`, writing to `buf`.
    fn new(buf: &'b mut [u8; CHUNK], sink: F) -> Self {
        Self { buf, len: 0, sink }
    }

    /// The last byte written, if any (kept across flushes).
    #[inline(always)]
    fn last(&self) -> Option<u8> {
        self.buf.get(self.len.wrapping_sub(1)).copied()
    }

    /// Makes room for a store of [`LANES`] bytes.
    #[inline(always)]
    fn room(&mut self) {
        if self.len > CHUNK - LANES {
            flush(self.buf, self.len, &mut self.sink);
            self.len = KEEP;
        }
    }

    /// Writes the first `n` bytes of `block`.
    #[inline(always)]
    fn copy(&mut self, block: &[u8; LANES], n: usize) {
        // All of the block is stored; what is past `n` is slack.
        self.room();
        if let Some(dst) = self.buf.get_mut(self.len..self.len + LANES) {
            dst.copy_from_slice(block);
            self.len += n;
        }
    }
}

impl<F: FnMut(&[u8])> Out for Writer<'_, F> {
    #[inline(always)]
    fn verbatim(&mut self, text: &str, i: usize) -> usize {
        verbatim(text.as_bytes(), i, |block, n| self.copy(block, n))
    }

    #[inline(always)]
    fn put(&mut self, packed: u32, n: usize) {
        self.room();
        if let Some(dst) = self.buf.get_mut(self.len..self.len + 4) {
            dst.copy_from_slice(&packed.to_le_bytes());
            self.len += n;
        }
    }

    /// A separator: one space after a letter, nothing after a space or at the start.
    #[inline(always)]
    fn separator(&mut self) {
        if matches!(self.last(), Some(b) if b != b' ') {
            self.put(u32::from(b' '), 1);
        }
    }

    /// A combining breve: `и` before it becomes `й`, with a separator between them or not
    /// (the separator's space is already written); otherwise the breve is dropped.
    fn breve(&mut self) {
        let end = if self.last() == Some(b' ') { self.len - 1 } else { self.len };
        if let Some([0xD0, second @ 0xB8]) = self.buf.get_mut(end.wrapping_sub(2)..end) {
            *second = 0xB9;
        }
    }

    /// Hands the rest to the sink, without a trailing space.
    fn finish(&mut self) {
        if self.last() == Some(b' ') {
            self.len -= 1;
        }
        if let Some(rest) = self.buf.get(..self.len) {
            (self.sink)(rest);
        }
    }
}

/// The normalised text as a `String`, for [`normalize`]. A run copied as it is is pushed as
/// the slice of the text it is (a `&str` already), and each other character as itself (its
/// at most four bytes checked), so the `String` is built without validating it all again.
struct Text(String);

impl Out for Text {
    #[inline(always)]
    fn verbatim(&mut self, text: &str, i: usize) -> usize {
        let end = verbatim(text.as_bytes(), i, |_, _| {});
        // Both ends are character boundaries, so the slice always exists.
        if let Some(run) = text.get(i..end) {
            self.0.push_str(run);
        }
        end
    }

    #[inline(always)]
    fn put(&mut self, packed: u32, n: usize) {
        if n == 2 {
            // A two-byte character (the lowercased capitals of a typical message), decoded
            // from its bits: `packed` is always a whole character, so this is exact and
            // cheaper than checking it as UTF-8.
            let c = (packed & 0x1F) << 6 | (packed >> 8 & 0x3F);
            if let Some(c) = char::from_u32(c) {
                self.0.push(c);
            }
            return;
        }
        // One whole character (at most four bytes), so this always succeeds.
        let utf8 = packed.to_le_bytes();
        if let Some(c) = utf8.get(..n).and_then(|b| std::str::from_utf8(b).ok()) {
            self.0.push_str(c);
        }
    }

    #[inline(always)]
    fn separator(&mut self) {
        if matches!(self.0.as_bytes().last(), Some(&b) if b != b' ') {
            self.0.push(' ');
        }
    }

    fn breve(&mut self) {
        let space = self.0.ends_with(' ');
        let end = self.0.len() - usize::from(space);
        if self.0.get(..end).is_some_and(|head| head.ends_with('и')) {
            self.0.truncate(end - 'и'.len_utf8());
            self.0.push_str(if space { "й " } else { "й" });
        }
    }

    fn finish(&mut self) {
        if self.0.ends_with(' ') {
            self.0.pop();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The normalised text through [`Writer`] (the bytes the hash reads), collected.
    fn via_writer(text: &str) -> String {
        let mut out = Vec::new();
        let mut buf = [0u8; CHUNK];
        let mut w = Writer::new(&mut buf, |chunk: &[u8]| out.extend_from_slice(chunk));
        normalize_into(text, &mut w);
        String::from_utf8(out).unwrap()
    }

    /// [`normalize`] (through [`Text`]), checked to be what [`Writer`] writes too.
    fn both(text: &str) -> String {
        let text_out = normalize(text);
        assert_eq!(via_writer(text), text_out, "{text:?}");
        text_out
    }

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
        assert_eq!(both("  Ёлка,  ул.Ленина!!  "), "елка ул ленина");
        assert_eq!(both("Mусор"), "мусор");
        assert_eq!(both("И\u{0306}од, и.\u{0306}x"), "йод й х");
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
        for n in (CHUNK - 20..CHUNK + 20).chain([2 * CHUNK - 9, 2 * CHUNK - 8, 3 * CHUNK + 1]) {
            let text = format!("{}и\u{0306} Ґ ẞ İ", "ж".repeat(n / 2));
            assert_eq!(both(&text), by_chars(&text), "{n}");
            let text = format!("{}и\u{0306}", "x".repeat(n));
            assert_eq!(both(&text), by_chars(&text), "{n}");
            // The verbatim copy across a flush, and a breve after a space right after one.
            for tail in ["и \u{0306}", "и\u{0306}", "и. \u{0306}ж"] {
                let text = format!("{}{}{tail}", "ж".repeat(n % 3), "жж ".repeat(n / 3));
                assert_eq!(both(&text), by_chars(&text), "{n} {tail:?}");
            }
        }
    }

    /// Every ASCII byte folds as [`fold_fingerprint`] says.
    #[test]
    fn ascii_table_agrees_with_the_rule() {
        for b in 0u8..128 {
            let packed = ASCII[usize::from(b)];
            let want = fold_fingerprint(char::from(b)).map(String::from).unwrap_or_default();
            let n = (packed >> 24) as usize;
            assert_eq!(&packed.to_le_bytes()[..n], want.as_bytes(), "{b:#x}");
        }
    }

    /// Texts of every length up to 72 bytes from pieces that end or do not end the verbatim
    /// copy, at every offset from the sixteen-byte blocks: lowercase letters, `ё`, capitals,
    /// look-alike Latin, spaces, the breve, four-byte characters.
    #[test]
    fn block_boundaries() {
        let pieces = [
            "а", "я", "п", "р", "и", " ", "  ", "ё", "Ё", "Я", "И", "x", "Z", "1", ".", ",",
            "\u{0306}", "\u{0308}", "😀", "ẞ", "Ѐ", "ѐ", "\u{00A0}",
        ];
        let mut seed = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut text = String::new();
            let target = (seed >> 40) as usize % 73;
            while text.len() < target {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                // Mostly lowercase letters, so that long verbatim runs form.
                let k = (seed % 64) as usize;
                text.push_str(if k >= pieces.len() { ["а", "и", "я", "п", "р", " "][k % 6] } else { pieces[k] });
            }
            for prefix in ["", "ж", "жж", "жжж", " ", "ж "] {
                let t = format!("{prefix}{text}");
                assert_eq!(both(&t), by_chars(&t), "{t:?}");
            }
        }
    }

    /// A breve at every position after `и`, with and without a separator between.
    #[test]
    fn breve_at_every_offset() {
        for n in 0..24 {
            for between in ["", " ", ".", " .", "\u{0301}"] {
                let text = format!("{}и{between}\u{0306}ж", "ж".repeat(n));
                assert_eq!(both(&text), by_chars(&text), "{text:?}");
                let text = format!("{}и{between}\u{0306}", "ж ".repeat(n));
                assert_eq!(both(&text), by_chars(&text), "{text:?}");
                let text = format!("{}И{between}\u{0306}", "x".repeat(n));
                assert_eq!(both(&text), by_chars(&text), "{text:?}");
            }
        }
    }

    proptest! {
        #[test]
        fn bytes_agree_with_the_rule(text in "([a-zA-Z0-9 .,!?@_-]|[а-яА-ЯёЁ]|[ґєіїҐЄІЇẞİΣ]|\u{0306}|\u{0301}|\u{0308}|😀|\u{00A0}){0,400}") {
            prop_assert_eq!(both(&text), by_chars(&text));
        }

        #[test]
        fn any_text_agrees_with_the_rule(text in any::<String>()) {
            prop_assert_eq!(both(&text), by_chars(&text));
        }

        /// Long texts of mostly lowercase letters and single spaces (the verbatim copy),
        /// across the buffer's size, with what interrupts it here and there.
        #[test]
        fn long_runs_agree_with_the_rule(text in "([а-я]{1,12}( |, |\\. [А-Я]|ё|x| и\u{0306}|😀|  )){0,300}") {
            prop_assert_eq!(both(&text), by_chars(&text));
        }
    }
}
