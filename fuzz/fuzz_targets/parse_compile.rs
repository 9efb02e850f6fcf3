//! Spec text → AST → Plan, plus the formatter's promises: formatting a spec that parses gives a
//! spec that parses to the same plan, and formatting again changes nothing.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = tradeoff_driver::catalog::builtin().expect("built-in catalog loads");
    let Ok(ast) = tradeoff_lang::parse("fuzz.tradeoff", text) else { return };
    let plan = tradeoff_lang::compile(&ast, &*catalog);
    let formatted = tradeoff_lang::format(&ast);
    let reparsed = tradeoff_lang::parse("fuzz.tradeoff", &formatted).expect("formatted output parses");
    assert_eq!(tradeoff_lang::format(&reparsed), formatted, "formatting is idempotent");
    let replanned = tradeoff_lang::compile(&reparsed, &*catalog);
    assert_eq!(plan.ok(), replanned.ok(), "formatting preserves the plan");
});
