//! Requested output on stdout, written in one place so that:
//! - a closed stdout (`tradeoff … | head -0`) ends output quietly, as other tools do, instead
//!   of panicking in `print!`;
//! - terminal views show text from specs and catalogs with control and hidden characters made
//!   visible (a catalog cannot send terminal escapes, `--color` or not).

use std::io::Write;

use tradeoff_driver::Failure;

/// A view for the terminal: user text in it is made visible first.
pub fn view(text: &str) -> Result<(), Failure> {
    raw(&tradeoff_lang::visible::visible(text))
}

/// Output that must be written byte for byte (a formatted spec, TOML, JSON, Markdown).
pub fn raw(text: &str) -> Result<(), Failure> {
    let mut stdout = std::io::stdout().lock();
    match stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()) {
        Ok(()) => Ok(()),
        Err(error) if error.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(error) => Err(Failure::bad_input_msg(format!(
            "cannot write the output: {error}; check the disk or file that stdout goes to"
        ))),
    }
}

/// A message on stderr; a closed or broken stderr loses the message rather than panicking.
pub fn message(text: &str) {
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}
