//! Reading a profile: parse, follow `extends`, merge, deserialize.
//!
//! Every step turns what goes wrong into a [`Diagnostic`] with the file, line and column of the
//! offending key or value, so `lint` and `Profile::from_toml` share one pipeline and loading stays
//! all-or-nothing. The semantic checks and the conversion to the model are in `resolve.rs`.

use crate::diagnostic::Diagnostic;

use super::builtin;
use super::limits;
use super::file::ProfileFile;
use super::tree::{Node, Seg, Sources};

/// Looks up a profile a file `extends` by name: `(file name, source)`.
pub type ExtendsResolver<'a> = &'a dyn Fn(&str) -> Option<(String, String)>;

/// The result of reading a chain: the merged tree and, when it deserialized, the file struct.
pub(crate) struct Read {
    /// The files of the chain, for locations.
    pub sources: Sources,
    /// The merged document, when every file parsed.
    pub tree: Option<Node>,
    /// The merged file, when it deserialized.
    pub file: Option<ProfileFile>,
    /// Ids of the bases, nearest first.
    pub bases: Vec<String>,
    /// Problems so far.
    pub diags: Vec<Diagnostic>,
}

/// Reads `source` and the chain of bases it extends, and merges them.
pub(crate) fn read(source: &str, file_name: &str, resolver: Option<ExtendsResolver<'_>>) -> Read {
    let mut read = Read { sources: Sources::default(), tree: None, file: None, bases: Vec::new(), diags: Vec::new() };
    let Some(child) = parse(&mut read, file_name, source) else { return read };
    let mut chain = vec![child];
    let mut seen: Vec<String> = chain.iter().filter_map(|n| n.get_str("id").map(str::to_string)).collect();
    while let Some((origin, name)) = chain
        .last()
        .and_then(|c| c.get("extends").map(|e| (e.origin, c.get_str("extends").map(str::to_string))))
    {
        // A non-string `extends` is reported by deserialization.
        let Some(name) = name else { break };
        if seen.contains(&name) {
            let cycle = seen.iter().chain(std::iter::once(&name)).cloned().collect::<Vec<_>>().join(" -> ");
            push(
                &mut read,
                Diagnostic::error("extends_cycle", format!("`extends` makes a cycle: {cycle}"))
                    .with_help("a profile cannot extend itself, directly or through its bases; remove one `extends`"),
                origin.file,
                origin.value,
            );
            return read;
        }
        if let Some(diag) = limits::check_extends(read.bases.len()) {
            push(&mut read, diag, origin.file, origin.value);
            return read;
        }
        let found = resolver
            .and_then(|r| r(&name))
            .or_else(|| builtin::source(&name).map(|s| (builtin::file_name(&name), s.to_string())));
        let Some((base_file, base_source)) = found else {
            push(
                &mut read,
                Diagnostic::error("extends_unknown", format!("`extends` names an unknown profile `{name}`"))
                    .with_help(format!(
                        "extend a built-in profile ({}) or a file the caller can resolve",
                        builtin::all_names().join(", ")
                    )),
                origin.file,
                origin.value,
            );
            return read;
        };
        let Some(base) = parse(&mut read, &base_file, &base_source) else { return read };
        // The name as well as the id: a resolver that answers a name with a file of another id
        // (or a file that is no profile) must not send the walk round for ever.
        let id = base.get_str("id").map_or_else(|| name.clone(), str::to_string);
        if id != name {
            seen.push(name.clone());
        }
        seen.push(id);
        read.bases.push(name);
        chain.push(base);
    }
    let mut merged: Option<Node> = None;
    while let Some(node) = chain.pop() {
        merged = Some(match merged {
            None => node,
            Some(mut base) => {
                for key in ["id", "abstract", "extends"] {
                    base.remove(key);
                }
                base.merge(node, true);
                base
            }
        });
    }
    let Some(mut tree) = merged else { return read };
    if let Some((diag, file, offset)) = limits::check_tree(&tree) {
        push(&mut read, diag, file, offset);
        return read;
    }
    // Every problem in one run: a value that does not deserialize is reported, taken out, and
    // the rest read again, so that unknown keys, uncited values and wrong types all show at once.
    let mut removed: Vec<Vec<Seg>> = Vec::new();
    for _ in 0..MAX_DESERIALIZE_ROUNDS {
        match serde_path_to_error::deserialize::<_, ProfileFile>(tree.to_value()) {
            Ok(file) => {
                read.file = Some(file);
                break;
            }
            Err(err) => {
                let path: Vec<Seg> = err
                    .path()
                    .iter()
                    .filter_map(|seg| match seg {
                        serde_path_to_error::Segment::Seq { index } => Some(Seg::Index(*index)),
                        serde_path_to_error::Segment::Map { key } => Some(Seg::Key(key.clone())),
                        _ => None,
                    })
                    .collect();
                let message = err.inner().message();
                // A required key just taken out is missing now: already reported.
                if message.starts_with("missing field") && removed.iter().any(|r| r.starts_with(&path)) {
                    break;
                }
                let (diag, target) = serde_diagnostic(&tree, &read.sources, &path, message);
                read.diags.push(diag);
                if !tree.remove_at(&target) {
                    break;
                }
                removed.push(target);
            }
        }
    }
    read.tree = Some(tree);
    read
}

/// How many values one run takes out before it stops reading (a file of nothing but typos).
const MAX_DESERIALIZE_ROUNDS: usize = 200;

fn push(read: &mut Read, diag: Diagnostic, file: usize, offset: usize) {
    let diag = match read.sources.location(file, offset) {
        Some(loc) => diag.at(loc),
        None => diag,
    };
    read.diags.push(diag);
}

/// Parses one file of the chain; a syntax error becomes a diagnostic.
fn parse(read: &mut Read, name: &str, source: &str) -> Option<Node> {
    let file = read.sources.add(name, source);
    if let Some((diag, offset)) = limits::check_source(source) {
        push(read, diag, file, offset);
        return None;
    }
    match toml::de::DeTable::parse(source) {
        Ok(doc) => {
            let mut node = Node::from_document(&doc, file);
            for dup in node.take_duplicates() {
                let (code, what) = match dup.array.as_str() {
                    "category" => ("duplicate_category", "category id"),
                    "refusal" => ("duplicate_refusal", "refusal code"),
                    _ => ("duplicate_organisation", "organisation id"),
                };
                let diag = Diagnostic::error(code, format!("{what} `{}` is defined twice in this file", dup.id))
                    .with_help(format!("give each [[{}]] a unique {what}, or delete the repeat", dup.array));
                push(read, diag, dup.origin.file, dup.origin.value);
            }
            Some(node)
        }
        Err(err) => {
            let offset = err.span().map_or(0, |s| s.start);
            let message = err.message().trim().to_string();
            push(
                read,
                Diagnostic::error("toml_syntax", format!("TOML syntax error: {message}"))
                    .with_help("fix the TOML syntax (https://toml.io); strings need quotes, tables need [brackets]"),
                file,
                offset,
            );
            None
        }
    }
}

/// Renders a serde path as the author sees it: `category[2].org.value`.
pub(crate) fn display_path(path: &[Seg]) -> String {
    let mut out = String::new();
    for seg in path {
        match seg {
            Seg::Key(k) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            Seg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    if out.is_empty() {
        out.push_str("(top level)");
    }
    out
}

/// The text between the first pair of backticks: serde names the key or variant there.
fn quoted(message: &str) -> Option<&str> {
    let start = message.find('`')? + 1;
    let len = message.get(start..)?.find('`')?;
    message.get(start..start + len)
}

/// Turns a deserialization error into a located diagnostic, and the path of the value to take
/// out before reading on.
fn serde_diagnostic(tree: &Node, sources: &Sources, path: &[Seg], message: &str) -> (Diagnostic, Vec<Seg>) {
    let shown = display_path(path);
    let mut target = path.to_vec();
    let locate = |path: &[Seg], at_key: bool| {
        let (node, _) = tree.locate(path);
        sources.origin(node.origin, at_key)
    };
    let (diag, location) = if message.starts_with("unknown field") {
        let key = quoted(message).unwrap_or("?").to_string();
        let mut parent = path.to_vec();
        if parent.last() == Some(&Seg::Key(key.clone())) {
            parent.pop();
        }
        let mut full = parent.clone();
        full.push(Seg::Key(key.clone()));
        target.clone_from(&full);
        let expected = message.find("expected").and_then(|i| message.get(i..)).unwrap_or("");
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        let parent = display_path(&parent);
        (
            Diagnostic::error("unknown_key", format!("unknown key `{key}` in `{parent}`"))
                .with_help(crate::diagnostic::suggest(&key, known, &format!("check the spelling or remove it; {expected}"))),
            locate(&full, true),
        )
    } else if message.contains("expected struct CitedField") {
        (
            Diagnostic::error("clause_missing", format!("`{shown}` has a value but no citation"))
                .with_help("write `{ value = ..., clause = \"34.9\" }`, or `{ value = ..., local_choice = \"why\" }` when the regulation does not give it, or `{ unset = true, note = \"...\" }`"),
            locate(path, true),
        )
    } else if message.starts_with("missing field") {
        let key = quoted(message).unwrap_or("?");
        (
            Diagnostic::error("missing_key", format!("`{shown}` needs the key `{key}`"))
                .with_help(format!("add `{key} = ...`")),
            locate(path, true),
        )
    } else if message.starts_with("unknown variant") {
        let given = quoted(message).unwrap_or("");
        let expected = message.find("expected").and_then(|i| message.get(i..)).unwrap_or("");
        let known: Vec<&str> = expected.split('`').skip(1).step_by(2).collect();
        (
            Diagnostic::error("wrong_value", format!("`{shown}`: {message}"))
                .with_help(crate::diagnostic::suggest(given, known, "use one of the values listed")),
            locate(path, false),
        )
    } else {
        (
            Diagnostic::error("wrong_type", format!("`{shown}`: {message}"))
                .with_help("see rules/profiles/README.md or docs/profile.schema.json for the type of this key"),
            locate(path, false),
        )
    };
    let diag = match location {
        Some(loc) => diag.at(loc),
        None => diag,
    };
    (diag, target)
}
