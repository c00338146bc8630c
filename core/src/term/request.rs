//! [`DeadlineRequest`]: one term asked as data, the way the CLI, the conformance suite and every
//! binding ask it, so that all of them read it the same way.

use serde::{Deserialize, Serialize};

use super::{parse_instant, parse_zone, resolve_term, Term, TermResult, TermSources};
use crate::calendar::{Calendar, CalendarOptions};
use crate::error::Result;

/// A term to resolve on a built-in calendar.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DeadlineRequest {
    /// Calendar region: any built-in code (`ru`, `ru-ta`, `ru-sta`, ...), layers stacked with `+`
    /// (`ru+ru-sta`); `ru` when omitted.
    #[serde(default = "default_region")]
    pub region: String,
    /// IANA time zone of the municipality.
    pub zone: String,
    /// Start instant, RFC 3339 with offset.
    pub start: String,
    /// The term.
    pub term: Term,
    /// Calendar switches.
    #[serde(default)]
    pub options: CalendarOptions,
    /// Clauses to cite in the explanation.
    #[serde(default)]
    pub sources: TermSources,
}

fn default_region() -> String {
    "ru".to_string()
}

impl DeadlineRequest {
    /// Resolves the request on its built-in calendar.
    pub fn resolve(&self) -> Result<TermResult> {
        let calendar = Calendar::builtin_with(&self.region, self.options)?;
        self.resolve_on(&calendar)
    }

    /// Resolves the request on a calendar the caller already built (and keeps).
    pub fn resolve_on(&self, calendar: &Calendar) -> Result<TermResult> {
        let zone = parse_zone(&self.zone)?;
        let start = parse_instant(&self.start, "start")?;
        resolve_term(calendar, zone, start, &self.term, &self.sources)
    }
}
