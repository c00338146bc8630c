//! The duplicate-detection fingerprint.
//!
//! Normalisation, in order, per character: `й`/`ё` written with a combining mark are
//! composed, other combining marks (U+0300–U+036F) are dropped; look-alike Latin letters
//! `a b c e h k m o p t x y` (either case) become `а в с е н к м о р т х у`; `ё` becomes `е`;
//! letters are lowercased (Unicode simple lowercase); every other letter or digit is kept;
//! every other character (punctuation, symbols, white space) is a separator. Runs of
//! separators become one space, and leading/trailing separators are dropped. The fingerprint
//! is the lowercase hex SHA-256 of the UTF-8 of the result.

use super::normalize::{fold_fingerprint, is_combining};
use sha2::{Digest, Sha256};

/// The normalised form the fingerprint hashes (exposed for tests and debugging).
pub(crate) fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        if c == '\u{0306}' && out.ends_with('и') {
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

/// SHA-256 of the normalised text, lowercase hex.
pub(crate) fn fingerprint(text: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let digest = Sha256::digest(normalize(text).as_bytes());
    let mut hex = String::with_capacity(64);
    for byte in digest.iter() {
        for nibble in [byte >> 4, byte & 0x0f] {
            // `nibble` is below 16, so the lookup always succeeds.
            hex.push(HEX.get(usize::from(nibble)).map_or('0', |&h| char::from(h)));
        }
    }
    hex
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalisation() {
        assert_eq!(normalize("  Ёлка,  ул.Ленина!!  "), "елка ул ленина");
        assert_eq!(normalize("Mусор"), "мусор");
        assert_eq!(
            fingerprint("Яма на дороге"),
            fingerprint("ЯМА  на дороге!!!")
        );
        assert_ne!(fingerprint("дом 5"), fingerprint("дом 6"));
        assert_eq!(
            fingerprint(""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(fingerprint("abc").len(), 64);
    }
}
