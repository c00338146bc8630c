//! Load: one `Rules` per profile shared by many threads gives the single-thread answers, and
//! memory stays flat; loading and dropping profiles over and over does not grow the process.
//!
//! The calls are the conformance suite's own inputs (every op: validate, route, plan, replay,
//! can_view, deadline, calendar), so the workload is the real mix. CI runs a few seconds of it;
//! `RELIABILITY_THREADS` and `RELIABILITY_CALLS` (calls per thread) scale it up for the long run
//! whose figures are in `docs/reliability.md`. Memory is read from `/proc/self/status` (Linux).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing)]

use std::collections::HashMap;
use std::path::Path;

use reglament::conformance::{calendar_query, CaseFile};
use reglament::term::DeadlineRequest;
use reglament::{Actor, Calendar, CalendarOptions, HistoryEntry, Message, Rules, WorkflowEvent};
use serde_json::Value;

/// One prepared call: the op and its parsed input.
enum Call {
    Validate(String, Message, Vec<HistoryEntry>),
    Route(String, Message),
    Plan(String, Message),
    Replay(String, Message, Vec<WorkflowEvent>, chrono::DateTime<chrono::FixedOffset>),
    CanView(String, Message, Vec<WorkflowEvent>, Actor),
    Deadline(DeadlineRequest),
    Calendar(Value),
}

/// What every thread shares: the rules of each profile and the two calendars.
struct Shared {
    rules: HashMap<String, Rules>,
    calendars: HashMap<bool, Calendar>,
}

fn env_usize(name: &str, default: usize) -> usize {
    std::env::var(name).ok().and_then(|v| v.parse().ok()).unwrap_or(default)
}

fn calls() -> Vec<Call> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/conformance");
    let mut out = Vec::new();
    let mut paths: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
    paths.sort();
    for path in paths {
        let file: CaseFile = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for case in file.cases {
            let profile = case.profile.clone().unwrap_or_default();
            let input = &case.input;
            let message = || reglament::input::from_value::<Message>(&input["message"], "message").ok();
            let events = || -> Option<Vec<WorkflowEvent>> {
                input.get("events").and_then(Value::as_array).map_or(Some(Vec::new()), |l| {
                    l.iter().map(|v| reglament::input::from_value(v, "events").ok()).collect()
                })
            };
            let call = match case.op.as_str() {
                "validate" => message().map(|m| {
                    let history = input.get("history").map_or(Ok(Vec::new()), |h| reglament::input::from_value(h, "history"));
                    Call::Validate(profile, m, history.unwrap_or_default())
                }),
                "route" => message().map(|m| Call::Route(profile, m)),
                "plan" => message().map(|m| Call::Plan(profile, m)),
                "replay" => match (message(), events(), input["now"].as_str().and_then(|n| reglament::term::parse_instant(n, "now").ok())) {
                    (Some(m), Some(e), Some(now)) => Some(Call::Replay(profile, m, e, now)),
                    _ => None,
                },
                "can_view" => match (message(), events(), reglament::input::from_value::<Actor>(&input["viewer"], "viewer").ok()) {
                    (Some(m), Some(e), Some(v)) => Some(Call::CanView(profile, m, e, v)),
                    _ => None,
                },
                "deadline" => reglament::input::from_value::<DeadlineRequest>(input, "input").ok().map(Call::Deadline),
                "calendar" => Some(Call::Calendar(input.clone())),
                _ => None,
            };
            out.extend(call);
        }
    }
    out
}

fn shared() -> Shared {
    let rules = reglament::Profile::builtin_names().iter().map(|n| ((*n).to_string(), Rules::builtin(n).unwrap())).collect();
    let calendars = [true, false]
        .into_iter()
        .map(|d| (d, Calendar::builtin_with("ru", CalendarOptions { decree_days_off: d, ..Default::default() }).unwrap()))
        .collect();
    Shared { rules, calendars }
}

/// The answer of one call as JSON bytes (value or error), the form the bindings compare.
fn answer(shared: &Shared, call: &Call) -> Vec<u8> {
    fn bytes<T: serde::Serialize>(r: reglament::Result<T>) -> Vec<u8> {
        match r {
            Ok(v) => serde_json::to_vec(&v).unwrap(),
            Err(e) => format!("error {}: {e}", e.code()).into_bytes(),
        }
    }
    let rules = |p: &str| shared.rules.get(p).ok_or_else(|| reglament::Error::input("profile", p.to_string()));
    match call {
        Call::Validate(p, m, h) => bytes(rules(p).and_then(|r| r.validate(m, h))),
        Call::Route(p, m) => bytes(rules(p).and_then(|r| r.route(m))),
        Call::Plan(p, m) => bytes(rules(p).and_then(|r| r.plan(m))),
        Call::Replay(p, m, e, now) => bytes(rules(p).and_then(|r| r.replay(m, e, *now))),
        Call::CanView(p, m, e, v) => bytes(rules(p).and_then(|r| r.can_view(m, e, v))),
        Call::Deadline(q) => match q.region.as_str() {
            "ru" => bytes(q.resolve_on(&shared.calendars[&q.options.decree_days_off])),
            _ => bytes(Calendar::builtin_with(&q.region, q.options).and_then(|c| q.resolve_on(&c))),
        },
        Call::Calendar(input) => {
            let decree = input.pointer("/options/decree_days_off").and_then(Value::as_bool).unwrap_or(true);
            let region = input.get("region").and_then(Value::as_str).unwrap_or("ru");
            let date = input["date"].as_str().and_then(|d| d.parse().ok());
            let to = input.get("to").and_then(Value::as_str).and_then(|d| d.parse().ok());
            let n = input.get("n").and_then(Value::as_i64);
            let query = input["query"].as_str().unwrap_or("");
            match (region, date) {
                ("ru", Some(date)) => bytes(calendar_query(&shared.calendars[&decree], query, date, n, to)),
                (_, Some(date)) => bytes(
                    Calendar::builtin_with(region, CalendarOptions { decree_days_off: decree, ..Default::default() })
                        .and_then(|c| calendar_query(&c, query, date, n, to)),
                ),
                _ => b"no date".to_vec(),
            }
        }
    }
}

/// Resident memory of this process in KiB.
fn rss_kib() -> usize {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

#[test]
fn many_threads_sharing_rules_answer_as_one_thread_with_flat_memory() {
    let calls = calls();
    assert!(calls.len() > 250, "the conformance suite gave only {} calls", calls.len());
    let shared = shared();
    let expected: Vec<Vec<u8>> = calls.iter().map(|c| answer(&shared, c)).collect();
    let threads = env_usize("RELIABILITY_THREADS", 8);
    let per_thread = env_usize("RELIABILITY_CALLS", 1_000);
    // A warm-up round lets the allocator reach its working size before memory is measured.
    let run = |per_thread: usize| {
        std::thread::scope(|s| {
            for t in 0..threads {
                let (shared, calls, expected) = (&shared, &calls, &expected);
                s.spawn(move || {
                    for k in 0..per_thread {
                        // Each thread walks the mix from its own offset, so threads overlap ops.
                        let i = (k * 7 + t * 131) % calls.len();
                        assert!(answer(shared, &calls[i]) == expected[i], "thread {t}: call {i} answered differently");
                    }
                });
            }
        });
    };
    run(per_thread / 4 + 1);
    let before = rss_kib();
    run(per_thread);
    let after = rss_kib();
    eprintln!(
        "load: {threads} threads x {per_thread} calls = {} mixed calls over {} inputs; RSS {before} KiB -> {after} KiB",
        threads * per_thread,
        calls.len()
    );
    assert!(after <= before + 16 * 1024, "memory grew from {before} KiB to {after} KiB");
}

#[test]
fn loading_and_dropping_profiles_does_not_grow() {
    let rounds = env_usize("RELIABILITY_RELOADS", 30);
    let load_all = || {
        for name in reglament::Profile::builtin_names() {
            let rules = Rules::builtin(name).unwrap();
            assert!(!rules.profile().categories.is_empty());
            drop(rules);
        }
        let _ = reglament::lint_profile("id = \"x\"\nextends = \"essentuki\"\n", "x.toml");
    };
    for _ in 0..rounds / 4 + 1 {
        load_all();
    }
    let before = rss_kib();
    for _ in 0..rounds {
        load_all();
    }
    let after = rss_kib();
    eprintln!("reload: {rounds} rounds x {} profiles; RSS {before} KiB -> {after} KiB", reglament::Profile::builtin_names().len());
    assert!(after <= before + 4 * 1024, "memory grew from {before} KiB to {after} KiB");
}
