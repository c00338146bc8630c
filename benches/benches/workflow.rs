//! Replaying a 50-event log (the figure: at most 20 µs).
#![allow(missing_docs, clippy::unwrap_used)]

use criterion::{black_box, criterion_group, criterion_main, Criterion};
use reglament::Rules;

fn workflow(c: &mut Criterion) {
    let rules = Rules::builtin("essentuki").unwrap();
    let (message, events) = reglament_benches::workflow_log().unwrap();
    let now = chrono::DateTime::parse_from_rfc3339("2026-03-20T12:00:00+03:00").unwrap();
    let r = rules.replay(&message, &events, now).unwrap();
    assert_eq!(r.refused.len(), 1);
    c.bench_function("essentuki: replay a 50-event log", |b| b.iter(|| rules.replay(black_box(&message), black_box(&events), now)));
    let tynda = Rules::builtin("tynda").unwrap();
    let m = reglament_benches::tynda_message().unwrap();
    c.bench_function("tynda: replay an empty log", |b| b.iter(|| tynda.replay(black_box(&m), &[], now)));
}

criterion_group!(benches, workflow);
criterion_main!(benches);
