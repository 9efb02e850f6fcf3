//! `tradeoff check --format sarif`: the log is validated against the SARIF 2.1.0 JSON schema
//! (tests/fixtures/sarif-schema-2.1.0.json) for current, stale and broken specs.
//!
//! The schema file is copied unchanged from the `serde-sarif` 0.8.0 crate (`src/schema.json`):
//! the OASIS SARIF 2.1.0 schema of oasis-tcs/sarif-spec, expressed as JSON Schema draft-07.

use serde_json::Value;

use crate::common::*;

/// The published SARIF 2.1.0 schema's pattern for `language` has a stray `]`; JSON Schema
/// validators (this one included) refuse to compile it as an ECMA-262 regex. Only that keyword is
/// dropped: it constrains `run.language` and `toolComponent.language`, which tradeoff never emits.
const BROKEN_LANGUAGE_PATTERN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";

fn drop_broken_patterns(value: &mut Value) -> usize {
    match value {
        Value::Object(map) => {
            let mut dropped = 0;
            if map.get("pattern").and_then(Value::as_str) == Some(BROKEN_LANGUAGE_PATTERN) {
                map.remove("pattern");
                dropped += 1;
            }
            dropped + map.values_mut().map(drop_broken_patterns).sum::<usize>()
        }
        Value::Array(items) => items.iter_mut().map(drop_broken_patterns).sum(),
        _ => 0,
    }
}

fn schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("tests/fixtures/sarif-schema-2.1.0.json")).unwrap();
    let mut schema: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(drop_broken_patterns(&mut schema), 2, "the schema's known defect moved");
    jsonschema::validator_for(&schema).expect("the vendored SARIF schema compiles")
}

fn assert_valid_sarif(log: &Value) {
    let errors: Vec<String> = schema()
        .iter_errors(log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "invalid SARIF: {errors:#?}\n{log:#}");
}

fn sarif_check(project: &std::path::Path) -> (Option<i32>, Value) {
    let output = tradeoff_in(project)
        .args(["check", "--format", "sarif"])
        .output()
        .unwrap();
    let log = serde_json::from_str(&stdout_of(&output)).expect("stdout is JSON");
    (output.status.code(), log)
}

#[test]
fn the_schema_rejects_what_sarif_forbids() {
    // Guards the test itself: a validator that accepted anything would prove nothing.
    let bad = serde_json::json!({
        "version": "2.1.0",
        "runs": [{ "tool": { "driver": { "name": "tradeoff" } },
                   "results": [{ "level": "fatal", "message": { "text": "x" } }] }]
    });
    assert!(!schema().is_valid(&bad));
    let no_driver = serde_json::json!({ "version": "2.1.0", "runs": [{ "tool": {} }] });
    assert!(!schema().is_valid(&no_driver));
}

#[test]
fn a_missing_record_is_a_valid_sarif_result_on_the_spec() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let (code, log) = sarif_check(project.path());
    assert_eq!(code, Some(1));
    assert_valid_sarif(&log);
    let run = &log["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "tradeoff");
    assert_eq!(run["tool"]["driver"]["version"], env!("CARGO_PKG_VERSION"));
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules[..2], ["stale-record", "spec-error"]);
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "{results:#?}");
    assert_eq!(results[0]["ruleId"], "stale-record");
    assert_eq!(results[0]["level"], "error");
    assert!(results[0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("sensor-ingest"));
    let location = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "specs/sensor-ingest.tradeoff");
    assert_eq!(location["region"]["startLine"], 1);
}

#[test]
fn current_records_give_a_valid_log_without_results() {
    let project = project_with(&["realtime-chat.tradeoff"]);
    let decide = tradeoff_in(project.path()).arg("decide").output().unwrap();
    assert!(decide.status.success(), "{}", stderr_of(&decide));
    let (code, log) = sarif_check(project.path());
    assert_eq!(code, Some(0));
    assert_valid_sarif(&log);
    assert_eq!(log["runs"][0]["results"].as_array().map(Vec::len), Some(0));
}

#[test]
fn a_broken_spec_is_a_spec_error_result_beside_the_others() {
    let project = project_with(&["realtime-chat.tradeoff"]);
    std::fs::write(
        project.path().join("specs/broken.tradeoff"),
        "decision broken \"x\" {\n  wegh { }\n}\n",
    )
    .unwrap();
    let (code, log) = sarif_check(project.path());
    assert_eq!(code, Some(2));
    assert_valid_sarif(&log);
    let results = log["runs"][0]["results"].as_array().unwrap();
    let by_rule: Vec<(&str, &str)> = results
        .iter()
        .map(|r| {
            (
                r["ruleId"].as_str().unwrap(),
                r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                    .as_str()
                    .unwrap(),
            )
        })
        .collect();
    assert!(
        by_rule.contains(&("unknown-key", "specs/broken.tradeoff")),
        "{by_rule:?}"
    );
    assert!(
        by_rule.contains(&("stale-record", "specs/realtime-chat.tradeoff")),
        "{by_rule:?}"
    );
}

/// A project whose one spec has errors at known places: line 31 (`migratoins`), line 38
/// (`team-fti`) and line 40 (`médium`).
fn project_with_spec_errors() -> tempfile::TempDir {
    let project = project_with(&["hotel-reservations.tradeoff"]);
    let spec = project.path().join("specs/hotel-reservations.tradeoff");
    let broken = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("orm, migrations,", "orm, migratoins,")
        .replace("team-fit high", "team-fti high")
        .replace("hiring medium", "hiring médium");
    std::fs::write(&spec, broken).unwrap();
    project
}

fn check_output(project: &std::path::Path, format: &str) -> String {
    let output = tradeoff_in(project)
        .args(["check", "--format", format])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    stdout_of(&output)
}

#[test]
fn spec_errors_as_json_github_and_sarif_carry_their_line_and_column() {
    let project = project_with_spec_errors();
    insta::assert_snapshot!("spec_errors_json", check_output(project.path(), "json"));
    let github = check_output(project.path(), "github");
    assert!(
        github.contains("::error file=specs/hotel-reservations.tradeoff,line=38,col=5,"),
        "{github}"
    );
    insta::assert_snapshot!("spec_errors_github", github);
    let sarif = check_output(project.path(), "sarif");
    let log: Value = serde_json::from_str(&sarif).unwrap();
    assert_valid_sarif(&log);
    let region = &log["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["region"];
    assert_eq!(
        (region["startLine"].as_u64(), region["startColumn"].as_u64()),
        (Some(38), Some(5))
    );
    // The rules are the driver's one list of codes; the results only point into it.
    let rules = log["runs"][0]["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), 3 + tradeoff_lang::Code::ALL.len());
    insta::assert_snapshot!("spec_errors_sarif", results_of(&log));
}

/// The SARIF results alone: the rule list is long and covered by the count above.
fn results_of(log: &Value) -> String {
    serde_json::to_string_pretty(&log["runs"][0]["results"]).unwrap()
}

#[test]
fn a_broken_catalog_include_is_annotated_in_the_catalog_file() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    std::fs::create_dir(project.path().join("catalog")).unwrap();
    std::fs::write(
        project.path().join("catalog/acme.toml"),
        "id = \"acme-web\"\nbogus = 1\n",
    )
    .unwrap();
    let spec = project.path().join("specs/sensor-ingest.tradeoff");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(&spec, text.replacen('{', "{\n  catalog \"../catalog/acme.toml\"", 1)).unwrap();
    let github = check_output(project.path(), "github");
    assert!(
        github.contains("::error file=catalog/acme.toml,line=2,col="),
        "{github}"
    );
    let sarif: Value = serde_json::from_str(&check_output(project.path(), "sarif")).unwrap();
    assert_valid_sarif(&sarif);
    let result = &sarif["runs"][0]["results"][0];
    assert_eq!(result["ruleId"], "catalog-error");
    assert_eq!(
        result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "catalog/acme.toml"
    );
}

#[test]
fn commands_find_the_project_from_a_subfolder() {
    let project = project_with(&["hotel-reservations.tradeoff"]);
    let nested = project.path().join("docs/notes");
    std::fs::create_dir_all(&nested).unwrap();
    stdout_of_success(tradeoff_in(&nested).args(["decide"]));
    assert!(project.path().join("reports/0001-hotel-reservations.md").is_file());
    assert!(
        !nested.join("reports").exists(),
        "records belong to the project, not the folder"
    );
    let output = tradeoff_in(&nested).args(["check", "--verbose"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("project root: ../.."),
        "{}",
        stderr_of(&output)
    );
    assert!(
        stdout_of(&output).contains("ok     ../../specs/hotel-reservations.tradeoff"),
        "{}",
        stdout_of(&output)
    );
    let nowhere = tempfile::tempdir().unwrap();
    let output = tradeoff_in(nowhere.path()).arg("check").output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("tradeoff init"), "{}", stderr_of(&output));
}
