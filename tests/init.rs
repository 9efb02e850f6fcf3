//! `tradeoff init`: the scaffold compiles, decides and checks, and is never overwritten silently.

use crate::common::*;

const SCAFFOLD: [&str; 3] = [
    "specs/example.tradeoff",
    "reports/.gitkeep",
    ".github/workflows/tradeoff.yml",
];

#[test]
fn the_scaffold_is_a_working_project() {
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    let output = tradeoff_in(dir).arg("init").output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    for file in SCAFFOLD {
        assert!(dir.join(file).is_file(), "missing {file}");
    }
    // The starter spec compiles, is canonically formatted, and its record can be written and checked.
    for args in [
        &["plan", "specs/example.tradeoff"][..],
        &["fmt", "--check"][..],
        &["decide"][..],
        &["check"][..],
    ] {
        let output = tradeoff_in(dir).args(args).output().unwrap();
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
    }
    assert!(dir.join("reports/0001-example.md").is_file());
}

#[test]
fn the_workflow_checks_pull_requests_with_github_annotations() {
    let project = tempfile::tempdir().unwrap();
    tradeoff_in(project.path()).args(["init", "."]).assert().success();
    let workflow = std::fs::read_to_string(project.path().join(".github/workflows/tradeoff.yml")).unwrap();
    assert!(workflow.contains("on:\n  pull_request:"), "{workflow}");
    assert!(workflow.contains("uses: dtolnay/rust-toolchain@stable"), "{workflow}");
    assert!(workflow.contains("run: tradeoff check --format github\n"), "{workflow}");
    // Outside tradeoff's own repository the install command is unknown: the step says so.
    assert!(workflow.contains("exit 1") && !workflow.contains("--path crates/tradeoff-cli"));
    assert!(
        !workflow.contains('\t') && !workflow.contains("{install}"),
        "{workflow}"
    );
}

#[test]
fn inside_the_tradeoff_repository_the_workflow_builds_the_tool_from_the_checkout() {
    let project = tempfile::tempdir().unwrap();
    let manifest = project.path().join("crates/tradeoff-cli");
    std::fs::create_dir_all(&manifest).unwrap();
    std::fs::write(manifest.join("Cargo.toml"), "[package]\n").unwrap();
    tradeoff_in(project.path()).arg("init").assert().success();
    let workflow = std::fs::read_to_string(project.path().join(".github/workflows/tradeoff.yml")).unwrap();
    assert!(
        workflow.contains("run: cargo install --locked --path crates/tradeoff-cli"),
        "{workflow}"
    );
}

#[test]
fn existing_files_are_named_and_kept_unless_forced() {
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    std::fs::create_dir(dir.join("specs")).unwrap();
    std::fs::write(dir.join("specs/example.tradeoff"), "mine").unwrap();
    let output = tradeoff_in(dir).args(["init", "."]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr_of(&output).contains("example.tradeoff"),
        "{}",
        stderr_of(&output)
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("specs/example.tradeoff")).unwrap(),
        "mine"
    );
    assert!(
        !dir.join(".github").exists(),
        "nothing is written when anything would be overwritten"
    );

    tradeoff_in(dir).args(["init", "--force"]).assert().success();
    assert!(std::fs::read_to_string(dir.join("specs/example.tradeoff"))
        .unwrap()
        .starts_with("# A starter decision."));
}

#[test]
fn a_missing_target_folder_is_created() {
    let project = tempfile::tempdir().unwrap();
    tradeoff_in(project.path())
        .args(["init", "new/project"])
        .assert()
        .success();
    assert!(project.path().join("new/project/specs/example.tradeoff").is_file());
}

#[test]
fn an_install_url_the_workflow_cannot_use_is_refused_before_anything_is_written() {
    let project = tempfile::tempdir().unwrap();
    let output = tradeoff_in(project.path())
        .args(["init", ".", "--install-from", "https://x.org/a b"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("is not a git URL"),
        "{}",
        stderr_of(&output)
    );
    assert!(!project.path().join("specs").exists() && !project.path().join(".github").exists());
}
