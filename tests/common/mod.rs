//! Helpers shared by the end-to-end tests.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

/// The workspace root (where `specs/` and `reports/` live).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .expect("workspace root")
}

/// The `tradeoff` binary, run from `dir`, with colors off so output is stable.
pub fn tradeoff_in(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("tradeoff").expect("tradeoff binary");
    cmd.current_dir(dir).env("NO_COLOR", "1").env("COLUMNS", "100");
    cmd
}

/// The binary run from the workspace root.
pub fn tradeoff() -> Command {
    tradeoff_in(&root())
}

/// A temporary project: a git-like root (has `.git/`) with a `specs/` folder holding copies of
/// the named example specs.
pub fn project_with(specs: &[&str]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(dir.path().join(".git")).expect(".git");
    std::fs::create_dir(dir.path().join("specs")).expect("specs");
    for name in specs {
        let from = root().join("specs").join(name);
        std::fs::copy(&from, dir.path().join("specs").join(name)).expect("copy spec");
    }
    dir
}

pub fn stdout_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr_of(output: &std::process::Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Runs `cmd`, asserts it succeeded (showing its stderr if not) and returns its stdout.
pub fn stdout_of_success(cmd: &mut Command) -> String {
    let output = cmd.output().expect("run tradeoff");
    assert!(output.status.success(), "{}", stderr_of(&output));
    stdout_of(&output)
}

/// A fixed author and committer, so tests that commit do not depend on the machine's git setup.
pub fn git_identity(command: &mut std::process::Command) -> &mut std::process::Command {
    command
        .env("GIT_AUTHOR_NAME", "Reviewer")
        .env("GIT_AUTHOR_EMAIL", "reviewer@example.org")
        .env("GIT_COMMITTER_NAME", "Reviewer")
        .env("GIT_COMMITTER_EMAIL", "reviewer@example.org")
}
