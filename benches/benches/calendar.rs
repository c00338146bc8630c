//! Calendar arithmetic and term resolution.
#![allow(missing_docs, clippy::unwrap_used)]

use chrono::NaiveDate;
use criterion::{black_box, criterion_group, criterion_main, Criterion};
use reglament::{term, Calendar, Term, TermUnit};

fn arithmetic(c: &mut Criterion) {
    let cal = Calendar::builtin("ru").unwrap();
    let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
    let e = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    c.bench_function("add_working_days(10)", |b| b.iter(|| cal.add_working_days(black_box(d), black_box(10))));
    c.bench_function("is_working_day", |b| b.iter(|| cal.is_working_day(black_box(d))));
    c.bench_function("working_days_between", |b| b.iter(|| cal.working_days_between(black_box(d), black_box(e))));
    c.bench_function("next_working_day", |b| b.iter(|| cal.next_working_day(black_box(d))));
}

fn terms(c: &mut Criterion) {
    let cal = Calendar::builtin("ru").unwrap();
    let zone = term::parse_zone("Europe/Moscow").unwrap();
    let start = term::parse_instant("2026-03-07T11:00:00+03:00", "start").unwrap();
    let mut t = Term::new(5, TermUnit::CalendarDays);
    t.start_on_working_day = true;
    let src = term::TermSources { term: Some("Essentuki 47".into()), start: Some("Essentuki 34.10".into()), cutoff: None };
    c.bench_function("resolve_term with explanation (Essentuki answer)", |b| {
        b.iter(|| term::resolve_term(&cal, zone, black_box(start), &t, &src))
    });
    let w = Term::new(2, TermUnit::WorkingDays);
    c.bench_function("resolve_term working days, no moves", |b| {
        b.iter(|| term::resolve_term(&cal, zone, black_box(start), &w, &src))
    });
}

criterion_group!(benches, arithmetic, terms);
criterion_main!(benches);
