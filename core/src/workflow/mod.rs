//! The workflow: a message's whole life under its regulation, replayed from the event log.
//!
//! A portal keeps each message's event log (who did what, when). [`replay`] folds the log into
//! where the message stands, who may do what next, which terms run and how they stand at `now`,
//! and what the platform owes (notices, publication, reminders, escalations). Events the
//! regulation does not allow are refused with a reason and change nothing, so the answer is a
//! function of the log alone. [`can_view`] says who may read a message. The vocabulary
//! (states, roles, actions, guards, effects) is in [`vocabulary`] and `docs/workflow.md`; which
//! of it a regulation has is the profile's `[workflow]` section.

mod check;
mod control;
mod event;
mod promise;
mod replay;
mod report;
mod terms;
pub mod vocabulary;
mod voters;

use chrono::{DateTime, FixedOffset};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

pub use check::{edges, reachable, static_check, CheckIssue};
pub use control::{control_report, BatchItem, ControlReport, OverdueTerm};
pub use event::{Actor, AnswerResult, CallOutcome, Official, Rating, Signature, WorkflowEvent};
pub use report::{
    Counters, Effect, EffectStatus, LiveTerm, Pending, PendingKind, Reason, Recipient, RefusedEvent, Replay,
    RoleActions, StoryStep, TermStatus,
};
pub use vocabulary::{Action, Role, State};

use crate::calendar::Calendar;
use crate::error::{Error, Result};
use crate::message::Message;
use crate::profile::Profile;

/// Refuses a message sent before the profile's regulation came into force.
///
/// A message is judged by the rules in force when it was sent; a profile encodes one act, so a
/// message that predates it must be judged by whatever rules were in force before, which this
/// profile does not know. Replaying it here would present the wrong rules as the law.
fn check_in_force(profile: &Profile, zone: Tz, message: &Message) -> Result<()> {
    if let Some(effective) = &profile.regulation.effective {
        let sent = message.sent_at.with_timezone(&zone).date_naive();
        if sent < effective.value {
            return Err(Error::input(
                "message.sent_at",
                format!(
                    "not_in_force: the message was sent on {sent}, before the {} regulation came into force on {} ({}); judge it by the rules in force then",
                    profile.regulation.short_en,
                    effective.value,
                    effective.citation()
                ),
            ));
        }
    }
    Ok(())
}

/// Replays `events` of `message` under `profile` and says where it stands at `now`.
///
/// Errors only for input that cannot be judged at all: a message sent before the regulation
/// came into force, or a term that runs past the calendar's years. A wrong event is not an
/// error: it is listed in [`Replay::refused`] with its reason.
pub fn replay(
    profile: &Profile,
    calendar: &Calendar,
    zone: Tz,
    message: &Message,
    events: &[WorkflowEvent],
    now: DateTime<FixedOffset>,
) -> Result<Replay> {
    replay_prepared(profile, calendar, zone, message, events, now, None)
}

/// [`replay`] with the profile's term rules and routes prepared in advance, as [`crate::Rules`]
/// keeps them.
pub(crate) fn replay_prepared(
    profile: &Profile,
    calendar: &Calendar,
    zone: Tz,
    message: &Message,
    events: &[WorkflowEvent],
    now: DateTime<FixedOffset>,
    prepared: Option<&crate::message::Prepared>,
) -> Result<Replay> {
    check_in_force(profile, zone, message)?;
    let mut m = replay::Machine::new(profile, calendar, message, zone, now, events);
    m.category.clone_from(&message.category);
    for (i, ev) in events.iter().enumerate() {
        m.apply(i, ev);
    }
    // Terms that run from the sending only run while the message is being processed and not
    // yet answered; the plan is not worked out when none of them can be live.
    let plan = if m.state.in_processing() && !m.answered {
        crate::message::plan_prepared(profile, calendar, zone, message, prepared)?
    } else {
        crate::message::Plan::new()
    };
    let terms = terms::live_terms(calendar, &m, plan)?;
    let allowed = m.allowed();
    Ok(Replay {
        profile: profile.id.clone(),
        now: m.local_now,
        state: m.state,
        is_final: m.state.is_final(),
        counters: m.counters,
        published: m.published_at.is_some(),
        registered_at: m.registered_at,
        category: m.category,
        organisation: m.organisation,
        executor: m.executor,
        pending: m.pending,
        result: m.result,
        planned_date: m.planned_date,
        allowed,
        terms,
        effects: m.effects,
        refused: m.refused,
        story: m.story,
    })
}

/// Whether someone may read a message and its answer, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct View {
    /// May read it.
    pub allowed: bool,
    /// Why: `public`, `author`, `official`, or `non_public`.
    pub reason: Reason,
}

/// Whether `viewer` may read `message` and its answer.
///
/// A published message is public: anyone may read it and its answer (Essentuki 27-30,
/// Kislovodsk 6.9). A non-public one only its author and the officials handling it (Kislovodsk
/// 6.11); never other users, guests, or the administrator, who takes no part in processing
/// (Mamadysh s.2). Whether it is published comes from the replay of `events` (an empty log:
/// not yet published); the viewer's official roles are the portal's word that they handle it.
pub fn can_view(
    profile: &Profile,
    calendar: &Calendar,
    zone: Tz,
    message: &Message,
    events: &[WorkflowEvent],
    viewer: &Actor,
) -> Result<View> {
    let now = events.iter().map(|e| e.at).max().unwrap_or(message.sent_at).max(message.sent_at);
    let published = if events.is_empty() {
        false
    } else {
        replay(profile, calendar, zone, message, events, now)?.published
    };
    let clause = profile.publicity.user_chooses.as_ref().map(crate::profile::Cited::citation);
    let (allowed, reason) = if published {
        (true, Reason::new("public", "публичное сообщение доступно всем", "a public message is open to everyone", clause))
    } else if message.author.id.as_deref().is_some_and(|a| a == viewer.id)
        || (message.author.id.is_none() && viewer.has(Role::Applicant))
    {
        (true, Reason::new("author", "автор видит свое сообщение", "the author sees their own message", None))
    } else if viewer.roles.iter().any(|r| r.is_official()) {
        (
            true,
            Reason::new(
                "official",
                "должностное лицо, обрабатывающее сообщение",
                "an official handling the message",
                None,
            ),
        )
    } else {
        (
            false,
            Reason::new(
                "non_public",
                "непубличное сообщение и ответ на него недоступны другим пользователям и гостям",
                "a non-public message and its answer are not open to other users or guests",
                clause,
            ),
        )
    };
    Ok(View { allowed, reason })
}
