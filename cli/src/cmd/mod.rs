//! One module per subcommand.

pub mod calendar;
pub mod check;
pub mod deadline;
pub mod lint;
pub mod replay;
pub mod test;

use chrono::NaiveDate;
use reglament::Error;

/// Parses a `YYYY-MM-DD` argument; `name` is the flag, for the error.
pub fn parse_date(value: &str, name: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::input(name, format!("`{value}` is not a date YYYY-MM-DD")))
}

/// Reads a file a profile names, relative to the profile's folder: a base it `extends` (the
/// name without `.toml`, `my-base` reads `my-base.toml`) or a calendar layer file (the name as
/// written, `./local-days.toml`). `None` when there is no such file, so `extends` falls back to
/// the built-in profiles and lint reports the missing layer at its line.
pub fn read_beside(dir: &std::path::Path, name: &str) -> Option<(String, String)> {
    let candidate = if name.ends_with(".toml") { dir.join(name) } else { dir.join(format!("{name}.toml")) };
    std::fs::read_to_string(&candidate).ok().map(|s| (candidate.display().to_string(), s))
}
