//! A user catalog file: validation must reject or accept, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 28);
    let files = vec![("fuzz.toml".to_string(), text.to_string())];
    let _ = tradeoff_core::catalog::check_files(&files, today);
    let _ = builtin().clone().with_extra_files(&files, today);
});

fn builtin() -> &'static tradeoff_core::catalog::Catalog {
    static CATALOG: std::sync::OnceLock<tradeoff_core::catalog::Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| tradeoff_core::catalog::Catalog::builtin().expect("built-in catalog loads"))
}
