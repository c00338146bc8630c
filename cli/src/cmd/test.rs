//! `reglament test PATH...`: runs conformance case files against the core.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reglament::conformance::{CaseFile, Runner};
use reglament::Error;

/// Arguments of `reglament test`.
#[derive(clap::Args)]
pub struct Args {
    /// Case files (`.json`) or folders holding them.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Print every case, not only failures.
    #[arg(long, short)]
    verbose: bool,
}

/// Case files under the given paths, sorted.
pub fn case_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            let entries = std::fs::read_dir(p).map_err(|e| Error::input("path", format!("{}: {e}", p.display())))?;
            let mut inner: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.extension().is_some_and(|x| x == "json"))
                .collect();
            inner.sort();
            files.extend(inner);
        } else {
            files.push(p.clone());
        }
    }
    Ok(files)
}

fn load(path: &Path) -> Result<CaseFile, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::input("path", format!("{}: {e}", path.display())))?;
    reglament::input::from_str(&text, "").map_err(|e| Error::input(path.display().to_string(), e.to_string()))
}

/// Runs the subcommand; exit 1 on any failure.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let mut runner = Runner::default();
    let (mut passed, mut failed) = (0usize, 0usize);
    for file in case_files(&args.paths)? {
        let cases = load(&file)?;
        for case in &cases.cases {
            let outcome = runner.run(case);
            if outcome.passed {
                passed += 1;
                if args.verbose {
                    say!(out, "ok   {}: {}", file.display(), case.name);
                }
            } else {
                failed += 1;
                say!(out, "FAIL {}: {}", file.display(), case.name);
                say!(out, "  op:       {} {}", case.op, case.profile.as_deref().unwrap_or(""));
                say!(out, "  mismatch: {}", outcome.mismatch.as_deref().unwrap_or("?"));
                if let Some(exp) = case.expect.as_ref().or(case.expect_error.as_ref()) {
                    say!(out, "  expected: {exp}");
                }
                say!(out, "  actual:   {}", crate::output::to_json(&outcome.actual)?);
            }
        }
    }
    say!(out, "{passed} passed, {failed} failed");
    Ok(if failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
