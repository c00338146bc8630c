//! A message (JSON) through validate, route and plan of a built-in profile.
//!
//! Input: one byte choosing the profile, then the message JSON. Invariants: no panic; every
//! error names its field; validate is pure (the same input gives the same bytes twice); no
//! planned term is due before the message was sent.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reglament::{HistoryEntry, Message};
use reglament_fuzz::{assert_due_not_before, assert_error_named, bytes, rules_by_byte};

fuzz_target!(|data: &[u8]| {
    let Some((&pick, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let Some(rules) = rules_by_byte(pick) else { return };
    let message: Message = match reglament::input::from_str(text, "message") {
        Ok(m) => m,
        Err(e) => return assert_error_named(&e),
    };
    let history: Vec<HistoryEntry> = Vec::new();
    let first = rules.validate(&message, &history);
    let second = rules.validate(&message, &history);
    match (&first, &second) {
        (Ok(a), Ok(b)) => assert_eq!(bytes(a), bytes(b), "validate is not pure"),
        (Err(a), Err(b)) => {
            assert_eq!(a, b, "validate is not pure");
            assert_error_named(a);
        }
        _ => panic!("validate is not pure: {first:?} then {second:?}"),
    }
    if let Err(e) = rules.route(&message) {
        assert_error_named(&e);
    }
    match rules.plan(&message) {
        Ok(plan) => {
            for (name, t) in &plan {
                assert_due_not_before(name, message.sent_at, t.due);
            }
        }
        Err(e) => assert_error_named(&e),
    }
});
