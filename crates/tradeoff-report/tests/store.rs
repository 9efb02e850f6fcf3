//! The record folder: creation, no-op reruns, revisions, superseding, the index, staleness.

mod fixtures;

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use tradeoff_core::Evaluation;
use tradeoff_lang::vocab::Status;
use tradeoff_lang::Plan;
use tradeoff_report::{
    check_record, write_record, write_record_in, RecordFolder, RecordInputs, Staleness, Templates, Versions,
    WriteOutcome,
};

const SPEC: &str = "decision sensor-ingest \"Backend framework for the sensor ingestion API\" { status proposed }\n";

fn versions() -> Versions {
    Versions {
        catalog: "2026.11.0".to_owned(),
        tool: "0.1.0".to_owned(),
    }
}

/// The inputs of a record with the versions of [`versions`].
fn inputs<'a>(plan: &'a Plan, evaluation: &'a Evaluation, spec_path: &'a str, spec_text: &'a str) -> RecordInputs<'a> {
    static VERSIONS: OnceLock<Versions> = OnceLock::new();
    RecordInputs {
        plan,
        evaluation,
        spec_path,
        spec_text,
        versions: VERSIONS.get_or_init(versions),
    }
}

/// Every file in the folder with its bytes, sorted by name.
fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<(String, Vec<u8>)> = fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().into_string().unwrap(), fs::read(e.path()).unwrap())
        })
        .collect();
    files.sort();
    files
}

fn names(dir: &Path) -> Vec<String> {
    snapshot(dir).into_iter().map(|(name, _)| name).collect()
}

#[test]
fn first_run_creates_record_html_and_index() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let outcome = write_record(
        &out,
        &inputs(
            &fixtures::sensor_plan(),
            &fixtures::sensor_evaluation(),
            "specs/sensor-ingest.tradeoff",
            SPEC,
        ),
        &Templates::builtin(),
    )
    .unwrap();
    assert_eq!(
        outcome,
        WriteOutcome::Created {
            path: out.join("0001-sensor-ingest.md")
        }
    );
    assert_eq!(
        names(&out),
        [
            "0001-sensor-ingest.html",
            "0001-sensor-ingest.md",
            "README.md",
            "index.html"
        ]
    );
    // Nothing was written next to the output folder.
    assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    let markdown = fs::read_to_string(out.join("0001-sensor-ingest.md")).unwrap();
    assert!(markdown.contains("  revision: 1\n"));
    assert!(markdown.contains("  spec: \"specs/sensor-ingest.tradeoff\"\n"));
    let sha = tradeoff_report::spec_sha256(SPEC);
    assert!(markdown.contains(&format!("  spec_sha256: \"{sha}\"\n")));
}

#[test]
fn rerun_with_unchanged_inputs_is_a_byte_identical_no_op() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, evaluation, templates) = (
        fixtures::sensor_plan(),
        fixtures::sensor_evaluation(),
        Templates::builtin(),
    );
    write_record(
        dir.path(),
        &inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC),
        &templates,
    )
    .unwrap();
    let before = snapshot(dir.path());
    let modified: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
        .collect();
    let outcome = write_record(
        dir.path(),
        &inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC),
        &templates,
    )
    .unwrap();
    assert_eq!(
        outcome,
        WriteOutcome::Unchanged {
            path: dir.path().join("0001-sensor-ingest.md")
        }
    );
    assert_eq!(snapshot(dir.path()), before);
    let after: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().metadata().unwrap().modified().unwrap())
        .collect();
    assert_eq!(after, modified, "no file was rewritten");
    assert!(check_record(
        dir.path(),
        &inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC),
        &templates
    )
    .unwrap()
    .is_empty());
}

#[test]
fn changed_spec_with_same_winner_bumps_the_revision() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, evaluation, templates) = (
        fixtures::sensor_plan(),
        fixtures::sensor_evaluation(),
        Templates::builtin(),
    );
    write_record(
        dir.path(),
        &inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC),
        &templates,
    )
    .unwrap();
    let changed_spec = format!("{SPEC}# a comment\n");
    let mut newer = versions();
    newer.catalog = "2026.12.0".to_owned();
    let outcome = write_record(
        dir.path(),
        &RecordInputs {
            plan: &plan,
            evaluation: &evaluation,
            spec_path: "specs/s.tradeoff",
            spec_text: &changed_spec,
            versions: &newer,
        },
        &templates,
    )
    .unwrap();
    let path = dir.path().join("0001-sensor-ingest.md");
    assert_eq!(
        outcome,
        WriteOutcome::Revised {
            path: path.clone(),
            revision: 2
        }
    );
    let markdown = fs::read_to_string(&path).unwrap();
    assert!(markdown.contains("  revision: 2\n"));
    let old_sha = &tradeoff_report::spec_sha256(SPEC)[..12];
    let new_sha = &tradeoff_report::spec_sha256(&changed_spec)[..12];
    // Each entry is dated by the spec's date: the tool never reads a clock.
    let line = format!(
        "* revision 2 (2026-11-24): spec changed (sha256 {old_sha} → {new_sha}); catalog 2026.11.0 → 2026.12.0\n"
    );
    assert!(markdown.contains(&line), "{markdown}");
    assert!(markdown.contains("* revision 1 (2026-11-24): created from specs/s.tradeoff"));
    assert_eq!(names(dir.path()).len(), 4, "still one record");

    // A third run with yet another catalog appends, keeping both earlier lines.
    let mut newest = newer.clone();
    newest.catalog = "2027.01.0".to_owned();
    let outcome = write_record(
        dir.path(),
        &RecordInputs {
            plan: &plan,
            evaluation: &evaluation,
            spec_path: "specs/s.tradeoff",
            spec_text: &changed_spec,
            versions: &newest,
        },
        &templates,
    )
    .unwrap();
    assert_eq!(
        outcome,
        WriteOutcome::Revised {
            path: path.clone(),
            revision: 3
        }
    );
    let markdown = fs::read_to_string(&path).unwrap();
    assert!(markdown.contains(&line));
    assert!(markdown.contains("* revision 3 (2026-11-24): catalog 2026.12.0 → 2027.01.0\n"));
}

/// Whether a line is part of a record's seal (Markdown front matter or the page's head).
fn is_seal(line: &str) -> bool {
    line.starts_with("  record_sha256: ") || line.starts_with("<meta name=\"tradeoff-seal\"")
}

fn seal_lines(text: &str) -> Vec<&str> {
    text.lines().filter(|l| is_seal(l)).collect()
}

fn without_seal(text: &str) -> String {
    text.split_inclusive('\n').filter(|l| !is_seal(l)).collect()
}

#[test]
fn accepted_record_whose_winner_changes_is_superseded() {
    let dir = tempfile::tempdir().unwrap();
    let templates = Templates::builtin();
    let plan = fixtures::saas_plan();
    assert_eq!(plan.status, Status::Accepted);
    let first = fixtures::saas_evaluation();
    assert_eq!(first.winner().unwrap().framework, "django");
    write_record(
        dir.path(),
        &inputs(&plan, &first, "specs/saas.tradeoff", "v1"),
        &templates,
    )
    .unwrap();
    let old_path = dir.path().join("0001-saas-dashboard-mvp.md");
    let old_markdown = fs::read_to_string(&old_path).unwrap();
    let old_html = fs::read_to_string(old_path.with_extension("html")).unwrap();

    let second = fixtures::saas_evaluation_with(&[("django", 0.3)]);
    assert_eq!(second.winner().unwrap().framework, "rails");
    let outcome = write_record(
        dir.path(),
        &inputs(&plan, &second, "specs/saas.tradeoff", "v2"),
        &templates,
    )
    .unwrap();
    let new_path = dir.path().join("0002-saas-dashboard-mvp.md");
    assert_eq!(
        outcome,
        WriteOutcome::Superseded {
            old: old_path.clone(),
            new: new_path.clone()
        }
    );

    // The old record changed only in its status lines: front matter, and the list under the
    // title (ADR tools read it), which links the successor; and its seal, renewed for them.
    let rewritten = fs::read_to_string(&old_path).unwrap();
    assert_ne!(seal_lines(&rewritten), seal_lines(&old_markdown), "the seal is renewed");
    assert_eq!(
        without_seal(&rewritten),
        without_seal(&old_markdown)
            .replacen("status: \"accepted\"", "status: \"superseded by 0002\"", 1)
            .replacen(
                "\n- Status: accepted\n",
                "\n- Status: superseded by [0002-saas-dashboard-mvp](0002-saas-dashboard-mvp.md)\n",
                1
            )
    );
    let rewritten_html = fs::read_to_string(old_path.with_extension("html")).unwrap();
    assert_ne!(seal_lines(&rewritten_html), seal_lines(&old_html));
    assert_eq!(
        without_seal(&rewritten_html),
        without_seal(&old_html)
            .replacen(">accepted</dd>", ">superseded by 0002</dd>", 1)
            .replacen(
                "<li>Status: accepted</li>",
                "<li>Status: superseded by <a href=\"0002-saas-dashboard-mvp.html\">0002-saas-dashboard-mvp</a></li>",
                1
            ),
        "HTML status rewritten in place"
    );

    let new_markdown = fs::read_to_string(&new_path).unwrap();
    assert!(new_markdown.contains("  supersedes: 1\n"));
    assert!(new_markdown.contains("  winner: \"rails\"\n"));
    assert!(new_markdown.contains("This record supersedes [0001](0001-saas-dashboard-mvp.md)."));
    assert!(new_markdown.contains("\n- Supersedes: [0001-saas-dashboard-mvp](0001-saas-dashboard-mvp.md)\n"));
    assert!(new_markdown.contains(
        "* revision 1 (2026-11-26): supersedes 0001 (winner changed from Django to Ruby on Rails; spec changed"
    ));

    // The new record is now the current one: rerunning is a no-op, and a further change with the
    // same winner supersedes it in turn: an accepted record is never rewritten.
    let again = write_record(
        dir.path(),
        &inputs(&plan, &second, "specs/saas.tradeoff", "v2"),
        &templates,
    )
    .unwrap();
    assert_eq!(again, WriteOutcome::Unchanged { path: new_path.clone() });
    let third = write_record(
        dir.path(),
        &inputs(&plan, &second, "specs/saas.tradeoff", "v3"),
        &templates,
    )
    .unwrap();
    let third_path = dir.path().join("0003-saas-dashboard-mvp.md");
    assert_eq!(
        third,
        WriteOutcome::Superseded {
            old: new_path.clone(),
            new: third_path.clone()
        }
    );
    let kept = fs::read_to_string(&new_path).unwrap();
    assert!(
        kept.contains("* revision 1 (2026-11-26): supersedes 0001"),
        "the accepted content is kept: {kept}"
    );
    assert!(!kept.contains("revision 2"), "{kept}");
    let third_markdown = fs::read_to_string(&third_path).unwrap();
    assert!(
        third_markdown
            .contains("* revision 1 (2026-11-26): supersedes 0002 (winner unchanged: Ruby on Rails; spec changed"),
        "{third_markdown}"
    );
}

#[test]
fn proposed_record_whose_winner_changes_is_revised_not_superseded() {
    let dir = tempfile::tempdir().unwrap();
    let templates = Templates::builtin();
    let mut plan = fixtures::saas_plan();
    plan.status = Status::Proposed;
    write_record(
        dir.path(),
        &inputs(&plan, &fixtures::saas_evaluation(), "s", "v1"),
        &templates,
    )
    .unwrap();
    let second = fixtures::saas_evaluation_with(&[("django", 0.3)]);
    let outcome = write_record(dir.path(), &inputs(&plan, &second, "s", "v2"), &templates).unwrap();
    let path = dir.path().join("0001-saas-dashboard-mvp.md");
    assert_eq!(
        outcome,
        WriteOutcome::Revised {
            path: path.clone(),
            revision: 2
        }
    );
    let markdown = fs::read_to_string(path).unwrap();
    assert!(markdown.contains("winner changed from Django to Ruby on Rails"));
}

#[test]
fn index_lists_every_record_by_number() {
    let dir = tempfile::tempdir().unwrap();
    let templates = Templates::builtin();
    // A hand-written record without our metadata keeps its number and is listed too.
    fs::write(
        dir.path().join("0001-use-postgres.md"),
        "# Use PostgreSQL\n\nWe use it.\n",
    )
    .unwrap();
    write_record(
        dir.path(),
        &inputs(&fixtures::sensor_plan(), &fixtures::sensor_evaluation(), "a", "a"),
        &templates,
    )
    .unwrap();
    write_record(
        dir.path(),
        &inputs(&fixtures::saas_plan(), &fixtures::saas_evaluation(), "b", "b"),
        &templates,
    )
    .unwrap();
    let readme = fs::read_to_string(dir.path().join("README.md")).unwrap();
    let rows: Vec<&str> = readme.lines().filter(|l| l.starts_with("| [")).collect();
    assert_eq!(
        rows,
        [
            "| [0003](0003-saas-dashboard-mvp.md) | Framework for the analytics dashboard MVP | accepted | Django | 2026-11-26 | — |",
            "| [0002](0002-sensor-ingest.md) | Backend framework for the sensor ingestion API | proposed | FastAPI | 2026-11-24 | — |",
            "| [0001](0001-use-postgres.md) | Use PostgreSQL | unknown | unknown | unknown | — |",
        ]
    );
    let index = fs::read_to_string(dir.path().join("index.html")).unwrap();
    assert!(index.contains("<a href=\"0002-sensor-ingest.html\">0002</a>"));
    assert!(index.contains("<a href=\"0001-use-postgres.md\">0001</a>"));
    // Newest first; the record without a real date comes last.
    assert!(index.find(">0003<").unwrap() < index.find(">0002<").unwrap());
    assert!(index.find(">0002<").unwrap() < index.find(">0001<").unwrap());
    assert!(readme.contains("newest first (by date, then by number)"));
}

#[test]
fn check_reports_changed_inputs_and_hand_edits() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, evaluation, templates) = (
        fixtures::sensor_plan(),
        fixtures::sensor_evaluation(),
        Templates::builtin(),
    );
    assert_eq!(
        check_record(
            dir.path(),
            &inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC),
            &templates
        )
        .unwrap(),
        [Staleness::Missing {
            decision: "sensor-ingest".to_owned()
        }]
    );
    write_record(dir.path(), &inputs(&plan, &evaluation, "s", SPEC), &templates).unwrap();
    let path = dir.path().join("0001-sensor-ingest.md");

    let mut newer = versions();
    newer.tool = "0.2.0".to_owned();
    let stale = check_record(
        dir.path(),
        &RecordInputs {
            plan: &plan,
            evaluation: &evaluation,
            spec_path: "specs/s.tradeoff",
            spec_text: "other spec",
            versions: &newer,
        },
        &templates,
    )
    .unwrap();
    assert_eq!(stale.len(), 2, "{stale:?}");
    assert!(matches!(&stale[0], Staleness::SpecChanged { path: p, .. } if *p == path));
    assert_eq!(
        stale[1],
        Staleness::ToolChanged {
            path: path.clone(),
            recorded: "0.1.0".to_owned(),
            current: "0.2.0".to_owned()
        }
    );

    let html = path.with_extension("html");
    let page = fs::read_to_string(&html).unwrap();
    fs::write(&html, page.replace("FastAPI", "FastAPI!")).unwrap();
    assert_eq!(
        check_record(
            dir.path(),
            &inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC),
            &templates
        )
        .unwrap(),
        [Staleness::ContentDiffers { path: html }]
    );
}

#[test]
fn check_says_when_the_status_was_edited_in_the_record_instead_of_the_spec() {
    let dir = tempfile::tempdir().unwrap();
    let (plan, evaluation, templates) = (
        fixtures::sensor_plan(),
        fixtures::sensor_evaluation(),
        Templates::builtin(),
    );
    let spec = inputs(&plan, &evaluation, "specs/s.tradeoff", SPEC);
    write_record(dir.path(), &spec, &templates).unwrap();
    let path = dir.path().join("0001-sensor-ingest.md");
    let record = fs::read_to_string(&path).unwrap();
    assert!(record.starts_with("---\nstatus: \"proposed\"\n"));
    fs::write(
        &path,
        record.replacen("status: \"proposed\"", "status: \"accepted\"", 1),
    )
    .unwrap();
    let stale = check_record(dir.path(), &spec, &templates).unwrap();
    assert_eq!(
        stale,
        [Staleness::StatusEdited {
            path: path.clone(),
            recorded: "accepted".to_owned(),
            spec_status: "proposed".to_owned(),
            spec_path: "specs/s.tradeoff".to_owned(),
        }]
    );
    assert_eq!(
        stale[0].to_string(),
        format!(
            "{}: the status was edited in the record (`accepted`), but it is set in the spec (`proposed`): add \
             `status accepted` to specs/s.tradeoff and run `tradeoff decide`",
            path.display()
        )
    );
    // Any other hand edit is reported as one, with the lines that differ.
    fs::write(&path, record.replacen("FastAPI", "FastAPI!", 1)).unwrap();
    let stale = check_record(dir.path(), &spec, &templates).unwrap();
    assert!(
        matches!(&stale[..], [Staleness::HandEdited { path: p, diff }] if *p == path && diff.contains("+  winner_name: \"FastAPI!\"")),
        "{stale:?}"
    );
}

#[test]
fn a_template_override_is_used_and_a_typo_in_it_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let templates_dir = dir.path().join("templates");
    fs::create_dir(&templates_dir).unwrap();
    fs::write(
        templates_dir.join("index.md.j2"),
        "# Our decisions\n{% for e in index.entries %}- {{ e.title|md }}\n{% endfor %}",
    )
    .unwrap();
    let templates = Templates::with_overrides(&templates_dir).unwrap();
    let out = dir.path().join("out");
    write_record(
        &out,
        &inputs(&fixtures::sensor_plan(), &fixtures::sensor_evaluation(), "s", "s"),
        &templates,
    )
    .unwrap();
    assert_eq!(
        fs::read_to_string(out.join("README.md")).unwrap(),
        "# Our decisions\n- Backend framework for the sensor ingestion API\n"
    );

    fs::write(
        templates_dir.join("index.md.j2"),
        "{% for e in index.entries %}{{ e.titel }}{% endfor %}",
    )
    .unwrap();
    let typo = Templates::with_overrides(&templates_dir).unwrap();
    let error = tradeoff_report::write_index(&out, &typo).unwrap_err();
    assert!(
        matches!(error, tradeoff_report::ReportError::Template { ref name, .. } if name == "index.md.j2"),
        "{error}"
    );
}

#[test]
fn one_folder_scan_stays_current_across_creates_supersedes_and_revisions() {
    // `decide` over many specs scans the folder once and writes through it; every outcome must
    // be what a fresh scan per spec (`write_record`) would give.
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("reports");
    let templates = Templates::builtin();
    let plan = fixtures::saas_plan();
    let mut folder = RecordFolder::scan(&out).unwrap();
    let mut write = |evaluation: &tradeoff_core::Evaluation, spec: &str| {
        write_record_in(
            &mut folder,
            &inputs(&plan, evaluation, "specs/saas.tradeoff", spec),
            &templates,
        )
        .unwrap()
    };
    let old = out.join("0001-saas-dashboard-mvp.md");
    let new = out.join("0002-saas-dashboard-mvp.md");
    let first = fixtures::saas_evaluation();
    let second = fixtures::saas_evaluation_with(&[("django", 0.3)]);
    assert_eq!(write(&first, "v1"), WriteOutcome::Created { path: old.clone() });
    assert_eq!(write(&first, "v1"), WriteOutcome::Unchanged { path: old.clone() });
    assert_eq!(write(&second, "v2"), WriteOutcome::Superseded { old, new: new.clone() });
    assert_eq!(write(&second, "v2"), WriteOutcome::Unchanged { path: new.clone() });
    let newest = out.join("0003-saas-dashboard-mvp.md");
    assert_eq!(
        write(&second, "v3"),
        WriteOutcome::Superseded {
            old: new,
            new: newest.clone()
        }
    );
    assert_eq!(write(&second, "v3"), WriteOutcome::Unchanged { path: newest });
    // The index is left to the caller.
    assert!(!out.join("README.md").exists());
}
