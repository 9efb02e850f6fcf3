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

/// Every fact of one framework, fitted to `width` columns: the key, the value wrapped by words
/// beside it, and under it the date and the source (a URL is never broken).
pub fn render_framework(framework: &Framework, catalog: &Catalog, width: usize) -> String {
    let mut out = format!("{} ({})\n\n", framework.name, framework.id);
    let facts = facts_of(framework);
    let key_width = facts.iter().map(|f| f.key.chars().count()).max().unwrap_or(0).min(28);
    let value_width = width.saturating_sub(key_width + 2).max(20);
    let indent = " ".repeat(key_width + 2);
    for fact in &facts {
        let lines = wrap(&fact.value, value_width);
        for (i, line) in lines.iter().enumerate() {
            if i == 0 {
                out.push_str(&format!("{:<key_width$}  {line}\n", fact.key));
            } else {
                out.push_str(&format!("{indent}{line}\n"));
            }
        }
        out.push_str(&format!("{indent}as of {}: {}\n", fact.as_of, fact.source));
    }
    out.push_str(&format!(
        "\n{} facts; origin {}; catalog {}\n",
        facts.len(),
        origin_of(catalog, &framework.id),
        catalog.version
    ));
    out
}

/// `text` in lines of at most `width` characters, broken at spaces (a longer word stands alone).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn show_fits_the_terminal() {
        let catalog = Catalog::builtin().unwrap();
        let text = render_framework(&catalog.frameworks["spring-boot"], &catalog, 80);
        for line in text.lines().filter(|l| !l.contains("://")) {
            assert!(line.chars().count() <= 80, "{line}");
        }
        assert!(text.contains("features.openapi"), "{text}");
    }

    #[test]
    fn wrapping_keeps_every_word() {
        assert_eq!(wrap("a bb ccc dddd", 6), ["a bb", "ccc", "dddd"]);
        assert_eq!(wrap("", 6), [""]);
        assert_eq!(wrap("averyveryverylongword x", 4), ["averyveryverylongword", "x"]);
    }
}
