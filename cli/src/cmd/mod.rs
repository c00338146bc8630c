//! One module per subcommand.

pub mod calendar;
pub mod check;
pub mod control;
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
