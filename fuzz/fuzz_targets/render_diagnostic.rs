//! Rendering diagnostics of odd and very long lines: any spans (past the end, inside a
//! character, reversed, across thousands of lines) into any text (control characters, bidi
//! overrides, lines past 65,535 columns) render without panicking, within a bounded size, and
//! without passing the text's escape characters to the terminal.
#![no_main]

use std::sync::Arc;

use libfuzzer_sys::fuzz_target;
use tradeoff_lang::ast::Span;
use tradeoff_lang::{render, Code, Problem, SpecError};

fuzz_target!(|data: &[u8]| {
    let [stretch, at, from, to, note, width, ..] = *data else { return };
    let raw = String::from_utf8_lossy(&data[6..]);
    // Inputs are capped at a few KB; a run of filler (up to 130,560 characters) inserted into
    // the text reaches the column widths that once overflowed the renderer.
    let mut split = raw.len() * usize::from(at) / 255;
    while !raw.is_char_boundary(split) {
        split -= 1;
    }
    let text = format!("{}{}{}", &raw[..split], "x".repeat(usize::from(stretch) * 512), &raw[split..]);
    let place = |byte: u8| text.len() * usize::from(byte) / 250;
    let problem = Problem::new(
        Code::UnknownKey,
        Span { start: place(from), end: place(to) },
        "fuzzed problem",
        &raw[..split],
    )
    .with_note(Span { start: place(note), end: place(note).saturating_add(3) }, "a note");
    let error = SpecError::new("fuzz.tradeoff", Arc::from(text.as_str()), vec![problem]);
    let width = 20 + usize::from(width);
    for color in [false, true] {
        let out = render(&error, color, width);
        assert!(out.len() < 64 * 1024, "{} bytes rendered", out.len());
        assert!(color || !out.contains('\u{1b}'), "escape passed through: {out:?}");
    }
    if let Err(error) = tradeoff_lang::parse("fuzz.tradeoff", &text) {
        let out = render(&error, false, width);
        assert!(!out.contains('\u{1b}'), "escape passed through: {out:?}");
    }
});
