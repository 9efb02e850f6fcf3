//! The whole decide pipeline in memory, through the driver: spec → plan → evaluation → Markdown
//! and HTML record. The HTML must never contain a live tag taken from the spec.
#![no_main]

use std::path::Path;

use libfuzzer_sys::fuzz_target;
use tradeoff_driver::{records, spec, Buffers, NoFiles};
use tradeoff_report::Templates;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let mut sources = Buffers::new(NoFiles);
    sources.set("fuzz.tradeoff", text);
    let Ok(loaded) = spec::load(&sources, Path::new("fuzz.tradeoff")) else { return };
    let rendered = records::preview(&loaded, "specs/fuzz.tradeoff", templates())
        .expect("built-in templates render every record");
    let lower = rendered.html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "live script tag in the record");
    assert!(!lower.contains("javascript:"), "javascript: URL in the record");
});

fn templates() -> &'static Templates {
    static TEMPLATES: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    TEMPLATES.get_or_init(Templates::builtin)
}
