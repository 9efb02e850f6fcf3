//! `tradeoff catalog list|show|check|import|coverage`.

use std::path::PathBuf;

use tradeoff_driver::catalog::{self as driver, Checked};

use crate::cli::{CatalogCommand, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Outcome};
use crate::ui::Ui;
use crate::views;

pub fn run(command: CatalogCommand, ui: &Ui) -> CommandResult {
    match command {
        CatalogCommand::List { format, includes } => list(format, &includes),
        CatalogCommand::Show { name, format, includes } => show(&name, format, &includes),
        CatalogCommand::Check { files } => check(&files, ui),
        CatalogCommand::Import(args) => super::catalog_import::run(args, ui),
        CatalogCommand::Coverage { format, includes } => coverage(format, &includes),
    }
}

fn list(format: TextOrJson, includes: &[PathBuf]) -> CommandResult {
    let catalog = driver::with_files(includes)?;
    match format {
        TextOrJson::Json => print_json(&views::catalog::listing(&catalog))?,
        TextOrJson::Text => crate::out::view(&views::catalog::render_list(&catalog))?,
    }
    Ok(Outcome::Success)
}

fn show(name: &str, format: TextOrJson, includes: &[PathBuf]) -> CommandResult {
    let catalog = driver::with_files(includes)?;
    let framework = driver::find(&catalog, name)?;
    match format {
        TextOrJson::Json => print_json(framework)?,
        TextOrJson::Text => crate::out::view(&views::catalog::render_framework(
            framework,
            &catalog,
            crate::exit::terminal_width(),
        ))?,
    }
    Ok(Outcome::Success)
}

fn check(paths: &[PathBuf], ui: &Ui) -> CommandResult {
    match driver::check(paths)? {
        Checked::Builtin(catalog) => ui.status(format!(
            "built-in catalog {}: {} frameworks, all facts valid",
            catalog.version,
            catalog.frameworks.len()
        )),
        Checked::Files(count) => ui.status(format!("{count} catalog file(s) valid")),
    }
    Ok(Outcome::Success)
}

fn coverage(format: TextOrJson, includes: &[PathBuf]) -> CommandResult {
    let catalog = driver::with_files(includes)?;
    let coverage = tradeoff_core::coverage::Coverage::of(&catalog);
    match format {
        TextOrJson::Json => print_json(&coverage)?,
        TextOrJson::Text => crate::out::view(&views::coverage::render(&coverage))?,
    }
    Ok(Outcome::Success)
}
