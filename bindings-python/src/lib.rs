//! Python bindings: the native module `reglament._reglament`.
//!
//! Thin by design: Python objects become JSON values (aware datetimes and dates as ISO text),
//! the core reads them with [`reglament::input::from_value`] so every language reports the same
//! error path, and answers come back as plain dicts typed by the generated `reglament._types`.
//! Errors become the exception classes of `reglament/_errors.py`.

mod arrow;

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use pyo3::exceptions::{PyOSError, PyValueError};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple, PyType};
use reglament::calendar::CalendarOptions;
use reglament::diagnostic::{Diagnostic, Location};
use reglament::ffi::ErrorInfo;
use reglament::message::{AuditPlan, HistoryEntry, Message};
use reglament::workflow::{Actor, BatchItem, WorkflowEvent};
use reglament::term::{self, DeadlineRequest, Term, TermSources};
use reglament::{Error, Rules};
use rayon::prelude::*;
use serde_json::{Map, Number, Value};

/// Deepest nesting accepted from Python, so a self-referencing list is an error, not a crash.
const MAX_DEPTH: usize = 64;

struct DateTypes {
    datetime: Py<PyType>,
    date: Py<PyType>,
    time: Py<PyType>,
}

static DATE_TYPES: PyOnceLock<DateTypes> = PyOnceLock::new();

fn date_types(py: Python<'_>) -> PyResult<&DateTypes> {
    DATE_TYPES.get_or_try_init(py, || {
        let m = py.import("datetime")?;
        let ty = |name: &str| -> PyResult<Py<PyType>> { Ok(m.getattr(name)?.cast_into::<PyType>()?.unbind()) };
        Ok(DateTypes { datetime: ty("datetime")?, date: ty("date")?, time: ty("time")? })
    })
}

/// The exception for a core error, built by `reglament._errors.from_info` so that it is an
/// instance of the Python classes (picklable, with `code`, `path`, `diagnostics`).
pub(crate) fn to_py_err(py: Python<'_>, err: &Error) -> PyErr {
    let infos = ErrorInfo::all(err);
    let built = (|| -> PyResult<PyErr> {
        let infos = serde_json::to_value(&infos).map_err(|e| PyValueError::new_err(e.to_string()))?;
        let errors = json_to_py(py, &infos)?;
        let path = err.path().map(str::to_string);
        let exc = py.import("reglament._errors")?.getattr("from_info")?.call1((err.code(), err.to_string(), path, errors))?;
        Ok(PyErr::from_value(exc))
    })();
    built.unwrap_or_else(|e| e)
}

fn input_err(py: Python<'_>, path: &str, message: impl Into<String>) -> PyErr {
    to_py_err(py, &Error::input(path, message))
}

fn join_key(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_string()
    } else {
        format!("{path}.{key}")
    }
}

/// Converts a Python value to JSON; `path` names it in errors (`message.attachments[2].size`).
fn py_to_json(obj: &Bound<'_, PyAny>, path: &str, depth: usize) -> PyResult<Value> {
    let py = obj.py();
    let here = if path.is_empty() { "$" } else { path };
    if depth > MAX_DEPTH {
        return Err(input_err(py, here, format!("nested deeper than {MAX_DEPTH} levels")));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(input_err(py, here, "integer out of the 64-bit range"));
    }
    if let Ok(f) = obj.cast::<PyFloat>() {
        return Number::from_f64(f.value())
            .map(Value::Number)
            .ok_or_else(|| input_err(py, here, "NaN and infinity are not numbers a message can hold"));
    }
    if let Ok(d) = obj.cast::<PyDict>() {
        let mut map = Map::with_capacity(d.len());
        for (k, v) in d.iter() {
            let Ok(key) = k.cast::<PyString>() else {
                return Err(input_err(py, here, format!("dict keys must be str, got {}", k.get_type().name()?)));
            };
            let key = key.to_cow()?.into_owned();
            let value = py_to_json(&v, &join_key(path, &key), depth + 1)?;
            map.insert(key, value);
        }
        return Ok(Value::Object(map));
    }
    if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
        let mut items = Vec::new();
        for (i, item) in obj.try_iter()?.enumerate() {
            items.push(py_to_json(&item?, &format!("{here}[{i}]"), depth + 1)?);
        }
        return Ok(Value::Array(items));
    }
    let types = date_types(py)?;
    if obj.is_instance(types.datetime.bind(py))? {
        if obj.call_method0("utcoffset")?.is_none() {
            return Err(input_err(
                py,
                here,
                "a naive datetime has no offset; give an aware one (tzinfo set), e.g. datetime(..., tzinfo=ZoneInfo('Europe/Moscow'))",
            ));
        }
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    if obj.is_instance(types.date.bind(py))? || obj.is_instance(types.time.bind(py))? {
        return Ok(Value::String(obj.call_method0("isoformat")?.extract()?));
    }
    Err(input_err(py, here, format!("unsupported type {}: use dict, list, str, int, float, bool, None, date or datetime", obj.get_type().name()?)))
}

/// Converts JSON to Python: objects become dicts, arrays lists.
fn json_to_py<'py>(py: Python<'py>, value: &Value) -> PyResult<Bound<'py, PyAny>> {
    Ok(match value {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (None, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => PyString::new(py, s).into_any(),
        Value::Array(items) => {
            let list = PyList::empty(py);
            for item in items {
                list.append(json_to_py(py, item)?)?;
            }
            list.into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, v) in map {
                dict.set_item(k, json_to_py(py, v)?)?;
            }
            dict.into_any()
        }
    })
}

fn answer<'py, T: serde::Serialize>(py: Python<'py>, result: reglament::Result<T>) -> PyResult<Bound<'py, PyAny>> {
    let value = result.map_err(|e| to_py_err(py, &e))?;
    let json = serde_json::to_value(&value).map_err(|e| PyValueError::new_err(e.to_string()))?;
    json_to_py(py, &json)
}

fn read<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>, root: &str) -> PyResult<T> {
    let value = py_to_json(obj, root, 0)?;
    reglament::input::from_value(&value, root).map_err(|e| to_py_err(obj.py(), &e))
}

/// Reads a list (or tuple) item by item, each under `root[i]` in errors, so that no JSON tree
/// of the whole batch is ever built.
fn read_list<T: serde::de::DeserializeOwned>(obj: &Bound<'_, PyAny>, root: &str) -> PyResult<Vec<T>> {
    let py = obj.py();
    if !(obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>()) {
        return Err(input_err(py, root, format!("expected a list, got {}", obj.get_type().name()?)));
    }
    let mut out = Vec::with_capacity(obj.len()?);
    for (i, item) in obj.try_iter()?.enumerate() {
        out.push(read(&item?, &format!("{root}[{i}]"))?);
    }
    Ok(out)
}

/// The answers of a batch as a list, each converted on its own; the first failing message's
/// error (in list order, whichever core found it) fails the call.
fn answer_list<'py, T: serde::Serialize>(py: Python<'py>, results: Vec<reglament::Result<T>>) -> PyResult<Bound<'py, PyAny>> {
    let list = PyList::empty(py);
    for r in &results {
        let r = r.as_ref().map_err(|e| to_py_err(py, e))?;
        let json = serde_json::to_value(r).map_err(|e| PyValueError::new_err(e.to_string()))?;
        list.append(json_to_py(py, &json)?)?;
    }
    Ok(list.into_any())
}

fn read_history(history: Option<&Bound<'_, PyAny>>) -> PyResult<Vec<HistoryEntry>> {
    match history {
        Some(h) if !h.is_none() => read(h, "history"),
        _ => Ok(Vec::new()),
    }
}

fn read_date(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<NaiveDate> {
    let py = obj.py();
    let types = date_types(py)?;
    if obj.is_instance(types.datetime.bind(py))? {
        return Err(input_err(py, path, "expected a date, got a datetime; pass value.date()"));
    }
    if obj.is_instance(types.date.bind(py))? {
        let (y, m, d): (i32, u32, u32) = (obj.getattr("year")?.extract()?, obj.getattr("month")?.extract()?, obj.getattr("day")?.extract()?);
        return NaiveDate::from_ymd_opt(y, m, d).ok_or_else(|| input_err(py, path, "date out of range"));
    }
    if let Ok(s) = obj.cast::<PyString>() {
        let s = s.to_cow()?;
        return s.parse().map_err(|_| input_err(py, path, format!("`{s}` is not a date YYYY-MM-DD")));
    }
    Err(input_err(py, path, format!("expected a date or an ISO date string, got {}", obj.get_type().name()?)))
}

fn date_to_py<'py>(py: Python<'py>, date: NaiveDate) -> PyResult<Bound<'py, PyAny>> {
    date_types(py)?.date.bind(py).call1((date.year(), date.month(), date.day()))
}

fn read_instant(obj: &Bound<'_, PyAny>, path: &str) -> PyResult<chrono::DateTime<chrono::FixedOffset>> {
    let py = obj.py();
    match py_to_json(obj, path, 0)? {
        Value::String(s) => term::parse_instant(&s, path).map_err(|e| to_py_err(py, &e)),
        _ => Err(input_err(py, path, "expected an aware datetime or an RFC 3339 string")),
    }
}

/// A municipality's regulation: validate, route and plan messages under it.
#[pyclass(frozen, module = "reglament._reglament")]
struct Profile {
    rules: Rules,
    /// The terms `plan_table` reports, worked out once.
    audit: AuditPlan,
}

impl Profile {
    fn new(rules: Rules) -> Self {
        Self { audit: AuditPlan::new(&rules), rules }
    }
}

#[pymethods]
impl Profile {
    /// A built-in profile by name (`Profile.builtin_names()` lists them).
    #[staticmethod]
    fn builtin(py: Python<'_>, name: &str) -> PyResult<Self> {
        Rules::builtin(name).map(Self::new).map_err(|e| to_py_err(py, &e))
    }

    /// A profile from TOML text; `file_name` is shown in diagnostics.
    #[staticmethod]
    #[pyo3(signature = (source, file_name = "<string>"))]
    fn from_str(py: Python<'_>, source: &str, file_name: &str) -> PyResult<Self> {
        Rules::from_toml(source, file_name).map(Self::new).map_err(|e| to_py_err(py, &e))
    }

    /// A profile from a TOML file; its `extends` names a built-in profile or a `NAME.toml`
    /// beside it, as `reglament lint` resolves it.
    #[staticmethod]
    fn from_file(py: Python<'_>, path: PathBuf) -> PyResult<Self> {
        let name = path.display().to_string();
        let bytes = std::fs::read(&path).map_err(|e| PyOSError::new_err(format!("{name}: {e}")))?;
        let source = String::from_utf8(bytes).map_err(|e| {
            let location = Location { file: name.clone(), line: 1, column: 1 };
            let diag = Diagnostic::error("invalid_encoding", format!("the file is not UTF-8 ({e})")).at(location);
            to_py_err(py, &Error::Data(vec![diag]))
        })?;
        let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let sibling = |name: &str| -> Option<(String, String)> {
            let candidate = if name.ends_with(".toml") { dir.join(name) } else { dir.join(format!("{name}.toml")) };
            std::fs::read_to_string(&candidate).ok().map(|s| (candidate.display().to_string(), s))
        };
        Rules::from_toml_with(&source, &name, &sibling).map(Self::new)
            .map_err(|e| to_py_err(py, &e))
    }

    /// Names of the built-in profiles.
    #[staticmethod]
    fn builtin_names() -> Vec<&'static str> {
        reglament::Profile::builtin_names().to_vec()
    }

    /// The profile's id.
    #[getter]
    fn name(&self) -> String {
        self.rules.profile().id.clone()
    }

    /// The municipality's IANA time zone.
    #[getter]
    fn zone(&self) -> &'static str {
        self.rules.zone().name()
    }

    /// The production calendar terms are counted in.
    #[getter]
    fn calendar(&self) -> Calendar {
        Calendar { calendar: self.rules.calendar().clone() }
    }

    /// What is wrong with a message; `history` is the author's earlier messages. The GIL is
    /// released while the core works, so Python threads sharing a profile run in parallel.
    #[pyo3(signature = (message, history = None))]
    fn validate<'py>(&self, message: &Bound<'py, PyAny>, history: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        let py = message.py();
        let message: Message = read(message, "message")?;
        let history = read_history(history)?;
        let rules = &self.rules;
        answer(py, py.detach(|| rules.validate(&message, &history)))
    }

    /// Where the message goes and which answer term follows.
    fn route<'py>(&self, message: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let m: Message = read(message, "message")?;
        answer(message.py(), self.rules.route(&m))
    }

    /// Every term that runs from the sending.
    fn plan<'py>(&self, message: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let m: Message = read(message, "message")?;
        let rules = &self.rules;
        answer(message.py(), message.py().detach(|| rules.plan(&m)))
    }

    /// The workflow state of a message after `events`, as of `now` (terms, overdue steps,
    /// what each role may do next).
    fn replay<'py>(&self, message: &Bound<'py, PyAny>, events: &Bound<'py, PyAny>, now: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = message.py();
        let m: Message = read(message, "message")?;
        let events: Vec<WorkflowEvent> = read(events, "events")?;
        let now = read_instant(now, "now")?;
        let rules = &self.rules;
        answer(py, py.detach(|| rules.replay(&m, &events, now)))
    }

    /// The control report: every term overdue at `now` across a batch of
    /// `{"message": ..., "events": [...]}` items, the earliest due first.
    fn control_report<'py>(&self, batch: &Bound<'py, PyAny>, now: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = batch.py();
        let items: Vec<BatchItem> = read(batch, "batch")?;
        let now = read_instant(now, "now")?;
        answer(py, self.rules.control_report(&items, now))
    }

    /// Whether `viewer` may see the message after `events`, and why.
    #[pyo3(signature = (message, viewer, events = None))]
    fn can_view<'py>(&self, message: &Bound<'py, PyAny>, viewer: &Bound<'py, PyAny>, events: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        let py = message.py();
        let m: Message = read(message, "message")?;
        let viewer: Actor = read(viewer, "viewer")?;
        let events: Vec<WorkflowEvent> = match events {
            Some(e) if !e.is_none() => read(e, "events")?,
            _ => Vec::new(),
        };
        answer(py, self.rules.can_view(&m, &events, &viewer))
    }

    /// `validate` over a list of messages: read one by one, answered on every core without the
    /// GIL, converted back one by one (no whole-batch JSON tree), so a message costs no more
    /// than in a single call.
    #[pyo3(signature = (messages, history = None))]
    fn validate_many<'py>(&self, messages: &Bound<'py, PyAny>, history: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
        let py = messages.py();
        let messages = read_list::<Message>(messages, "messages")?;
        let history = read_history(history)?;
        let rules = &self.rules;
        let results = py.detach(|| messages.par_iter().with_min_len(64).map(|m| rules.validate(m, &history)).collect::<Vec<_>>());
        answer_list(py, results)
    }

    /// `plan` over a list of messages, as `validate_many` goes.
    fn plan_many<'py>(&self, messages: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let py = messages.py();
        let messages = read_list::<Message>(messages, "messages")?;
        let rules = &self.rules;
        let results = py.detach(|| messages.par_iter().with_min_len(64).map(|m| rules.plan(m)).collect::<Vec<_>>());
        answer_list(py, results)
    }

    /// Plans every row of an Arrow table (anything with `__arrow_c_stream__`) as an audit reads
    /// it: `T_due`, `T_due_date` for each term `T`, and `T_met`, `T_overdue_working_days` where
    /// `now` or the term's stopping column is given; `error` names a bad row's field. Zero-copy
    /// in, no Python object per row, the GIL released and all cores used.
    #[pyo3(signature = (data, *, now = None, explain = false))]
    fn plan_table(&self, py: Python<'_>, data: pyo3_arrow::input::AnyRecordBatch, now: Option<&Bound<'_, PyAny>>, explain: bool) -> PyResult<pyo3_arrow::PyTable> {
        let now = match now {
            Some(n) if !n.is_none() => Some(read_instant(n, "now")?),
            _ => None,
        };
        arrow::plan_table(py, &self.rules, &self.audit, data, now, explain)
    }

    /// Validates every row of an Arrow table: `findings` (the codes), `ok` and `error`.
    fn validate_table(&self, py: Python<'_>, data: pyo3_arrow::input::AnyRecordBatch) -> PyResult<pyo3_arrow::PyTable> {
        arrow::validate_table(py, &self.rules, data)
    }

    /// The columns `plan_table` adds for each term and the input column that stops it:
    /// `[(term, stopping column), …]`.
    fn audit_terms(&self) -> Vec<(String, String)> {
        self.audit.terms().iter().map(|t| (t.name.clone(), t.stopped_by.clone())).collect()
    }

    fn __repr__(&self) -> String {
        format!("<Profile '{}'>", self.rules.profile().id)
    }
}

/// A production calendar (`"ru"`, `"ru-ta"`) with working-day arithmetic.
#[pyclass(frozen, module = "reglament._reglament")]
struct Calendar {
    calendar: reglament::Calendar,
}

#[pymethods]
impl Calendar {
    #[new]
    #[pyo3(signature = (region = "ru", *, decree_days_off = true))]
    fn new(py: Python<'_>, region: &str, decree_days_off: bool) -> PyResult<Self> {
        reglament::Calendar::builtin_with(region, CalendarOptions { decree_days_off, ..Default::default() })
            .map(|calendar| Self { calendar })
            .map_err(|e| to_py_err(py, &e))
    }

    /// The calendar's id.
    #[getter]
    fn id(&self) -> String {
        self.calendar.id().to_string()
    }

    /// First and last covered day.
    #[getter]
    fn range<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Bound<'py, PyAny>)> {
        let (a, b) = self.calendar.range();
        Ok((date_to_py(py, a)?, date_to_py(py, b)?))
    }

    /// Whether terms count this day.
    fn is_working_day(&self, py: Python<'_>, date: &Bound<'_, PyAny>) -> PyResult<bool> {
        let d = read_date(date, "date")?;
        self.calendar.is_working_day(d).map_err(|e| to_py_err(py, &e))
    }

    /// The date `n` working days after (`n < 0`: before) `date`.
    fn add_working_days<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>, n: i64) -> PyResult<Bound<'py, PyAny>> {
        let d = read_date(date, "date")?;
        date_to_py(py, self.calendar.add_working_days(d, n).map_err(|e| to_py_err(py, &e))?)
    }

    /// The first working day after `date`.
    fn next_working_day<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = read_date(date, "date")?;
        date_to_py(py, self.calendar.next_working_day(d).map_err(|e| to_py_err(py, &e))?)
    }

    /// The last working day before `date`.
    fn previous_working_day<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = read_date(date, "date")?;
        date_to_py(py, self.calendar.previous_working_day(d).map_err(|e| to_py_err(py, &e))?)
    }

    /// Working days after `start` up to and including `end`.
    fn working_days_between(&self, py: Python<'_>, start: &Bound<'_, PyAny>, end: &Bound<'_, PyAny>) -> PyResult<i64> {
        let (a, b) = (read_date(start, "start")?, read_date(end, "end")?);
        self.calendar.working_days_between(a, b).map_err(|e| to_py_err(py, &e))
    }

    /// Everything the calendar knows about a day.
    fn day_info<'py>(&self, py: Python<'py>, date: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        let d = read_date(date, "date")?;
        answer(py, self.calendar.day_info(d))
    }

    /// Resolves a term from `start` in `zone`, counted in this calendar.
    fn deadline<'py>(&self, start: &Bound<'py, PyAny>, term: &Bound<'py, PyAny>, zone: &str) -> PyResult<Bound<'py, PyAny>> {
        let py = start.py();
        let start = read_instant(start, "start")?;
        let term: Term = read(term, "term")?;
        let zone = term::parse_zone(zone).map_err(|e| to_py_err(py, &e))?;
        answer(py, term::resolve_term(&self.calendar, zone, start, &term, &TermSources::default()))
    }

    fn __repr__(&self) -> String {
        format!("<Calendar '{}'>", self.calendar.id())
    }
}

static CALENDARS: std::sync::Mutex<Vec<(String, bool, reglament::Calendar)>> = std::sync::Mutex::new(Vec::new());

/// A built-in calendar, built once per region and options.
fn cached_calendar(region: &str, options: CalendarOptions) -> reglament::Result<reglament::Calendar> {
    let mut cache = CALENDARS.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some((_, _, c)) = cache.iter().find(|(r, d, _)| r == region && *d == options.decree_days_off) {
        return Ok(c.clone());
    }
    let c = reglament::Calendar::builtin_with(region, options)?;
    cache.push((region.to_string(), options.decree_days_off, c.clone()));
    Ok(c)
}

/// Resolves a deadline request `{region?, zone, start, term, options?, sources?}`.
#[pyfunction]
fn deadline<'py>(request: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = request.py();
    let q: DeadlineRequest = read(request, "")?;
    answer(py, cached_calendar(&q.region, q.options).and_then(|cal| q.resolve_on(&cal)))
}

/// The JSON Schema of the API types, as JSON text (the generated `_types.py` comes from it).
#[pyfunction]
fn api_schema() -> String {
    reglament::ffi::api_schema().to_string()
}

/// The profile paths a case file's cases name (relative to the case file), for
/// `reglament.conformance.run` to read: the core does no I/O.
#[pyfunction]
fn conformance_profile_paths(py: Python<'_>, text: &str, file_name: &str) -> PyResult<Vec<String>> {
    let file = reglament::conformance::CaseFile::from_json(text, file_name).map_err(|e| to_py_err(py, &e))?;
    Ok(file.profile_paths())
}

/// Runs a case file's text with the profile files read for it, `(name, file name, source)`
/// each; answers the list of case reports.
#[pyfunction]
fn conformance_run<'py>(py: Python<'py>, text: &str, file_name: &str, profiles: Vec<(String, String, String)>) -> PyResult<Bound<'py, PyAny>> {
    let profiles = profiles
        .into_iter()
        .map(|(name, file_name, source)| reglament::conformance::ProfileSource { name, file_name, source })
        .collect();
    let mut runner = reglament::conformance::Runner::default();
    answer(py, reglament::conformance::run_case_file(&mut runner, text, file_name, profiles))
}

/// A failing case report as the short diff `reglament test` prints (empty when it passed).
#[pyfunction]
fn conformance_diff_text(report: &Bound<'_, PyAny>) -> PyResult<String> {
    let report: reglament::conformance::CaseReport = read(report, "report")?;
    Ok(report.diff_text())
}

/// The native module.
#[pymodule]
fn _reglament(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Profile>()?;
    m.add_class::<Calendar>()?;
    m.add_function(wrap_pyfunction!(api_schema, m)?)?;
    m.add_function(wrap_pyfunction!(deadline, m)?)?;
    m.add_function(wrap_pyfunction!(conformance_profile_paths, m)?)?;
    m.add_function(wrap_pyfunction!(conformance_run, m)?)?;
    m.add_function(wrap_pyfunction!(conformance_diff_text, m)?)?;
    m.add("MAX_TEXT_BYTES", reglament::input::MAX_TEXT_BYTES)?;
    Ok(())
}
