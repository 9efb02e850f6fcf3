//! `tradeoff check [SPECS]`: is every committed record current with its spec, the catalog and
//! the tool? Specs are checked in parallel and reported in path order.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::Serialize;
use tradeoff_report::check_record;

use crate::cli::{CheckArgs, CheckFormat};
use crate::exit::{self, CommandResult, Failure, Outcome};
use crate::pipeline::{self, display_path};
use crate::{files, records};

/// The verdict on one spec.
#[derive(Debug, Serialize)]
struct SpecCheck {
    spec: String,
    /// `current`, `stale` or `error` (the spec or its record could not be read).
    status: &'static str,
    problems: Vec<String>,
}

pub fn run(args: &CheckArgs) -> CommandResult {
    let paths = if args.specs.is_empty() {
        vec![PathBuf::from("specs")]
    } else {
        args.specs.clone()
    };
    let specs = files::collect_specs(&paths)?;
    let templates = records::templates(args.templates.as_deref(), specs.first().map(PathBuf::as_path))?;
    let results: Vec<SpecCheck> = specs
        .par_iter()
        .map(|spec| check_one(spec, &args.out, &templates))
        .collect();
    match args.format {
        CheckFormat::Json => crate::commands::print_json(&results)?,
        CheckFormat::Text => print_text(&results),
        CheckFormat::Github => print_github(&results),
    }
    if results.iter().any(|r| r.status == "error") {
        return Err(Failure::bad_input_msg(format!(
            "{} of {} specs could not be checked",
            results.iter().filter(|r| r.status == "error").count(),
            results.len()
        )));
    }
    Ok(if results.iter().all(|r| r.status == "current") {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
}

fn check_one(spec: &Path, out: &Path, templates: &tradeoff_report::Templates) -> SpecCheck {
    let shown = display_path(spec);
    let failed = |message: String| SpecCheck {
        spec: shown.clone(),
        status: "error",
        problems: vec![message],
    };
    let loaded = match pipeline::load_spec(spec) {
        Ok(loaded) => loaded,
        Err(failure) => return failed(describe(failure)),
    };
    let evaluation = records::evaluation_of(&loaded);
    match check_record(
        out,
        &loaded.plan,
        &evaluation,
        &loaded.source,
        &records::versions_of(&evaluation),
        templates,
    ) {
        Ok(stale) if stale.is_empty() => SpecCheck {
            spec: shown,
            status: "current",
            problems: Vec::new(),
        },
        Ok(stale) => SpecCheck {
            spec: shown,
            status: "stale",
            problems: stale.iter().map(ToString::to_string).collect(),
        },
        Err(error) => failed(exit::render(&error, false)),
    }
}

fn describe(failure: Failure) -> String {
    match failure {
        Failure::BadInput(report) | Failure::Internal(report) => exit::render(report.as_ref(), false),
    }
}

fn print_text(results: &[SpecCheck]) {
    for result in results {
        match result.status {
            "current" => println!("ok     {}", result.spec),
            status => {
                println!("{status:<6} {}", result.spec);
                for problem in &result.problems {
                    for line in problem.lines() {
                        println!("         {line}");
                    }
                }
            }
        }
    }
    let stale = results.iter().filter(|r| r.status != "current").count();
    if stale > 0 {
        println!(
            "\n{stale} of {} records need attention: run `tradeoff decide` and commit reports/",
            results.len()
        );
    }
}

/// GitHub Actions workflow commands: each problem becomes an annotation on the spec file.
fn print_github(results: &[SpecCheck]) {
    for result in results.iter().filter(|r| r.status != "current") {
        for problem in &result.problems {
            let title = if result.status == "stale" {
                "decision record is stale"
            } else {
                "spec has errors"
            };
            println!(
                "::error file={},line=1,title={title}::{}",
                escape_property(&result.spec),
                escape_data(problem)
            );
        }
    }
}

/// Workflow command data: `%`, CR and LF must be percent-encoded.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// Workflow command properties additionally encode `:` and `,`.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}
