//! The decision records of two example specs, as the binary writes them, under snapshot.
//! A change to scoring, templates or the catalog shows up here as a reviewable diff.

use crate::common::*;

fn record_files(spec: &str) -> (String, String) {
    let project = project_with(&[spec]);
    let output = tradeoff_in(project.path()).args(["decide"]).output().unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let stem = format!("reports/0001-{}", spec.trim_end_matches(".tradeoff"));
    let read = |ext: &str| std::fs::read_to_string(project.path().join(format!("{stem}.{ext}"))).unwrap();
    (read("md"), read("html"))
}

#[test]
fn sensor_ingest_record() {
    let (markdown, html) = record_files("sensor-ingest.tradeoff");
    insta::assert_snapshot!("sensor_ingest_md", markdown);
    insta::assert_snapshot!("sensor_ingest_html", html);
}

#[test]
fn hotel_reservations_record() {
    let (markdown, html) = record_files("hotel-reservations.tradeoff");
    insta::assert_snapshot!("hotel_reservations_md", markdown);
    insta::assert_snapshot!("hotel_reservations_html", html);
}
