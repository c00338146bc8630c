//! `reglament lint FILE...`: a rule author's compiler for profile files and calendar layers.
//!
//! A calendar layer file (`rules/calendars/*.toml`, or a profile's own `./local-days.toml`) is
//! told from a profile by its `covers` or `[[day]]` and checked as a layer, so the pre-commit hook
//! can hand `lint` every staged `.toml` of a rules folder.

use std::process::ExitCode;

use reglament::diagnostic::Severity;
use reglament::Error;

/// Output format of diagnostics.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ErrorFormat {
    /// Compiler-style text.
    Human,
    /// One JSON array of diagnostics.
    Json,
}

/// Arguments of `reglament lint`.
#[derive(clap::Args)]
pub struct Args {
    /// Profile files (TOML). `extends` may name a built-in profile or a file beside it.
    #[arg(required = true)]
    files: Vec<std::path::PathBuf>,
    /// Diagnostic format.
    #[arg(long, value_enum, default_value = "human")]
    error_format: ErrorFormat,
    /// Lint again whenever a file (or a `.toml` beside it, which `extends` may name) changes;
    /// each round prints what a single run prints. Stop with Ctrl-C.
    #[arg(long)]
    watch: bool,
}

/// How often `--watch` looks at the files' modification times.
const WATCH_INTERVAL: std::time::Duration = std::time::Duration::from_millis(400);

/// The modification times of the files and the profiles beside them.
fn stamps(files: &[std::path::PathBuf]) -> Vec<(std::path::PathBuf, Option<std::time::SystemTime>)> {
    let mut paths: Vec<std::path::PathBuf> = files.to_vec();
    for f in files {
        paths.extend(crate::profiles::toml_files(&crate::profiles::folder_of(f)).unwrap_or_default());
    }
    paths.sort();
    paths.dedup();
    paths.into_iter().map(|p| {
        let modified = std::fs::metadata(&p).and_then(|m| m.modified()).ok();
        (p, modified)
    }).collect()
}

/// Runs the subcommand; with `--watch`, round after round until interrupted.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    if !args.watch {
        return run_once(args, out);
    }
    loop {
        let seen = stamps(&args.files);
        let mut round = String::new();
        match run_once(args, &mut round) {
            Ok(_) => {}
            Err(e) => say!(round, "error[{}]: {e}", e.code()),
        }
        say!(round, "-- watching {} file(s); Ctrl-C to stop", args.files.len());
        crate::output::write_stdout(&round);
        while stamps(&args.files) == seen {
            std::thread::sleep(WATCH_INTERVAL);
        }
    }
}

/// One run: exit 0 when every file is clean of errors, 1 otherwise.
fn run_once(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let mut all = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let source = std::fs::read_to_string(path).map_err(|e| Error::input("file", format!("{name}: {e}")))?;
        let diags = if is_calendar_layer(&source) {
            lint_layer(&source, &name)
        } else {
            let dir = crate::profiles::folder_of(path);
            let resolver = |base: &str| crate::profiles::sibling(&dir, base);
            reglament::profile::lint_with(&source, &name, &resolver)
        };
        failed |= diags.iter().any(|d| d.severity == Severity::Error);
        if matches!(args.error_format, ErrorFormat::Human) {
            if diags.is_empty() {
                say!(out, "{name}: ok");
            }
            for d in &diags {
                say!(out, "{d}");
            }
        }
        all.extend(diags);
    }
    if matches!(args.error_format, ErrorFormat::Json) {
        say!(out, "{}", crate::output::to_json(&all)?);
    }
    Ok(if failed { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Whether a file is a calendar layer rather than a profile: its top level has `covers` (every
/// layer's years) or `[[day]]`, which no profile has. A file that is not TOML is linted as a
/// profile, which reports the syntax error at its position.
fn is_calendar_layer(source: &str) -> bool {
    source.parse::<toml::Table>().is_ok_and(|t| t.contains_key("covers") || t.contains_key("day"))
}

/// A calendar layer's problems, as diagnostics: a syntax error, or every problem of its days.
fn lint_layer(source: &str, name: &str) -> Vec<reglament::diagnostic::Diagnostic> {
    match reglament::calendar::Layer::from_toml(source, name) {
        Ok(_) => Vec::new(),
        Err(Error::Data(diags)) => diags,
        Err(e) => vec![reglament::diagnostic::Diagnostic::error(e.code(), e.to_string())
            .at(reglament::diagnostic::Location { file: name.to_string(), line: 1, column: 1 })
            .with_help("see rules/calendars/README.md for the layer format")],
    }
}
