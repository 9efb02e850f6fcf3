//! Writes the two example records from the test fixtures into a folder, for looking at them in
//! a browser (scripts/screenshot.sh RECORD.html) before the CLI's `decide` command exists.
//!
//! Usage: cargo run -p tradeoff-report --example sample_records -- OUT_DIR

#[path = "../tests/fixtures/mod.rs"]
mod fixtures;

use std::path::PathBuf;
use std::process::ExitCode;

use tradeoff_report::{write_record, RecordInputs, Templates, Versions};

fn main() -> ExitCode {
    let Some(out) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: sample_records OUT_DIR");
        return ExitCode::from(2);
    };
    let versions = Versions {
        catalog: "2026.11.0".to_owned(),
        tool: env!("CARGO_PKG_VERSION").to_owned(),
    };
    let templates = Templates::builtin();
    let examples = [
        (
            "specs/sensor-ingest.tradeoff",
            fixtures::sensor_plan(),
            fixtures::sensor_evaluation(),
        ),
        (
            "specs/saas-dashboard-mvp.tradeoff",
            fixtures::saas_plan(),
            fixtures::saas_evaluation(),
        ),
    ];
    for (spec, plan, evaluation) in examples {
        // The fixture stands in for the spec text: only its hash is recorded.
        let spec_text = serde_json::to_string(&plan).unwrap_or_default();
        match write_record(
            &out,
            &RecordInputs {
                plan: &plan,
                evaluation: &evaluation,
                spec_path: spec,
                spec_text: &spec_text,
                versions: &versions,
            },
            &templates,
        ) {
            Ok(outcome) => println!("{outcome:?}"),
            Err(error) => {
                eprintln!("{error}");
                return ExitCode::FAILURE;
            }
        }
    }
    ExitCode::SUCCESS
}
