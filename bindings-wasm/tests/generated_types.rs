//! Generates the TypeScript and Python declarations of the API types from the core's JSON Schema
//! (`reglament::ffi::api_schema`) and fails when the committed files are stale.
//!
//! Regenerate with `REGLAMENT_BLESS=1 cargo test -p reglament-wasm --test generated_types`.
//! Output: `bindings-wasm/types.d.ts`, `bindings-node/types.d.ts` (the same text) and
//! `bindings-python/python/reglament/_types.py`.

use std::fmt::Write as _;
use std::path::PathBuf;

use serde_json::{Map, Value};

const HEADER: &str = "Generated from reglament::ffi::api_schema() by bindings-wasm/tests/generated_types.rs; do not edit.";

fn defs(schema: &Value) -> Map<String, Value> {
    schema.get("$defs").and_then(Value::as_object).cloned().unwrap_or_default()
}

fn ref_name(schema: &Value) -> Option<&str> {
    schema.get("$ref").and_then(Value::as_str).and_then(|r| r.strip_prefix("#/$defs/"))
}

/// String constants of an enum (`oneOf` of `const`s or `enum`), when the schema is one.
fn consts(schema: &Value) -> Option<Vec<String>> {
    if let Some(values) = schema.get("enum").and_then(Value::as_array) {
        return values.iter().map(|v| v.as_str().map(str::to_string)).collect();
    }
    let variants = schema.get("oneOf").and_then(Value::as_array)?;
    variants.iter().map(|v| v.get("const").and_then(Value::as_str).map(str::to_string)).collect()
}

fn description(schema: &Value) -> Option<String> {
    schema.get("description").and_then(Value::as_str).map(|d| d.replace('\n', " "))
}

/// Whether a type is read from the caller (the core refuses unknown fields of every input type).
fn is_input(schema: &Value) -> bool {
    schema.get("additionalProperties") == Some(&Value::Bool(false))
}

#[derive(Clone, Copy)]
enum Lang {
    Ts,
    Py,
}

fn scalar(lang: Lang, ty: &str, format: Option<&str>, input: bool) -> String {
    let s = match (lang, ty, format, input) {
        (Lang::Ts, "string", Some("date-time"), true) => "string | Date",
        (Lang::Ts, "string", _, _) => "string",
        (Lang::Ts, "integer" | "number", _, _) => "number",
        (Lang::Ts, "boolean", _, _) => "boolean",
        (Lang::Ts, "null", _, _) => "null",
        (Lang::Py, "string", Some("date-time"), true) => "str | datetime.datetime",
        (Lang::Py, "string", Some("date"), true) => "str | datetime.date",
        (Lang::Py, "string", Some("partial-time"), true) => "str | datetime.time",
        (Lang::Py, "string", _, _) => "str",
        (Lang::Py, "integer", _, _) => "int",
        (Lang::Py, "number", _, _) => "float",
        (Lang::Py, "boolean", _, _) => "bool",
        (Lang::Py, "null", _, _) => "None",
        (Lang::Ts, _, _, _) => "unknown",
        (Lang::Py, _, _, _) => "Any",
    };
    s.to_string()
}

fn union(parts: Vec<String>) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in parts {
        if !out.contains(&p) {
            out.push(p);
        }
    }
    out.join(" | ")
}

/// The type expression of a schema.
fn type_of(lang: Lang, schema: &Value, input: bool) -> String {
    if let Some(name) = ref_name(schema) {
        return name.to_string();
    }
    if let Some(values) = consts(schema) {
        return match lang {
            Lang::Ts => values.iter().map(|v| format!("\"{v}\"")).collect::<Vec<_>>().join(" | "),
            Lang::Py => format!("Literal[{}]", values.iter().map(|v| format!("'{v}'")).collect::<Vec<_>>().join(", ")),
        };
    }
    if let Some(variants) = schema.get("anyOf").or_else(|| schema.get("oneOf")).and_then(Value::as_array) {
        return union(variants.iter().map(|v| type_of(lang, v, input)).collect());
    }
    if let Some(c) = schema.get("const") {
        return match lang {
            Lang::Ts => c.to_string(),
            Lang::Py => format!("Literal[{c}]"),
        };
    }
    let format = schema.get("format").and_then(Value::as_str);
    let types: Vec<String> = match schema.get("type") {
        Some(Value::String(t)) => vec![t.clone()],
        Some(Value::Array(ts)) => ts.iter().filter_map(Value::as_str).map(str::to_string).collect(),
        _ => return if matches!(lang, Lang::Ts) { "unknown".into() } else { "Any".into() },
    };
    union(
        types
            .iter()
            .map(|t| match t.as_str() {
                "array" => {
                    let item = schema.get("items").map_or_else(|| "unknown".to_string(), |i| type_of(lang, i, input));
                    match lang {
                        Lang::Ts if item.contains(' ') => format!("Array<{item}>"),
                        Lang::Ts => format!("{item}[]"),
                        Lang::Py => format!("list[{item}]"),
                    }
                }
                "object" => match schema.get("additionalProperties") {
                    Some(v @ Value::Object(_)) => match lang {
                        Lang::Ts => format!("{{ [key: string]: {} }}", type_of(lang, v, input)),
                        Lang::Py => format!("dict[str, {}]", type_of(lang, v, input)),
                    },
                    _ => match lang {
                        Lang::Ts => "{ [key: string]: unknown }".to_string(),
                        Lang::Py => "dict[str, Any]".to_string(),
                    },
                },
                other => scalar(lang, other, format, input),
            })
            .collect(),
    )
}

fn props(schema: &Value) -> (Vec<(String, Value)>, Vec<String>) {
    let props = schema.get("properties").and_then(Value::as_object).map(|p| p.iter().map(|(k, v)| (k.clone(), v.clone())).collect()).unwrap_or_default();
    let required = schema
        .get("required")
        .and_then(Value::as_array)
        .map(|r| r.iter().filter_map(Value::as_str).map(str::to_string).collect())
        .unwrap_or_default();
    (props, required)
}

fn render_ts(schema: &Value) -> String {
    let mut out = format!("// {HEADER}\n// The JSON shapes of reglament's API: what the operations take and answer.\n");
    for (name, def) in defs(schema) {
        out.push('\n');
        if let Some(d) = description(&def) {
            let _ = writeln!(out, "/** {d} */");
        }
        let input = is_input(&def);
        if def.get("properties").is_some() {
            let _ = writeln!(out, "export interface {name} {{");
            let (props, required) = props(&def);
            for (key, prop) in props {
                if let Some(d) = description(&prop) {
                    let _ = writeln!(out, "  /** {d} */");
                }
                let optional = if required.contains(&key) { "" } else { "?" };
                let _ = writeln!(out, "  {key}{optional}: {};", type_of(Lang::Ts, &prop, input));
            }
            out.push_str("}\n");
        } else {
            let _ = writeln!(out, "export type {name} = {};", type_of(Lang::Ts, &def, input));
        }
    }
    out.push_str(
        "\n/** The tagged answer of an operation (the browser module returns it as is). */\n\
         export type Answer<T> =\n  | { type: \"success\"; value: T }\n  | { type: \"failure\"; errors: ErrorInfo[] };\n",
    );
    out
}

const PY_KEYWORDS: &[&str] = &["from", "class", "def", "import", "in", "is", "not", "and", "or", "if", "else", "for", "while", "with", "as", "return", "global", "lambda", "pass", "raise", "try", "yield", "del", "assert", "break", "continue", "except", "finally", "nonlocal", "None", "True", "False"];

fn render_py(schema: &Value) -> String {
    let mut out = format!(
        "# {HEADER}\n\"\"\"The dict shapes of reglament's API: what the operations take and answer.\"\"\"\n\n\
         from __future__ import annotations\n\nimport datetime\nimport sys\nfrom typing import Any, Dict, List, Literal, Union\n\n\
         if sys.version_info >= (3, 11):\n    from typing import NotRequired, TypedDict\nelse:\n    from typing_extensions import NotRequired, TypedDict\n\n\
         __all__ = [\n"
    );
    let defs = defs(schema);
    for name in defs.keys() {
        let _ = writeln!(out, "    \"{name}\",");
    }
    out.push_str("]\n");
    let mut aliases = String::new();
    for (name, def) in &defs {
        let input = is_input(def);
        if def.get("properties").is_some() {
            out.push('\n');
            let (props, required) = props(def);
            let fields: Vec<(String, String)> = props
                .iter()
                .map(|(key, prop)| {
                    let ty = type_of(Lang::Py, prop, input);
                    let ty = if required.contains(key) { ty } else { format!("NotRequired[{ty}]") };
                    (key.clone(), ty)
                })
                .collect();
            let doc = description(def).unwrap_or_default();
            if fields.iter().any(|(k, _)| PY_KEYWORDS.contains(&k.as_str())) {
                // Functional syntax, as a key is a Python keyword; the annotations stay strings
                // so that they are read lazily, like those of the classes.
                let _ = writeln!(out, "# {doc}\n{name} = TypedDict(\n    \"{name}\",\n    {{");
                for (key, ty) in fields {
                    let _ = writeln!(out, "        \"{key}\": \"{ty}\",");
                }
                out.push_str("    },\n)\n");
            } else {
                let _ = writeln!(out, "class {name}(TypedDict):\n    \"\"\"{doc}\"\"\"\n");
                for (key, ty) in fields {
                    let _ = writeln!(out, "    {key}: {ty}");
                }
            }
        } else {
            // Aliases are evaluated at import, after every class, so they use `typing` forms.
            let ty = type_of(Lang::Py, def, input).replace("dict[", "Dict[").replace("list[", "List[");
            let ty = if ty.contains(" | ") { format!("Union[{}]", ty.replace(" | ", ", ")) } else { ty };
            if let Some(d) = description(def) {
                let _ = writeln!(aliases, "\n# {d}");
            } else {
                aliases.push('\n');
            }
            let _ = writeln!(aliases, "{name} = {ty}");
        }
    }
    out.push_str(&aliases);
    out
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

#[test]
fn generated_types_are_fresh() {
    let schema = reglament::ffi::api_schema();
    let ts = render_ts(&schema);
    let py = render_py(&schema);
    let files = [
        ("bindings-wasm/types.d.ts", &ts),
        ("bindings-node/types.d.ts", &ts),
        ("bindings-python/python/reglament/_types.py", &py),
    ];
    let bless = std::env::var_os("REGLAMENT_BLESS").is_some();
    let mut stale = Vec::new();
    for (path, text) in files {
        let full = root().join(path);
        let current = std::fs::read_to_string(&full).unwrap_or_default();
        if current != *text {
            if bless {
                if let Err(e) = std::fs::write(&full, text) {
                    stale.push(format!("{path} (cannot write: {e})"));
                }
            } else {
                stale.push(path.to_string());
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated types are stale: {stale:?}; run `REGLAMENT_BLESS=1 cargo test -p reglament-wasm --test generated_types`"
    );
}
