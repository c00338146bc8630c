//! `reglament lint FILE...`: a rule author's compiler for profile files.

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
}

/// Runs the subcommand: exit 0 when every file is clean of errors, 1 otherwise.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let mut all = Vec::new();
    let mut failed = false;
    for path in &args.files {
        let name = path.display().to_string();
        let source = std::fs::read_to_string(path).map_err(|e| Error::input("file", format!("{name}: {e}")))?;
        let dir = path.parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        let resolver = |name: &str| super::read_beside(&dir, name);
        let diags = reglament::profile::lint_with(&source, &name, &resolver);
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
