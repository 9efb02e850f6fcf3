//! Checks serde cannot express: every fact has a source and a real, past `as_of` date; ids
//! are well-formed; numbers are plausible. Spans come from a `toml_edit` parse of the same text.

use std::ops::Range;

use jiff::civil::Date;
use toml_edit::{ImDocument, Item, Value};

/// A problem found in one file, before it is bound to its source for rendering.
pub struct Finding {
    pub span: Range<usize>,
    pub message: String,
    pub label: String,
    pub help: Option<String>,
}

/// Walks the whole document: every table that has `source` or `as_of` is a fact (or a
/// benchmark figure) and must have both, with a non-empty source and a valid past date.
pub fn facts(text: &str, today: Option<Date>) -> Vec<Finding> {
    let Ok(document) = ImDocument::parse(text.to_string()) else {
        return Vec::new();
    };
    let mut findings = Vec::new();
    for (key, item) in document.as_table().iter() {
        walk_item(key, item, today, &mut findings);
    }
    findings
}

fn walk_item(path: &str, item: &Item, today: Option<Date>, findings: &mut Vec<Finding>) {
    match item {
        Item::Table(table) => {
            check_fact(
                path,
                table.get("source").and_then(Item::as_value),
                table.get("as_of").and_then(Item::as_value),
                item.span(),
                today,
                findings,
            );
            for (key, child) in table.iter() {
                walk_item(&format!("{path}.{key}"), child, today, findings);
            }
        }
        Item::ArrayOfTables(array) => {
            for (index, table) in array.iter().enumerate() {
                let span = table.span();
                check_fact(
                    &format!("{path}[{index}]"),
                    table.get("source").and_then(Item::as_value),
                    table.get("as_of").and_then(Item::as_value),
                    span,
                    today,
                    findings,
                );
            }
        }
        Item::Value(value) => walk_value(path, value, today, findings),
        Item::None => {}
    }
}

fn walk_value(path: &str, value: &Value, today: Option<Date>, findings: &mut Vec<Finding>) {
    if let Value::InlineTable(table) = value {
        if path.contains("features.") && table.get("tier").and_then(Value::as_str) == Some("none") {
            if let Some(source) = table.get("source") {
                check_absence_source(path, source, findings);
            }
        }
        check_fact(
            path,
            table.get("source"),
            table.get("as_of"),
            value.span(),
            today,
            findings,
        );
    }
}

/// A feature recorded as absent (`tier = "none"`) needs a page that says so: a home page or a
/// repository's front page says what a project has, not what it lacks.
fn check_absence_source(path: &str, source: &Value, findings: &mut Vec<Finding>) {
    let Some(url) = source.as_str() else { return };
    if !is_front_page(url) {
        return;
    }
    findings.push(Finding {
        span: source.span().unwrap_or(0..0),
        message: format!("`{path}` says the feature is absent, citing only `{url}`"),
        label: "a front page does not say what is missing".into(),
        help: Some(
            "cite the page that says it (a docs page or an issue), or leave the feature out: where nobody says, it is unknown"
                .into(),
        ),
    });
}

/// A site's home page (`https://host/`, `https://host/en/`) or a repository's root
/// (`https://github.com/owner/repo`).
pub(crate) fn is_front_page(url: &str) -> bool {
    let Some(rest) = url.split_once("://").map(|(_, rest)| rest) else {
        return false;
    };
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    let mut parts = rest.split('/').filter(|p| !p.is_empty());
    let host = parts.next().unwrap_or_default().to_ascii_lowercase();
    let path: Vec<&str> = parts.collect();
    let forge = ["github.com", "gitlab.com", "codeberg.org", "bitbucket.org"].contains(&host.as_str());
    match path.as_slice() {
        [] => true,
        [only] if !forge => only.len() <= 5 && !only.contains('.'), // a language root: /en, /docs
        [_owner, _repo] if forge => true,
        _ => false,
    }
}

fn check_fact(
    path: &str,
    source: Option<&Value>,
    as_of: Option<&Value>,
    whole: Option<Range<usize>>,
    today: Option<Date>,
    findings: &mut Vec<Finding>,
) {
    if source.is_none() && as_of.is_none() {
        return;
    }
    let whole = whole.unwrap_or(0..0);
    match source {
        Some(value) if value.as_str().is_some_and(|s| !s.trim().is_empty()) => {}
        Some(value) => findings.push(Finding {
            span: value.span().unwrap_or(whole.clone()),
            message: format!("`{path}` has an empty source"),
            label: "empty source".into(),
            help: Some("give the URL or document the value was read from".into()),
        }),
        None => findings.push(Finding {
            span: whole.clone(),
            message: format!("`{path}` has no source"),
            label: "fact without a source".into(),
            help: Some(
                "every fact needs `source = \"<URL or document>\"`; a fact that cannot be sourced is left out".into(),
            ),
        }),
    }
    let Some(as_of) = as_of else {
        findings.push(Finding {
            span: whole,
            message: format!("`{path}` has no as_of date"),
            label: "fact without a date".into(),
            help: Some("add `as_of = \"YYYY-MM-DD\"`: the day the value was read".into()),
        });
        return;
    };
    let span = as_of.span().unwrap_or(whole);
    match as_of.as_str().map(str::parse::<Date>) {
        Some(Ok(date)) => {
            if let Some(today) = today {
                if date > today {
                    findings.push(Finding {
                        span,
                        message: format!("`{path}.as_of` is {date}, a date in the future"),
                        label: "in the future".into(),
                        help: Some(format!("today is {today}; as_of is the day the fact was read")),
                    });
                }
            }
        }
        _ => findings.push(Finding {
            span,
            message: format!("`{path}.as_of` is not a valid date"),
            label: "expected \"YYYY-MM-DD\"".into(),
            help: None,
        }),
    }
}

/// Where a top-level key's value is, for problems about a whole fact.
pub fn key_span(text: &str, dotted: &str) -> Option<Range<usize>> {
    let document = ImDocument::parse(text.to_string()).ok()?;
    let mut item = document.as_item();
    for part in dotted.split('.') {
        item = item.get(part)?;
    }
    item.span().or_else(|| item.as_value().and_then(Value::span))
}

/// Where a (possibly implicit) table is: its own span, or else that of the first table inside it
/// that has one. `[[frameworks.gin.load_test]]` makes `frameworks.gin` a table with no text of
/// its own.
pub fn table_span(text: &str, dotted: &str) -> Option<Range<usize>> {
    fn first_span(item: &Item) -> Option<Range<usize>> {
        item.span().or_else(|| match item {
            Item::Table(table) => table.iter().find_map(|(_, child)| first_span(child)),
            Item::ArrayOfTables(array) => array.iter().find_map(|t| t.span()),
            _ => None,
        })
    }
    let document = ImDocument::parse(text.to_string()).ok()?;
    let mut item = document.as_item();
    for part in dotted.split('.') {
        item = item.get(part)?;
    }
    first_span(item)
}

/// Framework ids appear in specs and file names.
pub fn is_valid_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && id.starts_with(|c: char| c.is_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_pages_are_told_from_pages() {
        let fronts = [
            "https://docs.nestjs.com/",
            "https://rocket.rs",
            "https://gin-gonic.com/en/",
            "https://github.com/gin-gonic/gin",
            "https://github.com/gin-gonic/gin/",
        ];
        for url in fronts {
            assert!(is_front_page(url), "{url}");
        }
        let pages = [
            "https://docs.nestjs.com/security/csrf",
            "https://github.com/gin-gonic/gin/issues/1855",
            "https://rocket.rs/guide/v0.5/faq/",
            "not a url",
        ];
        for url in pages {
            assert!(!is_front_page(url), "{url}");
        }
    }

    #[test]
    fn an_absence_cited_to_a_front_page_is_refused() {
        let text = "[features]\ncsrf = { tier = \"none\", source = \"https://rocket.rs/\", as_of = \"2026-11-30\" }\nadmin = { tier = \"none\", source = \"https://rocket.rs/guide/v0.5/faq/\", as_of = \"2026-11-30\" }\n";
        let found = facts(text, None);
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("features.csrf"), "{}", found[0].message);
        assert_eq!(&text[found[0].span.clone()], "\"https://rocket.rs/\"");
    }
}
