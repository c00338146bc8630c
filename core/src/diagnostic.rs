//! Compiler-grade diagnostics for rule authors.
//!
//! A municipality's profile or calendar layer is written by hand; when it is wrong the author
//! needs to know what, where and how to fix it, the way a compiler tells them. Every problem in a
//! data file is a [`Diagnostic`] with a stable code, the file, line and column, and a help text.

use serde::{Deserialize, Serialize};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// The file is refused.
    Error,
    /// The file loads, but something looks wrong.
    Warning,
}

/// A position in a source file, 1-based as editors show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Location {
    /// The file name as the author gave it (or `builtin:NAME` for embedded data).
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
}

impl Location {
    /// Computes the line and column of a byte offset in `source`.
    ///
    /// Offsets past the end or inside a character are clamped, so a wrong span can never panic.
    pub fn from_offset(file: &str, source: &str, offset: usize) -> Self {
        let mut offset = offset.min(source.len());
        while offset > 0 && !source.is_char_boundary(offset) {
            offset -= 1;
        }
        let before = source.get(..offset).unwrap_or("");
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let column = before.get(line_start..).map_or(0, |s| s.chars().count()) + 1;
        Self { file: file.to_string(), line, column }
    }
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.column)
    }
}

/// One problem found in a data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
pub struct Diagnostic {
    /// Stable machine-readable code, e.g. `unknown_key`, `extends_cycle`.
    pub code: String,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in English.
    pub message: String,
    /// Where it is, when known.
    pub location: Option<Location>,
    /// How to fix it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error diagnostic without a location yet.
    pub fn error(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_string(),
            severity: Severity::Error,
            message: message.into(),
            location: None,
            help: None,
        }
    }

    /// A warning diagnostic without a location yet.
    pub fn warning(code: &str, message: impl Into<String>) -> Self {
        Self { severity: Severity::Warning, ..Self::error(code, message) }
    }

    /// Attaches a location.
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Attaches a help text.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{sev}[{}]: {}", self.code, self.message)?;
        if let Some(loc) = &self.location {
            write!(f, "\n  --> {loc}")?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The candidate a misspelt `word` most likely meant: the nearest by edit distance, when it is
/// within a third of the word's length (at least one edit), or equal but for case. `None` when
/// nothing is that close, so a help text never suggests a wild guess.
pub fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .into_iter()
        .filter(|c| *c != word)
        .map(|c| (if c.eq_ignore_ascii_case(word) { 0 } else { edit_distance(word, c) }, c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// `help` with «did you mean `x`?» in front when a candidate is close to `word`.
pub fn suggest<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>, help: &str) -> String {
    match did_you_mean(word, candidates) {
        Some(c) => format!("did you mean `{c}`? {help}"),
        None => help.to_string(),
    }
}

/// Levenshtein distance in characters.
fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row.first().copied().unwrap_or(0);
        if let Some(first) = row.first_mut() {
            *first = i + 1;
        }
        for (j, cb) in b.iter().enumerate() {
            let above = row.get(j + 1).copied().unwrap_or(0);
            let left = row.get(j).copied().unwrap_or(0);
            let cost = usize::from(ca != *cb);
            let value = (prev + cost).min(above + 1).min(left + 1);
            prev = above;
            if let Some(cell) = row.get_mut(j + 1) {
                *cell = value;
            }
        }
    }
    row.last().copied().unwrap_or(0)
}

#[cfg(test)]
mod suggestion_tests {
    use super::*;

    #[test]
    fn near_names_are_suggested_and_far_ones_are_not() {
        assert_eq!(did_you_mean("max_cuont", ["max_count", "media_types", "max_total_bytes"]), Some("max_count"));
        assert_eq!(did_you_mean("Europe/Moskow", ["Europe/Moscow", "Europe/Minsk"]), Some("Europe/Moscow"));
        assert_eq!(did_you_mean("ru-TA", ["ru", "ru-ta"]), Some("ru-ta"));
        assert_eq!(did_you_mean("zzz", ["ru", "ru-ta"]), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    /// Lint's `unknown_term_name` reads this too: a typo of a known term name is caught, a
    /// term of the author's own naming (`first_answer`) is not taken for one.
    #[test]
    fn typos_of_known_term_names_are_caught_and_new_names_are_not() {
        let known = crate::profile::KNOWN_TERMS.iter().copied();
        assert_eq!(did_you_mean("registation", known.clone()), Some("registration"));
        assert_eq!(did_you_mean("reworks", known.clone()), Some("rework"));
        assert_eq!(did_you_mean("answr", known.clone()), Some("answer"));
        assert_eq!(did_you_mean("first_answer", known.clone()), None);
        assert_eq!(did_you_mean("second_look", known.clone()), None);
        assert_eq!(did_you_mean("ab", known), None);
    }
}
