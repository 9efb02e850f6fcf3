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
        "decision nothing \"Impossible\" {\n  app { kind api }\n  require {\n    language in [rust]\n    feature admin\n    unknown-features eliminate\n  }\n  weigh { performance high }\n}\n",
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

/// Scores a business API that requires `features`, returning the JSON evaluation.
fn business_api(features: &str) -> serde_json::Value {
    let project = project_with(&[]);
    let text = format!(
        "decision business-api \"Business API\" {{\n  app {{ kind api }}\n  require {{\n    feature {features}\n  }}\n  weigh {{\n    productivity high\n    security high\n  }}\n}}\n"
    );
    std::fs::write(project.path().join("specs/api.tradeoff"), text).unwrap();
    let out = stdout_of_success(tradeoff_in(project.path()).args(["score", "specs/api.tradeoff", "--format", "json"]));
    serde_json::from_str(&out).unwrap()
}

#[test]
fn feature_tiers_decide_who_survives_and_every_survivor_says_how() {
    let ids = |evaluation: &serde_json::Value| -> Vec<String> {
        evaluation["options"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["framework"].as_str().unwrap().to_owned())
            .collect()
    };
    // The standard tier set: builtin, official, companion. OpenAPI generation is third-party for
    // most frameworks (springdoc, drf-spectacular, rswag), so few survive.
    let standard = business_api("validation, openapi, migrations, csrf");
    let strict = business_api("validation builtin, openapi, migrations, csrf builtin");
    let loose = business_api("validation, openapi any, migrations, csrf");
    let (standard_ids, strict_ids, loose_ids) = (ids(&standard), ids(&strict), ids(&loose));
    assert!(standard_ids.contains(&"quarkus".to_owned()) && standard_ids.contains(&"aspnetcore".to_owned()));
    assert!(
        !standard_ids.contains(&"spring-boot".to_owned()),
        "springdoc is third-party"
    );
    assert!(loose_ids.len() >= 12, "{loose_ids:?}");
    assert!(loose_ids.contains(&"spring-boot".to_owned()) && loose_ids.contains(&"django".to_owned()));
    for id in &strict_ids {
        assert!(standard_ids.contains(id), "{id} survives builtin but not standard");
    }
    for id in &standard_ids {
        assert!(loose_ids.contains(id), "{id} survives standard but not any");
    }
    // Each survivor's row says how it meets each requirement, with the package and the page.
    for option in loose["options"].as_array().unwrap() {
        let checks = option["requirements"].as_array().unwrap();
        assert_eq!(checks.len(), 4, "{option}");
        for check in checks {
            if let Some(fact) = check.get("fact") {
                assert!(fact["source"].as_str().unwrap().starts_with("http"), "{check}");
                assert!(check["tier"].is_string(), "{check}");
            }
        }
    }
    let spring = loose["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["framework"] == "spring-boot")
        .unwrap();
    let openapi = spring["requirements"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["feature"] == "openapi")
        .unwrap();
    assert_eq!(
        (openapi["tier"].as_str(), openapi["package"].as_str()),
        (Some("third-party"), Some("springdoc-openapi"))
    );
}

/// Every example spec's JSON says how sure it is: intervals that hold the point scores (and are a
/// point exactly where nothing is missing), acceptability shares for ranks 1–3, the sample count
/// and seed, and a verdict sentence naming the winner.
#[test]
fn every_example_spec_says_how_sure_it_is() {
    for entry in std::fs::read_dir(root().join("specs")).unwrap() {
        let path = entry.unwrap().path();
        let evaluation = evaluation_of(path.to_str().unwrap());
        for option in evaluation["options"].as_array().unwrap() {
            for (criterion, cell) in option["cells"].as_object().unwrap() {
                let score = cell["score"].as_f64().unwrap();
                let (low, high) = (
                    cell["interval"]["low"].as_f64().unwrap(),
                    cell["interval"]["high"].as_f64().unwrap(),
                );
                assert!(
                    low <= score && score <= high,
                    "{criterion}: {score} not in [{low}, {high}]"
                );
                if cell["missing"].as_array().unwrap().is_empty() {
                    assert_eq!((low, high), (score, score), "{criterion}: nothing missing");
                }
            }
        }
        let assurance = &evaluation["assurance"];
        let smaa = &assurance["smaa"];
        assert_eq!(smaa["samples"], 1000, "{}", path.display());
        assert!(smaa["seed"].as_u64().is_some());
        let winner = evaluation["options"][0]["framework"].as_str().unwrap();
        assert_eq!(assurance["winner"], winner, "{}", path.display());
        let first: f64 = smaa["acceptability"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["ranks"][0].as_f64().unwrap())
            .sum();
        assert!(
            (first - 1.0).abs() < 1e-9,
            "{}: rank-1 shares sum to {first}",
            path.display()
        );
        let verdict = assurance["verdict"].as_str().unwrap();
        assert!(
            ["robust", "depends-on-weights", "depends-on-unknowns"].contains(&verdict),
            "{verdict}"
        );
        let name = evaluation["options"][0]["name"].as_str().unwrap();
        assert!(assurance["summary"].as_str().unwrap().contains(name));
    }
}
