//! Regulation terms: when a step is due, and why.
//!
//! A term is a duration (N calendar days, N working days or N hours) from a start instant,
//! resolved in the municipality's time zone and production calendar by the legal-time
//! conventions of the Civil Code (arts. 191, 193, 194) and the regulations (a message sent on a
//! non-working day counts from the next working day; Mikhailovka's 17:00 cutoff; the 72-hour
//! vote window). Every result carries an explanation a person can check step by step.

mod closing;
mod explain;
mod explanation;
mod model;
mod office;
mod reminder;
mod request;

pub use explain::Step;
pub(crate) use explain::unit_words;
pub use explanation::Explanation;
pub(crate) use closing::ClosingOffsets;
pub(crate) use explanation::Citations;
use explanation::{Recording, StepData};
pub use model::{OnNonWorking, Term, TermSources, TermUnit};
pub use office::{Break, OfficeHours};
pub use reminder::ReminderRule;
pub use request::DeadlineRequest;

use chrono::{DateTime, Days, FixedOffset, LocalResult, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use crate::calendar::Calendar;
use crate::error::{Error, Result};

/// A resolved term.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct TermResult {
    /// The due instant, RFC 3339 with the zone's local offset.
    pub due: DateTime<FixedOffset>,
    /// The last day of the term, local.
    pub due_date: NaiveDate,
    /// The day the term counts from (after any move to a working day or cutoff).
    pub counts_from: NaiveDate,
    /// Provisional calendar days the result depends on (empty when all acts are out).
    pub provisional: Vec<NaiveDate>,
    /// Each step with the rule and clause behind it.
    pub explanation: Explanation,
}

/// Parses an IANA zone name, with a typed error for an unknown one.
pub fn parse_zone(name: &str) -> Result<Tz> {
    name.parse::<Tz>().map_err(|_| Error::UnknownZone(name.to_string()))
}

/// Parses an RFC 3339 instant; `path` names the field in the error.
pub fn parse_instant(value: &str, path: &str) -> Result<DateTime<FixedOffset>> {
    crate::input::instant(value).map_err(|e| Error::input(path, e))
}

/// Parses a local time of day `HH:MM` or `HH:MM:SS`; `path` names the field in the error.
pub fn parse_time(value: &str, path: &str) -> Result<NaiveTime> {
    NaiveTime::parse_from_str(value, "%H:%M:%S")
        .or_else(|_| NaiveTime::parse_from_str(value, "%H:%M"))
        .map_err(|_| Error::input(path, format!("`{value}` is not a time of day HH:MM (00:00–23:59)")))
}

/// Resolves `term` from `start` in `zone` under `calendar`.
///
/// The steps follow REGULATIONS.md's legal-time conventions: the start may move to the next
/// working day (rule 5) or by the cutoff (rule 9); counting begins the day after (rule 1);
/// working-day terms count only working days (rule 2); a calendar-day term ending on a
/// non-working day moves as `on_nonworking` says (rule 3); the term ends at the closing time or
/// 23:59:59 local (rule 4); an hours term is a rolling window (rule 7).
pub fn resolve_term(
    calendar: &Calendar,
    zone: Tz,
    start: DateTime<FixedOffset>,
    term: &Term,
    sources: &TermSources,
) -> Result<TermResult> {
    resolve_local(calendar, start.with_timezone(&zone), term, Citations::from_sources(sources), &[])
}

/// [`resolve_term`] taking the citations by value: plans and replays write them per term and
/// hand them over instead of having them copied into the explanation.
pub fn resolve_cited_term(
    calendar: &Calendar,
    zone: Tz,
    start: DateTime<FixedOffset>,
    term: &Term,
    sources: TermSources,
) -> Result<TermResult> {
    resolve_term(calendar, zone, start, term, &sources)
}

/// [`resolve_term`] from a start already in the municipality's zone, with the citations in the
/// explanation's own compact form: a plan converts the sending once for all its terms and
/// writes each term's citations straight into one buffer. `closings` are the zone's offsets at
/// closing times worked out in advance (none: chrono-tz is asked).
pub(crate) fn resolve_local(
    calendar: &Calendar,
    local: DateTime<Tz>,
    term: &Term,
    sources: Citations,
    closings: &[ClosingOffsets],
) -> Result<TermResult> {
    check_amount(term)?;
    let mut steps = Recording::new(calendar, local.timezone().name(), sources);
    let r = resolve_with(calendar, local, term, closings, &mut steps)?;
    Ok(TermResult {
        due: r.due,
        due_date: r.due_date,
        counts_from: r.counts_from,
        provisional: r.provisional,
        explanation: steps.finish(),
    })
}

/// A term's due instant and last day, and nothing else: what an audit of an archive reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Due {
    /// The due instant, with the zone's local offset.
    pub(crate) due: DateTime<FixedOffset>,
    /// The last day, local.
    pub(crate) due_date: NaiveDate,
}

/// [`resolve_local`] without the explanation, the citations or the list of provisional days:
/// the same resolution ([`resolve_with`]) with a recorder that keeps nothing, so an audit of
/// millions of messages gets exactly a plan's due instants (and errors) for a fraction of the
/// cost.
pub(crate) fn resolve_quiet(calendar: &Calendar, local: DateTime<Tz>, term: &Term, closings: &[ClosingOffsets]) -> Result<Due> {
    check_amount(term)?;
    let r = resolve_with(calendar, local, term, closings, &mut Quiet)?;
    Ok(Due { due: r.due, due_date: r.due_date })
}

fn check_amount(term: &Term) -> Result<()> {
    if term.amount < 0 {
        return Err(Error::input("amount", format!("a term cannot be negative ({})", term.amount)));
    }
    Ok(())
}

/// What resolving a term records of its way: [`Recording`] keeps each step for the explanation
/// and lists the provisional days; [`Quiet`] keeps nothing. Both paths run [`resolve_with`],
/// so the explained and the quiet due dates cannot drift apart.
trait Recorder {
    /// Records a step; `step` is only called by a recorder that keeps it.
    fn step(&mut self, step: impl FnOnce() -> StepData);

    /// The provisional calendar days between `a` and `b` (in either order) a term's result
    /// depends on, recorded as a step when there are any. Either way both days must be in the
    /// calendar: a day outside it is the same error on both paths.
    fn provisional(&mut self, calendar: &Calendar, a: NaiveDate, b: NaiveDate) -> Result<Vec<NaiveDate>>;
}

impl Recorder for Recording {
    #[inline]
    fn step(&mut self, step: impl FnOnce() -> StepData) {
        self.push(step());
    }

    fn provisional(&mut self, calendar: &Calendar, a: NaiveDate, b: NaiveDate) -> Result<Vec<NaiveDate>> {
        let days = calendar.provisional_days(a, b)?;
        if !days.is_empty() {
            self.push(StepData::Provisional { from: a, to: b });
        }
        Ok(days)
    }
}

/// The recorder of the quiet path: no steps, no list of provisional days.
struct Quiet;

impl Recorder for Quiet {
    #[inline]
    fn step(&mut self, _step: impl FnOnce() -> StepData) {}

    #[inline]
    fn provisional(&mut self, calendar: &Calendar, a: NaiveDate, b: NaiveDate) -> Result<Vec<NaiveDate>> {
        // `provisional_days` refuses the lower day first, then the higher: so does this.
        calendar.is_working_day(a.min(b))?;
        calendar.is_working_day(a.max(b))?;
        Ok(Vec::new())
    }
}

/// What [`resolve_with`] works out; the explanation, if any, stays with the recorder.
struct Resolved {
    due: DateTime<FixedOffset>,
    due_date: NaiveDate,
    counts_from: NaiveDate,
    provisional: Vec<NaiveDate>,
}

/// The one resolution of a term (a non-negative amount, [`check_amount`]), for both the
/// explaining and the quiet path.
#[inline]
fn resolve_with<R: Recorder>(
    calendar: &Calendar,
    local: DateTime<Tz>,
    term: &Term,
    closings: &[ClosingOffsets],
    steps: &mut R,
) -> Result<Resolved> {
    let zone = local.timezone();
    let local_naive = local.naive_local();
    let sent_date = local_naive.date();
    steps.step(|| StepData::Start { at: local_naive });

    if term.unit == TermUnit::Hours {
        let due = local
            .checked_add_signed(chrono::Duration::hours(term.amount))
            .ok_or_else(|| Error::input("amount", "the term runs past the representable time"))?;
        steps.step(|| StepData::Rolling { hours: term.amount, due: due.naive_local() });
        return Ok(Resolved { due: due.fixed_offset(), due_date: due.date_naive(), counts_from: sent_date, provisional: Vec::new() });
    }

    if term.unit == TermUnit::WorkingHours {
        return resolve_working_hours(calendar, local, term, steps);
    }

    // Where counting starts (rules 5 and 9).
    let counts_from = if let Some(cutoff) = term.cutoff {
        let working = calendar.is_working_day(sent_date)?;
        if working && local_naive.time() < cutoff {
            steps.step(|| StepData::BeforeCutoff { day: sent_date, cutoff });
            sent_date
        } else {
            let next = calendar.next_working_day(sent_date)?;
            steps.step(|| StepData::AfterCutoff { day: sent_date, working, cutoff, next });
            next
        }
    } else if term.start_on_working_day && !calendar.is_working_day(sent_date)? {
        let next = calendar.next_working_day(sent_date)?;
        steps.step(|| StepData::StartMoved { sent: sent_date, to: next });
        next
    } else {
        sent_date
    };

    // Counting (rules 1 and 2); whether the counted day is working is asked once.
    let (counted, counted_working) = match term.unit {
        TermUnit::WorkingDays => {
            let counted = calendar.add_working_days(counts_from, term.amount)?;
            (counted, calendar.is_working_day(counted)?)
        }
        _ => {
            let days = u64::try_from(term.amount).unwrap_or(0);
            let last = counts_from.checked_add_days(Days::new(days)).ok_or_else(|| {
                Error::input("amount", format!("{} days is past the representable dates", term.amount))
            })?;
            (last, calendar.is_working_day(last)?)
        }
    };
    steps.step(|| StepData::Counted { amount: term.amount, unit: term.unit, from: counts_from, last: counted });
    if term.unit == TermUnit::WorkingDays {
        if let Some(first) = counts_from.succ_opt() {
            steps.step(|| StepData::Skipped { from: first, to: counted });
        }
    }

    // A last day that is not working (rule 3).
    let last_day = if counted_working {
        counted
    } else {
        let moved = match term.on_nonworking {
            OnNonWorking::Next => calendar.next_working_day(counted)?,
            OnNonWorking::Previous => calendar.previous_working_day(counted)?,
            OnNonWorking::AsIs => counted,
        };
        steps.step(|| StepData::LastDay { counted, moved, rule: term.on_nonworking });
        moved
    };

    // The closing instant (rule 4).
    let closing = term.closes_at();
    let due = ClosingOffsets::instant(closings, zone, &last_day.and_time(closing)).ok_or_else(|| {
        Error::input("closing_time", format!("{closing} does not exist on {last_day} in {}", zone.name()))
    })?;
    steps.step(|| StepData::Closes { day: last_day, at: closing, explicit: term.closing_time.is_some() });

    let provisional = steps.provisional(calendar, sent_date, last_day)?;
    Ok(Resolved { due, due_date: last_day, counts_from, provisional })
}

/// `result` extended by `term` (the extension, counted on from the end of `result`), the `n`th
/// extension of at most `times`, under `clause`: the due instant moves, the explanation keeps
/// the term's steps and adds the extension's, and the provisional days of both are kept.
pub(crate) fn extend_result(
    calendar: &Calendar,
    zone: Tz,
    result: TermResult,
    term: &Term,
    n: u32,
    times: Option<u32>,
    clause: &str,
) -> Result<TermResult> {
    let from = result.due.with_timezone(&zone);
    let ext = resolve_local(calendar, from, term, Citations::new(Some(clause), None, None), &[])?;
    let mut steps = result.explanation.steps();
    steps.push(explain::extended(n, times, term.amount, term.unit, from.naive_local(), clause));
    steps.extend(ext.explanation.steps().into_iter().skip(1));
    let mut provisional = result.provisional;
    provisional.extend(ext.provisional);
    provisional.sort_unstable();
    provisional.dedup();
    Ok(TermResult {
        due: ext.due,
        due_date: ext.due_date,
        counts_from: result.counts_from,
        provisional,
        explanation: Explanation::rendered(steps),
    })
}

/// A `working_hours` term: the start moves to the next opening when it is outside the office
/// hours, then only the time inside them counts, on the calendar's working days, an hour less
/// on a shortened pre-holiday day (Labour Code art. 95); the term ends at the instant the count
/// runs out, not at the end of a day.
fn resolve_working_hours<R: Recorder>(calendar: &Calendar, local: DateTime<Tz>, term: &Term, steps: &mut R) -> Result<Resolved> {
    let hours = term.office_hours.ok_or_else(|| {
        Error::input(
            "office_hours",
            "a `working_hours` term counts in the office hours: give `office_hours` (in a profile, `[office_hours]`)",
        )
    })?;
    if let Some(problem) = hours.problem() {
        return Err(Error::input("office_hours", problem));
    }
    let start = local.naive_local();
    let minutes = term
        .amount
        .checked_mul(60)
        .ok_or_else(|| Error::input("amount", format!("{} working hours is past the representable time", term.amount)))?;
    let (opening, _) = office::count(calendar, &hours, start, 0)?;
    if opening != start {
        steps.step(|| StepData::OfficeOpening(Box::new(explanation::HoursStep { amount: 0, from: start, to: opening, hours })));
    }
    let (end, spans) = office::count(calendar, &hours, opening, minutes)?;
    steps.step(|| StepData::WorkingHours(Box::new(explanation::HoursStep { amount: term.amount, from: opening, to: end, hours })));
    if opening.date() < end.date() {
        steps.step(|| StepData::Skipped { from: opening.date(), to: end.date() });
    }
    let mut short_days: Vec<NaiveDate> = Vec::new();
    for span in &spans {
        if !short_days.contains(&span.day) && office::is_short(calendar, span.day)? {
            short_days.push(span.day);
            steps.step(|| StepData::ShortDay { day: span.day, closes: hours.closes_on(true) });
        }
    }
    let due = local_instant(local.timezone(), &end).ok_or_else(|| {
        Error::input("office_hours", format!("{end} does not exist in {}", local.timezone().name()))
    })?;
    let provisional = steps.provisional(calendar, start.date(), end.date())?;
    Ok(Resolved { due, due_date: end.date(), counts_from: opening.date(), provisional })
}

/// A local wall-clock instant in `zone` with the offset it has there: the earlier of two when
/// the clock was turned back, `None` when the clock skipped it. The same as
/// `zone.from_local_datetime(local)` taken as `Single(t) | Ambiguous(t, _)`, without building
/// the zone-aware values of both candidates.
fn local_instant(zone: Tz, local: &NaiveDateTime) -> Option<DateTime<FixedOffset>> {
    let quick = match zone.offset_from_local_datetime(local) {
        LocalResult::Single(o) | LocalResult::Ambiguous(o, _) => closing::at_offset(local, o.fix()),
        LocalResult::None => None,
    };
    // Past the representable range the general conversion decides, as it always has.
    quick.or_else(|| match zone.from_local_datetime(local) {
        LocalResult::Single(t) | LocalResult::Ambiguous(t, _) => Some(t.fixed_offset()),
        LocalResult::None => None,
    })
}
