//! `reglament replay LOG.json --profile NAME --at INSTANT`: a message's story, terms and effects.

use std::process::ExitCode;

use reglament::workflow::{EffectStatus, TermStatus};
use reglament::{Error, Message, WorkflowEvent};
use serde::Deserialize;

use super::check::Lang;
use crate::profiles::load_rules;

/// Arguments of `reglament replay`.
#[derive(clap::Args)]
pub struct Args {
    /// The log: `{"message": {...}, "events": [...]}` (docs/workflow.md); `-` reads standard input.
    log: std::path::PathBuf,
    /// Built-in profile id, or a profile file (`./my-town.toml`); its `extends` may name a file
    /// beside it.
    #[arg(long)]
    profile: String,
    /// The instant to judge at, RFC 3339 (`2026-03-12T10:00:00+03:00`).
    #[arg(long)]
    at: String,
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "ru")]
    lang: Lang,
    /// Print the replay as one JSON object.
    #[arg(long)]
    json: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Log {
    message: serde_json::Value,
    #[serde(default)]
    events: Vec<serde_json::Value>,
}


/// Runs the subcommand; exit 1 when an event was refused.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let rules = load_rules(&args.profile)?;
    let log: Log = reglament::input::from_str(&crate::profiles::read_input(&args.log, "log")?, "")?;
    let message: Message = reglament::input::from_value(&log.message, "message")?;
    let events = log
        .events
        .iter()
        .enumerate()
        .map(|(i, v)| reglament::input::from_value::<WorkflowEvent>(v, &format!("events[{i}]")))
        .collect::<Result<Vec<_>, _>>()?;
    let now = reglament::term::parse_instant(&args.at, "--at")?;
    let r = rules.replay(&message, &events, now)?;
    if args.json {
        say!(out, "{}", crate::output::to_json(&r)?);
        return Ok(if r.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) });
    }
    let ru = args.lang == Lang::Ru;
    let t = |a: &'static str, b: &'static str| if ru { a } else { b };
    let p = rules.profile();
    say!(out, "{}", super::check::header(p, ru));
    say!(out, "{} {}", t("Момент оценки:", "Judged at:"), r.now.to_rfc3339());
    say!(out);
    say!(out, "{}", t("История:", "Story:"));
    say!(out, "  {}  {}", message.sent_at.to_rfc3339(), t("сообщение направлено", "message sent"));
    let mut refused = r.refused.iter().peekable();
    for step in &r.story {
        while let Some(x) = refused.next_if(|x| x.index < step.index) {
            print_refused(out, x, ru);
        }
        say!(out, 
            "  {}  #{} {} ({}): {} -> {}",
            step.at.to_rfc3339(),
            step.index,
            step.action.name(),
            step.actor,
            step.from.name(),
            step.to.name()
        );
    }
    for x in refused {
        print_refused(out, x, ru);
    }
    say!(out);
    let state = if ru { r.state.ru() } else { r.state.name() };
    say!(out, "{} {state}{}", t("Состояние:", "State:"), if r.is_final { t(" (итоговое)", " (final)") } else { "" });
    let c = &r.counters;
    say!(out, 
        "{} {} {}, {} {}, {} {} ({} {})",
        t("Счетчики:", "Counters:"),
        t("доработок", "reworks"),
        c.reworks,
        t("отложений", "postponements"),
        c.postponements,
        t("голосов", "votes"),
        c.votes,
        t("в окне", "in the window"),
        c.votes_in_window
    );
    if c.extensions > 0 || c.planned_date_extensions > 0 {
        say!(
            out,
            "  {} {}, {} {}",
            t("продлений срока", "extensions of the term"),
            c.extensions,
            t("переносов планируемой даты", "moves of the planned date"),
            c.planned_date_extensions
        );
    }
    say!(out);
    say!(out, "{}", t("Кто что может сейчас:", "Who may do what now:"));
    for ra in &r.allowed {
        let names: Vec<&str> = ra.actions.iter().map(|a| a.name()).collect();
        say!(out, "  {}: {}", ra.role.name(), names.join(", "));
    }
    say!(out);
    say!(out, "{}", t("Сроки:", "Terms:"));
    if r.terms.is_empty() {
        say!(out, "  {}", t("нет текущих сроков", "no running terms"));
    }
    for term in &r.terms {
        let status = match (term.status, ru) {
            (TermStatus::OnTime, true) => "в срок".to_string(),
            (TermStatus::OnTime, false) => "on time".to_string(),
            (TermStatus::DueToday, true) => "истекает сегодня".to_string(),
            (TermStatus::DueToday, false) => "due today".to_string(),
            (TermStatus::Overdue, true) => format!("просрочен на {} раб. дн.", term.overdue_working_days.unwrap_or(0)),
            (TermStatus::Overdue, false) => format!("overdue by {} working days", term.overdue_working_days.unwrap_or(0)),
            (TermStatus::Open, true) => "открыто".to_string(),
            (TermStatus::Open, false) => "open".to_string(),
            (TermStatus::Closed, true) => "закрыто".to_string(),
            (TermStatus::Closed, false) => "closed".to_string(),
        };
        let extended = match (term.extensions, ru) {
            (0, _) => String::new(),
            (n, true) => format!(", продлён {n} раз(а)"),
            (n, false) => format!(", extended {n} time(s)"),
        };
        say!(out, "  {}: {} [{status}{extended}] ({})", term.name, term.due.to_rfc3339(), term.clause);
        if let Some(e) = &term.explanation {
            for s in e.steps() {
                say!(out, "    - {}", if ru { &s.ru } else { &s.en });
            }
        }
    }
    say!(out);
    say!(out, "{}", t("Что должна платформа:", "What the platform owes:"));
    if r.effects.is_empty() {
        say!(out, "  {}", t("ничего", "nothing"));
    }
    for e in &r.effects {
        let when = match e.status {
            EffectStatus::Owed => t("сейчас", "now"),
            EffectStatus::Scheduled => t("запланировано", "scheduled"),
        };
        say!(out, "  {} [{when}] {}: {} ({})", e.at.to_rfc3339(), e.kind, if ru { &e.ru } else { &e.en }, e.clause);
    }
    Ok(if r.refused.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn print_refused(out: &mut String, x: &reglament::workflow::RefusedEvent, ru: bool) {
    let (label, text) = if ru { ("ОТКЛОНЕНО", &x.reason.ru) } else { ("REFUSED", &x.reason.en) };
    let clause = x.reason.clause.as_deref().map(|c| format!(" ({c})")).unwrap_or_default();
    say!(out, "  {}  #{} {} ({}): {label} [{}] {text}{clause}", x.at.to_rfc3339(), x.index, x.action.name(), x.actor, x.reason.code);
}
