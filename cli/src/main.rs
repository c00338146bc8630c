//! `reglament`: the command line for people and rule authors.
//!
//! It prints calendars and deadlines, checks messages against a profile, lints profile files
//! and runs conformance case files. It holds no rules of its own: every answer comes from the
//! `reglament` core, so the command line and the bindings cannot disagree.

#[macro_use]
mod output;
mod cmd;
mod profiles;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Regulation logic of Russian citizen-feedback portals.
#[derive(Parser)]
#[command(name = "reglament", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the days of a production calendar that differ from a plain Monday–Friday week.
    Calendar(cmd::calendar::Args),
    /// Resolve one term from a start instant and explain it.
    Deadline(cmd::deadline::Args),
    /// Check a message against a profile: findings, route and plan.
    Check(cmd::check::Args),
    /// Lint profile files like a compiler: file, line, column and help for every problem.
    Lint(cmd::lint::Args),
    /// Run conformance case files; ends with `N passed, M failed`.
    Test(cmd::test::Args),
    /// Replay a message's event log: the story, every running term and what the platform owes.
    Replay(cmd::replay::Args),
    /// The control report: every term overdue at an instant across a batch of messages.
    Control(cmd::control::Args),
    /// Pack profile files as the browser module's data (profiles/<id>.bin, layers, index.json).
    Pack(cmd::pack::Args),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = String::new();
    let result = match cli.command {
        Command::Calendar(args) => cmd::calendar::run(&args, &mut out),
        Command::Deadline(args) => cmd::deadline::run(&args, &mut out),
        Command::Check(args) => cmd::check::run(&args, &mut out),
        Command::Lint(args) => cmd::lint::run(&args, &mut out),
        Command::Test(args) => cmd::test::run(&args, &mut out),
        Command::Replay(args) => cmd::replay::run(&args, &mut out),
        Command::Control(args) => cmd::control::run(&args, &mut out),
        Command::Pack(args) => cmd::pack::run(&args, &mut out),
    };
    output::write_stdout(&out);
    match result {
        Ok(code) => code,
        Err(err) => {
            output::print_error(&err);
            ExitCode::from(2)
        }
    }
}
