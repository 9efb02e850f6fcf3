//! A user catalog file: validation must reject or accept, never panic. The date is fixed so a
//! crash reproduces on any day.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeoff_core::catalog::Catalog;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let today = jiff::civil::date(2026, 11, 28);
    let files = vec![("fuzz.toml".to_string(), text.to_string())];
    let _ = tradeoff_core::catalog::check_files(&files, today);
    let builtin = tradeoff_driver::catalog::builtin().expect("built-in catalog loads");
    let _ = Catalog::clone(&builtin).with_extra_files(&files, today);
});
