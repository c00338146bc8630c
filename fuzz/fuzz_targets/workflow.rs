//! An event log through replay and can_view of a built-in profile.
//!
//! Input: one byte choosing the profile, then `{"message": …, "events": […], "now": "…",
//! "viewer": {…}}`. Invariants: no panic; every error names its field; a refused event changes
//! nothing (the log without the refused events replays to the same standing); no live term is
//! due before its start; replay is pure.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reglament::{Actor, Message, Replay, WorkflowEvent};
use reglament_fuzz::{assert_due_not_before, assert_error_named, bytes, rules_by_byte};
use serde_json::Value;

/// What a replay decides, without the per-event lists (their indices shift when events go).
fn standing(r: &Replay) -> Value {
    serde_json::json!({
        "state": r.state, "is_final": r.is_final, "counters": r.counters, "published": r.published,
        "registered_at": r.registered_at, "category": r.category, "organisation": r.organisation,
        "executor": r.executor, "pending": r.pending, "result": r.result,
        "planned_date": r.planned_date, "allowed": r.allowed, "terms": r.terms,
        "effects": r.effects, "story_len": r.story.len(),
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let Some(rules) = rules_by_byte(pick) else { return };
    let Ok(input) = serde_json::from_str::<Value>(text) else { return };
    let message: Message = match reglament::input::from_value(input.get("message").unwrap_or(&Value::Null), "message") {
        Ok(m) => m,
        Err(e) => return assert_error_named(&e),
    };
    let events: Vec<WorkflowEvent> = match input.get("events").and_then(Value::as_array) {
        Some(list) => {
            let parsed: Result<Vec<WorkflowEvent>, _> = list
                .iter()
                .enumerate()
                .map(|(i, v)| reglament::input::from_value(v, &format!("events[{i}]")))
                .collect();
            match parsed {
                Ok(evs) => evs,
                Err(e) => return assert_error_named(&e),
            }
        }
        None => Vec::new(),
    };
    let now_text = input.get("now").and_then(Value::as_str).unwrap_or("2026-06-01T12:00:00+03:00");
    let now = match reglament::term::parse_instant(now_text, "now") {
        Ok(n) => n,
        Err(e) => return assert_error_named(&e),
    };
    match rules.replay(&message, &events, now) {
        Ok(replay) => {
            for t in &replay.terms {
                assert_due_not_before(&t.name, t.start, t.due);
            }
            let again = rules.replay(&message, &events, now);
            assert_eq!(Some(bytes(&replay)), again.ok().map(|r| bytes(&r)), "replay is not pure");
            if !replay.refused.is_empty() {
                let refused: Vec<usize> = replay.refused.iter().map(|r| r.index).collect();
                let kept: Vec<WorkflowEvent> = events
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| !refused.contains(i))
                    .map(|(_, e)| e.clone())
                    .collect();
                match rules.replay(&message, &kept, now) {
                    Ok(without) => {
                        assert!(without.refused.is_empty(), "an accepted event was refused once the refused ones were dropped: {:?}", without.refused);
                        assert_eq!(standing(&replay), standing(&without), "a refused event changed the standing");
                    }
                    Err(e) => panic!("dropping refused events made the replay fail: {e}"),
                }
            }
        }
        Err(e) => assert_error_named(&e),
    }
    if let Some(v) = input.get("viewer") {
        match reglament::input::from_value::<Actor>(v, "viewer") {
            Ok(viewer) => {
                if let Err(e) = rules.can_view(&message, &events, &viewer) {
                    assert_error_named(&e);
                }
            }
            Err(e) => assert_error_named(&e),
        }
    }
});
