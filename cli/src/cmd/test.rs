//! `reglament test PATH...`: runs conformance case files against the core.
//!
//! A path is a case file (`.json`), a profile file (`.toml`, which every case may then name by
//! id), or a folder holding either. A case may also name a profile file relative to its case
//! file, or the id of a profile in a folder its file lists under `profiles`.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reglament::conformance::{CaseFile, Difference, ProfileSource, Runner};
use reglament::Error;
use serde_json::{json, Value};

/// Arguments of `reglament test`.
#[derive(clap::Args)]
pub struct Args {
    /// Case files (`.json`), profile files (`.toml`) the cases may name by id, or folders
    /// holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print every case, not only failures.
    #[arg(long, short)]
    verbose: bool,
    /// Print one JSON object `{passed, failed, cases: [...]}` for CI.
    #[arg(long)]
    json: bool,
}

/// The case files and profile files under the given paths, each list sorted per folder.
pub fn collect(paths: &[PathBuf]) -> Result<(Vec<PathBuf>, Vec<PathBuf>), Error> {
    let (mut cases, mut profiles) = (Vec::new(), Vec::new());
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| Error::input("path", format!("{}: {e}", p.display())))?;
            let mut inner: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
            inner.sort();
            cases.extend(inner.iter().filter(|f| f.extension().is_some_and(|x| x == "json")).cloned());
            profiles.extend(inner.iter().filter(|f| f.extension().is_some_and(|x| x == "toml")).cloned());
        } else if p.extension().is_some_and(|x| x == "toml") {
            profiles.push(p.clone());
        } else {
            cases.push(p.clone());
        }
    }
    if cases.is_empty() {
        return Err(Error::input(
            "paths",
            "no case file given: name a case file (.json) or a folder holding one; a profile file (.toml) \
             only gives the cases a profile to name (docs/conformance.md)",
        ));
    }
    Ok((cases, profiles))
}

fn load(path: &Path) -> Result<CaseFile, Error> {
    CaseFile::from_json(&crate::profiles::read_text(path, "path")?, &path.display().to_string())
}

/// A value shortened to one line of at most `max` characters.
fn short(value: &Value, max: usize) -> String {
    let text = value.to_string();
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    format!("{cut}…")
}

/// The lines of a short diff: the path, then `- expected` and `+ actual`.
fn diff_lines(out: &mut String, d: &Difference) {
    say!(out, "  {}{}", d.path, if d.note.is_empty() || d.note.starts_with("unexpected") { String::new() } else { format!(" ({})", d.note) });
    if d.note.starts_with("unexpected error") {
        for e in d.actual.as_array().into_iter().flatten() {
            let field = e.get("path").and_then(Value::as_str).map(|p| format!(" at `{p}`")).unwrap_or_default();
            say!(out, "    unexpected error[{}]{field}: {}", e["code"].as_str().unwrap_or("?"), short(&e["message"], 300));
        }
        return;
    }
    say!(out, "    - expected {}", short(&d.expected, 160));
    say!(out, "    + actual   {}", if d.actual.is_null() && d.note.contains("missing") { "(missing)".to_string() } else { short(&d.actual, 160) });
}

/// Runs the subcommand; exit 1 on any failure.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let (case_files, profile_files) = collect(&args.paths)?;
    let mut extra: Vec<ProfileSource> = Vec::new();
    for file in &profile_files {
        let name = reglament::conformance::profile_id(&file.display().to_string()).to_string();
        crate::profiles::push(&mut extra, name, file)?;
        crate::profiles::read_folder(&crate::profiles::folder_of(file), &mut extra)?;
    }
    let mut runner = Runner::default();
    let (mut passed, mut failed) = (0usize, 0usize);
    let mut report = Vec::new();
    for file in &case_files {
        let cases = load(file)?;
        let mut profiles = crate::profiles::for_case_file(file, &cases.profile_paths())?;
        for p in &extra {
            if !profiles.iter().any(|q| q.name == p.name) {
                profiles.push(p.clone());
            }
        }
        let outcomes = runner.run_file(&cases, profiles);
        for (case, outcome) in cases.cases.iter().zip(&outcomes) {
            if outcome.passed {
                passed += 1;
            } else {
                failed += 1;
            }
            if args.json {
                report.push(json!({
                    "file": file.display().to_string(), "name": case.name, "op": case.op, "profile": case.profile,
                    "passed": outcome.passed, "differences": outcome.differences,
                }));
            } else if outcome.passed {
                if args.verbose {
                    say!(out, "ok   {}: {}", file.display(), case.name);
                }
            } else {
                say!(out, "FAIL {}: {}", file.display(), case.name);
                say!(out, "  op: {} {}", case.op, case.profile.as_deref().unwrap_or(""));
                if let Some(clause) = &case.clause {
                    say!(out, "  clause: {clause}");
                }
                for d in &outcome.differences {
                    diff_lines(out, d);
                }
            }
        }
    }
    if args.json {
        say!(out, "{}", crate::output::to_json(&json!({"passed": passed, "failed": failed, "cases": report}))?);
    } else {
        say!(out, "{passed} passed, {failed} failed");
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
