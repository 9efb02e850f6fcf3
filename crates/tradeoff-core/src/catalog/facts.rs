//! Every sourced fact of a framework as display lines, for the front ends that list them
//! (`catalog show`, an editor's hover).

use serde_json::Value;

use super::Framework;

/// A fact found in a framework's data: its dotted key, display value, source and date.
#[derive(Debug, Clone, PartialEq, Eq)]
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
            } else if let Some(tier) = map.get("tier") {
                match map.get("package") {
                    Some(package) => (format!("{} ({})", display(tier), display(package)), key),
                    None => (display(tier), key),
                }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn every_fact_has_a_value_to_show() {
        let catalog = Catalog::builtin().unwrap();
        let spring = &catalog.frameworks["spring-boot"];
        let lines = facts_of(spring);
        let openapi = lines.iter().find(|l| l.key == "features.openapi").unwrap();
        assert_eq!(openapi.value, "third-party (springdoc-openapi)");
        for line in &lines {
            assert!(!line.value.is_empty() && !line.source.is_empty(), "{}", line.key);
        }
    }
}
