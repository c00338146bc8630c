//! `audit`: the plan of one archived message as an audit reads it — each term's due instant and
//! last day, and whether the event that stops it came in time — without the rendered
//! explanations an audit of millions of messages does not read.
//!
//! The deadlines come from the planner's quiet path ([`super::plan_quiet`]): the same choice
//! of terms and the same resolution as [`crate::Rules::plan`], without recording explanations
//! or filing a map of terms; asked for explanations, an audit runs `Rules::plan` itself. This
//! module only names the columns an archive has, finds each term's stopping event and counts
//! the working days it was late, so a batch answers exactly what a single `plan` answers.

use chrono::{DateTime, FixedOffset, NaiveDate};

use super::model::{Author, Contact, Event, Message};
use super::plan::{Plan, PlannedTerm};
use super::{plan_quiet, Facts, TermSlot};
use crate::error::Result;
use crate::profile::TermStart;
use crate::rules::Rules;
use crate::term::Due;

/// One term an audit reports, with the archive column of the event that stops it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditTerm {
    /// The term's name in a plan (`registration`, `answer`, …).
    pub name: String,
    /// The archive column holding the instant the term stops (`registered_at`, `answered_at`).
    pub stopped_by: String,
}

/// The terms a profile's plans can hold, in a fixed order: the columns of an audit table.
///
/// Worked out once per profile so that every row of a batch has the same shape, whichever
/// terms apply to it.
#[derive(Debug, Clone)]
pub struct AuditPlan {
    terms: Vec<AuditTerm>,
    /// The column of each of the planner's sending terms ([`TermSlot::Sending`]), by its index.
    sending: Vec<Option<usize>>,
}

/// What an audit knows of one archived message.
#[derive(Debug, Clone, Default)]
pub struct AuditRow<'a> {
    /// When the message arrived: terms run from here.
    pub sent_at: Option<DateTime<FixedOffset>>,
    /// The profile's category id, when the archive keeps it.
    pub category: Option<&'a str>,
    /// The fast-track level id set by the platform, if any.
    pub fast_track: Option<&'a str>,
    /// Whether the platform flagged the message as a 59-FZ appeal (Mamadysh).
    pub appeal_59fz: bool,
    /// The instant each term stopped, in the order of [`AuditPlan::terms`] (`None`: not yet, or
    /// not recorded). Shorter than the terms: the rest are `None`. Borrowed, so a batch reuses
    /// one buffer for every row.
    pub stopped: &'a [Option<DateTime<FixedOffset>>],
}

/// One term of one archived message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AuditedTerm {
    /// The due instant, in the municipality's zone.
    pub due: DateTime<FixedOffset>,
    /// The last day, local.
    pub due_date: NaiveDate,
    /// Whether the term was met: `Some(true)` when it stopped by `due`; `Some(false)` when it
    /// stopped later, or had not stopped and `now` is past `due`; `None` when it is still running
    /// or nothing is known of its end.
    pub met: Option<bool>,
    /// Working days after the last day up to the day it stopped (or `now`'s day when it has not
    /// stopped), 0 when on time or still running; `None` when nothing is known of its end.
    pub overdue_working_days: Option<i64>,
}

/// One archived message audited: each term of [`AuditPlan::terms`] (`None` where the term does
/// not apply), and the plan itself when the caller asked for explanations.
#[derive(Debug, Clone)]
pub struct Audited {
    /// By the order of [`AuditPlan::terms`].
    pub terms: Vec<Option<AuditedTerm>>,
    /// The full plan with its explanations, kept only when asked for.
    pub plan: Option<Plan>,
}

impl AuditPlan {
    /// The terms `rules`' plans can hold: every term that runs from the sending and that the
    /// regulation sets (as the planner chooses them), and the answer term (its column is null
    /// where the regulation sets none, as Kislovodsk's).
    pub fn new(rules: &Rules) -> Self {
        let profile = rules.profile();
        let mut terms: Vec<AuditTerm> = profile
            .terms
            .iter()
            .filter(|(name, rule)| rule.from == TermStart::Sending && !name.starts_with("answer") && rule.to_term().is_some())
            .map(|(name, _)| AuditTerm { name: name.clone(), stopped_by: stopped_by(name) })
            .collect();
        // The answer term is chosen per message (category, fast track); its column is always there.
        terms.push(AuditTerm { name: "answer".to_string(), stopped_by: stopped_by("answer") });
        let sending = rules.prepared().terms.sending_names().map(|name| terms.iter().position(|t| t.name == name)).collect();
        Self { terms, sending }
    }

    /// The terms, in column order.
    pub fn terms(&self) -> &[AuditTerm] {
        &self.terms
    }

    /// Audits one row as of `now` (when given): plans it with `rules` (the rules this audit
    /// plan was made from) and compares each term with the event that stopped it. `explain`
    /// keeps the plan with its explanations (planned by [`Rules::plan`]); without it the row is
    /// planned by the quiet path, to the same due instants.
    pub fn audit(&self, rules: &Rules, row: &AuditRow<'_>, now: Option<DateTime<FixedOffset>>, explain: bool) -> Result<Audited> {
        let mut terms = vec![None; self.terms.len()];
        if !explain {
            self.audit_into(rules, row, now, &mut terms)?;
            return Ok(Audited { terms, plan: None });
        }
        let sent_at = sent_at(row)?;
        let message = Message {
            id: None,
            channel: None,
            author: Author::default(),
            sent_at,
            text: String::new(),
            category: row.category.map(str::to_string),
            subcategory: None,
            event: Event::default(),
            attachments: Vec::new(),
            public: false,
            contact: Contact::default(),
            fast_track: row.fast_track.map(str::to_string),
            appeal_59fz: row.appeal_59fz,
            extra: None,
        };
        let plan = rules.plan(&message).map_err(|e| out_of_range_at(e, "sent_at"))?;
        for ((slot, term), stopped) in terms.iter_mut().zip(&self.terms).zip(stopped(row)) {
            if let Some(planned) = plan.get(&term.name) {
                *slot = Some(judge(rules, due_of(planned), stopped, now, &term.stopped_by)?);
            }
        }
        Ok(Audited { terms, plan: Some(plan) })
    }

    /// [`AuditPlan::audit`] without explanations, into `out` (one slot per term of
    /// [`AuditPlan::terms`], set to `None` where the term does not apply): a batch audits
    /// millions of rows into one buffer, allocating nothing per row.
    pub fn audit_into(
        &self,
        rules: &Rules,
        row: &AuditRow<'_>,
        now: Option<DateTime<FixedOffset>>,
        out: &mut [Option<AuditedTerm>],
    ) -> Result<()> {
        out.fill(None);
        let facts = Facts { sent_at: sent_at(row)?, category: row.category, fast_track: row.fast_track, appeal_59fz: row.appeal_59fz };
        let mut dues: [Option<Due>; INLINE_TERMS] = [None; INLINE_TERMS];
        let mut more: Vec<(usize, Due)> = Vec::new();
        let answer = self.terms.len().saturating_sub(1);
        plan_quiet(rules.profile(), rules.calendar(), rules.zone(), &facts, rules.prepared(), |slot, due| {
            let column = match slot {
                TermSlot::Sending(i) => self.sending.get(i).copied().flatten(),
                TermSlot::Answer => Some(answer),
            };
            match column.map(|k| (k, dues.get_mut(k))) {
                Some((_, Some(cell))) => *cell = Some(due),
                Some((k, None)) => more.push((k, due)),
                None => {}
            }
        })
        .map_err(|e| out_of_range_at(e, "sent_at"))?;
        more.sort_unstable_by_key(|(k, _)| *k);
        let dues = dues.iter().copied().enumerate().filter_map(|(k, d)| Some((k, d?))).chain(more);
        for (k, due) in dues {
            let (Some(term), Some(cell)) = (self.terms.get(k), out.get_mut(k)) else { continue };
            let stopped = row.stopped.get(k).copied().flatten();
            *cell = Some(judge(rules, due, stopped, now, &term.stopped_by)?);
        }
        Ok(())
    }
}

/// Columns whose due instants a row keeps on the stack; a profile has two to four, and any
/// more go to a vector.
const INLINE_TERMS: usize = 8;

/// The row's sending, which every row needs.
fn sent_at(row: &AuditRow<'_>) -> Result<DateTime<FixedOffset>> {
    row.sent_at.ok_or_else(|| crate::Error::input("sent_at", "missing: every row needs the instant it was sent"))
}

/// The instant each term of the row stopped, by column, `None` past the row's list.
fn stopped<'r>(row: &'r AuditRow<'_>) -> impl Iterator<Item = Option<DateTime<FixedOffset>>> + 'r {
    row.stopped.iter().copied().chain(std::iter::repeat(None))
}

/// A planned term's due instant and last day.
fn due_of(planned: &PlannedTerm) -> Due {
    Due { due: planned.due, due_date: planned.due_date }
}

/// The archive column of the event that stops a term: registration terms stop when the
/// message is registered, the answer term when it is answered, any other term `T` at `T_at`.
fn stopped_by(name: &str) -> String {
    if name.starts_with("registration") {
        "registered_at".to_string()
    } else if name == "answer" {
        "answered_at".to_string()
    } else {
        format!("{name}_at")
    }
}

/// Whether a planned term was met, and by how many working days it was late.
fn judge(rules: &Rules, due: Due, stopped: Option<DateTime<FixedOffset>>, now: Option<DateTime<FixedOffset>>, column: &str) -> Result<AuditedTerm> {
    let Due { due, due_date } = due;
    let (met, overdue) = match (stopped, now) {
        (Some(at), _) if at <= due => (Some(true), Some(0)),
        (Some(at), _) => (Some(false), Some(late_days(rules, due_date, at, column)?)),
        (None, Some(at)) if at <= due => (None, Some(0)),
        (None, Some(at)) => (Some(false), Some(late_days(rules, due_date, at, "now")?)),
        (None, None) => (None, None),
    };
    Ok(AuditedTerm { due, due_date, met, overdue_working_days: overdue })
}

/// Working days after `due_date` up to and including `at`'s local day; an instant past the
/// calendar is an error naming `field`.
fn late_days(rules: &Rules, due_date: NaiveDate, at: DateTime<FixedOffset>, field: &str) -> Result<i64> {
    let day = at.with_timezone(&rules.zone()).date_naive();
    if day <= due_date {
        return Ok(0);
    }
    rules.calendar().working_days_between(due_date, day).map_err(|e| out_of_range_at(e, field))
}

/// A date past the calendar, reached from the instant in `field`, as an input error naming
/// that field: in a batch the row's `error` then says which column to look at.
fn out_of_range_at(e: crate::Error, field: &str) -> crate::Error {
    match e {
        crate::Error::OutOfRange { .. } => crate::Error::input(field, e.to_string()),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    #[test]
    fn due_dates_are_the_plans() {
        let rules = Rules::builtin("essentuki").unwrap();
        let audit = AuditPlan::new(&rules);
        let names: Vec<_> = audit.terms().iter().map(|t| t.name.as_str()).collect();
        assert!(names.contains(&"registration") && names.contains(&"answer"), "{names:?}");
        let row = AuditRow { sent_at: Some(at("2026-03-07T11:00:00+03:00")), ..AuditRow::default() };
        let audited = audit.audit(&rules, &row, None, false).unwrap();
        let message: Message = crate::input::from_str(r#"{"sent_at": "2026-03-07T11:00:00+03:00"}"#, "message").unwrap();
        let plan = rules.plan(&message).unwrap();
        for (term, got) in audit.terms().iter().zip(&audited.terms) {
            let want = plan.get(&term.name).map(|p| (p.due, p.due_date));
            assert_eq!(got.as_ref().map(|g| (g.due, g.due_date)), want, "{}", term.name);
            assert_eq!(got.as_ref().and_then(|g| g.met), None);
        }
        assert!(audited.plan.is_none());
    }

    #[test]
    fn late_answers_count_working_days() {
        let rules = Rules::builtin("essentuki").unwrap();
        let audit = AuditPlan::new(&rules);
        let answer = audit.terms().iter().position(|t| t.name == "answer").unwrap();
        let sent = Some(at("2026-03-02T10:00:00+03:00"));
        let first = audit.audit(&rules, &AuditRow { sent_at: sent, ..AuditRow::default() }, None, true).unwrap();
        let due = first.terms[answer].as_ref().unwrap().due;
        assert!(first.plan.is_some());
        // Answered one second late: late by the working days after the last day up to that day.
        let mut stopped = vec![None; audit.terms().len()];
        stopped[answer] = Some(due + chrono::Duration::days(7));
        let row = AuditRow { sent_at: sent, stopped: &stopped, ..AuditRow::default() };
        let late = audit.audit(&rules, &row, None, false).unwrap();
        let got = late.terms[answer].as_ref().unwrap();
        let want = rules.calendar().working_days_between(got.due_date, got.due_date + chrono::Days::new(7)).unwrap();
        assert_eq!((got.met, got.overdue_working_days), (Some(false), Some(want)));
        assert!(want >= 4, "{want}");
        // Answered on time; still running as of now; overdue as of a later now.
        let mut stopped = vec![None; audit.terms().len()];
        stopped[answer] = Some(due);
        let row = AuditRow { sent_at: sent, stopped: &stopped, ..AuditRow::default() };
        let ok = audit.audit(&rules, &row, None, false).unwrap();
        assert_eq!(ok.terms[answer].as_ref().unwrap().met, Some(true));
        let row = AuditRow { sent_at: sent, ..AuditRow::default() };
        let running = audit.audit(&rules, &row, sent, false).unwrap();
        assert_eq!(running.terms[answer].as_ref().map(|t| (t.met, t.overdue_working_days)), Some((None, Some(0))));
        let overdue = audit.audit(&rules, &row, Some(due + chrono::Duration::days(1)), false).unwrap();
        assert_eq!(overdue.terms[answer].as_ref().unwrap().met, Some(false));
    }

    #[test]
    fn a_missing_or_far_instant_names_the_field() {
        let rules = Rules::builtin("essentuki").unwrap();
        let audit = AuditPlan::new(&rules);
        let err = audit.audit(&rules, &AuditRow::default(), None, false).unwrap_err();
        assert_eq!(err.path(), Some("sent_at"));
        let row = AuditRow { sent_at: Some(at("2026-03-02T10:00:00+03:00")), ..AuditRow::default() };
        let err = audit.audit(&rules, &row, Some(at("2199-01-01T00:00:00+03:00")), false).unwrap_err();
        assert_eq!(err.path(), Some("now"));
    }
}
