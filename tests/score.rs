//! `tradeoff score`: the evaluation of the example specs, end to end through the binary.

use crate::common::*;

fn evaluation_of(spec: &str) -> serde_json::Value {
    let output = tradeoff().args(["score", spec, "--format", "json"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    serde_json::from_str(&stdout_of(&output)).unwrap()
}

#[test]
fn every_example_spec_scores_with_survivors_and_explained_cells() {
    for entry in std::fs::read_dir(root().join("specs")).unwrap() {
        let path = entry.unwrap().path();
        let evaluation = evaluation_of(path.to_str().unwrap());
        let options = evaluation["options"].as_array().unwrap();
        assert!(!options.is_empty(), "{}: nothing survived", path.display());
        let weights: f64 = evaluation["weights"]["values"]
            .as_object()
            .unwrap()
            .values()
            .map(|w| w.as_f64().unwrap())
            .sum();
        assert!(
            (weights - 1.0).abs() < 1e-9,
            "{}: weights sum to {weights}",
            path.display()
        );
        for option in options {
            for (criterion, cell) in option["cells"].as_object().unwrap() {
                assert!(!cell["explanation"].as_str().unwrap().is_empty(), "{criterion}");
                for fact in cell["facts"].as_array().unwrap() {
                    assert!(!fact["source"].as_str().unwrap().is_empty(), "{fact}");
                }
            }
        }
    }
}

#[test]
fn exclusions_and_knock_outs_are_explained() {
    let evaluation = evaluation_of("specs/sensor-ingest.tradeoff");
    let eliminated = evaluation["eliminated"].as_array().unwrap();
    let tornado = eliminated
        .iter()
        .find(|e| e["framework"] == "tornado")
        .expect("tornado is excluded");
    let messages: Vec<&str> = tornado["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert!(messages.iter().any(|m| m.contains("callback-style")), "{messages:?}");
    let survivors: Vec<&str> = evaluation["options"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["framework"].as_str().unwrap())
        .collect();
    assert!(
        !survivors.contains(&"django"),
        "django has no built-in openapi and must be knocked out"
    );
}

#[test]
fn scoring_is_deterministic() {
    let run = || {
        tradeoff()
            .args(["score", "specs/ecommerce-platform.tradeoff", "--format", "json"])
            .output()
            .unwrap()
            .stdout
    };
    assert_eq!(run(), run());
}

/// The warning codes of a spec written into a fresh project.
fn warning_codes(require: &str) -> Vec<String> {
    let project = project_with(&[]);
    std::fs::write(
        project.path().join("specs/api.tradeoff"),
        format!("decision api \"API\" {{\n  app {{ kind api }}\n  require {{ {require} }}\n  weigh {{ performance high }}\n}}\n"),
    )
    .unwrap();
    let out = stdout_of_success(tradeoff_in(project.path()).args(["score", "specs/api.tradeoff", "--format", "json"]));
    let evaluation: serde_json::Value = serde_json::from_str(&out).unwrap();
    evaluation["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["code"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn missing_benchmarks_are_flagged_not_hidden() {
    // CakePHP is in no benchmark the catalog imports.
    let codes = warning_codes("language in [php]  exclude laravel because \"test\"  exclude symfony because \"test\"");
    assert!(codes.contains(&"benchmark-missing".to_string()), "{codes:?}");
}

#[test]
fn partially_known_benchmarks_are_flagged() {
    let codes = warning_codes("language in [php]");
    assert!(codes.contains(&"benchmark-partial".to_string()), "{codes:?}");
}

#[test]
fn final_round_figures_are_stated_once() {
    let codes = warning_codes("language in [go]");
    assert_eq!(
        codes.iter().filter(|c| *c == "benchmark-final-round").count(),
        1,
        "{codes:?}"
    );
    assert!(
        !codes.contains(&"benchmark-partial".to_string()),
        "every Go framework is measured: {codes:?}"
    );
}

#[test]
fn zero_survivors_is_an_error_naming_the_constraints() {
    let project = project_with(&[]);
    std::fs::write(
        project.path().join("specs/nothing.tradeoff"),
        "decision nothing \"Impossible\" {\n  app { kind api }\n  require {\n    language in [rust]\n    feature admin\n  }\n  weigh { performance high }\n}\n",
    )
    .unwrap();
    let output = tradeoff_in(project.path())
        .args(["score", "specs/nothing.tradeoff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let err = stderr_of(&output);
    assert!(
        err.contains("`feature admin` rules out") && err.contains("`language in [rust]` rules out"),
        "{err}"
    );
}
