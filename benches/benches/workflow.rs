//! Replaying a 50-event log (the figure: at most 20 µs).
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use reglament::{Message, Rules, WorkflowEvent};
use serde_json::json;

/// A public Essentuki message: registered and published, 44 votes (one twice, refused), an
/// answer, a negative rating, a rework answer and a positive rating: 50 events.
fn log() -> (Message, Vec<WorkflowEvent>) {
    let message = json!({"id": "e1", "channel": "web", "author": {"id": "u1"}, "sent_at": "2026-03-07T11:00:00+03:00",
        "text": "Третью неделю не вывозят мусор", "category": "all", "public": true});
    let mut events = vec![json!({"at": "2026-03-10T09:00:00+03:00", "actor": {"id": "op", "roles": ["operator"]}, "action": "register_and_publish"})];
    for i in 0..44 {
        let voter = if i == 43 { 0 } else { i };
        events.push(json!({"at": format!("2026-03-10T10:{:02}:00+03:00", i), "actor": {"id": format!("v{voter}"), "roles": ["user"]}, "action": "vote"}));
    }
    events.push(json!({"at": "2026-03-12T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer", "result": "solved", "text": "Вывезли"}));
    events.push(json!({"at": "2026-03-13T10:00:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate", "rating": "negative", "remarks": "Не вывезли"}));
    events.push(json!({"at": "2026-03-14T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer", "result": "postponed", "text": "По графику", "planned_date": "2026-04-15"}));
    events.push(json!({"at": "2026-03-15T10:00:00+03:00", "actor": {"id": "u1", "roles": ["applicant"]}, "action": "rate", "rating": "negative", "remarks": "Не вывезли опять"}));
    events.push(json!({"at": "2026-03-16T10:00:00+03:00", "actor": {"id": "ex", "roles": ["executor"]}, "action": "answer", "result": "solved", "text": "Вывезли"}));
    assert_eq!(events.len(), 50);
    (reglament::input::from_value(&message, "message").unwrap(), reglament::input::from_value(&json!(events), "events").unwrap())
}

fn workflow(c: &mut Criterion) {
    let rules = Rules::builtin("essentuki").unwrap();
    let (message, events) = log();
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-20T12:00:00+03:00").unwrap();
    let r = rules.replay(&message, &events, now).unwrap();
    assert_eq!(r.refused.len(), 1);
    c.bench_function("essentuki: replay a 50-event log", |b| b.iter(|| rules.replay(black_box(&message), black_box(&events), now)));
    let tynda = Rules::builtin("tynda").unwrap();
    let m = reglament::input::from_value(&json!({"channel": "epgu", "author": {"id": "u1"}, "sent_at": "2026-03-02T10:00:00+09:00", "text": "x", "category": "other"}), "message").unwrap();
    c.bench_function("tynda: replay an empty log", |b| b.iter(|| tynda.replay(black_box(&m), &[], now)));
}

criterion_group!(benches, workflow);
criterion_main!(benches);
