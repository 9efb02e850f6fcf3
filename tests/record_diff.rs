//! A one-word weight change gives a small Markdown diff: for every example spec and every weight
//! it sets, moving that weight one step (a `weigh` level, or a `compare` intensity) and deciding
//! again changes fewer than [`LIMIT`] lines of the record, so the real change stays visible in
//! review. A step that changes which options the record considers in detail brings one option's
//! whole section in and another's out: that is the decision changing, not noise, so those steps
//! are measured and printed but not held to the limit; every spec must have steps that are.
//! The figures are in README.md ("Records in review").

use std::path::Path;

use similar::{ChangeTag, TextDiff};

use crate::common::*;

/// Lines changed (a rewritten line counts once: the larger of lines removed and lines added).
const LIMIT: usize = 40;

/// The level one step away: down, or up from the lowest.
fn step(level: &str) -> Option<&'static str> {
    Some(match level {
        "critical" => "high",
        "high" => "medium",
        "medium" => "low",
        "low" => "medium",
        _ => return None,
    })
}

/// Every spec that differs from `spec` by one weight moved one step, with what was moved.
fn one_word_changes(spec: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut block = "";
    for (at, line) in spec.lines().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        match words.as_slice() {
            [name, "{"] => {
                block = if *name == "weigh" || *name == "compare" {
                    name
                } else {
                    ""
                }
            }
            ["}"] => block = "",
            [criterion, level] if block == "weigh" => {
                if let Some(new) = step(level) {
                    out.push((
                        format!("{criterion} {level} → {new}"),
                        replace_line(spec, at, &line.replacen(level, new, 1)),
                    ));
                }
            }
            [a, "over", b, intensity] if block == "compare" => {
                let Ok(n) = intensity.parse::<u32>() else { continue };
                let new = if n > 1 { n - 1 } else { n + 1 };
                let changed = line.replacen(intensity, &new.to_string(), 1);
                out.push((format!("{a} over {b} {n} → {new}"), replace_line(spec, at, &changed)));
            }
            _ => {}
        }
    }
    out
}

fn replace_line(text: &str, at: usize, new: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[at] = new;
    let mut out = lines.join("\n");
    out.push('\n');
    out
}

/// (lines removed, lines added) between two versions of a record.
fn changed_lines(old: &str, new: &str) -> (usize, usize) {
    let diff = TextDiff::from_lines(old, new);
    let count = |tag| diff.iter_all_changes().filter(|c| c.tag() == tag).count();
    (count(ChangeTag::Delete), count(ChangeTag::Insert))
}

/// The "Considered Options" list of a record.
fn considered(record: &str) -> Vec<String> {
    record
        .split("## Considered Options")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .unwrap_or_default()
        .lines()
        .filter_map(|line| line.strip_prefix("* "))
        .map(str::to_owned)
        .collect()
}

fn record(reports: &Path) -> String {
    let entry = std::fs::read_dir(reports)
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "md") && !p.ends_with("README.md"))
        .expect("a record");
    std::fs::read_to_string(entry).unwrap()
}

#[test]
fn a_one_word_weight_change_gives_a_small_markdown_diff_on_every_example_spec() {
    let mut specs: Vec<_> = std::fs::read_dir(root().join("specs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tradeoff"))
        .collect();
    specs.sort();
    assert!(specs.len() >= 6, "the example specs are missing: {specs:?}");
    let mut report = Vec::new();
    let mut worst = 0;
    for name in &specs {
        let project = project_with(&[name]);
        let spec_path = project.path().join("specs").join(name);
        let original = std::fs::read_to_string(&spec_path).unwrap();
        let changes = one_word_changes(&original);
        assert!(!changes.is_empty(), "{name}: no weight to change");
        stdout_of_success(tradeoff_in(project.path()).args(["decide"]));
        let before = record(&project.path().join("reports"));
        let mut most = (0, String::new());
        let mut held = 0;
        let mut regrouped = Vec::new();
        for (what, changed) in changes {
            // A fresh folder each time: the record compared is revision 1 of both versions,
            // so the diff is the content change alone, not a change-log line.
            let reports = project.path().join("reports");
            std::fs::remove_dir_all(&reports).unwrap();
            std::fs::write(&spec_path, &changed).unwrap();
            stdout_of_success(tradeoff_in(project.path()).args(["decide"]));
            let after = record(&reports);
            let (removed, added) = changed_lines(&before, &after);
            let lines = removed.max(added);
            if considered(&after) != considered(&before) {
                regrouped.push(format!("{what}: {lines} lines"));
                continue;
            }
            held += 1;
            if lines >= most.0 {
                most = (lines, what.clone());
            }
            assert!(
                lines < LIMIT,
                "{name}: `{what}` changes {lines} lines of the record (-{removed} +{added}); the limit is {LIMIT}"
            );
        }
        assert!(held > 0, "{name}: every weight step changes the considered options");
        worst = worst.max(most.0);
        report.push(format!(
            "{name}: at most {} lines ({}); steps that change the considered options: {}",
            most.0,
            most.1,
            if regrouped.is_empty() {
                "none".to_owned()
            } else {
                regrouped.join(", ")
            }
        ));
        std::fs::write(&spec_path, &original).unwrap();
    }
    // Shown with --nocapture; the README quotes these figures.
    println!("{}\nworst: {worst}", report.join("\n"));
}
