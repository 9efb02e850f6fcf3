//! `tradeoff check [SPECS]`: is every committed record current with its spec, the catalog and
//! the tool? Specs are checked in parallel and reported in path order.

use tradeoff_driver::check::{check, Verdict};
use tradeoff_driver::WorkingTree;

use crate::cli::{CheckArgs, CheckFormat};
use crate::commands::print_json;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::ui::Ui;
use crate::views::check::{self as view, reports};
use crate::views::sarif;

pub fn run(args: &CheckArgs, ui: &Ui) -> CommandResult {
    let mut request = super::records_request(&args.specs, args.out.as_deref(), args.templates.as_deref(), ui);
    request.trust_seals = !args.full;
    let results = check(&WorkingTree, &request)?;
    match args.format {
        CheckFormat::Json => print_json(&reports(&results))?,
        CheckFormat::Sarif => print_json(&sarif::render(&reports(&results)))?,
        CheckFormat::Text => crate::out::view(&view::render_text(&results))?,
        CheckFormat::Github => crate::out::view(&view::render_github(&reports(&results)))?,
    }
    let errors = results
        .iter()
        .filter(|r| matches!(r.verdict, Verdict::Failed(_)))
        .count();
    if errors > 0 {
        return Err(Failure::bad_input_msg(format!(
            "{errors} of {} specs could not be checked",
            results.len()
        )));
    }
    Ok(if results.iter().all(|r| matches!(r.verdict, Verdict::Current)) {
        Outcome::Success
    } else {
        Outcome::ProblemsFound
    })
}
