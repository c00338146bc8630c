//! The profiles shipped with the library, embedded at build time.
//!
//! The library does no I/O, so `rules/profiles/*.toml` are compiled in; `Profile::builtin`
//! resolves them by id, and a user's file may `extends` any of them, bases included.

/// Every embedded file: `(id, source)`, bases first.
#[cfg(feature = "builtin-rules")]
const FILES: &[(&str, &str)] = &[
    ("smart-city", include_str!("../../../rules/profiles/smart-city.toml")),
    ("pos", include_str!("../../../rules/profiles/pos.toml")),
    ("essentuki", include_str!("../../../rules/profiles/essentuki.toml")),
    ("kislovodsk", include_str!("../../../rules/profiles/kislovodsk.toml")),
    ("mikhailovka", include_str!("../../../rules/profiles/mikhailovka.toml")),
    ("mamadysh", include_str!("../../../rules/profiles/mamadysh.toml")),
    ("tynda", include_str!("../../../rules/profiles/tynda.toml")),
];

/// The concrete built-in profiles, in seed order.
#[cfg(feature = "builtin-rules")]
pub(crate) const CONCRETE: &[&str] = &["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda"];

/// Without the `builtin-rules` feature (the browser module) nothing is compiled in: profiles
/// arrive as data (`crate::packed`), and `Profile::builtin` answers `unknown_profile`.
#[cfg(not(feature = "builtin-rules"))]
const FILES: &[(&str, &str)] = &[];
/// See [`FILES`]: no concrete built-in profile without the `builtin-rules` feature.
#[cfg(not(feature = "builtin-rules"))]
pub(crate) const CONCRETE: &[&str] = &[];

/// The source of an embedded file by id.
pub(crate) fn source(id: &str) -> Option<&'static str> {
    FILES.iter().find(|(name, _)| *name == id).map(|(_, source)| *source)
}

/// The file name diagnostics show for an embedded file.
pub(crate) fn file_name(id: &str) -> String {
    format!("builtin:{id}")
}

/// Ids of every embedded file, bases included.
pub(crate) fn all_names() -> Vec<&'static str> {
    FILES.iter().map(|(name, _)| *name).collect()
}
