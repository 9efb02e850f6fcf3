//! Loading catalog files: the embedded built-in set, user files that add or override
//! frameworks, and standalone checks. Every file is validated the same way.

use std::collections::BTreeMap;
use std::sync::Arc;

use jiff::civil::Date;
use miette::NamedSource;
use sha2::{Digest, Sha256};
use tradeoff_lang::FrameworkNames;

use super::diagnostic::{CatalogError, CatalogProblem};
use super::model::{Catalog, Framework, LanguageFacts, Origin, Overlay};
use super::validate::{self, Finding};

include!(concat!(env!("OUT_DIR"), "/builtin_catalog.rs"));

/// Folders of the built-in files, as their names are reported and hashed (see build.rs).
const FRAMEWORKS_DIR: &str = "catalog/frameworks/";
const GENERATED_DIR: &str = "catalog/generated/";

/// One catalog file: its display name and text.
pub type CatalogFile = (String, String);

impl Catalog {
    /// The catalog compiled into the binary. Its files pass the full validation in the test
    /// suite (and `tradeoff catalog check`), so every run only deserializes the JSON form the
    /// build script made of them: validation and TOML parsing would cost more than the rest of
    /// a `tradeoff decide`. A file that fails to load is a bug, reported through the full
    /// validation for a precise message.
    pub fn builtin() -> Result<Catalog, CatalogError> {
        match fast_builtin() {
            Some(contents) => Ok(assemble(Catalog::empty(BUILTIN_VERSION.to_string()), contents)),
            None => {
                let files = Catalog::builtin_files();
                let contents = parse_all(&files, None, true, &BTreeMap::new())?;
                Ok(assemble(Catalog::empty(content_hash(&files)), contents))
            }
        }
    }

    fn empty(version: String) -> Catalog {
        Catalog {
            version,
            frameworks: BTreeMap::new(),
            languages: BTreeMap::new(),
            origins: BTreeMap::new(),
        }
    }

    /// The built-in file texts, for `catalog check` and tests.
    pub fn builtin_files() -> Vec<CatalogFile> {
        BUILTIN_FILES
            .iter()
            .map(|(name, text, _)| ((*name).to_string(), (*text).to_string()))
            .collect()
    }

    /// This catalog plus user files: a file whose id is new adds a framework, one whose id
    /// exists replaces it (reported as an override). `today` rejects future `as_of` dates.
    pub fn with_extra_files(self, files: &[CatalogFile], today: Date) -> Result<Catalog, CatalogError> {
        let contents = parse_all(files, Some(today), false, &self.frameworks)?;
        let mut hashed = Catalog::builtin_files();
        hashed.extend(files.iter().cloned());
        let mut catalog = assemble(self, contents);
        catalog.version = content_hash(&hashed);
        Ok(catalog)
    }
}

/// Adds parsed files to a catalog: frameworks first (a known id is an override), then the
/// overlays' evidence in file order, then language facts.
fn assemble(mut catalog: Catalog, contents: Contents) -> Catalog {
    for (framework, file) in contents.frameworks {
        let origin = match (&file, catalog.frameworks.contains_key(&framework.id)) {
            (None, _) => Origin::Builtin,
            (Some(file), true) => Origin::Overridden { file: file.clone() },
            (Some(file), false) => Origin::Added { file: file.clone() },
        };
        catalog.origins.insert(framework.id.clone(), origin);
        catalog.frameworks.insert(framework.id.clone(), framework);
    }
    for overlay in contents.overlays {
        for (id, evidence) in overlay.frameworks {
            if let Some(framework) = catalog.frameworks.get_mut(&id) {
                framework.apply(evidence);
            }
        }
    }
    for facts in contents.languages {
        catalog.languages.insert(facts.language, facts);
    }
    catalog
}

/// The built-in files from the JSON the build script made of them; `None` if any fails to
/// deserialize (a bug, then reported through the full validation).
fn fast_builtin() -> Option<Contents> {
    let mut contents = Contents::default();
    for (name, _, json) in BUILTIN_FILES {
        match Kind::of_builtin(name) {
            Kind::Framework => contents.frameworks.push((serde_json::from_str(json).ok()?, None)),
            Kind::Overlay => contents.overlays.push(serde_json::from_str(json).ok()?),
            Kind::Languages => contents
                .languages
                .extend(serde_json::from_str::<LanguagesFile>(json).ok()?.languages),
        }
    }
    Some(contents)
}

/// What a catalog file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// One framework (`id = …`).
    Framework,
    /// Evidence for existing frameworks (`[overlay]`), as `tradeoff catalog import` writes it.
    Overlay,
    /// Facts about languages (`[[languages]]`).
    Languages,
}

impl Kind {
    fn of_builtin(name: &str) -> Kind {
        if name.starts_with(GENERATED_DIR) {
            Kind::Overlay
        } else if name.starts_with(FRAMEWORKS_DIR) {
            Kind::Framework
        } else {
            Kind::Languages
        }
    }

    /// By the file's top-level keys; a file that is not TOML is parsed as a framework, whose
    /// parse error then points at the problem.
    fn of_text(text: &str) -> Kind {
        #[derive(serde::Deserialize)]
        struct TopLevel {
            overlay: Option<serde::de::IgnoredAny>,
            languages: Option<serde::de::IgnoredAny>,
        }
        match toml::from_str::<TopLevel>(text) {
            Ok(TopLevel { overlay: Some(_), .. }) => Kind::Overlay,
            Ok(TopLevel { languages: Some(_), .. }) => Kind::Languages,
            _ => Kind::Framework,
        }
    }
}

/// `catalog/languages.toml`: survey shares and other facts per language.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct LanguagesFile {
    languages: Vec<LanguageFacts>,
}

/// Parsed catalog files; a framework carries the user file it came from (`None` if built in).
#[derive(Default)]
struct Contents {
    frameworks: Vec<(Framework, Option<String>)>,
    overlays: Vec<Overlay>,
    languages: Vec<LanguageFacts>,
}

/// Validates catalog files on their own (for `tradeoff catalog check`); returns how many
/// frameworks they define.
pub fn check_files(files: &[CatalogFile], today: Date) -> Result<usize, CatalogError> {
    // Overlays may name built-in frameworks; a broken built-in catalog is not the user's problem.
    let known = Catalog::builtin().map(|c| c.frameworks).unwrap_or_default();
    parse_all(files, Some(today), false, &known).map(|contents| contents.frameworks.len())
}

impl FrameworkNames for Catalog {
    fn contains(&self, id: &str) -> bool {
        self.frameworks.contains_key(id)
    }

    fn ids(&self) -> Vec<String> {
        self.frameworks.keys().cloned().collect()
    }
}

/// Parses and validates every file, collecting all problems before failing. Overlays may name
/// the frameworks of `known` and those the files define. Built-in files are reported as built
/// in (`id_must_match_file`); user files as added or overriding.
fn parse_all(
    files: &[CatalogFile],
    today: Option<Date>,
    builtin: bool,
    known: &BTreeMap<String, Framework>,
) -> Result<Contents, CatalogError> {
    let mut problems = Vec::new();
    let mut contents = Contents::default();
    let mut first_file_of: BTreeMap<String, String> = BTreeMap::new();
    let mut overlays = Vec::new();
    for (name, text) in files {
        let source = Arc::new(NamedSource::new(name.clone(), text.clone()));
        let bind = |finding: Finding| CatalogProblem {
            file: source.clone(),
            span: finding.span,
            message: finding.message,
            label: finding.label,
            help: finding.help,
        };
        let kind = if builtin {
            Kind::of_builtin(name)
        } else {
            Kind::of_text(text)
        };
        let before = problems.len();
        match kind {
            Kind::Framework => {
                let Some(framework) = deserialize::<Framework>(text, &mut problems, &bind) else {
                    continue;
                };
                problems.extend(validate::facts(text, today).into_iter().map(bind));
                problems.extend(
                    framework_findings(&framework, name, text, builtin, &mut first_file_of)
                        .into_iter()
                        .map(bind),
                );
                problems.extend(plausibility(&framework, text, today).into_iter().map(bind));
                if problems.len() == before {
                    contents.frameworks.push((framework, (!builtin).then(|| name.clone())));
                }
            }
            Kind::Overlay => {
                let Some(overlay) = deserialize::<Overlay>(text, &mut problems, &bind) else {
                    continue;
                };
                problems.extend(validate::facts(text, today).into_iter().map(bind));
                if problems.len() == before {
                    overlays.push((overlay, source.clone(), text));
                }
            }
            Kind::Languages => {
                let Some(file) = deserialize::<LanguagesFile>(text, &mut problems, &bind) else {
                    continue;
                };
                problems.extend(validate::facts(text, today).into_iter().map(bind));
                if problems.len() == before {
                    contents.languages.extend(file.languages);
                }
            }
        }
    }
    // Overlays are checked last: they may name a framework defined by a later file.
    for (overlay, source, text) in overlays {
        let mut unknown = false;
        for id in overlay.frameworks.keys() {
            let defined = contents.frameworks.iter().any(|(f, _)| &f.id == id);
            if !defined && !known.contains_key(id) {
                unknown = true;
                problems.push(CatalogProblem {
                    file: source.clone(),
                    span: validate::table_span(text, &format!("frameworks.{id}")).unwrap_or(0..0),
                    message: format!("the overlay has evidence for `{id}`, which is not a catalog framework"),
                    label: "unknown framework".into(),
                    help: Some("add the framework's own file first, or remove its evidence".into()),
                });
            }
        }
        if !unknown {
            contents.overlays.push(overlay);
        }
    }
    if problems.is_empty() {
        Ok(contents)
    } else {
        Err(CatalogError { problems })
    }
}

/// Deserializes a file, recording a parse error as a problem.
fn deserialize<T: serde::de::DeserializeOwned>(
    text: &str,
    problems: &mut Vec<CatalogProblem>,
    bind: &impl Fn(Finding) -> CatalogProblem,
) -> Option<T> {
    match toml::from_str::<T>(text) {
        Ok(value) => Some(value),
        Err(error) => {
            problems.push(bind(Finding {
                span: error.span().unwrap_or(0..0),
                message: error.message().trim().to_string(),
                label: "here".into(),
                help: Some("see docs/catalog.md for the file format".into()),
            }));
            None
        }
    }
}

/// Id rules: well-formed, matching the file name for built-in files, defined once.
fn framework_findings(
    framework: &Framework,
    name: &str,
    text: &str,
    builtin: bool,
    first_file_of: &mut BTreeMap<String, String>,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let id_span = validate::key_span(text, "id").unwrap_or(0..0);
    if !validate::is_valid_id(&framework.id) {
        findings.push(Finding {
            span: id_span.clone(),
            message: format!("`{}` is not a valid framework id", framework.id),
            label: "invalid id".into(),
            help: Some("use lower-case letters, digits and `-`, starting with a letter".into()),
        });
    }
    if builtin {
        let stem = name.rsplit('/').next().unwrap_or(name).trim_end_matches(".toml");
        if stem != framework.id {
            findings.push(Finding {
                span: id_span.clone(),
                message: format!("id `{}` does not match the file name `{stem}.toml`", framework.id),
                label: "id".into(),
                help: None,
            });
        }
    }
    if let Some(first) = first_file_of.get(&framework.id) {
        findings.push(Finding {
            span: id_span,
            message: format!("framework `{}` is defined twice", framework.id),
            label: "second definition".into(),
            help: Some(format!("it is also defined in {first}; keep one file per framework")),
        });
    } else {
        first_file_of.insert(framework.id.clone(), name.to_string());
    }
    findings
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
        jiff::civil::date(2026, 11, 30)
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
        let contents = parse_all(&files, None, true, &BTreeMap::new()).unwrap();
        let validated = assemble(Catalog::empty(content_hash(&files)), contents);
        assert_eq!(fast, validated);
        assert_eq!(fast.version, BUILTIN_VERSION);
    }

    #[test]
    fn builtin_files_pass_the_full_check_including_dates() {
        check_files(&Catalog::builtin_files(), today()).unwrap();
    }

    #[test]
    fn unknown_key_is_reported_with_its_file() {
        let mut text = BUILTIN_FILES
            .iter()
            .find(|(n, _, _)| *n == "catalog/frameworks/axum.toml")
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
        let text = BUILTIN_FILES
            .iter()
            .find(|(n, _, _)| *n == "catalog/frameworks/axum.toml")
            .unwrap()
            .1;
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
            .find(|(n, _, _)| *n == "catalog/frameworks/axum.toml")
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
            .find(|(n, _, _)| *n == "catalog/frameworks/axum.toml")
            .unwrap()
            .1
            .to_string();
        let error = check_files(&[("a.toml".into(), axum.clone()), ("b.toml".into(), axum)], today()).unwrap_err();
        assert!(error.problems.iter().any(|p| p.message.contains("defined twice")));
    }

    const OVERLAY: &str = r#"
[overlay]
importer = "web-frameworks"
source = "https://example.org/wf"
as_of = "2026-02-11"

[[overlay.inputs]]
file = "data.json"
sha256 = "00"

[[frameworks.gin.load_test]]
entry = "gin"
version = "1.11"
concurrency = 512
rps = 1234.5
latency_p50_ms = 1.0
latency_p90_ms = 2.0
latency_p99_ms = 3.0
errors = 0
source = "https://example.org/wf/data.json"
as_of = "2026-02-11"
"#;

    #[test]
    fn an_overlay_replaces_the_kind_of_evidence_it_carries() {
        let before = Catalog::builtin().unwrap();
        let catalog = before
            .clone()
            .with_extra_files(&[("wf.toml".into(), OVERLAY.into())], today())
            .unwrap();
        let gin = &catalog.frameworks["gin"];
        assert_eq!(gin.load_test.len(), 1, "the built-in load tests are replaced");
        assert_eq!(gin.load_test[0].rps, 1234.5);
        assert_eq!(
            gin.throughput, before.frameworks["gin"].throughput,
            "other kinds are kept"
        );
        assert_eq!(catalog.origins["gin"], Origin::Builtin);
        assert_ne!(catalog.version, before.version);
    }

    #[test]
    fn an_overlay_for_an_unknown_framework_is_refused_at_its_place() {
        let text = OVERLAY.replace("frameworks.gin.", "frameworks.ginn.");
        let error = check_files(&[("wf.toml".into(), text.clone())], today()).unwrap_err();
        let problem = &error.problems[0];
        assert!(
            problem.message.contains("`ginn`, which is not a catalog framework"),
            "{}",
            problem.message
        );
        assert!(
            text[problem.span.clone()].contains("[[frameworks.ginn.load_test]]"),
            "{:?}",
            problem.span
        );
        let undated = OVERLAY.replace("as_of = \"2026-02-11\"\n\n[[overlay.inputs]]", "\n[[overlay.inputs]]");
        assert!(
            check_files(&[("wf.toml".into(), undated)], today()).is_err(),
            "the header is a fact too"
        );
    }

    #[test]
    fn a_languages_file_sets_language_facts() {
        let text = "[[languages]]\nlanguage = \"go\"\nsurvey_usage_pct = { value = 17.4, source = \"https://survey.stackoverflow.co/2025/technology\", as_of = \"2025-07-29\" }\n";
        let catalog = Catalog::builtin()
            .unwrap()
            .with_extra_files(&[("langs.toml".into(), text.into())], today())
            .unwrap();
        let go = &catalog.languages[&tradeoff_lang::vocab::Language::Go];
        assert_eq!(go.survey_usage_pct.as_ref().unwrap().value, 17.4);
        let bad = text.replace("17.4", "\"many\"");
        assert!(check_files(&[("langs.toml".into(), bad)], today()).is_err());
    }

    #[test]
    fn the_builtin_catalog_has_languages_and_generated_evidence() {
        let catalog = Catalog::builtin().unwrap();
        assert_eq!(catalog.languages.len(), 13);
        assert!(catalog.frameworks["fasthttp"]
            .load_test
            .iter()
            .any(|l| l.concurrency == 512));
        assert!(catalog.frameworks["chi"].github.iter().all(|g| g.stars_below.is_some()));
    }
}
