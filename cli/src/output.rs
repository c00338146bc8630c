//! How the command line shows errors and structured results.

use reglament::Error;

/// Prints an error the way a compiler would: code, message, and where it applies.
pub fn print_error(err: &Error) {
    match err {
        Error::Data(_) => eprintln!("{err}"),
        _ => {
            eprintln!("error[{}]: {err}", err.code());
            if let Some(path) = err.path() {
                eprintln!("  --> field `{path}`");
            }
        }
    }
}

/// Serialises a value as pretty JSON; a failure here is a bug, reported as an input error.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::input("$", e.to_string()))
}
