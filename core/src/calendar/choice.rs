//! Which calendar a profile counts its terms on: a built-in region, layers on top, and whose days.
//!
//! The law of the place decides the calendar (Stavropol Krai adds Радоница to the federal one),
//! and a portal may add its own act's days, so a profile names a region, built-in layers and its
//! own layer files. The core does no I/O: the profile loader hands the files in already parsed,
//! and whoever builds the calendar (the native library from the embedded TOML, the browser module
//! from its embedded JSON) supplies the built-in layers through one look-up function.

use serde::{Deserialize, Serialize};

use super::{AppliesTo, Calendar, CalendarOptions, Layer};
use crate::error::Result;

/// One layer a profile puts on top of its region, in the order written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LayerRef {
    /// A built-in layer by id (`ru-sta`); it brings the layers it `extends`.
    Builtin(String),
    /// The profile's own layer file, as the loader read it.
    File {
        /// The name as written in the profile (`./local-days.toml`).
        name: String,
        /// The parsed layer.
        layer: Layer,
    },
}

/// A profile's calendar: `calendar = "ru-ta"` or
/// `calendar = { region = "ru", layers = ["ru-sta", "./local-days.toml"], observes = "...", reason = "..." }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CalendarChoice {
    /// The built-in region the calendar starts from (`ru`, `ru-ta`).
    pub region: String,
    /// Layers on top, lowest first.
    #[serde(default)]
    pub layers: Vec<LayerRef>,
    /// Whose days off the portal keeps (see [`CalendarOptions::observes`]).
    #[serde(default = "municipal")]
    pub observes: AppliesTo,
    /// Why this calendar: the law of the place that sets its days.
    #[serde(default)]
    pub reason: Option<String>,
}

fn municipal() -> AppliesTo {
    CalendarOptions::default().observes
}

impl CalendarChoice {
    /// A built-in region alone, as the plain string form says.
    pub fn region(region: &str) -> Self {
        Self { region: region.to_string(), layers: Vec::new(), observes: municipal(), reason: None }
    }

    /// Ids of the built-in layers named (the region and the built-in `layers`), in order.
    pub fn builtin_ids(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.region.as_str()).chain(self.layers.iter().filter_map(|l| match l {
            LayerRef::Builtin(id) => Some(id.as_str()),
            LayerRef::File { .. } => None,
        }))
    }

    /// Builds the calendar; `builtin` gives a built-in layer and those it extends, lowest first
    /// (`Calendar::builtin_chain` natively). `decree_days_off` comes from the caller's options;
    /// `observes` from the profile.
    pub fn build(
        &self,
        decree_days_off: bool,
        builtin: &dyn Fn(&str) -> Result<Vec<Layer>>,
    ) -> Result<Calendar> {
        let mut chains = vec![builtin(&self.region)?];
        for layer in &self.layers {
            chains.push(match layer {
                LayerRef::Builtin(id) => builtin(id)?,
                LayerRef::File { layer, .. } => vec![layer.clone()],
            });
        }
        Calendar::from_chains(chains, CalendarOptions { decree_days_off, observes: self.observes })
    }
}
