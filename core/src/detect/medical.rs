//! Medical data of a person: diagnoses, disability, pregnancy, treatment, hospital stays.
//!
//! The line (Essentuki 31 is about a *person's* medical data): a message is medical when it
//! says something about the health or treatment of someone — the author, a relative, a
//! neighbour. Mentions of the health system as a civic object («поликлиника закрыта», «нет
//! аптеки», «скорая не проедет», «запись к врачу не работает») are not.
//!
//! Words are read sentence by sentence (lowercase, `ё`→`е`). A detection is made by
//! 1. a *strong* word that is about a person by itself (`диагноз`, `беременна`, `ВИЧ`,
//!    `химиотерапия`, `госпитализировали`, `диабетик`, `лечусь` …);
//! 2. a *pair* within four words: lying + hospital («лежала в больнице»), prescribed +
//!    treatment («назначили лечение»), register + specialist («на учёте у психиатра»),
//!    undergoing + treatment («прохожу химию»), disability + group («инвалид 2 группы»),
//!    prescription + «на» («рецепт на инсулин»);
//! 3. a *weak* word (a disease or condition: диабет, инсульт, онкология, инвалид …) with a
//!    *person anchor* (я, мне, моя, мама, сын, болеет, перенесла, после …) within six words.

use super::normalize::{lower_ru, lower_ru_bytes};
use super::{Detection, DetectionKind};

const STRONG_PREFIX: &[&str] = &[
    "диагноз",
    "диагностировал",
    "химиотерап",
    "химиотерапи",
    "гемодиализ",
    "инсулинозависим",
    "госпитализир",
    "онкобольн",
    "вичинфиц",
];

const STRONG_EXACT: &[&str] = &[
    "беременна",
    "беременной",
    "вич",
    "лечусь",
    "лечится",
    "диабетик",
    "диабетиком",
    "астматик",
    "эпилептик",
    "колясочник",
    "колясочница",
    "колясочником",
    "инвалидность",
    "инвалидности",
    "инвалидностью",
];

const WEAK_PREFIX: &[&str] = &[
    "диабет",
    "инсульт",
    "инфаркт",
    "астм",
    "эпилепси",
    "шизофрени",
    "туберкулез",
    "гепатит",
    "цирроз",
    "деменци",
    "альцгеймер",
    "паркинсон",
    "аутизм",
    "гипертони",
    "ковид",
    "коронавирус",
    "опухол",
    "перелом",
    "операци",
    "беременн",
    "аллерги",
    "болезн",
    "инвалид",
    "онкологи",
    "инсулин",
    "слепот",
    "незряч",
    "слабовидящ",
    "глухот",
    "лейкоз",
    "лейкеми",
];

const WEAK_EXACT: &[&str] = &[
    "рак",
    "рака",
    "раком",
    "раке",
    "раку",
    "спид",
    "спида",
    "спидом",
    "дцп",
    "орви",
    "грипп",
    "гриппом",
    "депрессия",
    "депрессии",
    "депрессией",
    "депрессию",
    "химия",
    "химию",
    "химии",
    "онкология",
    "онкологию",
    "онкологией",
    "covid",
];

/// Forms that are about people in general, not a person («пандус для инвалидов»).
const WEAK_NOT: &[&str] = &[
    "инвалидов",
    "инвалидам",
    "инвалидами",
    "инвалидных",
    "инвалидная",
    "инвалидную",
    "инвалидной",
    "инвалидного",
    "онкологический",
    "онкологическая",
    "онкологического",
    "онкологическом",
    "онкологической",
    "беременных",
    "беременным",
    "болезней",
    "перелома",
    "переломов",
];

const ANCHOR: &[&str] = &[
    "я",
    "мне",
    "меня",
    "мной",
    "мой",
    "моя",
    "мое",
    "моего",
    "моей",
    "моему",
    "мою",
    "мои",
    "моих",
    "моим",
    "мама",
    "маме",
    "мамы",
    "маму",
    "мамой",
    "мать",
    "матери",
    "папа",
    "папе",
    "папы",
    "отец",
    "отца",
    "отцу",
    "сын",
    "сына",
    "сыну",
    "сыном",
    "дочь",
    "дочка",
    "дочки",
    "дочке",
    "дочери",
    "ребенок",
    "ребенка",
    "ребенку",
    "ребенком",
    "бабушка",
    "бабушке",
    "бабушки",
    "бабушку",
    "дедушка",
    "дедушке",
    "дедушки",
    "дедушку",
    "муж",
    "мужа",
    "мужу",
    "жена",
    "жены",
    "жене",
    "супруг",
    "супруга",
    "супруги",
    "сестра",
    "сестры",
    "брат",
    "брата",
    "соседка",
    "соседки",
    "сосед",
    "соседа",
    "болею",
    "болеет",
    "болен",
    "больна",
    "болела",
    "болел",
    "болеют",
    "страдаю",
    "страдает",
    "перенес",
    "перенесла",
    "перенесли",
    "заболел",
    "заболела",
    "после",
    "сделали",
    "нашли",
    "обнаружили",
    "него",
    "нее",
    "свекровь",
    "теща",
];

const LIE: &[&str] = &[
    "лежал",
    "лежала",
    "лежу",
    "лежит",
    "лежали",
    "лежим",
    "положили",
    "выписали",
    "попал",
    "попала",
    "попали",
    "увезли",
    "забрали",
];
const HOSPITAL: &[&str] = &[
    "больниц",
    "стационар",
    "реанимаци",
    "госпитал",
    "роддом",
    "хоспис",
];
const ASSIGN: &[&str] = &["назначил", "назначен", "назначают", "прописал", "выписал"];
const TREATMENT: &[&str] = &[
    "лечени",
    "терапи",
    "препарат",
    "таблетк",
    "укол",
    "капельниц",
    "химию",
    "химия",
    "антибиотик",
    "инсулин",
    "операци",
    "обследовани",
    "реабилитаци",
    "диализ",
];
const REGISTER: &[&str] = &["учет", "учете", "учета"];
const SPECIALIST: &[&str] = &[
    "психиатр",
    "нарколог",
    "онколог",
    "фтизиатр",
    "эндокринолог",
    "кардиолог",
    "невролог",
    "психоневролог",
    "диспансер",
    "гинеколог",
];
const UNDERGO: &[&str] = &["прохож", "проход", "прошел", "прошла"];
const GROUP: &[&str] = &["группы", "группа", "группу", "гр", "группой"];
const GROUP_NUMBER: &[&str] = &[
    "1",
    "2",
    "3",
    "i",
    "ii",
    "iii",
    "первой",
    "второй",
    "третьей",
];

/// Every word list with its match rule (`true`: whole word only) and role.
const LISTS: &[(&[&str], bool, Role)] = &[
    (STRONG_PREFIX, false, Role::Strong),
    (STRONG_EXACT, true, Role::Strong),
    (WEAK_PREFIX, false, Role::Weak),
    (WEAK_EXACT, true, Role::Weak),
    (ANCHOR, true, Role::Anchor),
    (LIE, true, Role::Lie),
    (HOSPITAL, false, Role::Hospital),
    (ASSIGN, false, Role::Assign),
    (TREATMENT, false, Role::Treatment),
    (REGISTER, true, Role::Register),
    (SPECIALIST, false, Role::Specialist),
    (UNDERGO, false, Role::Undergo),
    (GROUP, true, Role::Group),
    (GROUP_NUMBER, true, Role::GroupNumber),
    (&["инвалид"], false, Role::Disabled),
    (&["рецепт"], false, Role::Recipe),
    (&["на"], true, Role::Na),
];

/// The lexicon as one table sorted by [`Key`], built at compile time from [`LISTS`]: a word
/// is compared only with the few entries whose first two letters are its own.
static LEXICON: [Entry; lexicon::LEN] = lexicon::build();

/// Which first-two-letter keys occur in [`LEXICON`]: most words are rejected by one bit test.
static KEYS_USED: [u128; lexicon::SYMBOLS] = lexicon::keys_used(&LEXICON);

/// One lexicon entry.
#[derive(Clone, Copy)]
struct Entry {
    key: u16,
    pattern: &'static str,
    exact: bool,
    role: Role,
}

/// Compile-time construction of [`LEXICON`] and [`KEYS_USED`]. Written with `while` loops
/// because it runs in `const` evaluation: an out-of-range index or a failed check there is a
/// compile error, never a run-time panic (only `symbol` and `key` are called at run time,
/// and they neither index nor panic).
#[allow(clippy::indexing_slicing, clippy::panic)]
mod lexicon {
    use super::{Entry, Role, LISTS};

    /// Symbols a key is made of: `а`–`я` (0–31), `a`–`z` (32–57), `0`–`9` (58–67), and
    /// [`END`] for a one-letter word.
    pub(super) const SYMBOLS: usize = 69;
    /// The second symbol of a one-letter word.
    pub(super) const END: u8 = 68;

    /// The number of entries in all lists.
    pub(super) const LEN: usize = {
        let mut n = 0;
        let mut l = 0;
        while l < LISTS.len() {
            n += LISTS[l].0.len();
            l += 1;
        }
        n
    };

    /// The symbol of a lowercase letter or digit that can start a lexicon entry.
    pub(super) const fn symbol(c: char) -> Option<u8> {
        match c {
            'а'..='я' => Some((c as u32 - 'а' as u32) as u8),
            'a'..='z' => Some(32 + (c as u32 - 'a' as u32) as u8),
            '0'..='9' => Some(58 + (c as u32 - '0' as u32) as u8),
            _ => None,
        }
    }

    /// The key of a word from its first two characters (`None` for the second of a
    /// one-letter word); `None` when no entry can have it.
    pub(super) const fn key(first: char, second: Option<char>) -> Option<u16> {
        let Some(a) = symbol(first) else { return None };
        let b = match second {
            Some(c) => match symbol(c) {
                Some(b) => b,
                None => return None,
            },
            None => END,
        };
        Some(a as u16 * SYMBOLS as u16 + b as u16)
    }

    /// Decodes the first one or two characters of a lowercase entry (two-byte UTF-8 at most).
    const fn first_two(s: &str) -> (char, Option<char>, usize) {
        let b = s.as_bytes();
        let (c1, n1) = decode(b, 0);
        if n1 >= b.len() {
            return (c1, None, 1);
        }
        let (c2, n2) = decode(b, n1);
        let chars = if n2 >= b.len() { 2 } else { 3 };
        (c1, Some(c2), chars)
    }

    const fn decode(b: &[u8], i: usize) -> (char, usize) {
        let x = b[i];
        if x < 0x80 {
            (x as char, i + 1)
        } else {
            assert!(x & 0xE0 == 0xC0, "lexicon entries use one- and two-byte letters only");
            let code = ((x as u32 & 0x1F) << 6) | (b[i + 1] as u32 & 0x3F);
            match char::from_u32(code) {
                Some(c) => (c, i + 2),
                None => panic!("invalid letter in the lexicon"),
            }
        }
    }

    pub(super) const fn build() -> [Entry; LEN] {
        let mut out = [Entry {
            key: 0,
            pattern: "",
            exact: true,
            role: Role::Na,
        }; LEN];
        let mut n = 0;
        let mut l = 0;
        while l < LISTS.len() {
            let (list, exact, role) = LISTS[l];
            let mut w = 0;
            while w < list.len() {
                let pattern = list[w];
                let (c1, c2, chars) = first_two(pattern);
                // A one-letter entry must be whole-word: its key is that of one-letter words.
                assert!(chars > 1 || exact, "one-letter entries must be whole-word");
                let Some(key) = key(c1, c2) else {
                    panic!("lexicon entries are lowercase а–я, a–z, 0–9");
                };
                out[n] = Entry {
                    key,
                    pattern,
                    exact,
                    role,
                };
                n += 1;
                w += 1;
            }
            l += 1;
        }
        // Insertion sort by key, stable: entries with one key keep the lists' order.
        let mut i = 1;
        while i < LEN {
            let mut j = i;
            while j > 0 && out[j - 1].key > out[j].key {
                let t = out[j - 1];
                out[j - 1] = out[j];
                out[j] = t;
                j -= 1;
            }
            i += 1;
        }
        out
    }

    pub(super) const fn keys_used(entries: &[Entry; LEN]) -> [u128; SYMBOLS] {
        let mut bits = [0u128; SYMBOLS];
        let mut i = 0;
        while i < LEN {
            let k = entries[i].key as usize;
            bits[k / SYMBOLS] |= 1u128 << (k % SYMBOLS);
            i += 1;
        }
        bits
    }
}

/// The roles of the word `text[start..end]` (letters and digits only), in `out`; `word`
/// is a reusable buffer for its lowercase form.
fn roles(text: &str, start: usize, end: usize, word: &mut String, out: &mut Vec<Role>) {
    out.clear();
    let Some(raw) = text.get(start..end) else {
        return;
    };
    let mut chars = raw.chars().map(lower_ru);
    let Some(first) = chars.next() else { return };
    let Some(key) = lexicon::key(first, chars.next()) else {
        return;
    };
    let (row, bit) = (
        usize::from(key) / lexicon::SYMBOLS,
        usize::from(key) % lexicon::SYMBOLS,
    );
    if !matches!(KEYS_USED.get(row), Some(bits) if bits >> bit & 1 == 1) {
        return;
    }
    // The lowercase form goes to a stack buffer (every lexicon word fits); a longer word or
    // one with letters beyond ASCII and basic Russian goes to the reusable `word`.
    let mut stack = [0u8; 64];
    let w: &[u8] = match lower_ru_bytes(raw.as_bytes(), &mut stack) {
        Some(n) => stack.get(..n).unwrap_or(&[]),
        None => {
            word.clear();
            word.extend(raw.chars().map(lower_ru));
            word.as_bytes()
        }
    };
    let from = LEXICON.partition_point(|e| e.key < key);
    for e in LEXICON.get(from..).unwrap_or(&[]) {
        if e.key != key {
            break;
        }
        let hit = if e.exact {
            w == e.pattern.as_bytes()
        } else {
            w.starts_with(e.pattern.as_bytes())
        };
        if hit && !out.contains(&e.role) {
            out.push(e.role);
        }
    }
    if out.is_empty() {
        return;
    }
    if WEAK_NOT.iter().any(|p| p.as_bytes() == w) {
        out.retain(|r| !matches!(r, Role::Weak | Role::Disabled));
    }
    if w.starts_with("онкологи".as_bytes()) {
        out.retain(|r| *r != Role::Specialist);
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Role {
    Strong,
    Weak,
    Anchor,
    Lie,
    Hospital,
    Assign,
    Treatment,
    Register,
    Specialist,
    Undergo,
    Disabled,
    Group,
    GroupNumber,
    Recipe,
    Na,
}

#[derive(Clone, Copy)]
struct Word {
    index: usize,
    start: usize,
    end: usize,
    role: Role,
}

/// Finds phrases about a person's health and appends their spans (`scan` in `mod.rs` feeds
/// [`Words`] from the obscenity pass instead).
#[cfg(test)]
pub(crate) fn scan(text: &str, out: &mut Vec<Detection>) {
    let mut words = Words::new(text);
    for (i, c) in text.char_indices() {
        if matches!(c, 'А'..='я') || super::normalize::is_alnum(c) {
            words.alnum(i, i + c.len_utf8());
        } else {
            words.other(c);
        }
    }
    words.end(out);
}

/// The medical detector fed one character at a time by another pass over the text (the
/// obscenity scan reads every character anyway, so the text is walked once for both).
///
/// Only words with a role are kept for the sentence; the lowercase form of a word is built
/// only when its first two letters start some lexicon entry.
pub(crate) struct Words<'a> {
    text: &'a str,
    sentence: Vec<Word>,
    word: String,
    role_buf: Vec<Role>,
    index: usize,
    current: Option<(usize, usize)>,
    found: Vec<Detection>,
}

impl<'a> Words<'a> {
    /// A detector for `text`; every character of it must then be passed in order.
    pub(crate) fn new(text: &'a str) -> Self {
        Words {
            text,
            sentence: Vec::new(),
            word: String::new(),
            role_buf: Vec::new(),
            index: 0,
            current: None,
            found: Vec::new(),
        }
    }

    /// A letter or digit at bytes `start..end`.
    #[inline(always)]
    pub(crate) fn alnum(&mut self, start: usize, end: usize) {
        match self.current.as_mut() {
            Some(span) => span.1 = end,
            None => self.current = Some((start, end)),
        }
    }

    /// Any other character `c`: ends the word, and the sentence at `. ! ? ; \n`.
    #[inline(always)]
    pub(crate) fn other(&mut self, c: char) {
        if let Some(span) = self.current.take() {
            self.finish(span);
        }
        if matches!(c, '.' | '!' | '?' | '\n' | ';') {
            if !self.sentence.is_empty() {
                evaluate(&self.sentence, &mut self.found);
                self.sentence.clear();
            }
            self.index = 0;
        }
    }

    fn finish(&mut self, (start, end): (usize, usize)) {
        roles(self.text, start, end, &mut self.word, &mut self.role_buf);
        for &role in &self.role_buf {
            self.sentence.push(Word {
                index: self.index,
                start,
                end,
                role,
            });
        }
        self.index += 1;
    }

    /// Ends the text and appends the detections, in the order they were found.
    pub(crate) fn end(mut self, out: &mut Vec<Detection>) {
        if let Some(span) = self.current.take() {
            self.finish(span);
        }
        evaluate(&self.sentence, &mut self.found);
        out.append(&mut self.found);
    }
}

/// The nearest word with `role` within `dist` words of `words[p]` (either side).
fn has_near(words: &[Word], p: usize, role: Role, dist: usize) -> Option<Word> {
    let w = words.get(p)?;
    let after = words
        .get(p + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|o| o.index <= w.index + dist)
        .find(|o| o.role == role);
    let before = words
        .get(..p)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|o| o.index + dist >= w.index)
        .find(|o| o.role == role);
    match (before, after) {
        (Some(b), Some(a)) => Some(if w.index - b.index <= a.index - w.index {
            *b
        } else {
            *a
        }),
        (b, a) => b.or(a).copied(),
    }
}

/// The first word with `role` after `words[p]`, within `dist` words.
fn has_after(words: &[Word], p: usize, role: Role, dist: usize) -> Option<Word> {
    let w = words.get(p)?;
    words
        .get(p + 1..)
        .unwrap_or(&[])
        .iter()
        .take_while(|o| o.index <= w.index + dist)
        .find(|o| o.role == role && o.index > w.index)
        .copied()
}

fn evaluate(words: &[Word], out: &mut Vec<Detection>) {
    evaluate_small(words, out);
}

fn evaluate_small(words: &[Word], out: &mut Vec<Detection>) {
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut add = |a: &Word, b: Option<&Word>| {
        let (s, e) = match b {
            Some(b) => (a.start.min(b.start), a.end.max(b.end)),
            None => (a.start, a.end),
        };
        spans.push((s, e));
    };
    for (p, w) in words.iter().enumerate() {
        match w.role {
            Role::Strong => add(w, None),
            Role::Weak => {
                if let Some(a) = has_near(words, p, Role::Anchor, 6) {
                    add(w, Some(&a));
                }
            }
            Role::Lie => {
                if let Some(h) = has_near(words, p, Role::Hospital, 4) {
                    add(w, Some(&h));
                }
            }
            Role::Assign => {
                if let Some(t) = has_near(words, p, Role::Treatment, 4) {
                    add(w, Some(&t));
                }
            }
            Role::Register => {
                if let Some(s) = has_near(words, p, Role::Specialist, 4) {
                    add(w, Some(&s));
                }
            }
            Role::Undergo => {
                if let Some(t) = has_after(words, p, Role::Treatment, 3) {
                    add(w, Some(&t));
                }
            }
            Role::Disabled => {
                if let Some(g) = has_near(words, p, Role::Group, 3) {
                    let number = has_near(words, p, Role::GroupNumber, 5)
                        .is_some_and(|n| n.index.abs_diff(g.index) <= 2);
                    if number {
                        add(w, Some(&g));
                    }
                }
            }
            Role::Recipe if has_after(words, p, Role::Na, 1).is_some() => add(w, None),
            _ => {}
        }
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (s, e) in spans {
        match merged.last_mut() {
            Some(last) if s <= last.1 => last.1 = last.1.max(e),
            _ => merged.push((s, e)),
        }
    }
    out.extend(merged.into_iter().map(|(start, end)| Detection {
        kind: DetectionKind::Medical,
        start,
        end,
    }));
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
    fn person_health() {
        for t in [
            "у меня диабет",
            "я инвалид 2 группы",
            "мама после инсульта не ходит",
            "состою на учёте у психиатра",
            "жена беременна",
            "у соседа ВИЧ",
            "у мамы онкология",
            "прохожу химиотерапию",
            "лежал в больнице с пневмонией",
            "мне назначили лечение",
            "нужен рецепт на инсулин",
        ] {
            assert!(hits(t), "{t}");
        }
    }

    #[test]
    fn civic_mentions() {
        for t in [
            "поликлиника закрыта на ремонт",
            "нет аптеки в посёлке",
            "скорая долго едет по нашей дороге",
            "запись к врачу невозможна через портал",
            "сделайте пандус для инвалидов",
            "я прошу построить онкологический центр",
        ] {
            assert!(!hits(t), "{t}");
        }
    }
}
