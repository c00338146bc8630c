//! Reading caller input (JSON text or an already-parsed value) into typed structs.
//!
//! Every binding hands its native objects to the core as JSON values; reading them here, in one
//! place, means a wrong type or a missing field is the same typed error with the same path
//! (`attachments[2].size`) in Rust, Python, Node and the browser.

use serde::de::DeserializeOwned;

use crate::error::{Error, Result};

/// The largest message text accepted, in bytes (1 MiB). Longer input is refused before any
/// detector runs, so a 10 MB paste is a clear error rather than slow work.
pub const MAX_TEXT_BYTES: usize = 1 << 20;

/// The largest JSON document accepted, in bytes (16 MiB).
pub const MAX_JSON_BYTES: usize = 16 << 20;

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
            Error::input(path, inner.to_string())
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
