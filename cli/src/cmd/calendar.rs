//! `reglament calendar`: the listed days of a region as CSV or as month grids.

use std::fmt::Write as _;
use std::process::ExitCode;

use chrono::{Datelike, NaiveDate};
use reglament::{Calendar, Error};

use super::parse_date;

/// Output format.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum Format {
    /// `date,kind` lines.
    Csv,
    /// Month grids a person can read.
    Table,
}

/// Arguments of `reglament calendar`.
#[derive(clap::Args)]
pub struct Args {
    /// Region: any built-in calendar region (`ru`, `ru-ta`, `ru-sta`, ...; `reglament::calendar::REGIONS`).
    #[arg(long, default_value = "ru")]
    region: String,
    /// First date, YYYY-MM-DD.
    #[arg(long)]
    from: String,
    /// Last date, YYYY-MM-DD.
    #[arg(long)]
    to: String,
    /// Output format.
    #[arg(long, value_enum, default_value = "csv")]
    format: Format,
    /// A layer to add on top, repeatable, in order: a built-in layer id (`ru-sta`) or a layer
    /// file (`.toml`: a new decree, a local day off).
    #[arg(long)]
    layer: Vec<String>,
    /// Whose days off to keep (days an act gives to some bodies only).
    #[arg(long, value_enum, default_value = "state-and-municipal-bodies")]
    observes: super::ObservesArg,
    /// Count presidential decree days (2020, 2021) as working: they are then listed as
    /// shortened working days where the calendar shortens them, not as days off.
    #[arg(long)]
    decree_days_working: bool,
}

/// Runs the subcommand.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let options = reglament::CalendarOptions { decree_days_off: !args.decree_days_working, observes: args.observes.into() };
    let cal = super::build_calendar(&args.region, &args.layer, options)?;
    let from = parse_date(&args.from, "from")?;
    let to = parse_date(&args.to, "to")?;
    if to < from {
        return Err(Error::input("to", format!("{to} is before --from {from}")));
    }
    let text = match args.format {
        Format::Csv => csv(&cal, from, to)?,
        Format::Table => table(&cal, from, to)?,
    };
    out.push_str(&text);
    Ok(ExitCode::SUCCESS)
}

fn csv(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Result<String, Error> {
    let mut out = String::from("date,kind\n");
    for (date, kind) in cal.listed_days(from, to)? {
        let _ = writeln!(out, "{date},{}", kind.as_str());
    }
    Ok(out)
}

const MONTHS: [&str; 12] = [
    "Январь", "Февраль", "Март", "Апрель", "Май", "Июнь", "Июль", "Август", "Сентябрь", "Октябрь",
    "Ноябрь", "Декабрь",
];

/// Month grids: working days as numbers, days off in brackets, shortened days with `*`.
fn table(cal: &Calendar, from: NaiveDate, to: NaiveDate) -> Result<String, Error> {
    let mut out = String::new();
    let mut month_start = from.with_day(1).unwrap_or(from);
    while month_start <= to {
        let name = MONTHS.get(month_start.month0() as usize).copied().unwrap_or("");
        let _ = writeln!(out, "{name} {}", month_start.year());
        out.push_str("  Пн   Вт   Ср   Чт   Пт   Сб   Вс\n");
        let lead = month_start.weekday().num_days_from_monday() as usize;
        out.push_str(&"     ".repeat(lead));
        let mut d = month_start;
        let (mut working, mut total) = (0, 0);
        while d.month() == month_start.month() {
            let info = cal.day_info(d)?;
            let cell = if !info.working {
                format!("[{:>2}]", d.day())
            } else if info.short {
                format!(" {:>2}*", d.day())
            } else {
                format!(" {:>2} ", d.day())
            };
            if d >= from && d <= to {
                out.push_str(&cell);
                if info.working {
                    working += 1;
                }
                total += 1;
            } else {
                out.push_str("    ");
            }
            out.push(' ');
            if d.weekday().num_days_from_monday() == 6 {
                out.push('\n');
            }
            match d.succ_opt() {
                Some(n) => d = n,
                None => break,
            }
        }
        if !out.ends_with('\n') {
            out.push('\n');
        }
        let _ = writeln!(out, "рабочих дней: {working} из {total}\n");
        month_start = match month_start.checked_add_months(chrono::Months::new(1)) {
            Some(m) => m,
            None => break,
        };
    }
    out.push_str("[ ] нерабочий день, * сокращённый день\n");
    Ok(out)
}
