//! Scores the text detectors on the labelled corpus (`tests/corpus/messages.jsonl`).
//!
//! Run `cargo test -p reglament --test detectors_corpus -- --nocapture` to see the table.
//! A message is positive for a kind when its labels contain it and predicted when `scan`
//! reports at least one detection of that kind; the two flags are compared directly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use reglament::detect::{fingerprint, normalize_for_fingerprint, scan, DetectionKind, TextReport};
use std::collections::BTreeMap;

const CORPUS: &str = include_str!("../../tests/corpus/messages.jsonl");

#[derive(serde::Deserialize)]
struct Row {
    id: String,
    text: String,
    labels: Vec<String>,
    not_russian: bool,
    unreadable: bool,
    #[serde(default)]
    note: String,
}

fn rows() -> Vec<Row> {
    CORPUS
        .lines()
        .filter(|l| !l.trim().is_empty())
        .enumerate()
        .map(|(i, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("line {}: {e}", i + 1)))
        .collect()
}

const KINDS: [(&str, DetectionKind); 8] = [
    ("obscenity", DetectionKind::Obscenity),
    ("phone", DetectionKind::Phone),
    ("email", DetectionKind::Email),
    ("snils", DetectionKind::Snils),
    ("inn", DetectionKind::Inn),
    ("passport", DetectionKind::Passport),
    ("bank_card", DetectionKind::BankCard),
    ("medical", DetectionKind::Medical),
];

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
    positives: usize,
}

impl Score {
    fn add(&mut self, truth: bool, predicted: bool) {
        self.positives += usize::from(truth);
        match (truth, predicted) {
            (true, true) => self.tp += 1,
            (false, true) => self.fp += 1,
            (true, false) => self.fn_ += 1,
            (false, false) => {}
        }
    }
    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fp) as f64
        }
    }
    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            self.tp as f64 / (self.tp + self.fn_) as f64
        }
    }
}

fn predicted(report: &TextReport, kind: DetectionKind) -> bool {
    report.detections.iter().any(|d| d.kind == kind)
}

/// Per-detector floors: (name, min precision, min recall), set a little below what the
/// detectors reach on the corpus so a regression fails the test.
const FLOORS: &[(&str, f64, f64)] = &[
    ("obscenity", 0.97, 0.95),
    ("phone", 0.95, 0.95),
    ("email", 1.0, 1.0),
    ("snils", 1.0, 1.0),
    ("inn", 0.95, 0.95),
    ("passport", 0.95, 0.85),
    ("bank_card", 1.0, 1.0),
    ("medical", 0.95, 0.9),
    ("not_russian", 0.95, 0.9),
    ("unreadable", 0.95, 0.9),
];

#[test]
fn corpus_is_well_formed() {
    let rows = rows();
    assert!(rows.len() >= 320, "corpus has {} rows", rows.len());
    let mut ids = std::collections::HashSet::new();
    for r in &rows {
        assert!(ids.insert(r.id.clone()), "duplicate id {}", r.id);
        let mut seen = std::collections::HashSet::new();
        for l in &r.labels {
            assert!(
                KINDS.iter().any(|(n, _)| n == l),
                "{}: unknown label {l}",
                r.id
            );
            assert!(seen.insert(l), "{}: duplicate label {l}", r.id);
        }
    }
}

#[test]
fn corpus_scores() {
    let rows = rows();
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut misses: Vec<String> = Vec::new();
    for r in &rows {
        let report = scan(&r.text);
        for d in &report.detections {
            assert!(
                d.start < d.end && d.end <= r.text.len(),
                "{}: bad span",
                r.id
            );
            assert!(r.text.is_char_boundary(d.start) && r.text.is_char_boundary(d.end));
        }
        for (name, kind) in KINDS {
            let truth = r.labels.iter().any(|l| l == name);
            let pred = predicted(&report, kind);
            scores.entry(name).or_default().add(truth, pred);
            if truth != pred {
                misses.push(format!(
                    "{} {name}: label={truth} got={pred} [{}] {}",
                    r.id, r.note, r.text
                ));
            }
        }
        for (name, truth, pred) in [
            ("not_russian", r.not_russian, report.not_russian),
            ("unreadable", r.unreadable, report.unreadable),
        ] {
            scores.entry(name).or_default().add(truth, pred);
            if truth != pred {
                misses.push(format!(
                    "{} {name}: label={truth} got={pred} [{}] {}",
                    r.id, r.note, r.text
                ));
            }
        }
    }
    println!("\n| detector | positives | TP | FP | FN | precision | recall |");
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
    for (name, _, _) in FLOORS {
        let s = scores.get(name).copied().unwrap_or_default();
        println!(
            "| {name} | {} | {} | {} | {} | {:.3} | {:.3} |",
            s.positives,
            s.tp,
            s.fp,
            s.fn_,
            s.precision(),
            s.recall()
        );
    }
    println!("\n{} messages; mismatches:", rows.len());
    for m in &misses {
        println!("  {m}");
    }
    for (name, p, r) in FLOORS {
        let s = scores.get(name).copied().unwrap_or_default();
        assert!(
            s.precision() >= *p,
            "{name}: precision {:.3} < {p}",
            s.precision()
        );
        assert!(s.recall() >= *r, "{name}: recall {:.3} < {r}", s.recall());
    }
}

/// Ordinary words that contain obscene-looking letter sequences: zero hits allowed.
const NEAR_MISS_WORDS: &[&str] = &[
    "рубля",
    "употреблять",
    "оскорблять",
    "команда",
    "тебя",
    "ипподром",
    "корабля",
    "небо",
    "ребёнок",
    "хлебушек",
    "скипидар",
    "психиатр",
    "застрахуй",
    "страхую",
    "колебания",
    "погребальный",
    "требуется",
    "мандарин",
    "мандат",
    "командир",
    "гребля",
    "Гребенщиков",
    "дебаты",
    "учебный",
    "потребитель",
    "себя",
    "ансамбля",
    "страховать",
    "страхую",
    "страхуешь",
    "страхует",
    "страхуем",
    "страхуете",
    "страхуют",
    "страхуй",
    "страхуйте",
    "застраховать",
    "застрахую",
    "застрахуют",
    "застрахуйте",
    "перестраховаться",
    "перестрахуюсь",
    "подстраховать",
    "подстрахую",
    "подстрахуй",
    "страхующий",
    "страховка",
    "употребляют",
    "оскорбляют",
    "корабли",
    "рубль",
    "ребята",
    "хлеб",
    "погреб",
    "гребень",
    "серебро",
    "зебра",
    "лебеди",
    "щебень",
    "жеребец",
    "небеса",
    "себестоимость",
    "учеба",
    "колебаться",
    "требовать",
    "дебил",
    "бляха",
    "бляшки",
    "сабля",
    "дирижабля",
    "грабли",
    "командировка",
    "мандаринка",
    "мандатный",
    "Мандельштам",
    "спидометр",
    "спидер",
    "мудрый",
    "премудрость",
    "Ебург",
    "сука",
    "шлюз",
    "психиатрия",
    "хулиган",
    "худой",
    "художник",
    "хутор",
    "треба",
    "Хуан",
    "рубежи",
    "ебонит",
    "эбонит",
];

#[test]
fn no_obscenity_on_near_misses() {
    for w in NEAR_MISS_WORDS {
        for text in [w.to_string(), w.to_uppercase(), format!("Это {w}, да.")] {
            let r = scan(&text);
            assert!(
                !predicted(&r, DetectionKind::Obscenity),
                "obscenity hit on ordinary word {text:?}"
            );
        }
    }
    for r in rows() {
        if r.note.starts_with("near miss") && !r.labels.iter().any(|l| l == "obscenity") {
            assert!(
                !predicted(&scan(&r.text), DetectionKind::Obscenity),
                "{}: obscenity hit on near miss {}",
                r.id,
                r.text
            );
        }
    }
}

/// The core refuses texts over 1 MiB before scanning (`input::MAX_TEXT_BYTES`), so 1 MiB is
/// the largest text `scan` sees. No time bound here: speed is measured with criterion
/// (`benches/benches/detect.rs`) and written down in `docs/detectors.md`.
#[test]
fn one_mebibyte_of_mixed_text() {
    let piece = "Яма на ул. Ленина 5, тел. +7 (912) 345-67-89, x.у.й, ivan@mail.ru, \
                 СНИЛС 112-233-445 95, у меня диабет, 4111 1111 1111 1111 ffff ??? ё\u{306} ";
    let mut text = String::new();
    while text.len() < 1024 * 1024 {
        text.push_str(piece);
    }
    let r = scan(&text);
    assert!(!r.detections.is_empty());
    for d in &r.detections {
        assert!(d.start < d.end && d.end <= text.len());
        assert!(text.is_char_boundary(d.start) && text.is_char_boundary(d.end));
    }
    assert!(r.detections.windows(2).all(|w| w[0].start <= w[1].start));
    assert_eq!(fingerprint(&text).len(), 64);
    // Degenerate inputs: one huge token, only digits, only separators. 128 KiB each is
    // enough to expose quadratic behaviour (it would take minutes) and keeps the debug run short.
    for t in [
        "а".repeat(64 * 1024),
        "1".repeat(128 * 1024),
        "1 ".repeat(64 * 1024),
        "@".repeat(128 * 1024),
        "a@".repeat(64 * 1024),
        "я инвалид группы ".repeat(4 * 1024),
        "х ".repeat(64 * 1024),
    ] {
        let _ = scan(&t);
        let _ = fingerprint(&t);
    }
}

#[test]
fn fingerprint_is_stable() {
    let a = fingerprint("Яма на дороге у дома 5!!!");
    let b = fingerprint("  ЯМА на  дорoге, у дома 5 ");
    assert_eq!(a, b);
    assert_eq!(a.len(), 64);
    assert!(a
        .chars()
        .all(|c| c.is_ascii_hexdigit() && !c.is_ascii_uppercase()));
    assert_eq!(fingerprint("Ёлка"), fingerprint("елка"));
    assert_ne!(fingerprint("дом 5"), fingerprint("дом 6"));
    // Pinned value: sha256("яма на дороге").
    assert_eq!(
        fingerprint("Яма, на дороге."),
        "0c9abb918b5f4029106e9ae32d928f37c535007399560e91818c7984095690a3"
    );
}

/// Fingerprints are stored by portals and compared across versions: these literal values
/// (the SHA-256 of the normalised text, checked with `sha256sum`) must never change.
#[test]
fn fingerprints_are_pinned() {
    for (text, normalised, hex) in [
        (
            "",
            "",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ),
        (
            "  Ёлка,  ул.Ленина!!  ",
            "елка ул ленина",
            "5f1aaf5bbc447d16e224884bedd175fc8ea1e11321c57e1b0a549a12c1437313",
        ),
        (
            "Mусор у дома 5, кв. 12",
            "мусор у дома 5 кв 12",
            "78bf2f80cbbe5020c6d9b3923fc319fc935d6f1a471c0e216ae66785655809a8",
        ),
        (
            "Закрыт проезд: ул. Мира — 3-й день!",
            "закрыт проезд ул мира 3 й день",
            "9edde1c6c15c0d15cdb4e612d9a1c91bf7ecb2e7043f013d64affa2dfe04eb0d",
        ),
        (
            "ИСПРАВЬТЕ ОСВЕЩЕНИЕ в парке",
            "исправьте освещение в парке",
            "4fe89ccf63252bd5d3bb69dc4ff8af1719a31dedc6b21440b9d8835dc264a8f1",
        ),
        (
            "Пои\u{306}ду завтра",
            "пойду завтра",
            "719d88b06f25d3bdf5b833186215631dbc647932079b77a1ce4f9052940666fe",
        ),
        (
            "café Ωmega 42",
            "саfé ωмеgа 42",
            "d3d32af61e2815bf862bd90e24e0bfac00041d4bf78febe6bd6858520baceb52",
        ),
    ] {
        assert_eq!(normalize_for_fingerprint(text), normalised, "{text:?}");
        assert_eq!(fingerprint(text), hex, "{text:?}");
    }
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(512))]

        #[test]
        fn scan_never_panics_and_spans_are_on_boundaries(s in any::<String>()) {
            let r = scan(&s);
            for d in &r.detections {
                prop_assert!(d.start < d.end && d.end <= s.len());
                prop_assert!(s.is_char_boundary(d.start) && s.is_char_boundary(d.end));
            }
            prop_assert!(r.detections.windows(2).all(|w| w[0].start <= w[1].start));
            prop_assert_eq!(fingerprint(&s).len(), 64);
        }

        #[test]
        fn scan_handles_message_like_text(
            parts in proptest::collection::vec(
                prop_oneof![
                    Just("яма".to_string()), Just("х.у.й".to_string()), Just("+7".to_string()),
                    Just("(912)".to_string()), Just("345-67-89".to_string()), Just("@".to_string()),
                    Just("mail.ru".to_string()), Just("№".to_string()), Just("ё".to_string()),
                    Just("\u{306}".to_string()), Just("инвалид".to_string()), Just("2".to_string()),
                    Just("группы".to_string()), Just(" ".to_string()), Just(".".to_string()),
                    "[0-9]{1,5}", "[а-яА-Я]{1,6}", "[a-zA-Z]{1,6}", "\\PC{0,3}",
                ],
                0..40,
            )
        ) {
            let s: String = parts.concat();
            let r = scan(&s);
            for d in &r.detections {
                prop_assert!(s.is_char_boundary(d.start) && s.is_char_boundary(d.end));
                prop_assert!(d.start < d.end);
            }
        }
    }
}
