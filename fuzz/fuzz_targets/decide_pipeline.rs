//! The whole decide pipeline in memory: spec → plan → evaluation → Markdown and HTML record.
//! The HTML must never contain a live tag taken from the spec.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tradeoff_core::catalog::Catalog;
use tradeoff_core::scoring::{evaluate, Settings};
use tradeoff_report::{RecordMeta, RecordModel, Templates};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let catalog = catalog();
    let Ok(ast) = tradeoff_lang::parse("fuzz.tradeoff", text) else { return };
    let Ok(plan) = tradeoff_lang::compile(&ast, catalog) else { return };
    let evaluation = evaluate(&plan, catalog, &Settings::default());
    let meta = RecordMeta {
        number: 1,
        spec_path: "specs/fuzz.tradeoff".into(),
        spec_sha256: tradeoff_report::spec_sha256(text),
        catalog_version: evaluation.catalog_version.clone(),
        tool_version: "fuzz".into(),
        revision: 1,
        changelog: Vec::new(),
        supersedes: None,
        superseded_by: None,
        status: None,
    };
    let model = RecordModel::build(&plan, &evaluation, &meta);
    let rendered = templates().render_record(&model).expect("built-in templates render every record");
    let lower = rendered.html.to_ascii_lowercase();
    assert!(!lower.contains("<script"), "live script tag in the record");
    assert!(!lower.contains("javascript:"), "javascript: URL in the record");
});

fn catalog() -> &'static Catalog {
    static CATALOG: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
    CATALOG.get_or_init(|| Catalog::builtin().expect("built-in catalog loads"))
}

fn templates() -> &'static Templates {
    static TEMPLATES: std::sync::OnceLock<Templates> = std::sync::OnceLock::new();
    TEMPLATES.get_or_init(Templates::builtin)
}
