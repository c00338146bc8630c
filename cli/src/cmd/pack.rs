//! `reglament pack FILE.toml... --out DIR`: a rule author's own profiles as the browser module's
//! data, so that a portal's page can check messages against a profile that is not built in.
//!
//! The module carries no rules: it loads packed profiles and layers (`reglament::packed`). The
//! built-in ones come with the module's build (`reglament-pack`); this writes the same files for
//! profile files, with the built-in layers their calendars name, and an `index.json` of them.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reglament::{Calendar, Error};

use crate::profiles::load_rules;

/// Arguments of `reglament pack`.
#[derive(clap::Args)]
pub struct Args {
    /// Profile files (`.toml`; `extends` may name a sibling file) or built-in profile names.
    #[arg(required = true)]
    profiles: Vec<String>,
    /// The folder to write `profiles/<id>.bin`, `calendars/<id>.bin` and `index.json` into.
    #[arg(long)]
    out: PathBuf,
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| Error::input("out", format!("{}: {e}", dir.display())))?;
    }
    std::fs::write(path, bytes).map_err(|e| Error::input("out", format!("{}: {e}", path.display())))
}

/// Loads every profile (each checked as `check` and `test` load it), packs them with the
/// built-in layers they need, and writes the files; nothing is written when one fails to load.
pub fn run(args: &Args, out: &mut String) -> Result<ExitCode, Error> {
    let profiles = args
        .profiles
        .iter()
        .map(|p| load_rules(p).map(|rules| rules.profile().clone()))
        .collect::<Result<Vec<_>, Error>>()?;
    // Only the calendars these profiles name: a portal serving one town fetches nothing else.
    let mut ids: Vec<&str> = profiles.iter().flat_map(|p| p.municipality.calendar.builtin_ids()).collect();
    ids.sort_unstable();
    ids.dedup();
    let calendars = ids.into_iter().map(Calendar::builtin).collect::<Result<Vec<_>, Error>>()?;
    let bundle = reglament::packed::bundle(&profiles, &calendars)?;
    for (id, bytes) in &bundle.profiles {
        write(&args.out.join("profiles").join(format!("{id}.bin")), bytes)?;
    }
    for (id, bytes) in &bundle.layers {
        write(&args.out.join("calendars").join(format!("{id}.bin")), bytes)?;
    }
    let index = crate::output::to_json(&bundle.index)?;
    write(&args.out.join("index.json"), index.as_bytes())?;
    for (id, bytes) in &bundle.profiles {
        say!(out, "profiles/{id}.bin: {} bytes", bytes.len());
    }
    say!(out, "packed {} profile(s) and {} calendar layer(s) into {}", bundle.profiles.len(), bundle.layers.len(), args.out.display());
    Ok(ExitCode::SUCCESS)
}
