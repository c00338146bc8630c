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
    /// The first covered year.
    first_year: i32,
    /// The offset of 1 January of each covered year from `first_year` on (negative for a
    /// year the range starts inside): a date's offset is then its year's plus its day of the
    /// year, cheaper to find than its count of days from the common era.
    year_starts: Vec<i32>,
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
        let start_ce = start.num_days_from_ce();
        let year_starts = (start.year()..=end.year())
            .map(|y| NaiveDate::from_yo_opt(y, 1).map_or(0, |jan1| jan1.num_days_from_ce() - start_ce))
            .collect();
        Self { start, first_year: start.year(), end, year_starts, working, rank, working_days, provisional }
    }

    /// Day offset of `date`, or `None` outside the range.
    #[inline]
    pub fn offset(&self, date: NaiveDate) -> Option<usize> {
        let year = usize::try_from(date.year() - self.first_year).ok()?;
        let jan1 = *self.year_starts.get(year)?;
        let i = usize::try_from(i64::from(jan1) + i64::from(date.ordinal0())).ok()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// A date's offset is its count of days from the start, found by year and day of the year,
    /// for a range that starts and ends inside a year too; outside the range there is none.
    #[test]
    fn offset_counts_days_from_the_start() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        for (start, end) in [(day(2019, 1, 1), day(2027, 12, 31)), (day(2019, 3, 5), day(2021, 2, 27))] {
            let len = usize::try_from((end - start).num_days() + 1).unwrap_or(0);
            let index = Index::build(start, end, vec![true; len], &vec![false; len]);
            let days = day(2017, 1, 1).iter_days().take_while(|d| *d <= day(2029, 12, 31));
            for date in days {
                let expected = usize::try_from((date - start).num_days()).ok().filter(|i| *i < len);
                assert_eq!(index.offset(date), expected, "{date}");
            }
        }
    }
}
