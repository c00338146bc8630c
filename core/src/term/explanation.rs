//! [`Explanation`]: the steps of a resolved term, rendered to text only when read.
//!
//! A portal computes deadlines for every message on every page view but shows the reasoning
//! rarely; so a resolved term records *what* happened (which rule, which dates) and the Russian
//! and English sentences are written when the explanation is serialised or asked for.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::explain::{self, Step};
use super::model::{OnNonWorking, TermSources, TermUnit};
use crate::calendar::Calendar;

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
    Provisional { days: Vec<NaiveDate> },
}

#[derive(Clone)]
enum Inner {
    Recorded { calendar: Calendar, zone: &'static str, sources: TermSources, steps: Vec<StepData> },
    Rendered(Vec<Step>),
}

/// The explanation of a resolved term: each step with the rule and clause behind it.
///
/// Serialises as an array of [`Step`] (`{rule, ru, en, clause}`).
#[derive(Clone)]
pub struct Explanation {
    inner: Inner,
}

impl Explanation {
    pub(super) fn recorded(calendar: &Calendar, zone: &'static str, sources: TermSources, steps: Vec<StepData>) -> Self {
        Self { inner: Inner::Recorded { calendar: calendar.clone(), zone, sources, steps } }
    }

    /// The steps, written out in Russian and English.
    pub fn steps(&self) -> Vec<Step> {
        match &self.inner {
            Inner::Rendered(steps) => steps.clone(),
            Inner::Recorded { calendar, zone, sources, steps } => {
                steps.iter().filter_map(|s| render(calendar, zone, sources, s)).collect()
            }
        }
    }

    /// Stable codes of the rules applied, in order, without writing any text.
    pub fn rules(&self) -> Vec<&'static str> {
        match &self.inner {
            Inner::Rendered(steps) => steps.iter().filter_map(|s| explain::rule_code(&s.rule)).collect(),
            Inner::Recorded { steps, .. } => steps.iter().map(code).collect(),
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
    }
}

fn render(cal: &Calendar, zone: &str, src: &TermSources, s: &StepData) -> Option<Step> {
    let term = src.term.as_deref();
    Some(match s {
        StepData::Start { at } => explain::started(*at, zone),
        StepData::StartMoved { sent, to } => explain::start_moved(cal, *sent, *to, src.start.as_deref()),
        StepData::BeforeCutoff { day, cutoff } => explain::before_cutoff(*day, *cutoff, src.cutoff.as_deref()),
        StepData::AfterCutoff { day, working, cutoff, next } => {
            explain::after_cutoff(cal, *day, *working, *cutoff, *next, src.cutoff.as_deref())
        }
        StepData::Counted { amount, unit, from, last } => explain::counted(*amount, *unit, *from, *last, term),
        StepData::Skipped { from, to } => return explain::skipped(cal, *from, *to),
        StepData::LastDay { counted, moved, rule } => explain::last_day_nonworking(cal, *counted, *moved, *rule),
        StepData::Closes { day, at, explicit } => explain::closes(*day, *at, *explicit, zone),
        StepData::Rolling { hours, due } => explain::rolling(*hours, *due, term),
        StepData::Provisional { days } => explain::provisional(days),
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
