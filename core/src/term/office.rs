//! Working hours as a unit: «не позднее 4 рабочих часов», counted only while the municipality's
//! office is open.
//!
//! A profile sets the office hours (`[office_hours]`: opening, closing, a lunch break); a term
//! in `working_hours` then counts only the time inside them, on the working days of the
//! profile's calendar, in the municipality's time zone. A working day before a non-working
//! holiday is one hour shorter (Labour Code art. 95): the calendar lists those days
//! (`short_day`), and the office closes an hour earlier on them. An event outside the office
//! hours (at night, in the lunch break, on a day off) starts the count at the next opening.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeDelta};
use serde::{Deserialize, Serialize};

use crate::calendar::{Calendar, DayKind};
use crate::error::{Error, Result};

/// A break in the working day, both ends local (`13:00`–`14:00`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Break {
    /// When the break starts.
    pub from: NaiveTime,
    /// When work resumes.
    pub to: NaiveTime,
}

/// The office hours a `working_hours` term counts in: one ordinary working day, local time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OfficeHours {
    /// When the office opens (`09:00`).
    pub opens: NaiveTime,
    /// When it closes on an ordinary working day (`18:00`); an hour earlier on a shortened
    /// pre-holiday day (art. 95).
    pub closes: NaiveTime,
    /// The lunch break, if any (`13:00`–`14:00`); not counted.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lunch: Option<Break>,
}

/// The part of one day a count used: `from`–`to` on `day`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Span {
    /// The day.
    pub day: NaiveDate,
    /// Where counting on it began.
    pub from: NaiveTime,
    /// Where it stopped.
    pub to: NaiveTime,
}

/// How much shorter a working day before a non-working holiday is (Labour Code art. 95).
const SHORTENED_BY: TimeDelta = TimeDelta::hours(1);

impl OfficeHours {
    /// Why the hours cannot be counted in, or `None` when they can: the office opens before it
    /// closes, the break lies inside the day, and a shortened day still has working time.
    pub fn problem(&self) -> Option<String> {
        if self.opens >= self.closes {
            return Some(format!("the office opens at {} but closes at {}: `opens` must be before `closes`", hm(self.opens), hm(self.closes)));
        }
        if let Some(b) = self.lunch {
            if !(self.opens < b.from && b.from < b.to && b.to < self.closes) {
                return Some(format!(
                    "the break {}–{} is not inside the working day {}–{}",
                    hm(b.from),
                    hm(b.to),
                    hm(self.opens),
                    hm(self.closes)
                ));
            }
        }
        if self.closes - SHORTENED_BY <= self.opens {
            return Some("a working day before a holiday is an hour shorter (Labour Code art. 95) and would have no working time left".to_string());
        }
        None
    }

    /// When the office closes on a day, shortened or not.
    pub(crate) fn closes_on(&self, short: bool) -> NaiveTime {
        if short {
            self.closes - SHORTENED_BY
        } else {
            self.closes
        }
    }

    /// The working intervals of a day, in order (the second is empty without a break); a
    /// shortened day loses its last hour, from the afternoon.
    fn intervals(&self, short: bool) -> [(NaiveTime, NaiveTime); 2] {
        let closes = self.closes_on(short);
        match self.lunch {
            Some(b) => [(self.opens, b.from.min(closes)), (b.to.min(closes), closes)],
            None => [(self.opens, closes), (closes, closes)],
        }
    }

    /// The hours as a reader says them: «09:00–18:00, перерыв 13:00–14:00».
    pub(crate) fn describe_ru(&self) -> String {
        match self.lunch {
            Some(b) => format!("{}–{}, перерыв {}–{}", hm(self.opens), hm(self.closes), hm(b.from), hm(b.to)),
            None => format!("{}–{}", hm(self.opens), hm(self.closes)),
        }
    }

    /// [`OfficeHours::describe_ru`] in English.
    pub(crate) fn describe_en(&self) -> String {
        match self.lunch {
            Some(b) => format!("{}–{}, break {}–{}", hm(self.opens), hm(self.closes), hm(b.from), hm(b.to)),
            None => format!("{}–{}", hm(self.opens), hm(self.closes)),
        }
    }
}

/// `HH:MM`.
pub(crate) fn hm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// Whether `day` is a shortened pre-holiday working day of the calendar.
pub(crate) fn is_short(calendar: &Calendar, day: NaiveDate) -> Result<bool> {
    Ok(calendar.is_working_day(day)? && calendar.notes(day).iter().any(|n| n.kind == DayKind::ShortDay))
}

/// Counts `minutes` of office time forward from `start` (local): the instant the count ends and
/// the parts of each day it used. With no minutes, the instant is the first one at or after
/// `start` inside office hours: where counting starts. Past the calendar's years it is an error.
pub(crate) fn count(calendar: &Calendar, hours: &OfficeHours, start: NaiveDateTime, minutes: i64) -> Result<(NaiveDateTime, Vec<Span>)> {
    let mut remaining = TimeDelta::minutes(minutes);
    let mut spans = Vec::new();
    let mut day = start.date();
    let mut at = start.time();
    loop {
        if calendar.is_working_day(day)? {
            for (a, b) in hours.intervals(is_short(calendar, day)?) {
                if b <= at || a >= b {
                    continue;
                }
                let from = a.max(at);
                let available = b - from;
                if remaining <= available {
                    let to = from + remaining;
                    if to > from {
                        spans.push(Span { day, from, to });
                    }
                    return Ok((day.and_time(to), spans));
                }
                remaining -= available;
                spans.push(Span { day, from, to: b });
            }
        }
        day = day.succ_opt().ok_or_else(|| Error::input("amount", "the term runs past the representable dates"))?;
        at = NaiveTime::MIN;
    }
}

/// Counts `minutes` of office time back from `end` (local): the instant that many working
/// minutes before it (a reminder «за 2 рабочих часа»).
pub(crate) fn count_back(calendar: &Calendar, hours: &OfficeHours, end: NaiveDateTime, minutes: i64) -> Result<NaiveDateTime> {
    let mut remaining = TimeDelta::minutes(minutes);
    let mut day = end.date();
    let mut at = Some(end.time());
    loop {
        if calendar.is_working_day(day)? {
            for (a, b) in hours.intervals(is_short(calendar, day)?).into_iter().rev() {
                let until = at.map_or(b, |t| b.min(t));
                if until <= a {
                    continue;
                }
                let available = until - a;
                if remaining <= available {
                    return Ok(day.and_time(until - remaining));
                }
                remaining -= available;
            }
        }
        day = day.pred_opt().ok_or_else(|| Error::input("amount", "the reminder runs before the representable dates"))?;
        at = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap_or_default()
    }

    fn at(s: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(s, "%Y-%m-%d %H:%M").unwrap_or_default()
    }

    fn office() -> OfficeHours {
        OfficeHours { opens: t(9, 0), closes: t(18, 0), lunch: Some(Break { from: t(13, 0), to: t(14, 0) }) }
    }

    #[test]
    fn counts_across_lunch_nights_weekends_and_a_short_day() {
        let cal = Calendar::builtin("ru").expect("ru");
        let h = office();
        // Tuesday 10 March 2026, 11:00 + 4 h: 11-13, 14-16.
        assert_eq!(count(&cal, &h, at("2026-03-10 11:00"), 240).map(|r| r.0).ok(), Some(at("2026-03-10 16:00")));
        // Friday 16:00 + 4 h: 16-18, then Monday 9-11.
        assert_eq!(count(&cal, &h, at("2026-03-13 16:00"), 240).map(|r| r.0).ok(), Some(at("2026-03-16 11:00")));
        // In the lunch break: counting starts at 14:00.
        assert_eq!(count(&cal, &h, at("2026-03-10 13:30"), 60).map(|r| r.0).ok(), Some(at("2026-03-10 15:00")));
        // Saturday: the next opening is Monday 09:00.
        assert_eq!(count(&cal, &h, at("2026-03-14 10:00"), 0).map(|r| r.0).ok(), Some(at("2026-03-16 09:00")));
        // Tuesday 3 November 2026 is shortened (4 November is a holiday): the office closes at
        // 17:00, then Thursday 5 November.
        assert_eq!(count(&cal, &h, at("2026-11-03 15:00"), 180).map(|r| r.0).ok(), Some(at("2026-11-05 10:00")));
        // Ending exactly at closing time stays on that day.
        assert_eq!(count(&cal, &h, at("2026-03-10 14:00"), 240).map(|r| r.0).ok(), Some(at("2026-03-10 18:00")));
    }

    #[test]
    fn counts_back_as_forward() {
        let cal = Calendar::builtin("ru").expect("ru");
        let h = office();
        assert_eq!(count_back(&cal, &h, at("2026-03-16 11:00"), 240).ok(), Some(at("2026-03-13 16:00")));
        assert_eq!(count_back(&cal, &h, at("2026-03-10 15:00"), 120).ok(), Some(at("2026-03-10 12:00")));
    }

    #[test]
    fn hours_that_cannot_be_counted_in_say_why() {
        let mut h = office();
        assert_eq!(h.problem(), None);
        h.opens = t(19, 0);
        assert!(h.problem().unwrap_or_default().contains("before `closes`"));
        let h = OfficeHours { lunch: Some(Break { from: t(12, 0), to: t(19, 0) }), ..office() };
        assert!(h.problem().unwrap_or_default().contains("break"));
    }
}
