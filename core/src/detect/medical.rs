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

use super::lexicon::{Lexicon, Role, Roles};
use super::{Detection, DetectionKind};
use smallvec::SmallVec;

/// The roles that cannot start a detection by themselves: an anchor, a number or another
/// word that needs a partner.
const NEED_PARTNER: Roles = Role::Anchor.bit()
    | Role::Hospital.bit()
    | Role::Treatment.bit()
    | Role::Specialist.bit()
    | Role::Group.bit()
    | Role::GroupNumber.bit()
    | Role::Na.bit()
    | Role::Maybe.bit();

#[derive(Clone, Copy)]
struct Word {
    index: usize,
    start: usize,
    end: usize,
    role: Role,
}

/// The medical detector fed word by word by the walk over the text (`super::walk`), which
/// reads every character anyway. Each word's roles come from the lexicon; only words with a
/// role are kept for the sentence.
pub(crate) struct Words<'l> {
    lexicon: &'l Lexicon,
    /// Short enough to stay inline for nearly every sentence (no allocation per scan).
    sentence: SmallVec<[Word; 16]>,
    /// Whether a word of the sentence can start a detection (not only an anchor, a number or
    /// another word that needs a partner).
    trigger: bool,
    index: usize,
    found: Vec<Detection>,
}

impl<'l> Words<'l> {
    /// Words read with `lexicon`.
    pub(super) fn new(lexicon: &'l Lexicon) -> Self {
        Words {
            lexicon,
            sentence: SmallVec::new(),
            trigger: false,
            index: 0,
            found: Vec::new(),
        }
    }

    /// The word `text[start..end]` (a run of letters and digits) has ended.
    #[inline]
    pub(super) fn word(&mut self, text: &str, start: usize, end: usize) {
        let found = text.get(start..end).map_or(0, |w| self.lexicon.roles(w));
        if found != 0 {
            self.keep(found, start, end);
        }
        self.index += 1;
    }

    /// Keeps the word `text[start..end]` of the roles `found` (not none) for the sentence.
    fn keep(&mut self, found: Roles, start: usize, end: usize) {
        self.trigger |= found & !NEED_PARTNER != 0;
        let mut rest = found;
        while rest != 0 {
            let bit = rest.trailing_zeros() as usize;
            rest &= rest - 1;
            if let Some(&role) = Role::ALL.get(bit) {
                self.sentence.push(Word {
                    index: self.index,
                    start,
                    end,
                    role,
                });
            }
        }
    }

    /// A sentence has ended (at `. ! ? ; \n`).
    #[inline]
    pub(super) fn sentence_end(&mut self) {
        if !self.sentence.is_empty() {
            if self.trigger {
                evaluate(self.sentence.as_slice(), &mut self.found);
            }
            self.sentence.clear();
        }
        self.trigger = false;
        self.index = 0;
    }

    /// Ends the text and appends the detections, in the order they were found.
    pub(super) fn end(&mut self, out: &mut Vec<Detection>) {
        if self.trigger {
            evaluate(self.sentence.as_slice(), &mut self.found);
        }
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

/// Whether a word with `role` comes before `words[p]`, within `dist` words (the modal of
/// «может получить травму» precedes what may happen).
fn has_before(words: &[Word], p: usize, role: Role, dist: usize) -> bool {
    let Some(w) = words.get(p) else {
        return false;
    };
    words
        .get(..p)
        .unwrap_or(&[])
        .iter()
        .rev()
        .take_while(|o| o.index + dist >= w.index)
        .any(|o| o.role == role && o.index < w.index)
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
                // A disease or injury that may happen is not a person's medical data.
                let maybe = has_before(words, p, Role::Maybe, 8);
                if let (Some(a), false) = (has_near(words, p, Role::Anchor, 8), maybe) {
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
        crate::detect::scan(t).has(DetectionKind::Medical)
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
            // Real petitions and the misses.
            "Нахожусь на 29 неделе беременности, нужен подъёмник для коляски",
            "моя дочь вчера упала на льду и получила травму головы",
            "У меня два ребёнка на инвалидных колясках и это единственный путь в школу",
            "Транспортировать лежачего больного на носилках невозможно",
            "У меня рассеянный склероз, до поликлиники не дойти",
            "у мамы язва желудка",
            "у меня мигрень от этого шума",
            "из-за ненадлежащего состояния лестницы мой сын получил травму",
            // The second labelled sample (eval/detectors/data/medical_petitions.jsonl).
            "В гараже машину ставит инвалид, к гаражу не подойти",
            "ключи у сантехника, тот болеет",
            "При мне человек наступил, сильно подвернул ногу, ушиб колено",
            "приложу справку от дерматолога о вреде здоровью",
            "У ребёнка буллезный эпидермолиз, нужна помощь с лекарствами",
            "моя беременная жена не может подняться на девятый этаж",
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
            "ремонт в туберкулёзном диспансере идёт третий год",
            "установите лежачего полицейского, мой ребёнок боится машин",
            "ребёнок может получить травму на этой площадке",
            "люди могут упасть и получить переломы",
            "с ребёнком нужно переломать все ноги",
            "проблема напора воды для нас болезненна, куда я могу обратиться",
            "очень скользко, травмоопасно, я вчера чуть не упала",
            "на льду можно ушибиться или вывихнуть ногу",
            "нужна справка о составе семьи",
            "пандус для инвалидов и маломобильных граждан",
            "угроза жизни и здоровью жильцов",
        ] {
            assert!(!hits(t), "{t}");
        }
    }
}
