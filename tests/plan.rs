//! `tradeoff plan`.

use crate::common::*;

#[test]
fn every_example_spec_compiles_to_a_json_plan_with_normalised_weights() {
    let specs = std::fs::read_dir(root().join("specs")).unwrap();
    let mut seen = 0;
    for entry in specs {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "tradeoff") {
            continue;
        }
        seen += 1;
        let output = tradeoff()
            .args(["plan", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(output.status.success(), "{}: {}", path.display(), stderr_of(&output));
        let plan: serde_json::Value = serde_json::from_str(&stdout_of(&output)).unwrap();
        assert!(plan["id"].is_string());
        if plan["weighting"]["kind"] == "direct" {
            let sum: f64 = plan["weighting"]["weights"]
                .as_object()
                .unwrap()
                .values()
                .map(|v| v.as_f64().unwrap())
                .sum();
            assert!((sum - 1.0).abs() < 1e-9, "{}: weights sum to {sum}", path.display());
        }
    }
    assert!(seen >= 6, "expected at least six example specs, found {seen}");
}

#[test]
fn text_plan_names_constraints_and_weights() {
    let output = tradeoff()
        .args(["plan", "specs/sensor-ingest.tradeoff"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", stderr_of(&output));
    let text = stdout_of(&output);
    assert!(text.contains("hard constraints:"), "{text}");
    assert!(
        text.contains(
            "team:\n  size: 4\n  knows: python expert, go intermediate, rust beginner\n  uses: fastapi expert\n"
        ),
        "{text}"
    );
    assert!(
        text.contains("features: validation, openapi (unknown features: keep)"),
        "{text}"
    );
    assert!(text.contains("weights:"), "{text}");
    assert!(text.contains("performance"), "{text}");
}

#[test]
fn a_bad_spec_exits_2_with_a_located_diagnostic() {
    let project = project_with(&[]);
    let spec = project.path().join("specs/bad.tradeoff");
    std::fs::write(
        &spec,
        "decision bad \"Bad\" {\n  app { kind api }\n  weigh { perfomance high }\n}\n",
    )
    .unwrap();
    let output = tradeoff_in(project.path())
        .args(["plan", "specs/bad.tradeoff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(err.contains("specs/bad.tradeoff:3:"), "{err}");
    assert!(err.contains("performance"), "did-you-mean missing: {err}");
}

#[test]
fn a_missing_file_exits_2_naming_it() {
    let output = tradeoff()
        .args(["plan", "specs/does-not-exist.tradeoff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("does-not-exist.tradeoff"));
}

#[test]
fn invalid_utf8_exits_2() {
    let project = project_with(&[]);
    std::fs::write(project.path().join("specs/bin.tradeoff"), [0xff, 0x00, 0xfe]).unwrap();
    let output = tradeoff_in(project.path())
        .args(["plan", "specs/bin.tradeoff"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr_of(&output).contains("not valid UTF-8"));
}
