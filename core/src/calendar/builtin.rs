//! The calendar layers shipped with the library, embedded at build time.
//!
//! Portals must work offline and give the same answer everywhere, so the federal and regional
//! calendars travel inside the binary (and the wasm module) rather than being fetched.

/// `(id, file name, TOML source)` of every built-in layer.
#[cfg(feature = "builtin-rules")]
pub(crate) const LAYERS: &[(&str, &str, &str)] = &[
    ("ru", "rules/calendars/ru.toml", include_str!("../../../rules/calendars/ru.toml")),
    ("ru-ta", "rules/calendars/ru-ta.toml", include_str!("../../../rules/calendars/ru-ta.toml")),
];

/// Ids of the built-in regions, for error messages and the CLI.
#[cfg(feature = "builtin-rules")]
pub const REGIONS: &[&str] = &["ru", "ru-ta"];

/// Without the `builtin-rules` feature (the browser module) no layer is compiled in: layers
/// arrive as data (`crate::packed`), and `Calendar::builtin` answers `unknown_region`.
#[cfg(not(feature = "builtin-rules"))]
pub(crate) const LAYERS: &[(&str, &str, &str)] = &[];
/// See [`LAYERS`]: no built-in region without the `builtin-rules` feature.
#[cfg(not(feature = "builtin-rules"))]
pub const REGIONS: &[&str] = &[];
