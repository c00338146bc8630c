//! The one error type of the library.
//!
//! Every failure a caller can cause is a typed [`Error`] with a stable [`Error::code`] and, where
//! it comes from a field of the input, the [`Error::path`] of that field (`sent_at`,
//! `attachments[2].size`). Bindings turn it into a Python exception or a JS `Error` with the same
//! code and path, so a portal can show the user which field is wrong.

use crate::diagnostic::Diagnostic;

/// Result alias used across the crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong when calling the library.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// An input value is malformed or of the wrong type.
    #[error("invalid input at `{path}`: {message}")]
    InvalidInput {
        /// Path of the offending field (`$` for the whole input).
        path: String,
        /// What is wrong.
        message: String,
    },
    /// A date is outside the years the calendar covers.
    #[error("date {date} is outside the calendar `{calendar}`, which covers {from} to {to}")]
    OutOfRange {
        /// The date asked for, or reached by counting.
        date: String,
        /// The calendar's id.
        calendar: String,
        /// First covered day.
        from: String,
        /// Last covered day.
        to: String,
    },
    /// No calendar with this id (built-in or added).
    #[error("unknown region `{0}`; known regions: {1}")]
    UnknownRegion(String, String),
    /// The time zone is not an IANA zone name.
    #[error("unknown time zone `{0}`; use an IANA name such as Europe/Moscow")]
    UnknownZone(String),
    /// No profile with this name.
    #[error("unknown profile `{0}`; built-in profiles: {1}")]
    UnknownProfile(String, String),
    /// A profile or calendar file is broken; the diagnostics say where and why.
    #[error("{}", render_diagnostics(.0))]
    Data(Vec<Diagnostic>),
}

fn render_diagnostics(diags: &[Diagnostic]) -> String {
    diags.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n")
}

impl Error {
    /// Stable machine-readable code of this error, shared by every binding.
    pub fn code(&self) -> &'static str {
        match self {
            Self::InvalidInput { .. } => "invalid_input",
            Self::OutOfRange { .. } => "out_of_range",
            Self::UnknownRegion(..) => "unknown_region",
            Self::UnknownZone(_) => "unknown_zone",
            Self::UnknownProfile(..) => "unknown_profile",
            Self::Data(_) => "invalid_data",
        }
    }

    /// Path of the input field the error is about, when there is one.
    pub fn path(&self) -> Option<&str> {
        match self {
            Self::InvalidInput { path, .. } => Some(path),
            _ => None,
        }
    }

    /// Shorthand for an [`Error::InvalidInput`].
    pub fn input(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::InvalidInput { path: path.into(), message: message.into() }
    }
}
