//! A reminder before a term falls due: the SLA a portal sets on top of the regulation («напомнить
//! исполнителю за 1 рабочий день до истечения срока»).
//!
//! The profile's `[sla] reminder` says how long before; each planned and live term then carries
//! the instant its reminder is owed. Working days are the calendar's: a reminder one working
//! day before a term due on Monday 23:59:59 is owed on the Friday before at 23:59:59, the same
//! local time of day (so a working day before is a whole working day of notice).

use chrono::{DateTime, Duration, FixedOffset, NaiveDate};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::{local_instant, TermUnit};
use crate::calendar::Calendar;

/// How long before each term's due instant its reminder is owed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReminderRule {
    /// How many units before.
    pub amount: i64,
    /// Working days, calendar days, hours or working hours.
    pub unit: TermUnit,
    /// The office hours a reminder in `working_hours` counts back in (the profile's
    /// `[office_hours]`); without them such a reminder is never owed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub office_hours: Option<super::OfficeHours>,
}

impl ReminderRule {
    /// The instant the reminder of a term due at `due` (last day `due_date`) is owed; `None`
    /// when it falls outside the calendar or on a skipped local time.
    pub fn remind_at(&self, calendar: &Calendar, zone: Tz, due: DateTime<FixedOffset>, due_date: NaiveDate) -> Option<DateTime<FixedOffset>> {
        let time = due.with_timezone(&zone).time();
        let day = match self.unit {
            TermUnit::Hours => return due.checked_sub_signed(Duration::hours(self.amount)),
            TermUnit::CalendarDays => due_date.checked_sub_days(chrono::Days::new(u64::try_from(self.amount).ok()?))?,
            TermUnit::WorkingDays => calendar.add_working_days(due_date, -self.amount).ok()?,
            TermUnit::WorkingHours => {
                let hours = self.office_hours?;
                let local = due.with_timezone(&zone).naive_local();
                let at = super::office::count_back(calendar, &hours, local, self.amount.checked_mul(60)?).ok()?;
                return local_instant(zone, &at);
            }
        };
        local_instant(zone, &day.and_time(time))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_working_day_before_a_monday_is_the_friday() {
        let cal = Calendar::builtin("ru").expect("the ru calendar");
        let zone = Tz::Europe__Moscow;
        let due = DateTime::parse_from_rfc3339("2026-03-16T23:59:59+03:00").unwrap_or_default();
        let due_date = due.date_naive();
        let rule = ReminderRule { amount: 1, unit: TermUnit::WorkingDays, office_hours: None };
        assert_eq!(rule.remind_at(&cal, zone, due, due_date).map(|t| t.to_rfc3339()), Some("2026-03-13T23:59:59+03:00".to_string()));
        let rule = ReminderRule { amount: 4, unit: TermUnit::Hours, office_hours: None };
        assert_eq!(rule.remind_at(&cal, zone, due, due_date).map(|t| t.to_rfc3339()), Some("2026-03-16T19:59:59+03:00".to_string()));
        let rule = ReminderRule { amount: 2, unit: TermUnit::CalendarDays, office_hours: None };
        assert_eq!(rule.remind_at(&cal, zone, due, due_date).map(|t| t.to_rfc3339()), Some("2026-03-14T23:59:59+03:00".to_string()));
    }
}
