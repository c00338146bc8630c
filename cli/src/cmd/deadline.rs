//! `reglament deadline`: one term, resolved and explained.

use std::process::ExitCode;

use reglament::term::{self, TermSources};
use reglament::{Error, OnNonWorking, Term, TermUnit};

use crate::output;
use crate::profiles::load_rules;

/// What a non-working last day does.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum OnNonWorkingArg {
    /// The next working day (Civil Code art. 193).
    Next,
    /// The previous working day.
    Previous,
    /// That day regardless.
    AsIs,
}

/// Arguments of `reglament deadline`.
#[derive(clap::Args)]
pub struct Args {
    /// IANA time zone of the municipality.
    #[arg(long, default_value = "Europe/Moscow")]
    zone: String,
    /// Calendar region: any built-in calendar region (`ru`, `ru-ta`, `ru-sta`, ...).
    #[arg(long, default_value = "ru")]
    region: String,
    /// A layer to add on top, repeatable, in order: a built-in layer id or a layer file (`.toml`).
    #[arg(long)]
    layer: Vec<String>,
    /// Whose days off to keep (days an act gives to some bodies only).
    #[arg(long, value_enum, default_value = "state-and-municipal-bodies")]
    observes: super::ObservesArg,
    /// Start instant, RFC 3339 with offset.
    #[arg(long)]
    start: String,
    /// Length in days (calendar days unless --working).
    #[arg(long, allow_negative_numbers = true, conflicts_with = "hours", required_unless_present_any = ["hours", "term"])]
    days: Option<i64>,
    /// A profile (built-in name or `.toml` file) whose term `--term` names: the term is counted
    /// as the profile sets it, on its calendar and in its zone, with its clauses.
    #[arg(long, requires = "term", conflicts_with_all = ["days", "hours", "zone", "region", "layer"])]
    profile: Option<String>,
    /// With --profile: the term's name in `[terms]` or `[fast_track]` (`registration`, `answer`, `ft1`…).
    #[arg(long, requires = "profile")]
    term: Option<String>,
    /// Length in hours: a rolling window (the 72-hour vote window).
    #[arg(long, allow_negative_numbers = true)]
    hours: Option<i64>,
    /// Count working days of the calendar; with --hours, working hours within --office-hours.
    #[arg(long)]
    working: bool,
    /// Office hours for --working --hours, `HH:MM-HH:MM` local (`09:00-18:00`); an hour shorter
    /// on a pre-holiday day (Labour Code art. 95).
    #[arg(long)]
    office_hours: Option<String>,
    /// The lunch break within --office-hours, `HH:MM-HH:MM` (`13:00-14:00`), not counted.
    #[arg(long, requires = "office_hours")]
    lunch: Option<String>,
    /// What a non-working last day does.
    #[arg(long, value_enum, default_value = "next")]
    on_nonworking: OnNonWorkingArg,
    /// A start on a non-working day counts from the next working day.
    #[arg(long)]
    start_on_working_day: bool,
    /// Same-day cutoff, HH:MM local.
    #[arg(long)]
    cutoff: Option<String>,
    /// Closing time of the last day, HH:MM local (default 23:59:59).
    #[arg(long)]
    closing_time: Option<String>,
    /// Count presidential decree days (2020, 2021) as working.
    #[arg(long)]
    decree_days_working: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

/// Two local times `HH:MM-HH:MM`; `field` names the option in the error.
fn span(text: &str, field: &str) -> Result<(chrono::NaiveTime, chrono::NaiveTime), Error> {
    let (a, b) = text.split_once('-').ok_or_else(|| Error::input(field, format!("`{text}` is not HH:MM-HH:MM (09:00-18:00)")))?;
    Ok((term::parse_time(a.trim(), field)?, term::parse_time(b.trim(), field)?))
}

/// Runs the subcommand.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let start = term::parse_instant(&args.start, "--start")?;
    if let (Some(profile), Some(name)) = (&args.profile, &args.term) {
        return print(args, out, &profile_term(profile, name, start)?);
    }
    let options = reglament::CalendarOptions { decree_days_off: !args.decree_days_working, observes: args.observes.into() };
    let cal = super::build_calendar(&args.region, &args.layer, options)?;
    let zone = term::parse_zone(&args.zone)?;
    let (amount, unit) = match (args.days, args.hours) {
        (_, Some(h)) if args.working => (h, TermUnit::WorkingHours),
        (_, Some(h)) => (h, TermUnit::Hours),
        (Some(d), None) if args.working => (d, TermUnit::WorkingDays),
        (Some(d), None) => (d, TermUnit::CalendarDays),
        (None, None) => return Err(Error::input("days", "give --days or --hours")),
    };
    let mut t = Term::new(amount, unit);
    t.start_on_working_day = args.start_on_working_day;
    t.on_nonworking = match args.on_nonworking {
        OnNonWorkingArg::Next => OnNonWorking::Next,
        OnNonWorkingArg::Previous => OnNonWorking::Previous,
        OnNonWorkingArg::AsIs => OnNonWorking::AsIs,
    };
    t.cutoff = args.cutoff.as_deref().map(|c| term::parse_time(c, "cutoff")).transpose()?;
    t.closing_time = args.closing_time.as_deref().map(|c| term::parse_time(c, "closing_time")).transpose()?;
    if let Some(hours) = &args.office_hours {
        let (opens, closes) = span(hours, "office_hours")?;
        let lunch = args.lunch.as_deref().map(|l| span(l, "lunch")).transpose()?.map(|(from, to)| term::Break { from, to });
        t.office_hours = Some(term::OfficeHours { opens, closes, lunch });
    }
    let result = term::resolve_term(&cal, zone, start, &t, &TermSources::default())?;
    print(args, out, &result)
}

/// The term `name` of a profile from `start`, as the profile sets it (length, start and end
/// rules, closing time, office hours), on the profile's calendar and zone, citing its clauses.
fn profile_term(profile: &str, name: &str, start: chrono::DateTime<chrono::FixedOffset>) -> Result<term::TermResult, Error> {
    let rules = load_rules(profile)?;
    let p = rules.profile();
    let rule = p.term(name).or_else(|| p.fast_track.get(name)).ok_or_else(|| {
        let known: Vec<&str> = p.terms.iter().chain(&p.fast_track).filter(|(_, r)| !r.unset).map(|(k, _)| k.as_str()).collect();
        Error::input("--term", format!("`{name}` is not a term {} sets; its terms: {}", p.id, known.join(", ")))
    })?;
    let t = rule
        .to_term()
        .ok_or_else(|| Error::input("--term", format!("the regulation of {} sets no `{name}` term", p.id)))?;
    let sources = TermSources {
        term: Some(rule.citation()),
        start: t.start_on_working_day.then(|| rule.start_citation()),
        cutoff: t.cutoff.map(|_| rule.citation()),
    };
    term::resolve_term(rules.calendar(), rules.zone(), start, &t, &sources)
}

/// Prints a resolved term: the JSON answer, or the due instant and date with the explanation.
fn print(args: &Args, out: &mut String, result: &term::TermResult) -> Result<ExitCode, Error> {
    if args.json {
        say!(out, "{}", output::to_json(&result)?);
    } else {
        say!(out, "due:      {}", result.due.to_rfc3339());
        say!(out, "due date: {}", result.due_date);
        for step in &result.explanation.steps() {
            let clause = step.clause.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
            say!(out, "  - {}{clause}", step.en);
            say!(out, "    {}", step.ru);
        }
    }
    Ok(ExitCode::SUCCESS)
}
