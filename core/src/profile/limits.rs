//! Size limits on profile files, so an untrusted file cannot make a call take unbounded time or
//! memory.
//!
//! Profiles are written by rule authors and may come from outside the portal's team; the loader
//! (and `lint`) must answer in bounded time whatever the file holds. Each limit is far above what
//! a real regulation needs (the largest built-in profile is 12 KB with 12 categories) and far
//! below what hurts: a file beyond one is refused with a diagnostic naming the limit, the file,
//! line and column where it was crossed, and how to fix it. The limits are listed in
//! `docs/reliability.md`.

use crate::diagnostic::Diagnostic;

use super::tree::{Kind, Node};

/// The largest profile file, in bytes (512 KiB).
pub const MAX_FILE_BYTES: usize = 512 * 1024;

/// The most bases an `extends` chain may have (a municipality, a regional base, a platform base
/// is three files; eight leaves room and bounds the merge work).
pub const MAX_EXTENDS_DEPTH: usize = 8;

/// The deepest nesting of arrays and tables (brackets, braces and dotted keys together). The
/// loader and the merge walk the tree recursively; this bounds their stack.
pub const MAX_NESTING: usize = 32;

/// The most values (tables, arrays and scalars) in the merged document of a chain.
pub const MAX_VALUES: usize = 20_000;

/// The most categories of a merged profile; the tree check walks each category's ancestors.
pub const MAX_CATEGORIES: usize = 500;

/// A limit crossed: the diagnostic and the byte offset where it was crossed (in the file the
/// caller knows).
pub(crate) type Crossed = (Diagnostic, usize);

/// Refuses a file longer than [`MAX_FILE_BYTES`] or nested deeper than [`MAX_NESTING`], before
/// the TOML parser sees it (the parser recurses on nesting).
pub(crate) fn check_source(source: &str) -> Option<Crossed> {
    if source.len() > MAX_FILE_BYTES {
        return Some((
            Diagnostic::error(
                "limit_file_size",
                format!("the file is {} bytes; a profile may have at most {MAX_FILE_BYTES}", source.len()),
            )
            .with_help("a regulation fits in a few kilobytes; split shared parts into a base the file `extends`"),
            MAX_FILE_BYTES,
        ));
    }
    nesting_crossed(source).map(|offset| {
        (
            Diagnostic::error(
                "limit_nesting",
                format!("values are nested more than {MAX_NESTING} levels deep here"),
            )
            .with_help("profiles need a few levels of tables; flatten the arrays, tables or dotted keys"),
            offset,
        )
    })
}

/// The offset where brackets, braces and the dots of a key first nest deeper than
/// [`MAX_NESTING`], reading the text the way TOML does (strings and comments skipped).
fn nesting_crossed(source: &str) -> Option<usize> {
    let bytes = source.as_bytes();
    let mut depth = 0usize;
    let mut dots = 0usize;
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        match b {
            b'#' => {
                while bytes.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
                continue;
            }
            b'"' | b'\'' => {
                let triple = bytes.get(i + 1) == Some(&b) && bytes.get(i + 2) == Some(&b);
                i += if triple { 3 } else { 1 };
                loop {
                    match bytes.get(i) {
                        None => return None,
                        Some(b'\\') if b == b'"' => i += 2,
                        Some(&c) if c == b && (!triple || (bytes.get(i + 1) == Some(&b) && bytes.get(i + 2) == Some(&b))) => {
                            i += if triple { 3 } else { 1 };
                            break;
                        }
                        Some(b'\n') if !triple => break,
                        Some(_) => i += 1,
                    }
                }
                continue;
            }
            b'[' | b'{' => depth += 1,
            b']' | b'}' => depth = depth.saturating_sub(1),
            b'.' => dots += 1,
            b'\n' | b'=' | b',' => dots = 0,
            _ => {}
        }
        if depth + dots > MAX_NESTING {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Refuses a chain with more than [`MAX_EXTENDS_DEPTH`] bases; `bases` is how many were read.
pub(crate) fn check_extends(bases: usize) -> Option<Diagnostic> {
    (bases >= MAX_EXTENDS_DEPTH).then(|| {
        Diagnostic::error(
            "limit_extends_depth",
            format!("the `extends` chain has more than {MAX_EXTENDS_DEPTH} bases"),
        )
        .with_help("extend a base that holds the shared parts directly instead of chaining many files")
    })
}

/// Refuses a merged document with more than [`MAX_VALUES`] values or [`MAX_CATEGORIES`]
/// categories; the diagnostic points at the value that crossed the limit (its file and offset).
pub(crate) fn check_tree(tree: &Node) -> Option<(Diagnostic, usize, usize)> {
    if let Some(Kind::Array(cats)) = tree.get("category").map(|n| &n.kind) {
        if let Some(extra) = cats.get(MAX_CATEGORIES) {
            return Some((
                Diagnostic::error(
                    "limit_categories",
                    format!("the profile has {} categories; at most {MAX_CATEGORIES} are accepted", cats.len()),
                )
                .with_help("group categories under parents the regulation names; a portal's list has tens"),
                extra.origin.file,
                extra.origin.key,
            ));
        }
    }
    let mut count = 0usize;
    let mut stack = vec![tree];
    while let Some(node) = stack.pop() {
        count += 1;
        if count > MAX_VALUES {
            return Some((
                Diagnostic::error("limit_values", format!("the profile has more than {MAX_VALUES} values"))
                    .with_help("a regulation needs a few hundred values; remove generated or repeated entries"),
                node.origin.file,
                node.origin.value,
            ));
        }
        match &node.kind {
            Kind::Table(entries) => stack.extend(entries.iter().map(|(_, n)| n)),
            Kind::Array(items) => stack.extend(items.iter()),
            Kind::Leaf(_) => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::diagnostic::Diagnostic;
    use crate::profile::{lint, Profile};
    use crate::Error;

    use super::*;

    const BASE: &str = "extends = \"essentuki\"\nid = \"x\"\n";

    fn refused(source: &str, code: &str) -> Diagnostic {
        let diags = lint(source, "big.toml");
        let found = diags.iter().find(|d| d.code == code).cloned();
        let Some(d) = found else { panic!("no `{code}` in {diags:?}") };
        assert!(d.location.as_ref().is_some_and(|l| l.file.ends_with(".toml") && l.line >= 1));
        assert!(d.help.is_some());
        match Profile::from_toml(source, "big.toml") {
            Err(Error::Data(ds)) => assert!(ds.iter().any(|x| x.code == code)),
            other => panic!("load did not refuse: {other:?}"),
        }
        d
    }

    #[test]
    fn a_file_over_the_size_limit_is_refused_at_the_limit() {
        let source = format!("{BASE}# {}\n", "x".repeat(MAX_FILE_BYTES));
        let d = refused(&source, "limit_file_size");
        assert_eq!(d.location.map(|l| l.line), Some(3));
    }

    #[test]
    fn deep_arrays_are_refused_before_parsing() {
        let source = format!("{BASE}a = {}1{}\n", "[".repeat(200_000), "]".repeat(200_000));
        let d = refused(&source, "limit_nesting");
        assert_eq!(d.location.map(|l| (l.line, l.column)), Some((3, 5 + MAX_NESTING)));
    }

    #[test]
    fn deep_inline_tables_and_dotted_keys_are_refused() {
        refused(&format!("{BASE}a = {}{}\n", "{ b = ".repeat(5_000), "}".repeat(5_000)), "limit_nesting");
        refused(&format!("{BASE}{} = 1\n", vec!["k"; 50_000].join(".")), "limit_nesting");
    }

    #[test]
    fn nesting_in_strings_and_comments_does_not_count() {
        let deep = "[".repeat(100);
        assert_eq!(nesting_crossed(&format!("a = \"{deep}\"\nb = '{deep}'\n# {deep}\nc = \"\"\"\n{deep}\n\"\"\"\n")), None);
        assert_eq!(nesting_crossed(&format!("a = '''{deep}'''\nb = \"\\\"{deep}\"")), None);
        // The built-in profiles are far inside every limit.
        for name in ["essentuki", "kislovodsk", "mikhailovka", "mamadysh", "tynda", "smart-city", "pos"] {
            let source = crate::profile::builtin::source(name).unwrap_or_default();
            assert!(check_source(source).is_none(), "{name}");
        }
    }

    #[test]
    fn too_many_values_are_refused() {
        let source = format!("{BASE}[municipality]\nextra = [{}]\n", vec!["1"; MAX_VALUES].join(","));
        refused(&source, "limit_values");
    }

    #[test]
    fn too_many_categories_are_refused_at_the_first_extra() {
        let mut source = BASE.to_string();
        for i in 0..=MAX_CATEGORIES {
            source.push_str(&format!("[[category]]\nid = \"c{i}\"\nparent = \"all\"\n"));
        }
        let d = refused(&source, "limit_categories");
        // The base's one category (`all`) counts too: the file's 500th is the merged 501st.
        assert_eq!(d.location.map(|l| l.line), Some(3 + 3 * (MAX_CATEGORIES - 1)));
    }

    #[test]
    fn a_long_extends_chain_is_refused_a_short_one_loads() {
        let files: Vec<(String, String)> = (0..12)
            .map(|i| (format!("b{i}"), format!("id = \"b{i}\"\nextends = \"b{}\"\nabstract = true\n", i + 1)))
            .chain(std::iter::once(("b12".to_string(), "id = \"b12\"\nextends = \"essentuki\"\nabstract = true\n".to_string())))
            .collect();
        let resolver = |name: &str| files.iter().find(|(n, _)| n == name).map(|(n, s)| (format!("{n}.toml"), s.clone()));
        let deep = crate::profile::lint_with("id = \"top\"\nextends = \"b0\"\n", "top.toml", &resolver);
        assert!(deep.iter().any(|d| d.code == "limit_extends_depth" && d.location.is_some()), "{deep:?}");
        let short = crate::profile::lint_with("id = \"top\"\nextends = \"b10\"\n", "top.toml", &resolver);
        assert!(!short.iter().any(|d| d.code.starts_with("limit_")), "{short:?}");
    }
}
