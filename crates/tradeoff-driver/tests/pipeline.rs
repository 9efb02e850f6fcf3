//! The driver on real files: sources, includes, records and checks, without the binary.

use std::path::{Path, PathBuf};

use tradeoff_driver::check::{check, Verdict};
use tradeoff_driver::decide::{decide, Progress};
use tradeoff_driver::sources::IncludeError;
use tradeoff_driver::{records, spec, Buffers, Failure, GitRevision, NoFiles, RecordsRequest, Sources, WorkingTree};
use tradeoff_report::{Staleness, Templates, WriteOutcome};

const SPEC: &str = "sensor-ingest.tradeoff";

fn example(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs").join(name)).unwrap()
}

/// A project root (it has `.git/`) with one example spec in `specs/`.
fn project() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join(".git")).unwrap();
    std::fs::create_dir_all(dir.path().join("specs")).unwrap();
    let spec = dir.path().join("specs").join(SPEC);
    std::fs::write(&spec, example(SPEC)).unwrap();
    (dir, spec)
}

fn request(dir: &Path) -> RecordsRequest {
    RecordsRequest {
        specs: vec![dir.join("specs")],
        out: dir.join("reports"),
        templates: None,
        overwrite_hand_edits: false,
        trust_seals: true,
    }
}

fn codes(failure: &Failure) -> Vec<&'static str> {
    match failure {
        Failure::Spec(error) => error.problems().map(|p| p.code.name()).collect(),
        other => panic!("expected spec errors, got {other}"),
    }
}

#[test]
fn a_missing_record_is_stale_until_decided_and_then_current() {
    let (dir, _) = project();
    let verdicts = check(&WorkingTree, &request(dir.path())).unwrap();
    assert!(
        matches!(&verdicts[0].verdict, Verdict::Stale(s) if matches!(s[..], [Staleness::Missing { .. }])),
        "{verdicts:?}"
    );
    let mut outcomes = Vec::new();
    for _ in 0..2 {
        decide(&WorkingTree, &request(dir.path()), &mut |progress| {
            if let Progress::Decided(d) = progress {
                outcomes.push(d.outcome.clone())
            }
        })
        .unwrap();
    }
    assert!(matches!(
        outcomes[..],
        [WriteOutcome::Created { .. }, WriteOutcome::Unchanged { .. }]
    ));
    let verdicts = check(&WorkingTree, &request(dir.path())).unwrap();
    assert!(matches!(verdicts[0].verdict, Verdict::Current), "{verdicts:?}");
}

#[test]
fn a_broken_spec_is_a_verdict_beside_the_others() {
    let (dir, _) = project();
    std::fs::write(
        dir.path().join("specs/broken.tradeoff"),
        "decision broken \"x\" {\n  wegh { }\n}\n",
    )
    .unwrap();
    let verdicts = check(&WorkingTree, &request(dir.path())).unwrap();
    let broken = verdicts.iter().find(|v| v.spec.ends_with("broken.tradeoff")).unwrap();
    match &broken.verdict {
        Verdict::Failed(failure) => assert!(codes(failure).contains(&"unknown-key"), "{failure}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(verdicts.len(), 2);
}

#[test]
fn includes_inside_the_project_change_the_catalog_version_and_others_are_refused() {
    let (dir, spec_path) = project();
    let plain = spec::load(&WorkingTree, &spec_path).unwrap();
    let axum = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../tradeoff-core/catalog/frameworks/axum.toml"),
    )
    .unwrap();
    let in_house = axum.replacen("id = \"axum\"", "id = \"acme-web\"", 1);
    std::fs::write(dir.path().join("extra.toml"), in_house).unwrap();
    let with_include = format!("{}\n", example(SPEC).replacen('{', "{\n  catalog \"../extra.toml\"", 1));
    std::fs::write(&spec_path, &with_include).unwrap();
    let included = spec::load(&WorkingTree, &spec_path).unwrap();
    assert_ne!(plain.catalog.version, included.catalog.version);

    std::fs::write(&spec_path, with_include.replace("../extra.toml", "../../outside.toml")).unwrap();
    let refused = spec::load(&WorkingTree, &spec_path).unwrap_err();
    assert_eq!(codes(&refused), ["bad-include"]);
}

#[test]
fn buffers_shadow_the_files_below_them() {
    let (_dir, spec_path) = project();
    let mut sources = Buffers::new(WorkingTree);
    let edited = example(SPEC).replace("sensor-ingest", "sensor-ingest-edited");
    sources.set(&spec_path, edited.clone());
    assert_eq!(sources.spec(&spec_path).unwrap().text, edited);
    assert_eq!(
        spec::load(&sources, &spec_path).unwrap().plan.id,
        "sensor-ingest-edited"
    );
    assert!(NoFiles.spec(&spec_path).is_err());
}

#[test]
fn a_preview_is_the_record_a_first_decide_writes() {
    let (dir, spec_path) = project();
    let mut sources = Buffers::new(NoFiles);
    sources.set("memory.tradeoff", example(SPEC));
    let loaded = spec::load(&sources, Path::new("memory.tradeoff")).unwrap();
    let preview = records::preview(&loaded, "specs/sensor-ingest.tradeoff", &Templates::builtin()).unwrap();
    decide(&WorkingTree, &request(dir.path()), &mut |_| {}).unwrap();
    let written = std::fs::read_to_string(dir.path().join("reports/0001-sensor-ingest.md")).unwrap();
    assert_eq!(preview.markdown, written);
    assert!(spec_path.exists());
}

#[test]
fn a_git_revision_reads_the_spec_and_its_includes_as_committed() {
    let (dir, spec_path) = project();
    std::fs::remove_dir(dir.path().join(".git")).unwrap();
    let git = |args: &[&str]| {
        let status = std::process::Command::new("git")
            .args(["-c", "user.name=t", "-c", "user.email=t@example.invalid"])
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap();
        assert!(
            status.status.success(),
            "git {args:?}: {}",
            String::from_utf8_lossy(&status.stderr)
        );
    };
    git(&["init", "-q"]);
    git(&["add", "."]);
    git(&["commit", "-q", "-m", "first"]);
    let committed = example(SPEC);
    std::fs::write(&spec_path, committed.replace("sensor-ingest", "sensor-ingest-edited")).unwrap();

    let head = GitRevision { rev: "HEAD".into() };
    let source = head.spec(&spec_path).unwrap();
    assert_eq!(source.name, format!("HEAD:specs/{SPEC}"));
    assert_eq!(source.text, committed);
    assert_eq!(spec::load(&head, &spec_path).unwrap().plan.id, "sensor-ingest");
    assert_eq!(
        spec::load(&WorkingTree, &spec_path).unwrap().plan.id,
        "sensor-ingest-edited"
    );
    assert!(matches!(
        head.include(&spec_path, "../../elsewhere.toml"),
        Err(IncludeError::Refused(_))
    ));
    assert!(matches!(
        head.include(&spec_path, "../missing.toml"),
        Err(IncludeError::Unreadable(Failure::BadInput(_)))
    ));
    let dash = GitRevision {
        rev: "--output=x".into(),
    };
    assert!(dash.spec(&spec_path).is_err(), "a revision is never read as an option");
}

#[test]
fn a_broken_catalog_include_is_found_in_the_catalog_file_at_its_place() {
    let (dir, spec_path) = project();
    std::fs::write(dir.path().join("acme.toml"), "id = \"acme-web\"\nbogus = 1\n").unwrap();
    let with_include = example(SPEC).replacen('{', "{\n  catalog \"../acme.toml\"", 1);
    std::fs::write(&spec_path, with_include).unwrap();
    let verdicts = check(&WorkingTree, &request(dir.path())).unwrap();
    let Verdict::Failed(failure) = &verdicts[0].verdict else {
        panic!("{verdicts:?}")
    };
    let found = tradeoff_driver::diagnostics::failure_findings(failure);
    assert!(!found.is_empty());
    for finding in &found {
        assert_eq!(finding.code.name(), "catalog-error");
        assert_eq!(finding.file.as_deref(), Some("acme.toml"), "{finding:?}");
        assert!(finding.region.is_some(), "{finding:?}");
    }
    assert!(
        found.iter().any(|f| f.region.is_some_and(|r| r.start_line == 2)),
        "`bogus` is on line 2: {found:?}"
    );
}

#[test]
fn an_unreadable_include_is_a_diagnostic_on_the_include() {
    let (dir, spec_path) = project();
    std::fs::write(dir.path().join("binary.toml"), [0xff, 0xfe, 0x00]).unwrap();
    let text = example(SPEC).replacen('{', "{\n  catalog \"../binary.toml\"", 1);
    std::fs::write(&spec_path, &text).unwrap();
    let failure = spec::load(&WorkingTree, &spec_path).unwrap_err();
    assert_eq!(codes(&failure), ["bad-include"]);
    let found = tradeoff_driver::diagnostics::failure_findings(&failure);
    let region = found[0].region.unwrap();
    assert_eq!((region.start_line, region.start_column), (3, 11), "{found:?}");
    assert!(found[0].message.contains("not valid UTF-8"), "{found:?}");
}
