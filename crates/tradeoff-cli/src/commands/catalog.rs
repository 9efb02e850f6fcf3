//! `tradeoff catalog list|show|check`.

use std::path::PathBuf;

use crate::cli::{CatalogCommand, TextOrJson};
use crate::commands::print_json;
use crate::exit::{CommandResult, Failure, Outcome};
use crate::pipeline::{self, display_path};
use crate::ui::Ui;
use crate::{files, views};

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
    let catalog = pipeline::catalog_with(includes)?;
    match format {
        TextOrJson::Json => print_json(&views::catalog::listing(&catalog))?,
        TextOrJson::Text => print!("{}", views::catalog::render_list(&catalog)),
    }
    Ok(Outcome::Success)
}

fn show(name: &str, format: TextOrJson, includes: &[PathBuf]) -> CommandResult {
    let catalog = pipeline::catalog_with(includes)?;
    let wanted = name.to_lowercase();
    let framework = catalog
        .frameworks
        .values()
        .find(|f| f.id == wanted || f.name.to_lowercase() == wanted)
        .ok_or_else(|| {
            let ids: Vec<&str> = catalog.frameworks.keys().map(String::as_str).collect();
            let hint = views::did_you_mean(&wanted, &ids)
                .map(|s| format!(" — did you mean `{s}`?"))
                .unwrap_or_else(|| " (see `tradeoff catalog list`)".to_owned());
            Failure::bad_input_msg(format!("no framework `{name}` in the catalog{hint}"))
        })?;
    match format {
        TextOrJson::Json => print_json(framework)?,
        TextOrJson::Text => print!("{}", views::catalog::render_framework(framework, &catalog)),
    }
    Ok(Outcome::Success)
}

fn check(paths: &[PathBuf], ui: &Ui) -> CommandResult {
    if paths.is_empty() {
        let builtin = tradeoff_core::catalog::Catalog::builtin_files();
        tradeoff_core::catalog::check_files(&builtin, pipeline::today()).map_err(Failure::internal)?;
        let catalog = pipeline::builtin_catalog()?;
        ui.status(format!(
            "built-in catalog {}: {} frameworks, all facts valid",
            catalog.version,
            catalog.frameworks.len()
        ));
        return Ok(Outcome::Success);
    }
    let mut loaded = Vec::new();
    for path in paths {
        loaded.push((display_path(path), files::read_text(path)?));
    }
    tradeoff_core::catalog::check_files(&loaded, pipeline::today()).map_err(Failure::bad_input)?;
    ui.status(format!("{} catalog file(s) valid", loaded.len()));
    Ok(Outcome::Success)
}

fn coverage(format: TextOrJson, includes: &[PathBuf]) -> CommandResult {
    let catalog = pipeline::catalog_with(includes)?;
    let coverage = tradeoff_core::coverage::Coverage::of(&catalog);
    match format {
        TextOrJson::Json => print_json(&coverage)?,
        TextOrJson::Text => print!("{}", views::coverage::render(&coverage)),
    }
    Ok(Outcome::Success)
}
