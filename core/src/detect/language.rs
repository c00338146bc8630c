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

/// Keyboard runs of four keys that occur in no ordinary Russian or English word.
const KEYBOARD_RUNS: &[&str] = &[
    "фыва", "ывап", "ывао", "ываф", "олдж", "лджэ", "йцук", "цуке", "укен", "нгшщ", "гшщз", "шщзх",
    "ячсм", "чсми", "тьбю", "жэхъ", "asdf", "sdfg", "dfgh", "fghj", "ghjk", "hjkl", "qwer", "wert",
    "rtyu", "tyui", "yuio", "uiop", "zxcv", "xcvb", "cvbn", "vbnm", "qwas",
];

/// [`KEYBOARD_RUNS`] as sorted four-letter arrays for binary search.
fn keyboard_table() -> Vec<[char; 4]> {
    let mut v: Vec<[char; 4]> = KEYBOARD_RUNS
        .iter()
        .map(|k| {
            let mut a = [' '; 4];
            for (slot, c) in a.iter_mut().zip(k.chars()) {
                *slot = c;
            }
            a
        })
        .collect();
    v.sort_unstable();
    v
}

fn is_vowel(c: char) -> bool {
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

fn is_link(token: &str) -> bool {
    if !token.contains(['.', '@', ':']) {
        return false;
    }
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
        let tld_ok = matches!(
            tld,
            "ru" | "рф" | "com" | "org" | "net" | "su" | "info" | "io"
        );
        return tld_ok && !name.is_empty();
    }
    false
}

/// Whether a lowercased letters-only word looks like keyboard mash.
pub(crate) fn is_mash(w: &[char], keyboard: &[[char; 4]]) -> bool {
    let n = w.len();
    if n < 4 {
        return false;
    }
    // a letter repeated four times
    let mut run = 1;
    for pair in w.windows(2) {
        if let [a, b] = pair {
            if a == b {
                run += 1;
                if run >= 4 {
                    return true;
                }
            } else {
                run = 1;
            }
        }
    }
    // keyboard runs: compare each window of four letters with the runs' first letters first
    let hit = w.windows(4).any(|win| {
        if win.first().is_some_and(|c| {
            !matches!(
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
        }) {
            return false;
        }
        let mut key = [' '; 4];
        for (k, c) in key.iter_mut().zip(win) {
            *k = *c;
        }
        keyboard.binary_search(&key).is_ok()
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
            let same = w
                .iter()
                .zip(w.iter().skip(p))
                .filter(|(a, b)| a == b)
                .count();
            if same * 10 >= (n - p) * 9 {
                return true;
            }
        }
    }
    let vowels = w.iter().filter(|c| is_vowel(**c)).count();
    if vowels == 0 && n >= 5 {
        return true;
    }
    let mut cons = 0;
    for &c in w {
        if is_vowel(c) || c == 'ь' || c == 'ъ' {
            cons = 0;
        } else {
            cons += 1;
            if cons >= 6 {
                return true;
            }
        }
    }
    false
}

/// Returns `(not_russian, unreadable)`.
pub(crate) fn classify(text: &str) -> (bool, bool) {
    if text.trim().is_empty() {
        return (false, false);
    }
    // The flags describe the text as a whole: the first 64 KiB are a faithful sample, and
    // looking no further keeps a 10 MB text cheap.
    let mut cut = text.len().min(SAMPLE_BYTES);
    while cut < text.len() && !text.is_char_boundary(cut) {
        cut += 1;
    }
    let text = text.get(..cut).unwrap_or(text);
    let keyboard = keyboard_table();
    let mut letters = 0usize;
    let mut cyr = 0usize;
    let mut mash = 0usize;
    let mut real_words = 0usize;
    let mut word: Vec<char> = Vec::new();
    for token in text.split_whitespace() {
        let chars = token.chars().count();
        if is_link(token) {
            // a link reads as letters of neither language
            letters += chars;
            cyr += chars;
            real_words += 1;
            continue;
        }
        let tok_letters = token.chars().filter(|c| is_letter(*c)).count();
        let tok_cyr = token.chars().any(is_cyrillic);
        letters += tok_letters;
        if tok_cyr {
            cyr += tok_letters;
        }
        // mash is judged on each run of letters in the token
        word.clear();
        let flush = |word: &mut Vec<char>, mash: &mut usize, real: &mut usize| {
            if is_mash(word, &keyboard) {
                *mash += word.len();
            } else if word.len() >= 2 {
                *real += 1;
            }
            word.clear();
        };
        for c in token.chars() {
            if is_letter(c) {
                word.push(lower(c));
            } else {
                flush(&mut word, &mut mash, &mut real_words);
            }
        }
        flush(&mut word, &mut mash, &mut real_words);
    }
    let unreadable = letters == 0 || real_words == 0 || mash * 2 >= letters;
    let not_russian = !unreadable && letters >= 3 && cyr * 2 < letters;
    (not_russian, unreadable)
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
        assert_eq!(classify("ffffffff"), (false, true));
        assert_eq!(classify("???!!!"), (false, true));
        assert_eq!(
            classify("Не работает Wi-Fi в парке, см. https://example.com/park"),
            (false, false)
        );
    }
}
