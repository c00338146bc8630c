//! A profile file (TOML), with the files it `extends`, through load and lint.
//!
//! Input: UTF-8 text; lines `#@@ NAME` split it into files, the first being the profile and the
//! others what its `extends` chain may name (`NAME`), so chains between files are searched too.
//! Invariants: no panic; lint and load agree (lint reports an error exactly when load refuses);
//! every diagnostic has file:line:column; a loaded concrete profile plans a fixed message with
//! no term due before the sending.
#![no_main]

use libfuzzer_sys::fuzz_target;
use reglament::{Message, Profile, Rules};
use reglament_fuzz::{assert_diagnostics_located, assert_due_not_before, assert_error_named, has_errors};

const MESSAGE: &str = r#"{"sent_at":"2026-03-07T11:00:00+03:00","channel":"web","author":{"id":"u1","kind":"user","auth":"portal"},"text":"Яма на проезжей части у дома 5 по улице Ленина, глубина около 20 см.","category":"all","public":false}"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut parts = text.split("#@@ ");
    let main = parts.next().unwrap_or("");
    let others: Vec<(String, String)> = parts
        .filter_map(|p| {
            let (name, body) = p.split_once('\n')?;
            Some((name.trim().to_string(), body.to_string()))
        })
        .collect();
    let resolver = |name: &str| {
        others.iter().find(|(n, _)| n == name).map(|(n, body)| (format!("{n}.toml"), body.clone()))
    };
    let diags = reglament::profile::lint_with(main, "fuzz.toml", &resolver);
    assert_diagnostics_located(&diags);
    let loaded = Profile::from_toml_with(main, "fuzz.toml", &resolver);
    let lint_refuses = has_errors(&diags);
    match &loaded {
        Ok(_) => assert!(!lint_refuses, "load accepted a file lint refuses: {diags:?}"),
        Err(e) => {
            assert_error_named(e);
            // An abstract base lints clean but does not load as a concrete profile.
            if !lint_refuses {
                let abstract_base = matches!(e, reglament::Error::Data(d) if d.iter().any(|d| d.code == "abstract_profile"));
                assert!(abstract_base, "lint is clean but load refused: {e}");
            }
        }
    }
    if let Ok(profile) = loaded {
        match Rules::new(profile) {
            Ok(rules) => {
                if let Ok(message) = reglament::input::from_str::<Message>(MESSAGE, "message") {
                    let _ = rules.validate(&message, &[]);
                    let _ = rules.route(&message);
                    if let Ok(plan) = rules.plan(&message) {
                        for (name, t) in &plan {
                            assert_due_not_before(name, message.sent_at, t.due);
                        }
                    }
                }
            }
            Err(e) => assert_error_named(&e),
        }
    }
});
