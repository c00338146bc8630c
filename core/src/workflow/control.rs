//! The control report a curator reads: every term overdue at `now` across a batch of messages.
//!
//! A portal keeps many messages open at once; the curator (куратор) asks which of them have a
//! term past due, and by how many working days, to chase the organisations. Each message is
//! replayed as [`crate::Rules::replay`] does, so the report cannot disagree with a single
//! replay; the report only gathers the overdue terms, the longest overdue first.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::event::WorkflowEvent;
use super::report::{Replay, TermStatus};
use super::vocabulary::State;
use crate::error::{Error, Result};
use crate::message::Message;

/// One message of a batch: the message and its event log so far.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BatchItem {
    /// The message.
    pub message: Message,
    /// Its events, in order (none: just sent).
    #[serde(default)]
    pub events: Vec<WorkflowEvent>,
}

/// A term past due at `now`, with the message it belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct OverdueTerm {
    /// Index of the message in the batch.
    pub index: usize,
    /// The message's id, when it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub message_id: Option<String>,
    /// Where the message stands.
    pub state: State,
    /// The executor organisation, when changed or transferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The category (as changed by the moderator, else the message's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// Term name (`registration`, `answer`, `rework`, `planned_date`, ...).
    pub term: String,
    /// Due instant, local offset.
    pub due: DateTime<FixedOffset>,
    /// Last day, local.
    pub due_date: NaiveDate,
    /// Working days past the due date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue_working_days: Option<i64>,
    /// The clause that sets the term.
    pub clause: String,
}

/// Every overdue term of a batch at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ControlReport {
    /// The instant the batch is judged at.
    pub now: DateTime<FixedOffset>,
    /// How many messages were replayed.
    pub messages: usize,
    /// How many of them have at least one overdue term.
    pub messages_overdue: usize,
    /// The overdue terms, the earliest due first (then by batch order).
    pub overdue: Vec<OverdueTerm>,
}

/// Replays every message of `batch` with `replay` and gathers the overdue terms. An error in
/// one message refuses the whole batch, naming the message (`batch[3]`), so that a report is
/// never silently missing one.
pub fn control_report(
    batch: &[BatchItem],
    now: DateTime<FixedOffset>,
    replay: impl Fn(&Message, &[WorkflowEvent]) -> Result<Replay>,
) -> Result<ControlReport> {
    let mut overdue = Vec::new();
    let mut messages_overdue = 0;
    for (index, item) in batch.iter().enumerate() {
        let r = replay(&item.message, &item.events).map_err(|e| in_batch(index, e))?;
        let before = overdue.len();
        let category = r.category.clone().or_else(|| item.message.subcategory.clone()).or_else(|| item.message.category.clone());
        for t in r.terms.into_iter().filter(|t| t.status == TermStatus::Overdue) {
            overdue.push(OverdueTerm {
                index,
                message_id: item.message.id.clone(),
                state: r.state,
                organisation: r.organisation.clone(),
                category: category.clone(),
                term: t.name,
                due: t.due,
                due_date: t.due_date,
                overdue_working_days: t.overdue_working_days,
                clause: t.clause,
            });
        }
        messages_overdue += usize::from(overdue.len() > before);
    }
    overdue.sort_by(|a, b| a.due.cmp(&b.due).then(a.index.cmp(&b.index)));
    Ok(ControlReport { now, messages: batch.len(), messages_overdue, overdue })
}

/// `e` with the message's place in the batch in front of its path.
fn in_batch(index: usize, e: Error) -> Error {
    match e {
        Error::InvalidInput { path, message } => Error::input(format!("batch[{index}].{path}"), message),
        other => Error::input(format!("batch[{index}]"), other.to_string()),
    }
}
