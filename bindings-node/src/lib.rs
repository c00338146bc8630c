//! Node bindings: the native addon under `bindings-node/index.js`.
//!
//! JSON text crosses the boundary both ways: the loader `JSON.stringify`s the caller's objects
//! (a `Date` becomes an RFC 3339 instant) and parses the answers. The core reads the text with
//! [`reglament::input::from_str`], so a wrong field has the same error path as in Rust and
//! Python. A failure is thrown as an error whose message is the JSON list of
//! [`reglament::ffi::ErrorInfo`]; the loader turns it into a JS `Error` with `code` and `path`.

use napi::bindgen_prelude::*;
use napi_derive::napi;
use reglament::calendar::CalendarOptions;
use reglament::ffi::ErrorInfo;
use reglament::input::from_str;
use reglament::message::{HistoryEntry, Message};
use reglament::workflow::{Actor, BatchItem, WorkflowEvent};
use reglament::term::{self, DeadlineRequest, Term, TermSources};
use reglament::conformance::{CaseFile, CaseReport, ProfileSource, Runner};
use reglament::Rules;
use serde::Serialize;

/// Marks a thrown message as the JSON error list the loader knows how to read.
const ERROR_MARK: &str = "reglament-errors:";

fn fail(err: &reglament::Error) -> Error {
    let infos = ErrorInfo::all(err);
    let text = serde_json::to_string(&infos).unwrap_or_else(|_| "[]".to_string());
    Error::new(Status::GenericFailure, format!("{ERROR_MARK}{text}"))
}

fn answer<T: Serialize>(result: reglament::Result<T>) -> Result<String> {
    let value = result.map_err(|e| fail(&e))?;
    serde_json::to_string(&value).map_err(|e| Error::from_reason(e.to_string()))
}

fn history(text: Option<String>) -> Result<Vec<HistoryEntry>> {
    match text {
        Some(t) => from_str(&t, "history").map_err(|e| fail(&e)),
        None => Ok(Vec::new()),
    }
}

fn date(text: &str, path: &str) -> Result<chrono::NaiveDate> {
    text.parse().map_err(|_| fail(&reglament::Error::input(path, format!("`{text}` is not a date YYYY-MM-DD"))))
}

/// A municipality's regulation (the loader's `Profile` wraps it).
#[napi]
pub struct NativeProfile {
    rules: Rules,
}

#[napi]
impl NativeProfile {
    /// A built-in profile.
    #[napi(factory)]
    pub fn builtin(name: String) -> Result<Self> {
        Rules::builtin(&name).map(|rules| Self { rules }).map_err(|e| fail(&e))
    }

    /// A profile from TOML text.
    #[napi(factory)]
    pub fn from_toml(source: String, file_name: String) -> Result<Self> {
        Rules::from_toml(&source, &file_name).map(|rules| Self { rules }).map_err(|e| fail(&e))
    }

    /// A profile from TOML text whose `extends` may name one of `bases_json` (a JSON list of
    /// `{name, file_name, source}`, the files beside it, by id) before the built-in profiles.
    #[napi(factory)]
    pub fn from_toml_with(source: String, file_name: String, bases_json: String) -> Result<Self> {
        let bases: Vec<ProfileSource> = from_str(&bases_json, "bases").map_err(|e| fail(&e))?;
        let resolver = |base: &str| -> Option<(String, String)> {
            bases
                .iter()
                .find(|p| reglament::conformance::profile_id(&p.name) == base)
                .map(|p| (p.file_name.clone(), p.source.clone()))
        };
        reglament::Profile::from_toml_with(&source, &file_name, &resolver)
            .and_then(Rules::new)
            .map(|rules| Self { rules })
            .map_err(|e| fail(&e))
    }

    /// Names of the built-in profiles.
    #[napi]
    pub fn builtin_names() -> Vec<String> {
        reglament::Profile::builtin_names().iter().map(|s| s.to_string()).collect()
    }

    /// The profile's id.
    #[napi(getter)]
    pub fn name(&self) -> String {
        self.rules.profile().id.clone()
    }

    /// The municipality's IANA time zone.
    #[napi(getter)]
    pub fn zone(&self) -> String {
        self.rules.zone().name().to_string()
    }

    /// The id of the production calendar terms are counted in.
    #[napi(getter)]
    pub fn calendar_id(&self) -> String {
        self.rules.calendar().id().to_string()
    }

    /// `validate`, JSON in and out.
    #[napi]
    pub fn validate(&self, message: String, history_json: Option<String>) -> Result<String> {
        let m: Message = from_str(&message, "message").map_err(|e| fail(&e))?;
        answer(self.rules.validate(&m, &history(history_json)?))
    }

    /// `route`, JSON in and out.
    #[napi]
    pub fn route(&self, message: String) -> Result<String> {
        let m: Message = from_str(&message, "message").map_err(|e| fail(&e))?;
        answer(self.rules.route(&m))
    }

    /// `plan`, JSON in and out.
    #[napi]
    pub fn plan(&self, message: String) -> Result<String> {
        let m: Message = from_str(&message, "message").map_err(|e| fail(&e))?;
        answer(self.rules.plan(&m))
    }

    /// `replay`: the workflow state after `events` (JSON array) as of `now` (RFC 3339).
    #[napi]
    pub fn replay(&self, message: String, events: String, now: String) -> Result<String> {
        let m: Message = from_str(&message, "message").map_err(|e| fail(&e))?;
        let ev: Vec<WorkflowEvent> = from_str(&events, "events").map_err(|e| fail(&e))?;
        let now = term::parse_instant(&now, "now").map_err(|e| fail(&e))?;
        answer(self.rules.replay(&m, &ev, now))
    }

    /// `control_report`: every term overdue at `now` (RFC 3339) across a batch (JSON array of
    /// `{message, events}`).
    #[napi]
    pub fn control_report(&self, batch: String, now: String) -> Result<String> {
        let b: Vec<BatchItem> = from_str(&batch, "batch").map_err(|e| fail(&e))?;
        let now = term::parse_instant(&now, "now").map_err(|e| fail(&e))?;
        answer(self.rules.control_report(&b, now))
    }

    /// `can_view`: whether `viewer` may see the message after `events`.
    #[napi]
    pub fn can_view(&self, message: String, viewer: String, events: Option<String>) -> Result<String> {
        let m: Message = from_str(&message, "message").map_err(|e| fail(&e))?;
        let v: Actor = from_str(&viewer, "viewer").map_err(|e| fail(&e))?;
        let ev: Vec<WorkflowEvent> = match events {
            Some(t) => from_str(&t, "events").map_err(|e| fail(&e))?,
            None => Vec::new(),
        };
        answer(self.rules.can_view(&m, &ev, &v))
    }

    /// `validate` over a JSON array of messages.
    #[napi]
    pub fn validate_many(&self, messages: String, history_json: Option<String>) -> Result<String> {
        let ms: Vec<Message> = from_str(&messages, "messages").map_err(|e| fail(&e))?;
        let h = history(history_json)?;
        answer(ms.iter().map(|m| self.rules.validate(m, &h)).collect::<reglament::Result<Vec<_>>>())
    }

    /// `plan` over a JSON array of messages.
    #[napi]
    pub fn plan_many(&self, messages: String) -> Result<String> {
        let ms: Vec<Message> = from_str(&messages, "messages").map_err(|e| fail(&e))?;
        answer(ms.iter().map(|m| self.rules.plan(m)).collect::<reglament::Result<Vec<_>>>())
    }
}

/// A production calendar (the loader's `Calendar` wraps it).
#[napi]
pub struct NativeCalendar {
    calendar: reglament::Calendar,
}

#[napi]
impl NativeCalendar {
    /// A built-in calendar: `ru`, `ru-ta`.
    #[napi(factory)]
    pub fn builtin(region: String, decree_days_off: bool) -> Result<Self> {
        reglament::Calendar::builtin_with(&region, CalendarOptions { decree_days_off, ..Default::default() })
            .map(|calendar| Self { calendar })
            .map_err(|e| fail(&e))
    }

    /// The calendar's id.
    #[napi(getter)]
    pub fn id(&self) -> String {
        self.calendar.id().to_string()
    }

    /// First and last covered day.
    #[napi]
    pub fn range(&self) -> Vec<String> {
        let (a, b) = self.calendar.range();
        vec![a.to_string(), b.to_string()]
    }

    /// Whether terms count this day.
    #[napi]
    pub fn is_working_day(&self, day: String) -> Result<bool> {
        self.calendar.is_working_day(date(&day, "date")?).map_err(|e| fail(&e))
    }

    /// The date `n` working days after (before, when negative) `day`.
    #[napi]
    pub fn add_working_days(&self, day: String, n: i64) -> Result<String> {
        self.calendar.add_working_days(date(&day, "date")?, n).map(|d| d.to_string()).map_err(|e| fail(&e))
    }

    /// The first working day after `day`.
    #[napi]
    pub fn next_working_day(&self, day: String) -> Result<String> {
        self.calendar.next_working_day(date(&day, "date")?).map(|d| d.to_string()).map_err(|e| fail(&e))
    }

    /// The last working day before `day`.
    #[napi]
    pub fn previous_working_day(&self, day: String) -> Result<String> {
        self.calendar.previous_working_day(date(&day, "date")?).map(|d| d.to_string()).map_err(|e| fail(&e))
    }

    /// Working days after `start` up to and including `end`.
    #[napi]
    pub fn working_days_between(&self, start: String, end: String) -> Result<i64> {
        self.calendar.working_days_between(date(&start, "start")?, date(&end, "end")?).map_err(|e| fail(&e))
    }

    /// Everything the calendar knows about a day, as JSON.
    #[napi]
    pub fn day_info(&self, day: String) -> Result<String> {
        answer(self.calendar.day_info(date(&day, "date")?))
    }

    /// Resolves a term (JSON) from `start` (RFC 3339) in `zone`.
    #[napi]
    pub fn deadline(&self, start: String, term_json: String, zone: String) -> Result<String> {
        let start = term::parse_instant(&start, "start").map_err(|e| fail(&e))?;
        let t: Term = from_str(&term_json, "term").map_err(|e| fail(&e))?;
        let zone = term::parse_zone(&zone).map_err(|e| fail(&e))?;
        answer(term::resolve_term(&self.calendar, zone, start, &t, &TermSources::default()))
    }
}

static CALENDARS: std::sync::Mutex<Vec<(String, bool, reglament::Calendar)>> = std::sync::Mutex::new(Vec::new());

fn cached_calendar(region: &str, options: CalendarOptions) -> reglament::Result<reglament::Calendar> {
    let mut cache = CALENDARS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, _, c)) = cache.iter().find(|(r, d, _)| r == region && *d == options.decree_days_off) {
        return Ok(c.clone());
    }
    let c = reglament::Calendar::builtin_with(region, options)?;
    cache.push((region.to_string(), options.decree_days_off, c.clone()));
    Ok(c)
}

/// Resolves a deadline request (JSON `{region?, zone, start, term, options?, sources?}`).
#[napi]
pub fn deadline(request: String) -> Result<String> {
    let q: DeadlineRequest = from_str(&request, "").map_err(|e| fail(&e))?;
    answer(cached_calendar(&q.region, q.options).and_then(|cal| q.resolve_on(&cal)))
}

/// The JSON Schema of the API types, as JSON text.
#[napi]
pub fn api_schema() -> String {
    reglament::ffi::api_schema().to_string()
}

/// The largest message text accepted, in bytes.
#[napi]
pub fn max_text_bytes() -> u32 {
    u32::try_from(reglament::input::MAX_TEXT_BYTES).unwrap_or(u32::MAX)
}

/// The profile paths a case file's cases name (relative to the case file), for the loader's
/// `conformance.run` to read: the core does no I/O.
#[napi]
pub fn conformance_profile_paths(text: String, file_name: String) -> Result<Vec<String>> {
    CaseFile::from_json(&text, &file_name).map(|f| f.profile_paths()).map_err(|e| fail(&e))
}

/// Runs a case file's text with the profile files read for it (`profiles_json`: a JSON list of
/// `{name, file_name, source}`); answers the JSON list of case reports.
#[napi]
pub fn conformance_run(text: String, file_name: String, profiles_json: String) -> Result<String> {
    let profiles: Vec<ProfileSource> = from_str(&profiles_json, "profiles").map_err(|e| fail(&e))?;
    answer(reglament::conformance::run_case_file(&mut Runner::default(), &text, &file_name, profiles))
}

/// A failing case report (JSON) as the short diff `reglament test` prints.
#[napi]
pub fn conformance_diff_text(report_json: String) -> Result<String> {
    let report: CaseReport = from_str(&report_json, "report").map_err(|e| fail(&e))?;
    Ok(report.diff_text())
}
