//! `reglament check MESSAGE.json --profile NAME`: findings, route and plan of one message.

use std::process::ExitCode;

use reglament::{Error, HistoryEntry, Message, Rules};
use serde_json::json;

/// Language of the printed texts.
#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Lang {
    /// Russian.
    Ru,
    /// English.
    En,
}

/// Arguments of `reglament check`.
#[derive(clap::Args)]
pub struct Args {
    /// The message, as JSON (see docs/message.md); `-` reads standard input.
    message: std::path::PathBuf,
    /// Built-in profile name, or a profile file (`.toml`).
    #[arg(long)]
    profile: String,
    /// The author's earlier messages, as a JSON array, for the duplicate rule.
    #[arg(long)]
    history: Option<std::path::PathBuf>,
    /// Language of the texts.
    #[arg(long, value_enum, default_value = "ru")]
    lang: Lang,
    /// Print one JSON object `{findings, route, plan}`.
    #[arg(long)]
    json: bool,
}

fn read(path: &std::path::Path) -> Result<String, Error> {
    if path.as_os_str() == "-" {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut std::io::stdin(), &mut s).map_err(|e| Error::input("message", e.to_string()))?;
        return Ok(s);
    }
    std::fs::read_to_string(path).map_err(|e| Error::input("message", format!("{}: {e}", path.display())))
}

/// Loads a built-in profile by name, or a profile file by path (with the bases it `extends` and
/// the calendar layer files it names, read beside it).
pub fn load_rules(profile: &str) -> Result<Rules, Error> {
    if profile.ends_with(".toml") {
        let source = std::fs::read_to_string(profile).map_err(|e| Error::input("profile", format!("{profile}: {e}")))?;
        let dir = std::path::Path::new(profile).parent().map(std::path::Path::to_path_buf).unwrap_or_default();
        Rules::from_toml_with(&source, profile, &|name: &str| super::read_beside(&dir, name))
    } else {
        Rules::builtin(profile)
    }
}

/// Runs the subcommand; exit 1 when a finding is an error.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let rules = load_rules(&args.profile)?;
    let message: Message = reglament::input::from_str(&read(&args.message)?, "message")?;
    let history: Vec<HistoryEntry> = match &args.history {
        Some(p) => reglament::input::from_str(&read(p)?, "history")?,
        None => Vec::new(),
    };
    let validation = rules.validate(&message, &history)?;
    let route = rules.route(&message);
    let plan = rules.plan(&message)?;
    if args.json {
        let route = match &route {
            Ok(r) => serde_json::to_value(r).map_err(|e| Error::input("$", e.to_string()))?,
            Err(e) => json!({"error": reglament::ffi::ErrorInfo::all(e)}),
        };
        let answer = json!({"findings": validation.findings, "privacy": validation.privacy, "route": route, "plan": plan});
        say!(out, "{}", crate::output::to_json(&answer)?);
    } else {
        let ru = args.lang == Lang::Ru;
        let p = rules.profile();
        say!(out, "{}", if ru { &p.regulation.act_ru } else { &p.regulation.short_en });
        say!(out);
        if validation.findings.is_empty() {
            say!(out, "{}", if ru { "Замечаний нет." } else { "No findings." });
        }
        for f in &validation.findings {
            let sev = match (f.severity, ru) {
                (reglament::message::FindingSeverity::Error, true) => "ошибка",
                (reglament::message::FindingSeverity::Error, false) => "error",
                (_, true) => "предупреждение",
                (_, false) => "warning",
            };
            say!(out, "{sev}[{}] {}: {}", f.code, f.field, if ru { &f.ru } else { &f.en });
            if let Some(c) = &f.clause {
                say!(out, "    {} {c}", if ru { "основание:" } else { "clause:" });
            }
        }
        say!(out);
        match &route {
            Ok(r) => {
                let org = if ru { &r.organisation.name_ru } else { &r.organisation.name_en };
                say!(out, "{} {org} ({})", if ru { "Исполнитель:" } else { "Responsible:" }, r.clause);
                if let Some(ft) = &r.fast_track {
                    say!(out, "{} {} ({})", if ru { "Ускоренное рассмотрение:" } else { "Fast track:" }, ft.level, ft.clause);
                }
            }
            Err(e) => say!(out, "{} {e}", if ru { "Маршрут не определён:" } else { "No route:" }),
        }
        say!(out);
        for (name, t) in &plan {
            say!(out, "{name}: {} ({})", t.due.to_rfc3339(), t.clause);
            for s in &t.explanation.steps() {
                let clause = s.clause.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
                say!(out, "  - {}{clause}", if ru { &s.ru } else { &s.en });
            }
        }
    }
    Ok(if validation.ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}
