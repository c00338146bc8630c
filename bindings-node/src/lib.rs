//! Node bindings (issue 5).
