//! Messages: what a portal hands over, and what the library says about it.
//!
//! [`validate`] finds what is wrong (citing the clause), [`route`] says where it goes, and
//! [`plan`] says when each term that runs from the sending falls due; [`AuditPlan`] reads an
//! archived message's terms as an audit does (due, met, working days late).

mod audit;
mod facts;
mod finding;
mod model;
mod plan;
mod route;
mod validate;

pub use audit::{AuditPlan, AuditRow, AuditTerm, Audited, AuditedTerm};
pub use finding::{Finding, FindingSeverity};
pub use model::{Attachment, Auth, Author, AuthorKind, Channel, Contact, Event, HistoryEntry, Message};
pub use plan::{plan, Plan, PlannedTerm};
pub(crate) use plan::{plan_prepared, plan_quiet, PreparedTerms, TermSlot};
pub(crate) use facts::Facts;
pub use route::{route, FastTrackSource, Route, RoutedFastTrack, RoutedOrganisation, TermSummary};
pub(crate) use route::{answer_rule, route_prepared, PreparedRoutes};
use route::category_level;
pub use validate::{validate, PrivacyHint, Validation};

/// The profile's term rules with their citations, and its categories' routes, written once
/// for every route, plan and replay ([`crate::Rules`] keeps them).
#[derive(Debug)]
pub(crate) struct Prepared {
    /// Every term rule, its citations and the zone's closing offsets: what a plan resolves.
    pub(crate) terms: PreparedTerms,
    /// Every category's route: what `route` copies and where a plan finds the fast-track level.
    pub(crate) routes: PreparedRoutes,
}
