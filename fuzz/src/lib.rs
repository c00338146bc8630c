//! Shared checks of the fuzz targets: the invariants every answer must keep, beyond "no panic".
//!
//! A fuzz target that only looks for panics misses wrong answers; these helpers turn the
//! library's promises (`docs/reliability.md`) into assertions libFuzzer reports as crashes.

#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use chrono::{DateTime, FixedOffset};
use reglament::diagnostic::Severity;
use reglament::ffi::ErrorInfo;
use reglament::{Diagnostic, Error, Profile, Rules};

/// Codes whose error names a value rather than a field: the date out of the calendar's years,
/// the unknown region, zone or profile name (the message says which value).
const VALUE_CODES: &[&str] = &["out_of_range", "unknown_region", "unknown_zone", "unknown_profile"];

/// Every error names the field (`path`) or the file:line:column (`location`) it is about.
pub fn assert_error_named(err: &Error) {
    for info in ErrorInfo::all(err) {
        assert_info_named(&info);
    }
}

/// [`assert_error_named`] for one flattened error.
pub fn assert_info_named(info: &ErrorInfo) {
    if VALUE_CODES.contains(&info.code.as_str()) {
        return;
    }
    let path_ok = info.path.as_deref().is_some_and(|p| !p.is_empty());
    let loc_ok = info.location.as_ref().is_some_and(|l| l.line >= 1 && l.column >= 1 && !l.file.is_empty());
    assert!(path_ok || loc_ok, "error names neither a field nor a file position: {info:?}");
}

/// Every diagnostic of a data file carries file:line:column.
pub fn assert_diagnostics_located(diags: &[Diagnostic]) {
    for d in diags {
        let ok = d.location.as_ref().is_some_and(|l| l.line >= 1 && l.column >= 1 && !l.file.is_empty());
        assert!(ok, "diagnostic without file:line:column: {d:?}");
    }
}

/// Whether a list of diagnostics refuses the file.
pub fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// A term's due is never before the instant it counts from.
pub fn assert_due_not_before(name: &str, start: DateTime<FixedOffset>, due: DateTime<FixedOffset>) {
    assert!(due >= start, "term `{name}` is due {due}, before its start {start}");
}

/// The built-in profiles, in a fixed order; a target's first input byte picks one.
pub fn rules_by_byte(byte: u8) -> Option<&'static Rules> {
    use std::sync::OnceLock;
    static RULES: OnceLock<Vec<Rules>> = OnceLock::new();
    let all = RULES.get_or_init(|| {
        Profile::builtin_names().iter().filter_map(|n| Rules::builtin(n).ok()).collect()
    });
    if all.is_empty() {
        return None;
    }
    all.get(usize::from(byte) % all.len())
}

/// Serialises an answer for byte comparison.
pub fn bytes<T: serde::Serialize>(v: &T) -> Vec<u8> {
    serde_json::to_vec(v).unwrap_or_default()
}
