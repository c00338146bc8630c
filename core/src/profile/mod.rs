//! Municipality profiles: a regulation as data, with a clause on every value.
//!
//! Each municipality's regulation (регламент) decides which channels exist, what a message must
//! contain, what gets it refused, where it is routed and which terms run. A profile encodes one
//! regulation in a TOML file (`rules/profiles/*.toml`, format in `rules/profiles/README.md`);
//! shared parts live in abstract bases (`smart-city`, `pos`) that a municipality `extends`.
//!
//! - [`Profile`] is the resolved, merged, validated model the rest of the library reads.
//! - [`Profile::builtin`] loads an embedded profile; [`Profile::from_toml`] a user's file.
//! - [`lint`] reports every problem of a file with file, line, column and help.
//! - [`schema`] is the JSON Schema of the file format (`docs/profile.schema.json`).
//!
//! Loading is all-or-nothing: a file with any error diagnostic is refused with
//! [`Error::Data`](crate::Error::Data).

mod builtin;
pub mod languages;
pub mod file;
mod limits;
mod load;
mod model;
mod resolve;
pub mod scope;
mod tree;

pub use limits::{MAX_CATEGORIES, MAX_EXTENDS_DEPTH, MAX_FILE_BYTES, MAX_NESTING, MAX_VALUES};
pub use load::ExtendsResolver;
pub use model::{
    AppliesTo, Attachments, Category, Channels, Cited, ContentAction, ContentRules, DataRule, Extension,
    Family, Fields, Language, Lexicon, Limits, Municipality, Organisation, Profile, Publicity,
    Provision, RefusalGround, Regulation, Requirement, Routing, Sla, StageShares, Submission, TermDefaults, TermRule,
    TermStart, UnsetValue, Visibility, Workflow,
};
pub use resolve::{KNOWN_CALENDARS, KNOWN_FINDINGS, KNOWN_TERMS};


use crate::diagnostic::{Diagnostic, Severity};
use crate::error::{Error, Result};

/// Runs the whole pipeline; returns the profile (for a concrete file without errors) and every
/// diagnostic.
fn run(source: &str, file_name: &str, resolver: Option<ExtendsResolver<'_>>) -> (Option<Profile>, Vec<Diagnostic>) {
    let read = load::read(source, file_name, resolver);
    let mut diags = read.diags;
    let (Some(tree), Some(file)) = (read.tree.as_ref(), read.file.as_ref()) else {
        if let Some(tree) = read.tree.as_ref() {
            diags.iter_mut().for_each(|d| name_entries(tree, d));
        }
        in_reading_order(&mut diags, file_name);
        return (None, diags);
    };
    let mut ctx = resolve::Ctx::new(tree, &read.sources, file.is_abstract).with_files(resolver);
    let profile = ctx.resolve(file, &read.bases);
    let read_errors = diags.len();
    for diag in ctx.diags {
        // A value taken out after a reading error is then missing: one problem, reported once.
        let subject = diag.message.split('`').nth(1).map(|p| format!("`{p}."));
        let repeat = matches!(diag.code.as_str(), "missing_key" | "value_missing" | "term_unit_missing" | "term_amount_missing")
            && diags.iter().take(read_errors).any(|d| {
                (d.location.is_some() && d.location == diag.location)
                    || subject.as_deref().is_some_and(|s| d.message.starts_with(s))
            });
        if !repeat {
            diags.push(diag);
        }
    }
    for diag in &mut diags {
        name_entries(tree, diag);
    }
    in_reading_order(&mut diags, file_name);
    (profile, diags)
}

/// Orders diagnostics as a compiler does, so the author reads them top to bottom: the file's own
/// problems by line and column (those without a position first), then those of the other files
/// it reads (a calendar layer file), each by position. The sort is stable: problems at one
/// position keep the order they were found in.
fn in_reading_order(diags: &mut [Diagnostic], file_name: &str) {
    diags.sort_by(|a, b| {
        let key = |d: &Diagnostic| match &d.location {
            Some(l) => (l.file != file_name, l.file.clone(), l.line, l.column),
            None => (false, String::new(), 0, 0),
        };
        key(a).cmp(&key(b))
    });
}

/// Names the entries of `[[category]]`, `[[refusal]]` and `[[organisation]]` in a diagnostic by
/// id (`category["hot-meals"]`), as the author wrote them, instead of by position
/// (`category[3]`).
fn name_entries(tree: &tree::Node, diag: &mut Diagnostic) {
    for array in ["category", "refusal", "organisation"] {
        for text in [Some(&mut diag.message), diag.help.as_mut()].into_iter().flatten() {
            let mut from = 0;
            while let Some(at) = text.get(from..).and_then(|t| t.find(&format!("{array}["))).map(|i| i + from) {
                let open = at + array.len() + 1;
                let close = text.get(open..).and_then(|t| t.find(']')).map(|i| i + open);
                let index = close.and_then(|c| text.get(open..c)).and_then(|n| n.parse::<usize>().ok());
                match (close, index.and_then(|i| tree.entry_id(array, i))) {
                    (Some(close), Some(id)) => {
                        let named = format!("{array}[\"{id}\"]");
                        text.replace_range(at..=close, &named);
                        from = at + named.len();
                    }
                    _ => from = open,
                }
            }
        }
    }
}

fn has_errors(diags: &[Diagnostic]) -> bool {
    diags.iter().any(|d| d.severity == Severity::Error)
}

/// Every problem of a profile file: TOML syntax, unknown keys, wrong types, values without a
/// citation, unrouted categories, broken references, `extends` cycles, bad zones and calendars.
///
/// `extends` may name a built-in profile. An empty result means the file is clean.
pub fn lint(source: &str, file_name: &str) -> Vec<Diagnostic> {
    run(source, file_name, None).1
}

/// [`lint`] with a resolver for `extends` that names the user's own files.
pub fn lint_with(source: &str, file_name: &str, resolver: ExtendsResolver<'_>) -> Vec<Diagnostic> {
    run(source, file_name, Some(resolver)).1
}

/// [`lint`] of an embedded file, bases included (`smart-city`, `pos`).
pub fn lint_builtin(name: &str) -> Result<Vec<Diagnostic>> {
    match builtin::source(name) {
        Some(source) => Ok(lint(source, &builtin::file_name(name))),
        None => Err(unknown(name)),
    }
}

/// The JSON Schema of the profile file format, as published in `docs/profile.schema.json`.
pub fn schema() -> serde_json::Value {
    let schema = schemars::schema_for!(file::ProfileFile);
    let mut value = serde_json::to_value(&schema).unwrap_or(serde_json::Value::Null);
    drop_null(&mut value);
    value
}

/// TOML has no null: an optional key is simply left out. Removes the `null` alternative that
/// schemars gives every `Option`, so the schema describes the TOML an author writes.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if let [only] = types.as_slice() {
                    let only = only.clone();
                    map.insert("type".to_string(), only);
                }
            }
            let is_null = |v: &Value| v.get("type").is_some_and(|t| t == "null");
            if let Some(Value::Array(alternatives)) = map.get_mut("anyOf") {
                alternatives.retain(|v| !is_null(v));
                if let [Value::Object(only)] = alternatives.as_slice() {
                    let only = only.clone();
                    map.remove("anyOf");
                    for (k, v) in only {
                        map.entry(k).or_insert(v);
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// What a category inherits, found without collecting its path ([`Profile::routing_walk`]).
pub(crate) struct RoutingWalk<'p> {
    /// The category asked about.
    pub(crate) first: &'p Category,
    /// How many categories the path holds (the category and its ancestors).
    pub(crate) depth: usize,
    /// Responsible organisation.
    pub(crate) org: &'p Cited<String>,
    /// Co-executors, if any.
    pub(crate) co_executors: Option<&'p Cited<Vec<String>>>,
    /// Fast-track level id, if any.
    pub(crate) fast_track: Option<&'p Cited<String>>,
}

fn unknown(name: &str) -> Error {
    Error::UnknownProfile(name.to_string(), builtin::CONCRETE.join(", "))
}

fn finish(profile: Option<Profile>, diags: Vec<Diagnostic>, file_name: &str) -> Result<Profile> {
    if has_errors(&diags) {
        return Err(Error::Data(diags));
    }
    profile.ok_or_else(|| {
        Error::Data(vec![Diagnostic::error(
            "abstract_profile",
            format!("`{file_name}` is an abstract base profile; it can only be extended"),
        )
        .with_help("load a concrete profile that `extends` it, or remove `abstract = true`")])
    })
}

impl Profile {
    /// The concrete built-in profiles: `essentuki`, `kislovodsk`, `mikhailovka`, `mamadysh`,
    /// `tynda`.
    pub fn builtin_names() -> &'static [&'static str] {
        builtin::CONCRETE
    }

    /// Loads a built-in profile by id. An unknown id (or a base) is
    /// [`Error::UnknownProfile`] listing the built-in names.
    ///
    /// Parsing takes well under a millisecond; the library keeps no cache (no global state),
    /// so callers that ask often keep the returned profile (or a [`crate::Rules`]).
    pub fn builtin(name: &str) -> Result<Profile> {
        if !builtin::CONCRETE.contains(&name) {
            return Err(unknown(name));
        }
        let source = builtin::source(name).ok_or_else(|| unknown(name))?;
        let file_name = builtin::file_name(name);
        let (profile, diags) = run(source, &file_name, None);
        finish(profile, diags, &file_name)
    }

    /// Loads a user's profile file; `extends` may name a built-in profile. Any error diagnostic
    /// refuses the whole file with [`Error::Data`].
    pub fn from_toml(source: &str, file_name: &str) -> Result<Profile> {
        let (profile, diags) = run(source, file_name, None);
        finish(profile, diags, file_name)
    }

    /// [`Profile::from_toml`] for files that extend the user's own files: `resolver` maps a
    /// name in `extends` to `(file name, source)`; names it does not know fall back to the
    /// built-in profiles.
    pub fn from_toml_with(source: &str, file_name: &str, resolver: ExtendsResolver<'_>) -> Result<Profile> {
        let (profile, diags) = run(source, file_name, Some(resolver));
        finish(profile, diags, file_name)
    }

    /// A category by id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The effective routing of a category: organisation, co-executors and fast-track level
    /// from the category itself or, for each that it does not set, its nearest ancestor.
    /// `None` for an unknown category (a loaded profile routes every category somewhere).
    pub fn routing(&self, id: &str) -> Option<Routing<'_>> {
        let walk = self.routing_walk(id)?;
        let mut path = Vec::with_capacity(walk.depth);
        path.extend(self.lineage(walk.first).map(|c| c.id.as_str()));
        Some(Routing {
            category: walk.first.id.as_str(),
            path,
            org: walk.org,
            co_executors: walk.co_executors,
            fast_track: walk.fast_track,
        })
    }

    /// [`Profile::routing`] without collecting the path: routing is asked for every message
    /// (twice by `route`), and most callers only need what the category inherits.
    pub(crate) fn routing_walk(&self, id: &str) -> Option<RoutingWalk<'_>> {
        let first = self.category(id)?;
        let mut current = Some(first);
        let mut depth = 0;
        let (mut org, mut co_executors, mut fast_track) = (None, None, None);
        while let Some(cat) = current {
            // The same guard against a parent cycle as a path longer than the tree.
            if depth > self.categories.len() {
                return None;
            }
            depth += 1;
            org = org.or(cat.org.as_ref());
            co_executors = co_executors.or(cat.co_executors.as_ref());
            fast_track = fast_track.or(cat.fast_track.as_ref());
            current = cat.parent.as_deref().and_then(|p| self.category(p));
        }
        Some(RoutingWalk { first, depth, org: org?, co_executors, fast_track })
    }

    /// A category and its ancestors, nearest first. Only for a category whose
    /// [`Profile::routing_walk`] succeeded (no parent cycle), which bounds the walk.
    pub(crate) fn lineage<'p>(&'p self, first: &'p Category) -> impl Iterator<Item = &'p Category> + 'p {
        std::iter::successors(Some(first), move |c| c.parent.as_deref().and_then(|p| self.category(p)))
            .take(self.categories.len() + 1)
    }

    /// The answer term for a message in `category` (convention 10: a fast-track level replaces
    /// the base answer term). `None` when the regulation gives neither. A seasonal level
    /// (`season`) is returned whatever the date: `route` and `plan` decide by the sending date.
    pub fn answer_term(&self, category: Option<&str>) -> Option<&TermRule> {
        let level = category
            .and_then(|c| self.routing_walk(c))
            .and_then(|r| r.fast_track)
            .and_then(|ft| self.fast_track.get(&ft.value));
        level.or_else(|| self.terms.get("answer").filter(|t| !t.unset))
    }

    /// A refusal ground by code.
    pub fn refusal(&self, code: &str) -> Option<&RefusalGround> {
        self.refusals.iter().find(|r| r.code == code)
    }

    /// A term by name, `None` when absent or unset.
    pub fn term(&self, name: &str) -> Option<&TermRule> {
        self.terms.get(name).filter(|t| !t.unset)
    }
}
