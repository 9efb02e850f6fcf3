//! `tradeoff catalog`.

use crate::common::*;

#[test]
fn list_json_has_at_least_thirty_frameworks_with_twelve_facts() {
    let output = tradeoff()
        .args(["catalog", "list", "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let listing: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    let frameworks = listing["frameworks"].as_array().unwrap();
    assert!(frameworks.len() >= 30, "{} frameworks", frameworks.len());
    for f in frameworks {
        assert!(f["facts"].as_u64().unwrap() >= 12, "{f}");
    }
}

#[test]
fn show_prints_facts_with_sources() {
    let output = tradeoff().args(["catalog", "show", "axum"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(text.contains("Axum"), "{text}");
    assert!(text.contains("https://"), "{text}");
}

#[test]
fn show_suggests_a_near_name() {
    let output = tradeoff().args(["catalog", "show", "djanog"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("did you mean `django`"),
        "{}",
        stderr_of(&output)
    );
}

#[test]
fn check_names_the_file_and_line_of_a_broken_catalog_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("inhouse.toml");
    std::fs::write(&file, "id = \"inhouse\"\nname = \"In-house\"\nbogus_key = 1\n").unwrap();
    let output = tradeoff_in(dir.path())
        .args(["catalog", "check", "inhouse.toml"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(err.contains("inhouse.toml"), "{err}");
    assert!(err.contains("bogus_key"), "{err}");
}

#[test]
fn check_without_files_validates_the_builtin_catalog() {
    let output = tradeoff().args(["catalog", "check"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
}

/// Every object carrying a `source` is a fact: it must have a non-empty source and a real date.
fn assert_facts_are_sourced(value: &serde_json::Value, path: &str, count: &mut usize) {
    match value {
        serde_json::Value::Object(map) => {
            if map.contains_key("source") || map.contains_key("as_of") {
                *count += 1;
                let source = map["source"].as_str().unwrap_or_default();
                assert!(!source.trim().is_empty(), "{path}: empty source");
                let as_of = map["as_of"].as_str().unwrap_or_default();
                let parts: Vec<u32> = as_of.split('-').filter_map(|p| p.parse().ok()).collect();
                assert!(
                    as_of.len() == 10
                        && parts.len() == 3
                        && (1..=12).contains(&parts[1])
                        && (1..=31).contains(&parts[2]),
                    "{path}: as_of `{as_of}` is not a YYYY-MM-DD date"
                );
            }
            for (key, child) in map {
                assert_facts_are_sourced(child, &format!("{path}.{key}"), count);
            }
        }
        serde_json::Value::Array(items) => {
            for (index, child) in items.iter().enumerate() {
                assert_facts_are_sourced(child, &format!("{path}[{index}]"), count);
            }
        }
        _ => {}
    }
}

#[test]
fn every_fact_of_every_framework_has_a_source_and_a_date() {
    let output = tradeoff()
        .args(["catalog", "list", "--format", "json"])
        .output()
        .unwrap();
    let listing: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    for framework in listing["frameworks"].as_array().unwrap() {
        let id = framework["id"].as_str().unwrap();
        let shown = tradeoff()
            .args(["catalog", "show", id, "--format", "json"])
            .output()
            .unwrap();
        assert!(shown.status.success(), "{}", stderr_of(&shown));
        let facts: serde_json::Value = serde_json::from_str(&stdout_of(&shown)).unwrap();
        let mut count = 0;
        assert_facts_are_sourced(&facts, id, &mut count);
        assert!(count >= 12, "{id} has only {count} facts");
    }
}

#[test]
fn show_prints_load_tests_and_repository_snapshots_as_figures() {
    let text = stdout_of_success(tradeoff().args(["catalog", "show", "chi"]));
    assert!(text.contains("load_test.512"), "{text}");
    assert!(text.contains("22857.5 rps, p99 94.823 ms (chi 5.2)"), "{text}");
    assert!(text.contains("fewer than 28629 stars (go-chi/chi)"), "{text}");
    let gin = stdout_of_success(tradeoff().args(["catalog", "show", "gin"]));
    assert!(gin.contains("89099 stars"), "{gin}");
}
