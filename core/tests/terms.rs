//! Regulation terms resolved by the legal-time conventions, with snapshot-tested explanations.
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use reglament::term::{parse_instant, parse_time, parse_zone, resolve_term, TermSources};
use reglament::{Calendar, OnNonWorking, Term, TermResult, TermUnit};

fn resolve(region: &str, zone: &str, start: &str, term: &Term, sources: &TermSources) -> TermResult {
    let cal = Calendar::builtin(region).unwrap();
    resolve_term(&cal, parse_zone(zone).unwrap(), parse_instant(start, "start").unwrap(), term, sources).unwrap()
}

fn story(r: &TermResult) -> String {
    let mut out = format!("due {} ({})\n", r.due.to_rfc3339(), r.due_date);
    for s in &r.explanation.steps() {
        let clause = s.clause.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
        out.push_str(&format!("- {}{clause}: {}\n  {}\n", s.rule, s.en, s.ru));
    }
    out
}

fn essentuki() -> TermSources {
    TermSources { term: None, start: Some("Essentuki 34.10".into()), cutoff: None }
}

/// The worked example of REGULATIONS.md: sent Saturday 7 March 2026 11:00.
#[test]
fn essentuki_worked_example() {
    let mut registration = Term::new(2, TermUnit::WorkingDays);
    registration.start_on_working_day = true;
    let src = TermSources { term: Some("Essentuki 34.9".into()), ..essentuki() };
    let r = resolve("ru", "Europe/Moscow", "2026-03-07T11:00:00+03:00", &registration, &src);
    assert_eq!(r.due.to_rfc3339(), "2026-03-12T23:59:59+03:00");
    assert_eq!(r.counts_from.to_string(), "2026-03-10");

    let mut answer = Term::new(5, TermUnit::CalendarDays);
    answer.start_on_working_day = true;
    let src = TermSources { term: Some("Essentuki 47".into()), ..essentuki() };
    let r = resolve("ru", "Europe/Moscow", "2026-03-07T11:00:00+03:00", &answer, &src);
    assert_eq!(r.due.to_rfc3339(), "2026-03-16T23:59:59+03:00");
    insta::assert_snapshot!("essentuki_answer", story(&r));
}

#[test]
fn previous_and_as_is_variants() {
    let mut t = Term::new(5, TermUnit::CalendarDays);
    t.start_on_working_day = true;
    t.on_nonworking = OnNonWorking::Previous;
    let r = resolve("ru", "Europe/Moscow", "2026-03-07T11:00:00+03:00", &t, &essentuki());
    assert_eq!(r.due_date.to_string(), "2026-03-13");
    t.on_nonworking = OnNonWorking::AsIs;
    let r = resolve("ru", "Europe/Moscow", "2026-03-07T11:00:00+03:00", &t, &essentuki());
    assert_eq!(r.due_date.to_string(), "2026-03-15");
}

/// Mikhailovka s.3: before 17:00 on a working day registers that day, otherwise the next one.
#[test]
fn mikhailovka_cutoff() {
    let mut t = Term::new(0, TermUnit::WorkingDays);
    t.cutoff = Some(parse_time("17:00", "cutoff").unwrap());
    let src = TermSources { cutoff: Some("Mikhailovka s.3".into()), ..TermSources::default() };
    let before = resolve("ru", "Europe/Volgograd", "2026-03-06T16:59:00+03:00", &t, &src);
    assert_eq!(before.due_date.to_string(), "2026-03-06");
    let after = resolve("ru", "Europe/Volgograd", "2026-03-06T17:00:00+03:00", &t, &src);
    assert_eq!(after.due_date.to_string(), "2026-03-10");
    insta::assert_snapshot!("mikhailovka_after_cutoff", story(&after));
}

/// Volgograd was UTC+4 until 27 December 2020: the same instant is a different local time.
#[test]
fn volgograd_offset_change() {
    let mut t = Term::new(0, TermUnit::WorkingDays);
    t.cutoff = Some(parse_time("17:00", "cutoff").unwrap());
    // 13:30 UTC = 17:30 local (UTC+4) on Friday 4 December 2020: after the cutoff.
    let r = resolve("ru", "Europe/Volgograd", "2020-12-04T13:30:00Z", &t, &TermSources::default());
    assert_eq!(r.due.to_rfc3339(), "2020-12-07T23:59:59+04:00");
    // The same UTC time on Friday 15 January 2021 is 16:30 local (UTC+3): before the cutoff.
    let r = resolve("ru", "Europe/Volgograd", "2021-01-15T13:30:00Z", &t, &TermSources::default());
    assert_eq!(r.due.to_rfc3339(), "2021-01-15T23:59:59+03:00");
}

/// Tynda is UTC+9: a message sent late on a Moscow evening is already the next day there.
#[test]
fn tynda_zone() {
    let t = Term::new(30, TermUnit::CalendarDays);
    let r = resolve("ru", "Asia/Yakutsk", "2026-04-30T20:00:00+03:00", &t, &TermSources::default());
    // 20:00 Moscow = 02:00 on 1 May in Tynda; 30 days from 2 May → 31 May (Sunday) → 1 June.
    assert_eq!(r.due.to_rfc3339(), "2026-06-01T23:59:59+09:00");
}

/// The vote window is 72 hours from publication, a rolling window.
#[test]
fn rolling_hours() {
    let t = Term::new(72, TermUnit::Hours);
    let r = resolve("ru", "Europe/Moscow", "2026-12-30T15:00:00+03:00", &t, &TermSources::default());
    assert_eq!(r.due.to_rfc3339(), "2027-01-02T15:00:00+03:00");
}

#[test]
fn decree_days_2020() {
    // Registration of 2 working days from Friday 27 March 2020: 30 March–30 April were
    // non-working by presidential decree, 1–5 May holidays and transfers, 6–8 May decree days
    // again, 11 May the move of 9 May: the first two working days are 12 and 13 May.
    let t = Term::new(2, TermUnit::WorkingDays);
    let r = resolve("ru", "Europe/Moscow", "2020-03-27T10:00:00+03:00", &t, &TermSources::default());
    assert_eq!(r.due_date.to_string(), "2020-05-13");
    insta::assert_snapshot!("decree_days_2020", story(&r));
}

#[test]
fn bad_inputs_are_typed_errors() {
    assert_eq!(parse_zone("Mars/Olympus").unwrap_err().code(), "unknown_zone");
    let e = parse_instant("2026-03-07 11:00", "sent_at").unwrap_err();
    assert_eq!((e.code(), e.path()), ("invalid_input", Some("sent_at")));
    let e = parse_time("25:00", "cutoff").unwrap_err();
    assert_eq!(e.path(), Some("cutoff"));
    let cal = Calendar::builtin("ru").unwrap();
    let zone = parse_zone("Europe/Moscow").unwrap();
    let start = parse_instant("2026-03-07T11:00:00+03:00", "start").unwrap();
    let e = resolve_term(&cal, zone, start, &Term::new(-1, TermUnit::CalendarDays), &TermSources::default()).unwrap_err();
    assert_eq!(e.path(), Some("amount"));
    let late = parse_instant("2027-12-30T11:00:00+03:00", "start").unwrap();
    let e = resolve_term(&cal, zone, late, &Term::new(10, TermUnit::WorkingDays), &TermSources::default()).unwrap_err();
    assert_eq!(e.code(), "out_of_range");
    let e = resolve_term(&cal, zone, start, &Term::new(i64::MAX, TermUnit::CalendarDays), &TermSources::default()).unwrap_err();
    assert!(matches!(e.code(), "invalid_input" | "out_of_range"));
}
