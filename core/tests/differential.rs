//! Differential across runtimes: thousands of generated questions answered by Rust, written as
//! a conformance case file that the Python, Node and browser runners then answer.
//!
//! The generator (a fixed seed, so every run asks the same questions) varies the conformance
//! suite's own inputs: messages (instants across years, zones and offsets, texts cut and joined,
//! categories, channels, flags, attachments), event logs (events dropped, swapped, shifted in
//! time, `now` moved) and deadline and calendar questions (starts, amounts, units, dates). Each
//! case's `expect` is Rust's whole answer (or `expect_error` its code and path), so a binding
//! passes only when it gives the same keys with the same values and arrays of the same length.
//!
//! `REGLAMENT_DIFF_DIR` names where the file goes (`scripts/test-reliability.sh` sets it and
//! runs the bindings' conformance runners on it); `REGLAMENT_DIFF_CASES` how many cases.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::path::Path;

use reglament::conformance::{Case, CaseFile, Runner};
use reglament::ffi::ErrorInfo;
use serde_json::{json, Value};

/// SplitMix64: a tiny seeded generator, the same numbers on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % ((hi - lo + 1).max(1) as u64)) as i64
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const OFFSETS: &[&str] = &["+03:00", "+03:00", "+09:00", "+04:00", "+00:00", "+05:00", "-01:00"];

fn instant(rng: &mut Rng) -> String {
    let year = rng.range(2019, 2027);
    let month = rng.range(1, 12);
    let day = rng.range(1, 28);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}{}",
        rng.range(0, 23),
        rng.range(0, 59),
        rng.range(0, 59),
        rng.pick(OFFSETS)
    )
}

fn date(rng: &mut Rng) -> String {
    format!("{:04}-{:02}-{:02}", rng.range(2017, 2028), rng.range(1, 12), rng.range(1, 28))
}

/// Moves an RFC 3339 instant by whole hours (text kept when it does not parse).
fn shift(value: &Value, rng: &mut Rng, max_hours: i64) -> Value {
    match value.as_str().and_then(|s| chrono::DateTime::parse_from_rfc3339(s).ok()) {
        Some(t) => json!((t + chrono::Duration::hours(rng.range(-max_hours, max_hours))).to_rfc3339()),
        None => value.clone(),
    }
}

/// The pools the generator draws from: every text, category and channel the suite uses.
struct Pools {
    texts: Vec<String>,
    categories: Vec<String>,
    channels: Vec<String>,
}

fn mutate_message(m: &mut Value, rng: &mut Rng, pools: &Pools) {
    let Some(obj) = m.as_object_mut() else { return };
    if rng.chance(80) {
        obj.insert("sent_at".into(), json!(instant(rng)));
    }
    if rng.chance(50) {
        let mut text = rng.pick(&pools.texts).clone();
        if rng.chance(30) {
            text.push(' ');
            let more: &String = rng.pick(&pools.texts);
            text.push_str(more);
        }
        if rng.chance(30) {
            let keep = rng.below(text.chars().count() + 1);
            text = text.chars().take(keep).collect();
        }
        obj.insert("text".into(), json!(text));
    }
    if rng.chance(40) {
        obj.insert("category".into(), json!(rng.pick(&pools.categories)));
    }
    if rng.chance(20) {
        obj.insert("channel".into(), json!(rng.pick(&pools.channels)));
    }
    if rng.chance(30) {
        obj.insert("public".into(), json!(rng.chance(50)));
    }
    if rng.chance(20) {
        let n = rng.below(4);
        let files: Vec<Value> = (0..n)
            .map(|i| {
                let (name, media) = *rng.pick(&[("p.jpg", "image/jpeg"), ("v.mp4", "video/mp4"), ("d.pdf", "application/pdf"), ("x.exe", "application/x-msdownload")]);
                json!({"name": format!("{i}{name}"), "media_type": media, "size": rng.range(0, 60_000_000)})
            })
            .collect();
        obj.insert("attachments".into(), json!(files));
    }
    if rng.chance(10) {
        let keys: Vec<String> = obj.keys().cloned().collect();
        if !keys.is_empty() {
            let k = rng.pick(&keys).clone();
            obj.remove(&k);
        }
    }
}

fn mutate_events(input: &mut Value, rng: &mut Rng) {
    if let Some(events) = input.get_mut("events").and_then(Value::as_array_mut) {
        if !events.is_empty() && rng.chance(30) {
            let i = rng.below(events.len());
            events.remove(i);
        }
        if events.len() > 1 && rng.chance(30) {
            let (a, b) = (rng.below(events.len()), rng.below(events.len()));
            events.swap(a, b);
        }
        if !events.is_empty() && rng.chance(40) {
            let i = rng.below(events.len());
            let at = shift(&events[i]["at"], rng, 24 * 20);
            events[i]["at"] = at;
        }
    }
    if rng.chance(60) {
        if let Some(now) = input.get("now").cloned() {
            input["now"] = shift(&now, rng, 24 * 60);
        }
    }
}

fn generate(base: &[Case], n: usize, seed: u64) -> Vec<Case> {
    let mut rng = Rng(seed);
    let mut texts = Vec::new();
    let mut categories = Vec::new();
    let mut channels = Vec::new();
    for c in base {
        if let Some(m) = c.input.get("message") {
            texts.extend(m.get("text").and_then(Value::as_str).map(str::to_string));
            categories.extend(m.get("category").and_then(Value::as_str).map(str::to_string));
            channels.extend(m.get("channel").and_then(Value::as_str).map(str::to_string));
        }
    }
    for v in [&mut texts, &mut categories, &mut channels] {
        v.sort();
        v.dedup();
    }
    let pools = Pools { texts, categories, channels };
    let profiles = reglament::Profile::builtin_names();
    (0..n)
        .map(|i| {
            let b = rng.pick(base);
            let mut input = b.input.clone();
            let mut profile = b.profile.clone();
            match b.op.as_str() {
                "validate" | "route" | "plan" => {
                    if rng.chance(30) {
                        profile = Some((*rng.pick(profiles)).to_string());
                    }
                    if let Some(m) = input.get_mut("message") {
                        mutate_message(m, &mut rng, &pools);
                    }
                }
                "replay" | "can_view" => {
                    if let Some(m) = input.get_mut("message") {
                        if rng.chance(30) {
                            let at = shift(&m["sent_at"], &mut rng, 24 * 10);
                            m["sent_at"] = at;
                        }
                    }
                    mutate_events(&mut input, &mut rng);
                }
                "deadline" => {
                    if rng.chance(80) {
                        input["start"] = json!(instant(&mut rng));
                    }
                    if rng.chance(60) {
                        if let Some(term) = input.get_mut("term").and_then(Value::as_object_mut) {
                            term.insert("amount".into(), json!(rng.range(0, 45)));
                        }
                    }
                    if rng.chance(20) {
                        input["zone"] = json!(rng.pick(&["Europe/Moscow", "Asia/Yakutsk", "Europe/Samara", "Europe/Kaliningrad", "Asia/Vladivostok"]));
                    }
                }
                "control" => {
                    // The bindings take the batch and `now` as arguments: only their values vary.
                    if rng.chance(60) {
                        let now = shift(&input["now"], &mut rng, 24 * 40);
                        input["now"] = now;
                    }
                }
                _ => {
                    if rng.chance(80) {
                        input["date"] = json!(date(&mut rng));
                    }
                    if input.get("n").is_some() && rng.chance(70) {
                        input["n"] = json!(rng.range(-40, 40));
                    }
                    if input.get("to").is_some() && rng.chance(70) {
                        input["to"] = json!(date(&mut rng));
                    }
                }
            }
            Case {
                name: format!("gen-{i:05}-{}", b.op),
                op: b.op.clone(),
                profile,
                input,
                expect: None,
                expect_error: None,
                clause: None,
            }
        })
        .collect()
}

fn base_cases() -> Vec<Case> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance");
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    paths
        .iter()
        .flat_map(|p| serde_json::from_str::<CaseFile>(&std::fs::read_to_string(p).unwrap()).unwrap().cases)
        .collect()
}

#[test]
fn generated_cases_get_one_answer_and_are_written_for_the_bindings() {
    let n = std::env::var("REGLAMENT_DIFF_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(3_000);
    let base = base_cases();
    let mut cases = generate(&base, n, 0x5EED_2026_1206);
    // The same seed gives the same questions.
    let again = generate(&base, n.min(50), 0x5EED_2026_1206);
    assert!(again.iter().zip(&cases).all(|(a, b)| a.input == b.input && a.profile == b.profile));
    let mut runner = Runner::default();
    // A second runner (its own rules and calendars) must answer the same.
    let mut other = Runner::default();
    let (mut ok, mut failed) = (0usize, 0usize);
    for case in &mut cases {
        let answer = runner.run_op(&case.op, case.profile.as_deref(), &case.input);
        let second = other.run_op(&case.op, case.profile.as_deref(), &case.input);
        assert_eq!(answer, second, "{}: a second runner answered differently", case.name);
        match answer {
            Ok(v) => {
                ok += 1;
                case.expect = Some(v);
            }
            Err(e) => {
                failed += 1;
                let first = ErrorInfo::all(&e).into_iter().next().unwrap();
                let mut expect = json!({"code": first.code});
                if let Some(p) = first.path {
                    expect["path"] = json!(p);
                }
                case.expect_error = Some(expect);
            }
        }
    }
    eprintln!("differential: {n} generated cases, {ok} answered, {failed} refused");
    // Most questions must be answerable, or the generator only tests error paths.
    assert!(ok * 2 > n, "only {ok} of {n} generated cases were answered");
    if let Ok(dir) = std::env::var("REGLAMENT_DIFF_DIR") {
        std::fs::create_dir_all(&dir).unwrap();
        let file = CaseFile { about: Some(format!("{n} generated cases, seed 0x5EED20261206; expect is the Rust answer")), profiles: Vec::new(), cases };
        // The runners read a present `expect_error` (even null) as "an error is expected": drop nulls.
        let mut doc = serde_json::to_value(&file).unwrap();
        for case in doc["cases"].as_array_mut().unwrap() {
            case.as_object_mut().unwrap().retain(|_, v| !v.is_null());
        }
        std::fs::write(Path::new(&dir).join("generated.json"), serde_json::to_string(&doc).unwrap()).unwrap();
    }
}
