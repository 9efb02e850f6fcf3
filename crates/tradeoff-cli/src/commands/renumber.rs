//! `tradeoff renumber`: records that share a number after a merge get their own numbers.

use tradeoff_driver::display_path;
use tradeoff_driver::renumber::{renumber, templates_for};

use crate::cli::RenumberArgs;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;

pub fn run(args: &RenumberArgs, ui: &Ui) -> CommandResult {
    let out = match &args.out {
        Some(out) => out.clone(),
        None => tradeoff_driver::discover_root(std::path::Path::new("."))
            .unwrap_or_default()
            .join("reports"),
    };
    let templates = templates_for(&out, args.templates.as_deref())?;
    let renumbered = renumber(&out, &templates)?;
    if let Some(recovered) = &renumbered.recovered {
        ui.status(super::recovered_status(recovered));
    }
    let moved = renumbered.moved;
    if moved.is_empty() {
        ui.status(format!("every record in {} has its own number", display_path(&out)));
    }
    for record in &moved {
        ui.status(format!(
            "moved {} to {}",
            display_path(&record.from),
            display_path(&record.to)
        ));
    }
    Ok(Outcome::Success)
}
