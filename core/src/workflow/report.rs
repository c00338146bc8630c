//! What a replay answers: where the message stands, who may act, what is due and what is owed.

use std::borrow::Cow;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::{Deserialize, Serialize};

use super::event::AnswerResult;
use super::vocabulary::{Action, Role, State};
use crate::term::{Explanation, TermUnit};

/// Why an event was refused, in both languages, with the clause when a regulation gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Reason {
    /// Stable code (`role_missing`, `wrong_state`, `negative_rating_without_remarks`, ...).
    pub code: String,
    /// Russian text.
    pub ru: String,
    /// English text.
    pub en: String,
    /// Citation («Essentuki 50.2»), when a clause is behind the refusal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub clause: Option<String>,
}

impl Reason {
    pub(crate) fn new(code: &str, ru: impl Into<String>, en: impl Into<String>, clause: Option<String>) -> Self {
        Self { code: code.to_string(), ru: ru.into(), en: en.into(), clause }
    }
}

/// An event the replay refused; it changed nothing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RefusedEvent {
    /// Index of the event in the log.
    pub index: usize,
    /// When it was to happen.
    pub at: DateTime<FixedOffset>,
    /// The action.
    pub action: Action,
    /// Who tried.
    pub actor: String,
    /// Why it was refused.
    pub reason: Reason,
}

/// An accepted event: one line of the message's story.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct StoryStep {
    /// Index of the event in the log.
    pub index: usize,
    /// When.
    pub at: DateTime<FixedOffset>,
    /// What.
    pub action: Action,
    /// Who.
    pub actor: String,
    /// State before.
    pub from: State,
    /// State after.
    pub to: State,
}

/// The counters the regulations limit.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Counters {
    /// Times sent back for rework after a negative rating.
    pub reworks: u32,
    /// «Отложено» answers delivered.
    pub postponements: u32,
    /// Votes accepted.
    pub votes: u32,
    /// Votes accepted within the vote window.
    pub votes_in_window: u32,
    /// Extensions of the answer term accepted (`extend`); `[limits] extension` `times` bounds
    /// them.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extensions: u32,
    /// Moves of a postponed answer's planned date («запланировано», moved on by `extend`), over
    /// the message's whole life: each by at most the extension's amount, their number not
    /// bounded (a portal reports it).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub planned_date_extensions: u32,
}

/// The actions one role may take now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct RoleActions {
    /// The role.
    pub role: Role,
    /// What it may do in the current state (person-specific guards aside).
    pub actions: Vec<Action>,
}

/// A term's standing at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermStatus {
    /// Due on a later day.
    OnTime,
    /// Due by the end of today (local).
    DueToday,
    /// Past its due instant.
    Overdue,
    /// A window (the vote window) still open.
    Open,
    /// A window that has closed.
    Closed,
}

/// A term running now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct LiveTerm {
    /// Term name (`registration`, `answer`, `rework`, `vote_window`, `planned_date`, ...).
    pub name: String,
    /// The instant it counts from.
    pub start: DateTime<FixedOffset>,
    /// Due instant, local offset.
    pub due: DateTime<FixedOffset>,
    /// Last day, local.
    pub due_date: NaiveDate,
    /// Amount (0 for a planned date).
    pub amount: i64,
    /// Unit.
    pub unit: TermUnit,
    /// The clause that sets it.
    pub clause: String,
    /// Standing at `now`.
    pub status: TermStatus,
    /// Working days past the due date, when overdue.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub overdue_working_days: Option<i64>,
    /// Provisional calendar days it depends on.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub provisional: Vec<NaiveDate>,
    /// When the reminder before it is owed, where the profile sets one (`[sla] reminder`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub remind_at: Option<DateTime<FixedOffset>>,
    /// How many times it was extended (`extend`): the answer term, or the planned date since
    /// the postponed answer that set it; absent when never.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub extensions: u32,
    /// How it was counted, step by step (absent for a planned date).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub explanation: Option<Explanation>,
}

/// Serde's test for a count left out of the output when it is 0.
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// To whom an effect is owed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Recipient {
    /// The author of the message.
    Applicant,
    /// The responsible organisation or its executor.
    Organisation,
    /// Everyone: publication on the portal.
    Public,
    /// The authority the message is put before (smart city 50.8, 50.11).
    Authority,
    /// The commission of the operator and the coordinator (Mikhailovka 4.4).
    Commission,
    /// A blocked user.
    User,
}

/// Whether an effect is owed already.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum EffectStatus {
    /// Owed now (its instant has come).
    Owed,
    /// Owed at a later instant (a reminder on a planned date).
    Scheduled,
}

/// Something the platform owes: a notice, a publication, a reminder, an escalation.
// The name and most texts are fixed strings of the library, so they are borrowed (`Cow`) rather
// than copied for every effect of every replay; they serialise as plain strings, and the JSON
// schema is the same. (A plain comment: doc comments here end up in the bindings' types.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Effect {
    /// Effect name (`notice_registered`, `notice_refused`, `escalation_votes`, ...).
    pub kind: Cow<'static, str>,
    /// To whom.
    pub to: Recipient,
    /// When it is owed.
    pub at: DateTime<FixedOffset>,
    /// Owed now or later.
    pub status: EffectStatus,
    /// The clause that makes the platform owe it.
    pub clause: String,
    /// Russian text.
    pub ru: Cow<'static, str>,
    /// English text.
    pub en: Cow<'static, str>,
    /// A code that goes with it (the refusal ground of `notice_refused`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
}

/// A decision awaiting the heads (ПОС approval and sign-off).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Pending {
    /// `answer` or `transfer`.
    pub kind: PendingKind,
    /// The answer's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<AnswerResult>,
    /// The answer text (as edited by the heads).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// The date a postponed answer is postponed until.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_date: Option<NaiveDate>,
    /// The organisation of a transfer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// Co-approving heads who have not approved yet.
    pub approvers: Vec<String>,
    /// The head who signs it off, when named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
}

/// What awaits the heads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum PendingKind {
    /// A prepared answer.
    Answer,
    /// A decision to transfer the message to another organisation.
    Transfer,
}

/// The whole answer of a replay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Replay {
    /// Profile id.
    pub profile: String,
    /// The instant the replay is judged at.
    pub now: DateTime<FixedOffset>,
    /// Where the message stands.
    pub state: State,
    /// The state is final (the officials owe nothing more unless the applicant acts).
    pub is_final: bool,
    /// Counters.
    pub counters: Counters,
    /// Whether the message is published (visible to everyone).
    pub published: bool,
    /// When it was registered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registered_at: Option<DateTime<FixedOffset>>,
    /// The category (as changed by the moderator).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<String>,
    /// The executor organisation, when changed or transferred.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The executor's id, when one is assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub executor: Option<String>,
    /// The decision awaiting the heads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pending: Option<Pending>,
    /// The latest answer's result.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub result: Option<AnswerResult>,
    /// The date the answer is postponed until or planned for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub planned_date: Option<NaiveDate>,
    /// The actions each role may take now.
    pub allowed: Vec<RoleActions>,
    /// Every term running now, with its standing.
    pub terms: Vec<LiveTerm>,
    /// What the platform owes.
    pub effects: Vec<Effect>,
    /// Events refused, with reasons.
    pub refused: Vec<RefusedEvent>,
    /// Events accepted, in order.
    pub story: Vec<StoryStep>,
}
