//! One module per subcommand.

pub mod calendar;
pub mod check;
pub mod control;
pub mod deadline;
pub mod lint;
pub mod pack;
pub mod replay;
pub mod test;

use chrono::NaiveDate;
use reglament::Error;

/// Parses a `YYYY-MM-DD` argument; `name` is the flag, for the error.
pub fn parse_date(value: &str, name: &str) -> Result<NaiveDate, Error> {
    NaiveDate::parse_from_str(value, "%Y-%m-%d")
        .map_err(|_| Error::input(name, format!("`{value}` is not a date YYYY-MM-DD")))
}

/// Whose days off a calendar keeps (`--observes`), as `CalendarOptions::observes`.
#[derive(Clone, Copy, clap::ValueEnum)]
pub enum ObservesArg {
    /// Days the acts give to every employer only.
    Everyone,
    /// Also days given to state and municipal bodies (a municipal body; the default).
    StateAndMunicipalBodies,
    /// Every day, also those given to the region's state bodies only.
    StateBodies,
}

impl From<ObservesArg> for reglament::calendar::AppliesTo {
    fn from(arg: ObservesArg) -> Self {
        match arg {
            ObservesArg::Everyone => Self::Everyone,
            ObservesArg::StateAndMunicipalBodies => Self::StateAndMunicipalBodies,
            ObservesArg::StateBodies => Self::StateBodies,
        }
    }
}

/// The calendar of `--region` with `--layer`s on top: a built-in layer by id (`ru-sta`) or a
/// layer file (a path ending in `.toml`), in the order given.
pub fn build_calendar(
    region: &str,
    layers: &[String],
    options: reglament::CalendarOptions,
) -> Result<reglament::Calendar, Error> {
    let mut chains = reglament::calendar::region_spec(region)
        .map(reglament::Calendar::builtin_chain)
        .collect::<Result<Vec<_>, _>>()?;
    for layer in layers {
        if layer.ends_with(".toml") {
            let source = std::fs::read_to_string(layer).map_err(|e| Error::input("layer", format!("{layer}: {e}")))?;
            chains.push(vec![reglament::calendar::Layer::from_toml(&source, layer)?]);
        } else {
            chains.push(reglament::Calendar::builtin_chain(layer)?);
        }
    }
    reglament::Calendar::from_chains(chains, options)
}
