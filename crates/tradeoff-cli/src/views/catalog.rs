//! Text and JSON views of the catalog.

use serde::Serialize;
use serde_json::Value;
use tradeoff_core::catalog::{facts_of, Catalog, Framework};

use super::table;

/// One row of `catalog list --format json`.
#[derive(Debug, Serialize)]
pub struct ListingEntry<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub language: String,
    pub license: &'a str,
    pub facts: usize,
    pub origin: String,
}

#[derive(Debug, Serialize)]
pub struct Listing<'a> {
    pub catalog_version: &'a str,
    pub frameworks: Vec<ListingEntry<'a>>,
}

pub fn listing(catalog: &Catalog) -> Listing<'_> {
    let frameworks = catalog
        .frameworks
        .values()
        .map(|f| ListingEntry {
            id: &f.id,
            name: &f.name,
            language: f.language.value.to_string(),
            license: &f.license.value,
            facts: facts_of(f).len(),
            origin: origin_of(catalog, &f.id),
        })
        .collect();
    Listing {
        catalog_version: &catalog.version,
        frameworks,
    }
}

fn origin_of(catalog: &Catalog, id: &str) -> String {
    match catalog.origins.get(id) {
        Some(origin) => serde_json::to_value(origin)
            .ok()
            .and_then(|v| v.get("kind").and_then(Value::as_str).map(str::to_owned))
            .unwrap_or_else(|| "builtin".to_owned()),
        None => "builtin".to_owned(),
    }
}

pub fn render_list(catalog: &Catalog) -> String {
    let rows: Vec<Vec<String>> = listing(catalog)
        .frameworks
        .into_iter()
        .map(|e| {
            vec![
                e.id.to_owned(),
                e.name.to_owned(),
                e.language,
                e.license.to_owned(),
                e.facts.to_string(),
                e.origin,
            ]
        })
        .collect();
    let mut out = table(&["id", "name", "language", "license", "facts", "origin"], &rows);
    out.push_str(&format!("\n{} frameworks, catalog {}\n", rows.len(), catalog.version));
    out
}

pub fn render_framework(framework: &Framework, catalog: &Catalog) -> String {
    let mut out = format!("{} ({})\n\n", framework.name, framework.id);
    let rows: Vec<Vec<String>> = facts_of(framework)
        .into_iter()
        .map(|f| vec![f.key, f.value, f.as_of, f.source])
        .collect();
    out.push_str(&table(&["fact", "value", "as of", "source"], &rows));
    out.push_str(&format!(
        "\n{} facts; origin {}; catalog {}\n",
        rows.len(),
        origin_of(catalog, &framework.id),
        catalog.version
    ));
    out
}
