//! Reading a rule author's profile files: the I/O the core leaves to its callers.
//!
//! `lint`, `check`, `replay` and `test` read a profile file the same way, so a file that lints
//! also loads: `extends` names a built-in profile or a `NAME.toml` beside the file, and a calendar
//! layer file is read relative to the profile.

use std::path::{Path, PathBuf};

use reglament::conformance::ProfileSource;
use reglament::Error;

/// Reads a text file; the error names the file.
pub fn read_text(path: &Path, field: &str) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| Error::input(field, format!("{}: {e}", path.display())))
}

/// Reads a command's input document: a file, or standard input for `-` (so a portal's job can
/// pipe it); the error names the input as `field`.
pub fn read_input(path: &Path, field: &str) -> Result<String, Error> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| Error::input(field, e.to_string()))?;
        return Ok(s);
    }
    read_text(path, field)
}

/// Reads a file a profile names, relative to the profile's folder, as `(file name, source)`: a
/// base it `extends` (the name without `.toml`, `my-base` reads `my-base.toml`) or a calendar
/// layer file (the name as written, `./local-days.toml`). `None` when there is no such file, so
/// `extends` falls back to the built-in profiles and lint reports a missing layer at its line.
pub fn sibling(dir: &Path, name: &str) -> Option<(String, String)> {
    let candidate = if name.ends_with(".toml") { dir.join(name) } else { dir.join(format!("{name}.toml")) };
    std::fs::read_to_string(&candidate).ok().map(|s| (candidate.display().to_string(), s))
}

/// The folder a file's siblings live in (`.` for a bare file name).
pub fn folder_of(path: &Path) -> PathBuf {
    path.parent().filter(|p| !p.as_os_str().is_empty()).map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Whether a `--profile` value is a file rather than a built-in id.
pub fn is_file(profile: &str) -> bool {
    reglament::conformance::is_profile_path(profile)
}

/// Loads a built-in profile by id, or a profile file by path (its `extends` may name a sibling).
pub fn load_rules(profile: &str) -> Result<reglament::Rules, Error> {
    if !is_file(profile) {
        return reglament::Rules::builtin(profile);
    }
    let path = Path::new(profile);
    let source = read_text(path, "profile")?;
    let dir = folder_of(path);
    let resolver = |base: &str| sibling(&dir, base);
    reglament::Rules::from_toml_with(&source, profile, &resolver)
}

/// The `*.toml` files of a folder, sorted.
pub fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Error> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::input("path", format!("{}: {e}", dir.display())))?;
    let mut files: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|f| f.extension().is_some_and(|x| x == "toml")).collect();
    files.sort();
    Ok(files)
}

/// Reads a folder's profiles, each known by its id (`my-town`).
pub fn read_folder(dir: &Path, out: &mut Vec<ProfileSource>) -> Result<(), Error> {
    for file in toml_files(dir)? {
        let name = reglament::conformance::profile_id(&file.display().to_string()).to_string();
        push(out, name, &file)?;
    }
    Ok(())
}

/// Reads one profile file under `name` (how cases name it).
pub fn push(out: &mut Vec<ProfileSource>, name: String, file: &Path) -> Result<(), Error> {
    if out.iter().any(|p| p.name == name) {
        return Ok(());
    }
    let source = read_text(file, "profile")?;
    out.push(ProfileSource { name, file_name: file.display().to_string(), source });
    Ok(())
}

/// What a case file's cases may name: each path of `profile_paths` (relative to the case file)
/// and the other profiles in its folder, so that `extends` finds a sibling as `lint` does.
pub fn for_case_file(case_file: &Path, paths: &[String]) -> Result<Vec<ProfileSource>, Error> {
    let base = folder_of(case_file);
    let mut out = Vec::new();
    for rel in paths {
        let full = base.join(rel);
        if full.is_dir() {
            read_folder(&full, &mut out)?;
        } else {
            push(&mut out, rel.clone(), &full)?;
            read_folder(&folder_of(&full), &mut out)?;
        }
    }
    Ok(out)
}
