//! Which terms run in the replayed state, from which instant, and how they stand at `now`.
//!
//! A term starts at the event its profile names (`from`): the sending, the registration, the
//! message reaching the executor, the negative rating, the publication, the entry into a ПОС
//! stage. A later event of the same kind restarts it (a second negative rating restarts the
//! rework term; an assignment after a return restarts acceptance). Terms that run from the
//! sending come from [`crate::message::plan`], so `plan` and `replay` cannot disagree.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, TimeZone};

use super::replay::Machine;
use super::report::{LiveTerm, PendingKind, TermStatus};
use super::vocabulary::{EffectKind, Guard, State};
use crate::calendar::Calendar;
use crate::error::Result;
use crate::message::{Plan, PlannedTerm};
use crate::profile::scope::planned_at_sending;
use crate::profile::{AppliesTo, TermRule, TermStart};
use crate::term::{extend_result, resolve_term, Explanation, TermResult, TermSources, TermUnit};

/// Whether the term called `name` runs in the machine's state. A name without a meaning of
/// its own that `plan` files (a first answer: [`planned_at_sending`]) runs like the answer
/// term, while the message is processed and not yet answered.
fn is_live(m: &Machine<'_>, name: &str, from: TermStart) -> bool {
    let transfer_pending = m.pending.as_ref().is_some_and(|p| p.kind == PendingKind::Transfer);
    match name {
        "registration" | "registration_expected" => m.state == State::Moderation && m.registered_at.is_none(),
        "acceptance" | "competence_return" | "head_notice" => m.state == State::Acceptance,
        "rework" => m.in_rework && m.state.in_processing(),
        "redirect" => m.state == State::Coordination || transfer_pending,
        "vote_window" => m.published_at.is_some(),
        "moderation" | "coordination" | "execution" | "approval" | "sign_off" => m.state.name() == name,
        _ => planned_at_sending(name, from) && !m.answered && m.state.in_processing(),
    }
}

/// When the reminder before a term due at `due` is owed, where the profile sets one.
fn remind_at(calendar: &Calendar, m: &Machine<'_>, due: DateTime<FixedOffset>, due_date: NaiveDate) -> Option<DateTime<FixedOffset>> {
    m.profile.sla.reminder.as_ref().and_then(|r| r.value.remind_at(calendar, m.zone, due, due_date))
}

fn start_of(m: &Machine<'_>, from: TermStart) -> Option<DateTime<FixedOffset>> {
    match from {
        TermStart::Sending => Some(m.message.sent_at),
        TermStart::Registration => m.registered_at,
        TermStart::ExecutorReceipt => m.receipt_at,
        TermStart::NegativeRating => m.rework_at,
        TermStart::Publication => m.published_at,
        TermStart::PlannedDate => m.planned_date.and_then(|d| m.start_of(d)),
        TermStart::StageEntry => Some(m.stage_at),
    }
}

fn applies(rule: &TermRule, m: &Machine<'_>) -> bool {
    match rule.applies_to {
        AppliesTo::All => true,
        AppliesTo::Appeal59fz => m.message.appeal_59fz,
    }
}

/// The standing of a term due at `due` (last day `due_date`) at `now`.
fn standing(
    calendar: &Calendar,
    m: &Machine<'_>,
    due: DateTime<FixedOffset>,
    due_date: NaiveDate,
    window: bool,
) -> Result<(TermStatus, Option<i64>)> {
    let now = m.now;
    if window {
        return Ok((if now <= due { TermStatus::Open } else { TermStatus::Closed }, None));
    }
    let today = m.local_now.date_naive();
    if now > due {
        let n = calendar.working_days_between(due_date, today)?;
        return Ok((TermStatus::Overdue, Some(n.max(0))));
    }
    Ok((if today == due_date { TermStatus::DueToday } else { TermStatus::OnTime }, None))
}

fn resolve(
    calendar: &Calendar,
    m: &Machine<'_>,
    name: &str,
    rule: &TermRule,
    start: DateTime<FixedOffset>,
) -> Result<Option<LiveTerm>> {
    let Some(term) = rule.to_term() else {
        return Ok(None);
    };
    let clause = rule.citation();
    let mut sources = TermSources {
        start: term.start_on_working_day.then(|| clause.clone()),
        cutoff: term.cutoff.map(|_| clause.clone()),
        term: Some(clause),
    };
    let r = resolve_term(calendar, m.zone, start, &term, &sources)?;
    // The explanation keeps its own copy of the sources; the term's citation moves on into the
    // live term instead of being copied once more.
    let clause = sources.term.take().unwrap_or_default();
    let (status, overdue) = standing(calendar, m, r.due, r.due_date, name == "vote_window")?;
    Ok(Some(LiveTerm {
        name: name.to_string(),
        start,
        due: r.due,
        due_date: r.due_date,
        amount: term.amount,
        unit: term.unit,
        clause,
        status,
        overdue_working_days: overdue,
        provisional: r.provisional,
        // A window (the vote window) closes rather than falls due: no reminder.
        remind_at: (name != "vote_window").then(|| remind_at(calendar, m, r.due, r.due_date)).flatten(),
        extensions: 0,
        explanation: Some(r.explanation),
    }))
}

/// A term that runs from the sending, as `plan` resolved it, with its standing at `now`
/// (moved out of the plan: each planned term is live at most once).
fn from_plan(calendar: &Calendar, m: &Machine<'_>, name: &str, p: PlannedTerm) -> Result<LiveTerm> {
    let (status, overdue) = standing(calendar, m, p.due, p.due_date, false)?;
    Ok(LiveTerm {
        name: name.to_string(),
        start: m.message.sent_at,
        due: p.due,
        due_date: p.due_date,
        amount: p.amount,
        unit: p.unit,
        clause: p.clause,
        status,
        overdue_working_days: overdue,
        provisional: p.provisional,
        remind_at: p.remind_at,
        extensions: 0,
        explanation: Some(p.explanation),
    })
}

/// The answer term `t` moved on by each extension the log accepted (`extend`), one after the
/// other, each counted from the end the previous one left, with its standing and reminder
/// worked out again.
fn extended(calendar: &Calendar, m: &Machine<'_>, t: LiveTerm) -> Result<LiveTerm> {
    let Some(limit) = m.profile.limits.extension.as_ref().filter(|_| !m.extended_by.is_empty()) else {
        return Ok(t);
    };
    let clause = limit.citation();
    let end_of_day = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
    let mut r = TermResult {
        due: t.due,
        due_date: t.due_date,
        counts_from: t.due_date,
        provisional: t.provisional,
        explanation: t.explanation.unwrap_or_else(|| Explanation::rendered(Vec::new())),
    };
    let mut n = 0u32;
    for amount in &m.extended_by {
        n += 1;
        let at = r.due.with_timezone(&m.zone).time();
        let term = limit.value.term(*amount, (at != end_of_day).then_some(at));
        r = extend_result(calendar, m.zone, r, &term, n, limit.value.times, &clause)?;
    }
    let (status, overdue) = standing(calendar, m, r.due, r.due_date, false)?;
    Ok(LiveTerm {
        due: r.due,
        due_date: r.due_date,
        status,
        overdue_working_days: overdue,
        provisional: r.provisional,
        remind_at: remind_at(calendar, m, r.due, r.due_date),
        extensions: n,
        explanation: Some(r.explanation),
        ..t
    })
}

/// Every term running in the machine's state at `now`; `plan` is [`crate::message::plan`] of
/// the message, worked out whenever the answer term can be live (empty otherwise).
pub(crate) fn live_terms(
    calendar: &Calendar,
    m: &Machine<'_>,
    mut plan: Plan,
) -> Result<Vec<LiveTerm>> {
    let mut out = Vec::new();
    for (name, rule) in &m.profile.terms {
        if rule.unset || name == "answer" || !applies(rule, m) || !is_live(m, name, rule.from) {
            continue;
        }
        if rule.from == TermStart::Sending {
            if let Some(p) = plan.remove(name) {
                out.push(from_plan(calendar, m, name, p)?);
            }
            continue;
        }
        if let Some(start) = start_of(m, rule.from) {
            if let Some(t) = resolve(calendar, m, name, rule, start)? {
                out.push(t);
            }
        }
    }
    // The answer term (a fast-track level replaces it), until the first answer; a rework
    // term replaces it after a negative rating.
    if !m.answered && !m.in_rework && m.state.in_processing() {
        // The plan was worked out (the message is being processed and not yet answered), and
        // it holds `answer` exactly when the answer rule runs from the sending: then the rule
        // need not be looked up again.
        let mut answer = None;
        if let Some(p) = plan.remove("answer") {
            answer = Some(from_plan(calendar, m, "answer", p)?);
        } else if let (Some(rule), _) = crate::message::answer_rule(m.profile, m.message)? {
            // A rule from the sending that gives no term is in neither the plan nor here.
            if rule.from != TermStart::Sending {
                if let Some(start) = start_of(m, rule.from) {
                    answer = resolve(calendar, m, "answer", rule, start)?;
                }
            }
        }
        if let Some(t) = answer {
            out.push(extended(calendar, m, t)?);
        }
    }
    // A postponed answer is due again on its date (smart city 41-42, Mamadysh s.2).
    if m.state == State::Postponed {
        if let Some(date) = m.planned_date {
            let end = NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN);
            if let Some(due) = m.zone.from_local_datetime(&date.and_time(end)).earliest() {
                let due = due.fixed_offset();
                let (status, overdue) = standing(calendar, m, due, date, false)?;
                let clause = m
                    .owes(EffectKind::ReminderPlannedDate)
                    .or_else(|| m.guard_on(Guard::PostponedNeedsDate))
                    .map_or_else(
                        || m.profile.regulation.short_en.clone(),
                        crate::profile::Provision::citation,
                    );
                out.push(LiveTerm {
                    name: "planned_date".to_string(),
                    start: m.stage_at,
                    due,
                    due_date: date,
                    amount: 0,
                    unit: TermUnit::CalendarDays,
                    clause,
                    status,
                    overdue_working_days: overdue,
                    provisional: Vec::new(),
                    remind_at: remind_at(calendar, m, due, date),
                    extensions: m.planned_extensions,
                    explanation: None,
                });
            }
        }
    }
    Ok(out)
}
