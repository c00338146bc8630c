//! Which messages a term applies to, and when: one meaning for `plan`, `replay` and `lint`.
//!
//! A regulation may give a term to some categories only («по вопросам теплоснабжения — не
//! позднее 1 рабочего дня»), or only in a season («в отопительный период с 1 октября по 30
//! апреля»). A term name the library has no special meaning for is still planned when it runs
//! from the sending (a first answer beside the final one), so lint must not call it unknown:
//! [`planned_at_sending`] is the one rule both read.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use super::file::TermStart;
use super::model::Profile;

/// Whether `plan` files the term called `name` that runs `from` this event: every term that
/// runs from the sending, except those named `answer…`, which the answer rule chooses among
/// (convention 10). `lint` warns about an unknown name only when this is false.
pub fn planned_at_sending(name: &str, from: TermStart) -> bool {
    from == TermStart::Sending && !name.starts_with("answer")
}

/// A day of the year, `MM-DD`, for seasons that come back every year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct MonthDay {
    /// Month, 1 to 12.
    pub month: u32,
    /// Day of the month, 1 to 31.
    pub day: u32,
}

impl MonthDay {
    /// Reads `"10-01"`; `None` when it is not a day of some year (`"02-29"` is one).
    pub fn parse(text: &str) -> Option<Self> {
        let (m, d) = text.split_once('-')?;
        if m.len() != 2 || d.len() != 2 {
            return None;
        }
        let (month, day) = (m.parse().ok()?, d.parse().ok()?);
        // 2024 is a leap year: every day that exists in some year exists in it.
        NaiveDate::from_ymd_opt(2024, month, day)?;
        Some(Self { month, day })
    }

    fn of(date: NaiveDate) -> Self {
        Self { month: date.month(), day: date.day() }
    }
}

/// A season: from one day of the year to another, both included; it may run over the new year
/// (1 October to 30 April).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Season {
    /// First day.
    pub from: MonthDay,
    /// Last day.
    pub to: MonthDay,
}

impl Season {
    /// Whether `date` (local) falls in the season.
    pub fn contains(&self, date: NaiveDate) -> bool {
        let d = MonthDay::of(date);
        if self.from <= self.to {
            self.from <= d && d <= self.to
        } else {
            d >= self.from || d <= self.to
        }
    }
}

/// The conditions a term's file puts on the messages it applies to; empty: every message.
/// Every field is always written (no `skip_serializing_if`), since packed profiles (postcard, for
/// the browser) are read by position.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TermScope {
    /// Category ids; a message in one of them or in a subcategory of one. Empty: any category.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The season the message must be sent in (local date), when the term is seasonal.
    #[serde(default)]
    pub season: Option<Season>,
}

impl TermScope {
    /// `true` when the term applies to every message.
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty() && self.season.is_none()
    }

    /// Whether the term applies to a message in `category` (its subcategory when it has one)
    /// sent on the local date `sent`.
    pub fn holds(&self, profile: &Profile, category: Option<&str>, sent: NaiveDate) -> bool {
        if self.season.is_some_and(|s| !s.contains(sent)) {
            return false;
        }
        if self.categories.is_empty() {
            return true;
        }
        let Some(first) = category.and_then(|c| profile.category(c)) else { return false };
        profile.lineage(first).any(|c| self.categories.contains(&c.id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_heating_season_runs_over_the_new_year() {
        let s = Season { from: MonthDay { month: 10, day: 1 }, to: MonthDay { month: 4, day: 30 } };
        assert!(s.contains(date(2026, 10, 1)));
        assert!(s.contains(date(2026, 12, 31)));
        assert!(s.contains(date(2027, 1, 1)));
        assert!(s.contains(date(2027, 4, 30)));
        assert!(!s.contains(date(2027, 5, 1)));
        assert!(!s.contains(date(2026, 9, 30)));
    }

    #[test]
    fn a_season_within_a_year() {
        let s = Season { from: MonthDay { month: 5, day: 1 }, to: MonthDay { month: 9, day: 30 } };
        assert!(s.contains(date(2026, 5, 1)) && s.contains(date(2026, 9, 30)));
        assert!(!s.contains(date(2026, 4, 30)) && !s.contains(date(2026, 10, 1)));
    }

    #[test]
    fn month_days_are_read_strictly() {
        assert_eq!(MonthDay::parse("10-01"), Some(MonthDay { month: 10, day: 1 }));
        assert_eq!(MonthDay::parse("02-29"), Some(MonthDay { month: 2, day: 29 }));
        for bad in ["10-1", "13-01", "04-31", "1001", "oct-01", ""] {
            assert_eq!(MonthDay::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn only_non_answer_terms_from_the_sending_are_planned() {
        assert!(planned_at_sending("first_answer", TermStart::Sending));
        assert!(planned_at_sending("registration", TermStart::Sending));
        assert!(!planned_at_sending("answer_59fz", TermStart::Sending));
        assert!(!planned_at_sending("first_answer", TermStart::Registration));
    }
}
