//! Instruction counts per call, for `valgrind --tool=callgrind` (stable on a busy machine):
//! `cargo build --release -p reglament-benches --example instructions` then run the binary under
//! callgrind twice with N=1 and N=100001 for one operation, and divide the difference by 100000.
//! Usage: `instructions OP N` with OP one of add, is_working, between, term, validate, route, plan,
//! replay (the 50-event Essentuki log of `benches/workflow.rs`), replay_empty (Tynda, no events).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::hint::black_box;

use chrono::NaiveDate;
use reglament::term::{self, TermSources};
use reglament::{Calendar, Message, Rules, Term, TermUnit};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let op = args.get(1).map(String::as_str).unwrap_or("add");
    let n: usize = args.get(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let cal = Calendar::builtin("ru").unwrap();
    let rules = Rules::builtin("essentuki").unwrap();
    let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    let e = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let zone = term::parse_zone("Europe/Moscow").unwrap();
    let start = term::parse_instant("2026-03-07T11:00:00+03:00", "start").unwrap();
    let mut t = Term::new(5, TermUnit::CalendarDays);
    t.start_on_working_day = true;
    let src = TermSources::default();
    let text = "Во дворе дома на улице Пушкина третью неделю не вывозят мусор, контейнеры переполнены, \
                вокруг бегают бродячие собаки, дети не могут пройти к площадке. Прошу принять меры. "
        .repeat(3);
    let text: String = text.chars().take(500).collect();
    let msg: Message = reglament::input::from_value(
        &serde_json::json!({"sent_at": "2026-03-07T11:00:00+03:00", "text": text, "category": "all",
            "event": {"date": "2026-03-07", "time": "09:30", "place": "ул. Пушкина, 12"},
            "attachments": [{"name": "1.jpg", "media_type": "image/jpeg", "size": 2400000},
                            {"name": "2.jpg", "media_type": "image/jpeg", "size": 2100000},
                            {"name": "3.png", "media_type": "image/png", "size": 900000}], "public": true}),
        "message",
    )
    .unwrap();
    // The workflow bench's inputs (benches/benches/workflow.rs).
    let (wf_message, wf_events) = reglament_benches::workflow_log().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-20T12:00:00+03:00").unwrap();
    let tynda = Rules::builtin("tynda").unwrap();
    let tynda_message = reglament_benches::tynda_message().unwrap();
    for _ in 0..n {
        match op {
            "add" => drop(black_box(cal.add_working_days(black_box(d), black_box(10)))),
            "is_working" => drop(black_box(cal.is_working_day(black_box(d)))),
            "between" => drop(black_box(cal.working_days_between(black_box(d), black_box(e)))),
            "term" => drop(black_box(term::resolve_term(&cal, zone, black_box(start), &t, &src))),
            "term_text" => drop(black_box(term::resolve_term(&cal, zone, black_box(start), &t, &src).unwrap().explanation.steps())),
            "validate" => drop(black_box(rules.validate(black_box(&msg), &[]))),
            "route" => drop(black_box(rules.route(black_box(&msg)))),
            "plan" => drop(black_box(rules.plan(black_box(&msg)))),
            "replay" => drop(black_box(rules.replay(black_box(&wf_message), black_box(&wf_events), now))),
            "replay_empty" => drop(black_box(tynda.replay(black_box(&tynda_message), &[], now))),
            other => panic!("unknown op {other}"),
        }
    }
}
