//! `tradeoff fmt`.

use crate::common::*;

#[test]
fn example_specs_are_canonically_formatted() {
    let output = tradeoff().args(["fmt", "--check", "specs"]).output().unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        stdout_of(&output),
        stderr_of(&output)
    );
}

#[test]
fn check_reports_unformatted_files_with_exit_1_and_fmt_fixes_them() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let spec = project.path().join("specs/sensor-ingest.tradeoff");
    let canonical = std::fs::read_to_string(&spec).unwrap();
    let messy = canonical.replace("\n  ", "\n      ");
    assert_ne!(messy, canonical);
    std::fs::write(&spec, &messy).unwrap();

    let output = tradeoff_in(project.path()).args(["fmt", "--check"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(stdout_of(&output).contains("specs/sensor-ingest.tradeoff"));
    assert_eq!(std::fs::read_to_string(&spec).unwrap(), messy, "--check must not write");

    let output = tradeoff_in(project.path()).args(["fmt"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert_eq!(std::fs::read_to_string(&spec).unwrap(), canonical);
}

#[test]
fn fmt_refuses_to_touch_a_file_with_syntax_errors() {
    let project = project_with(&[]);
    let spec = project.path().join("specs/broken.tradeoff");
    std::fs::write(&spec, "decision x \"X\" {\n  app { kind api \n").unwrap();
    let output = tradeoff_in(project.path()).args(["fmt"]).output().unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert_eq!(
        std::fs::read_to_string(&spec).unwrap(),
        "decision x \"X\" {\n  app { kind api \n"
    );
}

#[cfg(unix)]
#[test]
fn fmt_keeps_the_permissions_of_the_spec_it_rewrites() {
    use std::os::unix::fs::PermissionsExt;
    let project = project_with(&["sensor-ingest.tradeoff", "realtime-chat.tradeoff"]);
    let mode = |path: &std::path::Path| std::fs::metadata(path).unwrap().permissions().mode() & 0o777;
    for (name, wanted) in [("sensor-ingest.tradeoff", 0o644), ("realtime-chat.tradeoff", 0o640)] {
        let spec = project.path().join("specs").join(name);
        let messy = std::fs::read_to_string(&spec).unwrap().replace("\n  ", "\n      ");
        std::fs::write(&spec, messy).unwrap();
        std::fs::set_permissions(&spec, std::fs::Permissions::from_mode(wanted)).unwrap();
    }
    let output = tradeoff_in(project.path()).args(["fmt"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stderr_of(&output).contains("formatted specs/sensor-ingest.tradeoff"));
    assert_eq!(mode(&project.path().join("specs/sensor-ingest.tradeoff")), 0o644);
    assert_eq!(mode(&project.path().join("specs/realtime-chat.tradeoff")), 0o640);
}
