//! Hostile input: every case gives a diagnostic and exit code 2 (or is read correctly), never a
//! panic, and never leaves a partial record on disk.

use crate::common::*;

const VALID: &str = "decision demo \"Pick a framework\" {\n  date 2026-11-24\n  deciders \"team\"\n  context \"\"\"\n    Why we decide.\n  \"\"\"\n  app { kind api  load 500 rps peak }\n  weigh { performance high  productivity medium }\n}\n";

/// A temp project holding one spec with the given bytes.
fn project_with_spec(bytes: &[u8]) -> tempfile::TempDir {
    let project = project_with(&[]);
    std::fs::write(project.path().join("specs/demo.tradeoff"), bytes).unwrap();
    project
}

fn run(project: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    tradeoff_in(project.path()).args(args).output().unwrap()
}

fn assert_bad_input(output: &std::process::Output, needle: &str) {
    let err = stderr_of(output);
    assert_eq!(output.status.code(), Some(2), "expected exit 2, stderr: {err}");
    assert!(
        err.contains(needle),
        "stderr lacks `{needle}`: {}",
        err.chars().take(2000).collect::<String>()
    );
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_file_over_the_size_limit_is_refused() {
    let mut big = VALID.replace("Why we decide.", &"x".repeat(9 * 1024 * 1024));
    big.push('\n');
    let project = project_with_spec(big.as_bytes());
    assert_bad_input(&run(&project, &["plan", "specs/demo.tradeoff"]), "limited to");
}

#[test]
fn deep_nesting_is_a_diagnostic() {
    let spec = format!("decision demo \"x\" {{\n  app {}\n}}\n", "{".repeat(100_000));
    let project = project_with_spec(spec.as_bytes());
    assert_bad_input(&run(&project, &["plan", "specs/demo.tradeoff"]), "blocks do not nest");
}

#[test]
fn invalid_utf8_is_a_diagnostic() {
    let mut bytes = VALID.as_bytes().to_vec();
    bytes.insert(20, 0xff);
    let project = project_with_spec(&bytes);
    assert_bad_input(&run(&project, &["plan", "specs/demo.tradeoff"]), "not valid UTF-8");
}

#[test]
fn nul_bytes_are_a_diagnostic() {
    let spec = VALID
        .replace("Pick a framework", "Pick\0framework")
        .replace("kind api", "kind a\0pi");
    let project = project_with_spec(spec.as_bytes());
    assert_bad_input(&run(&project, &["plan", "specs/demo.tradeoff"]), "specs/demo.tradeoff");
}

#[test]
fn very_long_lines_and_identifiers_are_diagnosed() {
    let long_id = "a".repeat(100_000);
    let spec = VALID.replace("decision demo", &format!("decision {long_id}"));
    let project = project_with_spec(spec.as_bytes());
    let output = run(&project, &["plan", "specs/demo.tradeoff"]);
    assert_bad_input(&output, "tradeoff::bad-id");
    assert!(
        stderr_of(&output).contains("aaaa…"),
        "long names are shortened in messages"
    );

    let long_line = VALID.replace(
        "deciders \"team\"",
        &format!("deciders {}", vec!["\"someone\""; 50_000].join(", ")),
    );
    let project = project_with_spec(long_line.as_bytes());
    let output = run(&project, &["plan", "specs/demo.tradeoff", "--format", "json"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
}

#[test]
fn crlf_and_a_byte_order_mark_read_like_plain_text() {
    let plain = project_with_spec(VALID.as_bytes());
    let windows = format!("\u{feff}{}", VALID.replace('\n', "\r\n"));
    let crlf = project_with_spec(windows.as_bytes());
    let a = run(&plain, &["plan", "specs/demo.tradeoff", "--format", "json"]);
    let b = run(&crlf, &["plan", "specs/demo.tradeoff", "--format", "json"]);
    assert!(b.status.success(), "{}", stderr_of(&b));
    assert_eq!(stdout_of(&a), stdout_of(&b));
}

#[test]
fn thousands_of_errors_are_capped_and_summarised() {
    let weights: String = (0..5_000).map(|i| format!("    crit{i} high\n")).collect();
    let spec = VALID.replace(
        "weigh { performance high  productivity medium }",
        &format!("weigh {{\n{weights}  }}"),
    );
    let project = project_with_spec(spec.as_bytes());
    let output = run(&project, &["plan", "specs/demo.tradeoff"]);
    assert_bad_input(&output, "5000 errors");
    assert!(stderr_of(&output).contains("4950 more not shown"));
    assert!(stderr_of(&output).len() < 200_000, "output is not capped");
}

#[test]
fn markup_in_every_string_field_stays_inert_in_html() {
    let hostile = "<script>alert(1)</script> javascript:alert(2) \\\"quoted\\\" <img src=x onerror=alert(3)>";
    let spec = VALID
        .replace("Pick a framework", hostile)
        .replace(
            "deciders \"team\"",
            &format!("deciders \"{hostile}\"\n  consulted \"{hostile}\"\n  informed \"{hostile}\""),
        )
        .replace("Why we decide.", &hostile.replace("\\\"", "\""));
    let project = project_with_spec(spec.as_bytes());
    let output = run(&project, &["decide"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    for file in ["reports/0001-demo.html", "reports/index.html"] {
        let html = std::fs::read_to_string(project.path().join(file)).unwrap();
        assert!(!html.contains("<script"), "{file} has a live script tag");
        assert!(!html.contains("<img"), "{file} has a live img tag");
        assert!(!html.contains("href=\"javascript:"), "{file} has a javascript: link");
    }
}

#[test]
fn catalog_includes_outside_the_project_are_refused() {
    for include in ["../outside.toml", "/etc/passwd", "specs/../../outside.toml"] {
        let spec = VALID.replace(
            "  date 2026-11-24\n",
            &format!("  date 2026-11-24\n  catalog \"{include}\"\n"),
        );
        let project = project_with_spec(spec.as_bytes());
        std::fs::write(project.path().parent().unwrap().join("outside.toml"), "id = \"x\"").ok();
        let output = run(&project, &["plan", "specs/demo.tradeoff"]);
        assert_bad_input(&output, "catalog");
    }
}

#[test]
fn a_failing_spec_leaves_no_record_behind() {
    let project = project_with_spec(b"decision demo \"x\" {\n  app { kind api }\n  weigh { perfomance high }\n}\n");
    let output = run(&project, &["decide"]);
    assert_bad_input(&output, "did you mean `performance`");
    let reports = project.path().join("reports");
    let written = std::fs::read_dir(&reports).map(|entries| entries.count()).unwrap_or(0);
    assert_eq!(written, 0, "a failed decide wrote files");
}
