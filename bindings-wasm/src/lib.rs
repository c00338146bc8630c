//! Browser bindings: an ES module for checking a form before it is sent.
//!
//! Every call takes JSON text and returns the JSON text of a tagged
//! [`Answer`](reglament::ffi::Answer) (`{"type": "success", "value": ...}` or
//! `{"type": "failure", "errors": [...]}`), the shape Cedar's FFI uses: nothing is thrown across
//! the boundary. `index.js` stringifies the caller's objects (a `Date` becomes an RFC 3339
//! instant) and parses the answers. Profiles are built once per name and kept.
//!
//! The built-in profiles and calendar layers are embedded already resolved, as JSON written by
//! `build.rs`, and read with `serde_json`: the module carries no TOML parser and no profile
//! loader, which keeps it within its size budget (see `docs/bindings.md`).

use std::cell::RefCell;
use std::collections::HashMap;

use reglament::ffi::Answer;
use reglament::input::from_str;
use reglament::message::{HistoryEntry, Message};
use reglament::term::{self, DeadlineRequest};
use reglament::workflow::{Actor, WorkflowEvent};
use reglament::{Error, Result, Rules};
use serde::Serialize;
use wasm_bindgen::prelude::*;

thread_local! {
    static RULES: RefCell<HashMap<String, Rules>> = RefCell::new(HashMap::new());
    static CALENDARS: RefCell<HashMap<String, reglament::Calendar>> = RefCell::new(HashMap::new());
}

/// The built-in profiles and layers, resolved at build time (`build.rs`).
mod builtins {
    include!(concat!(env!("OUT_DIR"), "/builtins.rs"));
}

/// Reads embedded JSON that `build.rs` wrote from a value of the same type; failing is a bug.
fn embedded<T: serde::de::DeserializeOwned>(what: &str, json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| Error::input("$", format!("embedded {what}: {e}")))
}

/// `Rules::builtin`, from the embedded resolved profile and calendar.
fn rules(name: &str) -> Result<Rules> {
    if let Some(r) = RULES.with(|m| m.borrow().get(name).cloned()) {
        return Ok(r);
    }
    let unknown = || Error::UnknownProfile(name.to_string(), reglament::Profile::builtin_names().join(", "));
    let (_, json) = builtins::PROFILES.iter().find(|(n, _)| *n == name).ok_or_else(unknown)?;
    let profile: reglament::Profile = embedded("profile", json)?;
    let decree_days_off = reglament::CalendarOptions::default().decree_days_off;
    let calendar = profile.municipality.calendar.build(decree_days_off, &chain)?;
    let r = Rules::with_calendar(profile, calendar)?;
    RULES.with(|m| m.borrow_mut().insert(name.to_string(), r.clone()));
    Ok(r)
}

/// A built-in calendar; `decree_days_off` defaults to `true` (see `CalendarOptions`).
///
/// `Calendar::builtin_with` from the embedded layers: the region's layer and the ones it
/// `extends`, lowest first.
fn calendar(region: &str, decree_days_off: Option<bool>) -> Result<reglament::Calendar> {
    let options = reglament::CalendarOptions { decree_days_off: decree_days_off.unwrap_or(true), ..Default::default() };
    let key = format!("{region}:{}", options.decree_days_off);
    if let Some(c) = CALENDARS.with(|m| m.borrow().get(&key).cloned()) {
        return Ok(c);
    }
    let chains = reglament::calendar::region_spec(region).map(chain).collect::<Result<Vec<_>>>()?;
    let c = reglament::Calendar::from_chains(chains, options)?;
    CALENDARS.with(|m| m.borrow_mut().insert(key, c.clone()));
    Ok(c)
}

/// `Calendar::builtin_chain` from the embedded layers: the layer `region` and the ones it
/// `extends`, lowest first.
fn chain(region: &str) -> Result<Vec<reglament::calendar::Layer>> {
    let unknown = || Error::UnknownRegion(region.to_string(), reglament::calendar::REGIONS.join(", "));
    let mut chain: Vec<reglament::calendar::Layer> = Vec::new();
    let mut next = Some(region.to_string());
    while let Some(id) = next {
        let (_, json) = builtins::LAYERS.iter().find(|(lid, _)| *lid == id).ok_or_else(unknown)?;
        let layer: reglament::calendar::Layer = embedded("calendar layer", json)?;
        next = layer.extends.clone();
        chain.push(layer);
        if chain.len() > builtins::LAYERS.len() {
            return Err(unknown());
        }
    }
    chain.reverse();
    Ok(chain)
}

fn respond<T: Serialize>(result: Result<T>) -> String {
    let answer = Answer::from(result);
    serde_json::to_string(&answer).unwrap_or_else(|e| {
        format!(r#"{{"type":"failure","errors":[{{"code":"internal","message":{}}}]}}"#, serde_json::Value::from(e.to_string()))
    })
}


/// Names of the built-in profiles, as a JSON array.
#[wasm_bindgen(js_name = builtinProfiles)]
pub fn builtin_profiles() -> String {
    respond(Ok(reglament::Profile::builtin_names()))
}

/// The municipality of a built-in profile: `{id, zone, calendar}` answer.
#[wasm_bindgen(js_name = profileInfo)]
pub fn profile_info(profile: &str) -> String {
    respond(rules(profile).map(|r| {
        serde_json::json!({"id": r.profile().id, "zone": r.zone().name(), "calendar": r.calendar().id()})
    }))
}

/// `validate` of a message (JSON) under a built-in profile; `history` is a JSON array or empty.
#[wasm_bindgen]
pub fn validate(profile: &str, message: &str, history: &str) -> String {
    respond((|| {
        let r = rules(profile)?;
        let m: Message = from_str(message, "message")?;
        let h: Vec<HistoryEntry> = if history.is_empty() { Vec::new() } else { from_str(history, "history")? };
        r.validate(&m, &h)
    })())
}

/// `route` of a message (JSON) under a built-in profile.
#[wasm_bindgen]
pub fn route(profile: &str, message: &str) -> String {
    respond((|| {
        let m: Message = from_str(message, "message")?;
        rules(profile)?.route(&m)
    })())
}

/// `plan` of a message (JSON) under a built-in profile.
#[wasm_bindgen]
pub fn plan(profile: &str, message: &str) -> String {
    respond((|| {
        let m: Message = from_str(message, "message")?;
        rules(profile)?.plan(&m)
    })())
}

fn day(text: &str, path: &str) -> Result<chrono::NaiveDate> {
    text.parse().map_err(|_| Error::input(path, format!("`{text}` is not a date YYYY-MM-DD")))
}

fn whole(n: f64, path: &str) -> Result<i64> {
    if n.fract() == 0.0 && n.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        Ok(n as i64)
    } else {
        Err(Error::input(path, format!("{n} is not an integer")))
    }
}

/// Everything the calendar of `region` knows about a day (`DayInfo`).
#[wasm_bindgen(js_name = dayInfo)]
pub fn day_info(region: &str, date: &str, decree_days_off: Option<bool>) -> String {
    respond((|| calendar(region, decree_days_off)?.day_info(day(date, "date")?))())
}

/// Whether terms count this day.
#[wasm_bindgen(js_name = isWorkingDay)]
pub fn is_working_day(region: &str, date: &str, decree_days_off: Option<bool>) -> String {
    respond((|| calendar(region, decree_days_off)?.is_working_day(day(date, "date")?))())
}

/// The date `n` working days after (before, when negative) `date`.
#[wasm_bindgen(js_name = addWorkingDays)]
pub fn add_working_days(region: &str, date: &str, n: f64, decree_days_off: Option<bool>) -> String {
    respond((|| calendar(region, decree_days_off)?.add_working_days(day(date, "date")?, whole(n, "n")?))())
}

/// The first working day after `date`.
#[wasm_bindgen(js_name = nextWorkingDay)]
pub fn next_working_day(region: &str, date: &str, decree_days_off: Option<bool>) -> String {
    respond((|| calendar(region, decree_days_off)?.next_working_day(day(date, "date")?))())
}

/// The last working day before `date`.
#[wasm_bindgen(js_name = previousWorkingDay)]
pub fn previous_working_day(region: &str, date: &str, decree_days_off: Option<bool>) -> String {
    respond((|| calendar(region, decree_days_off)?.previous_working_day(day(date, "date")?))())
}

/// Working days after `start` up to and including `end`.
#[wasm_bindgen(js_name = workingDaysBetween)]
pub fn working_days_between(region: &str, start: &str, end: &str, decree_days_off: Option<bool>) -> String {
    respond((|| calendar(region, decree_days_off)?.working_days_between(day(start, "start")?, day(end, "end")?))())
}

/// Resolves a term: JSON `{region?, zone, start, term, options?, sources?}`.
#[wasm_bindgen]
pub fn deadline(input: &str) -> String {
    respond((|| {
        let q: DeadlineRequest = from_str(input, "")?;
        q.resolve_on(&calendar(&q.region, Some(q.options.decree_days_off))?)
    })())
}

/// `replay`: the workflow state of a message after `events` (JSON array) as of `now`.
#[wasm_bindgen]
pub fn replay(profile: &str, message: &str, events: &str, now: &str) -> String {
    respond((|| {
        let m: Message = from_str(message, "message")?;
        let ev: Vec<WorkflowEvent> = from_str(events, "events")?;
        let now = term::parse_instant(now, "now")?;
        rules(profile)?.replay(&m, &ev, now)
    })())
}

/// `can_view`: whether `viewer` (JSON) may see the message after `events` (JSON array).
#[wasm_bindgen(js_name = canView)]
pub fn can_view(profile: &str, message: &str, viewer: &str, events: &str) -> String {
    respond((|| {
        let m: Message = from_str(message, "message")?;
        let v: Actor = from_str(viewer, "viewer")?;
        let ev: Vec<WorkflowEvent> = if events.is_empty() { Vec::new() } else { from_str(events, "events")? };
        rules(profile)?.can_view(&m, &ev, &v)
    })())
}
