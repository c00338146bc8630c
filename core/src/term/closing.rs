//! [`ClosingOffsets`]: the zone's offset at a term's closing time on every day of the calendar,
//! worked out once.
//!
//! Every day-counted term ends at a fixed local time (its closing time, 23:59:59 by default) of
//! its last day, and turning that wall-clock time into an instant is a search of the zone's
//! whole offset history in chrono-tz, the costliest step of a plan. The last day is always a
//! day of the calendar, so [`crate::Rules`] asks chrono-tz once for each of them and a plan
//! reads the answer from a table of the few runs of days with one offset.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime, NaiveTime};
use chrono_tz::Tz;

use super::local_instant;

/// The offset [`local_instant`] gives a zone's wall-clock time `at` on each day of a range,
/// kept as runs of days with the same offset (a zone without daylight saving time has one).
/// Each day was asked of chrono-tz itself, so the table gives its very answers.
#[derive(Debug, Clone)]
pub(crate) struct ClosingOffsets {
    /// The zone the offsets are of.
    zone: Tz,
    /// The local time of day they are for.
    at: NaiveTime,
    /// The last day of the range; the first is the first run's.
    last: NaiveDate,
    /// From each day on, up to the next run's first day: the offset, `None` where the clock
    /// skipped `at`.
    runs: Vec<(NaiveDate, Option<FixedOffset>)>,
}

impl ClosingOffsets {
    /// Asks chrono-tz for `at` in `zone` on every day from `first` to `last`.
    pub(crate) fn new(zone: Tz, at: NaiveTime, first: NaiveDate, last: NaiveDate) -> Self {
        let mut runs: Vec<(NaiveDate, Option<FixedOffset>)> = Vec::new();
        for day in first.iter_days().take_while(|d| *d <= last) {
            let offset = local_instant(zone, &day.and_time(at)).map(|t| *t.offset());
            if runs.last().is_none_or(|(_, o)| *o != offset) {
                runs.push((day, offset));
            }
        }
        Self { zone, at, last, runs }
    }

    /// The instant `local` is in `zone` ([`local_instant`]), read from the table when it holds
    /// `local`'s day and time, else asked of chrono-tz.
    pub(crate) fn instant(tables: &[Self], zone: Tz, local: &NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        let day = local.date();
        let table = tables.iter().find(|t| t.zone == zone && t.at == local.time() && day <= t.last);
        match table.and_then(|t| t.offset_on(day)) {
            Some(Some(offset)) => at_offset(local, offset).or_else(|| local_instant(zone, local)),
            Some(None) => None,
            None => local_instant(zone, local),
        }
    }

    /// The offset of `day`'s run; `None` before the first.
    fn offset_on(&self, day: NaiveDate) -> Option<Option<FixedOffset>> {
        let runs = self.runs.partition_point(|(first, _)| *first <= day);
        self.runs.get(runs.checked_sub(1)?).map(|(_, offset)| *offset)
    }
}

/// The instant a wall-clock time is at a known offset; `None` past the representable range.
pub(super) fn at_offset(local: &NaiveDateTime, offset: FixedOffset) -> Option<DateTime<FixedOffset>> {
    local.checked_sub_offset(offset).map(|utc| DateTime::from_naive_utc_and_offset(utc, offset))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table answers as chrono-tz does on every day, across clock changes: a time the
    /// spring change skips, one the autumn change repeats, and a zone that changed its offset
    /// for good.
    #[test]
    fn answers_as_chrono_tz() {
        let first = NaiveDate::from_ymd_opt(2019, 1, 1).unwrap_or_default();
        let last = NaiveDate::from_ymd_opt(2027, 12, 31).unwrap_or_default();
        let cases = [(Tz::Europe__Berlin, (2, 30, 0)), (Tz::Europe__Volgograd, (23, 59, 59)), (Tz::Europe__Moscow, (23, 59, 59))];
        for (zone, (h, m, s)) in cases {
            let at = NaiveTime::from_hms_opt(h, m, s).unwrap_or_default();
            let tables = [ClosingOffsets::new(zone, at, first, last)];
            let around = first.pred_opt().unwrap_or_default().iter_days().take_while(|d| *d <= last.succ_opt().unwrap_or_default());
            for day in around {
                let local = day.and_time(at);
                assert_eq!(ClosingOffsets::instant(&tables, zone, &local), local_instant(zone, &local), "{zone} {local}");
            }
        }
    }
}
