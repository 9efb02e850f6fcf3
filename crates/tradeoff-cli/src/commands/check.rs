//! `tradeoff check [SPECS]`: is every committed record current with its spec, the catalog and
//! the tool? Specs are checked in parallel and reported in path order.

use std::path::Path;

use rayon::prelude::*;
use tradeoff_report::{check_record_in, RecordFolder};

use crate::cli::{CheckArgs, CheckFormat};
use crate::exit::{self, CommandResult, Failure, Outcome};
use crate::pipeline::{self, display_path};
use crate::records;
use crate::views::check::{CheckStatus, SpecCheck};
use crate::views::{check as view, sarif};

pub fn run(args: &CheckArgs) -> CommandResult {
    let (specs, templates) = records::specs_and_templates(&args.specs, args.templates.as_deref())?;
    let folder = RecordFolder::scan(&args.out).map_err(Failure::bad_input)?;
    let results: Vec<SpecCheck> = specs
        .par_iter()
        .map(|spec| check_one(spec, &folder, &templates))
        .collect();
    match args.format {
        CheckFormat::Json => crate::commands::print_json(&results)?,
        CheckFormat::Sarif => crate::commands::print_json(&sarif::render(&results))?,
        CheckFormat::Text => print!("{}", view::render_text(&results)),
        CheckFormat::Github => print!("{}", view::render_github(&results)),
    }
    let errors = results.iter().filter(|r| r.status == CheckStatus::Error).count();
    if errors > 0 {
        return Err(Failure::bad_input_msg(format!(
            "{errors} of {} specs could not be checked",
            results.len()
        )));
    }
    Ok(if results.iter().all(|r| r.status == CheckStatus::Current) {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
}

fn check_one(spec: &Path, folder: &RecordFolder, templates: &tradeoff_report::Templates) -> SpecCheck {
    let shown = display_path(spec);
    let failed = |message: String| SpecCheck {
        spec: shown.clone(),
        status: CheckStatus::Error,
        problems: vec![message],
    };
    let loaded = match pipeline::load_spec(spec) {
        Ok(loaded) => loaded,
        Err(failure) => return failed(describe(failure)),
    };
    let evaluation = records::evaluation_of(&loaded);
    match check_record_in(
        folder,
        &loaded.plan,
        &evaluation,
        &loaded.source,
        &records::versions_of(&evaluation),
        templates,
    ) {
        Ok(stale) if stale.is_empty() => SpecCheck {
            spec: shown,
            status: CheckStatus::Current,
            problems: Vec::new(),
        },
        Ok(stale) => SpecCheck {
            spec: shown,
            status: CheckStatus::Stale,
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
