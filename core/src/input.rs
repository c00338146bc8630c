//! Reading caller input (JSON text or an already-parsed value) into typed structs.
//!
//! Every binding hands its native objects to the core as JSON values; reading them here, in one
//! place, means a wrong type or a missing field is the same typed error with the same path
//! (`attachments[2].size`) in Rust, Python, Node and the browser.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveDateTime};
use serde::de::{DeserializeOwned, Deserializer, Error as _};
use serde::Deserialize as _;

use crate::error::{Error, Result};

/// The largest message text accepted, in bytes (1 MiB). Longer input is refused before any
/// detector runs, so a 10 MB paste is a clear error rather than slow work.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The largest JSON document accepted, in bytes (16 MiB).
pub const MAX_JSON_BYTES: usize = 16 << 20;

/// Parses an RFC 3339 instant. One written without an offset (`2026-03-07T11:00:00`) is
/// refused as exactly that, since the local time alone does not fix the instant a term runs
/// from; the error says what to write.
pub fn instant(text: &str) -> std::result::Result<DateTime<FixedOffset>, String> {
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        return Ok(at);
    }
    let naive = ["%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"]
        .iter()
        .any(|f| NaiveDateTime::parse_from_str(text, f).is_ok())
        || NaiveDate::parse_from_str(text, "%Y-%m-%d").is_ok();
    if naive {
        Err(format!(
            "`{text}` has no UTC offset; write the instant with its offset, e.g. `2026-03-07T11:00:00+03:00` (Moscow time)"
        ))
    } else {
        Err(format!("`{text}` is not an RFC 3339 instant with an offset, e.g. `2026-03-07T11:00:00+03:00`"))
    }
}

/// `deserialize_with` for an instant field: [`instant`]'s errors instead of the date parser's.
pub fn de_instant<'de, D: Deserializer<'de>>(d: D) -> std::result::Result<DateTime<FixedOffset>, D::Error> {
    let text = std::borrow::Cow::<str>::deserialize(d)?;
    instant(&text).map_err(D::Error::custom)
}

fn path_of(path: &serde_path_to_error::Path, root: &str) -> String {
    let inner = path.to_string();
    match (root.is_empty(), inner.as_str()) {
        // An empty key at the top (`{"": 1}`) displays as an empty path; name the document.
        (true, "." | "") => "$".to_string(),
        (true, _) => inner,
        (false, ".") => root.to_string(),
        (false, _) if inner.starts_with('[') => format!("{root}{inner}"),
        (false, _) => format!("{root}.{inner}"),
    }
}

/// Reads a typed value from a JSON value; `root` prefixes the error path (`message`, `events`).
pub fn from_value<T: DeserializeOwned>(value: &serde_json::Value, root: &str) -> Result<T> {
    serde_path_to_error::deserialize(value).map_err(|e| {
        let path = path_of(e.path(), root);
        Error::input(path, e.into_inner().to_string())
    })
}

/// Reads a typed value from JSON text; malformed JSON is an error with line and column.
pub fn from_str<T: DeserializeOwned>(text: &str, root: &str) -> Result<T> {
    if text.len() > MAX_JSON_BYTES {
        return Err(Error::input(
            if root.is_empty() { "$" } else { root },
            format!("the JSON document is {} bytes; at most {MAX_JSON_BYTES} are accepted", text.len()),
        ));
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = path_of(e.path(), root);
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            Error::input(path, format!("malformed JSON at line {}, column {}: {inner}", inner.line(), inner.column()))
        } else {
            // A wrong value is named by its path, as `from_value` names it (Python): the
            // parser's line and column of the text the binding wrote say nothing to the caller.
            let text = inner.to_string();
            let position = format!(" at line {} column {}", inner.line(), inner.column());
            Error::input(path, text.strip_suffix(&position).unwrap_or(&text).to_string())
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct A {
        items: Vec<B>,
    }
    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct B {
        size: u64,
    }

    #[test]
    fn paths_name_the_field() {
        let e = from_str::<A>(r#"{"items":[{"size":1},{"size":"big"}]}"#, "message").unwrap_err();
        assert_eq!(e.path(), Some("message.items[1].size"));
        let e = from_str::<A>(r#"{"items":[{"size":1},"#, "").unwrap_err();
        assert!(e.to_string().contains("line 1"), "{e}");
    }

    #[test]
    fn an_instant_without_an_offset_is_named_as_such() {
        #[derive(Debug, serde::Deserialize)]
        struct M {
            #[serde(deserialize_with = "de_instant")]
            #[allow(dead_code)]
            sent_at: DateTime<FixedOffset>,
        }
        let err = from_str::<M>(r#"{"sent_at": "2026-03-07T11:00:00"}"#, "message").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("`message.sent_at`") && err.contains("has no UTC offset"), "{err}");
        assert!(!err.contains("line"), "{err}");
        let err = from_str::<M>(r#"{"sent_at": "yesterday"}"#, "message").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains("is not an RFC 3339 instant"), "{err}");
        assert!(from_str::<M>(r#"{"sent_at": "2026-03-07T11:00:00+03:00"}"#, "message").is_ok());
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Strict {
        a: Option<u8>,
    }

    /// Found by the `case_file` fuzz target: an unknown empty key at the top had the path ``.
    #[test]
    fn an_unknown_empty_key_at_the_top_names_the_document() {
        let e = from_str::<Strict>(r#"{"": 1}"#, "").unwrap_err();
        assert_eq!(e.path(), Some("$"));
        let e = from_value::<Strict>(&serde_json::json!({"": 1}), "").unwrap_err();
        assert_eq!(e.path(), Some("$"));
    }
}
