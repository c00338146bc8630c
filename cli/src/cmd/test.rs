//! `reglament test PATH...`: runs conformance case files against the core.
//!
//! A path is a case file (`.json`), a profile file (`.toml`, which every case may then name by
//! id), or a folder holding either. A case may also name a profile file relative to its case
//! file, or the id of a profile in a folder its file lists under `profiles`.

use std::path::PathBuf;
use std::process::ExitCode;

use reglament::conformance::{run_case_file, CaseFile, CaseReport, ProfileSource, Runner};
use reglament::Error;
use serde_json::json;

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
    /// Print one JSON object `{passed, failed, cases: [...]}` for CI (the shape of Python's and
    /// Node's `conformance.run`).
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
    let mut reports: Vec<CaseReport> = Vec::new();
    for file in &case_files {
        let name = file.display().to_string();
        let text = crate::profiles::read_text(file, "path")?;
        let cases = CaseFile::from_json(&text, &name)?;
        let mut profiles = crate::profiles::for_case_file(file, &cases.profile_paths())?;
        for p in &extra {
            if !profiles.iter().any(|q| q.name == p.name) {
                profiles.push(p.clone());
            }
        }
        for report in run_case_file(&mut runner, &text, &name, profiles)? {
            if !args.json {
                if report.passed && args.verbose {
                    say!(out, "ok   {}: {}", report.file, report.name);
                }
                out.push_str(&report.diff_text());
            }
            reports.push(report);
        }
    }
    let failed = reports.iter().filter(|r| !r.passed).count();
    let passed = reports.len() - failed;
    if args.json {
        say!(out, "{}", crate::output::to_json(&json!({"passed": passed, "failed": failed, "cases": reports}))?);
    } else {
        say!(out, "{passed} passed, {failed} failed");
    }
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
