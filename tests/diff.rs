//! `tradeoff diff`: two specs, or a spec against its version at a git revision, summarised as
//! Markdown for a pull-request comment or as JSON.

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::common::*;

/// sensor-ingest with a Java team instead of a FastAPI one: the winner moves to a JVM framework.
fn java_team(spec: &str) -> String {
    spec.replace(
        "knows python expert, go intermediate, rust beginner",
        "knows java expert",
    )
    .replace("    uses fastapi expert\n", "")
}

fn git(dir: &Path, args: &[&str]) {
    let status = Command::new("git")
        .args([
            "-c",
            "user.name=test",
            "-c",
            "user.email=test@example.invalid",
            "-c",
            "commit.gpgsign=false",
        ])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .status()
        .expect("git runs");
    assert!(status.success(), "git {args:?}");
}

#[test]
fn two_specs_give_a_markdown_summary_of_the_winner_and_rank_moves() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let old = project.path().join("specs/sensor-ingest.tradeoff");
    let new = project.path().join("specs/java.tradeoff");
    std::fs::write(&new, java_team(&std::fs::read_to_string(&old).unwrap())).unwrap();
    let output = tradeoff_in(project.path())
        .args(["diff", "specs/sensor-ingest.tradeoff", "specs/java.tradeoff"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(
        text.starts_with("### tradeoff: `specs/sensor-ingest.tradeoff` → `specs/java.tradeoff`\n"),
        "{text}"
    );
    assert!(text.contains("**The winner changed:** FastAPI → **"), "{text}");
    assert!(text.contains("| FastAPI | #1 → #"), "{text}");
    assert!(text.contains("| ▼ "), "FastAPI moved down: {text}");
    assert!(!text.contains("#### Weights changed"), "weights are the same: {text}");
    // FastAPI no longer wins any draw worth mentioning; its old share is shown against the new.
    let acceptability = text
        .split("#### Acceptability (share of draws each option wins)")
        .nth(1)
        .unwrap_or_else(|| panic!("no acceptability section: {text}"));
    let fastapi = acceptability
        .lines()
        .find(|line| line.starts_with("| FastAPI | "))
        .unwrap_or_else(|| panic!("FastAPI's acceptability did not change: {text}"));
    assert!(
        fastapi.ends_with(" pp |") && fastapi.contains("| -"),
        "it fell: {fastapi}"
    );
}

#[test]
fn identical_specs_say_nothing_changed() {
    let text =
        stdout_of_success(tradeoff().args(["diff", "specs/sensor-ingest.tradeoff", "specs/sensor-ingest.tradeoff"]));
    assert!(text.contains("**The winner is unchanged:** FastAPI."), "{text}");
    assert!(text.contains("Nothing else changed"), "{text}");
}

#[test]
fn json_lists_weights_and_dropped_frameworks() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let old = project.path().join("specs/sensor-ingest.tradeoff");
    let edited = std::fs::read_to_string(&old)
        .unwrap()
        .replace("language in [python, go, rust, java]", "language in [python, go, rust]")
        .replace("maturity medium", "maturity critical");
    std::fs::write(project.path().join("specs/new.tradeoff"), edited).unwrap();
    let output = tradeoff_in(project.path())
        .args([
            "diff",
            "specs/sensor-ingest.tradeoff",
            "specs/new.tradeoff",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let diff: Value = serde_json::from_str(&stdout_of(&output)).unwrap();
    assert_eq!(diff["old"], "specs/sensor-ingest.tradeoff");
    assert_eq!(diff["winner_changed"], false);
    let maturity = diff["weights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|w| w["criterion"] == "maturity")
        .expect("maturity weight changed");
    assert!(maturity["new"].as_f64() > maturity["old"].as_f64());
    let dropped: Vec<&str> = diff["ranks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["new_rank"].is_null())
        .map(|r| r["framework"].as_str().unwrap())
        .collect();
    assert!(
        dropped.contains(&"micronaut") && dropped.contains(&"quarkus"),
        "{dropped:?}"
    );
}

#[test]
fn git_mode_compares_the_committed_spec_with_the_working_file() {
    let project = tempfile::tempdir().unwrap();
    let dir = project.path();
    std::fs::create_dir(dir.join("specs")).unwrap();
    let spec = dir.join("specs/sensor-ingest.tradeoff");
    let original = std::fs::read_to_string(root().join("specs/sensor-ingest.tradeoff")).unwrap();
    std::fs::write(&spec, &original).unwrap();
    git(dir, &["init", "-q", "-b", "main"]);
    git(dir, &["add", "."]);
    git(dir, &["commit", "-q", "-m", "spec"]);
    std::fs::write(&spec, java_team(&original)).unwrap();

    // Run from a subfolder: the revision is read relative to the project root all the same.
    let output = tradeoff_in(&dir.join("specs"))
        .args(["diff", "--git", "main", "sensor-ingest.tradeoff"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(
        text.starts_with("### tradeoff: `main:specs/sensor-ingest.tradeoff` → `sensor-ingest.tradeoff`"),
        "{text}"
    );
    assert!(text.contains("**The winner changed:** FastAPI → **"), "{text}");

    let output = tradeoff_in(dir)
        .args(["diff", "--git", "no-such-branch", "specs/sensor-ingest.tradeoff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("no-such-branch"), "{}", stderr_of(&output));
}

#[test]
fn wrong_argument_counts_are_bad_input() {
    for args in [
        &["diff", "specs/sensor-ingest.tradeoff"][..],
        &["diff", "--git", "HEAD", "specs/a.tradeoff", "specs/b.tradeoff"][..],
    ] {
        let output = tradeoff().args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn a_project_template_overrides_the_pull_request_comment() {
    let project = project_with(&["sensor-ingest.tradeoff", "realtime-chat.tradeoff"]);
    std::fs::create_dir(project.path().join("templates")).unwrap();
    std::fs::write(
        project.path().join("templates/comparison.md.j2"),
        "{{ comparison.old|code }} vs {{ comparison.new|code }}: {{ comparison.new_winner|md }}\n",
    )
    .unwrap();
    let text = stdout_of_success(tradeoff_in(project.path()).args([
        "diff",
        "specs/sensor-ingest.tradeoff",
        "specs/realtime-chat.tradeoff",
    ]));
    assert!(
        text.starts_with("specs/sensor-ingest.tradeoff vs specs/realtime-chat.tradeoff: "),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}
