//! `plan`: every term that runs from the sending of a message, resolved and explained.

use std::collections::BTreeMap;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::facts::Facts;
use super::model::Message;
use super::route::answer_level;
use super::{category_level, Prepared};
use crate::calendar::Calendar;
use crate::error::Result;
use crate::profile::scope::{planned_at_sending, TermScope};
use crate::profile::{AppliesTo, Profile, TermRule, TermStart};
use crate::term::{resolve_local, resolve_quiet, Citations, ClosingOffsets, Due, Explanation, ReminderRule, Term, TermUnit};

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
    /// When the reminder before it is owed, where the profile sets one (`[sla] reminder`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub remind_at: Option<DateTime<FixedOffset>>,
    /// Each step with the rule and clause behind it.
    pub explanation: Explanation,
}

/// Terms by name: `registration`, `registration_expected`, `answer`, ПОС stage terms.
pub type Plan = BTreeMap<String, PlannedTerm>;

fn applies(applies_to: AppliesTo, facts: &Facts<'_>) -> bool {
    match applies_to {
        AppliesTo::All => true,
        AppliesTo::Appeal59fz => facts.appeal_59fz,
    }
}

/// A term rule ready to resolve: its term, its citation and its steps' citations, written once.
#[derive(Debug, Clone)]
pub(crate) struct PreparedTerm {
    term: Term,
    clause: String,
    sources: Citations,
}

impl PreparedTerm {
    /// `None` for a rule the regulation leaves unset.
    fn new(rule: &TermRule) -> Option<Self> {
        let term = rule.to_term()?;
        let clause = rule.citation();
        let start = term.start_on_working_day.then(|| rule.start_citation_parts());
        let sources = Citations::new(
            Some(&clause),
            start.as_ref().map(|s| &s[..]),
            term.cutoff.map(|_| clause.as_str()),
        );
        Some(Self { term, clause, sources })
    }
}

/// Every term rule of a profile prepared for planning, kept by [`crate::Rules`]: a plan then
/// writes no citation of its own and copies none but the one its output holds.
#[derive(Debug, Clone, Default)]
pub(crate) struct PreparedTerms {
    /// Each of the profile's term rules and fast-track levels, by the address of the rule in
    /// the profile (the profile is shared and never changes), with its prepared form (`None`
    /// where unset). A flat list: a profile holds a handful, and it is scanned faster than a
    /// map is searched by name.
    rules: Vec<(usize, Option<PreparedTerm>)>,
    /// The set terms of [`sending_terms`], in their order, by name, with the messages they
    /// apply to and where in `rules` they are: a plan goes through these alone.
    sending: Vec<(String, AppliesTo, Option<TermScope>, usize)>,
    /// The zone's offset at each closing time of these terms on every day of the calendar.
    closings: Vec<ClosingOffsets>,
}

impl PreparedTerms {
    /// Prepares every term rule of `profile` for `calendar` and `zone`; the result answers
    /// only for that very profile.
    pub(crate) fn new(profile: &Profile, calendar: &Calendar, zone: Tz) -> Self {
        let rules = profile.terms.values().chain(profile.fast_track.values());
        let prepare = |rule: &TermRule| {
            let prepared = PreparedTerm::new(rule).map(|p| PreparedTerm { sources: p.sources.shared(), ..p });
            (address(rule), prepared)
        };
        let rules: Vec<_> = rules.map(prepare).collect();
        let sending = sending_terms(profile)
            .filter_map(|(name, rule)| {
                let at = address(rule);
                let i = rules.iter().position(|(a, p)| *a == at && p.is_some())?;
                let scope = (!rule.scope.is_empty()).then(|| rule.scope.clone());
                Some((name.clone(), rule.applies_to, scope, i))
            })
            .collect();
        let mut times: Vec<NaiveTime> = rules.iter().filter_map(|(_, p)| Some(p.as_ref()?.term.closes_at())).collect();
        times.sort_unstable();
        times.dedup();
        let (first, last) = calendar.range();
        let closings = times.into_iter().map(|at| ClosingOffsets::new(zone, at, first, last)).collect();
        Self { rules, sending, closings }
    }

    /// The citation of `rule` ([`TermRule::citation`]) when it is prepared.
    pub(crate) fn clause(&self, rule: &TermRule) -> Option<&str> {
        self.of(rule).flatten().map(|p| p.clause.as_str())
    }

    /// The names of the set terms a plan files from the profile's own terms, in the order
    /// [`TermSlot::Sending`] counts them.
    pub(crate) fn sending_names(&self) -> impl Iterator<Item = &str> {
        self.sending.iter().map(|(name, ..)| name.as_str())
    }

    /// The prepared form of `rule`, one of the profile's own term rules: `None` for a rule
    /// not found here (which the caller prepares itself, so a miss costs time, never a term),
    /// `Some(None)` for a rule the regulation leaves unset.
    fn of(&self, rule: &TermRule) -> Option<Option<&PreparedTerm>> {
        let at = address(rule);
        self.rules.iter().find(|(a, _)| *a == at).map(|(_, p)| p.as_ref())
    }
}

/// The terms a plan files from the profile's own terms: those that run from the sending, but
/// the answer term, which [`answer_level`] chooses ([`planned_at_sending`]).
fn sending_terms(profile: &Profile) -> impl Iterator<Item = (&String, &TermRule)> {
    profile.terms.iter().filter(|(name, rule)| planned_at_sending(name, rule.from))
}

/// Whether a term limited to some categories or a season ([`TermScope`]) applies to a message.
fn in_scope(profile: &Profile, scope: &TermScope, facts: &Facts<'_>, local: &DateTime<Tz>) -> bool {
    scope.is_empty() || scope.holds(profile, facts.category, local.date_naive())
}

/// Where a rule lives: the identity [`PreparedTerms`] finds it by.
fn address(rule: &TermRule) -> usize {
    std::ptr::from_ref(rule) as usize
}

/// One message's plan being written: what resolving each of its terms needs, gathered once.
struct Planner<'a> {
    /// The calendar the terms are counted in.
    calendar: &'a Calendar,
    /// The sending in local time, found once for every term.
    local: DateTime<Tz>,
    /// The profile's reminder before each term, if any.
    reminder: Option<ReminderRule>,
    /// The profile's term rules prepared in advance, when [`crate::Rules`] has them.
    prepared: Option<&'a PreparedTerms>,
    /// The terms filed so far.
    plan: Plan,
}

impl Planner<'_> {
    /// Resolves `rule`, prepared in advance when found there (else written here), and files it
    /// under `name`; a rule the regulation leaves unset is skipped.
    fn resolve(&mut self, name: &str, rule: &TermRule) -> Result<()> {
        match self.prepared.and_then(|p| p.of(rule)) {
            Some(Some(p)) => self.file_prepared(name, p),
            Some(None) => Ok(()),
            None => match PreparedTerm::new(rule) {
                Some(p) => self.file(name, &p.term, p.clause, p.sources, &[]),
                None => Ok(()),
            },
        }
    }

    /// [`Planner::file`] for a term prepared in advance, with its citations shared.
    fn file_prepared(&mut self, name: &str, p: &PreparedTerm) -> Result<()> {
        let closings = self.prepared.map_or(&[][..], |p| &p.closings);
        self.file(name, &p.term, p.clause.clone(), p.sources.clone(), closings)
    }

    /// Resolves a term from the sending and files it under `name`. The term goes straight into
    /// the plan: it is a large value, and every hand-over is a copy.
    fn file(&mut self, name: &str, term: &Term, clause: String, sources: Citations, closings: &[ClosingOffsets]) -> Result<()> {
        let r = resolve_local(self.calendar, self.local, term, sources, closings)?;
        let remind_at = self.reminder.and_then(|rule| rule.remind_at(self.calendar, self.local.timezone(), r.due, r.due_date));
        self.plan.insert(
            name.to_string(),
            PlannedTerm {
                due: r.due,
                due_date: r.due_date,
                amount: term.amount,
                unit: term.unit,
                clause,
                provisional: r.provisional,
                remind_at,
                explanation: r.explanation,
            },
        );
        Ok(())
    }
}

/// Resolves every term that runs from the sending. Terms that start at later events
/// (acceptance, rework, the vote window) come from the workflow's replay.
pub fn plan(profile: &Profile, calendar: &Calendar, zone: Tz, message: &Message) -> Result<Plan> {
    plan_prepared(profile, calendar, zone, message, None)
}

/// Where a term of a plan comes from: the `i`-th of the prepared sending terms
/// ([`PreparedTerms::sending_names`]), or the answer term the message's level chose.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum TermSlot {
    /// The `i`-th set term that runs from the sending.
    Sending(usize),
    /// The answer term (filed as `answer`).
    Answer,
}

/// Each term a plan of the message files, in the plan's order, handed to `visit` with its
/// slot and name: the one choice of terms (the applying and scoped sending terms, then the
/// answer term of the message's level) behind both the explained plan and the quiet one.
fn each_term(
    profile: &Profile,
    prepared: &Prepared,
    facts: &Facts<'_>,
    local: &DateTime<Tz>,
    mut visit: impl FnMut(TermSlot, &str, &PreparedTerm) -> Result<()>,
) -> Result<()> {
    let terms = &prepared.terms;
    for (i, (name, applies_to, scope, at)) in terms.sending.iter().enumerate() {
        let term = terms.rules.get(*at).and_then(|(_, term)| term.as_ref());
        let scoped = scope.as_ref().is_none_or(|s| in_scope(profile, s, facts, local));
        if let Some(term) = term.filter(|_| applies(*applies_to, facts) && scoped) {
            visit(TermSlot::Sending(i), name, term)?;
        }
    }
    let (answer, _) = answer_level(profile, facts, || category_level(profile, Some(&prepared.routes), facts))?;
    if let Some(rule) = answer.filter(|r| r.from == TermStart::Sending) {
        match terms.of(rule) {
            Some(Some(p)) => visit(TermSlot::Answer, "answer", p)?,
            Some(None) => {}
            // Not one of the profile's own rules (it always is): prepared here instead.
            None => {
                if let Some(p) = PreparedTerm::new(rule) {
                    visit(TermSlot::Answer, "answer", &p)?;
                }
            }
        }
    }
    Ok(())
}

/// [`plan`] with the profile's term rules and routes prepared in advance (of the same profile),
/// as [`crate::Rules`] keeps them.
pub(crate) fn plan_prepared(
    profile: &Profile,
    calendar: &Calendar,
    zone: Tz,
    message: &Message,
    prepared: Option<&Prepared>,
) -> Result<Plan> {
    let facts = Facts::of(message);
    let local = message.sent_at.with_timezone(&zone);
    let reminder = profile.sla.reminder.as_ref().map(|c| c.value);
    let mut planner = Planner { calendar, local, reminder, prepared: prepared.map(|p| &p.terms), plan: Plan::new() };
    match prepared {
        Some(p) => each_term(profile, p, &facts, &local, |_, name, term| planner.file_prepared(name, term))?,
        None => {
            let applying = |rule: &TermRule| applies(rule.applies_to, &facts) && in_scope(profile, &rule.scope, &facts, &local);
            for (name, rule) in sending_terms(profile).filter(|(_, rule)| applying(rule)) {
                planner.resolve(name, rule)?;
            }
            let (answer, _) = answer_level(profile, &facts, || category_level(profile, None, &facts))?;
            if let Some(rule) = answer.filter(|r| r.from == TermStart::Sending) {
                planner.resolve("answer", rule)?;
            }
        }
    }
    Ok(planner.plan)
}

/// The due instant and last day of every term [`plan_prepared`] files for the message, handed
/// to `due` with the term's slot, without explanations, citations, reminders or a map of terms:
/// the same choice of terms ([`each_term`]) and the same resolution
/// ([`crate::term::resolve_quiet`]), so the same answers and errors, for an audit of an archive.
pub(crate) fn plan_quiet(
    profile: &Profile,
    calendar: &Calendar,
    zone: Tz,
    facts: &Facts<'_>,
    prepared: &Prepared,
    mut due: impl FnMut(TermSlot, Due),
) -> Result<()> {
    let local = facts.sent_at.with_timezone(&zone);
    let closings = &prepared.terms.closings;
    each_term(profile, prepared, facts, &local, |slot, _, term| {
        due(slot, resolve_quiet(calendar, local, &term.term, closings)?);
        Ok(())
    })
}
