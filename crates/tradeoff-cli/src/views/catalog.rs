//! Text and JSON views of the catalog.

use serde::Serialize;
use serde_json::Value;
use tradeoff_core::catalog::{Catalog, Framework};

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

/// A fact found in a framework's data: its dotted key, display value, source and date.
pub struct FactLine {
    pub key: String,
    pub value: String,
    pub source: String,
    pub as_of: String,
}

/// Every sourced fact of a framework, found structurally (any object with value/source/as_of,
/// and throughput rows), so new catalog fields show up without changes here.
pub fn facts_of(framework: &Framework) -> Vec<FactLine> {
    let mut out = Vec::new();
    if let Ok(value) = serde_json::to_value(framework) {
        collect(&value, String::new(), &mut out);
    }
    out
}

fn collect(value: &Value, key: String, out: &mut Vec<FactLine>) {
    match value {
        Value::Object(map) if map.contains_key("source") && map.contains_key("as_of") => {
            let field = |name: &str| map.get(name).map(display).unwrap_or_default();
            let (shown, key) = if let Some(v) = map.get("value") {
                (display(v), key)
            } else if map.contains_key("round") {
                (
                    format!("{} rps (Round {}, {})", field("rps"), field("round"), field("entry")),
                    format!("{key}.{}", field("test")),
                )
            } else if map.contains_key("concurrency") {
                (
                    format!(
                        "{} rps, p99 {} ms ({} {})",
                        field("rps"),
                        field("latency_p99_ms"),
                        field("entry"),
                        field("version")
                    ),
                    format!("{key}.{}", field("concurrency")),
                )
            } else if map.contains_key("repo") {
                let stars = match (map.get("stars"), map.get("stars_below")) {
                    (Some(stars), _) => format!("{} stars, {} forks", display(stars), field("forks")),
                    (None, Some(bound)) => format!("fewer than {} stars", display(bound)),
                    _ => String::new(),
                };
                (format!("{stars} ({})", field("repo")), key)
            } else {
                (String::new(), key)
            };
            out.push(FactLine {
                key,
                value: shown,
                source: map.get("source").map(display).unwrap_or_default(),
                as_of: map.get("as_of").map(display).unwrap_or_default(),
            });
        }
        Value::Object(map) => {
            for (k, v) in map {
                let child = if key.is_empty() {
                    k.clone()
                } else {
                    format!("{key}.{k}")
                };
                collect(v, child, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                collect(item, key.clone(), out);
            }
        }
        _ => {}
    }
}

fn display(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
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
