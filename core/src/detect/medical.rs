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

use super::normalize::{is_alnum, lower_ru};
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

/// The word lists bucketed by first character, built once per scan so that a word is
/// compared only with the entries that start like it.
struct Lexicon {
    /// (first char, pattern, whole word only, role), sorted by first char.
    entries: Vec<(char, &'static str, bool, Role)>,
}

impl Lexicon {
    fn new() -> Self {
        let lists: &[(&[&'static str], bool, Role)] = &[
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
        let mut entries: Vec<(char, &'static str, bool, Role)> = lists
            .iter()
            .flat_map(|(list, exact, role)| {
                list.iter()
                    .filter_map(move |w| w.chars().next().map(|c| (c, *w, *exact, *role)))
            })
            .collect();
        entries.sort_by_key(|e| e.0);
        Self { entries }
    }

    fn roles(&self, w: &str, out: &mut Vec<Role>) {
        out.clear();
        let Some(c) = w.chars().next() else { return };
        let from = self.entries.partition_point(|e| e.0 < c);
        for &(first, pat, exact, role) in self.entries.get(from..).unwrap_or(&[]) {
            if first != c {
                break;
            }
            let hit = if exact { w == pat } else { w.starts_with(pat) };
            if hit && !out.contains(&role) {
                out.push(role);
            }
        }
        if out.is_empty() {
            return;
        }
        if WEAK_NOT.contains(&w) {
            out.retain(|r| !matches!(r, Role::Weak | Role::Disabled));
        }
        if w.starts_with("онкологи") {
            out.retain(|r| *r != Role::Specialist);
        }
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

/// Finds phrases about a person's health and appends their spans.
pub(crate) fn scan(text: &str, out: &mut Vec<Detection>) {
    let mut sentence: Vec<Word> = Vec::new();
    let mut word = String::new();
    let mut word_start = 0usize;
    let mut index = 0usize;
    let mut role_buf: Vec<Role> = Vec::new();
    let lexicon = Lexicon::new();
    let mut finish_word = |word: &mut String,
                           start: usize,
                           end: usize,
                           sentence: &mut Vec<Word>,
                           index: &mut usize| {
        if word.is_empty() {
            return;
        }
        lexicon.roles(word, &mut role_buf);
        for &role in &role_buf {
            sentence.push(Word {
                index: *index,
                start,
                end,
                role,
            });
        }
        *index += 1;
        word.clear();
    };
    let mut end = 0usize;
    for (i, c) in text.char_indices() {
        if is_alnum(c) {
            if word.is_empty() {
                word_start = i;
            }
            word.push(lower_ru(c));
            end = i + c.len_utf8();
            continue;
        }
        finish_word(&mut word, word_start, end, &mut sentence, &mut index);
        if matches!(c, '.' | '!' | '?' | '\n' | ';') {
            evaluate(&sentence, out);
            sentence.clear();
            index = 0;
        }
    }
    finish_word(&mut word, word_start, end, &mut sentence, &mut index);
    evaluate(&sentence, out);
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
