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
        // The decision log's own filter script is the one script tag allowed.
        let log_script = "<script data-tradeoff=\"log-filter\">";
        let expected_scripts = usize::from(file.ends_with("index.html"));
        assert_eq!(html.matches(log_script).count(), expected_scripts, "{file}");
        let html = html.replacen(log_script, "", 1);
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

/// A long line with `count` criteria weighed again starting past column 70,000, and `tail`
/// more characters after them.
fn long_line_spec(count: usize, tail: usize) -> String {
    let unknown = "performance high  ".repeat(count);
    VALID.replace(
        "weigh { performance high  productivity medium }",
        &format!(
            "weigh {{ performance high{}{unknown}{} }}",
            " ".repeat(70_000),
            " ".repeat(tail)
        ),
    )
}

#[test]
fn an_error_past_column_65536_is_cut_around_not_a_panic() {
    let project = project_with_spec(long_line_spec(1, 0).as_bytes());
    let output = run(&project, &["plan", "specs/demo.tradeoff"]);
    assert_bad_input(&output, "[specs/demo.tradeoff:8:70027]");
    let shown = stderr_of(&output);
    assert!(shown.len() < 3_000, "{} bytes", shown.len());
    insta::assert_snapshot!("long_line_diagnostic", shown.replace(&" ".repeat(20), "<20 spaces>"));
    for args in [
        &["plan", "specs/demo.tradeoff", "--format", "json"][..],
        &["score", "specs/demo.tradeoff"],
        &["decide"],
        &["check"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["check", "--format", "github"],
    ] {
        let output = run(&project, args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr_of(&output));
        assert!(!stderr_of(&output).contains("panicked"), "{args:?}");
        let size = output.stdout.len() + output.stderr.len();
        // SARIF carries its list of rules (about 26 KB); nothing grows with the line.
        assert!(size < 40_000, "{args:?}: {size} bytes");
        let all = format!("{}{}", stdout_of(&output), stderr_of(&output));
        assert!(all.contains("70027"), "{args:?} does not give the column: {all}");
    }
}

#[test]
fn a_catalog_file_with_an_error_past_column_65536_is_a_diagnostic() {
    let project = project_with(&[]);
    let catalog = format!("id = \"inhouse\"\nname = \"Inhouse\"{}bogus\n", " ".repeat(70_000));
    std::fs::write(project.path().join("inhouse.toml"), catalog).unwrap();
    let output = run(&project, &["catalog", "check", "inhouse.toml"]);
    assert_bad_input(&output, "[inhouse.toml:2:70017]");
    assert!(output.stderr.len() < 3_000, "{} bytes", output.stderr.len());
}

#[test]
fn many_errors_on_a_huge_line_print_a_bounded_amount() {
    // 80 errors on one 400 KB line: each used to reprint the whole line (20 MB of output).
    let spec = long_line_spec(80, 330_000);
    let project = project_with_spec(spec.as_bytes());
    std::fs::copy(
        project.path().join("specs/demo.tradeoff"),
        project.path().join("specs/copy.tradeoff"),
    )
    .unwrap();
    let output = run(&project, &["plan", "specs/demo.tradeoff"]);
    assert_bad_input(&output, "80 errors (the first 50 are shown; 30 more not shown)");
    assert!(output.stderr.len() < 100_000, "{} bytes", output.stderr.len());
    for format in ["text", "sarif"] {
        let output = run(&project, &["check", "--format", format]);
        assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
        let size = output.stdout.len() + output.stderr.len();
        assert!(size < 300_000, "check --format {format}: {size} bytes");
    }
}

#[test]
fn a_title_cannot_put_live_html_or_hidden_characters_in_the_markdown_record() {
    let title =
        "Pick https://a.example/<img src=\\\"https://evil.example/t.png\\\" alt=x> <h1>x</h1> ab\u{202e}cd z\u{200b}w";
    let project = project_with_spec(VALID.replace("Pick a framework", title).as_bytes());
    let output = run(&project, &["decide"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let record = std::fs::read_to_string(project.path().join("reports/0001-demo.md")).unwrap();
    let body = &record[record.find("\n---\n").unwrap()..];
    assert!(
        body.contains("# Pick https\\://a.example/&lt;img src=\"https\\://evil.example/t.png\" alt=x&gt;"),
        "{body}"
    );
    // The template's own collapsible sections are the only raw HTML: whole lines whose summary
    // text is escaped, so the title adds no `<` of its own.
    assert!(
        body.lines()
            .filter(|line| !tradeoff_report::html::is_collapsible_tag(line))
            .all(|line| !line.contains('<')),
        "{body}"
    );
    for hidden in ['\u{202e}', '\u{200b}'] {
        assert!(!record.contains(hidden), "U+{:04X} in the record", hidden as u32);
    }
    let index = std::fs::read_to_string(project.path().join("reports/README.md")).unwrap();
    assert!(!index.contains('<') && !index.contains('\u{202e}'), "{index}");
}

#[test]
fn catalog_text_sends_no_terminal_escapes() {
    let project = project_with(&[]);
    let framework = std::fs::read_to_string(root().join("crates/tradeoff-core/catalog/frameworks/axum.toml")).unwrap();
    let evil = framework.replacen("id = \"axum\"", "id = \"evil\"", 1).replacen(
        "name = \"Axum\"",
        "name = \"Evil\\u001b[2J\\u009b31m\\u202eemaN\"",
        1,
    );
    std::fs::write(project.path().join("specs/evil.toml"), evil).unwrap();
    let spec = VALID.replace("  date 2026-11-24\n", "  date 2026-11-24\n  catalog \"evil.toml\"\n");
    std::fs::write(project.path().join("specs/demo.tradeoff"), spec).unwrap();
    for args in [
        &["score", "specs/demo.tradeoff", "--color", "never"][..],
        &[
            "catalog",
            "show",
            "evil",
            "--include",
            "specs/evil.toml",
            "--color",
            "never",
        ],
        &["catalog", "list", "--include", "specs/evil.toml", "--color", "never"],
    ] {
        let output = run(&project, args);
        assert!(output.status.success(), "{args:?}: {}", stderr_of(&output));
        let out = stdout_of(&output);
        assert!(
            out.contains("Evil\u{241b}[2J\u{fffd}31m\u{fffd}emaN"),
            "{args:?}: {out}"
        );
        for raw in ['\u{1b}', '\u{9b}', '\u{202e}'] {
            assert!(!out.contains(raw), "{args:?} printed U+{:04X}", raw as u32);
        }
    }
}

#[test]
fn weights_whose_sum_overflows_are_a_diagnostic() {
    let big = format!("1{}", "0".repeat(308));
    let spec = VALID.replace("productivity medium", &format!("productivity {big}  security {big}"));
    let project = project_with_spec(spec.as_bytes());
    let output = run(&project, &["decide"]);
    assert_bad_input(&output, "the weights add up to more than tradeoff can compute with");
    assert!(stderr_of(&output).contains("tradeoff::out-of-range"));
    assert!(!project.path().join("reports/0001-demo.md").exists());
}

/// Runs `args` with stdout a pipe whose reading end is already closed.
fn run_with_closed_stdout(project: &tempfile::TempDir, args: &[&str]) -> std::process::Output {
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    std::process::Command::new(assert_cmd::cargo::cargo_bin("tradeoff"))
        .current_dir(project.path())
        .env("NO_COLOR", "1")
        .args(args)
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .unwrap()
}

#[test]
fn a_closed_stdout_ends_every_command_quietly() {
    let project = project_with_spec(VALID.as_bytes());
    assert!(run(&project, &["decide"]).status.success());
    let commands: &[&[&str]] = &[
        &["plan", "specs/demo.tradeoff"],
        &["plan", "specs/demo.tradeoff", "--format", "json"],
        &["score", "specs/demo.tradeoff"],
        &["explain", "specs/demo.tradeoff", "axum"],
        &["check"],
        &["check", "--format", "json"],
        &["check", "--format", "sarif"],
        &["check", "--format", "github"],
        &["fmt", "--stdout", "specs/demo.tradeoff"],
        &["fmt", "--check", "specs"],
        &["diff", "specs/demo.tradeoff", "specs/demo.tradeoff"],
        &["catalog", "list"],
        &["catalog", "show", "axum"],
        &["catalog", "check"],
        &["completions", "bash"],
        &["man"],
        &["--help"],
    ];
    for args in commands {
        let output = run_with_closed_stdout(&project, args);
        let err = stderr_of(&output);
        assert!(
            !err.contains("panicked") && !err.contains("internal error"),
            "{args:?}: {err}"
        );
        assert!(
            matches!(output.status.code(), Some(0 | 1)),
            "{args:?}: {:?} {err}",
            output.status
        );
    }
}

#[test]
fn a_panic_is_an_internal_error_with_a_bug_report_hint() {
    let project = project_with_spec(VALID.as_bytes());
    let output = tradeoff_in(project.path())
        .env("TRADEOFF_TEST_PANIC", "1")
        .args(["plan", "specs/demo.tradeoff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(3));
    let err = stderr_of(&output);
    assert!(
        err.starts_with("internal error: panic requested by TRADEOFF_TEST_PANIC"),
        "{err}"
    );
    assert!(err.contains("this is a bug in tradeoff; please report it"), "{err}");
    assert!(!err.contains("RUST_BACKTRACE"), "{err}");
}
