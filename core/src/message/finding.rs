//! Findings: what validation says about a message, citing the clause.

use serde::{Deserialize, Serialize};

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FindingSeverity {
    /// Grounds to refuse the message under the regulation.
    Error,
    /// For the moderator's attention (or the author's, before sending).
    Warning,
}

/// One thing validation found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Finding {
    /// Stable code (`attachment_count`, `obscenity`, ...).
    pub code: String,
    /// Error or warning.
    pub severity: FindingSeverity,
    /// Path of the field it concerns (`text`, `attachments[5]`, `event.place`).
    pub field: String,
    /// Russian text.
    pub ru: String,
    /// English text.
    pub en: String,
    /// The clause behind the rule («Essentuki 24»).
    pub clause: Option<String>,
    /// The refusal ground of the profile's catalogue a moderator would cite, if any.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub refusal: Option<String>,
    /// Byte range in the text, for detections.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub span: Option<[usize; 2]>,
}
