//! The crash harness: `decide` killed at every step of a create, a revision and a supersede (the
//! `TRADEOFF_FAULT_AFTER_WRITES` test hook of `tradeoff-fs` aborts the process there, leaving
//! what `kill -9` leaves), and at random moments over 1,000 specs (a real SIGKILL). After each
//! kill, `check` passes only if the log is already what an uninterrupted run writes, and the next
//! `decide` restores exactly that log.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use crate::common::*;

type Snapshot = BTreeMap<String, Vec<u8>>;

/// Every file of the record folder, by name.
fn snapshot(reports: &Path) -> Snapshot {
    let Ok(entries) = std::fs::read_dir(reports) else {
        return Snapshot::new();
    };
    entries
        .map(|e| e.unwrap())
        .map(|e| (e.file_name().into_string().unwrap(), std::fs::read(e.path()).unwrap()))
        .collect()
}

/// The names of the files that differ between two folder states (a readable failure message).
fn differing(a: &Snapshot, b: &Snapshot) -> Vec<String> {
    let mut names: Vec<String> = a
        .keys()
        .chain(b.keys())
        .filter(|k| a.get(*k) != b.get(*k))
        .cloned()
        .collect();
    names.dedup();
    names
}

fn restore(reports: &Path, snapshot: &Snapshot) {
    let _ = std::fs::remove_dir_all(reports);
    std::fs::create_dir_all(reports).unwrap();
    for (name, bytes) in snapshot {
        std::fs::write(reports.join(name), bytes).unwrap();
    }
}

fn spec(name: &str, edit: impl Fn(String) -> String) -> String {
    edit(std::fs::read_to_string(root().join("specs").join(name)).unwrap())
}

fn accepted(text: String) -> String {
    text.replacen("status proposed", "status accepted", 1)
}

/// The SaaS spec with a team that knows Ruby best: Rails replaces Django as the winner.
fn ruby_team(text: String) -> String {
    text.replacen(
        "knows python advanced, ruby intermediate",
        "knows ruby expert, python beginner",
        1,
    )
    .replacen("    uses django advanced\n", "", 1)
}

/// A spec change that keeps the winner (Django).
fn more_community(text: String) -> String {
    text.replacen("    community medium", "    community high", 1)
}

fn write_specs(project: &Path, specs: &[(&str, String)]) {
    let dir = project.join("specs");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in specs {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn decide_with_fault(project: &Path, fault: Option<u64>) -> std::process::Output {
    run_with_fault(project, "decide", fault)
}

fn run_with_fault(project: &Path, command: &str, fault: Option<u64>) -> std::process::Output {
    let mut cmd = tradeoff_in(project);
    cmd.args(["-q", command]);
    if let Some(n) = fault {
        cmd.env("TRADEOFF_FAULT_AFTER_WRITES", n.to_string());
    }
    cmd.output().unwrap()
}

fn check_code(project: &Path, specs: &[&str]) -> Option<i32> {
    tradeoff_in(project)
        .arg("check")
        .args(specs)
        .output()
        .unwrap()
        .status
        .code()
}

/// Kills `decide` at every step from `before` (a folder state) to the records of `after`
/// (specs); returns how many kill points there were.
fn kill_at_every_step(before: &Snapshot, after: &[(&str, String)]) -> u64 {
    kill_command_at_every_step("decide", before, after)
}

/// [`kill_at_every_step`] for any command that writes the folder (`decide`, `renumber`).
fn kill_command_at_every_step(command: &str, before: &Snapshot, after: &[(&str, String)]) -> u64 {
    let project = project_with(&[]);
    let reports = project.path().join("reports");
    write_specs(project.path(), after);
    restore(&reports, before);
    let output = run_with_fault(project.path(), command, None);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let reference = snapshot(&reports);
    let check = tradeoff_in(project.path()).arg("check").output().unwrap();
    assert_eq!(check.status.code(), Some(0), "{}", stdout_of(&check));
    for n in 1.. {
        restore(&reports, before);
        let output = run_with_fault(project.path(), command, Some(n));
        if output.status.success() {
            assert_eq!(
                snapshot(&reports),
                reference,
                "a run past the last step writes the reference"
            );
            return n - 1;
        }
        assert_eq!(output.status.code(), None, "killed at step {n}: {}", stderr_of(&output));
        let interrupted = snapshot(&reports);
        let check = check_code(project.path(), &[]);
        if check == Some(0) {
            assert_eq!(
                interrupted, reference,
                "check passed on an inconsistent log after step {n}"
            );
        } else {
            assert_eq!(check, Some(1), "after step {n}");
        }
        let output = run_with_fault(project.path(), command, None);
        assert!(output.status.success(), "after step {n}: {}", stderr_of(&output));
        let repaired = snapshot(&reports);
        assert!(
            repaired == reference,
            "{command} after a kill at step {n} restores the log an uninterrupted run writes: {:?} differ",
            differing(&repaired, &reference)
        );
        assert_eq!(check_code(project.path(), &[]), Some(0), "after step {n}");
    }
    unreachable!()
}

/// The folder after deciding `specs` in an empty project.
fn decided(specs: &[(&str, String)]) -> Snapshot {
    let project = project_with(&[]);
    write_specs(project.path(), specs);
    let output = decide_with_fault(project.path(), None);
    assert!(output.status.success(), "{}", stderr_of(&output));
    snapshot(&project.path().join("reports"))
}

#[test]
fn a_kill_at_any_step_of_a_create_revision_or_supersede_is_repaired_by_the_next_decide() {
    let saas = spec("saas-dashboard-mvp.tradeoff", accepted);
    let chat = spec("realtime-chat.tradeoff", |t| t);
    let proposed = spec("saas-dashboard-mvp.tradeoff", |t| t);

    // Create: two new records (pair each) and the index.
    let steps = kill_at_every_step(
        &Snapshot::new(),
        &[("saas.tradeoff", saas.clone()), ("chat.tradeoff", chat)],
    );
    assert!(
        steps >= 12,
        "a create of two records has at least 12 kill points, found {steps}"
    );

    // Revision: a proposed record rewritten in place.
    let before = decided(&[("saas.tradeoff", proposed.clone())]);
    let steps = kill_at_every_step(&before, &[("saas.tradeoff", more_community(proposed))]);
    assert!(steps >= 6, "{steps}");

    // Supersede: a new record and the old one's status, in both files of each.
    let before = decided(&[("saas.tradeoff", saas.clone())]);
    let steps = kill_at_every_step(&before, &[("saas.tradeoff", ruby_team(saas))]);
    assert!(steps >= 10, "{steps}");
}

#[test]
fn a_new_record_and_the_log_listing_it_are_written_as_one_operation() {
    let project = project_with(&[]);
    let reports = project.path().join("reports");
    write_specs(
        project.path(),
        &[("sensor.tradeoff", spec("sensor-ingest.tradeoff", |t| t))],
    );
    let mut kills = 0;
    for n in 1.. {
        let _ = std::fs::remove_dir_all(&reports);
        let output = decide_with_fault(project.path(), Some(n));
        if output.status.success() {
            break;
        }
        kills += 1;
        let left = snapshot(&reports);
        // A pending journal completes the operation on the next run; without one, the folder
        // is as before the run (no record, no log) or as after it (both).
        if left.contains_key(".tradeoff-journal") {
            continue;
        }
        let record = left.contains_key("0001-sensor-ingest.md") || left.contains_key("0001-sensor-ingest.html");
        let log = left.contains_key("README.md") || left.contains_key("index.html");
        assert_eq!(
            record,
            log,
            "killed at step {n}, no journal pending: {:?}",
            left.keys().collect::<Vec<_>>()
        );
        if record {
            let readme = String::from_utf8(left["README.md"].clone()).unwrap();
            assert!(readme.contains("0001-sensor-ingest.md"), "step {n}: {readme}");
        }
    }
    assert!(
        kills >= 8,
        "four files and a journal: at least 8 kill points, found {kills}"
    );
}

#[test]
fn a_kill_at_any_step_of_a_renumber_is_completed_by_the_next_renumber() {
    let saas = spec("saas-dashboard-mvp.tradeoff", accepted);
    let specs = [
        ("saas.tradeoff", ruby_team(saas.clone())),
        ("sensor.tradeoff", spec("sensor-ingest.tradeoff", |t| t)),
    ];
    // Two branches merged: sensor-ingest took 0001 on one, saas-dashboard-mvp 0001 and 0002
    // (a supersede, so the records link to each other) on the other.
    let mut merged = decided(&specs[1..]);
    let mut project = decided(&[("saas.tradeoff", saas)]);
    let other = project_with(&[]);
    restore(&other.path().join("reports"), &project);
    write_specs(other.path(), &specs[..1]);
    assert!(decide_with_fault(other.path(), None).status.success());
    project = snapshot(&other.path().join("reports"));
    for (name, bytes) in project.into_iter().filter(|(name, _)| name.starts_with("000")) {
        merged.insert(name, bytes);
    }
    let steps = kill_command_at_every_step("renumber", &merged, &specs);
    assert!(steps >= 10, "{steps}");
}

/// A tiny deterministic generator (xorshift), so a failing run can be repeated.
fn next(seed: &mut u64) -> u64 {
    *seed ^= *seed << 13;
    *seed ^= *seed >> 7;
    *seed ^= *seed << 17;
    *seed
}

/// Setting `TRADEOFF_KILL_SPECS` and `TRADEOFF_KILL_ROUNDS` changes the size (defaults 1,000
/// specs and 3 kills); `TRADEOFF_KILL_SEED` the moments.
#[test]
#[ignore = "about a minute: run by .ci/run (cargo test --test cli kill:: -- --ignored)"]
fn kills_at_random_moments_over_a_thousand_specs_are_repaired() {
    let count: usize = std::env::var("TRADEOFF_KILL_SPECS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let rounds: usize = std::env::var("TRADEOFF_KILL_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(3);
    let mut seed: u64 = std::env::var("TRADEOFF_KILL_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x5eed);
    let template = spec("saas-dashboard-mvp.tradeoff", accepted);
    let specs: Vec<(String, String)> = (0..count)
        .map(|n| {
            let text = template.replacen("decision saas-dashboard-mvp ", &format!("decision s-{n:04} "), 1);
            (format!("s-{n:04}.tradeoff"), text)
        })
        .collect();
    let named: Vec<(&str, String)> = specs.iter().map(|(n, t)| (n.as_str(), t.clone())).collect();
    let project = project_with(&[]);
    write_specs(project.path(), &named);
    let reports = project.path().join("reports");
    let first_spec = "specs/s-0000.tradeoff";
    for round in 0..rounds {
        let mut child = std::process::Command::new(assert_cmd::cargo::cargo_bin("tradeoff"))
            .args(["-q", "decide"])
            .current_dir(project.path())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // A moment within the first seconds of the run (each round resumes where the last left).
        std::thread::sleep(Duration::from_millis(200 + next(&mut seed) % 3000));
        let _ = child.kill();
        let _ = child.wait();
        // Checking one spec is quick and still checks the whole folder: after a kill mid-run the
        // index does not list what is there, or an operation is pending.
        let records = snapshot(&reports)
            .keys()
            .filter(|k| k.ends_with(".md") && k.as_str() != "README.md")
            .count();
        let check = check_code(project.path(), &[first_spec]);
        if records < count {
            assert_eq!(
                check,
                Some(1),
                "round {round}: check passed with {records} of {count} records"
            );
        }
    }
    let output = decide_with_fault(project.path(), None);
    assert!(output.status.success(), "{}", stderr_of(&output));
    let done = snapshot(&reports);
    let records: Vec<&String> = done
        .keys()
        .filter(|k| k.ends_with(".md") && k != &"README.md")
        .collect();
    assert_eq!(records.len(), count, "one record per spec, numbers unique");
    assert!(
        done.keys().all(|k| !k.starts_with(".tradeoff")),
        "no journal or temporary file is left"
    );
    assert_eq!(check_code(project.path(), &[]), Some(0));
}
