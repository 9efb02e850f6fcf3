//! Every input a fuzzer ever crashed on, replayed with the fuzz targets' own checks: parsing
//! never panics, and formatting a spec that parses is idempotent and keeps it parseable.

use std::collections::BTreeSet;

#[test]
fn every_recorded_crash_now_passes_the_fuzz_checks() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut replayed = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let bytes = std::fs::read(&path).unwrap();
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        replayed += 1;
        let names: BTreeSet<String> = ["django", "fastapi", "tornado"].iter().map(|s| s.to_string()).collect();
        let Ok(ast) = tradeoff_lang::parse("fuzz.tradeoff", text) else {
            continue;
        };
        let plan = tradeoff_lang::compile(&ast, &names);
        let formatted = tradeoff_lang::format(&ast);
        let reparsed = tradeoff_lang::parse("fuzz.tradeoff", &formatted).expect("formatted output parses");
        assert_eq!(
            tradeoff_lang::format(&reparsed),
            formatted,
            "{}: formatting is not idempotent",
            path.display()
        );
        assert_eq!(
            plan.ok(),
            tradeoff_lang::compile(&reparsed, &names).ok(),
            "{}: plan changed",
            path.display()
        );
    }
    assert!(replayed > 0, "no regression inputs found");
}
