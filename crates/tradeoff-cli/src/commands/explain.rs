//! `tradeoff explain SPEC FRAMEWORK`: why one framework got its scores, or why it was eliminated.

use crate::cli::{ExplainArgs, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::pipeline;
use crate::ui::Ui;
use crate::views::{self, explain};

pub fn run(args: &ExplainArgs, ui: &Ui) -> CommandResult {
    let (loaded, evaluation) = pipeline::load_and_evaluate(&args.spec, args.stale_after, ui)?;
    let explanation = explain::explain(&evaluation, &args.framework).ok_or_else(|| {
        let wanted = args.framework.to_lowercase();
        let hint = views::did_you_mean(&wanted, &explain::known_ids(&evaluation))
            .map(|s| format!(" — did you mean `{s}`?"))
            .unwrap_or_else(|| " (see `tradeoff catalog list`)".to_owned());
        Failure::bad_input_msg(format!("no framework `{}` in the catalog{hint}", args.framework))
    })?;
    match args.format {
        TextOrJson::Json => print_json(&explanation)?,
        TextOrJson::Text => print!("{}", explain::render(&explanation, &loaded.plan.id)),
    }
    Ok(Outcome::Success)
}
