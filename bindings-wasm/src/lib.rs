//! Browser bindings: an ES module for checking a form before it is sent.
//!
//! Every call takes JSON text and returns the JSON text of a tagged
//! [`Answer`](reglament::ffi::Answer) (`{"type": "success", "value": ...}` or
//! `{"type": "failure", "errors": [...]}`), the shape Cedar's FFI uses: nothing is thrown across
//! the boundary. `index.js` stringifies the caller's objects (a `Date` becomes an RFC 3339
//! instant) and parses the answers. Profiles are built once per name and kept.
//!
//! The module carries the engine and no rules: profiles and calendar layers arrive as packed
//! data (`reglament::packed`, written by `src/bin/pack.rs`) through [`load_profile_data`] and
//! [`load_layer_data`], so its size does not grow with every municipality (see
//! `docs/bindings.md`). `index.js` fetches the files a profile needs, once, and hands them over.

use std::cell::RefCell;

use reglament::calendar::Layer;
use reglament::ffi::Answer;
use reglament::input::from_str;
use reglament::message::{HistoryEntry, Message};
use reglament::term::{self, DeadlineRequest};
use reglament::workflow::{Actor, BatchItem, WorkflowEvent};
use reglament::{Error, Profile, Result, Rules};
use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Values by name. A portal loads a handful, so a list searched in order does, and it keeps
/// the hash map's code out of the module (which has a size budget).
struct Named<T>(Vec<(String, T)>);

impl<T> Named<T> {
    const fn new() -> Self {
        Self(Vec::new())
    }

    fn get(&self, name: &str) -> Option<&T> {
        self.0.iter().find(|(n, _)| n == name).map(|(_, v)| v)
    }

    fn insert(&mut self, name: String, value: T) {
        self.remove(&name);
        self.0.push((name, value));
    }

    fn remove(&mut self, name: &str) {
        self.0.retain(|(n, _)| n != name);
    }

    fn clear(&mut self) {
        self.0.clear();
    }

    fn len(&self) -> usize {
        self.0.len()
    }

    fn names(&self) -> Vec<String> {
        let mut names: Vec<String> = self.0.iter().map(|(n, _)| n.clone()).collect();
        names.sort();
        names
    }
}

thread_local! {
    /// Profiles loaded from data, by id.
    static PROFILES: RefCell<Named<Profile>> = const { RefCell::new(Named::new()) };
    /// Calendar layers loaded from data, by id.
    static LAYERS: RefCell<Named<Layer>> = const { RefCell::new(Named::new()) };
    /// Rules built from the loaded profiles, kept until a profile or layer is loaded again.
    static RULES: RefCell<Named<Rules>> = const { RefCell::new(Named::new()) };
    /// Calendars built from the loaded layers, by `region:decree_days_off`.
    static CALENDARS: RefCell<Named<reglament::Calendar>> = const { RefCell::new(Named::new()) };
}

/// Ids of the loaded profiles, sorted.
fn loaded_profiles() -> Vec<String> {
    PROFILES.with(|m| m.borrow().names())
}

/// The rules of a loaded profile, with its calendar from the loaded layers.
fn rules(name: &str) -> Result<Rules> {
    if let Some(r) = RULES.with(|m| m.borrow().get(name).cloned()) {
        return Ok(r);
    }
    let profile = PROFILES.with(|m| m.borrow().get(name).cloned());
    let profile = profile.ok_or_else(|| Error::UnknownProfile(name.to_string(), loaded_profiles().join(", ")))?;
    let decree_days_off = reglament::CalendarOptions::default().decree_days_off;
    let calendar = profile.municipality.calendar.build(decree_days_off, &chain)?;
    let r = Rules::with_calendar(profile, calendar)?;
    RULES.with(|m| m.borrow_mut().insert(name.to_string(), r.clone()));
    Ok(r)
}

/// The loaded layer `id` and the ones it `extends`, lowest first (what
/// `Calendar::builtin_chain` does with the compiled-in layers).
fn chain(id: &str) -> Result<Vec<Layer>> {
    let unknown = || Error::UnknownRegion(id.to_string(), LAYERS.with(|m| m.borrow().names()).join(", "));
    let mut chain: Vec<Layer> = Vec::new();
    let mut next = Some(id.to_string());
    while let Some(id) = next {
        let layer = LAYERS.with(|m| m.borrow().get(&id).cloned()).ok_or_else(unknown)?;
        next = layer.extends.clone();
        chain.push(layer);
        if chain.len() > LAYERS.with(|m| m.borrow().len()) {
            return Err(unknown());
        }
    }
    chain.reverse();
    Ok(chain)
}

/// The calendar of `region` from the loaded layers.
/// `decree_days_off` defaults to `true` (see `CalendarOptions`).
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

/// What loading data and `profileInfo` answer: one shape, the members that apply.
#[derive(Serialize)]
struct Info {
    id: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    calendar: Option<String>,
    /// A layer's base (`null` for the lowest).
    #[serde(skip_serializing_if = "Option::is_none")]
    extends: Option<Option<String>>,
}

/// Loads a packed profile (`profiles/<id>.bin`); `file` names it in errors. Answers
/// `{id, calendar}`: the calendar region whose layers must be loaded too.
#[wasm_bindgen(js_name = loadProfileData)]
pub fn load_profile_data(bytes: &[u8], file: &str) -> String {
    respond(reglament::packed::decode_profile(bytes, file).map(|p| {
        let answer = Info { id: p.id.clone(), zone: None, calendar: Some(p.municipality.calendar.region.clone()), extends: None };
        RULES.with(|m| m.borrow_mut().remove(&p.id));
        PROFILES.with(|m| m.borrow_mut().insert(p.id.clone(), p));
        answer
    }))
}

/// Loads a packed calendar layer (`calendars/<id>.bin`); `file` names it in errors. Answers
/// `{id, extends}`.
#[wasm_bindgen(js_name = loadLayerData)]
pub fn load_layer_data(bytes: &[u8], file: &str) -> String {
    respond(reglament::packed::decode_layer(bytes, file).map(|l| {
        let answer = Info { id: l.id.clone(), zone: None, calendar: None, extends: Some(l.extends.clone()) };
        // Any calendar or rules may stand on this layer.
        CALENDARS.with(|m| m.borrow_mut().clear());
        RULES.with(|m| m.borrow_mut().clear());
        LAYERS.with(|m| m.borrow_mut().insert(l.id.clone(), l));
        answer
    }))
}

fn respond<T: Serialize>(result: Result<T>) -> String {
    let answer = Answer::from(result);
    serde_json::to_string(&answer).unwrap_or_else(|e| {
        format!(r#"{{"type":"failure","errors":[{{"code":"internal","message":{}}}]}}"#, serde_json::Value::from(e.to_string()))
    })
}


/// Ids of the loaded profiles, as a JSON array answer.
#[wasm_bindgen(js_name = loadedProfiles)]
pub fn loaded_profiles_answer() -> String {
    respond(Ok(loaded_profiles()))
}

/// The municipality of a loaded profile: `{id, zone, calendar}` answer.
#[wasm_bindgen(js_name = profileInfo)]
pub fn profile_info(profile: &str) -> String {
    respond(rules(profile).map(|r| Info {
        id: r.profile().id.clone(),
        zone: Some(r.zone().name().to_string()),
        calendar: Some(r.calendar().id().to_string()),
        extends: None,
    }))
}

/// The form a loaded profile requires (`reglament::form::Form`): fields, categories,
/// attachment limits, the public flag and who may send, each with its clause.
#[wasm_bindgen]
pub fn form(profile: &str) -> String {
    respond(rules(profile).map(|r| reglament::form::describe(r.profile())))
}

/// `validate` of a message (JSON) under a loaded profile; `history` is a JSON array or empty.
#[wasm_bindgen]
pub fn validate(profile: &str, message: &str, history: &str) -> String {
    respond((|| {
        let r = rules(profile)?;
        let m: Message = from_str(message, "message")?;
        let h: Vec<HistoryEntry> = if history.is_empty() { Vec::new() } else { from_str(history, "history")? };
        r.validate(&m, &h)
    })())
}

/// `route` of a message (JSON) under a loaded profile.
#[wasm_bindgen]
pub fn route(profile: &str, message: &str) -> String {
    respond((|| {
        let m: Message = from_str(message, "message")?;
        rules(profile)?.route(&m)
    })())
}

/// `plan` of a message (JSON) under a loaded profile.
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

/// `controlReport`: every term overdue at `now` across a batch (JSON array of `{message, events}`).
#[wasm_bindgen(js_name = controlReport)]
pub fn control_report(profile: &str, batch: &str, now: &str) -> String {
    respond((|| {
        let b: Vec<BatchItem> = from_str(batch, "batch")?;
        let now = term::parse_instant(now, "now")?;
        rules(profile)?.control_report(&b, now)
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
