//! The decision log as a whole: the folder lock, interrupted and failed operations, leftover
//! files, the index, duplicate and exhausted numbers, and files that are not what they seem.

use std::path::Path;

use crate::common::*;

fn run(project: &Path, args: &[&str]) -> std::process::Output {
    tradeoff_in(project).args(args).output().unwrap()
}

/// `count` copies of the sensor-ingest spec under distinct decision ids in `specs/<folder>/`.
fn many_specs(project: &Path, folder: &str, count: usize) {
    let text = std::fs::read_to_string(root().join("specs/saas-dashboard-mvp.tradeoff")).unwrap();
    let dir = project.join("specs").join(folder);
    std::fs::create_dir_all(&dir).unwrap();
    for n in 0..count {
        let id = format!("{folder}-{n:03}");
        let spec = text.replacen("decision saas-dashboard-mvp ", &format!("decision {id} "), 1);
        std::fs::write(dir.join(format!("{id}.tradeoff")), spec).unwrap();
    }
}

fn record_names(reports: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".md") && n != "README.md")
        .collect();
    names.sort();
    names
}

/// Moves the saas spec's community weight one step: a spec change that keeps the winner.
fn change_the_saas_spec(project: &Path) {
    let spec = project.join("specs/saas-dashboard-mvp.tradeoff");
    let text = std::fs::read_to_string(&spec).unwrap();
    std::fs::write(&spec, text.replacen("community medium", "community high", 1)).unwrap();
}

/// The file's text without the seal's lines (front matter, page head): as written before seals.
fn without_seal_lines(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .split_inclusive('\n')
        .filter(|l| {
            !l.starts_with("  templates_sha256: ")
                && !l.starts_with("  record_sha256: ")
                && !l.starts_with("<meta name=\"tradeoff-seal\"")
        })
        .collect()
}

#[test]
fn two_concurrent_runs_never_give_two_records_the_same_number() {
    let project = project_with(&[]);
    many_specs(project.path(), "a", 25);
    many_specs(project.path(), "b", 25);
    let spawn = |folder: &str| {
        std::process::Command::new(assert_cmd::cargo::cargo_bin("tradeoff"))
            .args(["-q", "decide", &format!("specs/{folder}"), "--out", "reports"])
            .current_dir(project.path())
            .env("TRADEOFF_LOCK_WAIT_MS", "300000")
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (spawn("a"), spawn("b"));
    for child in [a, b] {
        let output = child.wait_with_output().unwrap();
        assert!(output.status.success(), "{}", stderr_of(&output));
    }
    let names = record_names(&project.path().join("reports"));
    assert_eq!(names.len(), 50, "{names:?}");
    let mut numbers: Vec<&str> = names.iter().map(|n| &n[..4]).collect();
    numbers.dedup();
    assert_eq!(numbers.len(), 50, "every record has its own number: {names:?}");
    let index = std::fs::read_to_string(project.path().join("reports/README.md")).unwrap();
    assert!(
        names.iter().all(|n| index.contains(n.as_str())),
        "the index lists every record"
    );
    assert_eq!(run(project.path(), &["check", "specs"]).status.code(), Some(0));
}

#[test]
fn a_run_that_finds_the_folder_locked_waits_then_names_the_folder() {
    use fs4::FileExt;
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let reports = project.path().join("reports");
    std::fs::create_dir(&reports).unwrap();
    let held = std::fs::File::open(&reports).unwrap();
    FileExt::try_lock(&held).unwrap();
    let output = tradeoff_in(project.path())
        .args(["decide"])
        .env("TRADEOFF_LOCK_WAIT_MS", "300")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(err.contains("another tradeoff run is writing to `reports`"), "{err}");
    assert!(err.contains("wait for the other run"), "{err}");
    assert!(record_names(&reports).is_empty(), "nothing was written");
    FileExt::unlock(&held).unwrap();
    assert!(run(project.path(), &["decide"]).status.success());
}

#[test]
fn an_empty_specs_folder_says_there_is_nothing_to_decide() {
    let project = project_with(&[]);
    for command in ["decide", "check"] {
        let output = run(project.path(), &[command]);
        assert_eq!(output.status.code(), Some(2), "{command}");
        let err = stderr_of(&output);
        assert!(err.contains("no spec files (`*.tradeoff`) in `specs/`"), "{err}");
        assert!(!err.contains("temporary"), "{err}");
    }
    assert!(!project.path().join("reports").exists());
}

#[test]
fn a_failing_page_write_names_the_page_once_and_never_bumps_the_revision() {
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    change_the_saas_spec(project.path());
    let page = project.path().join("reports/0001-saas-dashboard-mvp.html");
    std::fs::remove_file(&page).unwrap();
    std::fs::create_dir(&page).unwrap();
    let record = project.path().join("reports/0001-saas-dashboard-mvp.md");
    for _ in 0..2 {
        let output = run(project.path(), &["decide"]);
        assert_eq!(output.status.code(), Some(2));
        let err = stderr_of(&output);
        assert!(err.contains("reports/0001-saas-dashboard-mvp.html"), "{err}");
        assert!(!err.contains(".tmp"), "the temporary file is not named: {err}");
        assert_eq!(err.matches("Is a directory").count(), 1, "the cause once: {err}");
        assert!(err.contains("move what is in the way"), "{err}");
        let md = std::fs::read_to_string(&record).unwrap();
        assert!(!md.contains("revision 3"), "{md}");
        let check = run(project.path(), &["check"]);
        // The page is not a file, so its record cannot be checked (2), and the folder has an
        // interrupted operation.
        assert_eq!(check.status.code(), Some(2));
        assert!(
            stdout_of(&check).contains("an operation was interrupted"),
            "{}",
            stdout_of(&check)
        );
    }
    std::fs::remove_dir(&page).unwrap();
    assert!(run(project.path(), &["decide"]).status.success());
    let md = std::fs::read_to_string(&record).unwrap();
    assert!(md.contains("revision 2") && !md.contains("revision 3"), "{md}");
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn a_new_record_whose_page_is_in_the_way_keeps_its_journal_until_the_next_decide_completes_it() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let reports = project.path().join("reports");
    let page = reports.join("0001-sensor-ingest.html");
    std::fs::create_dir_all(page.join("in-the-way")).unwrap();
    let output = run(project.path(), &["decide"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(err.contains("0001-sensor-ingest.html"), "{err}");
    // The index write that follows the failure must not start over the pending journal: it
    // would replace it and lose the page still to be put in place.
    assert!(
        !err.contains("still pending"),
        "only the first failure is reported: {err}"
    );
    // Not said to be written: its page never reached its place.
    assert!(!err.contains("wrote "), "{err}");
    assert!(reports.join(".tradeoff-journal").is_file());
    assert!(!reports.join("README.md").exists());
    std::fs::remove_dir_all(&page).unwrap();
    let output = run(project.path(), &["decide"]);
    assert!(output.status.success());
    // The repair is said, so the record's "up to date" that follows is not taken for a run
    // that found nothing to do.
    let err = stderr_of(&output);
    assert!(
        err.contains("completed the write an earlier run left unfinished: ")
            && err.contains("reports/0001-sensor-ingest.html")
            && err.contains("reports/README.md"),
        "{err}"
    );
    assert!(std::fs::read_to_string(&page).unwrap().contains("tradeoff-seal"));
    assert!(!reports.join(".tradeoff-journal").exists());
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn leftover_temporary_files_and_a_hand_edited_index_fail_check_until_decide_repairs_them() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let reports = project.path().join("reports");
    std::fs::write(reports.join(".tradeoff-x1y2.tmp"), "half a record").unwrap();
    let index = reports.join("README.md");
    std::fs::write(&index, "# Decision log\n").unwrap();
    let check = run(project.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let text = stdout_of(&check);
    assert!(
        text.contains("reports/.tradeoff-x1y2.tmp: a temporary file of an interrupted write"),
        "{text}"
    );
    assert!(
        text.contains("reports/README.md: the decision log index does not list"),
        "{text}"
    );
    let output = run(project.path(), &["decide"]);
    assert!(output.status.success());
    let err = stderr_of(&output);
    assert!(
        err.contains("removed a temporary file of a write an earlier run never committed"),
        "{err}"
    );
    assert!(!reports.join(".tradeoff-x1y2.tmp").exists());
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn check_reports_two_records_with_one_number_after_a_merge() {
    let left = project_with(&["sensor-ingest.tradeoff"]);
    let right = project_with(&["hotel-reservations.tradeoff"]);
    for project in [&left, &right] {
        assert!(run(project.path(), &["decide"]).status.success());
    }
    // The merge: both branches' records in one folder, both numbered 0001.
    for ext in ["md", "html"] {
        let name = format!("0001-hotel-reservations.{ext}");
        std::fs::copy(
            right.path().join("reports").join(&name),
            left.path().join("reports").join(&name),
        )
        .unwrap();
    }
    std::fs::copy(
        right.path().join("specs/hotel-reservations.tradeoff"),
        left.path().join("specs/hotel-reservations.tradeoff"),
    )
    .unwrap();
    let check = run(left.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let text = stdout_of(&check);
    assert!(
        text.contains("reports/0001-sensor-ingest.md: record number 0001 is also used by 0001-hotel-reservations.md"),
        "{text}"
    );
}

#[test]
fn record_numbers_stop_at_9999_instead_of_wrapping_onto_a_record() {
    let project = project_with(&["sensor-ingest.tradeoff", "hotel-reservations.tradeoff"]);
    assert!(run(project.path(), &["decide", "specs/hotel-reservations.tradeoff"])
        .status
        .success());
    let reports = project.path().join("reports");
    for ext in ["md", "html"] {
        std::fs::rename(
            reports.join(format!("0001-hotel-reservations.{ext}")),
            reports.join(format!("9999-hotel-reservations.{ext}")),
        )
        .unwrap();
    }
    let output = run(project.path(), &["decide"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(
        err.contains("already holds record number 9999, the highest there is"),
        "{err}"
    );
}

#[cfg(unix)]
#[test]
fn a_page_linked_to_dev_zero_or_a_fifo_record_is_refused_not_read() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let reports = project.path().join("reports");
    let page = reports.join("0001-sensor-ingest.html");
    std::fs::remove_file(&page).unwrap();
    std::os::unix::fs::symlink("/dev/zero", &page).unwrap();
    let check = run(project.path(), &["check"]);
    assert_eq!(check.status.code(), Some(2), "{}", stdout_of(&check));
    let text = format!("{}{}", stdout_of(&check), stderr_of(&check));
    assert!(
        text.contains("cannot read the page `reports/0001-sensor-ingest.html`: it is a symbolic link out of the"),
        "{text}"
    );

    // decide renders the page again in place of the link, without reading through it.
    let output = run(project.path(), &["decide"]);
    assert!(
        stderr_of(&output).contains("restored the page of reports/0001-sensor-ingest.md"),
        "{}",
        stderr_of(&output)
    );
    assert!(!std::fs::symlink_metadata(&page).unwrap().file_type().is_symlink());
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));

    let fifo = reports.join("0002-fifo.md");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let output = run(project.path(), &["check"]);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(
        err.contains("cannot read the record `") && err.contains("it is not a regular file"),
        "{err}"
    );
}

/// A spec including `includes` (written as given) of catalog files in `catalog/`.
fn spec_with_includes(project: &Path, includes: &[String]) -> std::process::Output {
    let lines: String = includes.iter().map(|i| format!("  catalog \"{i}\"\n")).collect();
    let spec = format!(
        "decision inhouse \"Try our in-house framework\" {{\n{lines}  app {{ kind api }}\n  require {{\n    candidates [acme-0, axum, gin]\n  }}\n  weigh {{ performance high  team-fit medium }}\n}}\n"
    );
    std::fs::write(project.join("specs/inhouse.tradeoff"), spec).unwrap();
    run(project, &["plan", "specs/inhouse.tradeoff"])
}

#[test]
fn includes_are_read_once_each_and_bounded_in_count_and_kind() {
    let project = project_with(&[]);
    let axum = std::fs::read_to_string(root().join("crates/tradeoff-core/catalog/frameworks/axum.toml")).unwrap();
    std::fs::create_dir(project.path().join("catalog")).unwrap();
    for n in 0..65 {
        let file = axum
            .replacen("id = \"axum\"", &format!("id = \"acme-{n}\""), 1)
            .replacen("name = \"Axum\"", &format!("name = \"Acme {n}\""), 1);
        std::fs::write(project.path().join(format!("catalog/acme-{n}.toml")), file).unwrap();
    }
    // One file included 200 times under two spellings is merged once.
    let same: Vec<String> = (0..200)
        .map(|n| {
            if n % 2 == 0 {
                "../catalog/acme-0.toml"
            } else {
                "./../catalog/acme-0.toml"
            }
            .to_owned()
        })
        .collect();
    let output = spec_with_includes(project.path(), &same);
    assert!(output.status.success(), "{}", stderr_of(&output));

    let distinct: Vec<String> = (0..65).map(|n| format!("../catalog/acme-{n}.toml")).collect();
    let output = spec_with_includes(project.path(), &distinct);
    assert_eq!(output.status.code(), Some(2));
    let err = stderr_of(&output);
    assert!(err.contains("a spec includes at most 64 catalog files"), "{err}");

    #[cfg(unix)]
    {
        let fifo = project.path().join("catalog/pipe.toml");
        assert!(std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        let output = spec_with_includes(project.path(), &["../catalog/pipe.toml".to_owned()]);
        assert_eq!(output.status.code(), Some(2));
        let err = stderr_of(&output);
        assert!(err.contains("is not a regular file"), "{err}");
    }
}

#[test]
fn a_notes_section_at_the_end_of_a_record_is_kept_verbatim_across_revisions() {
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let record = project.path().join("reports/0001-saas-dashboard-mvp.md");
    let notes = "## Notes\n\nAgreed in the 3 May review; *Rails* stays the fallback.  \n\n- ask ops about hosting\n";
    let text = std::fs::read_to_string(&record).unwrap();
    std::fs::write(&record, format!("{text}\n{notes}")).unwrap();
    assert_eq!(
        run(project.path(), &["check"]).status.code(),
        Some(0),
        "notes are not a staleness"
    );
    let output = run(project.path(), &["decide"]);
    assert!(stderr_of(&output).contains("is up to date"), "{}", stderr_of(&output));

    change_the_saas_spec(project.path());
    let output = run(project.path(), &["decide"]);
    assert!(stderr_of(&output).contains("to revision 2"), "{}", stderr_of(&output));
    let revised = std::fs::read_to_string(&record).unwrap();
    assert!(revised.ends_with(&format!("\n\n{notes}")), "{revised}");
    assert_eq!(revised.matches("## Notes").count(), 1, "{revised}");
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn a_hand_edit_outside_the_notes_is_shown_by_check_and_refused_by_decide_without_force() {
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let record = project.path().join("reports/0001-saas-dashboard-mvp.md");
    let text = std::fs::read_to_string(&record).unwrap();
    let edited = text.replacen(
        "## Decision Drivers",
        "## Decision Drivers\n\nWe also asked the CFO.",
        1,
    );
    std::fs::write(&record, &edited).unwrap();

    let check = run(project.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let out = stdout_of(&check);
    assert!(
        out.contains("reports/0001-saas-dashboard-mvp.md: edited by hand"),
        "{out}"
    );
    assert!(
        out.contains("+We also asked the CFO."),
        "the diff shows the added line: {out}"
    );

    let refused = run(project.path(), &["decide"]);
    assert_eq!(refused.status.code(), Some(2));
    let err = stderr_of(&refused);
    assert!(
        err.contains("was edited by hand") && err.contains("+We also asked the CFO."),
        "{err}"
    );
    assert!(err.contains("tradeoff decide --force"), "{err}");
    assert_eq!(
        std::fs::read_to_string(&record).unwrap(),
        edited,
        "nothing was overwritten"
    );

    let forced = run(project.path(), &["decide", "--force"]);
    assert!(forced.status.success(), "{}", stderr_of(&forced));
    let regenerated = std::fs::read_to_string(&record).unwrap();
    assert!(
        !regenerated.contains("CFO") && regenerated.contains("revision 2"),
        "{regenerated}"
    );
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn a_hand_edit_of_a_proposed_record_is_not_lost_when_its_spec_changes_in_the_same_commit() {
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let record = project.path().join("reports/0001-saas-dashboard-mvp.md");
    let text = std::fs::read_to_string(&record).unwrap();
    assert!(text.contains("\n  record_sha256: \""), "records are sealed: {text}");
    let edited = text.replacen(
        "## Decision Drivers",
        "## Decision Drivers\n\nWe also asked the CFO.",
        1,
    );
    std::fs::write(&record, &edited).unwrap();
    change_the_saas_spec(project.path());

    // The edit cannot be shown line by line (the old inputs are gone), but it is named.
    let check = run(project.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let out = stdout_of(&check);
    assert!(out.contains("the spec changed"), "{out}");
    assert!(
        out.contains("reports/0001-saas-dashboard-mvp.md: edited by hand")
            && out.contains("no longer matches the `record_sha256`"),
        "{out}"
    );

    let refused = run(project.path(), &["decide"]);
    assert_eq!(refused.status.code(), Some(2), "{}", stderr_of(&refused));
    let err = stderr_of(&refused);
    assert!(
        err.contains("was edited by hand") && err.contains("would drop the edit"),
        "{err}"
    );
    assert!(
        err.contains("## Notes") && err.contains("tradeoff decide --force"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(&record).unwrap(),
        edited,
        "nothing was overwritten"
    );

    // Moved under the notes, the text survives the revision.
    let notes = edited.replacen("\n\nWe also asked the CFO.", "", 1) + "\n## Notes\n\nWe also asked the CFO.\n";
    std::fs::write(&record, notes).unwrap();
    let revised = run(project.path(), &["decide"]);
    assert!(stderr_of(&revised).contains("to revision 2"), "{}", stderr_of(&revised));
    assert!(std::fs::read_to_string(&record)
        .unwrap()
        .ends_with("## Notes\n\nWe also asked the CFO.\n"));
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

#[test]
fn an_edit_made_and_resealed_by_hand_passes_check_but_not_check_full() {
    // The seal is a promise that tradeoff wrote the file; someone who forges it (recomputing
    // the hash) gets past the fast check, never past `check --full`, which renders again.
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let record = project.path().join("reports/0001-saas-dashboard-mvp.md");
    let text = std::fs::read_to_string(&record).unwrap();
    let sealed = text
        .lines()
        .find_map(|l| l.strip_prefix("  record_sha256: \""))
        .and_then(|l| l.strip_suffix('"'))
        .unwrap()
        .to_owned();
    let edited = text.replacen("## Decision Drivers", "## Decision Drivers\n\nForged.", 1);
    std::fs::write(&record, &edited).unwrap();
    let unsealed = without_seal_lines(&record);
    let forged_hash = sha256_hex(unsealed.trim_end().as_bytes());
    std::fs::write(&record, edited.replace(&sealed, &forged_hash)).unwrap();
    let page_path = record.with_extension("html");
    let page = std::fs::read_to_string(&page_path).unwrap();
    std::fs::write(&page_path, page.replace(&sealed, &forged_hash)).unwrap();
    // The page's own hash covers the page without its seal line, which the forger changed
    // only in the record hash it names: the page still hashes to itself.
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
    let full = run(project.path(), &["check", "--full"]);
    assert_eq!(full.status.code(), Some(1));
    assert!(stdout_of(&full).contains("+Forged."), "{}", stdout_of(&full));
    // `decide` trusts the seal as `check` does; `decide --force` trusts none and repairs it.
    let trusted = run(project.path(), &["decide"]);
    assert!(stderr_of(&trusted).contains("is up to date"), "{}", stderr_of(&trusted));
    let forced = run(project.path(), &["decide", "--force"]);
    assert!(stderr_of(&forced).contains("to revision 2"), "{}", stderr_of(&forced));
    assert!(!std::fs::read_to_string(&record).unwrap().contains("Forged."));
    assert_eq!(run(project.path(), &["check", "--full"]).status.code(), Some(0));
}

#[test]
fn changed_project_templates_revise_the_records_without_force() {
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let templates = project.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    let builtin = std::fs::read_to_string(root().join("crates/tradeoff-report/templates/record.md.j2")).unwrap();
    let ours = builtin.replacen(
        "## Decision Drivers",
        "## Decision Drivers\n\nTemplate of Example Ltd.",
        1,
    );
    assert_ne!(ours, builtin);
    std::fs::write(templates.join("record.md.j2"), ours).unwrap();

    let check = run(project.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    assert!(
        stdout_of(&check).contains("the record templates changed"),
        "{}",
        stdout_of(&check)
    );
    let decided = run(project.path(), &["decide"]);
    assert!(decided.status.success(), "{}", stderr_of(&decided));
    assert!(stderr_of(&decided).contains("to revision 2"), "{}", stderr_of(&decided));
    let record = std::fs::read_to_string(project.path().join("reports/0001-saas-dashboard-mvp.md")).unwrap();
    assert!(record.contains("Template of Example Ltd."), "{record}");
    assert!(record.contains(": templates changed ("), "{record}");
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
    assert_eq!(run(project.path(), &["check", "--full"]).status.code(), Some(0));
}

#[test]
fn a_record_written_before_seals_is_current_and_sealed_by_its_next_revision() {
    let project = project_with(&["saas-dashboard-mvp.tradeoff"]);
    assert!(run(project.path(), &["decide"]).status.success());
    let record = project.path().join("reports/0001-saas-dashboard-mvp.md");
    let page_path = record.with_extension("html");
    // As an earlier tradeoff wrote it: the same record and page, without the seal lines.
    let text = without_seal_lines(&record);
    let page = without_seal_lines(&page_path);
    std::fs::write(&record, &text).unwrap();
    std::fs::write(&page_path, &page).unwrap();

    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
    let again = run(project.path(), &["decide"]);
    assert!(stderr_of(&again).contains("is up to date"), "{}", stderr_of(&again));
    assert_eq!(std::fs::read_to_string(&record).unwrap(), text, "left as it was");
    assert_eq!(std::fs::read_to_string(&page_path).unwrap(), page);

    // A hand edit in it is still found, shown without seal lines in the diff.
    std::fs::write(
        &record,
        text.replacen("## Decision Drivers", "## Decision Drivers\n\nOld edit.", 1),
    )
    .unwrap();
    let check = run(project.path(), &["check"]);
    assert_eq!(check.status.code(), Some(1));
    let out = stdout_of(&check);
    assert!(out.contains("+Old edit.") && !out.contains("record_sha256"), "{out}");
    std::fs::write(&record, &text).unwrap();

    change_the_saas_spec(project.path());
    let revised = run(project.path(), &["decide"]);
    assert!(stderr_of(&revised).contains("to revision 2"), "{}", stderr_of(&revised));
    assert!(std::fs::read_to_string(&record)
        .unwrap()
        .contains("\n  record_sha256: \""));
    assert_eq!(run(project.path(), &["check"]).status.code(), Some(0));
}

fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

fn git(project: &Path, args: &[&str]) {
    let mut command = std::process::Command::new("git");
    git_identity(&mut command);
    let status = command.args(args).current_dir(project).output().unwrap();
    assert!(
        status.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&status.stderr)
    );
}

#[test]
fn renumber_moves_the_record_added_later_and_updates_the_links_to_it() {
    // Left branch: one record, committed first.
    let left = project_with(&["sensor-ingest.tradeoff"]);
    std::fs::remove_dir(left.path().join(".git")).unwrap();
    git(left.path(), &["init", "-q"]);
    assert!(run(left.path(), &["decide"]).status.success());
    git(left.path(), &["add", "-A"]);
    git(left.path(), &["commit", "-q", "-m", "left"]);
    // Right branch: an accepted decision superseded once, so its records link to each other.
    let right = project_with(&[]);
    let saas = std::fs::read_to_string(root().join("specs/saas-dashboard-mvp.tradeoff"))
        .unwrap()
        .replacen("status proposed", "status accepted", 1);
    let spec = right.path().join("specs/saas-dashboard-mvp.tradeoff");
    std::fs::write(&spec, &saas).unwrap();
    assert!(run(right.path(), &["decide"]).status.success());
    let ruby = saas
        .replacen(
            "knows python advanced, ruby intermediate",
            "knows ruby expert, python beginner",
            1,
        )
        .replacen("    uses django advanced\n", "", 1);
    std::fs::write(&spec, &ruby).unwrap();
    assert!(run(right.path(), &["decide"]).status.success());
    // The merge, committed after the left branch's records.
    for name in [
        "0001-saas-dashboard-mvp.md",
        "0001-saas-dashboard-mvp.html",
        "0002-saas-dashboard-mvp.md",
        "0002-saas-dashboard-mvp.html",
    ] {
        std::fs::copy(
            right.path().join("reports").join(name),
            left.path().join("reports").join(name),
        )
        .unwrap();
    }
    std::fs::write(left.path().join("specs/saas-dashboard-mvp.tradeoff"), &ruby).unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1100));
    git(left.path(), &["add", "-A"]);
    git(left.path(), &["commit", "-q", "-m", "merge"]);
    assert_eq!(
        run(left.path(), &["check"]).status.code(),
        Some(1),
        "the shared number is reported"
    );

    let output = run(left.path(), &["renumber"]);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let err = stderr_of(&output);
    assert!(
        err.contains("moved reports/0001-saas-dashboard-mvp.md to reports/0003-saas-dashboard-mvp.md"),
        "{err}"
    );
    let reports = left.path().join("reports");
    assert_eq!(
        record_names(&reports),
        [
            "0001-sensor-ingest.md",
            "0002-saas-dashboard-mvp.md",
            "0003-saas-dashboard-mvp.md"
        ]
    );
    let newer = std::fs::read_to_string(reports.join("0002-saas-dashboard-mvp.md")).unwrap();
    assert!(
        newer.contains("[0003](0003-saas-dashboard-mvp.md)") && newer.contains("  supersedes: 3\n"),
        "{newer}"
    );
    let moved = std::fs::read_to_string(reports.join("0003-saas-dashboard-mvp.md")).unwrap();
    assert!(moved.contains("status: \"superseded by 0002\""), "{moved}");
    // The decision log shows the supersede chain both ways, as links, under the new numbers.
    let log = std::fs::read_to_string(reports.join("README.md")).unwrap();
    let row = |number: &str| {
        log.lines()
            .find(|l| l.starts_with(&format!("| [{number}]")))
            .unwrap_or_else(|| panic!("no row {number}: {log}"))
            .to_owned()
    };
    assert!(
        row("0003").contains("| superseded by [0002](0002-saas-dashboard-mvp.md) |"),
        "{log}"
    );
    assert!(row("0002").ends_with("| [0003](0003-saas-dashboard-mvp.md) |"), "{log}");
    assert!(row("0001").ends_with("| — |"), "{log}");
    let page = std::fs::read_to_string(reports.join("index.html")).unwrap();
    assert!(
        page.contains("superseded by <a href=\"0002-saas-dashboard-mvp.html\">0002</a>"),
        "{page}"
    );
    assert!(
        page.contains("<td><a href=\"0003-saas-dashboard-mvp.html\">0003</a></td></tr>"),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"superseded\">superseded</option>"),
        "{page}"
    );
    let check = run(left.path(), &["check"]);
    assert_eq!(check.status.code(), Some(0), "{}", stdout_of(&check));
    // A temporary file a killed run left: removed first, and said.
    std::fs::write(left.path().join("reports/.tradeoff-k1.tmp"), "half a page").unwrap();
    let again = run(left.path(), &["renumber"]);
    let err = stderr_of(&again);
    assert!(
        err.contains("removed a temporary file of a write an earlier run never committed"),
        "{err}"
    );
    assert!(err.contains("every record in reports has its own number"), "{err}");
    assert!(!left.path().join("reports/.tradeoff-k1.tmp").exists());
}

#[test]
fn a_record_is_still_written_when_the_decision_log_cannot_be_rendered() {
    let project = project_with(&["sensor-ingest.tradeoff"]);
    let templates = project.path().join("templates");
    std::fs::create_dir_all(&templates).unwrap();
    // Valid syntax, so it compiles; an undefined value fails only when it is rendered.
    std::fs::write(templates.join("index.md.j2"), "# Log\n{{ no_such_value }}\n").unwrap();
    let output = run(project.path(), &["decide"]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr_of(&output));
    let err = stderr_of(&output);
    assert!(err.contains("index.md.j2"), "{err}");
    assert!(err.contains("wrote reports/0001-sensor-ingest.md"), "{err}");
    let reports = project.path().join("reports");
    assert!(reports.join("0001-sensor-ingest.md").is_file());
    assert!(reports.join("0001-sensor-ingest.html").is_file());
    assert!(!reports.join("README.md").exists() && !reports.join("index.html").exists());
    assert!(!reports.join(".tradeoff-journal").exists());
    let leftovers: Vec<_> = std::fs::read_dir(&reports)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|name| name.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
