//! A conformance case file (JSON) read and run against the Rust core.
//!
//! Invariants: no panic; every error an operation returns names its field; a `deadline` answer
//! is never due before its start; running a case twice gives the same answer.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reglament::conformance::{judge, CaseFile, Runner};
use reglament::ffi::ErrorInfo;
use reglament_fuzz::{assert_error_named, assert_info_named};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let file: CaseFile = match reglament::input::from_str(text, "") {
        Ok(f) => f,
        Err(e) => return assert_error_named(&e),
    };
    let mut runner = Runner::default();
    for case in file.cases.iter().take(16) {
        let first = runner.run_op(&case.op, case.profile.as_deref(), &case.input);
        let second = runner.run_op(&case.op, case.profile.as_deref(), &case.input);
        assert_eq!(first, second, "case `{}` answered differently twice", case.name);
        if case.op == "deadline" {
            if let (Ok(v), Some(start)) = (&first, case.input.get("start").and_then(|s| s.as_str())) {
                let due = v.get("due").and_then(|d| d.as_str()).and_then(|d| chrono::DateTime::parse_from_rfc3339(d).ok());
                let start = chrono::DateTime::parse_from_rfc3339(start).ok();
                if let (Some(due), Some(start)) = (due, start) {
                    assert!(due >= start, "deadline due {due} before start {start}");
                }
            }
        }
        if let Err(e) = &first {
            assert_error_named(e);
        }
        let outcome = judge(case, first.map_err(|e| ErrorInfo::all(&e)));
        if let Some(errs) = outcome.actual.as_array() {
            for info in errs.iter().filter_map(|v| serde_json::from_value::<ErrorInfo>(v.clone()).ok()) {
                assert_info_named(&info);
            }
        }
    }
});
