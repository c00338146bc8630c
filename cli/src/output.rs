//! How the command line shows errors and structured results.
//!
//! Commands write into a `String` and `main` writes it once: a closed pipe (`reglament … | head`)
//! then ends the output quietly instead of panicking inside `println!`.

use std::io::Write as _;

use reglament::Error;

/// Appends one line to a command's output (writing to a `String` cannot fail).
macro_rules! say {
    ($out:expr) => {{
        $out.push('\n');
    }};
    ($out:expr, $($arg:tt)*) => {{
        use std::fmt::Write as _;
        let _ = writeln!($out, $($arg)*);
    }};
}

/// Writes a command's output; a closed pipe or full disk is not worth a panic.
pub fn write_stdout(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush());
}

/// Prints an error the way a compiler would: code, message, and where it applies.
pub fn print_error(err: &Error) {
    let mut text = String::new();
    match err {
        Error::Data(_) => say!(text, "{err}"),
        _ => {
            say!(text, "error[{}]: {err}", err.code());
            if let Some(path) = err.path() {
                say!(text, "  --> field `{path}`");
            }
        }
    }
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Serialises a value as pretty JSON; a failure here is a bug, reported as an input error.
pub fn to_json<T: serde::Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string_pretty(value).map_err(|e| Error::input("$", e.to_string()))
}
