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
