//! The profiles shipped with the library, embedded at build time.
//!
//! The library does no I/O, so `rules/profiles/*.toml` are compiled in (the build script finds
//! every file there); `Profile::builtin`
//! resolves them by id, and a user's file may `extends` any of them, bases included.

// `FILES` and `CONCRETE`, found in `rules/profiles/` by `core/build.rs`: a file added there is
// built in, with no list to edit by hand.
#[cfg(feature = "builtin-rules")]
include!(concat!(env!("OUT_DIR"), "/builtin_profiles.rs"));

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
