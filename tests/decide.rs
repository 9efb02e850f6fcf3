//! `tradeoff decide` and `tradeoff check`: records written into a temp project, kept current,
//! and reported when they go stale.

use crate::common::*;

fn decide(project: &std::path::Path) -> std::process::Output {
    tradeoff_in(project).args(["decide"]).output().unwrap()
}

#[test]
fn decide_writes_numbered_records_and_the_decision_log() {
    let project = project_with(&["sensor-ingest.tradeoff", "hotel-reservations.tradeoff"]);
    let output = decide(project.path());
    assert!(output.status.success(), "{}", stderr_of(&output));
    let reports = project.path().join("reports");
    for file in [
        "0001-hotel-reservations.md",
        "0001-hotel-reservations.html",
        "0002-sensor-ingest.md",
        "README.md",
        "index.html",
    ] {
        assert!(reports.join(file).is_file(), "missing {file}");
    }
    let record = std::fs::read_to_string(reports.join("0002-sensor-ingest.md")).unwrap();
    for section in [
        "## Context and Problem Statement",
        "## Decision Drivers",
        "## Considered Options",
        "## Decision Outcome",
        "## Pros and Cons of the Options",
        "## More Information",
    ] {
        assert!(record.contains(section), "no {section}");
    }
    let index = std::fs::read_to_string(reports.join("README.md")).unwrap();
    assert!(index.contains("0001") && index.contains("0002"), "{index}");
}

#[test]
fn rerunning_decide_changes_no_byte() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    decide(project.path());
    let path = project.path().join("reports/0001-sensor-ingest.html");
    let first = std::fs::read(&path).unwrap();
    let output = decide(project.path());
    assert!(output.status.success());
    assert_eq!(std::fs::read(&path).unwrap(), first);
}

#[test]
fn check_passes_then_fails_on_an_edited_spec_then_passes_after_decide() {
    let project = project_with(&["sensor-ingest.tradeoff", "realtime-chat.tradeoff"]);
    decide(project.path());
    let check = || tradeoff_in(project.path()).args(["check"]).output().unwrap();
    assert_eq!(check().status.code(), Some(0), "{}", stdout_of(&check()));

    let spec = project.path().join("specs/sensor-ingest.tradeoff");
    let edited = std::fs::read_to_string(&spec)
        .unwrap()
        .replace("maturity medium", "maturity high");
    std::fs::write(&spec, edited).unwrap();
    let stale = check();
    assert_eq!(stale.status.code(), Some(1));
    let text = stdout_of(&stale);
    assert!(text.contains("stale  specs/sensor-ingest.tradeoff"), "{text}");
    assert!(text.contains("ok     specs/realtime-chat.tradeoff"), "{text}");

    let output = decide(project.path());
    assert!(stderr_of(&output).contains("revision 2"), "{}", stderr_of(&output));
    assert_eq!(check().status.code(), Some(0));
}

#[test]
fn check_speaks_github_annotations_and_json() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let github = tradeoff_in(project.path())
        .args(["check", "--format", "github"])
        .output()
        .unwrap();
    assert_eq!(github.status.code(), Some(1));
    let text = stdout_of(&github);
    assert!(
        text.starts_with("::error file=specs/sensor-ingest.tradeoff,line=1,title=decision record is stale::"),
        "{text}"
    );
    assert_eq!(
        text.lines().count(),
        1,
        "one annotation per problem, newlines encoded: {text}"
    );

    let json = tradeoff_in(project.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let results: serde_json::Value = serde_json::from_str(&stdout_of(&json)).unwrap();
    assert_eq!(results[0]["spec"], "specs/sensor-ingest.tradeoff");
    assert_eq!(results[0]["status"], "stale");
}

#[test]
fn a_broken_spec_is_reported_and_the_others_still_checked() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    decide(project.path());
    std::fs::write(
        project.path().join("specs/broken.tradeoff"),
        "decision broken \"x\" {\n  wegh { }\n}\n",
    )
    .unwrap();
    let output = tradeoff_in(project.path()).args(["check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    let text = stdout_of(&output);
    assert!(
        text.contains("error  specs/broken.tradeoff") && text.contains("did you mean `weigh`"),
        "{text}"
    );
    assert!(text.contains("ok     specs/sensor-ingest.tradeoff"), "{text}");
}

#[test]
fn decide_restores_a_page_that_differs_from_its_record_without_a_new_revision() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    decide(project.path());
    let html = project.path().join("reports/0001-sensor-ingest.html");
    let mut page = std::fs::read_to_string(&html).unwrap();
    page.push_str("<!-- hand edit -->");
    std::fs::write(&html, page).unwrap();
    let check = || tradeoff_in(project.path()).args(["check"]).output().unwrap();
    assert_eq!(check().status.code(), Some(1), "a hand edit makes the record stale");
    let output = decide(project.path());
    assert!(
        stderr_of(&output).contains("restored the page of reports/0001-sensor-ingest.md"),
        "{}",
        stderr_of(&output)
    );
    let record = std::fs::read_to_string(project.path().join("reports/0001-sensor-ingest.md")).unwrap();
    assert!(!record.contains("revision 2"), "the record is not revised: {record}");
    assert_eq!(check().status.code(), Some(0), "{}", stdout_of(&check()));
}

#[test]
fn frameworks_from_project_catalog_files_are_scored_and_named_in_the_record() {
    let project = project_with(&[]);
    let axum = std::fs::read_to_string(root().join("crates/tradeoff-core/catalog/frameworks/axum.toml")).unwrap();
    let in_house =
        axum.replacen("id = \"axum\"", "id = \"acme-web\"", 1)
            .replacen("name = \"Axum\"", "name = \"Acme Web\"", 1);
    std::fs::create_dir(project.path().join("catalog")).unwrap();
    std::fs::write(project.path().join("catalog/acme.toml"), in_house).unwrap();
    std::fs::write(
        project.path().join("specs/inhouse.tradeoff"),
        "decision inhouse \"Try our in-house framework\" {\n  catalog \"../catalog/acme.toml\"\n  app { kind api }\n  require {\n    candidates [acme-web, axum, gin]\n  }\n  weigh { performance high  team-fit medium }\n}\n",
    )
    .unwrap();
    let output = decide(project.path());
    assert!(output.status.success(), "{}", stderr_of(&output));
    let record = std::fs::read_to_string(project.path().join("reports/0001-inhouse.md")).unwrap();
    assert!(
        record.contains("acme-web: added by catalog/acme.toml"),
        "the record names the project catalog file"
    );
    assert!(record.contains("Acme Web"), "the in-house framework is scored");

    std::fs::write(
        project.path().join("catalog/acme.toml"),
        "id = \"acme-web\"\nbogus = 1\n",
    )
    .unwrap();
    let broken = decide(project.path());
    assert_eq!(broken.status.code(), Some(2));
    assert!(
        stderr_of(&broken).contains("catalog/acme.toml"),
        "{}",
        stderr_of(&broken)
    );
}

#[test]
fn records_written_before_a_failing_spec_are_in_the_decision_log() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    std::fs::write(project.path().join("specs/zz-broken.tradeoff"), "decision zz {\n").unwrap();
    let output = decide(project.path());
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let index = std::fs::read_to_string(project.path().join("reports/README.md")).unwrap();
    assert!(index.contains("0001-sensor-ingest.md"), "{index}");
}

#[test]
fn a_run_that_fails_before_writing_anything_creates_no_folder() {
    let project = project_with(&[]);
    std::fs::write(project.path().join("specs/broken.tradeoff"), "decision zz {\n").unwrap();
    let output = decide(project.path());
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(!project.path().join("reports").exists());
}

#[test]
fn two_specs_deciding_one_decision_are_a_diagnostic_not_a_record_rewritten_twice() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let specs = project.path().join("specs");
    // A copy with other weights but the same `decision` id (copied and only half edited).
    let copy = std::fs::read_to_string(specs.join("sensor-ingest.tradeoff"))
        .unwrap()
        .replacen("    performance high", "    performance medium", 1);
    assert!(copy.contains("performance medium"));
    std::fs::write(specs.join("z-copy.tradeoff"), copy).unwrap();

    let output = decide(project.path());
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let err = stderr_of(&output);
    assert!(err.contains("tradeoff::duplicate-decision"), "{err}");
    assert!(
        err.contains("decision `sensor-ingest` is also decided by specs/sensor-ingest.tradeoff"),
        "{err}"
    );
    assert!(err.contains("z-copy.tradeoff:2:10"), "points at the id: {err}");
    // The first spec's record is written once, and not revised from the copy.
    let record = std::fs::read_to_string(project.path().join("reports/0001-sensor-ingest.md")).unwrap();
    assert!(!record.contains("revision 2"), "{record}");

    let check = tradeoff_in(project.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    assert_eq!(check.status.code(), Some(2), "{}", stdout_of(&check));
    let json: serde_json::Value = serde_json::from_str(&stdout_of(&check)).unwrap();
    assert_eq!(json[0]["status"], "current", "{json}");
    assert_eq!(json[1]["spec"], "specs/z-copy.tradeoff", "{json}");
    assert_eq!(json[1]["problems"][0]["code"], "duplicate-decision", "{json}");
    assert_eq!(json[1]["problems"][0]["region"]["start_line"], 2, "{json}");
}
