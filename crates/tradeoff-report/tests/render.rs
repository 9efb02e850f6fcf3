//! Snapshots of the Markdown and HTML records for the two example decisions, plus properties
//! of the rendered output that must hold whatever the snapshot says.

mod fixtures;

use tradeoff_report::{RecordMeta, RecordModel, RenderedRecord, Templates};

fn meta(number: u32) -> RecordMeta {
    RecordMeta {
        number,
        spec_path: "specs/example.tradeoff".to_owned(),
        spec_sha256: "9f2c1e0a4b7d3c5e8f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70".to_owned(),
        catalog_version: "2026.11.0".to_owned(),
        tool_version: "0.1.0".to_owned(),
        revision: 2,
        changelog: vec![
            "revision 1: created from specs/example.tradeoff (sha256 0a1b2c3d4e5f), catalog 2026.11.0, tradeoff 0.1.0"
                .to_owned(),
            "revision 2: spec changed (sha256 0a1b2c3d4e5f → 9f2c1e0a4b7d)".to_owned(),
        ],
        supersedes: None,
        superseded_by: None,
        status: None,
    }
}

fn render_sensor() -> RenderedRecord {
    let model = RecordModel::build(&fixtures::sensor_plan(), &fixtures::sensor_evaluation(), &meta(1));
    Templates::builtin().render_record(&model).unwrap()
}

fn render_saas() -> RenderedRecord {
    let mut meta = meta(2);
    meta.supersedes = Some(1);
    let model = RecordModel::build(&fixtures::saas_plan(), &fixtures::saas_evaluation(), &meta);
    Templates::builtin().render_record(&model).unwrap()
}

#[test]
fn sensor_ingest_markdown() {
    insta::assert_snapshot!(render_sensor().markdown);
}

#[test]
fn sensor_ingest_html() {
    insta::assert_snapshot!(render_sensor().html);
}

#[test]
fn saas_dashboard_markdown() {
    insta::assert_snapshot!(render_saas().markdown);
}

#[test]
fn saas_dashboard_html() {
    insta::assert_snapshot!(render_saas().html);
}

#[test]
fn rendering_is_deterministic() {
    assert_eq!(render_sensor(), render_sensor());
    assert_eq!(render_saas(), render_saas());
}

#[test]
fn markdown_follows_madr_section_order() {
    let markdown = render_sensor().markdown;
    let headings = [
        "\n# Backend framework for the sensor ingestion API\n",
        "\n## Context and Problem Statement\n",
        "\n## Decision Drivers\n",
        "\n## Considered Options\n",
        "\n## Decision Outcome\n",
        "\n### Consequences\n",
        "\n### Confirmation\n",
        "\n## Pros and Cons of the Options\n",
        // Options by name, so a rank swap does not move whole sections.
        "\n### Eclipse Vert.x\n",
        "\n### FastAPI\n",
        "\n### Quarkus\n",
        "\n## More Information\n",
    ];
    let mut at = 0;
    for heading in headings {
        let found = markdown[at..]
            .find(heading)
            .unwrap_or_else(|| panic!("missing or out of order: {heading:?}"));
        at += found + heading.len();
    }
    assert!(markdown.starts_with("---\nstatus: \"proposed\"\ndate: \"2026-11-24\"\n"));
    assert!(markdown.contains("```mermaid\nxychart-beta\n"));
}

#[test]
fn considered_options_are_the_top_survivors_only() {
    let markdown = render_sensor().markdown;
    let pros_and_cons =
        &markdown[markdown.find("## Pros and Cons").unwrap()..markdown.find("## More Information").unwrap()];
    assert!(pros_and_cons.contains("### FastAPI"));
    assert!(pros_and_cons.contains("### Quarkus"));
    assert!(pros_and_cons.contains("### Eclipse Vert.x"));
    assert!(!pros_and_cons.contains("### Micronaut"));
    assert!(markdown.contains("Also scored, not discussed in detail: Micronaut"));
}

#[test]
fn sensitivity_reads_as_a_threshold_sentence() {
    let model = RecordModel::build(&fixtures::sensor_plan(), &fixtures::sensor_evaluation(), &meta(1));
    let sensitivity = model.sensitivity.unwrap();
    // FastAPI leads Quarkus only through team-fit (1.0 vs 0.0), so lowering that weight flips it.
    assert!(
        sensitivity
            .headline
            .starts_with("The choice holds unless the team-fit weight falls below 0.16"),
        "{}",
        sensitivity.headline
    );
    assert!(sensitivity.headline.contains("when Quarkus would overtake FastAPI"));
    assert_eq!(sensitivity.stability, "fragile");
}

#[test]
fn pros_and_cons_follow_the_score_thresholds_and_cite_sources() {
    let model = RecordModel::build(&fixtures::sensor_plan(), &fixtures::sensor_evaluation(), &meta(1));
    let fastapi = &model.considered[0];
    assert_eq!(fastapi.name, "FastAPI");
    let good: Vec<&str> = fastapi.good.iter().map(|a| a.text.as_str()).collect();
    let bad: Vec<&str> = fastapi.bad.iter().map(|a| a.text.as_str()).collect();
    // team-fit 1.0, concurrency 0.9, maturity 0.72, productivity 0.71 are pros (weight order).
    assert_eq!(good.len(), 4, "{good:?}");
    assert!(good[0].starts_with("concurrency scores 0.900"));
    // performance (missing figure) and security (0.40 with missing lts) are cons.
    assert_eq!(bad.len(), 2, "{bad:?}");
    // A fair score resting on unknown facts is a risk: the line names what is unknown first.
    assert!(
        bad[0].starts_with(
            "performance rests partly on unknown facts (the catalog has no throughput.fortune (Round 23) (unknown, confidence 0%))"
        ),
        "{}",
        bad[0]
    );
    assert!(
        bad[0].contains("performance scores 0.500: No Round 23 fortune figure"),
        "{}",
        bad[0]
    );
    assert!(
        bad[1].starts_with("security rests partly on unknown facts"),
        "{}",
        bad[1]
    );
    assert!(bad[1].contains("security scores 0.400"), "{}", bad[1]);
    assert_eq!(fastapi.good[0].sources[0].source, "https://fastapi.tiangolo.com/async/");
    let vertx = &model.considered[2];
    assert!(vertx
        .bad
        .iter()
        .any(|a| a.text.starts_with("productivity scores 0.290")));
}

#[test]
fn unknown_values_print_as_unknown_not_zero() {
    let mut plan = fixtures::saas_plan();
    plan.date = None;
    plan.team.size = None;
    plan.app.load.peak_rps = None;
    let mut evaluation = fixtures::saas_evaluation();
    evaluation.options[1].totals.clear();
    evaluation.options[1].ranks.clear();
    let model = RecordModel::build(&plan, &evaluation, &meta(1));
    let markdown = Templates::builtin().render_record(&model).unwrap().markdown;
    // ADR tools read a date or none: no `date:` line, no "- Date:" line, never "unknown".
    assert!(
        !markdown.contains("date:") && !markdown.contains("- Date:"),
        "{markdown}"
    );
    assert!(markdown.contains("Expected load: unknown at peak; concurrent connections: unknown."));
    assert!(markdown.contains("Team size: unknown."));
    assert!(
        markdown.contains("| unknown | Ruby on Rails | unknown | 90% |"),
        "{markdown}"
    );
    assert!(markdown.contains("* Runner-up: Ruby on Rails, behind by an unknown margin."));
    assert!(model.chart.omitted.contains(&"Ruby on Rails".to_owned()));
}

#[test]
fn html_is_self_contained_with_table_and_chart() {
    let html = render_sensor().html;
    assert!(html.contains("<title>0001 · Backend framework for the sensor ingestion API</title>"));
    assert!(html.contains("<table>"));
    assert!(html.contains("<svg "));
    assert!(html.contains("@media print"));
    for forbidden in ["<script", "<link", "<img", "src=", "@import", "xychart-beta"] {
        assert!(!html.contains(forbidden), "found {forbidden}");
    }
    assert_eq!(html.matches("data-tradeoff=\"status\"").count(), 1);
}
