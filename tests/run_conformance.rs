//! Runs every conformance case file in `tests/conformance` against the Rust core.
//!
//! The same files are run by the Python, Node and browser suites; this is the reference.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use reglament::conformance::{CaseFile, Runner};

#[test]
fn every_conformance_case_passes() {
    let dir = reglament_tests::conformance_dir();
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    let mut runner = Runner::default();
    let (mut passed, mut failures) = (0, Vec::new());
    let mut names = std::collections::BTreeSet::new();
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let cases: CaseFile = reglament::input::from_str(&text, "")
            .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for case in &cases.cases {
            assert!(names.insert(case.name.clone()), "duplicate case name `{}`", case.name);
            let outcome = runner.run(case);
            if outcome.passed {
                passed += 1;
            } else {
                failures.push(format!(
                    "{}: {}\n  mismatch: {}\n  actual: {}",
                    file.display(),
                    case.name,
                    outcome.mismatch.unwrap_or_default(),
                    outcome.actual
                ));
            }
        }
    }
    println!("conformance: {passed} passed, {} failed", failures.len());
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(passed > 0, "no conformance cases found in {}", dir.display());
}
