//! The language server in a real editor: headless Neovim opens a spec with a mistake, receives
//! the diagnostic, applies the quick fix and saves (tests/editors/neovim-quickfix.lua). CI
//! installs Neovim (`.ci/run`); elsewhere the test says it was skipped when Neovim is missing.

use std::process::Command;

use crate::common::{project_with, root};

fn neovim_available() -> bool {
    let found = Command::new("nvim")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    if !found && std::env::var_os("CI").is_some() {
        panic!("CI must install Neovim (apt package `neovim`) for the editor test");
    }
    if !found {
        eprintln!("skipped: nvim is not installed");
    }
    found
}

#[test]
fn neovim_shows_the_diagnostic_and_the_quick_fix_repairs_the_spec() {
    if !neovim_available() {
        return;
    }
    let project = project_with(&[]);
    let spec = project.path().join("specs/api.tradeoff");
    let text = "decision api-choice \"API framework\" {\n  app {\n    kind api\n    wrkload db-heavy\n  }\n  weigh {\n    performance critical\n  }\n}\n";
    std::fs::write(&spec, text).unwrap();
    let output = Command::new("nvim")
        .args(["--headless", "-u", "NONE", "-i", "NONE", "-n", "-c"])
        .arg(format!(
            "luafile {}",
            root().join("tests/editors/neovim-quickfix.lua").display()
        ))
        .env("TRADEOFF_BIN", assert_cmd::cargo::cargo_bin("tradeoff"))
        .env("TRADEOFF_SPEC", &spec)
        .current_dir(project.path())
        .output()
        .expect("run nvim");
    let log = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "neovim failed:\n{log}");
    assert!(log.contains("diagnostic at 4:5"), "{log}");
    let saved = std::fs::read_to_string(&spec).unwrap();
    assert_eq!(saved, text.replace("wrkload", "workload"));
}
