//! Hostile spec and catalog text must come out as inert text in every output.

mod fixtures;

use tradeoff_report::{write_record, RecordInputs, Templates, Versions};

const SCRIPT: &str = "<script>alert(1)</script>";
/// The opening tag of the decision log page's own filter script.
const LOG_SCRIPT: &str = "<script data-tradeoff=\"log-filter\">";

fn hostile_plan() -> tradeoff_lang::Plan {
    let mut plan = fixtures::sensor_plan();
    plan.title = format!("Pick {SCRIPT} ]]> --> a framework");
    plan.context = format!("{SCRIPT}\n\n<img src=x onerror=alert(2)>\n---\n]]> --> [x](javascript:alert(3))");
    plan.deciders = vec![format!("mallory {SCRIPT}"), "\"quoted\"\nnewline: yes".to_owned()];
    plan.consulted = vec!["--> ]]>".to_owned()];
    plan
}

fn hostile_evaluation() -> tradeoff_core::Evaluation {
    let mut evaluation = fixtures::sensor_evaluation();
    // Catalog text can come from a user's catalog file.
    evaluation.options[0].name = format!("Fast{SCRIPT}API");
    let cell = evaluation.options[0].cells.values_mut().next().unwrap();
    cell.explanation = format!("explained {SCRIPT} | pipe");
    evaluation.options[1].cells.values_mut().next().unwrap().facts[0].source = "javascript:alert(4)".to_owned();
    evaluation
}

fn rendered() -> (String, String, String, String) {
    let dir = tempfile::tempdir().unwrap();
    let versions = Versions {
        catalog: "c".to_owned(),
        tool: "t".to_owned(),
    };
    write_record(
        dir.path(),
        &RecordInputs {
            plan: &hostile_plan(),
            evaluation: &hostile_evaluation(),
            spec_path: "specs/x.tradeoff",
            spec_text: "x",
            versions: &versions,
        },
        &Templates::builtin(),
    )
    .unwrap();
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    (
        read("0001-sensor-ingest.md"),
        read("0001-sensor-ingest.html"),
        read("README.md"),
        read("index.html"),
    )
}

#[test]
fn html_pages_contain_no_markup_from_the_spec() {
    let (_, html, _, index) = rendered();
    // The decision log's own filter script is the one script tag allowed, exactly once.
    assert_eq!(index.matches(LOG_SCRIPT).count(), 1);
    assert_eq!(index.matches("<script").count(), 1);
    let index = index.replacen(LOG_SCRIPT, "", 1);
    for page in [&html, &index] {
        assert!(!page.contains("<script"), "script tag leaked");
        assert!(!page.contains("<img"), "img tag leaked");
        assert!(!page.contains("javascript:alert(3)\""), "javascript link leaked");
        assert!(!page.contains("href=\"javascript:"), "javascript link leaked");
        assert!(page.contains("&lt;script&gt;alert(1)&lt;"), "the text is still shown");
    }
    // The title appears escaped in <title>, the header and the h1.
    assert!(html
        .contains("<title>0001 · Pick &lt;script&gt;alert(1)&lt;&#x2f;script&gt; ]]&gt; --&gt; a framework</title>"));
    assert!(html.contains("<h1>Pick &lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; --&gt; a framework</h1>"));
    assert!(html.contains("mallory &lt;script&gt;alert(1)&lt;&#x2f;script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(2)&gt;"));
    // The charts' SVG text is escaped too (the winner's name is in the totals chart).
    let svgs: Vec<&str> = html
        .split("<svg")
        .skip(1)
        .map(|s| &s[..s.find("</svg>").unwrap()])
        .collect();
    assert!(!svgs.is_empty());
    assert!(svgs
        .iter()
        .any(|svg| svg.contains("Fast&lt;script&gt;alert(1)&lt;/script&gt;API")));
    assert!(svgs.iter().all(|svg| !svg.contains("<script")));
}

#[test]
fn markdown_keeps_hostile_text_as_text() {
    let (markdown, _, readme, _) = rendered();
    // The front matter holds it as a quoted YAML string (see below); the body must not.
    let body = &markdown[markdown.find("\n---\n").unwrap()..];
    for doc in [body, &readme] {
        assert!(!doc.contains(SCRIPT), "raw tag in Markdown");
        // The template's own collapsible sections are the only raw HTML: whole lines, with the
        // summary's text HTML-escaped (so a hostile name adds no `<` of its own).
        let doc: String = doc
            .lines()
            .filter(|line| !tradeoff_report::html::is_collapsible_tag(line))
            .collect::<Vec<_>>()
            .join("\n");
        let doc = doc.as_str();
        // `<` is written as an entity: a backslash can be eaten by GitHub's autolinker.
        if let Some(at) = doc.find('<') {
            panic!("unescaped < at {at}: {}", &doc[at.saturating_sub(30)..at + 10]);
        }
    }
    assert!(markdown.contains("# Pick &lt;script&gt;alert(1)&lt;/script&gt; \\]\\]&gt; --&gt; a framework\n"));
    // The context's "---" line cannot become a rule or close the front matter.
    assert!(markdown.contains("\n\\---\n"));
    assert!(markdown.contains("\\[x\\](javascript:alert(3))"));
    // A pipe or tag in catalog text stays text.
    assert!(markdown.contains("explained &lt;script&gt;alert(1)&lt;/script&gt; \\| pipe"));
    // A non-web source is not turned into a link.
    assert!(!markdown.contains("](javascript:alert(4)"));
    assert!(markdown.contains("(javascript:alert(4), as of 2025-03-17, stale)"));
}

#[test]
fn front_matter_values_stay_single_quoted_scalars() {
    let (markdown, _, _, _) = rendered();
    let front = &markdown[4..markdown[4..].find("\n---\n").unwrap() + 4];
    assert!(front
        .contains("decision-makers: [\"mallory <script>alert(1)</script>\", \"\\\"quoted\\\"\\u000anewline: yes\"]"));
    assert!(front.contains("consulted: [\"--> ]]>\"]"));
    assert_eq!(front.lines().filter(|l| l.starts_with("decision-makers:")).count(), 1);
    // Every line is a key: value pair, so no value escaped its quotes.
    for line in front.lines() {
        assert!(
            line.trim_start().split_once(": ").is_some() || line.ends_with(':'),
            "{line}"
        );
    }
}
