//! `tradeoff catalog import` and `catalog coverage`: real-format fixtures in, a catalog overlay
//! out that specs can include; malformed and hostile inputs refused with exit 2, nothing written.

use std::path::{Path, PathBuf};

use crate::common::*;

/// A fixture's path from the workspace root, where `tradeoff()` runs: relative, so diagnostics
/// naming it wrap the same way whatever folder the repository is checked out in.
fn fixture(name: &str) -> PathBuf {
    Path::new("tests/fixtures/import").join(name)
}

const SOURCE: &str = "https://example.org/published";

fn import(kind: &str, files: &[PathBuf], extra: &[&str], out: &Path) -> std::process::Output {
    tradeoff()
        .args(["catalog", "import", kind])
        .args(files)
        .args(["--source", SOURCE])
        .args(extra)
        .arg("--out")
        .arg(out)
        .output()
        .unwrap()
}

#[test]
fn web_frameworks_overlay_cites_the_file_and_feeds_a_spec() {
    let dir = project_with(&[]);
    let overlay = dir.path().join("specs/wf.toml");
    let output = import("web-frameworks", &[fixture("data.json")], &[], &overlay);
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(
        stderr_of(&output).contains("1 figure(s) for 1 framework(s)"),
        "{}",
        stderr_of(&output)
    );
    let text = std::fs::read_to_string(&overlay).unwrap();
    assert!(text.contains("[[frameworks.gin.load_test]]"), "{text}");
    assert!(
        text.contains("source = \"https://example.org/published/data.json\""),
        "{text}"
    );
    assert!(text.contains("as_of = \"2026-02-11\""), "{text}");
    assert!(text.contains("latency_p99_ms = 110.2"), "{text}");
    let check = tradeoff().args(["catalog", "check"]).arg(&overlay).output().unwrap();
    assert!(check.status.success(), "{}", stderr_of(&check));
    // A spec that includes the overlay is scored with its figure.
    std::fs::write(
        dir.path().join("specs/api.tradeoff"),
        "decision api \"API\" {\n  catalog \"wf.toml\"\n  app { kind api }\n  require { language in [go] }\n  weigh { performance high }\n}\n",
    )
    .unwrap();
    let out = stdout_of_success(tradeoff_in(dir.path()).args(["score", "specs/api.tradeoff", "--format", "json"]));
    let evaluation: serde_json::Value = serde_json::from_str(&out).unwrap();
    let gin = evaluation["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["framework"] == "gin")
        .unwrap();
    let facts = gin["cells"]["performance"]["facts"].as_array().unwrap();
    assert!(
        facts
            .iter()
            .any(|f| f["source"] == "https://example.org/published/data.json"),
        "{facts:?}"
    );
}

#[test]
fn techempower_results_give_the_best_level_and_the_twenty_query_level() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("r23.toml");
    let output = import("techempower", &[fixture("results.json")], &["--round", "23"], &overlay);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = std::fs::read_to_string(&overlay).unwrap();
    // json: 7,472,880 requests in 15 s at the best level.
    assert!(text.contains("rps = 498192"), "{text}");
    // query: the 20-query level, 1,308,465 in 15 s, from the pg variant.
    assert!(text.contains("rps = 87231"), "{text}");
    assert!(text.contains("variant pg, not the framework's main entry"), "{text}");
    assert!(text.contains("frozen = true"), "{text}");
    assert!(!text.contains("not-in-the-catalog"), "{text}");
}

#[test]
fn github_ranking_snapshots_give_values_and_bounds() {
    let dir = tempfile::tempdir().unwrap();
    let overlay = dir.path().join("ranking.toml");
    let output = import(
        "github-ranking",
        &[fixture("github-ranking-2026-08-22.csv")],
        &[],
        &overlay,
    );
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = std::fs::read_to_string(&overlay).unwrap();
    assert!(text.contains("stars = 89099"), "{text}");
    assert!(text.contains("stars_below = 28629"), "{text}");
}

#[test]
fn without_out_the_overlay_goes_to_stdout() {
    let output = tradeoff()
        .args(["catalog", "import", "web-frameworks"])
        .arg(fixture("data.json"))
        .args(["--source", SOURCE])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    assert!(stdout_of(&output).starts_with("# Written by `tradeoff catalog import web-frameworks`"));
}

#[test]
fn hostile_inputs_are_refused_naming_file_and_field_and_nothing_is_written() {
    let cases: [(&str, &str, &[&str], &str); 7] = [
        ("web-frameworks", "hostile/truncated-data.json", &[], "line "),
        ("web-frameworks", "hostile/wrong-type-data.json", &[], "line "),
        (
            "web-frameworks",
            "hostile/absurd-latency-data.json",
            &[],
            "percentile99",
        ),
        (
            "techempower",
            "hostile/backwards-results.json",
            &["--round", "23"],
            "rawData.json.gin[1]",
        ),
        ("techempower", "results.json", &[], "--round"),
        (
            "github-ranking",
            "hostile/github-ranking-2026-08-23.csv",
            &[],
            "line 2, column stars",
        ),
        (
            "github-ranking",
            "hostile/github-ranking-2026-08-24.csv",
            &[],
            "not valid UTF-8",
        ),
    ];
    for (kind, file, extra, field) in cases {
        let dir = tempfile::tempdir().unwrap();
        let overlay = dir.path().join("out.toml");
        std::fs::write(&overlay, "# kept\n").unwrap();
        let output = import(kind, &[fixture(file)], extra, &overlay);
        let stderr = stderr_of(&output);
        assert_eq!(output.status.code(), Some(2), "{file}: {stderr}");
        assert!(stderr.contains(field), "{file}: expected `{field}` in {stderr}");
        assert!(stderr.contains(file.rsplit('/').next().unwrap()), "{file}: {stderr}");
        assert_eq!(std::fs::read_to_string(&overlay).unwrap(), "# kept\n", "{file}");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "{file}: no stray files"
        );
    }
}

#[test]
fn a_source_that_is_not_a_url_is_refused() {
    let output = tradeoff()
        .args(["catalog", "import", "web-frameworks"])
        .arg(fixture("data.json"))
        .args(["--source", "my laptop"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("--source"), "{}", stderr_of(&output));
}

#[test]
fn coverage_meets_the_goal_and_lists_sources() {
    let text = stdout_of_success(tradeoff().args(["catalog", "coverage"]));
    let summary = text
        .lines()
        .find(|l| l.starts_with("coverage: "))
        .expect("a summary line");
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    assert!(
        readme.lines().any(|l| l == summary),
        "README.md must quote the current summary line:\n{summary}"
    );
    let out = stdout_of_success(tradeoff().args(["catalog", "coverage", "--format", "json"]));
    let coverage: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(coverage["summary"]["known_pct"].as_f64().unwrap() >= 90.0);
    let fiber = coverage["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["framework"] == "fiber")
        .unwrap();
    let sources = fiber["cells"]["performance"]["sources"].as_array().unwrap();
    assert!(sources
        .iter()
        .any(|s| s["source"].as_str().unwrap().contains("web-frameworks")));
    assert!(sources
        .iter()
        .any(|s| s["source"].as_str().unwrap().contains("round23")));
}
