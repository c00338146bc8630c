//! `plan`: every term that runs from the sending of a message, resolved and explained.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::model::Message;
use super::route::answer_level;
use crate::calendar::Calendar;
use crate::error::Result;
use crate::profile::{AppliesTo, Profile, TermRule, TermStart};
use crate::term::{resolve_local, Citations, Explanation, TermUnit};

/// One planned term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct PlannedTerm {
    /// Due instant, RFC 3339 with the municipality's local offset.
    pub due: DateTime<FixedOffset>,
    /// Last day, local.
    pub due_date: NaiveDate,
    /// Amount of the term.
    pub amount: i64,
    /// Unit of the term.
    pub unit: TermUnit,
    /// The clause that sets it.
    pub clause: String,
    /// Provisional calendar days it depends on.
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub provisional: Vec<NaiveDate>,
    /// Each step with the rule and clause behind it.
    pub explanation: Explanation,
}

/// Terms by name: `registration`, `registration_expected`, `answer`, ПОС stage terms.
pub type Plan = BTreeMap<String, PlannedTerm>;

fn applies(rule: &TermRule, message: &Message) -> bool {
    match rule.applies_to {
        AppliesTo::All => true,
        AppliesTo::Appeal59fz => message.appeal_59fz,
    }
}

/// Resolves `rule` from the local sending and files it under `name`; a rule the regulation
/// leaves unset is skipped. The term goes straight into the plan: it is a large value, and every
/// hand-over is a copy.
fn resolve_into(plan: &mut Plan, name: &str, calendar: &Calendar, local: DateTime<Tz>, rule: &TermRule) -> Result<()> {
    let Some(term) = rule.to_term() else { return Ok(()) };
    let clause = rule.citation();
    let start = term.start_on_working_day.then(|| rule.start_citation_parts());
    let sources = Citations::new(
        Some(&clause),
        start.as_ref().map(|s| &s[..]),
        term.cutoff.map(|_| clause.as_str()),
    );
    let r = resolve_local(calendar, local, &term, sources)?;
    plan.insert(
        name.to_string(),
        PlannedTerm {
            due: r.due,
            due_date: r.due_date,
            amount: term.amount,
            unit: term.unit,
            clause,
            provisional: r.provisional,
            explanation: r.explanation,
        },
    );
    Ok(())
}

/// Resolves every term that runs from the sending. Terms that start at later events
/// (acceptance, rework, the vote window) come from the workflow's replay.
pub fn plan(profile: &Profile, calendar: &Calendar, zone: Tz, message: &Message) -> Result<Plan> {
    let mut plan = Plan::new();
    // The sending in local time, found once for every term.
    let local = message.sent_at.with_timezone(&zone);
    for (name, rule) in &profile.terms {
        if rule.from != TermStart::Sending || !applies(rule, message) || name.starts_with("answer") {
            continue;
        }
        resolve_into(&mut plan, name, calendar, local, rule)?;
    }
    let (answer, _) = answer_level(profile, message, || {
        let cat = message.subcategory.as_deref().or(message.category.as_deref())?;
        profile.routing_walk(cat)?.fast_track
    })?;
    if let Some(rule) = answer.filter(|r| r.from == TermStart::Sending) {
        resolve_into(&mut plan, "answer", calendar, local, rule)?;
    }
    Ok(plan)
}
