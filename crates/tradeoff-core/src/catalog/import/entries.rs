//! Which benchmark entry and ranking row stands for each catalog framework
//! (`catalog/sources/entries.toml`, embedded).

use std::collections::BTreeMap;

use serde::Deserialize;

const BUILTIN: &str = include_str!("../../../catalog/sources/entries.toml");

/// The test entries of the mapped TechEmpower frameworks: rows of the benchmark's
/// `benchmark_config.json` files (a pinned extract, see catalog/sources/README.md).
const TECHEMPOWER_CONFIGS: &str = include_str!("../../../catalog/sources/techempower-configs.csv");

/// The entries of one framework in each source; absent means the source does not have it.
#[derive(Debug, Clone, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct FrameworkEntries {
    /// TechEmpower framework name (its directory under `frameworks/<Language>/`).
    pub techempower: Option<String>,
    pub web_frameworks: Option<WebFrameworksEntry>,
    pub github: Option<GithubEntry>,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct WebFrameworksEntry {
    pub language: String,
    pub label: String,
}

#[derive(Debug, Clone, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct GithubEntry {
    /// `owner/name`.
    pub repo: String,
    /// The GitHub Ranking list (language) it is ranked in.
    pub list: String,
}

/// Catalog id → its entries, sorted by id; and each TechEmpower framework's test entries.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Entries {
    pub frameworks: BTreeMap<String, FrameworkEntries>,
    /// TechEmpower framework → `(test entry name, variant)`; the `default` variant is its main entry.
    pub techempower_tests: BTreeMap<String, Vec<(String, String)>>,
}

impl Entries {
    /// The mapping shipped with the catalog. A test checks it parses and names only catalog
    /// frameworks, so this cannot fail at run time.
    pub fn builtin() -> Entries {
        Entries {
            frameworks: toml::from_str(BUILTIN).unwrap_or_default(),
            techempower_tests: techempower_tests(TECHEMPOWER_CONFIGS),
        }
    }

    /// Entries from a mapping text alone (tests, or a user's own mapping).
    pub fn from_toml(text: &str) -> Result<Entries, toml::de::Error> {
        Ok(Entries {
            frameworks: toml::from_str(text)?,
            techempower_tests: techempower_tests(TECHEMPOWER_CONFIGS),
        })
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &FrameworkEntries)> {
        self.frameworks.iter()
    }
}

/// Test entry names as the benchmark's toolset forms them: the framework's name for the
/// `default` test, `<framework>-<variant>` for the others.
fn techempower_tests(csv_text: &str) -> BTreeMap<String, Vec<(String, String)>> {
    let mut tests: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    let mut reader = csv::Reader::from_reader(csv_text.as_bytes());
    for record in reader.records().filter_map(Result::ok) {
        let (Some(framework), Some(variant)) = (record.get(1), record.get(2)) else {
            continue;
        };
        let name = if variant == "default" {
            framework.to_string()
        } else {
            format!("{framework}-{variant}")
        };
        tests
            .entry(framework.to_string())
            .or_default()
            .push((name, variant.to_string()));
    }
    tests
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn the_builtin_mapping_parses_and_names_every_catalog_framework() {
        let parsed: BTreeMap<String, FrameworkEntries> = toml::from_str(BUILTIN).expect("entries.toml parses");
        let catalog = Catalog::builtin().unwrap();
        let ids: Vec<&String> = parsed.keys().collect();
        let catalog_ids: Vec<&String> = catalog.frameworks.keys().collect();
        assert_eq!(ids, catalog_ids, "entries.toml lists exactly the catalog's frameworks");
        let tests = techempower_tests(TECHEMPOWER_CONFIGS);
        for (id, entries) in &parsed {
            if let Some(name) = &entries.techempower {
                let listed = tests
                    .get(name)
                    .unwrap_or_else(|| panic!("{id}: no TechEmpower tests for {name}"));
                assert!(
                    listed
                        .iter()
                        .any(|(test, variant)| test == name && variant == "default"),
                    "{id}"
                );
            }
        }
        assert!(tests["axum"].contains(&("axum-pg".to_string(), "pg".to_string())));
        for (id, entries) in &parsed {
            let github = entries
                .github
                .as_ref()
                .unwrap_or_else(|| panic!("{id} has no repository"));
            let repository = &catalog.frameworks[id].repository.value;
            assert!(
                repository.eq_ignore_ascii_case(&format!("https://github.com/{}", github.repo)),
                "{id}: {repository} vs {}",
                github.repo
            );
        }
    }
}
