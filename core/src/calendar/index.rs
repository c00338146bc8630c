//! Precomputed indexes that make every calendar question O(1).
//!
//! Deadlines are computed for every message on every page view; stepping day by day through a
//! year is both slow and easy to get subtly wrong at range ends. Instead the calendar keeps, for
//! each covered day, how many working days precede it, and the list of working days in order;
//! "add N working days" is then two array look-ups.

use chrono::{Datelike, NaiveDate};

/// Dense per-day tables over the covered range.
#[derive(Debug, Clone)]
pub(crate) struct Index {
    /// First covered day.
    pub start: NaiveDate,
    /// `start` as days from the common era, for O(1) offsets.
    start_ce: i32,
    /// Last covered day.
    pub end: NaiveDate,
    /// Whether each day is working.
    pub working: Vec<bool>,
    /// `rank[i]` = number of working days strictly before day `i`; one extra slot at the end.
    pub rank: Vec<u32>,
    /// The working days, in order: `working_days[r]` is the working day of rank `r`.
    pub working_days: Vec<NaiveDate>,
    /// `provisional[i]` = number of provisional days strictly before day `i`; one extra slot.
    pub provisional: Vec<u32>,
}

impl Index {
    /// Builds the tables from a per-day working flag and provisional flag.
    pub fn build(start: NaiveDate, end: NaiveDate, working: Vec<bool>, provisional_days: &[bool]) -> Self {
        let mut rank = Vec::with_capacity(working.len() + 1);
        let mut working_days = Vec::with_capacity(working.len());
        let mut count = 0u32;
        for (i, w) in working.iter().enumerate() {
            rank.push(count);
            if *w {
                if let Some(d) = i32::try_from(i).ok().and_then(|o| NaiveDate::from_num_days_from_ce_opt(start.num_days_from_ce() + o)) {
                    working_days.push(d);
                }
                count += 1;
            }
        }
        rank.push(count);
        let mut provisional = Vec::with_capacity(working.len() + 1);
        let mut p = 0u32;
        provisional.push(0);
        for flag in provisional_days {
            if *flag {
                p += 1;
            }
            provisional.push(p);
        }
        Self { start, start_ce: start.num_days_from_ce(), end, working, rank, working_days, provisional }
    }

    /// Day offset of `date`, or `None` outside the range.
    #[inline]
    pub fn offset(&self, date: NaiveDate) -> Option<usize> {
        let i = usize::try_from(date.num_days_from_ce() - self.start_ce).ok()?;
        (i < self.working.len()).then_some(i)
    }

    /// Working days strictly before offset `i` (`i` may be one past the end).
    #[inline]
    pub fn rank_at(&self, i: usize) -> Option<u32> {
        self.rank.get(i).copied()
    }

    /// The working day with rank `r` (0-based), if inside the range.
    #[inline]
    pub fn working_day(&self, r: i64) -> Option<NaiveDate> {
        usize::try_from(r).ok().and_then(|r| self.working_days.get(r).copied())
    }

    /// Number of provisional days in the offsets `[a, b]`.
    #[inline]
    pub fn provisional_between(&self, a: usize, b: usize) -> u32 {
        let hi = self.provisional.get(b + 1).copied().unwrap_or(0);
        let lo = self.provisional.get(a).copied().unwrap_or(0);
        hi.saturating_sub(lo)
    }
}
