//! Conformance cases: the contract every binding is held to.
//!
//! A case names an operation, an input and the expected values (a subset: only the keys given
//! are compared). The same case files (`tests/conformance/*.json`) run against the Rust core
//! here (through `reglament test` and `cargo test`), and against the Python, Node and browser
//! bindings by their own runners, so the languages cannot drift apart. Format:
//! `docs/conformance.md`.
//!
//! A case may name a rule author's own profile file instead of a built-in one: a path relative to
//! the case file (`"profile": "my-town.toml"`), or the id of a profile in a folder the file lists
//! under `profiles`. The core does no I/O: the caller (the CLI, a binding) asks
//! [`CaseFile::profile_paths`] what to read, reads it, and hands the contents to
//! [`Runner::set_profiles`] as [`ProfileSource`]s.

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
    /// Profile files or folders of profile files (paths relative to the case file) whose
    /// profiles the cases may name by id, as a rule author's own profiles are named.
    #[serde(default)]
    pub profiles: Vec<String>,
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
    /// The profile for `validate`, `route`, `plan`, `replay`, `control`,
    /// `can_view`: a built-in id, the id
    /// of a profile under the file's `profiles`, or a profile file's path relative to the case
    /// file (see [`is_profile_path`]).
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

impl CaseFile {
    /// Parses a case file's JSON text; an error names the field (and line and column) that is
    /// wrong, prefixed by `file_name`.
    pub fn from_json(text: &str, file_name: &str) -> Result<CaseFile> {
        crate::input::from_str(text, "").map_err(|e| Error::input(file_name, e.to_string()))
    }

    /// Every path the caller must read before running the file, relative to the case file and
    /// in the order first named: the `profiles` entries and each case's profile that is a path.
    /// A path may be a folder (read every `*.toml` in it) or a file; the caller also reads the
    /// other `*.toml` files beside a named file, so that its `extends` finds a sibling the way
    /// `reglament lint` does.
    pub fn profile_paths(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let named = self.cases.iter().filter_map(|c| c.profile.as_deref()).filter(|p| is_profile_path(p));
        for p in self.profiles.iter().map(String::as_str).chain(named) {
            if !out.iter().any(|o| o == p) {
                out.push(p.to_string());
            }
        }
        out
    }
}

/// Whether a case's `profile` names a file (it ends in `.toml` or holds a path separator)
/// rather than a profile id.
pub fn is_profile_path(name: &str) -> bool {
    name.ends_with(".toml") || name.contains('/') || name.contains('\\')
}

/// The id a profile file is known by: its file name without folders and `.toml`
/// (`profiles/my-town.toml` → `my-town`), the name `extends` uses.
pub fn profile_id(path: &str) -> &str {
    let file = path.rsplit(['/', '\\']).next().unwrap_or(path);
    file.strip_suffix(".toml").unwrap_or(file)
}

/// A profile file a case file may use, read by the caller: the core does no I/O.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProfileSource {
    /// How cases name it: the path as the case file writes it (`my-town.toml`), or the id of a
    /// file found in a `profiles` folder or beside a named file (`my-town`).
    pub name: String,
    /// The file's path as diagnostics should show it.
    pub file_name: String,
    /// The TOML text.
    pub source: String,
}

/// One expected field that the answer does not match.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Difference {
    /// Where, as a JSON path (`$.answer.due_date`, `$error.code`).
    pub path: String,
    /// What the case expects there.
    pub expected: Value,
    /// What the answer holds there; `null` when the key is missing.
    pub actual: Value,
    /// A short description: `expected 3 items, got 2`, `missing`, or empty for a plain change.
    pub note: String,
}

impl std::fmt::Display for Difference {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.note.is_empty() {
            write!(f, "{}: expected {}, got {}", self.path, self.expected, self.actual)
        } else {
            write!(f, "{}: {}", self.path, self.note)
        }
    }
}

/// Result of one case.
#[derive(Debug, Clone, Serialize)]
pub struct Outcome {
    /// Case name.
    pub name: String,
    /// Whether it matched.
    pub passed: bool,
    /// The first difference, as one line, when it did not.
    pub mismatch: Option<String>,
    /// Every expected field that differs, so an author sees all that is wrong at once.
    pub differences: Vec<Difference>,
    /// The actual answer (value or error list).
    pub actual: Value,
}

/// Compares `expected` as a subset of `actual`: objects by the keys given (an expected `null`
/// matches a missing key), arrays element-wise with equal length, scalars by equality. Returns
/// the first difference.
pub fn subset_mismatch(expected: &Value, actual: &Value, path: &str) -> Option<String> {
    subset_differences(expected, actual, path).first().map(ToString::to_string)
}

/// [`subset_mismatch`] that collects every difference, in the order of the expected keys.
pub fn subset_differences(expected: &Value, actual: &Value, path: &str) -> Vec<Difference> {
    let mut out = Vec::new();
    collect_differences(expected, actual, path, &mut out);
    out
}

fn collect_differences(expected: &Value, actual: &Value, path: &str, out: &mut Vec<Difference>) {
    let differ = |note: String| Difference { path: path.to_string(), expected: expected.clone(), actual: actual.clone(), note };
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (k, ev) in e {
                let at = format!("{path}.{k}");
                match a.get(k) {
                    Some(av) => collect_differences(ev, av, &at, out),
                    // An expected `null` also matches an absent key: «this term is not planned».
                    None if ev.is_null() => {}
                    None => out.push(Difference {
                        note: format!("expected {ev}, missing"),
                        path: at,
                        expected: ev.clone(),
                        actual: Value::Null,
                    }),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) => {
            if e.len() == a.len() {
                for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                    collect_differences(ev, av, &format!("{path}[{i}]"), out);
                }
            } else {
                out.push(differ(format!("expected {} items, got {}", e.len(), a.len())));
            }
        }
        (Value::Number(e), Value::Number(a)) if e.as_f64() == a.as_f64() => {}
        _ if expected == actual => {}
        _ => out.push(differ(String::new())),
    }
}

/// Runs cases against the Rust core, reusing rules and calendars across cases.
#[derive(Default)]
pub struct Runner {
    rules: HashMap<String, Rules>,
    calendars: HashMap<String, Calendar>,
    /// The rule author's profile files the current case file may name.
    profiles: Vec<ProfileSource>,
    /// Rules loaded from `profiles`, by the name a case used.
    user_rules: HashMap<String, Rules>,
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

    /// Replaces the profile files cases may name (those of the next case file). A name given
    /// twice keeps its first source.
    pub fn set_profiles(&mut self, profiles: Vec<ProfileSource>) {
        self.profiles = profiles;
        self.user_rules.clear();
    }

    fn user_profile(&self, name: &str) -> Option<&ProfileSource> {
        self.profiles.iter().find(|p| p.name == name)
    }

    fn rules(&mut self, name: Option<&str>) -> Result<Rules> {
        let name = name.ok_or_else(|| Error::input("profile", "this operation needs a profile"))?;
        if let Some(r) = self.user_rules.get(name) {
            return Ok(r.clone());
        }
        if let Some(file) = self.user_profile(name) {
            let profiles = &self.profiles;
            // `extends` finds the author's other files by id, then the built-in profiles.
            let resolver = |base: &str| -> Option<(String, String)> {
                profiles.iter().find(|p| profile_id(&p.name) == base).map(|p| (p.file_name.clone(), p.source.clone()))
            };
            let profile = crate::profile::Profile::from_toml_with(&file.source, &file.file_name, &resolver)?;
            let r = Rules::new(profile)?;
            self.user_rules.insert(name.to_string(), r.clone());
            return Ok(r);
        }
        if is_profile_path(name) {
            return Err(Error::input(
                "profile",
                format!("the profile file `{name}` was not read; it must be a path relative to the case file"),
            ));
        }
        if let Some(r) = self.rules.get(name) {
            return Ok(r.clone());
        }
        let r = Rules::builtin(name)?;
        self.rules.insert(name.to_string(), r.clone());
        Ok(r)
    }

    /// Runs every case of a file with `profiles` (what the caller read for
    /// [`CaseFile::profile_paths`]) as the profile files its cases may name.
    pub fn run_file(&mut self, file: &CaseFile, profiles: Vec<ProfileSource>) -> Vec<Outcome> {
        self.set_profiles(profiles);
        file.cases.iter().map(|case| self.run(case)).collect()
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

/// One case's result as every runner reports it (`reglament test --json`, Python's and Node's
/// `conformance.run`): where the case is, and every field that differs.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CaseReport {
    /// The case file, as the caller named it.
    pub file: String,
    /// The case's name.
    pub name: String,
    /// The operation.
    pub op: String,
    /// The profile the case names, if any.
    pub profile: Option<String>,
    /// The clause the case exercises, if given.
    pub clause: Option<String>,
    /// Whether it matched.
    pub passed: bool,
    /// Every expected field that differs.
    pub differences: Vec<Difference>,
}

impl CaseReport {
    /// A failing case as a short diff an author reads: the case, then per differing field its
    /// path, `- expected` and `+ actual`, each value cut to one line; an unexpected error shows
    /// its code, field and message. Empty for a passing case.
    pub fn diff_text(&self) -> String {
        use std::fmt::Write as _;
        let mut out = String::new();
        if self.passed {
            return out;
        }
        let _ = writeln!(out, "FAIL {}: {}", self.file, self.name);
        let _ = writeln!(out, "  op: {} {}", self.op, self.profile.as_deref().unwrap_or(""));
        if let Some(clause) = &self.clause {
            let _ = writeln!(out, "  clause: {clause}");
        }
        for d in &self.differences {
            if d.note.starts_with("unexpected error") {
                let _ = writeln!(out, "  {}", d.path);
                for e in d.actual.as_array().into_iter().flatten() {
                    let field = e.get("path").and_then(Value::as_str).map(|p| format!(" at `{p}`")).unwrap_or_default();
                    let code = e.get("code").and_then(Value::as_str).unwrap_or("?");
                    let message = e.get("message").map_or_else(String::new, |m| one_line(m, 300));
                    let _ = writeln!(out, "    unexpected error[{code}]{field}: {message}");
                }
                continue;
            }
            let note = if d.note.is_empty() { String::new() } else { format!(" ({})", d.note) };
            let _ = writeln!(out, "  {}{note}", d.path);
            let _ = writeln!(out, "    - expected {}", one_line(&d.expected, 160));
            let missing = d.actual.is_null() && d.note.ends_with("missing");
            let actual = if missing { "(missing)".to_string() } else { one_line(&d.actual, 160) };
            let _ = writeln!(out, "    + actual   {actual}");
        }
        out
    }
}

/// A value as one line of at most `max` characters (a string without its quotes when it is
/// the whole value is still shown quoted, as JSON, so `"5"` and `5` differ visibly).
fn one_line(value: &Value, max: usize) -> String {
    let text = match value {
        Value::String(s) if s.contains('\n') => Value::String(s.replace('\n', " ")).to_string(),
        _ => value.to_string(),
    };
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

/// Runs a case file given as text, with the profile files the caller read for it: what a
/// binding's or the CLI's runner calls once per file.
pub fn run_case_file(runner: &mut Runner, text: &str, file_name: &str, profiles: Vec<ProfileSource>) -> Result<Vec<CaseReport>> {
    let file = CaseFile::from_json(text, file_name)?;
    let outcomes = runner.run_file(&file, profiles);
    Ok(file
        .cases
        .iter()
        .zip(outcomes)
        .map(|(case, outcome)| CaseReport {
            file: file_name.to_string(),
            name: case.name.clone(),
            op: case.op.clone(),
            profile: case.profile.clone(),
            clause: case.clause.clone(),
            passed: outcome.passed,
            differences: outcome.differences,
        })
        .collect())
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
    let (differences, actual) = match (&result, &case.expect_error, &case.expect) {
        (Ok(v), None, Some(exp)) => (subset_differences(exp, v, "$"), v.clone()),
        (Ok(v), None, None) => (Vec::new(), v.clone()),
        (Ok(v), Some(exp), _) => {
            let note = "expected an error, got a result".to_string();
            (vec![Difference { path: "$error".to_string(), expected: exp.clone(), actual: v.clone(), note }], v.clone())
        }
        (Err(errs), Some(exp), _) => {
            let actual = serde_json::to_value(errs).unwrap_or(Value::Null);
            let first = actual.get(0).cloned().unwrap_or(Value::Null);
            (subset_differences(exp, &first, "$error"), actual)
        }
        (Err(errs), None, _) => {
            let actual = serde_json::to_value(errs).unwrap_or(Value::Null);
            let note = format!("unexpected error: {actual}");
            let expected = case.expect.clone().unwrap_or(Value::Null);
            (vec![Difference { path: "$".to_string(), expected, actual: actual.clone(), note }], actual)
        }
    };
    let mismatch = differences.first().map(ToString::to_string);
    Outcome { name: case.name.clone(), passed: differences.is_empty(), mismatch, differences, actual }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn every_difference_is_collected_in_the_order_expected() {
        let expected = json!({"a": 1, "b": {"c": "x", "d": [1, 2]}, "e": null, "f": true});
        let actual = json!({"a": 2, "b": {"c": "y", "d": [1]}});
        let paths: Vec<String> = subset_differences(&expected, &actual, "$").into_iter().map(|d| d.to_string()).collect();
        assert_eq!(paths, ["$.a: expected 1, got 2", "$.b.c: expected \"x\", got \"y\"", "$.b.d: expected 2 items, got 1", "$.f: expected true, missing"]);
        assert_eq!(subset_mismatch(&expected, &actual, "$").as_deref(), Some("$.a: expected 1, got 2"));
    }

    #[test]
    fn a_case_names_a_profile_file_the_caller_read() {
        let text = r#"{"profiles": ["towns"], "cases": [
            {"name": "file", "op": "route", "profile": "my-town.toml",
             "input": {"message": {"sent_at": "2026-03-10T11:00:00+03:00", "text": "Яма", "category": "all"}},
             "expect": {"organisation": {"id": "town-administration"}}},
            {"name": "by id, extending the file", "op": "route", "profile": "my-village",
             "input": {"message": {"sent_at": "2026-03-10T11:00:00+03:00", "text": "Яма", "category": "all"}},
             "expect": {"organisation": {"id": "town-administration"}}},
            {"name": "unread", "op": "plan", "profile": "other.toml", "input": {"message": {"sent_at": "2026-03-10T11:00:00+03:00", "text": "Яма"}}}
        ]}"#;
        let file = CaseFile::from_json(text, "cases.json").unwrap();
        assert_eq!(file.profile_paths(), ["towns", "my-town.toml", "other.toml"]);
        let town = "id = \"my-town\"\nextends = \"essentuki\"\n\n[[organisation]]\nid = \"town-administration\"\nname_ru = \"А\"\nname_en = \"A\"\nclause = \"2\"\n\n[[category]]\nid = \"all\"\nname_ru = \"Все\"\nname_en = \"All\"\nclause = \"12\"\norg = { value = \"town-administration\", clause = \"34.6\" }\n";
        let village = "id = \"my-village\"\nextends = \"my-town\"\n";
        let sources = vec![
            ProfileSource { name: "my-town.toml".into(), file_name: "dir/my-town.toml".into(), source: town.into() },
            ProfileSource { name: "my-village".into(), file_name: "towns/my-village.toml".into(), source: village.into() },
        ];
        let reports = run_case_file(&mut Runner::default(), text, "cases.json", sources).unwrap();
        assert!(reports[0].passed, "{}", reports[0].diff_text());
        assert!(reports[1].passed, "{}", reports[1].diff_text());
        assert!(!reports[2].passed);
        assert!(reports[2].diff_text().contains("the profile file `other.toml` was not read"), "{}", reports[2].diff_text());
    }

    #[test]
    fn profile_ids_and_paths() {
        assert!(is_profile_path("my-town.toml") && is_profile_path("../x") && !is_profile_path("essentuki"));
        assert_eq!(profile_id("profiles/my-town.toml"), "my-town");
        assert_eq!(profile_id("my-town"), "my-town");
    }
}
