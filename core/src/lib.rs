//! reglament: the regulation logic of Russian citizen-feedback portals as one pure library.
//!
//! Portals (the federal ПОС on Gosuslugi, regional «Умный город» platforms) work under a
//! municipality's regulation: what a message must contain, what gets it refused, how it is
//! routed and when each step is due under the production calendar. This crate knows those
//! rules; the rules themselves are data (`rules/` in the repository, embedded at build time).
//!
//! The crate does no I/O and never reads a clock: the caller passes `now` and every input, so
//! the same question always gets the same answer in Rust, Python, Node and the browser.

pub mod calendar;
pub mod detect;
pub mod diagnostic;
pub mod conformance;
pub mod error;
pub mod ffi;
pub mod form;
pub mod input;
pub mod locale;
pub mod message;
#[cfg(feature = "packed")]
pub mod packed;
pub mod profile;
pub mod rules;
pub mod term;
pub mod workflow;

pub use calendar::{Calendar, CalendarOptions, DayInfo, DayKind};
pub use diagnostic::Diagnostic;
pub use error::{Error, Result};
pub use term::{resolve_term, OnNonWorking, Term, TermResult, TermUnit};
pub use message::{Finding, HistoryEntry, Message, Plan, Route, Validation};
pub use rules::Rules;
pub use profile::{lint as lint_profile, Category, Cited, Profile, RefusalGround, Routing, TermRule};
pub use workflow::{Action, Actor, Replay, Role, State, View, WorkflowEvent};
