//! The languages a profile may accept messages in, and the script each is written in.
//!
//! The text check (`detect::language`) can tell a Cyrillic text from a Latin one, not Russian
//! from Yakut or Tatar. So a profile that accepts «на русском или якутском языке» still refuses
//! a text in Latin letters, and a profile that accepts a language written in another script
//! leaves the script check off rather than refuse a text the library cannot judge.
//!
//! Tags are ISO 639 codes; the scripts are the ones the republics' language laws make official
//! (Yakut, Tatar, Bashkir, Chuvash, Chechen, Komi, Mari, Udmurt, Buryat, Tuvan and Kalmyk in
//! Cyrillic).

/// The script a language is written in, as far as the text check can tell.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Script {
    /// Cyrillic letters (U+0400 to U+04FF).
    Cyrillic,
    /// Any other script.
    Other,
}

/// `(tag, Russian name in the prepositional phrase «на … языке», English name, script)`.
pub const LANGUAGES: &[(&str, &str, &str, Script)] = &[
    ("ru", "русском", "Russian", Script::Cyrillic),
    ("sah", "якутском", "Yakut", Script::Cyrillic),
    ("tt", "татарском", "Tatar", Script::Cyrillic),
    ("ba", "башкирском", "Bashkir", Script::Cyrillic),
    ("cv", "чувашском", "Chuvash", Script::Cyrillic),
    ("ce", "чеченском", "Chechen", Script::Cyrillic),
    ("kv", "коми", "Komi", Script::Cyrillic),
    ("chm", "марийском", "Mari", Script::Cyrillic),
    ("udm", "удмуртском", "Udmurt", Script::Cyrillic),
    ("bua", "бурятском", "Buryat", Script::Cyrillic),
    ("tyv", "тувинском", "Tuvan", Script::Cyrillic),
    ("xal", "калмыцком", "Kalmyk", Script::Cyrillic),
    ("en", "английском", "English", Script::Other),
];

/// The entry of a tag, `None` for a tag the library does not know.
pub fn language(tag: &str) -> Option<&'static (&'static str, &'static str, &'static str, Script)> {
    LANGUAGES.iter().find(|(t, ..)| *t == tag)
}

/// Whether every accepted language is written in Cyrillic, so that a text with fewer than half
/// Cyrillic letters is in none of them.
pub fn all_cyrillic(tags: &[String]) -> bool {
    tags.iter().all(|t| language(t).is_some_and(|l| l.3 == Script::Cyrillic))
}

/// «на русском или якутском языке» / «in Russian or Yakut», for the finding's text.
pub fn phrase(tags: &[String]) -> (String, String) {
    let names = |ru: bool| -> Vec<&str> {
        tags.iter().filter_map(|t| language(t)).map(|l| if ru { l.1 } else { l.2 }).collect()
    };
    let join = |names: Vec<&str>, or: &str| match names.split_last() {
        Some((last, [])) => (*last).to_string(),
        Some((last, rest)) => format!("{} {or} {last}", rest.join(", ")),
        None => String::new(),
    };
    (format!("на {} языке", join(names(true), "или")), format!("in {}", join(names(false), "or")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phrases_name_every_accepted_language() {
        let tags = vec!["ru".to_string(), "sah".to_string()];
        assert_eq!(phrase(&tags), ("на русском или якутском языке".to_string(), "in Russian or Yakut".to_string()));
        assert_eq!(phrase(&["ru".to_string()]).0, "на русском языке");
        assert!(all_cyrillic(&tags));
        assert!(!all_cyrillic(&["ru".to_string(), "en".to_string()]));
    }
}
