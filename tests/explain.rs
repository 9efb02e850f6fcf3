//! `tradeoff explain SPEC FRAMEWORK`: cell-by-cell reasons with facts, eliminations, typos.

use serde_json::Value;

use crate::common::*;

#[test]
fn a_ranked_framework_is_explained_cell_by_cell_with_its_facts() {
    let text = stdout_of_success(tradeoff().args(["explain", "specs/sensor-ingest.tradeoff", "fastapi"]));
    assert!(
        text.starts_with("FastAPI (fastapi, python) in sensor-ingest: rank 1 of"),
        "{text}"
    );
    for criterion in [
        "performance",
        "concurrency",
        "productivity",
        "security",
        "team-fit",
        "maturity",
    ] {
        assert!(
            text.contains(&format!("\n{criterion}  weight ")),
            "no {criterion} cell: {text}"
        );
    }
    assert!(
        text.contains("fact concurrency_model = async-runtime  (source https://"),
        "{text}"
    );
    assert!(text.contains("missing: "), "unknown inputs are listed: {text}");
}

#[test]
fn json_cells_carry_weight_score_facts_and_sum_to_the_total() {
    let output = tradeoff()
        .args(["explain", "specs/sensor-ingest.tradeoff", "FastAPI", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let explanation: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(explanation["status"], "ranked");
    assert_eq!(explanation["framework"], "fastapi");
    let cells = explanation["cells"].as_array().unwrap();
    assert_eq!(cells.len(), 6);
    let sum: f64 = cells.iter().map(|c| c["contribution"].as_f64().unwrap()).sum();
    let total = explanation["totals"]["weighted-sum"].as_f64().unwrap();
    assert!(
        (sum - total).abs() < 1e-9,
        "contributions {sum} vs weighted sum {total}"
    );
    let fact = &cells.iter().find(|c| c["criterion"] == "concurrency").unwrap()["facts"][0];
    for field in ["value", "source", "as_of", "stale"] {
        assert!(!fact[field].is_null(), "fact lacks {field}: {fact}");
    }
}

#[test]
fn an_eliminated_framework_shows_the_constraints_and_facts_that_removed_it() {
    let text = stdout_of_success(tradeoff().args(["explain", "specs/sensor-ingest.tradeoff", "actix-web"]));
    assert!(text.contains("Actix Web (actix-web) was eliminated"), "{text}");
    assert!(text.contains("feature validation: requires validation"), "{text}");
    assert!(text.contains("fact features.validation = third-party"), "{text}");

    let output = tradeoff()
        .args(["explain", "specs/sensor-ingest.tradeoff", "tornado", "--format", "json"])
        .output()
        .unwrap();
    let explanation: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(explanation["status"], "eliminated");
    let messages = explanation["reasons"].to_string();
    assert!(
        messages.contains("callback-style"),
        "the exclusion reason is kept: {messages}"
    );
}

#[test]
fn an_unknown_framework_is_bad_input_with_a_suggestion() {
    let output = tradeoff()
        .args(["explain", "specs/sensor-ingest.tradeoff", "fastapy"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(
        err.contains("no framework `fastapy`") && err.contains("did you mean `fastapi`"),
        "{err}"
    );
    assert!(stdout_of(&output).is_empty());
}
