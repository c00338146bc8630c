//! Lists the built-in rules from `rules/`: the calendar layers (`rules/calendars/*.toml`), the
//! profiles (`rules/profiles/*.toml`) and the detectors' word lists (`rules/lexicons/`). Adding a
//! region, a municipality or a word is a data change: a new file or line is picked up here.
//!
//! Layers: writes `builtin_layers.rs` into `OUT_DIR` with `LAYERS` and the region list
//! (`calendar::REGIONS`), from the same listing so the two cannot drift. The script only lists
//! files (sorted by name, so the output is reproducible); the layers are parsed and checked by the
//! library itself at run time and by the test suite.
//!
//! Profiles: writes `builtin_profiles.rs` into `OUT_DIR`: `FILES` (every file, bases included, by
//! id) and `CONCRETE` (the ids of the files that are not `abstract`, ordered by their regulation's
//! `seed` and then id, the order the lists in messages and bindings show). A file whose `id`
//! differs from its file name fails the build, since `extends` finds a file by its name.
//!
//! Lexicons: the words of `rules/lexicons/medical.txt` become an `fst::Map` in `OUT_DIR`
//! (`medical_lexicon.fst`, word → the roles its section gives or takes away, keys one byte a
//! letter), `obscene.txt` another (`obscene_lexicon.fst`, root → its sections, with the
//! screens' letters in `obscene_lexicon.rs`) and `personal.txt` an `fst` set; the detectors
//! include them as bytes. A malformed file stops the build with its `file:line` and the reason.

use std::fmt::Write as _;
use std::path::Path;

/// The roles of the medical detector, in the order of their bits in the lexicon's values
/// (`core/src/detect/lexicon.rs` checks that its `Role` enum has the same order).
const MEDICAL_ROLES: &[&str] = &[
    "strong", "weak", "anchor", "lie", "hospital", "assign", "treatment", "register", "specialist", "undergo",
    "disabled", "group", "group_number", "recipe", "na", "maybe",
];

/// What a section of `medical.txt` does to a word that matches one of its entries: gives
/// (`true`) or takes away (`false`) some roles; `whole` says the entry must be the whole word
/// (else it is a prefix of the word).
struct Section {
    name: &'static str,
    gives: bool,
    roles: &'static [&'static str],
    whole: bool,
}

/// The sections `medical.txt` must have and what each does.
const MEDICAL_SECTIONS: &[Section] = &[
    Section { name: "strong_prefix", gives: true, roles: &["strong"], whole: false },
    Section { name: "strong_exact", gives: true, roles: &["strong"], whole: true },
    Section { name: "weak_prefix", gives: true, roles: &["weak"], whole: false },
    Section { name: "weak_exact", gives: true, roles: &["weak"], whole: true },
    Section { name: "weak_not", gives: false, roles: &["weak", "disabled"], whole: true },
    Section { name: "anchor", gives: true, roles: &["anchor"], whole: true },
    Section { name: "lie", gives: true, roles: &["lie"], whole: true },
    Section { name: "hospital", gives: true, roles: &["hospital"], whole: false },
    Section { name: "patient", gives: true, roles: &["hospital"], whole: true },
    Section { name: "maybe", gives: true, roles: &["maybe"], whole: true },
    Section { name: "assign", gives: true, roles: &["assign"], whole: false },
    Section { name: "treatment", gives: true, roles: &["treatment"], whole: false },
    Section { name: "register", gives: true, roles: &["register"], whole: true },
    Section { name: "specialist", gives: true, roles: &["specialist"], whole: false },
    Section { name: "not_specialist", gives: false, roles: &["specialist"], whole: false },
    Section { name: "undergo", gives: true, roles: &["undergo"], whole: false },
    Section { name: "group", gives: true, roles: &["group"], whole: true },
    Section { name: "group_number", gives: true, roles: &["group_number"], whole: true },
    Section { name: "disabled", gives: true, roles: &["disabled"], whole: false },
    Section { name: "recipe", gives: true, roles: &["recipe"], whole: false },
    Section { name: "na", gives: true, roles: &["na"], whole: true },
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    println!("cargo::rerun-if-changed=build.rs");
    calendar_layers()?;
    builtin_profiles()?;
    medical_lexicon()?;
    obscene_lexicon()?;
    personal_lexicon()
}

/// Embeds every calendar layer file.
fn calendar_layers() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/calendars");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut ids: Vec<String> = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().and_then(|e| e.to_str()) == Some("toml") {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                println!("cargo::rerun-if-changed={}", path.display());
                ids.push(stem.to_string());
            }
        }
    }
    // `ru` first (the base every region extends), then the regions by code.
    ids.sort_by(|a, b| (a != "ru", a).cmp(&(b != "ru", b)));
    let mut out = String::from("// Generated by core/build.rs from rules/calendars/*.toml.\n\n");
    out.push_str("/// `(id, file name, TOML source)` of every built-in layer; the id is the file's stem.\n");
    out.push_str("pub(crate) const LAYERS: &[(&str, &str, &str)] = &[\n");
    for id in &ids {
        let path = dir.join(format!("{id}.toml"));
        let path = path.canonicalize()?;
        writeln!(out, "    ({id:?}, \"rules/calendars/{id}.toml\", include_str!({:?})),", path.display().to_string())?;
    }
    out.push_str("];\n\n");
    out.push_str("/// Ids of the built-in regions (one per layer file), for error messages and the CLI.\n");
    out.push_str("pub const REGIONS: &[&str] = &[\n");
    for id in &ids {
        writeln!(out, "    {id:?},")?;
    }
    out.push_str("];\n\n");
    out.push_str("/// `(id, name_ru)` of every built-in layer: the Russian name of its region, as the layer\n");
    out.push_str("/// file's `name_ru` gives it, so a profile's `region_ru` finds its region's layer.\n");
    out.push_str("pub const REGION_NAMES: &[(&str, &str)] = &[\n");
    for id in &ids {
        let text = std::fs::read_to_string(dir.join(format!("{id}.toml")))?;
        let name = text
            .lines()
            .find_map(|l| l.trim().strip_prefix("name_ru").map(str::trim).and_then(|r| r.strip_prefix('=')))
            .map(|r| r.trim().trim_matches('"').to_string())
            .unwrap_or_default();
        writeln!(out, "    ({id:?}, {name:?}),")?;
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR")?).join("builtin_layers.rs");
    std::fs::write(target, out)?;
    Ok(())
}

/// Embeds every profile file.
fn builtin_profiles() -> Result<(), Box<dyn std::error::Error>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/profiles");
    println!("cargo::rerun-if-changed={}", dir.display());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&dir)? {
        let path = entry?.path();
        if path.extension().is_none_or(|x| x != "toml") {
            continue;
        }
        println!("cargo::rerun-if-changed={}", path.display());
        let stem = path.file_stem().and_then(|s| s.to_str()).ok_or("profile file name is not UTF-8")?.to_string();
        let table: toml::Table = std::fs::read_to_string(&path)?.parse().map_err(|e| format!("{}: {e}", path.display()))?;
        let id = table.get("id").and_then(toml::Value::as_str).unwrap_or_default();
        if id != stem {
            return Err(format!("{}: `id = \"{id}\"` must equal the file name `{stem}`", path.display()).into());
        }
        let is_abstract = table.get("abstract").and_then(toml::Value::as_bool).unwrap_or(false);
        let seed = table
            .get("regulation")
            .and_then(|r| r.get("seed"))
            .and_then(toml::Value::as_str)
            .unwrap_or("~")
            .to_string();
        let absolute = path.canonicalize()?.display().to_string();
        files.push((is_abstract, seed, stem, absolute));
    }
    // Bases first, then the concrete profiles in seed order.
    files.sort_by(|a, b| (!a.0, &a.1, &a.2).cmp(&(!b.0, &b.1, &b.2)));
    let mut out = String::from("// Generated by core/build.rs from rules/profiles/*.toml.\n\n");
    out.push_str("/// Every embedded file: `(id, source)`, bases first.\nconst FILES: &[(&str, &str)] = &[\n");
    for (_, _, id, path) in &files {
        writeln!(out, "    ({id:?}, include_str!({path:?})),")?;
    }
    out.push_str("];\n\n/// The concrete built-in profiles, in seed order.\npub(crate) const CONCRETE: &[&str] = &[\n");
    for (_, _, id, _) in files.iter().filter(|f| !f.0) {
        writeln!(out, "    {id:?},")?;
    }
    out.push_str("];\n");
    let target = Path::new(&std::env::var("OUT_DIR")?).join("builtin_profiles.rs");
    std::fs::write(target, out)?;
    Ok(())
}

/// Compiles the medical word list into an `fst::Map` (`medical_lexicon.fst`) whose value for
/// each entry holds the roles it gives or takes away (see `lexicon_value`), and the role names
/// in bit order (`medical_lexicon.rs`).
fn medical_lexicon() -> Result<(), Box<dyn std::error::Error>> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/lexicons/medical.txt");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let names: Vec<&str> = MEDICAL_SECTIONS.iter().map(|s| s.name).collect();
    let lists = sections(&text, &names, &[]).map_err(|(line, why)| format!("{}:{line}: {why}", source.display()))?;
    // Keys one byte a letter (`а`..`я` as 0xE0..0xFF, the order of Windows-1251; ASCII as
    // itself), as `lexicon.rs` codes a word before the walk.
    let mut entries: std::collections::BTreeMap<Vec<u8>, u64> = std::collections::BTreeMap::new();
    for (section, words) in MEDICAL_SECTIONS.iter().zip(&lists) {
        let value = lexicon_value(section)?;
        for word in words {
            let key: Vec<u8> = word
                .chars()
                .map(|c| if c.is_ascii() { c as u8 } else { 0xE0 + (c as u32 - 'а' as u32) as u8 })
                .collect();
            *entries.entry(key).or_default() |= value;
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR")?).to_path_buf();
    let mut build = fst::MapBuilder::memory();
    for (word, value) in &entries {
        build.insert(word, *value)?;
    }
    std::fs::write(out.join("medical_lexicon.fst"), build.into_inner()?)?;
    let mut code = String::from("// Generated by core/build.rs from rules/lexicons/medical.txt.\n");
    writeln!(code, "/// The roles' names in the order of their bits in the lexicon's values.\n#[cfg(test)]")?;
    writeln!(code, "const ROLE_NAMES: [&str; {}] = {MEDICAL_ROLES:?};", MEDICAL_ROLES.len())?;
    std::fs::write(out.join("medical_lexicon.rs"), code)?;
    Ok(())
}

/// The value of an entry of `section`: four 16-bit role sets, lowest first: given by a prefix,
/// given by the whole word, taken away by a prefix, taken away by the whole word.
fn lexicon_value(section: &Section) -> Result<u64, String> {
    let mut bits = 0u64;
    for role in section.roles {
        let bit = MEDICAL_ROLES.iter().position(|r| r == role).ok_or(format!("unknown role {role}"))?;
        bits |= 1 << bit;
    }
    let shift = match (section.gives, section.whole) {
        (true, false) => 0,
        (true, true) => 16,
        (false, false) => 32,
        (false, true) => 48,
    };
    Ok(bits << shift)
}

/// The words of each section of a lexicon file, in the order of `names`, or the line and
/// reason of its first error.
fn sections(text: &str, names: &[&str], pairs: &[&str]) -> Result<Vec<Vec<String>>, (usize, String)> {
    // The indices (in `lists`, as they are met) of the sections whose lines are pairs.
    let mut pairs_at: Vec<usize> = Vec::new();
    let mut lists: Vec<(String, Vec<String>)> = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.split('#').next().unwrap_or("").trim();
        if line.is_empty() {
            continue;
        }
        if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            if !names.contains(&name) {
                return Err((line_no, format!("unknown section [{name}]; known: {names:?}")));
            }
            if lists.iter().any(|(s, _)| s == name) {
                return Err((line_no, format!("section [{name}] appears twice")));
            }
            if pairs.contains(&name) {
                pairs_at.push(lists.len());
            }
            lists.push((name.to_string(), Vec::new()));
            continue;
        }
        let pair = pairs_at.contains(&lists.len().saturating_sub(1));
        let Some((_, words)) = lists.last_mut() else {
            return Err((line_no, "a word before the first [section]".into()));
        };
        let ok = line.split(' ').all(|w| {
            !w.is_empty() && w.chars().all(|c| c.is_ascii_digit() || c.is_ascii_lowercase() || ('а'..='я').contains(&c))
        });
        if !ok || line.split(' ').count() > 1 + usize::from(pair) {
            return Err((
                line_no,
                format!("«{line}»: one word a line (two in a pair section), lowercase letters а-я (ё as е), a-z or digits"),
            ));
        }
        words.push(line.to_string());
    }
    names
        .iter()
        .map(|name| match lists.iter_mut().find(|(s, _)| s == name) {
            Some((_, words)) => Ok(std::mem::take(words)),
            None => Err((0, format!("section [{name}] is missing"))),
        })
        .collect()
}

/// The sections of `obscene.txt`, in the order of their bits in the map's values
/// (`core/src/detect/obscenity.rs` names them by the constants written for them).
const OBSCENE_SECTIONS: &[&str] = &[
    "anywhere",
    "start",
    "whole",
    "after_vowel",
    "hu",
    "prefix",
    "not_start",
    "not_whole",
    "latin_anywhere",
    "latin_start",
    "latin_hu",
    "latin_prefix",
    "latin_after_prefix",
];

/// Compiles the obscene roots into an `fst::Map` (`obscene_lexicon.fst`: entry → the bits of
/// its sections) and `obscene_lexicon.rs`: a constant per section bit, the `not_after` pairs,
/// and the screens the walk applies before the map (the first two letters of every Cyrillic
/// root, the first three, and those a word must start with), all from the same file.
fn obscene_lexicon() -> Result<(), Box<dyn std::error::Error>> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/lexicons/obscene.txt");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let mut names: Vec<&str> = OBSCENE_SECTIONS.to_vec();
    names.push("not_after");
    let lists = sections(&text, &names, &["not_after"]).map_err(|(line, why)| format!("{}:{line}: {why}", source.display()))?;
    let mut entries: std::collections::BTreeMap<String, u64> = std::collections::BTreeMap::new();
    for (bit, words) in lists.iter().take(OBSCENE_SECTIONS.len()).enumerate() {
        for word in words {
            let cyrillic = word.chars().all(|c| ('а'..='я').contains(&c));
            let latin = OBSCENE_SECTIONS.get(bit).is_some_and(|s| s.starts_with("latin_"));
            if cyrillic == latin {
                return Err(format!("{}: «{word}»: Cyrillic roots in the Cyrillic sections, Latin in latin_*", source.display()).into());
            }
            *entries.entry(word.clone()).or_default() |= 1u64 << bit;
        }
    }
    let out = Path::new(&std::env::var("OUT_DIR")?).to_path_buf();
    let mut build = fst::MapBuilder::memory();
    for (word, value) in &entries {
        build.insert(word, *value)?;
    }
    std::fs::write(out.join("obscene_lexicon.fst"), build.into_inner()?)?;

    let section = |name: &str| names.iter().position(|n| *n == name).and_then(|i| lists.get(i)).cloned().unwrap_or_default();
    // The screens: every root of the sections that find a root (not the prefixes and
    // exceptions) gives its first two letters (a filter pair) and first three (a trigger); a
    // root at the start gives the letters a word must start with; `after_vowel` roots give a
    // trigger after each vowel, `ъ` and `ь`. `и` and `л` may be written as the wildcard.
    const WILD: char = '\u{1}';
    let wild = |c: char| if c == 'и' || c == 'л' { vec![c, WILD] } else { vec![c] };
    let mut pairs: std::collections::BTreeSet<(char, char)> = Default::default();
    let mut triggers: std::collections::BTreeSet<(char, char, char)> = Default::default();
    let mut starts: std::collections::BTreeSet<String> = Default::default();
    for name in ["anywhere", "start", "whole", "after_vowel", "hu"] {
        for word in section(name) {
            let c: Vec<char> = word.chars().collect();
            let (Some(&a), Some(&b)) = (c.first(), c.get(1)) else {
                return Err(format!("{}: «{word}»: a root has two letters or more", source.display()).into());
            };
            for second in wild(b) {
                pairs.insert((a, second));
            }
            if let Some(&t) = c.get(2) {
                for (second, third) in wild(b).into_iter().flat_map(|x| wild(t).into_iter().map(move |y| (x, y))) {
                    triggers.insert((a, second, third));
                }
            }
            if matches!(name, "start" | "whole" | "after_vowel") {
                starts.insert(c.iter().take(3).collect());
            }
            if name == "after_vowel" {
                for v in "аеиоуыэюяъь".chars().chain([WILD]) {
                    triggers.insert((v, a, b));
                }
            }
        }
    }
    let index = |c: char| (c as u32).wrapping_sub('а' as u32);
    let mut code = String::from("// Generated by core/build.rs from rules/lexicons/obscene.txt.\n");
    for (bit, name) in OBSCENE_SECTIONS.iter().enumerate() {
        writeln!(code, "/// Entries of `[{name}]` (rules/lexicons/obscene.txt).\npub(super) const {}: u64 = 1 << {bit};", name.to_uppercase())?;
    }
    let not_after: Vec<(String, String)> = section("not_after")
        .iter()
        .map(|l| {
            let mut w = l.split(' ');
            (w.next().unwrap_or("").to_string(), w.next().unwrap_or("").to_string())
        })
        .collect();
    writeln!(code, "/// `(root, before)`: a root entry starting with `root` does not count after `before`.")?;
    writeln!(code, "const NOT_AFTER: &[(&str, &str)] = &{not_after:?};")?;
    writeln!(code, "/// The first two letters of every root (filter pairs), `и`/`л` also as the wildcard.")?;
    writeln!(code, "const FILTER_PAIRS: &[(char, char)] = &{:?};", pairs.iter().collect::<Vec<_>>())?;
    writeln!(code, "/// The first three letters of every root (triggers), `и`/`л` also as the wildcard.")?;
    writeln!(code, "const TRIGGERS: &[(char, char, char)] = &{:?};", triggers.iter().collect::<Vec<_>>())?;
    let idx: Vec<[u32; 3]> = triggers
        .iter()
        .filter(|(a, b, c)| [*a, *b, *c].iter().all(|&x| index(x) < 32))
        .map(|(a, b, c)| [index(*a), index(*b), index(*c)])
        .collect();
    writeln!(code, "/// [`TRIGGERS`] of `а`..`я` letters as their indices.")?;
    writeln!(code, "const TRIGGER_INDICES: &[[u8; 3]] = &{idx:?};")?;
    writeln!(code, "/// The first (up to three) letters of every root found at a word's start.")?;
    writeln!(code, "const STARTS: &[&str] = &{:?};", starts.iter().collect::<Vec<_>>())?;
    let start_idx: Vec<Vec<u32>> = starts.iter().map(|s| s.chars().map(index).collect()).collect();
    writeln!(code, "/// [`STARTS`] as `а`..`я` indices.")?;
    let start_idx: Vec<String> = start_idx.iter().map(|s| format!("&{s:?}")).collect();
    writeln!(code, "const START_INDICES: &[&[u8]] = &[{}];", start_idx.join(", "))?;
    std::fs::write(out.join("obscene_lexicon.rs"), code)?;
    Ok(())
}

/// Compiles the organisation and request markers of `rules/lexicons/personal.txt` into an
/// `fst` set (`personal_lexicon.fst`).
fn personal_lexicon() -> Result<(), Box<dyn std::error::Error>> {
    let source = Path::new(env!("CARGO_MANIFEST_DIR")).join("../rules/lexicons/personal.txt");
    println!("cargo::rerun-if-changed={}", source.display());
    let text = std::fs::read_to_string(&source).map_err(|e| format!("{}: {e}", source.display()))?;
    let lists = sections(&text, &["organisation"], &[]).map_err(|(line, why)| format!("{}:{line}: {why}", source.display()))?;
    let words: std::collections::BTreeSet<&String> = lists.iter().flatten().collect();
    let mut build = fst::SetBuilder::memory();
    for word in words {
        build.insert(word)?;
    }
    std::fs::write(Path::new(&std::env::var("OUT_DIR")?).join("personal_lexicon.fst"), build.into_inner()?)?;
    Ok(())
}
