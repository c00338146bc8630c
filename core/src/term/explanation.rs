//! [`Explanation`]: the steps of a resolved term, rendered to text only when read.
//!
//! A portal computes deadlines for every message on every page view but shows the reasoning
//! rarely; so a resolved term records *what* happened (which rule, which dates) and the Russian
//! and English sentences are written when the explanation is serialised or asked for.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use std::sync::Arc;

use smallvec::SmallVec;

use super::explain::{self, Step};
use super::model::{OnNonWorking, TermSources, TermUnit};
use super::office::OfficeHours;
use crate::calendar::Calendar;

/// Steps kept inline. A term records at most seven (the start, a start move or cutoff, the
/// count, the skipped days, a moved last day, the closing, the provisional note) and in practice
/// at most six, since a working-day count only ends on a non-working day when it counts none;
/// a seventh spills to the heap.
const MAX_STEPS: usize = 6;

/// The recorded steps of one term, kept inline: a resolved term allocates nothing more for them.
type Steps = SmallVec<[StepData; MAX_STEPS]>;

/// The clauses a term's steps cite ([`TermSources`]), held in one buffer: a plan writes two or
/// three citations per term and most are the same text, so they share one allocation.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Citations {
    text: Text,
    term: Option<(u32, u32)>,
    start: Option<(u32, u32)>,
    cutoff: Option<(u32, u32)>,
}

impl Citations {
    /// The clauses of the term's length, of moving a non-working start (written as the
    /// concatenation of `start`'s parts) and of the cutoff; a text equal to an earlier one is
    /// stored once (a plan's cutoff clause is its term clause).
    pub(crate) fn new(term: Option<&str>, start: Option<&[&str]>, cutoff: Option<&str>) -> Self {
        let start_len: usize = start.map_or(0, |parts| parts.iter().map(|p| p.len()).sum());
        let start_is_term = matches!((term, start), (Some(t), Some(parts)) if t.len() == start_len && spells(t, parts));
        let cutoff_is_term = matches!((term, cutoff), (Some(t), Some(c)) if t == c);
        let cutoff_is_start =
            matches!((start, cutoff), (Some(parts), Some(c)) if c.len() == start_len && spells(c, parts));
        let mut len = term.map_or(0, str::len);
        if !start_is_term {
            len += start_len;
        }
        if !cutoff_is_term && !cutoff_is_start {
            len += cutoff.map_or(0, str::len);
        }
        let mut text = String::with_capacity(len);
        let term_span = term.map(|t| push(&mut text, &[t]));
        let start_span = match start {
            Some(_) if start_is_term => term_span,
            Some(parts) => Some(push(&mut text, parts)),
            None => None,
        };
        let cutoff_span = match cutoff {
            Some(_) if cutoff_is_term => term_span,
            Some(_) if cutoff_is_start => start_span,
            Some(c) => Some(push(&mut text, &[c])),
            None => None,
        };
        Self { text: Text::Owned(text), term: term_span, start: start_span, cutoff: cutoff_span }
    }

    /// The same citations with their text shared: [`crate::Rules`] writes each term rule's
    /// citations once, and every planned term then takes them without an allocation.
    pub(crate) fn shared(self) -> Self {
        let text = match self.text {
            Text::Owned(t) => Text::Shared(Arc::from(t)),
            shared @ Text::Shared(_) => shared,
        };
        Self { text, ..self }
    }

    /// [`Citations::new`] from the public form.
    pub(crate) fn from_sources(sources: &TermSources) -> Self {
        let start = sources.start.as_deref().map(|s| [s]);
        Self::new(sources.term.as_deref(), start.as_ref().map(|s| &s[..]), sources.cutoff.as_deref())
    }

    fn get(&self, span: Option<(u32, u32)>) -> Option<&str> {
        let (a, b) = span?;
        self.text.as_str().get(a as usize..b as usize)
    }

    fn term(&self) -> Option<&str> {
        self.get(self.term)
    }

    fn start(&self) -> Option<&str> {
        self.get(self.start)
    }

    fn cutoff(&self) -> Option<&str> {
        self.get(self.cutoff)
    }
}

/// The text of [`Citations`]: written for the one term (owned), or once for every term of a
/// rule and shared.
#[derive(Debug, Clone)]
enum Text {
    Owned(String),
    Shared(Arc<str>),
}

impl Text {
    fn as_str(&self) -> &str {
        match self {
            Self::Owned(t) => t,
            Self::Shared(t) => t,
        }
    }
}

impl Default for Text {
    fn default() -> Self {
        Self::Owned(String::new())
    }
}

impl PartialEq for Text {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Text {}

/// Whether `text` is the concatenation of `parts` (lengths already known to agree).
fn spells(text: &str, parts: &[&str]) -> bool {
    let mut rest = text.as_bytes();
    parts.iter().all(|p| match rest.split_at_checked(p.len()) {
        Some((head, tail)) if head == p.as_bytes() => {
            rest = tail;
            true
        }
        _ => false,
    })
}

/// Appends `parts` as one text and returns its span.
fn push(text: &mut String, parts: &[&str]) -> (u32, u32) {
    let begin = text.len();
    for p in parts {
        text.push_str(p);
    }
    (to_u32(begin), to_u32(text.len()))
}

/// Citations are short texts; a span past `u32` cannot occur, and saturating keeps the type
/// total.
fn to_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// What one step recorded; rendered by [`explain`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum StepData {
    Start { at: NaiveDateTime },
    StartMoved { sent: NaiveDate, to: NaiveDate },
    BeforeCutoff { day: NaiveDate, cutoff: NaiveTime },
    AfterCutoff { day: NaiveDate, working: bool, cutoff: NaiveTime, next: NaiveDate },
    Counted { amount: i64, unit: TermUnit, from: NaiveDate, last: NaiveDate },
    Skipped { from: NaiveDate, to: NaiveDate },
    LastDay { counted: NaiveDate, moved: NaiveDate, rule: OnNonWorking },
    Closes { day: NaiveDate, at: NaiveTime, explicit: bool },
    Rolling { hours: i64, due: NaiveDateTime },
    /// An event outside the office hours: counting starts at the next opening (`to`).
    OfficeOpening(Box<HoursStep>),
    /// A `working_hours` count from `from` to `to`; the day-by-day parts are worked out again
    /// when written out.
    WorkingHours(Box<HoursStep>),
    /// A shortened pre-holiday day the count went through (Labour Code art. 95).
    ShortDay { day: NaiveDate, closes: NaiveTime },
    /// Provisional days between the two dates, read back from the calendar when written out.
    Provisional { from: NaiveDate, to: NaiveDate },
}

/// A step of a `working_hours` term, boxed: it is larger than the day steps every plan records.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct HoursStep {
    /// The hours counted (0 for the move to the opening).
    pub amount: i64,
    /// Where the step begins, local.
    pub from: NaiveDateTime,
    /// Where it ends, local.
    pub to: NaiveDateTime,
    /// The office hours counted in.
    pub hours: OfficeHours,
}

/// What a resolved term recorded, kept in one allocation: a term is moved several times on
/// its way into a plan or a replay, and a large value is copied at every move.
#[derive(Clone)]
struct Recorded {
    calendar: Calendar,
    zone: &'static str,
    sources: Citations,
    steps: Steps,
}

/// `Rendered` only comes from deserialising.
#[derive(Clone)]
enum Inner {
    Recorded(Box<Recorded>),
    Rendered(Vec<Step>),
}

/// An explanation being recorded: each step goes straight into the allocation the finished
/// explanation keeps, so the steps are never copied.
pub(super) struct Recording(Box<Recorded>);

impl Recording {
    /// Allocates the explanation up front, with the calendar and citations its steps are
    /// written out with.
    pub(super) fn new(calendar: &Calendar, zone: &'static str, sources: Citations) -> Self {
        Self(Box::new(Recorded { calendar: calendar.clone(), zone, sources, steps: Steps::new() }))
    }

    /// Records a step in place; inlined, as a term records up to seven and the call would cost
    /// more than the push.
    #[inline]
    pub(super) fn push(&mut self, step: StepData) {
        self.0.steps.push(step);
    }

    /// The explanation, without moving the steps.
    pub(super) fn finish(self) -> Explanation {
        Explanation { inner: Inner::Recorded(self.0) }
    }
}

/// The explanation of a resolved term: each step with the rule and clause behind it.
///
/// Serialises as an array of [`Step`] (`{rule, ru, en, clause}`).
#[derive(Clone)]
pub struct Explanation {
    inner: Inner,
}

impl Explanation {
    /// An explanation of steps already written out: an extended term joins the steps of the
    /// term with those of each extension.
    pub(crate) fn rendered(steps: Vec<Step>) -> Self {
        Self { inner: Inner::Rendered(steps) }
    }

    /// The steps, written out in Russian and English.
    pub fn steps(&self) -> Vec<Step> {
        match &self.inner {
            Inner::Rendered(steps) => steps.clone(),
            Inner::Recorded(r) => {
                let Recorded { calendar, zone, sources, steps } = &**r;
                steps.iter().filter_map(|s| render(calendar, zone, sources, s)).collect()
            }
        }
    }

    /// Stable codes of the rules applied, in order, without writing any text.
    pub fn rules(&self) -> Vec<&'static str> {
        match &self.inner {
            Inner::Rendered(steps) => steps.iter().filter_map(|s| explain::rule_code(&s.rule)).collect(),
            Inner::Recorded(r) => r.steps.iter().map(code).collect(),
        }
    }
}

fn code(s: &StepData) -> &'static str {
    match s {
        StepData::Start { .. } => "start",
        StepData::StartMoved { .. } => "start_moved",
        StepData::BeforeCutoff { .. } => "before_cutoff",
        StepData::AfterCutoff { .. } => "after_cutoff",
        StepData::Counted { .. } => "counted",
        StepData::Skipped { .. } => "skipped",
        StepData::LastDay { rule: OnNonWorking::AsIs, .. } => "last_day_kept",
        StepData::LastDay { .. } => "last_day_moved",
        StepData::Closes { .. } => "closes",
        StepData::Rolling { .. } => "rolling_window",
        StepData::Provisional { .. } => "provisional",
        StepData::OfficeOpening(_) => "office_opening",
        StepData::WorkingHours(_) => "working_hours",
        StepData::ShortDay { .. } => "short_day",
    }
}

fn render(cal: &Calendar, zone: &str, src: &Citations, s: &StepData) -> Option<Step> {
    let term = src.term();
    Some(match s {
        StepData::Start { at } => explain::started(*at, zone),
        StepData::StartMoved { sent, to } => explain::start_moved(cal, *sent, *to, src.start()),
        StepData::BeforeCutoff { day, cutoff } => explain::before_cutoff(*day, *cutoff, src.cutoff()),
        StepData::AfterCutoff { day, working, cutoff, next } => {
            explain::after_cutoff(cal, *day, *working, *cutoff, *next, src.cutoff())
        }
        StepData::Counted { amount, unit, from, last } => explain::counted(*amount, *unit, *from, *last, term),
        StepData::Skipped { from, to } => return explain::skipped(cal, *from, *to),
        StepData::LastDay { counted, moved, rule } => explain::last_day_nonworking(cal, *counted, *moved, *rule),
        StepData::Closes { day, at, explicit } => explain::closes(*day, *at, *explicit, zone),
        StepData::Rolling { hours, due } => explain::rolling(*hours, *due, term),
        StepData::OfficeOpening(h) => explain::office_opening(cal, h.from, h.to, &h.hours),
        StepData::WorkingHours(h) => explain::working_hours(cal, h.amount, h.from, h.to, &h.hours, term),
        StepData::ShortDay { day, closes } => explain::short_day(*day, *closes),
        StepData::Provisional { from, to } => explain::provisional(&cal.provisional_days(*from, *to).unwrap_or_default()),
    })
}

impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.steps().serialize(serializer)
    }
}

impl<'de> Deserialize<'de> for Explanation {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Self { inner: Inner::Rendered(Vec::<Step>::deserialize(deserializer)?) })
    }
}

impl schemars::JsonSchema for Explanation {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Explanation".into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<Step>>::json_schema(generator)
    }
}

impl PartialEq for Explanation {
    fn eq(&self, other: &Self) -> bool {
        self.steps() == other.steps()
    }
}

impl Eq for Explanation {}

impl std::fmt::Debug for Explanation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.steps()).finish()
    }
}
