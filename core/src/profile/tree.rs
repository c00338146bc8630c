//! A TOML document that remembers where every key came from.
//!
//! A profile is a chain of files (`essentuki.toml` extends `smart-city.toml`); the chain is
//! merged before it is read, and a diagnostic about a merged value must still point at the file,
//! line and column that wrote it. Each [`Node`] carries the [`Origin`] of its key and value, the
//! merge keeps origins, and [`Node::locate`] walks a serde path back to them.

use std::ops::Range;

use crate::diagnostic::Location;

/// Where a key and its value were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Origin {
    /// Index of the file in the [`Sources`].
    pub file: usize,
    /// Byte offset of the key (or of the value when there is no key: array items, the root).
    pub key: usize,
    /// Byte offset of the value.
    pub value: usize,
}

/// The files of one resolved chain, so that an [`Origin`] can become a [`Location`].
#[derive(Debug, Default)]
pub(crate) struct Sources {
    /// `(file name, source text)` in load order.
    pub files: Vec<(String, String)>,
}

impl Sources {
    /// Adds a file and returns its index.
    pub fn add(&mut self, name: &str, source: &str) -> usize {
        self.files.push((name.to_string(), source.to_string()));
        self.files.len() - 1
    }

    /// The location of a byte offset in one of the files.
    pub fn location(&self, file: usize, offset: usize) -> Option<Location> {
        self.files.get(file).map(|(name, source)| Location::from_offset(name, source, offset))
    }

    /// Location of a key (`at_key`) or of its value.
    pub fn origin(&self, origin: Origin, at_key: bool) -> Option<Location> {
        self.location(origin.file, if at_key { origin.key } else { origin.value })
    }
}

/// One step of a path into the document, as serde_path_to_error reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Seg {
    /// A table key.
    Key(String),
    /// An array index.
    Index(usize),
}

/// A TOML value with origins.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    /// The value.
    pub kind: Kind,
    /// Where it was written.
    pub origin: Origin,
}

/// The shape of a [`Node`].
#[derive(Debug, Clone)]
pub(crate) enum Kind {
    /// A table, keys in source order.
    Table(Vec<(String, Node)>),
    /// An array.
    Array(Vec<Node>),
    /// A scalar (string, number, boolean, date-time).
    Leaf(toml::Value),
}

/// Arrays of tables merged entry by entry, by this key, instead of being replaced.
const KEYED_ARRAYS: &[(&str, &str)] = &[("category", "id"), ("refusal", "code"), ("organisation", "id")];

/// Keys that make up a citation: a child that cites anew, or sets a new value, drops all of the
/// base's. A base's `note` survives a new citation (it describes the value) but not a new value.
const CITATION_KEYS: &[&str] = &["clause", "local_choice", "unset"];

/// Keys that carry a value: a child that sets one drops the base's `unset`, and a child that
/// says `unset` drops the base's value.
const VALUE_KEYS: &[&str] = &["value", "amount"];

/// A key that was written twice in one file's keyed array (`[[category]] id = "x"` twice).
#[derive(Debug, Clone)]
pub(crate) struct Duplicate {
    /// The array (`category`, `refusal`, `organisation`).
    pub array: String,
    /// The repeated id or code.
    pub id: String,
    /// Where the repetition is.
    pub origin: Origin,
}

fn range_start(r: &Range<usize>) -> usize {
    r.start
}

impl Node {
    /// Builds the tree of one parsed file.
    pub fn from_document(doc: &toml::Spanned<toml::de::DeTable<'_>>, file: usize) -> Self {
        let start = range_start(&doc.span());
        let origin = Origin { file, key: start, value: start };
        Self { kind: table_kind(doc.get_ref(), file), origin }
    }

    fn from_value(value: &toml::Spanned<toml::de::DeValue<'_>>, file: usize, key: usize) -> Self {
        use toml::de::DeValue;
        let origin = Origin { file, key, value: range_start(&value.span()) };
        let kind = match value.get_ref() {
            DeValue::String(s) => Kind::Leaf(toml::Value::String(s.to_string())),
            DeValue::Integer(i) => match i64::from_str_radix(i.as_str(), i.radix()) {
                Ok(n) => Kind::Leaf(toml::Value::Integer(n)),
                // Out of i64 range: keep the text so the type check reports it.
                Err(_) => Kind::Leaf(toml::Value::String(i.to_string())),
            },
            DeValue::Float(f) => {
                Kind::Leaf(toml::Value::Float(parse_float(f.as_str()).unwrap_or(f64::NAN)))
            }
            DeValue::Boolean(b) => Kind::Leaf(toml::Value::Boolean(*b)),
            DeValue::Datetime(d) => Kind::Leaf(toml::Value::Datetime(*d)),
            DeValue::Array(items) => Kind::Array(
                items.iter().map(|item| Self::from_value(item, file, range_start(&item.span()))).collect(),
            ),
            DeValue::Table(t) => table_kind(t, file),
        };
        Self { kind, origin }
    }

    /// The table entries, if this is a table.
    pub fn entries(&self) -> Option<&[(String, Node)]> {
        match &self.kind {
            Kind::Table(entries) => Some(entries),
            _ => None,
        }
    }

    /// A table entry by key.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()?.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// The string value of a table entry.
    pub fn get_str(&self, key: &str) -> Option<&str> {
        match &self.get(key)?.kind {
            Kind::Leaf(toml::Value::String(s)) => Some(s),
            _ => None,
        }
    }

    pub fn remove(&mut self, key: &str) {
        if let Kind::Table(entries) = &mut self.kind {
            entries.retain(|(k, _)| k != key);
        }
    }

    /// Removes the table key at the end of `path`, so that checking can go on past a value
    /// already reported. Returns whether something was removed; an array item is never removed
    /// (the items after it would change index).
    pub fn remove_at(&mut self, path: &[Seg]) -> bool {
        let Some((Seg::Key(last), parent)) = path.split_last() else { return false };
        let mut node = self;
        for seg in parent {
            let next = match (seg, &mut node.kind) {
                (Seg::Key(k), Kind::Table(entries)) => entries.iter_mut().find(|(key, _)| key == k).map(|(_, v)| v),
                (Seg::Index(i), Kind::Array(items)) => items.get_mut(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => return false,
            }
        }
        let Kind::Table(entries) = &mut node.kind else { return false };
        let before = entries.len();
        entries.retain(|(k, _)| k != last);
        entries.len() < before
    }

    /// The id of the `index`-th entry of a keyed array (`[[category]]` by `id`, `[[refusal]]` by
    /// `code`), so that diagnostics name a category by id rather than by position.
    pub fn entry_id(&self, array: &str, index: usize) -> Option<&str> {
        let id_key = keyed_array_key(array)?;
        match &self.get(array)?.kind {
            Kind::Array(items) => items.get(index)?.get_str(id_key),
            _ => None,
        }
    }

    /// Converts to a plain TOML value for deserialization.
    pub fn to_value(&self) -> toml::Value {
        match &self.kind {
            Kind::Leaf(v) => v.clone(),
            Kind::Array(items) => toml::Value::Array(items.iter().map(Self::to_value).collect()),
            Kind::Table(entries) => {
                toml::Value::Table(entries.iter().map(|(k, v)| (k.clone(), v.to_value())).collect())
            }
        }
    }

    /// Walks `path` as far as it goes; returns the deepest node reached and how many steps
    /// were taken, so a path into a value that is missing still points at its parent.
    pub fn locate(&self, path: &[Seg]) -> (&Node, usize) {
        let mut node = self;
        for (depth, seg) in path.iter().enumerate() {
            let next = match (seg, &node.kind) {
                (Seg::Key(k), Kind::Table(_)) => node.get(k),
                (Seg::Index(i), Kind::Array(items)) => items.get(*i),
                _ => None,
            };
            match next {
                Some(n) => node = n,
                None => return (node, depth),
            }
        }
        (node, path.len())
    }

    /// Finds duplicates of the keyed arrays inside this one file and drops the repeats, so the
    /// merge sees each id once.
    pub fn take_duplicates(&mut self) -> Vec<Duplicate> {
        let mut found = Vec::new();
        let Kind::Table(entries) = &mut self.kind else { return found };
        for (name, node) in entries.iter_mut() {
            let Some(id_key) = keyed_array_key(name) else { continue };
            let Kind::Array(items) = &mut node.kind else { continue };
            let mut seen: Vec<String> = Vec::new();
            items.retain(|item| {
                let Some(id) = item.get_str(id_key) else { return true };
                if seen.iter().any(|s| s == id) {
                    let origin = item.get(id_key).map_or(item.origin, |n| n.origin);
                    found.push(Duplicate { array: name.clone(), id: id.to_string(), origin });
                    false
                } else {
                    seen.push(id.to_string());
                    true
                }
            });
        }
        found
    }

    /// Merges `child` over `self` (the base): tables merge key by key, keyed arrays of tables
    /// merge entry by entry, anything else is replaced by the child's.
    pub fn merge(&mut self, child: Node, top_level: bool) {
        match (&mut self.kind, child.kind) {
            (Kind::Table(_), Kind::Table(child_entries)) => {
                let cites = child_entries.iter().any(|(k, _)| CITATION_KEYS.contains(&k.as_str()));
                let sets_value = child_entries.iter().any(|(k, _)| VALUE_KEYS.contains(&k.as_str()));
                let unsets = child_entries.iter().any(|(k, _)| k == "unset");
                if cites {
                    for k in CITATION_KEYS {
                        self.remove(k);
                    }
                }
                if sets_value {
                    // A new value needs a new citation: the base's clause was for its value.
                    for k in CITATION_KEYS {
                        self.remove(k);
                    }
                    self.remove("note");
                }
                if unsets {
                    for k in VALUE_KEYS {
                        self.remove(k);
                    }
                    self.remove("note");
                }
                for (key, value) in child_entries {
                    self.merge_entry(key, value, top_level);
                }
                self.origin = child.origin;
            }
            (kind, other) => {
                *kind = other;
                self.origin = child.origin;
            }
        }
    }

    fn merge_entry(&mut self, key: String, value: Node, top_level: bool) {
        let Kind::Table(entries) = &mut self.kind else { return };
        let id_key = if top_level { keyed_array_key(&key) } else { None };
        match entries.iter_mut().find(|(k, _)| *k == key) {
            Some((_, existing)) => match (id_key, &mut existing.kind, value.kind) {
                (Some(id_key), Kind::Array(base_items), Kind::Array(child_items)) => {
                    for item in child_items {
                        let id = item.get_str(id_key).map(str::to_string);
                        let slot = id.as_deref().and_then(|id| {
                            base_items.iter_mut().find(|b| b.get_str(id_key) == Some(id))
                        });
                        match slot {
                            Some(base_item) => base_item.merge(item, false),
                            None => base_items.push(item),
                        }
                    }
                }
                (_, Kind::Table(_), kind @ Kind::Table(_)) => {
                    existing.merge(Node { kind, origin: value.origin }, false);
                }
                (_, slot, kind) => {
                    *slot = kind;
                    existing.origin = value.origin;
                }
            },
            None => entries.push((key, value)),
        }
    }
}

fn keyed_array_key(name: &str) -> Option<&'static str> {
    KEYED_ARRAYS.iter().find(|(n, _)| *n == name).map(|(_, k)| *k)
}

fn table_kind(table: &toml::de::DeTable<'_>, file: usize) -> Kind {
    Kind::Table(
        table
            .iter()
            .map(|(k, v)| (k.get_ref().to_string(), Node::from_value(v, file, range_start(&k.span()))))
            .collect(),
    )
}

fn parse_float(text: &str) -> Option<f64> {
    let cleaned: String = text.chars().filter(|c| *c != '_').collect();
    match cleaned.as_str() {
        "inf" | "+inf" => Some(f64::INFINITY),
        "-inf" => Some(f64::NEG_INFINITY),
        "nan" | "+nan" | "-nan" => Some(f64::NAN),
        other => other.parse().ok(),
    }
}
