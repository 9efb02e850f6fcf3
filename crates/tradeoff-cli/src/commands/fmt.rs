//! `tradeoff fmt`: rewrite specs in canonical layout, or check that they are.

use tradeoff_driver::format::{format_specs, formatted, FormatState};

use crate::cli::FmtArgs;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::ui::Ui;

pub fn run(args: &FmtArgs, ui: &Ui) -> CommandResult {
    if args.stdout {
        let specs = tradeoff_driver::collect_specs(&args.paths)?;
        let [only] = specs.as_slice() else {
            return Err(Failure::bad_input_msg("--stdout formats exactly one file"));
        };
        crate::out::raw(&formatted(only)?)?;
        return Ok(Outcome::Success);
    }
    let mut unformatted = Vec::new();
    format_specs(&args.paths, args.check, &mut |done| match done.state {
        FormatState::Unchanged => ui.detail(format!("{}: already formatted", done.spec)),
        FormatState::Rewritten => ui.status(format!("formatted {}", done.spec)),
        FormatState::NotFormatted => unformatted.push(done.spec.clone()),
    })?;
    if unformatted.is_empty() {
        return Ok(Outcome::Success);
    }
    for shown in &unformatted {
        crate::out::view(&format!("{shown}: not formatted (run `tradeoff fmt {shown}`)\n"))?;
    }
    Ok(Outcome::ProblemsFound)
}
