//! Writes the browser module's data: every built-in profile and calendar layer, packed
//! (`reglament::packed`), and the index of municipalities.
//!
//! The module carries no rules, so that its size does not grow with every municipality; a
//! portal fetches `profiles/<id>.bin` and the layers its index entry lists. Run on the host by
//! `scripts/test-wasm.sh`:
//!
//! ```sh
//! cargo run -p reglament-wasm --features pack --bin reglament-pack -- bindings-wasm/pkg
//! ```
//!
//! Output under the given directory: `profiles/<id>.bin`, `calendars/<id>.bin`, `index.json`.
//! Whatever `rules/` holds is written; there is no list here.

use std::path::{Path, PathBuf};

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn run() -> Result<(), String> {
    let out = PathBuf::from(std::env::args().nth(1).ok_or("usage: reglament-pack OUT_DIR")?);
    let bundle = reglament::packed::builtin_bundle().map_err(|e| e.to_string())?;
    for dir in ["profiles", "calendars"] {
        let dir = out.join(dir);
        // Files of a profile or layer that no longer exists must not linger.
        if dir.exists() {
            std::fs::remove_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        }
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    for (id, bytes) in &bundle.profiles {
        write(&out.join("profiles").join(format!("{id}.bin")), bytes)?;
    }
    for (id, bytes) in &bundle.layers {
        write(&out.join("calendars").join(format!("{id}.bin")), bytes)?;
    }
    let index = serde_json::to_string_pretty(&bundle.index).map_err(|e| e.to_string())?;
    write(&out.join("index.json"), index.as_bytes())?;
    let total: usize = bundle.profiles.iter().map(|(_, b)| b.len()).sum();
    println!(
        "packed {} profiles ({} bytes in all) and {} calendar layers into {}",
        bundle.profiles.len(),
        total,
        bundle.layers.len(),
        out.display()
    );
    Ok(())
}

fn main() -> std::process::ExitCode {
    match run() {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("reglament-pack: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}
