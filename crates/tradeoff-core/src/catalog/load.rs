//! Loading catalog files: the embedded built-in set, user files that add or override
//! frameworks, and standalone checks. Every file is validated the same way.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use miette::NamedSource;
use sha2::{Digest, Sha256};
use tradeoff_lang::FrameworkNames;

use super::diagnostic::{CatalogError, CatalogProblem};
use super::model::{Catalog, Framework, Origin};
use super::validate::{self, Finding};

include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));

/// Directory name built-in files are reported under.
const BUILTIN_DIR: &str = "catalog/frameworks";

/// One catalog file: its display name and text.
pub type CatalogFile = (String, String);

impl Catalog {
    /// The catalog compiled into the binary. Its files pass the full validation in the test
    /// suite (and `tradeoff catalog check`), so every run only deserializes the JSON form the
    /// build script made of them: validation and TOML parsing would cost more than the rest of
    /// a `tradeoff decide`. A file that fails to load is a bug, reported through the full
    /// validation for a precise message.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        let parsed: Result<Vec<Framework>, _> = BUILTIN_FILES
            .iter()
            .map(|(_, _, json)| serde_json::from_str::<Framework>(json))
            .collect();
        let frameworks = match parsed {
            Ok(frameworks) => frameworks,
            Err(_) => parse_all(&Catalog::builtin_files(), None, true)?,
        };
        let mut catalog = Catalog {
            version: BUILTIN_VERSION.to_string(),
            frameworks: BTreeMap::new(),
            languages: BTreeMap::new(),
            origins: BTreeMap::new(),
        };
        for framework in frameworks {
            catalog.origins.insert(framework.id.clone(), Origin::Builtin);
            catalog.frameworks.insert(framework.id.clone(), framework);
        }
        Ok(catalog)
    }

    /// The built-in file texts, for `catalog check` and tests.
    pub fn builtin_files() -> Vec<CatalogFile> {
        BUILTIN_FILES
            .iter()
            .map(|(name, text, _)| (format!("{BUILTIN_DIR}/{name}"), (*text).to_string()))
            .collect()
    }

    /// This catalog plus user files: a file whose id is new adds a framework, one whose id
    /// exists replaces it (reported as an override). `today` rejects future `as_of` dates.
    pub fn with_extra_files(mut self, files: &[CatalogFile], today: Date) -> Result<Catalog, CatalogError> {
        let frameworks = parse_all(files, Some(today), false)?;
        let mut hashed = Catalog::builtin_files();
        hashed.extend(files.iter().cloned());
        for (framework, (name, _)) in frameworks.into_iter().zip(files) {
            let origin = if self.frameworks.contains_key(&framework.id) {
                Origin::Overridden { file: name.clone() }
            } else {
                Origin::Added { file: name.clone() }
            };
            self.origins.insert(framework.id.clone(), origin);
            self.frameworks.insert(framework.id.clone(), framework);
        }
        self.version = content_hash(&hashed);
        Ok(self)
    }
}

/// Validates catalog files on their own (for `tradeoff catalog check`); returns how many
/// frameworks they define.
pub fn check_files(files: &[CatalogFile], today: Date) -> Result<usize, CatalogError> {
    parse_all(files, Some(today), false).map(|frameworks| frameworks.len())
}

impl FrameworkNames for Catalog {
    fn contains(&self, id: &str) -> bool {
        self.frameworks.contains_key(id)
    }

    fn ids(&self) -> Vec<String> {
        self.frameworks.keys().cloned().collect()
    }
}

/// Parses and validates every file, collecting all problems before failing.
fn parse_all(
    files: &[CatalogFile],
    today: Option<Date>,
    id_must_match_file: bool,
) -> Result<Vec<Framework>, CatalogError> {
    let mut problems = Vec::new();
    let mut frameworks = Vec::new();
    let mut first_file_of: BTreeMap<String, String> = BTreeMap::new();
    for (name, text) in files {
        let source = Arc::new(NamedSource::new(name.clone(), text.clone()));
        let bind = |finding: Finding| CatalogProblem {
            file: source.clone(),
            span: finding.span,
            message: finding.message,
            label: finding.label,
            help: finding.help,
        };
        let framework = match toml::from_str::<Framework>(text) {
            Ok(framework) => framework,
            Err(error) => {
                problems.push(bind(Finding {
                    span: error.span().unwrap_or(0..0),
                    message: error.message().trim().to_string(),
                    label: "here".into(),
                    help: Some("see docs/catalog.md for the file format".into()),
                }));
                continue;
            }
        };
        let before = problems.len();
        problems.extend(validate::facts(text, today).into_iter().map(bind));
        let id_span = validate::key_span(text, "id").unwrap_or(0..0);
        if !validate::is_valid_id(&framework.id) {
            problems.push(bind(Finding {
                span: id_span.clone(),
                message: format!("`{}` is not a valid framework id", framework.id),
                label: "invalid id".into(),
                help: Some("use lower-case letters, digits and `-`, starting with a letter".into()),
            }));
        }
        if id_must_match_file {
            let stem = name.rsplit('/').next().unwrap_or(name).trim_end_matches(".toml");
            if stem != framework.id {
                problems.push(bind(Finding {
                    span: id_span.clone(),
                    message: format!("id `{}` does not match the file name `{stem}.toml`", framework.id),
                    label: "id".into(),
                    help: None,
                }));
            }
        }
        if let Some(first) = first_file_of.get(&framework.id) {
            problems.push(bind(Finding {
                span: id_span,
                message: format!("framework `{}` is defined twice", framework.id),
                label: "second definition".into(),
                help: Some(format!("it is also defined in {first}; keep one file per framework")),
            }));
        } else {
            first_file_of.insert(framework.id.clone(), name.clone());
        }
        problems.extend(plausibility(&framework, text, today).into_iter().map(bind));
        if problems.len() == before {
            frameworks.push(framework);
        }
    }
    if problems.is_empty() {
        Ok(frameworks)
    } else {
        Err(CatalogError { problems })
    }
}

/// Values that parse but cannot be true.
fn plausibility(framework: &Framework, text: &str, today: Option<Date>) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(first) = &framework.first_release {
        let latest = today.map_or(i32::from(jiff::civil::Date::MAX.year()), |t| i32::from(t.year()));
        if !(1990..=latest).contains(&first.value) {
            findings.push(Finding {
                span: validate::key_span(text, "first_release.value").unwrap_or(0..0),
                message: format!("first release year {} is implausible", first.value),
                label: "not a release year".into(),
                help: Some("the year of the first public release, e.g. 2005".into()),
            });
        }
    }
    if let Some(date) = &framework.latest_release_date {
        if date.value.parse::<Date>().is_err() {
            findings.push(Finding {
                span: validate::key_span(text, "latest_release_date.value").unwrap_or(0..0),
                message: "latest_release_date is not a valid date".into(),
                label: "expected \"YYYY-MM-DD\"".into(),
                help: None,
            });
        }
    }
    for (index, figure) in framework.throughput.iter().enumerate() {
        if figure.rps == 0 {
            findings.push(Finding {
                span: validate::key_span(text, "throughput").unwrap_or(0..0),
                message: format!("throughput entry {} has 0 requests per second", index + 1),
                label: "zero throughput".into(),
                help: Some("leave a figure out when it is unknown; never write 0".into()),
            });
        }
    }
    findings
}

/// First 12 hex digits of SHA-256 over the files in name order.
fn content_hash(files: &[CatalogFile]) -> String {
    let mut sorted: Vec<&CatalogFile> = files.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(&b.0));
    let mut hasher = Sha256::new();
    for (name, text) in sorted {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(text.as_bytes());
        hasher.update([0]);
    }
    hasher.finalize().iter().take(6).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        jiff::civil::date(2026, 11, 28)
    }

    #[test]
    fn builtin_catalog_loads_with_thirty_frameworks() {
        let catalog = Catalog::builtin().unwrap();
        assert!(catalog.frameworks.len() >= 30, "{}", catalog.frameworks.len());
        assert_eq!(catalog.version.len(), 12);
    }

    #[test]
    fn the_fast_builtin_load_equals_the_validated_toml_load() {
        let fast = Catalog::builtin().unwrap();
        let files = Catalog::builtin_files();
        let validated = parse_all(&files, None, true).unwrap();
        assert_eq!(fast.frameworks.values().cloned().collect::<Vec<_>>(), validated);
        assert_eq!(fast.version, content_hash(&files));
    }

    #[test]
    fn builtin_files_pass_the_full_check_including_dates() {
        check_files(&Catalog::builtin_files(), today()).unwrap();
    }

    #[test]
    fn unknown_key_is_reported_with_its_file() {
        let mut text = BUILTIN_FILES
            .iter()
            .find(|(n, _, _)| *n == "axum.toml")
            .unwrap()
            .1
            .to_string();
        text.push_str("\nbogus_key = 1\n");
        let error = check_files(&[("mine/axum.toml".into(), text)], today()).unwrap_err();
        let message = error.problems[0].to_string();
        assert!(
            message.contains("mine/axum.toml") && message.contains("bogus_key"),
            "{message}"
        );
    }

    #[test]
    fn future_dates_and_empty_sources_are_rejected() {
        let text = BUILTIN_FILES.iter().find(|(n, _, _)| *n == "axum.toml").unwrap().1;
        let text = text
            .replacen("as_of = \"2026-11-28\"", "as_of = \"2031-01-01\"", 1)
            .replacen("source = \"https://github.com/tokio-rs/axum\"", "source = \"\"", 1);
        let error = check_files(&[("x.toml".into(), text)], today()).unwrap_err();
        let messages: Vec<String> = error.problems.iter().map(|p| p.message.clone()).collect();
        assert!(messages.iter().any(|m| m.contains("future")), "{messages:?}");
        assert!(messages.iter().any(|m| m.contains("empty source")), "{messages:?}");
    }

    #[test]
    fn user_files_add_and_override() {
        let axum = BUILTIN_FILES
            .iter()
            .find(|(n, _, _)| *n == "axum.toml")
            .unwrap()
            .1
            .to_string();
        let in_house = axum.replacen("id = \"axum\"", "id = \"acme-web\"", 1);
        let catalog = Catalog::builtin()
            .unwrap()
            .with_extra_files(&[("a.toml".into(), axum), ("b.toml".into(), in_house)], today())
            .unwrap();
        assert_eq!(catalog.origins["axum"], Origin::Overridden { file: "a.toml".into() });
        assert_eq!(catalog.origins["acme-web"], Origin::Added { file: "b.toml".into() });
        assert_ne!(catalog.version, Catalog::builtin().unwrap().version);
    }

    #[test]
    fn duplicate_ids_across_files_are_rejected() {
        let axum = BUILTIN_FILES
            .iter()
            .find(|(n, _, _)| *n == "axum.toml")
            .unwrap()
            .1
            .to_string();
        let error = check_files(&[("a.toml".into(), axum.clone()), ("b.toml".into(), axum)], today()).unwrap_err();
        assert!(error.problems.iter().any(|p| p.message.contains("defined twice")));
    }
}
