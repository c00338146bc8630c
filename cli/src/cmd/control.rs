//! `reglament control BATCH.json --profile NAME --at INSTANT`: the control report, every term
//! overdue at an instant across a batch of messages (what a curator reads).

use std::process::ExitCode;

use reglament::workflow::BatchItem;
use reglament::Error;

use super::check::Lang;
use crate::profiles::load_rules;

/// Arguments of `reglament control`.
#[derive(clap::Args)]
pub struct Args {
    /// The batch: a JSON array of `{"message": {...}, "events": [...]}` (the log `replay` reads);
    /// `-` reads standard input.
    batch: std::path::PathBuf,
    /// Built-in profile name, or a profile file (`.toml`).
    #[arg(long)]
    profile: String,
    /// The instant to judge at, RFC 3339 (`2026-03-12T10:00:00+03:00`).
    #[arg(long)]
    at: String,
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "ru")]
    lang: Lang,
    /// Print the report as one JSON object.
    #[arg(long)]
    json: bool,
}


/// Runs the subcommand; exit 1 when a term is overdue, so a scheduled job can alert on it.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let rules = load_rules(&args.profile)?;
    let batch: Vec<BatchItem> = reglament::input::from_str(&crate::profiles::read_input(&args.batch, "batch")?, "batch")?;
    let now = reglament::term::parse_instant(&args.at, "--at")?;
    let r = rules.control_report(&batch, now)?;
    let code = if r.overdue.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) };
    if args.json {
        say!(out, "{}", crate::output::to_json(&r)?);
        return Ok(code);
    }
    let ru = args.lang == Lang::Ru;
    let p = rules.profile();
    say!(out, "{}", if ru { &p.municipality.name_ru } else { &p.municipality.name_en });
    if ru {
        say!(out, "Контроль сроков на {}: сообщений {}, с просрочкой {}", r.now.to_rfc3339(), r.messages, r.messages_overdue);
    } else {
        say!(out, "Terms overdue at {}: {} messages, {} with an overdue term", r.now.to_rfc3339(), r.messages, r.messages_overdue);
    }
    for t in &r.overdue {
        let id = t.message_id.clone().unwrap_or_else(|| format!("#{}", t.index));
        let days = t.overdue_working_days.unwrap_or(0);
        let state = if ru { t.state.ru() } else { t.state.name() };
        let org = t.organisation.as_deref().map(|o| format!(", {o}")).unwrap_or_default();
        if ru {
            say!(out, "  {id}: {} до {} — просрочен на {days} раб. дн. [{state}{org}] ({})", t.term, t.due.to_rfc3339(), t.clause);
        } else {
            say!(out, "  {id}: {} due {} — overdue by {days} working days [{state}{org}] ({})", t.term, t.due.to_rfc3339(), t.clause);
        }
    }
    Ok(code)
}
