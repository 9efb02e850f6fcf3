//! A user catalog file: validation must reject or accept, never panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 28);
    let files = vec![("fuzz.toml".to_string(), text.to_string())];
    let _ = tradeoff_core::catalog::check_files(&files, today);
    if let Ok(builtin) = tradeoff_core::catalog::Catalog::builtin() {
        let _ = builtin.with_extra_files(&files, today);
    }
});
