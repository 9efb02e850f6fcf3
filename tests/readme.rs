//! The README's walkthrough is a test: every ```console block in README.md and docs/*.md runs,
//! in order, in one fresh project (a new git repository on `main`), and each `$ tradeoff …`
//! command must print what the block shows. Other commands (`git …`) run and must succeed.
//!
//! Matching: `[..]` in a line stands for any text; a line `(… anything …)` for any number of
//! lines. Edits the prose describes are done by directives in HTML comments, invisible on
//! GitHub: `<!-- readme-test: replace FILE "old" "new" -->`.

use std::path::Path;
use std::process::Command;

use crate::common::{git_identity, root};

/// One thing the document asks to do, in order.
#[derive(Debug)]
enum Step {
    Run {
        command: String,
        expected: Vec<String>,
        line: usize,
    },
    Replace {
        file: String,
        old: String,
        new: String,
    },
}

fn steps(markdown: &str) -> Vec<Step> {
    let mut steps = Vec::new();
    let mut in_console = false;
    let mut current: Option<Step> = None;
    for (index, line) in markdown.lines().enumerate() {
        if in_console {
            if line.starts_with("```") {
                in_console = false;
                steps.extend(current.take());
            } else if let Some(command) = line.strip_prefix("$ ") {
                steps.extend(current.take());
                current = Some(Step::Run {
                    command: command.to_owned(),
                    expected: Vec::new(),
                    line: index + 1,
                });
            } else if let Some(Step::Run { expected, .. }) = current.as_mut() {
                expected.push(line.to_owned());
            }
        } else if line.starts_with("```console") {
            in_console = true;
        } else if let Some(directive) = line
            .trim()
            .strip_prefix("<!-- readme-test:")
            .and_then(|d| d.strip_suffix("-->"))
        {
            steps.push(directive_step(directive.trim()));
        }
    }
    steps
}

fn directive_step(directive: &str) -> Step {
    let quoted: Vec<&str> = directive.split('"').collect();
    if let Some(rest) = directive.strip_prefix("replace ") {
        // replace FILE "old" "new"
        let file = rest.split_whitespace().next().expect("a file").to_owned();
        assert!(quoted.len() >= 5, "replace needs two quoted strings: {directive}");
        return Step::Replace {
            file,
            old: quoted[1].to_owned(),
            new: quoted[3].to_owned(),
        };
    }
    panic!("unknown readme-test directive: {directive}");
}

/// Whether `actual` is what `expected` shows, with `[..]` and `(…)` wildcards.
fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first.starts_with("(…") && first.ends_with("…)") => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => match actual.split_first() {
            Some((line, others)) => line_matches(first, line) && matches(rest, others),
            None => false,
        },
    }
}

fn line_matches(expected: &str, actual: &str) -> bool {
    let parts: Vec<&str> = expected.split("[..]").collect();
    if parts.len() == 1 {
        return expected.trim_end() == actual.trim_end();
    }
    let actual = actual.trim_end();
    let Some(mut rest) = actual.strip_prefix(parts[0]) else {
        return false;
    };
    for (i, part) in parts.iter().enumerate().skip(1) {
        let part = if i == parts.len() - 1 { part.trim_end() } else { part };
        if i == parts.len() - 1 {
            return rest.ends_with(part);
        }
        match rest.find(part) {
            Some(at) => rest = &rest[at + part.len()..],
            None => return false,
        }
    }
    true
}

fn run_document(name: &str, project: &Path) {
    let text = std::fs::read_to_string(root().join(name)).unwrap();
    let bin = assert_cmd::cargo::cargo_bin("tradeoff");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    for step in steps(&text) {
        match step {
            Step::Replace { file, old, new } => {
                let target = project.join(&file);
                let content = std::fs::read_to_string(&target).unwrap_or_else(|e| panic!("{name}: {file}: {e}"));
                assert!(content.contains(&old), "{name}: `{old}` is not in {file}");
                std::fs::write(&target, content.replacen(&old, &new, 1)).unwrap();
            }
            Step::Run {
                command,
                expected,
                line,
            } => {
                let output = git_identity(&mut Command::new("sh"))
                    .args(["-c", &command])
                    .current_dir(project)
                    .env("PATH", &path)
                    .env("NO_COLOR", "1")
                    .env("COLUMNS", "100")
                    .output()
                    .unwrap();
                let (stdout, stderr) = (
                    String::from_utf8_lossy(&output.stdout).into_owned(),
                    String::from_utf8_lossy(&output.stderr).into_owned(),
                );
                if !command.starts_with("tradeoff") {
                    assert!(output.status.success(), "{name}:{line}: `{command}` failed:\n{stderr}");
                    continue;
                }
                let expected: Vec<String> = expected.into_iter().collect();
                let both = [format!("{stderr}{stdout}"), format!("{stdout}{stderr}")];
                let ok = both.iter().any(|actual| {
                    let lines: Vec<&str> = actual.lines().collect();
                    matches(&expected, &lines)
                });
                assert!(
                    ok,
                    "{name}:{line}: `$ {command}` printed something else than the document shows.\n--- document:\n{}\n--- actual (stderr, then stdout):\n{stderr}{stdout}",
                    expected.join("\n")
                );
            }
        }
    }
}

fn fresh_project() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let status = Command::new("git")
        .args(["init", "-q", "-b", "main"])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    dir
}

#[test]
fn the_readme_walkthrough_prints_what_it_shows() {
    let project = fresh_project();
    run_document("README.md", project.path());
}

#[test]
fn docs_console_examples_print_what_they_show() {
    for doc in std::fs::read_dir(root().join("docs")).unwrap() {
        let path = doc.unwrap().path();
        if path.extension().is_some_and(|e| e == "md") {
            let project = fresh_project();
            let name = format!("docs/{}", path.file_name().unwrap().to_string_lossy());
            run_document(&name, project.path());
        }
    }
}

#[test]
fn the_matcher_takes_wildcards_and_refuses_drift() {
    let expected: Vec<String> = ["a [..] c", "(… more …)", "end"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    assert!(matches(&expected, &["a b c", "x", "y", "end"]));
    assert!(matches(&expected, &["a  c", "end"]));
    assert!(!matches(&expected, &["a b d", "end"]));
    assert!(!matches(&expected, &["a b c", "x"]));
    let exact = vec!["same".to_string()];
    assert!(!matches(&exact, &["same", "extra"]));
}
