//! Importers: published benchmark results and rankings, in the formats their projects write,
//! turned into catalog overlays whose every fact cites the file it came from.
//!
//! An importer reads only the entries `catalog/sources/entries.toml` maps to catalog
//! frameworks, checks every field it uses (a malformed or hostile file is an [`ImportError`]
//! naming the file and field, never a partial overlay) and never guesses: a figure that is not
//! in the file is not in the overlay.

mod entries;
mod github_ranking;
mod techempower;
mod web_frameworks;

use std::fmt;

use sha2::{Digest, Sha256};

pub use entries::Entries;

use super::model::{Overlay, OverlayHeader, OverlayInput};

/// The formats `tradeoff catalog import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Importer {
    /// A TechEmpower Framework Benchmarks `results.json`.
    Techempower,
    /// The `data.json` of the-benchmarker/web-frameworks.
    WebFrameworks,
    /// `Data/github-ranking-YYYY-MM-DD.csv` files of EvanLi/Github-Ranking.
    GithubRanking,
}

impl Importer {
    pub const ALL: [Importer; 3] = [Importer::Techempower, Importer::WebFrameworks, Importer::GithubRanking];

    pub fn name(self) -> &'static str {
        match self {
            Importer::Techempower => "techempower",
            Importer::WebFrameworks => "web-frameworks",
            Importer::GithubRanking => "github-ranking",
        }
    }

    pub fn from_name(name: &str) -> Option<Importer> {
        Importer::ALL.into_iter().find(|i| i.name() == name)
    }
}

/// One input file: its name as given (for messages and citations) and its text.
#[derive(Debug, Clone)]
pub struct Input {
    pub name: String,
    pub text: String,
}

impl Input {
    /// The last path component: the file as it is published.
    fn file_name(&self) -> &str {
        self.name.rsplit(['/', '\\']).next().unwrap_or(&self.name)
    }
}

/// What the user says about the inputs that the files themselves do not.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// URL of the folder the files are published in; a fact cites `<source>/<file name>`.
    pub source: String,
    /// TechEmpower only: the round the results file belongs to.
    pub round: Option<u32>,
}

/// A problem with one input file, naming the field it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    pub file: String,
    /// Where in the file: a JSON path, a CSV line and column, or the file's name.
    pub field: String,
    pub message: String,
}

impl ImportError {
    pub(crate) fn new(file: &str, field: impl Into<String>, message: impl Into<String>) -> Self {
        ImportError {
            file: file.to_string(),
            field: field.into(),
            message: message.into(),
        }
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.field, self.message)
    }
}

impl std::error::Error for ImportError {}

impl miette::Diagnostic for ImportError {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new("tradeoff::import"))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(
            "the importers read the formats the projects publish; see docs/catalog.md#importers",
        ))
    }
}

/// Imports `inputs` into an overlay for the frameworks `entries` maps.
pub fn import(
    importer: Importer,
    inputs: &[Input],
    options: &Options,
    entries: &Entries,
) -> Result<Overlay, ImportError> {
    let Some(first) = inputs.first() else {
        return Err(ImportError::new("(none)", "input", "no input file given"));
    };
    let source = options.source.trim().trim_end_matches('/');
    if !(source.starts_with("https://") || source.starts_with("http://")) {
        return Err(ImportError::new(
            &first.name,
            "--source",
            format!("`{source}` is not a URL; give the public URL of the folder the file is published in"),
        ));
    }
    let (frameworks, as_of) = match importer {
        Importer::Techempower => {
            let [input] = inputs else {
                return Err(ImportError::new(
                    &first.name,
                    "input",
                    "the techempower importer reads one results.json",
                ));
            };
            techempower::import(input, source, options.round, entries)?
        }
        Importer::WebFrameworks => {
            let [input] = inputs else {
                return Err(ImportError::new(
                    &first.name,
                    "input",
                    "the web-frameworks importer reads one data.json",
                ));
            };
            web_frameworks::import(input, source, entries)?
        }
        Importer::GithubRanking => github_ranking::import(inputs, source, entries)?,
    };
    let mut files: Vec<OverlayInput> = inputs
        .iter()
        .map(|input| OverlayInput {
            file: input.file_name().to_string(),
            sha256: sha256_hex(input.text.as_bytes()),
        })
        .collect();
    files.sort_by(|a, b| a.file.cmp(&b.file));
    Ok(Overlay {
        overlay: OverlayHeader {
            importer: importer.name().to_string(),
            inputs: files,
            source: source.to_string(),
            as_of,
        },
        frameworks,
    })
}

/// The overlay as a catalog file, with a header saying how it was made.
pub fn render(overlay: &Overlay) -> Result<String, ImportError> {
    let body = toml::to_string(overlay).map_err(|e| {
        ImportError::new(
            &overlay.overlay.importer,
            "overlay",
            format!("cannot be written as TOML: {e}"),
        )
    })?;
    Ok(format!(
        "# Written by `tradeoff catalog import {}`: every figure below is read from the input files\n\
         # listed in [overlay]. Do not edit by hand; import the files again.\n\n{body}",
        overlay.overlay.importer
    ))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// `YYYY-MM-DD` of a Unix time in seconds, if it is a plausible benchmark date.
fn date_of_unix_seconds(seconds: f64) -> Option<String> {
    if !seconds.is_finite() || !(0.0..4_102_444_800.0).contains(&seconds) {
        return None;
    }
    let timestamp = jiff::Timestamp::from_second(seconds as i64).ok()?;
    Some(timestamp.to_zoned(jiff::tz::TimeZone::UTC).date().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn importer_names_round_trip() {
        for importer in Importer::ALL {
            assert_eq!(Importer::from_name(importer.name()), Some(importer));
        }
        assert_eq!(Importer::from_name("techempower-json"), None);
    }

    #[test]
    fn the_source_must_be_a_url() {
        let input = Input {
            name: "data.json".into(),
            text: "{}".into(),
        };
        let options = Options {
            source: "github".into(),
            round: None,
        };
        let error = import(Importer::WebFrameworks, &[input], &options, &Entries::builtin()).unwrap_err();
        assert_eq!(error.field, "--source");
    }

    #[test]
    fn unix_dates_are_bounded() {
        assert_eq!(date_of_unix_seconds(1_739_318_400.0).as_deref(), Some("2025-02-12"));
        assert_eq!(date_of_unix_seconds(f64::NAN), None);
        assert_eq!(date_of_unix_seconds(-1.0), None);
        assert_eq!(date_of_unix_seconds(1e300), None);
    }
}
