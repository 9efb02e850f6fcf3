//! Records rendered from hostile text, read the way GitHub reads them: cmark-gfm with GitHub's
//! extensions (autolinks, tables, strikethrough, tag filter) and raw HTML let through, as
//! GitHub lets through `<img>`, `<a>` and `<h1>`. No tag, link or heading may come from user
//! text, and no hidden character may reach the Markdown.
//!
//! Needs `cmark-gfm` (Debian package `cmark-gfm`); skipped when it is missing, except in CI.

mod fixtures;

use std::io::Write;
use std::process::{Command, Stdio};

use tradeoff_report::{write_record, RecordInputs, Templates, Versions};

const TITLE: &str = r#"Pick https://a.example/<img src="https://evil.example/t.png" alt=x>"#;

const HOSTILE: &[&str] = &[
    r#"see https://a.example/<a href="https://evil.example/a">here</a>"#,
    "<h1>big</h1> and www.evil.example/<img src=https://evil.example/w.png>",
    "<https://evil.example/autolink> and <mailto:x@evil.example>",
    "right\u{202e}gpj.exe zero\u{200b}width\u{2066}iso\u{2069} bom\u{feff} esc\u{1b}[31m",
    r#"&lt;img src="https://evil.example/e.png"&gt; &#60;h1&#62;"#,
];

fn cmark_gfm(markdown: &str) -> Option<String> {
    let child = Command::new("cmark-gfm")
        .args(["--unsafe", "--extension", "autolink", "--extension", "table"])
        .args(["--extension", "strikethrough", "--extension", "tagfilter"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(error) if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("cmark-gfm is required in CI (apt-get install cmark-gfm): {error}")
        }
        Err(_) => return None,
    };
    child.stdin.take().unwrap().write_all(markdown.as_bytes()).unwrap();
    let output = child.wait_with_output().unwrap();
    assert!(output.status.success());
    Some(String::from_utf8(output.stdout).unwrap())
}

fn hostile_records() -> Vec<(String, String)> {
    let mut plan = fixtures::sensor_plan();
    plan.title = TITLE.to_owned();
    plan.context = HOSTILE.join("\n\n");
    plan.deciders = HOSTILE.iter().map(|s| s.to_string()).collect();
    let mut evaluation = fixtures::sensor_evaluation();
    evaluation.options[0].name = format!("Fast{}", HOSTILE[1]);
    let cell = evaluation.options[0].cells.values_mut().next().unwrap();
    cell.explanation = HOSTILE[0].to_owned();
    // A source link's label comes from the catalog too.
    let facts = &mut evaluation.options[1].cells.values_mut().next().unwrap().facts;
    facts[0].source = format!("https://a.example/\u{202e}x<img src=y> {}", HOSTILE[3]);
    let dir = tempfile::tempdir().unwrap();
    let versions = Versions {
        catalog: "c".to_owned(),
        tool: "t".to_owned(),
    };
    let inputs = RecordInputs {
        plan: &plan,
        evaluation: &evaluation,
        spec_path: "specs/x.tradeoff",
        spec_text: "x",
        versions: &versions,
    };
    write_record(dir.path(), &inputs, &Templates::builtin()).unwrap();
    [
        "0001-sensor-ingest.md",
        "README.md",
        "0001-sensor-ingest.html",
        "index.html",
    ]
    .iter()
    .map(|name| {
        let text = std::fs::read_to_string(dir.path().join(name)).unwrap();
        (name.to_string(), text)
    })
    .collect()
}

#[test]
fn github_renders_no_tag_link_or_heading_from_user_text() {
    for (name, markdown) in hostile_records().into_iter().filter(|(name, _)| name.ends_with(".md")) {
        // GitHub shows YAML front matter as a table of plain text (its values are quoted YAML
        // strings, tested in hostile.rs); cmark-gfm does not know front matter.
        let body = match markdown.strip_prefix("---\n") {
            Some(rest) => &rest[rest.find("\n---\n").unwrap() + 5..],
            None => &markdown[..],
        };
        let Some(html) = cmark_gfm(body) else {
            eprintln!("cmark-gfm not installed: skipped");
            return;
        };
        // E-mail addresses stay autolinked (`mailto:`), as GitHub links them in any text: they
        // cannot load or open a web page.
        for live in [
            "<img",
            "<h1>big",
            "<a href=\"https://evil",
            "<a href=\"http://www.evil",
            "<a href=\"https://a.example/<",
        ] {
            assert!(!html.contains(live), "{name}: `{live}` is live in:\n{html}");
        }
        assert!(
            html.matches("<h1").count() <= 1,
            "{name}: only the record's title is a top heading"
        );
        for href in html
            .split("href=\"")
            .skip(1)
            .map(|rest| &rest[..rest.find('"').unwrap()])
        {
            let web = !href.starts_with("mailto:");
            assert!(
                !(web && href.contains("evil.example")),
                "{name}: a link to {href}:\n{html}"
            );
        }
        // The text itself is still there for the reader.
        assert!(
            html.contains("&lt;img src=&quot;https://evil.example/t.png&quot; alt=x&gt;"),
            "{name}:\n{html}"
        );
    }
}

#[test]
fn hidden_characters_do_not_reach_any_page() {
    for (name, markdown) in hostile_records() {
        for hidden in ['\u{202e}', '\u{200b}', '\u{2066}', '\u{2069}', '\u{feff}', '\u{1b}'] {
            let line = markdown.lines().find(|l| l.contains(hidden));
            assert!(line.is_none(), "{name} holds U+{:04X}: {line:?}", hidden as u32);
        }
        if name.starts_with("0001") {
            assert!(
                markdown.contains("right\u{fffd}gpj.exe"),
                "{name}: made visible instead"
            );
        }
    }
}
