//! Text detectors: what the library can see in a message's text by itself.
//!
//! Moderators refuse messages for obscenity and must keep personal and medical data out of
//! public view (Essentuki 21, 31; Kislovodsk 6.3, 6.12; Tynda 3.3). These detectors find such
//! content so a portal can warn before a message is sent and a moderator sees why.
//! They are pure functions of the text; profiles decide which findings apply.
//!
//! How each detector works, its measured precision and recall and its known limits are in
//! `docs/detectors.md`. All detectors share one hand-written walk over the bytes (`walk`),
//! which also starts the personal-data scanners at each digit group and `@`: linear in the
//! text length, no allocation per character, and no panics on any input.

mod fingerprint;
mod language;
mod lexicon;
mod mash;
mod medical;
mod normalize;
mod obscenity;
mod personal;
mod profile_words;
mod walk;

pub use profile_words::{MAX_WORDS as MAX_PROFILE_WORDS, MAX_WORD_CHARS as MAX_PROFILE_WORD_CHARS};
pub(crate) use profile_words::{fold_entry, BadWord};

/// What a detector found, with the byte range in the original text.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct Detection {
    /// The kind of thing found.
    pub kind: DetectionKind,
    /// Byte offset of the first byte of the match in the original text.
    pub start: usize,
    /// Byte offset one past the last byte of the match.
    pub end: usize,
}

/// Kinds of content a detector reports.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    serde::Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DetectionKind {
    /// An obscene word (by root, after normalising look-alike letters).
    Obscenity,
    /// A phone number.
    Phone,
    /// An e-mail address.
    Email,
    /// A СНИЛС with a valid check number.
    Snils,
    /// An ИНН (10 or 12 digits) with valid check digits.
    Inn,
    /// A passport series and number.
    Passport,
    /// A bank card number passing the Luhn check.
    BankCard,
    /// A phrase about a person's health, diagnosis or treatment.
    Medical,
}

impl DetectionKind {
    /// Personal data kinds make a message non-public (Essentuki 31).
    pub fn is_personal_data(self) -> bool {
        matches!(
            self,
            Self::Phone | Self::Email | Self::Snils | Self::Inn | Self::Passport | Self::BankCard
        )
    }
}

/// Everything the detectors saw in one text.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize, schemars::JsonSchema,
)]
pub struct TextReport {
    /// All detections, in text order.
    pub detections: Vec<Detection>,
    /// The text is written mostly in something other than Russian.
    pub not_russian: bool,
    /// The text cannot be read: no words, keyboard mash, or mostly symbols.
    pub unreadable: bool,
}

/// Runs every detector over `text`.
///
/// Detections are sorted by start offset (then end); offsets are byte offsets into `text`
/// and always fall on character boundaries. Personal-data numbers inside an e-mail address
/// are reported as the e-mail only.
pub fn scan(text: &str) -> TextReport {
    scan_walk(text, true, &Detectors::opened())
}

/// The detectors' word lists (`rules/lexicons/`, compiled in by `core/build.rs`), opened for
/// scans. `Rules` keeps one, indexed, for all its messages.
pub(crate) struct Detectors {
    medical: lexicon::Lexicon,
    /// The profile's own `[lexicon]` words, when it adds any.
    profile: Option<profile_words::ProfileWords>,
}

impl std::fmt::Debug for Detectors {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Detectors")
    }
}

impl Detectors {
    /// The built-in lists, only opened: cheap enough for one scan.
    fn opened() -> Self {
        Detectors {
            medical: lexicon::Lexicon::medical(),
            profile: None,
        }
    }

    /// The built-in lists with the medical lexicon's first steps walked in advance (about
    /// a thousand look-ups), for many scans.
    pub(crate) fn indexed() -> Self {
        Detectors {
            medical: lexicon::Lexicon::medical_indexed(),
            profile: None,
        }
    }

    /// [`Detectors::indexed`] with a profile's own words (`[lexicon]`) compiled in beside the
    /// built-in lists.
    pub(crate) fn for_profile(obscene: &[String], medical: &[String]) -> Self {
        Detectors { profile: profile_words::ProfileWords::new(obscene, medical), ..Self::indexed() }
    }
}

/// [`scan`] with lists opened in advance ([`Detectors::indexed`]).
pub(crate) fn scan_with(text: &str, detectors: &Detectors) -> TextReport {
    scan_walk(text, true, detectors)
}

/// [`scan`], with the walk's bulk reading of plain words on or off (see `walk::Walk::new`).
fn scan_walk(text: &str, plain: bool, detectors: &Detectors) -> TextReport {
    // One walk over the text feeds every detector; the language flags see only the first
    // 64 KiB, so the walk stops there once to take them.
    let mut walk = walk::Walk::new(text, plain, &detectors.medical);
    let cut = language::sample_len(text);
    walk.run::<true>(0, cut);
    let (not_russian, unreadable) = walk.lang.finish(text, cut);
    if cut < text.len() {
        walk.run::<false>(cut, text.len());
    }
    walk.end();
    // The detectors' results are taken from the walk where it is, not moved out of it.
    let mut detections = Vec::new();
    walk.pieces.finish(text, &mut detections);
    // Both lists are in text order: walk them together (linear, not numbers × emails).
    let emails = &walk.emails;
    let mut k = 0usize;
    walk.numbers.retain(|n| {
        while emails.get(k).is_some_and(|e| e.end <= n.start) {
            k += 1;
        }
        !matches!(emails.get(k), Some(e) if e.start < n.end)
    });
    // The medical detections come after the personal data, as when the detectors ran apart
    // (the sort below is stable, so equal spans keep that order).
    detections.append(&mut walk.emails);
    detections.append(&mut walk.numbers);
    walk.words.end(&mut detections);
    // The profile's words are looked up apart from the walk: the built-in lexicons' pre-screens
    // know only the built-in words and would skip a text holding only a profile's.
    if let Some(words) = &detectors.profile {
        words.find(text, &mut detections);
    }
    detections.sort_by_key(|d| (d.start, d.end));
    TextReport {
        detections,
        not_russian,
        unreadable,
    }
}

/// A stable fingerprint of a message's text for duplicate detection (Essentuki 22).
///
/// Two texts that differ only in case, punctuation, white space or look-alike letters get the
/// same fingerprint; the value is the same on every platform and in every binding.
/// It is the lowercase hex SHA-256 (64 characters) of [`normalize_for_fingerprint`].
pub fn fingerprint(text: &str) -> String {
    fingerprint::fingerprint(text)
}

/// The normalised text that [`fingerprint`] hashes, so callers can show or compare it:
/// lowercase, `ё`→`е`, look-alike Latin letters as Cyrillic, punctuation and white space
/// collapsed to single spaces.
pub fn normalize_for_fingerprint(text: &str) -> String {
    fingerprint::normalize(text)
}

impl TextReport {
    /// Whether any detection of `kind` was made, for callers that only need a yes/no.
    pub fn has(&self, kind: DetectionKind) -> bool {
        self.detections.iter().any(|d| d.kind == kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words that stretches of plain words are made of, and the ones that end them: one-letter
    /// words (also spelling an obscene word letter by letter), capitals, obscene and medical
    /// words, words with digits, Latin and `ё`, keyboard mash, personal data.
    const WORDS: &[&str] = &[
        "во", "дворе", "дома", "на", "улице", "Пушкина", "мусор", "контейнеры", "к", "в", "и",
        "с", "о", "у", "я", "х", "у", "й", "б", "л", "ПРОШУ", "принять", "меры", "хуй", "пиздец",
        "бля", "ебать", "рубля", "команда", "тебя", "употреблять", "диагноз", "онкология",
        "лечение", "больница", "инвалид", "группы", "не", "болею", "лежит", "дома", "ёлка",
        "ещё", "mail", "test@mail.ru", "12", "+7", "912", "345-67-89", "кв.", "фывапролдж",
        "ывыв", "ааааа", "оооо", "щщщщщщ", "Иванова", "Мария", "сообщить", "о", "результатах",
        "х у й", "п и з д а", "б л я", "е б а т ь", "с у к а", "в к", "и в",
    ];
    const SEPARATORS: &[&str] = &[" ", " ", " ", ", ", ". ", ",", ".", "\n", "  ", " - ", "-", "! "];

    #[test]
    fn plain_words_read_as_the_general_path_does() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            usize::try_from(state % n as u64).unwrap_or(0)
        };
        let mut texts = Vec::new();
        for _ in 0..3000 {
            let mut text = String::new();
            for k in 0..1 + next(60) {
                if k > 0 {
                    text.push_str(SEPARATORS[next(SEPARATORS.len())]);
                }
                text.push_str(WORDS[next(WORDS.len())]);
            }
            if next(3) == 0 {
                text.push_str(SEPARATORS[next(SEPARATORS.len())]);
            }
            texts.push(text);
        }
        texts.push("х у й, в к с о у. б л я ".to_string());
        texts.push("мусор х у й мусор, мусор п и з д а. мусор б л я".to_string());
        texts.push("Во дворе дома на улице Пушкина третью неделю не вывозят мусор, контейнеры \
                    переполнены, вокруг бегают бродячие собаки, дети не могут пройти к площадке. "
            .repeat(4));
        for text in &texts {
            let d = Detectors::opened();
            assert_eq!(scan_walk(text, true, &d), scan_walk(text, false, &d), "{text:?}");
        }
    }
}
