//! `tradeoff plan SPEC`: compile a spec and show the evaluation plan.

use tradeoff_driver::{spec, WorkingTree};

use crate::cli::{PlanArgs, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;
use crate::views;

pub fn run(args: &PlanArgs, ui: &Ui) -> CommandResult {
    let loaded = spec::load(&WorkingTree, &args.spec)?;
    ui.detail(format!(
        "compiled {} against catalog {}",
        loaded.display, loaded.catalog.version
    ));
    match args.format {
        TextOrJson::Json => print_json(&loaded.plan)?,
        TextOrJson::Text => crate::out::view(&views::plan::render(&loaded.plan, &loaded.catalog))?,
    }
    Ok(Outcome::Success)
}
