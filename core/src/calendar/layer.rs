//! The calendar layer file: one act-cited list of days, as rule authors write it.
//!
//! Production calendars change by decree every year and regions add their own days off, so the
//! calendar is data (`rules/calendars/*.toml`), not code. This module reads one such file and
//! checks it, reporting problems with file, line and column.

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Location};
use crate::error::{Error, Result};

/// What a listed day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DayKind {
    /// A non-working public holiday (Labour Code art. 112), even on a weekend.
    Holiday,
    /// A weekday made a day off: a holiday moved from a weekend, or a Government transfer.
    TransferOff,
    /// A non-working day by presidential decree (2020, 2021); non-working by default.
    DecreeOff,
    /// A regional non-working holiday.
    RegionalOff,
    /// A weekend day made working by a Government transfer.
    WorkSaturday,
    /// A working day shortened by one hour before a holiday (art. 95).
    ShortDay,
}

impl DayKind {
    /// The name used in files and in the CLI's CSV output.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Holiday => "holiday",
            Self::TransferOff => "transfer_off",
            Self::DecreeOff => "decree_off",
            Self::RegionalOff => "regional_off",
            Self::WorkSaturday => "work_saturday",
            Self::ShortDay => "short_day",
        }
    }
}

/// The whole years a layer is complete for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Covers {
    /// First covered year.
    pub from: i32,
    /// Last covered year.
    pub to: i32,
}

/// An act that days cite: a law article, a decree.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Id used by days in `source`.
    pub id: String,
    /// Kind of act (labour_code, government_decree, presidential_decree, regional_law, ...).
    pub kind: String,
    /// Number of the act, where it has one.
    #[serde(default)]
    pub number: Option<String>,
    /// Date of the act, where it has one.
    #[serde(default)]
    pub date: Option<NaiveDate>,
    /// Title in Russian.
    pub title_ru: String,
    /// Title in English.
    #[serde(default)]
    pub title_en: Option<String>,
    /// Short citation for explanations («ст. 112 ТК РФ»).
    #[serde(default)]
    pub short_ru: Option<String>,
    /// Short citation in English ("Labour Code art. 112").
    #[serde(default)]
    pub short_en: Option<String>,
    /// Where the text was checked (free text).
    #[serde(default)]
    pub url: Option<String>,
}

/// The published number of working days of one year, for checking the data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct YearCount {
    /// The year.
    pub year: i32,
    /// Working days of a five-day week, decree days not subtracted.
    pub working_days: u32,
    /// Source id of the publication.
    #[serde(default)]
    pub source: Option<String>,
    /// Free note.
    #[serde(default)]
    pub note: Option<String>,
}

/// One listed day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DayEntry {
    /// The date.
    pub date: NaiveDate,
    /// What it is.
    pub kind: DayKind,
    /// Id of the act in `[[source]]`.
    pub source: String,
    /// Russian note («День защитника Отечества»).
    #[serde(default)]
    pub note_ru: Option<String>,
    /// English note.
    #[serde(default)]
    pub note_en: Option<String>,
    /// For transfers: the day whose rest moved here.
    #[serde(default)]
    pub from: Option<NaiveDate>,
    /// The act is not out yet, or the act or its date is not confirmed by a second source;
    /// results that depend on this day say so.
    #[serde(default)]
    pub provisional: bool,
    /// Whom the act gives this day to, where it limits it (some republics give a day off only
    /// to their own state bodies); a portal chooses which scopes its calendar observes.
    #[serde(default)]
    pub applies_to: AppliesTo,
}

/// Whom a regional act gives a day off to. Acts differ: most bind every employer in the region,
/// some only the region's state bodies and the organisations they fund, so a municipal portal
/// has to be able to say which it follows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum AppliesTo {
    /// Every employer in the region (the usual case, and the default).
    #[default]
    Everyone,
    /// The region's state bodies and municipal bodies (and the institutions they fund).
    StateAndMunicipalBodies,
    /// The region's state bodies and the institutions they fund only.
    StateBodies,
}

/// One calendar layer file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Layer {
    /// Layer id; a region is named by the id of its top layer.
    pub id: String,
    /// Russian name.
    #[serde(default)]
    pub name_ru: Option<String>,
    /// English name.
    #[serde(default)]
    pub name_en: Option<String>,
    /// Layer this one sits on.
    #[serde(default)]
    pub extends: Option<String>,
    /// Years the layer is complete for.
    pub covers: Covers,
    /// Acts cited.
    #[serde(default, rename = "source")]
    pub sources: Vec<Source>,
    /// Published yearly counts.
    #[serde(default, rename = "year")]
    pub years: Vec<YearCount>,
    /// Listed days.
    #[serde(default, rename = "day")]
    pub days: Vec<DayEntry>,
}

impl Layer {
    /// Parses and checks a layer file; every problem comes back with file, line and column.
    pub fn from_toml(source: &str, file: &str) -> Result<Self> {
        let layer: Layer = toml::from_str(source).map_err(|e| {
            let offset = e.span().map_or(0, |s| s.start);
            Error::Data(vec![Diagnostic::error("calendar_syntax", e.message().to_string())
                .at(Location::from_offset(file, source, offset))
                .with_help("see rules/calendars/README.md for the layer format")])
        })?;
        let diags = layer.check(source, file);
        if diags.is_empty() {
            Ok(layer)
        } else {
            Err(Error::Data(diags))
        }
    }

    /// Semantic checks: cited sources exist, kinds fall on the right weekdays, no duplicates.
    fn check(&self, source: &str, file: &str) -> Vec<Diagnostic> {
        let mut diags = Vec::new();
        let locate = |needle: &str| {
            let offset = source.find(needle).unwrap_or(0);
            Location::from_offset(file, source, offset)
        };
        if self.covers.from > self.covers.to {
            diags.push(
                Diagnostic::error("calendar_covers", "`covers.from` is after `covers.to`")
                    .at(locate("covers")),
            );
        }
        let ids: BTreeSet<&str> = self.sources.iter().map(|s| s.id.as_str()).collect();
        let mut seen = BTreeSet::new();
        for day in &self.days {
            let here = || locate(&format!("\"{}\"", day.date));
            if !ids.contains(day.source.as_str()) {
                diags.push(
                    Diagnostic::error(
                        "calendar_unknown_source",
                        format!("day {} cites unknown source `{}`", day.date, day.source),
                    )
                    .at(here())
                    .with_help("add a [[source]] with this id, or fix the id"),
                );
            }
            if !seen.insert((day.date, day.kind)) {
                diags.push(
                    Diagnostic::error(
                        "calendar_duplicate_day",
                        format!("day {} is listed twice as {}", day.date, day.kind.as_str()),
                    )
                    .at(here()),
                );
            }
            let weekend = matches!(day.date.weekday(), Weekday::Sat | Weekday::Sun);
            let misplaced = match day.kind {
                DayKind::WorkSaturday => !weekend,
                DayKind::TransferOff | DayKind::DecreeOff => weekend,
                _ => false,
            };
            if misplaced {
                diags.push(
                    Diagnostic::error(
                        "calendar_kind_weekday",
                        format!(
                            "day {} ({:?}) cannot be {}",
                            day.date,
                            day.date.weekday(),
                            day.kind.as_str()
                        ),
                    )
                    .at(here())
                    .with_help("work_saturday is for weekend days; transfer_off and decree_off for weekdays"),
                );
            }
            if day.date.year() < self.covers.from || day.date.year() > self.covers.to {
                diags.push(
                    Diagnostic::error(
                        "calendar_outside_covers",
                        format!(
                            "day {} is outside the covered years {}..={}",
                            day.date, self.covers.from, self.covers.to
                        ),
                    )
                    .at(here()),
                );
            }
        }
        diags
    }
}
