//! One entry of a message's event log, as a portal records it (JSON; `docs/workflow.md`).
//!
//! Every event has `at`, `actor` and `action`; the other fields belong to particular actions
//! and are ignored by the rest. Unknown fields are refused, so a typo (`planed_date`) is an
//! error naming the field, not a silently missing date.

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::vocabulary::{Action, Role};

/// Who acts: the portal's id of the person and the roles they hold for this message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    /// The portal's id of the person (a guest's session id for a guest).
    pub id: String,
    /// The roles they hold; one person may hold several.
    #[serde(default)]
    pub roles: Vec<Role>,
}

impl Actor {
    /// Whether the actor holds `role`.
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

/// The result of an answer (Mamadysh s.2, Tynda 3.5; smart city 39).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AnswerResult {
    /// «Решено»: the question is solved.
    Solved,
    /// «Не решено».
    NotSolved,
    /// «Отложено» until `planned_date` (smart city: planned terms and measures, 39, 41).
    Postponed,
    /// «Отклонено» (smart city: reasoned impossibility).
    Rejected,
}

/// The applicant's rating of an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// Satisfied.
    Positive,
    /// Not satisfied; sends the answer back for rework (needs `remarks`).
    Negative,
}

/// The electronic signature on a ПОС answer (Mamadysh s.2, s.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Signature {
    /// УНЭП, an enhanced unqualified signature.
    Unep,
    /// УКЭП, an enhanced qualified signature.
    Ukep,
}

/// What became of a phone call (Essentuki 33.3-33.5, Kislovodsk 7.4).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CallOutcome {
    /// A typical question answered at once by the operator (33.4).
    AnsweredAtOnce,
    /// The caller was given the contacts of the competent body (33.3).
    ContactsGiven,
    /// A written message was opened for an atypical question (33.5); processing goes on.
    WrittenMessage,
}

/// The official who signs an answer: position and full name (Tynda 3.5).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Official {
    /// Position.
    #[serde(default)]
    pub position: String,
    /// Full name.
    #[serde(default)]
    pub name: String,
}

/// One event of a message's log.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkflowEvent {
    /// When it happened, RFC 3339 with an offset. Events must come in time order.
    #[serde(deserialize_with = "crate::input::de_instant")]
    pub at: DateTime<FixedOffset>,
    /// Who did it.
    pub actor: Actor,
    /// What they did.
    pub action: Action,
    /// `refuse`: the refusal ground's code from the profile's catalogue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// `change_category`: the new category id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// `change_organisation`, `transfer`: the organisation id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// `assign`: the executor's id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
    /// `answer`, `send_to_approval`: the result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<AnswerResult>,
    /// `answer`, `send_to_approval`: the answer text; `approve`: the edited text.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `answer` with `postponed` (or a promise): the date it is postponed until / planned for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_date: Option<NaiveDate>,
    /// `answer`: the official's position and name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub official: Option<Official>,
    /// `answer`, `transfer`: the id of the head who signs it off.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approver: Option<String>,
    /// `answer`, `transfer`: the ids of the co-approving heads (согласование); empty: none.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub co_approvers: Vec<String>,
    /// `approve` at sign-off: the signature applied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<Signature>,
    /// `answer`: how many documents the answer consists of (Mikhailovka 4.2: one).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub documents: Option<u32>,
    /// `answer`: the answer promises that the question will be solved.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub promise: bool,
    /// `rate`: the rating.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<Rating>,
    /// `rate`: the remarks a negative rating needs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remarks: Option<String>,
    /// `block_user`: for how many days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub days: Option<u32>,
    /// `block_user`: the id of the user blocked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user: Option<String>,
    /// `delegate`: the id of the head the decision passes to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// `register_call`: what became of the call.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outcome: Option<CallOutcome>,
    /// `return`, `return_not_in_competence`, `return_for_review`, `decline`, `extend`: why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// `extend`: by how many units of the profile's `[limits] extension` (at most its amount;
    /// the whole amount when omitted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub amount: Option<i64>,
}

impl WorkflowEvent {
    /// A bare event: `action` by `actor` at `at`, with no action-specific fields.
    pub fn new(at: DateTime<FixedOffset>, actor: Actor, action: Action) -> Self {
        Self {
            at,
            actor,
            action,
            code: None,
            category: None,
            organisation: None,
            assignee: None,
            result: None,
            text: None,
            planned_date: None,
            official: None,
            approver: None,
            co_approvers: Vec::new(),
            signature: None,
            documents: None,
            promise: false,
            rating: None,
            remarks: None,
            days: None,
            user: None,
            to: None,
            outcome: None,
            reason: None,
            amount: None,
        }
    }
}
