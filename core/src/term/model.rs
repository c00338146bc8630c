//! What a term is, as profiles and callers state it.

use chrono::NaiveTime;
use serde::{Deserialize, Serialize};

use super::office::OfficeHours;

/// The unit a term is counted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TermUnit {
    /// Calendar days («дней»; REGULATIONS.md rule 6).
    CalendarDays,
    /// Working days of the profile's calendar («рабочих дней»).
    WorkingDays,
    /// Hours, a rolling window («в течение трех суток» = 72 hours).
    Hours,
    /// Working hours («4 рабочих часа»): only the time inside the office hours
    /// ([`OfficeHours`]) of working days counts; an event outside them counts from the next
    /// opening.
    WorkingHours,
}

/// What happens when a calendar-day term's last day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum OnNonWorking {
    /// Ends on the next working day (Civil Code art. 193), the default.
    #[default]
    Next,
    /// Ends on the previous working day, where a regulation says so.
    Previous,
    /// Ends on that day regardless.
    AsIs,
}

/// A term: a duration and the conventions it is resolved by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// How many units; never negative.
    pub amount: i64,
    /// The unit.
    pub unit: TermUnit,
    /// A start on a non-working day moves to the next working day (Essentuki 34.10).
    #[serde(default)]
    pub start_on_working_day: bool,
    /// What a non-working last day does.
    #[serde(default)]
    pub on_nonworking: OnNonWorking,
    /// Same-day cutoff: before it on a working day counts that day, else the next working day.
    #[serde(default)]
    pub cutoff: Option<NaiveTime>,
    /// The closing time of the last day; 23:59:59 (art. 194) when unset.
    #[serde(default)]
    pub closing_time: Option<NaiveTime>,
    /// The office hours a `working_hours` term counts in (a profile's `[office_hours]`);
    /// required for that unit, unused by the others.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_hours: Option<OfficeHours>,
}

impl Term {
    /// A plain term of `amount` units with the default conventions.
    pub fn new(amount: i64, unit: TermUnit) -> Self {
        Self {
            amount,
            unit,
            start_on_working_day: false,
            on_nonworking: OnNonWorking::Next,
            cutoff: None,
            closing_time: None,
            office_hours: None,
        }
    }

    /// The time of day the last day closes at: the closing time, else the end of the day
    /// (Civil Code art. 194).
    pub(crate) fn closes_at(&self) -> NaiveTime {
        self.closing_time.unwrap_or_else(|| NaiveTime::from_hms_opt(23, 59, 59).unwrap_or(NaiveTime::MIN))
    }
}

/// The clauses behind a term, so each explanation step cites where it comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct TermSources {
    /// The clause setting the term's length («Essentuki 34.9»).
    pub term: Option<String>,
    /// The clause moving a non-working start to a working day («Essentuki 34.10»).
    pub start: Option<String>,
    /// The clause setting the cutoff («Mikhailovka s.3»).
    pub cutoff: Option<String>,
}
