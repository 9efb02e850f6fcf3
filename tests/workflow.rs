//! The workflow `tradeoff init` writes, run as GitHub would run it on a pull request: its
//! check step and its comment step execute, in a shallow clone of a pull-request branch, with a
//! stand-in `gh` that records the comment it is asked to post. (actionlint validates the same
//! workflow in `.ci/run`.)

use std::path::Path;
use std::process::Command;

use crate::common::{git_identity, stdout_of_success, tradeoff_in};

/// The shell script of the step named `name` (a `run: |` block or a one-line `run:`).
fn step_script(workflow: &str, name: &str) -> String {
    let lines: Vec<&str> = workflow.lines().collect();
    let start = lines
        .iter()
        .position(|l| l.trim() == format!("- name: {name}"))
        .unwrap_or_else(|| panic!("no step `{name}`"));
    let run = start
        + lines[start..]
            .iter()
            .position(|l| l.trim_start().starts_with("run:"))
            .expect("a run key");
    let inline = lines[run].trim_start().trim_start_matches("run:").trim();
    if inline != "|" {
        return inline.to_owned();
    }
    let indent = lines[run].len() - lines[run].trim_start().len() + 2;
    lines[run + 1..]
        .iter()
        .take_while(|l| l.trim().is_empty() || l.len() - l.trim_start().len() >= indent)
        .map(|l| l.get(indent..).unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

fn git(dir: &Path, args: &[&str]) {
    let output = git_identity(&mut Command::new("git"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

#[test]
fn the_generated_workflow_annotates_and_comments_from_a_shallow_clone() {
    let root = tempfile::tempdir().unwrap();
    let upstream = root.path().join("upstream");
    std::fs::create_dir(&upstream).unwrap();
    git(&upstream, &["init", "-q", "-b", "main"]);
    stdout_of_success(tradeoff_in(&upstream).args(["init", "--install-from", "https://git.example.org/tradeoff"]));
    stdout_of_success(tradeoff_in(&upstream).arg("decide"));
    git(&upstream, &["add", "."]);
    git(&upstream, &["commit", "-qm", "Decide"]);
    // The pull request raises a priority and forgets to regenerate the record.
    git(&upstream, &["checkout", "-qb", "raise-security"]);
    let spec = upstream.join("specs/example.tradeoff");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(&spec, text.replacen("security high", "security critical", 1)).unwrap();
    git(&upstream, &["commit", "-qam", "Security first"]);

    let work = root.path().join("work");
    let url = format!("file://{}", upstream.display());
    git(
        root.path(),
        &[
            "clone",
            "-q",
            "--depth",
            "1",
            "--branch",
            "raise-security",
            &url,
            "work",
        ],
    );

    // A stand-in for the GitHub CLI: no comment exists yet; a posted body is kept.
    let bin = root.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let gh = bin.join("gh");
    std::fs::write(
        &gh,
        "#!/bin/sh\necho \"$*\" >> \"$GH_LOG\"\nfor arg in \"$@\"; do case \"$arg\" in body=@*) cp \"${arg#body=@}\" \"$GH_BODY\";; esac; done\n",
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&gh, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let tradeoff = assert_cmd::cargo::cargo_bin("tradeoff");
    let path = format!(
        "{}:{}:{}",
        bin.display(),
        tradeoff.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let workflow = std::fs::read_to_string(work.join(".github/workflows/tradeoff.yml")).unwrap();
    let run = |script: &str| {
        Command::new("bash")
            .args(["-e", "-c", script])
            .current_dir(&work)
            .env("PATH", &path)
            .env("NO_COLOR", "1")
            .env("BASE_REF", "main")
            .env("PR_NUMBER", "7")
            .env("REPOSITORY", "acme/shop")
            .env("GH_TOKEN", "not-a-token")
            .env("GH_LOG", root.path().join("gh.log"))
            .env("GH_BODY", root.path().join("body.md"))
            .output()
            .unwrap()
    };

    let check = run(&step_script(&workflow, "Check decision records"));
    assert_eq!(check.status.code(), Some(1), "the stale record fails the job");
    let annotations = String::from_utf8_lossy(&check.stdout);
    assert!(
        annotations.contains("::error file=specs/example.tradeoff,line=1,title=decision record is stale::"),
        "{annotations}"
    );

    let comment = run(&step_script(&workflow, "Explain the change in a pull-request comment"));
    assert!(comment.status.success(), "{}", String::from_utf8_lossy(&comment.stderr));
    let body = std::fs::read_to_string(root.path().join("body.md")).unwrap();
    assert!(body.starts_with("<!-- tradeoff diff -->"), "{body}");
    assert!(
        body.contains("### tradeoff: `origin/main:specs/example.tradeoff` → `specs/example.tradeoff`"),
        "{body}"
    );
    assert!(body.contains("#### Weights changed"), "{body}");
    let calls = std::fs::read_to_string(root.path().join("gh.log")).unwrap();
    assert!(
        calls.contains("--method POST repos/acme/shop/issues/7/comments"),
        "{calls}"
    );

    // A base branch that cannot be fetched says so.
    let missing = Command::new("bash")
        .args([
            "-e",
            "-c",
            &step_script(&workflow, "Explain the change in a pull-request comment"),
        ])
        .current_dir(&work)
        .env("PATH", &path)
        .env("BASE_REF", "no-such-branch")
        .output()
        .unwrap();
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stdout).contains("::error::cannot fetch the base branch 'no-such-branch'"));
}

#[test]
fn step_scripts_are_read_from_the_workflow() {
    let workflow = "    steps:\n      - name: One\n        run: echo one\n      - name: Two\n        env:\n          A: b\n        run: |\n          echo two\n          echo three\n      - name: Next\n";
    assert_eq!(step_script(workflow, "One"), "echo one");
    assert_eq!(step_script(workflow, "Two"), "echo two\necho three");
}
