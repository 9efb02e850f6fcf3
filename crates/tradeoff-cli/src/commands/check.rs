//! `tradeoff check [SPECS]`: is every committed record current with its spec, the catalog and
//! the tool? Specs are checked in parallel and reported in path order.

use tradeoff_driver::check::{check, Verdict};
use tradeoff_driver::{RecordsRequest, WorkingTree};

use crate::cli::{CheckArgs, CheckFormat};
use crate::exit::{self, CommandResult, Failure, Outcome};
use crate::views::check::{CheckStatus, SpecCheck};
use crate::views::{check as view, sarif};

pub fn run(args: &CheckArgs) -> CommandResult {
    let request = RecordsRequest {
        specs: args.specs.clone(),
        out: args.out.clone(),
        templates: args.templates.clone(),
    };
    let results: Vec<SpecCheck> = check(&WorkingTree, &request)?
        .into_iter()
        .map(|checked| {
            let (status, problems) = match checked.verdict {
                Verdict::Current => (CheckStatus::Current, Vec::new()),
                Verdict::Stale(stale) => (CheckStatus::Stale, stale.iter().map(ToString::to_string).collect()),
                Verdict::Failed(failure) => (CheckStatus::Error, vec![exit::render(failure.diagnostic(), false)]),
            };
            SpecCheck {
                spec: checked.spec,
                status,
                problems,
            }
        })
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
