//! Arrow tables in and out: `Profile.plan_table` and `Profile.validate_table`.
//!
//! An archive is audited column by column: the input is any object with the Arrow C stream
//! interface (a pyarrow table or batch, a polars or pandas frame), read without copying and
//! without a Python object per row; the core answers every row on all cores with the GIL
//! released; the answer is an Arrow table holding the input's columns and the new ones. A row
//! with bad input gets its error (naming the field) in the `error` column; the others are
//! answered. Only a column of the wrong type fails the whole call, naming the column.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::types::TimestampMicrosecondType;
use arrow_array::{
    Array, ArrayRef, BooleanArray, Date32Array, Int32Array, ListArray, PrimitiveArray, RecordBatch, StringArray,
    TimestampMicrosecondArray,
};
use arrow_buffer::OffsetBuffer;
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use chrono::{DateTime, FixedOffset, NaiveDate};
use pyo3::prelude::*;
use pyo3_arrow::input::AnyRecordBatch;
use pyo3_arrow::PyTable;
use rayon::prelude::*;
use reglament::message::{AuditPlan, AuditRow, Audited, AuditedTerm, Message, Plan};
use reglament::{term, Error, Rules};

/// Rows handed to one rayon task: large enough that scheduling is noise, small enough that two
/// cores share a batch of a few thousand rows.
const CHUNK: usize = 1024;

/// The first day of the Unix epoch, the origin of Arrow's `date32`.
const EPOCH: NaiveDate = match NaiveDate::from_ymd_opt(1970, 1, 1) {
    Some(d) => d,
    None => NaiveDate::MIN,
};

/// The `error` text of a row: the field, then what is wrong with it.
fn row_error(e: &Error) -> String {
    match e {
        Error::InvalidInput { path, message } => format!("{path}: {message}"),
        other => other.to_string(),
    }
}

/// A column of instants: RFC 3339 text or a timestamp with a zone.
enum Instants {
    Text(StringArray),
    Micros(TimestampMicrosecondArray),
}

impl Instants {
    /// Reads column `name` of `batch` (`None` when absent); a column of another type is an
    /// error naming it.
    fn of(batch: &RecordBatch, name: &str) -> Result<Option<Self>, Error> {
        let Some(col) = batch.column_by_name(name) else { return Ok(None) };
        let wrong = |what: &str| Error::input(name, format!("{what}: give a timestamp with a zone (UTC is fine) or RFC 3339 text"));
        match col.data_type() {
            DataType::Timestamp(_, Some(tz)) => {
                let target = DataType::Timestamp(TimeUnit::Microsecond, Some(tz.clone()));
                let cast = arrow_cast::cast(col, &target).map_err(|e| wrong(&e.to_string()))?;
                Ok(Some(Self::Micros(cast.as_primitive::<TimestampMicrosecondType>().clone())))
            }
            DataType::Timestamp(_, None) => Err(wrong("a timestamp without a zone is ambiguous")),
            DataType::Null => Ok(None),
            t if is_text(t) => Ok(Some(Self::Text(text(col, name)?))),
            t => Err(wrong(&format!("a column of {t}"))),
        }
    }

    /// Row `i`'s instant (`None`: null or empty text); bad text is an error naming `name`.
    fn get(&self, i: usize, name: &str) -> Result<Option<DateTime<FixedOffset>>, Error> {
        match self {
            Self::Text(a) if a.is_valid(i) && !a.value(i).is_empty() => term::parse_instant(a.value(i), name).map(Some),
            Self::Micros(a) if a.is_valid(i) => DateTime::from_timestamp_micros(a.value(i))
                .map(|t| Some(t.fixed_offset()))
                .ok_or_else(|| Error::input(name, "the timestamp is out of the representable range")),
            _ => Ok(None),
        }
    }
}

fn is_text(t: &DataType) -> bool {
    match t {
        DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View => true,
        DataType::Dictionary(_, v) => is_text(v),
        _ => false,
    }
}

/// A text column (any of Arrow's string layouts) as one `Utf8` array.
fn text(col: &ArrayRef, name: &str) -> Result<StringArray, Error> {
    if !is_text(col.data_type()) {
        return Err(Error::input(name, format!("expected text, got a column of {}", col.data_type())));
    }
    let cast = arrow_cast::cast(col, &DataType::Utf8).map_err(|e| Error::input(name, e.to_string()))?;
    Ok(cast.as_string::<i32>().clone())
}

/// An optional text column of `batch`.
fn text_column(batch: &RecordBatch, name: &str) -> Result<Option<StringArray>, Error> {
    match batch.column_by_name(name) {
        Some(col) if *col.data_type() != DataType::Null => text(col, name).map(Some),
        _ => Ok(None),
    }
}

/// An optional boolean column of `batch`.
fn bool_column(batch: &RecordBatch, name: &str) -> Result<Option<BooleanArray>, Error> {
    match batch.column_by_name(name) {
        Some(col) if *col.data_type() == DataType::Boolean => Ok(Some(col.as_boolean().clone())),
        Some(col) if *col.data_type() == DataType::Null => Ok(None),
        Some(col) => Err(Error::input(name, format!("expected booleans, got a column of {}", col.data_type()))),
        None => Ok(None),
    }
}

fn text_at(a: Option<&StringArray>, i: usize) -> Option<&str> {
    a.filter(|a| a.is_valid(i)).map(|a| a.value(i)).filter(|s| !s.is_empty())
}

fn bool_at(a: Option<&BooleanArray>, i: usize) -> Option<bool> {
    a.filter(|a| a.is_valid(i)).map(|a| a.value(i))
}

/// Reads every batch of `data` (zero-copy: the buffers stay the producer's).
fn batches(data: AnyRecordBatch) -> PyResult<(SchemaRef, Vec<RecordBatch>)> {
    let reader = data.into_reader()?;
    let schema = reader.schema();
    let batches = reader.collect::<Result<Vec<_>, _>>().map_err(|e| pyo3::exceptions::PyValueError::new_err(e.to_string()))?;
    Ok((schema, batches))
}

/// The input's columns followed by `added`, whose names win over an input column of the same
/// name.
fn joined(input: &RecordBatch, added: Vec<(Field, ArrayRef)>) -> Result<RecordBatch, Error> {
    let taken: Vec<&str> = added.iter().map(|(f, _)| f.name().as_str()).collect();
    let schema = input.schema();
    let mut fields: Vec<Field> = Vec::new();
    let mut columns: Vec<ArrayRef> = Vec::new();
    for (field, col) in schema.fields().iter().zip(input.columns()) {
        if !taken.contains(&field.name().as_str()) {
            fields.push(field.as_ref().clone());
            columns.push(col.clone());
        }
    }
    for (field, col) in added {
        fields.push(field);
        columns.push(col);
    }
    RecordBatch::try_new(Arc::new(Schema::new(fields)), columns).map_err(|e| Error::input("$", e.to_string()))
}

/// The answer's schema when there are no batches: the input's columns and the added ones.
fn empty_table(schema: &SchemaRef, added: impl FnOnce(&RecordBatch) -> Result<RecordBatch, Error>) -> Result<PyTable, Error> {
    let out = added(&RecordBatch::new_empty(schema.clone()))?;
    PyTable::try_new(Vec::new(), out.schema()).map_err(|e| Error::input("$", e.to_string()))
}

/// Runs `answer` over every batch with the GIL released, then builds the table.
fn answer_batches(
    py: Python<'_>,
    data: AnyRecordBatch,
    answer: impl Fn(&RecordBatch) -> Result<RecordBatch, Error> + Sync,
) -> PyResult<PyTable> {
    let (schema, batches) = batches(data)?;
    let to_py = |e: Error| crate::to_py_err(py, &e);
    let out = py.detach(|| {
        if batches.is_empty() {
            return Err(None);
        }
        batches.iter().map(&answer).collect::<Result<Vec<_>, _>>().map_err(Some)
    });
    match out {
        Ok(out) => {
            let schema = out.first().map(RecordBatch::schema).unwrap_or(schema);
            PyTable::try_new(out, schema)
        }
        Err(None) => empty_table(&schema, &answer).map_err(to_py),
        Err(Some(e)) => Err(to_py(e)),
    }
}

/// `plan_table`: each term's due instant and day for every row, and where the stopping event
/// or `now` is known, whether it was met and by how many working days it was late.
pub(crate) fn plan_table(
    py: Python<'_>,
    rules: &Rules,
    audit: &AuditPlan,
    data: AnyRecordBatch,
    now: Option<DateTime<FixedOffset>>,
    explain: bool,
) -> PyResult<PyTable> {
    answer_batches(py, data, |batch| plan_batch(rules, audit, batch, now, explain))
}

fn plan_batch(rules: &Rules, audit: &AuditPlan, batch: &RecordBatch, now: Option<DateTime<FixedOffset>>, explain: bool) -> Result<RecordBatch, Error> {
    let sent_at = Instants::of(batch, "sent_at")?;
    let category = text_column(batch, "category")?;
    let fast_track = text_column(batch, "fast_track")?;
    let appeal = bool_column(batch, "appeal_59fz")?;
    let stops = audit.terms().iter().map(|t| Instants::of(batch, &t.stopped_by)).collect::<Result<Vec<_>, _>>()?;
    let rows = batch.num_rows();
    let width = audit.terms().len();
    // Reads row `i` into an audit row, the stopping instants into `stopped` (one per term).
    let read_row = |i: usize, stopped: &mut Vec<Option<DateTime<FixedOffset>>>| -> Result<Option<DateTime<FixedOffset>>, Error> {
        stopped.clear();
        for (term, col) in audit.terms().iter().zip(&stops) {
            stopped.push(match col {
                Some(c) => c.get(i, &term.stopped_by)?,
                None => None,
            });
        }
        sent_at.as_ref().map_or(Ok(None), |c| c.get(i, "sent_at"))
    };
    let (category, fast_track, appeal) = (category.as_ref(), fast_track.as_ref(), appeal.as_ref());
    // Every row's terms in one buffer (`width` slots a row), its error, and its plan when asked.
    let mut terms: Vec<Option<AuditedTerm>> = vec![None; rows * width];
    let mut errors: Vec<Option<Error>> = std::iter::repeat_with(|| None).take(rows).collect();
    let mut plans: Vec<Option<Plan>> = Vec::new();
    if explain {
        let answers: Vec<Result<Audited, Error>> = (0..rows)
            .into_par_iter()
            .with_min_len(CHUNK)
            .map_init(Vec::new, |stopped, i| {
                let sent_at = read_row(i, stopped)?;
                audit.audit(rules, &row_at(i, sent_at, category, fast_track, appeal, stopped), now, true)
            })
            .collect();
        for ((answer, out), error) in answers.into_iter().zip(terms.chunks_mut(width.max(1))).zip(&mut errors) {
            match answer {
                Ok(a) => {
                    for (slot, term) in out.iter_mut().zip(a.terms) {
                        *slot = term;
                    }
                    plans.push(a.plan);
                }
                Err(e) => {
                    *error = Some(e);
                    plans.push(None);
                }
            }
        }
    } else {
        terms.par_chunks_mut(width.max(1)).zip(errors.par_iter_mut()).enumerate().with_min_len(CHUNK).for_each_init(
            Vec::new,
            |stopped, (i, (out, error))| {
                let audited = read_row(i, stopped)
                    .and_then(|sent_at| audit.audit_into(rules, &row_at(i, sent_at, category, fast_track, appeal, stopped), now, out));
                if let Err(e) = audited {
                    out.fill(None);
                    *error = Some(e);
                }
            },
        );
    }

    let zone: Arc<str> = Arc::from(rules.zone().name());
    let mut added: Vec<(Field, ArrayRef)> = Vec::new();
    for (k, term) in audit.terms().iter().enumerate() {
        let column = || terms.iter().skip(k).step_by(width.max(1)).map(Option::as_ref);
        let due: TimestampMicrosecondArray =
            column().map(|t| t.map(|t| t.due.timestamp_micros())).collect::<PrimitiveArray<_>>().with_timezone(zone.clone());
        added.push((Field::new(format!("{}_due", term.name), due.data_type().clone(), true), Arc::new(due)));
        let day: Date32Array = column().map(|t| t.and_then(|t| i32::try_from((t.due_date - EPOCH).num_days()).ok())).collect();
        added.push((Field::new(format!("{}_due_date", term.name), DataType::Date32, true), Arc::new(day)));
        if now.is_some() || stops.get(k).is_some_and(Option::is_some) {
            let met: BooleanArray = column().map(|t| t.and_then(|t| t.met)).collect();
            added.push((Field::new(format!("{}_met", term.name), DataType::Boolean, true), Arc::new(met)));
            let late: Int32Array =
                column().map(|t| t.and_then(|t| t.overdue_working_days).and_then(|d| i32::try_from(d).ok())).collect();
            added.push((Field::new(format!("{}_overdue_working_days", term.name), DataType::Int32, true), Arc::new(late)));
        }
        if explain {
            let text: StringArray = plans
                .iter()
                .map(|plan| serde_json::to_string(plan.as_ref()?.get(&term.name)?.explanation.steps().as_slice()).ok())
                .collect();
            added.push((Field::new(format!("{}_explanation", term.name), DataType::Utf8, true), Arc::new(text)));
        }
    }
    let errors: StringArray = errors.iter().map(|e| e.as_ref().map(row_error)).collect();
    added.push((Field::new("error", DataType::Utf8, true), Arc::new(errors)));
    joined(batch, added)
}

/// Row `i` of an archive batch as the core audits it.
fn row_at<'a>(
    i: usize,
    sent_at: Option<DateTime<FixedOffset>>,
    category: Option<&'a StringArray>,
    fast_track: Option<&'a StringArray>,
    appeal: Option<&BooleanArray>,
    stopped: &'a [Option<DateTime<FixedOffset>>],
) -> AuditRow<'a> {
    AuditRow {
        sent_at,
        category: text_at(category, i),
        fast_track: text_at(fast_track, i),
        appeal_59fz: bool_at(appeal, i).unwrap_or(false),
        stopped,
    }
}

/// `validate_table`: every row's finding codes, whether it may be accepted, and its error.
pub(crate) fn validate_table(py: Python<'_>, rules: &Rules, data: AnyRecordBatch) -> PyResult<PyTable> {
    answer_batches(py, data, |batch| validate_batch(rules, batch))
}

fn validate_batch(rules: &Rules, batch: &RecordBatch) -> Result<RecordBatch, Error> {
    let sent_at = Instants::of(batch, "sent_at")?;
    let texts = ["id", "text", "category", "subcategory", "fast_track", "channel"]
        .map(|name| text_column(batch, name).map(|c| (name, c)))
        .into_iter()
        .collect::<Result<Vec<_>, _>>()?;
    let column = |name: &str| texts.iter().find(|(n, _)| *n == name).and_then(|(_, c)| c.as_ref());
    let (public, appeal) = (bool_column(batch, "public")?, bool_column(batch, "appeal_59fz")?);
    let rows = batch.num_rows();
    let answer_row = |i: usize| -> Result<(Vec<String>, bool), Error> {
        let sent_at = sent_at.as_ref().map_or(Ok(None), |c| c.get(i, "sent_at"))?;
        let sent_at = sent_at.ok_or_else(|| Error::input("sent_at", "missing: every row needs the instant it was sent"))?;
        let mut message = serde_json::Map::new();
        message.insert("sent_at".to_string(), serde_json::Value::from(sent_at.to_rfc3339()));
        for name in ["id", "text", "category", "subcategory", "fast_track", "channel"] {
            if let Some(v) = text_at(column(name), i) {
                message.insert(name.to_string(), serde_json::Value::from(v));
            }
        }
        for (name, col) in [("public", public.as_ref()), ("appeal_59fz", appeal.as_ref())] {
            if let Some(v) = bool_at(col, i) {
                message.insert(name.to_string(), serde_json::Value::from(v));
            }
        }
        let message: Message = reglament::input::from_value(&serde_json::Value::Object(message), "")?;
        let v = rules.validate(&message, &[])?;
        Ok((v.findings.into_iter().map(|f| f.code).collect(), v.ok))
    };
    let answers: Vec<Result<(Vec<String>, bool), Error>> = (0..rows).into_par_iter().with_min_len(CHUNK).map(answer_row).collect();

    let mut lengths = Vec::with_capacity(rows);
    let mut codes: Vec<Option<&str>> = Vec::new();
    for a in &answers {
        let found = a.as_ref().map_or(&[][..], |(c, _)| c.as_slice());
        lengths.push(found.len());
        codes.extend(found.iter().map(|c| Some(c.as_str())));
    }
    let item = Arc::new(Field::new("item", DataType::Utf8, true));
    let values: StringArray = codes.into_iter().collect();
    let valid: Vec<bool> = answers.iter().map(Result::is_ok).collect();
    let list = ListArray::try_new(item, OffsetBuffer::from_lengths(lengths), Arc::new(values), Some(valid.into()))
        .map_err(|e| Error::input("$", e.to_string()))?;
    let ok: BooleanArray = answers.iter().map(|a| a.as_ref().ok().map(|(_, ok)| *ok)).collect();
    let errors: StringArray = answers.iter().map(|a| a.as_ref().err().map(row_error)).collect();
    let added = vec![
        (Field::new("findings", list.data_type().clone(), true), Arc::new(list) as ArrayRef),
        (Field::new("ok", DataType::Boolean, true), Arc::new(ok) as ArrayRef),
        (Field::new("error", DataType::Utf8, true), Arc::new(errors) as ArrayRef),
    ];
    joined(batch, added)
}
