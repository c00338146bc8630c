//! The shapes every binding answers in: one tagged result per operation.
//!
//! Python raises, Node throws, the browser returns; all of them carry the same error fields
//! (`code`, `message`, `path`, `location`, `help`), so a portal handles errors the same way in
//! every language. The browser module returns [`Answer`] as is, the shape Cedar's FFI uses:
//! `{"type": "success", "value": ...}` or `{"type": "failure", "errors": [...]}`.

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Location};
use crate::error::Error;

/// One error, flattened for bindings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct ErrorInfo {
    /// Stable code (`invalid_input`, `out_of_range`, `unknown_profile`, or a diagnostic's code).
    pub code: String,
    /// Human-readable message.
    pub message: String,
    /// Path of the offending input field, when the error is about one.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub path: Option<String>,
    /// File, line and column, when the error is in a data file.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub location: Option<Location>,
    /// How to fix it.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub help: Option<String>,
}

impl ErrorInfo {
    fn from_diagnostic(d: &Diagnostic) -> Self {
        Self {
            code: d.code.clone(),
            message: d.message.clone(),
            path: None,
            location: d.location.clone(),
            help: d.help.clone(),
        }
    }

    /// Every error an [`Error`] holds: one, or one per diagnostic of a broken file.
    pub fn all(err: &Error) -> Vec<Self> {
        match err {
            Error::Data(diags) => diags.iter().map(Self::from_diagnostic).collect(),
            other => vec![Self {
                code: other.code().to_string(),
                message: other.to_string(),
                path: other.path().map(str::to_string),
                location: None,
                help: None,
            }],
        }
    }
}

/// The tagged answer of an operation.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Answer<T> {
    /// The operation worked.
    Success {
        /// Its result.
        value: T,
    },
    /// It did not; nothing was changed.
    Failure {
        /// Why.
        errors: Vec<ErrorInfo>,
    },
}

impl<T> From<Result<T, Error>> for Answer<T> {
    fn from(r: Result<T, Error>) -> Self {
        match r {
            Ok(value) => Self::Success { value },
            Err(e) => Self::Failure { errors: ErrorInfo::all(&e) },
        }
    }
}

/// The JSON Schema of every type that crosses a binding: one `$defs` map, keyed by type name.
///
/// The Python TypedDicts and the TypeScript declarations of the bindings are generated from it
/// (`bindings-wasm/tests/generated_types.rs`), so each type is written once, in Rust.
pub fn api_schema() -> serde_json::Value {
    use schemars::JsonSchema;

    fn root<T: JsonSchema>(
        generator: &mut schemars::SchemaGenerator,
        roots: &mut serde_json::Map<String, serde_json::Value>,
        name: &str,
    ) {
        roots.insert(name.to_string(), generator.subschema_for::<T>().to_value());
    }

    let mut generator = schemars::generate::SchemaSettings::draft2020_12().into_generator();
    let mut roots = serde_json::Map::new();
    root::<crate::message::Message>(&mut generator, &mut roots, "Message");
    root::<crate::message::HistoryEntry>(&mut generator, &mut roots, "HistoryEntry");
    root::<crate::message::Validation>(&mut generator, &mut roots, "Validation");
    root::<crate::message::Route>(&mut generator, &mut roots, "Route");
    root::<crate::message::Plan>(&mut generator, &mut roots, "Plan");
    root::<crate::term::Term>(&mut generator, &mut roots, "Term");
    root::<crate::term::TermResult>(&mut generator, &mut roots, "TermResult");
    root::<crate::term::TermSources>(&mut generator, &mut roots, "TermSources");
    root::<crate::term::DeadlineRequest>(&mut generator, &mut roots, "DeadlineRequest");
    root::<crate::calendar::DayInfo>(&mut generator, &mut roots, "DayInfo");
    root::<crate::calendar::CalendarOptions>(&mut generator, &mut roots, "CalendarOptions");
    root::<crate::diagnostic::Diagnostic>(&mut generator, &mut roots, "Diagnostic");
    root::<crate::workflow::WorkflowEvent>(&mut generator, &mut roots, "WorkflowEvent");
    root::<crate::workflow::Actor>(&mut generator, &mut roots, "Actor");
    root::<crate::workflow::Replay>(&mut generator, &mut roots, "Replay");
    root::<crate::workflow::View>(&mut generator, &mut roots, "View");
    root::<crate::workflow::BatchItem>(&mut generator, &mut roots, "BatchItem");
    root::<crate::workflow::ControlReport>(&mut generator, &mut roots, "ControlReport");
    root::<crate::form::Form>(&mut generator, &mut roots, "Form");
    root::<ErrorInfo>(&mut generator, &mut roots, "ErrorInfo");
    let mut defs = generator.take_definitions(true);
    // Roots that are not named types themselves (`Plan` is a map) become named definitions.
    for (name, schema) in roots {
        let is_ref = schema.get("$ref").and_then(serde_json::Value::as_str) == Some(&format!("#/$defs/{name}"));
        if !is_ref {
            defs.insert(name, schema);
        }
    }
    serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "reglament API types",
        "$defs": defs,
    })
}
