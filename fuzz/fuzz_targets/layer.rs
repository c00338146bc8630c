//! A calendar layer file (TOML) on top of the built-in Russian calendar.
//!
//! Invariants: no panic; every diagnostic has file:line:column; a calendar with the layer
//! answers day, add/next/previous-working-day and count questions without panicking, and
//! adding n ≥ 0 working days never goes back in time.
#![no_main]

use chrono::NaiveDate;
use libfuzzer_sys::fuzz_target;
use reglament::calendar::Layer;
use reglament::Calendar;
use reglament_fuzz::assert_error_named;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let layer = match Layer::from_toml(text, "fuzz-layer.toml") {
        Ok(l) => l,
        Err(e) => return assert_error_named(&e),
    };
    let Ok(base) = Calendar::builtin("ru") else { return };
    let cal = match base.with_layer(layer) {
        Ok(c) => c,
        Err(e) => return assert_error_named(&e),
    };
    let (from, to) = cal.range();
    let mut day = from;
    let step = ((to - from).num_days() / 40).max(1);
    while day <= to {
        let _ = cal.day_info(day);
        if let Ok(later) = cal.add_working_days(day, 3) {
            assert!(later >= day, "adding working days went back: {day} -> {later}");
        }
        let _ = cal.next_working_day(day);
        let _ = cal.previous_working_day(day);
        let _ = cal.working_days_between(from, day);
        match day.checked_add_signed(chrono::Duration::days(step)) {
            Some(d) => day = d,
            None => break,
        }
    }
    let _ = NaiveDate::from_ymd_opt(2026, 1, 1).map(|d| cal.is_working_day(d));
});
