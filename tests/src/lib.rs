//! Shared test data of the workspace: where the conformance cases live.

use std::path::PathBuf;

/// The folder holding the conformance case files, shared by every language's test suite.
pub fn conformance_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("conformance")
}
