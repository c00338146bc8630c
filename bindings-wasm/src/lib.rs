//! Browser bindings (issue 5).
