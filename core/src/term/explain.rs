//! The explanation steps of a resolved term, in Russian and English.
//!
//! A deadline that cannot be checked by hand is not trusted by an official or a court; each step
//! names the rule it applies and the clause behind it, and why a day does not count.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::model::{OnNonWorking, TermUnit};
use super::office::OfficeHours;
use crate::calendar::{Calendar, DayKind};
use crate::locale::{date_en, date_ru, day_ru, plural_ru};

/// One step of an explanation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Step {
    /// Stable code of the rule applied: `start`, `start_moved`, `before_cutoff`, `after_cutoff`,
    /// `counted`, `skipped`, `last_day_moved`, `last_day_kept`, `closes`, `rolling_window`,
    /// `office_opening`, `working_hours`, `short_day`, `extended`, `provisional`.
    pub rule: String,
    /// The step in Russian.
    pub ru: String,
    /// The step in English.
    pub en: String,
    /// The regulation clause or law behind it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub clause: Option<String>,
}

/// The static code of a rendered step's rule, when it is one of ours.
pub(super) fn rule_code(rule: &str) -> Option<&'static str> {
    const CODES: [&str; 15] = [
        "start", "start_moved", "before_cutoff", "after_cutoff", "counted", "skipped",
        "last_day_moved", "last_day_kept", "closes", "rolling_window", "provisional",
        "office_opening", "working_hours", "short_day", "extended",
    ];
    CODES.iter().find(|c| **c == rule).copied()
}

fn step(rule: &str, ru: String, en: String, clause: Option<&str>) -> Step {
    Step { rule: rule.to_string(), ru, en, clause: clause.map(str::to_string) }
}

/// Why `date` does not count, in both languages.
fn why_nonworking(calendar: &Calendar, date: NaiveDate) -> (String, String) {
    let off = off_note(calendar.notes(date));
    let (ru_day, en_day) = (date_ru(date), date_en(date));
    match off {
        Some(n) => {
            let (ru, en) = reason(n);
            (format!("{ru_day} — {ru}"), format!("{en_day} is {en}"))
        }
        None => {
            let sat = date.weekday() == Weekday::Sat;
            (
                format!("{ru_day} — выходной день"),
                format!("{en_day} is a weekend day ({})", if sat { "Saturday" } else { "Sunday" }),
            )
        }
    }
}

/// Why a day is off, in Russian and English: its kind, the entry's note, and the act, cited
/// once (a note that already names the act, «…, ст. 112 ТК РФ», is not followed by it again).
fn reason(n: &crate::calendar::DayNote) -> (String, String) {
    let (kind_ru, kind_en) = kind_words(n.kind);
    let src_ru = n.source_short_ru.as_deref().unwrap_or(&n.source_ru);
    let src_en = n.source_short_en.as_deref().or(n.source_en.as_deref()).unwrap_or(src_ru);
    let with = |kind: &str, note: Option<&str>, src: &str| match note {
        Some(note) if note.contains(src) => format!("{kind} ({note})"),
        Some(note) => format!("{kind} ({note}): {src}"),
        None => format!("{kind}: {src}"),
    };
    (with(kind_ru, n.note_ru.as_deref(), src_ru), with(kind_en, n.note_en.as_deref(), src_en))
}

/// The entry that makes a listed day non-working, if any.
fn off_note(notes: &[crate::calendar::DayNote]) -> Option<&crate::calendar::DayNote> {
    notes.iter().rev().find(|n| {
        matches!(n.kind, DayKind::Holiday | DayKind::TransferOff | DayKind::DecreeOff | DayKind::RegionalOff)
    })
}

/// The weekdays a working-day count skipped, grouped into runs of the same act, so a reader sees
/// why the count went past them («30 марта – 30 апреля 2020: нерабочие дни по указу»).
pub(super) fn skipped(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> Option<Step> {
    let mut runs: Vec<(NaiveDate, NaiveDate, &crate::calendar::DayNote)> = Vec::new();
    for (date, notes) in calendar.listed(from, to) {
        if matches!(date.weekday(), Weekday::Sat | Weekday::Sun) || calendar.is_working_day(date).unwrap_or(true) {
            continue;
        }
        let Some(note) = off_note(notes) else { continue };
        match runs.last_mut() {
            Some((_, end, n))
                if n.kind == note.kind
                    && n.source_ru == note.source_ru
                    && n.note_ru == note.note_ru
                    && calendar.working_days_between(*end, date).unwrap_or(1) == 0 =>
            {
                *end = date;
            }
            _ => runs.push((date, date, note)),
        }
    }
    if runs.is_empty() {
        return None;
    }
    let mut ru = Vec::new();
    let mut en = Vec::new();
    for (a, b, n) in &runs {
        let (why_ru, why_en) = reason(n);
        if a == b {
            ru.push(format!("{} — {why_ru}", day_ru(*a)));
            en.push(format!("{} is {why_en}", date_en(*a)));
        } else {
            ru.push(format!("{} – {} — {why_ru}", day_ru(*a), day_ru(*b)));
            en.push(format!("{} – {}: {why_en}", date_en(*a), date_en(*b)));
        }
    }
    Some(step(
        "skipped",
        format!("не считаются рабочими: {}", ru.join("; ")),
        format!("not counted as working days: {}", en.join("; ")),
        None,
    ))
}

fn kind_words(kind: DayKind) -> (&'static str, &'static str) {
    match kind {
        DayKind::Holiday => ("нерабочий праздничный день", "a public holiday"),
        DayKind::TransferOff => ("выходной день по переносу", "a day off by transfer"),
        DayKind::DecreeOff => ("нерабочий день по указу Президента", "a non-working day by presidential decree"),
        _ => ("региональный нерабочий праздничный день", "a regional holiday"),
    }
}

/// Reasons for each non-working day in `[from, to)`, joined.
fn why_range(calendar: &Calendar, from: NaiveDate, to: NaiveDate) -> (String, String) {
    let mut ru = Vec::new();
    let mut en = Vec::new();
    let mut d = from;
    while d < to {
        let (r, e) = why_nonworking(calendar, d);
        ru.push(r);
        en.push(e);
        match d.succ_opt() {
            Some(n) => d = n,
            None => break,
        }
    }
    (ru.join("; "), en.join("; "))
}

pub(super) fn started(at: NaiveDateTime, zone: &str) -> Step {
    let t = at.format("%H:%M");
    step(
        "start",
        format!("начало срока: {}, {t} ({zone})", date_ru(at.date())),
        format!("starts {} {t} ({zone})", date_en(at.date())),
        None,
    )
}

pub(super) fn start_moved(calendar: &Calendar, sent: NaiveDate, to: NaiveDate, clause: Option<&str>) -> Step {
    let (why_ru, why_en) = why_range(calendar, sent, to);
    step(
        "start_moved",
        format!(
            "поступило в нерабочий день → считается поступившим в первый рабочий день, {}; {why_ru}",
            date_ru(to)
        ),
        format!("sent on a non-working day → counts from the first working day, {}; {why_en}", date_en(to)),
        clause,
    )
}

pub(super) fn before_cutoff(day: NaiveDate, cutoff: NaiveTime, clause: Option<&str>) -> Step {
    let c = cutoff.format("%H:%M");
    step(
        "before_cutoff",
        format!("поступило в рабочий день до {c} → учитывается в тот же день, {}", date_ru(day)),
        format!("received on a working day before {c} → counts the same day, {}", date_en(day)),
        clause,
    )
}

pub(super) fn after_cutoff(
    calendar: &Calendar,
    day: NaiveDate,
    working: bool,
    cutoff: NaiveTime,
    next: NaiveDate,
    clause: Option<&str>,
) -> Step {
    let c = cutoff.format("%H:%M");
    if working {
        step(
            "after_cutoff",
            format!("поступило после {c} → учитывается в следующий рабочий день, {}", date_ru(next)),
            format!("received after {c} → counts on the next working day, {}", date_en(next)),
            clause,
        )
    } else {
        let (why_ru, why_en) = why_range(calendar, day, next);
        step(
            "after_cutoff",
            format!("поступило в нерабочий день → учитывается в следующий рабочий день, {}; {why_ru}", date_ru(next)),
            format!("received on a non-working day → counts on the next working day, {}; {why_en}", date_en(next)),
            clause,
        )
    }
}

/// A unit's name for `amount` of it, in Russian (declined) and English (singular or plural):
/// «30 календарных дней», "30 calendar days".
pub(crate) fn unit_words(amount: i64, unit: TermUnit) -> (&'static str, &'static str) {
    let one = amount.unsigned_abs() == 1;
    match unit {
        TermUnit::CalendarDays => {
            (plural_ru(amount, "календарный день", "календарных дня", "календарных дней"), if one { "calendar day" } else { "calendar days" })
        }
        TermUnit::WorkingDays => (plural_ru(amount, "рабочий день", "рабочих дня", "рабочих дней"), if one { "working day" } else { "working days" }),
        TermUnit::Hours => (plural_ru(amount, "час", "часа", "часов"), if one { "hour" } else { "hours" }),
        TermUnit::WorkingHours => (plural_ru(amount, "рабочий час", "рабочих часа", "рабочих часов"), if one { "working hour" } else { "working hours" }),
    }
}

/// The `n`th extension of a term (of at most `times`) by `amount` units from its previous end.
pub(super) fn extended(n: u32, times: Option<u32>, amount: i64, unit: TermUnit, from: NaiveDateTime, clause: &str) -> Step {
    let (ru_unit, en_unit) = unit_words(amount, unit);
    let (ru_of, en_of) = times.map_or((String::new(), String::new()), |t| (format!(" из {t} допустимых"), format!(" of {t} allowed")));
    let t = from.format("%H:%M:%S");
    step(
        "extended",
        format!("продление {n}{ru_of}: срок продлён на {amount} {ru_unit}, считая от прежнего окончания срока, {}, {t}", date_ru(from.date())),
        format!("extension {n}{en_of}: the term is extended by {amount} {en_unit} from its previous end, {} {t}", date_en(from.date())),
        Some(clause),
    )
}

pub(super) fn counted(amount: i64, unit: TermUnit, from: NaiveDate, last: NaiveDate, clause: Option<&str>) -> Step {
    let (ru_unit, en_unit) = match unit {
        TermUnit::WorkingDays => (plural_ru(amount, "рабочий день", "рабочих дня", "рабочих дней"), "working day"),
        _ => (plural_ru(amount, "календарный день", "календарных дня", "календарных дней"), "calendar day"),
    };
    let en_s = if amount == 1 { "" } else { "s" };
    if amount == 0 {
        return step(
            "counted",
            format!("срок истекает в тот же день, {}", date_ru(last)),
            format!("the term ends the same day, {}", date_en(last)),
            clause,
        );
    }
    step(
        "counted",
        format!(
            "{amount} {ru_unit}, считая со дня, следующего за {} (ст. 191 ГК РФ) → последний день {}",
            day_ru(from),
            date_ru(last)
        ),
        format!(
            "{amount} {en_unit}{en_s} counted from the day after {} (Civil Code art. 191) → last day {}",
            date_en(from),
            date_en(last)
        ),
        clause,
    )
}

pub(super) fn last_day_nonworking(calendar: &Calendar, counted: NaiveDate, moved: NaiveDate, rule: OnNonWorking) -> Step {
    let (why_ru, why_en) = why_nonworking(calendar, counted);
    match rule {
        OnNonWorking::Next => step(
            "last_day_moved",
            format!("{why_ru} → срок оканчивается в ближайший следующий рабочий день, {} (ст. 193 ГК РФ)", date_ru(moved)),
            format!("{why_en} → the term ends on the next working day, {} (Civil Code art. 193)", date_en(moved)),
            None,
        ),
        OnNonWorking::Previous => step(
            "last_day_moved",
            format!("{why_ru} → срок оканчивается в предыдущий рабочий день, {}", date_ru(moved)),
            format!("{why_en} → the term ends on the previous working day, {}", date_en(moved)),
            None,
        ),
        OnNonWorking::AsIs => step(
            "last_day_kept",
            format!("{why_ru}; по профилю срок не переносится"),
            format!("{why_en}; the profile keeps the last day as is"),
            None,
        ),
    }
}

pub(super) fn closes(day: NaiveDate, at: NaiveTime, explicit: bool, zone: &str) -> Step {
    let t = at.format("%H:%M:%S");
    if explicit {
        step(
            "closes",
            format!("срок истекает в {t} по местному времени ({zone}), {}", date_ru(day)),
            format!("the term closes at {t} local time ({zone}) on {}", date_en(day)),
            None,
        )
    } else {
        step(
            "closes",
            format!("срок истекает в 23:59:59 последнего дня по местному времени ({zone}), {} (ст. 194 ГК РФ)", date_ru(day)),
            format!("the term ends at 23:59:59 local time ({zone}) on its last day, {} (Civil Code art. 194)", date_en(day)),
            None,
        )
    }
}

pub(super) fn rolling(hours: i64, due: NaiveDateTime, clause: Option<&str>) -> Step {
    let t = due.format("%H:%M");
    step(
        "rolling_window",
        format!(
            "{hours} {} подряд, без учёта календаря → {}, {t}",
            plural_ru(hours, "час", "часа", "часов"),
            date_ru(due.date())
        ),
        format!("{hours} hours in a row, regardless of the calendar → {} {t}", date_en(due.date())),
        clause,
    )
}

pub(super) fn provisional(days: &[NaiveDate]) -> Step {
    let ru: Vec<String> = days.iter().map(|d| date_ru(*d)).collect();
    let en: Vec<String> = days.iter().map(|d| date_en(*d)).collect();
    step(
        "provisional",
        format!("результат зависит от предварительных дат календаря (акт ещё не издан или не подтверждён): {}", ru.join(", ")),
        format!("the result depends on provisional calendar days (the act is not out yet or not confirmed): {}", en.join(", ")),
        None,
    )
}

pub(super) fn office_opening(calendar: &Calendar, from: NaiveDateTime, to: NaiveDateTime, hours: &OfficeHours) -> Step {
    let mut ru_why = Vec::new();
    let mut en_why = Vec::new();
    for day in from.date().iter_days().take_while(|d| *d < to.date()) {
        if !calendar.is_working_day(day).unwrap_or(true) {
            let (r, e) = why_nonworking(calendar, day);
            ru_why.push(r);
            en_why.push(e);
        }
    }
    let (ru_tail, en_tail) =
        if ru_why.is_empty() { (String::new(), String::new()) } else { (format!("; {}", ru_why.join("; ")), format!("; {}", en_why.join("; "))) };
    let t = to.format("%H:%M");
    step(
        "office_opening",
        format!(
            "поступило вне рабочего времени ({}) → рабочие часы считаются с ближайшего начала работы, {}, {t}{ru_tail}",
            hours.describe_ru(),
            date_ru(to.date())
        ),
        format!(
            "received outside office hours ({}) → working hours count from the next opening, {} {t}{en_tail}",
            hours.describe_en(),
            date_en(to.date())
        ),
        None,
    )
}

pub(super) fn working_hours(
    calendar: &Calendar,
    amount: i64,
    from: NaiveDateTime,
    to: NaiveDateTime,
    hours: &OfficeHours,
    clause: Option<&str>,
) -> Step {
    let spans = super::office::count(calendar, hours, from, amount.saturating_mul(60)).map(|r| r.1).unwrap_or_default();
    let mut days: Vec<(NaiveDate, Vec<String>)> = Vec::new();
    for s in spans {
        let part = format!("{}–{}", super::office::hm(s.from), super::office::hm(s.to));
        match days.last_mut() {
            Some((d, parts)) if *d == s.day => parts.push(part),
            _ => days.push((s.day, vec![part])),
        }
    }
    let ru_days: Vec<String> = days.iter().map(|(d, p)| format!("{} {}", day_ru(*d), p.join(", "))).collect();
    let en_days: Vec<String> = days.iter().map(|(d, p)| format!("{} {}", date_en(*d), p.join(", "))).collect();
    let t = to.format("%H:%M");
    let ru_unit = plural_ru(amount, "рабочий час", "рабочих часа", "рабочих часов");
    let en_s = if amount == 1 { "" } else { "s" };
    step(
        "working_hours",
        format!(
            "{amount} {ru_unit} в часы работы ({}), только в рабочие дни: {} → срок истекает {}, в {t}",
            hours.describe_ru(),
            if ru_days.is_empty() { "—".to_string() } else { ru_days.join("; ") },
            date_ru(to.date())
        ),
        format!(
            "{amount} working hour{en_s} within office hours ({}), on working days only: {} → due {} at {t}",
            hours.describe_en(),
            if en_days.is_empty() { "-".to_string() } else { en_days.join("; ") },
            date_en(to.date())
        ),
        clause,
    )
}

pub(super) fn short_day(day: NaiveDate, closes: NaiveTime) -> Step {
    let t = closes.format("%H:%M");
    step(
        "short_day",
        format!("{} — предпраздничный день: продолжительность работы уменьшена на один час, до {t} (ст. 95 ТК РФ)", date_ru(day)),
        format!("{} is the day before a holiday: the working day is one hour shorter, until {t} (Labour Code art. 95)", date_en(day)),
        None,
    )
}
