//! Conformance cases: the contract every binding is held to.
//!
//! A case names an operation, an input and the expected values (a subset: only the keys given
//! are compared). The same case files (`tests/conformance/*.json`) run against the Rust core
//! here (through `reglament test` and `cargo test`), and against the Python, Node and browser
//! bindings by their own runners, so the languages cannot drift apart. Format:
//! `docs/conformance.md`.

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};

use crate::calendar::{Calendar, CalendarOptions};
use crate::error::{Error, Result};
use crate::ffi::ErrorInfo;
use crate::input::from_value;
use crate::message::{HistoryEntry, Message};
use crate::rules::Rules;
use crate::term::{self, DeadlineRequest};
use crate::workflow::{Actor, WorkflowEvent};

/// A file of cases.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CaseFile {
    /// What the file covers.
    #[serde(default)]
    pub about: Option<String>,
    /// The cases.
    pub cases: Vec<Case>,
}

/// One case.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    /// A unique, readable name.
    pub name: String,
    /// Operation: `calendar`, `deadline`, `validate`, `route`, `plan`, `replay`, `control`,
    /// `can_view`.
    pub op: String,
    /// Built-in profile for `validate`, `route`, `plan`, `replay`, `control`, `can_view`.
    #[serde(default)]
    pub profile: Option<String>,
    /// The operation's input.
    pub input: Value,
    /// Expected result (subset).
    #[serde(default)]
    pub expect: Option<Value>,
    /// Expected error (subset of `{code, path}`).
    #[serde(default)]
    pub expect_error: Option<Value>,
    /// The clause or convention the case exercises.
    #[serde(default)]
    pub clause: Option<String>,
}

/// Result of one case.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Case name.
    pub name: String,
    /// Whether it matched.
    pub passed: bool,
    /// What differed, when it did not.
    pub mismatch: Option<String>,
    /// The actual answer (value or error list).
    pub actual: Value,
}

/// Compares `expected` as a subset of `actual`: objects by the keys given (an expected `null`
/// matches a missing key), arrays element-wise with equal length, scalars by equality. Returns
/// the first difference.
pub fn subset_mismatch(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => e.iter().find_map(|(k, ev)| match a.get(k) {
            Some(av) => subset_mismatch(ev, av, &format!("{path}.{k}")),
            // An expected `null` also matches an absent key: «this term is not planned».
            None if ev.is_null() => None,
            None => Some(format!("{path}.{k}: expected {ev}, missing")),
        }),
        (Value::Array(e), Value::Array(a)) => {
            if e.len() != a.len() {
                return Some(format!("{path}: expected {} items, got {}", e.len(), a.len()));
            }
            e.iter().zip(a).enumerate().find_map(|(i, (ev, av))| subset_mismatch(ev, av, &format!("{path}[{i}]")))
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => None,
        _ if expected == actual => None,
        _ => Some(format!("{path}: expected {expected}, got {actual}")),
    }
}

/// Runs cases against the Rust core, reusing rules and calendars across cases.
#[derive(Default)]
pub struct Runner {
    rules: HashMap<String, Rules>,
    calendars: HashMap<String, Calendar>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CalendarInput {
    #[serde(default = "default_region")]
    region: String,
    #[serde(default)]
    options: Option<CalendarOptions>,
    query: String,
    date: NaiveDate,
    #[serde(default)]
    n: Option<i64>,
    #[serde(default)]
    to: Option<NaiveDate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct MessageInput {
    message: Value,
    #[serde(default)]
    history: Vec<HistoryEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReplayInput {
    message: Value,
    #[serde(default)]
    events: Vec<Value>,
    now: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ControlInput {
    batch: Value,
    now: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CanViewInput {
    message: Value,
    #[serde(default)]
    events: Vec<Value>,
    viewer: Value,
}

fn events_of(values: &[Value]) -> Result<Vec<WorkflowEvent>> {
    values.iter().enumerate().map(|(i, v)| from_value(v, &format!("events[{i}]"))).collect()
}

fn default_region() -> String {
    "ru".to_string()
}

fn to_json<T: Serialize>(v: &T) -> Result<Value> {
    serde_json::to_value(v).map_err(|e| Error::input("$", e.to_string()))
}

impl Runner {
    fn calendar(&mut self, region: &str, options: Option<CalendarOptions>) -> Result<Calendar> {
        let options = options.unwrap_or_default();
        let key = format!("{region}:{}", options.decree_days_off);
        if let Some(c) = self.calendars.get(&key) {
            return Ok(c.clone());
        }
        let c = Calendar::builtin_with(region, options)?;
        self.calendars.insert(key, c.clone());
        Ok(c)
    }

    fn rules(&mut self, name: Option<&str>) -> Result<Rules> {
        let name = name.ok_or_else(|| Error::input("profile", "this operation needs a profile"))?;
        if let Some(r) = self.rules.get(name) {
            return Ok(r.clone());
        }
        let r = Rules::builtin(name)?;
        self.rules.insert(name.to_string(), r.clone());
        Ok(r)
    }

    /// Runs one operation and returns its answer as JSON.
    pub fn run_op(&mut self, op: &str, profile: Option<&str>, input: &Value) -> Result<Value> {
        match op {
            "calendar" => {
                let q: CalendarInput = from_value(input, "input")?;
                let cal = self.calendar(&q.region, q.options)?;
                calendar_query(&cal, &q.query, q.date, q.n, q.to)
            }
            "deadline" => {
                let q: DeadlineRequest = from_value(input, "input")?;
                let cal = self.calendar(&q.region, Some(q.options))?;
                to_json(&q.resolve_on(&cal)?)
            }
            "validate" | "route" | "plan" => {
                let rules = self.rules(profile)?;
                let q: MessageInput = from_value(input, "input")?;
                let message: Message = from_value(&q.message, "message")?;
                match op {
                    "validate" => to_json(&rules.validate(&message, &q.history)?),
                    "route" => to_json(&rules.route(&message)?),
                    _ => to_json(&rules.plan(&message)?),
                }
            }
            "replay" => {
                let rules = self.rules(profile)?;
                let q: ReplayInput = from_value(input, "input")?;
                let message: Message = from_value(&q.message, "message")?;
                let events = events_of(&q.events)?;
                let now = term::parse_instant(&q.now, "input.now")?;
                to_json(&rules.replay(&message, &events, now)?)
            }
            "control" => {
                let rules = self.rules(profile)?;
                let q: ControlInput = from_value(input, "input")?;
                let batch: Vec<crate::workflow::BatchItem> = from_value(&q.batch, "batch")?;
                let now = term::parse_instant(&q.now, "input.now")?;
                to_json(&rules.control_report(&batch, now)?)
            }
            "can_view" => {
                let rules = self.rules(profile)?;
                let q: CanViewInput = from_value(input, "input")?;
                let message: Message = from_value(&q.message, "message")?;
                let events = events_of(&q.events)?;
                let viewer: Actor = from_value(&q.viewer, "viewer")?;
                to_json(&rules.can_view(&message, &events, &viewer)?)
            }
            other => Err(Error::input("op", format!("unknown operation `{other}`"))),
        }
    }

    /// Runs a case and compares.
    pub fn run(&mut self, case: &Case) -> Outcome {
        let result = self.run_op(&case.op, case.profile.as_deref(), &case.input);
        judge(case, result.map_err(|e| ErrorInfo::all(&e)))
    }
}

/// Answers a calendar query of a case: `day`, `add_working_days`, `next_working_day`,
/// `previous_working_day`, `working_days_between`.
pub fn calendar_query(cal: &Calendar, query: &str, date: NaiveDate, n: Option<i64>, to: Option<NaiveDate>) -> Result<Value> {
    Ok(match query {
        "day" => {
            let info = cal.day_info(date)?;
            let mut kinds: Vec<&str> = info.notes.iter().map(|n| n.kind.as_str()).collect();
            kinds.sort_unstable();
            kinds.dedup();
            json!({"date": date, "working": info.working, "short": info.short, "provisional": info.provisional, "kinds": kinds})
        }
        "add_working_days" => {
            let n = n.ok_or_else(|| Error::input("input.n", "add_working_days needs `n`"))?;
            json!({"date": cal.add_working_days(date, n)?})
        }
        "next_working_day" => json!({"date": cal.next_working_day(date)?}),
        "previous_working_day" => json!({"date": cal.previous_working_day(date)?}),
        "working_days_between" => {
            let to = to.ok_or_else(|| Error::input("input.to", "working_days_between needs `to`"))?;
            json!({"count": cal.working_days_between(date, to)?})
        }
        other => return Err(Error::input("input.query", format!("unknown calendar query `{other}`"))),
    })
}

/// Judges an answer against a case's expectations; shared by every runner written in Rust.
pub fn judge(case: &Case, result: std::result::Result<Value, Vec<ErrorInfo>>) -> Outcome {
    let (passed, mismatch, actual) = match (&result, &case.expect_error, &case.expect) {
        (Ok(v), None, Some(exp)) => {
            let m = subset_mismatch(exp, v, "$");
            (m.is_none(), m, v.clone())
        }
        (Ok(v), None, None) => (true, None, v.clone()),
        (Ok(v), Some(_), _) => (false, Some("expected an error, got a result".to_string()), v.clone()),
        (Err(errs), Some(exp), _) => {
            let actual = serde_json::to_value(errs).unwrap_or(Value::Null);
            let first = actual.get(0).cloned().unwrap_or(Value::Null);
            let m = subset_mismatch(exp, &first, "$error");
            (m.is_none(), m, actual)
        }
        (Err(errs), None, _) => {
            let actual = serde_json::to_value(errs).unwrap_or(Value::Null);
            (false, Some(format!("unexpected error: {actual}")), actual)
        }
    };
    Outcome { name: case.name.clone(), passed, mismatch, actual }
}
