//! The catalog's data model: frameworks described by facts, each fact with its source and date.
//!
//! Catalog files (TOML, one per framework) deserialize straight into these types; the loader
//! adds validation that serde cannot express (dates, non-empty sources, duplicate ids).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use tradeoff_lang::vocab::{Feature, Language, LicenseClass, Style, Tier};

/// One sourced fact. A fact that cannot be sourced is absent, never guessed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Fact<T> {
    pub value: T,
    /// URL or document the value was read from.
    pub source: String,
    /// Date (YYYY-MM-DD) the value was true / read.
    pub as_of: String,
    /// Optional qualification, e.g. "official first-party package django-ninja is not counted".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// How a framework provides one feature, with the page that says so. `tier = "none"` needs a
/// page that says the framework does not provide it; where no page says either, the feature is
/// left out (unknown).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FeatureFact {
    pub tier: Tier,
    /// The package that provides it, when it is not the framework's core package.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub package: Option<String>,
    /// The version that introduced it, where the page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<String>,
    /// On by default (true) or opt-in (false), where the page says.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<bool>,
    pub source: String,
    pub as_of: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// What a framework is, in its own documentation's words: a routing core, a framework with the
/// pieces of an application integrated, or an umbrella of modules to assemble.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Scope {
    Micro,
    FullStack,
    Platform,
}

/// TechEmpower's classification of a framework entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TfbClassification {
    Fullstack,
    Micro,
    Platform,
}

/// TechEmpower's ORM classification of a framework's main entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum OrmClass {
    Full,
    Micro,
    Raw,
}

/// How a framework serves many requests at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ConcurrencyModel {
    /// One OS thread (or process) per request, blocking I/O.
    Threads,
    /// Single-threaded event loop with callbacks/promises (Node.js, Tornado).
    EventLoop,
    /// async/await on a multi-threaded runtime (Tokio, .NET, asyncio+uvicorn workers).
    AsyncRuntime,
    /// Go's goroutines on a work-stealing scheduler.
    Goroutines,
    /// Erlang VM lightweight processes.
    BeamProcesses,
    /// JVM virtual threads (Loom) or a reactive event loop on the JVM.
    VirtualThreads,
    /// Reactive/non-blocking event loops on the JVM (Netty, Vert.x).
    Reactive,
}

/// A TechEmpower test type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TfbTest {
    Json,
    Plaintext,
    /// Single query.
    Db,
    /// Multiple queries (20 per request).
    Query,
    Fortune,
    /// Updates (20 per request).
    Update,
}

/// One measured throughput figure, with the benchmark run it came from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Throughput {
    pub test: TfbTest,
    /// Successful requests per second, best over concurrency levels.
    pub rps: u64,
    /// TechEmpower round (22, 23). Figures from different rounds are not comparable.
    pub round: u32,
    /// Hardware the round ran on, e.g. "Citrine: Xeon Gold 6330, 40 GbE".
    pub hardware: String,
    /// The TechEmpower entry measured (e.g. "axum-pg"), since a framework has several.
    pub entry: String,
    pub source: String,
    pub as_of: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The figure comes from a benchmark's final round: no newer figure can ever exist, so its
    /// age is stated once in the record instead of being flagged as stale on every fact.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub frozen: bool,
}

/// One figure of the-benchmarker/web-frameworks: `wrk` against `GET /`, `GET /user/:id` and
/// `POST /user` (routing and HTTP overhead, no database) at one connection count.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoadTest {
    /// The benchmark's entry (e.g. "phoenix_bandit"): a framework can have several setups.
    pub entry: String,
    /// The framework version as benchmarked.
    pub version: String,
    /// Concurrent connections (64, 256 or 512).
    pub concurrency: u32,
    /// Requests per second over the run.
    pub rps: f64,
    pub latency_p50_ms: f64,
    pub latency_p90_ms: f64,
    pub latency_p99_ms: f64,
    /// HTTP and socket errors during the run.
    pub errors: u64,
    pub source: String,
    pub as_of: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One dated snapshot of a framework's repository in a GitHub ranking (the top 100 repositories
/// per language by stars). A repository absent from its list that day had fewer stars than the
/// list's last entry: `stars_below` records that upper bound instead of a value.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RepoSnapshot {
    /// `owner/name`.
    pub repo: String,
    /// The ranking list searched (GitHub's language name, e.g. "Go", "CSharp").
    pub list: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stars_below: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub forks: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_issues: Option<u64>,
    /// Time of the last commit (RFC 3339) as the ranking recorded it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_commit: Option<String>,
    pub source: String,
    /// The snapshot's date.
    pub as_of: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// One framework as the catalog describes it. Optional facts are unknown when absent.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Framework {
    /// Stable lower-case id used in specs (`exclude tornado`).
    pub id: String,
    /// Display name ("Ruby on Rails").
    pub name: String,
    pub language: Fact<Language>,
    /// SPDX license identifier.
    pub license: Fact<String>,
    pub license_class: Fact<LicenseClass>,
    pub repository: Fact<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub first_release: Option<Fact<i32>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_version: Option<Fact<String>>,
    /// Date (YYYY-MM-DD) of the latest release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub latest_release_date: Option<Fact<String>>,
    /// Convention-over-configuration (Rails, Django) vs configuration (Flask, Gin) vs balanced.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub style: Option<Fact<Style>>,
    /// Micro, full-stack or platform, as the framework's documentation describes it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<Fact<Scope>>,
    /// TechEmpower's classification of the benchmark entry (describes the entry, not the
    /// framework: kept for reference, not scored).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tfb_classification: Option<Fact<TfbClassification>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tfb_orm: Option<Fact<OrmClass>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub concurrency_model: Option<Fact<ConcurrencyModel>>,
    /// How each feature is provided; a feature not listed is unknown.
    #[serde(default)]
    pub features: BTreeMap<Feature, FeatureFact>,
    /// Share of respondents using it, in percent (Stack Overflow Developer Survey, web frameworks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_usage_pct: Option<Fact<f64>>,
    /// For a framework the survey's table does not list: the table's smallest share, an upper
    /// bound on its own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_usage_below: Option<Fact<f64>>,
    /// Free-text release / long-term-support policy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release_policy: Option<Fact<String>>,
    /// Whether the project publishes a long-term-support line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lts: Option<Fact<bool>>,
    /// URL of the project's security policy / advisory process, if it has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub security_policy: Option<Fact<String>>,
    #[serde(default)]
    pub throughput: Vec<Throughput>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub load_test: Vec<LoadTest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub github: Vec<RepoSnapshot>,
}

/// Measured evidence about one framework, as an overlay carries it. Each kind an overlay
/// carries replaces that kind for the framework: a newer import supersedes the older one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Evidence {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub throughput: Vec<Throughput>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub load_test: Vec<LoadTest>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub github: Vec<RepoSnapshot>,
}

/// Where an overlay's facts were imported from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlayHeader {
    /// The importer that wrote it (`techempower`, `web-frameworks`, `github-ranking`).
    pub importer: String,
    /// The input files as named when imported, with their SHA-256.
    pub inputs: Vec<OverlayInput>,
    /// Where the inputs are published.
    pub source: String,
    /// Date of the newest input.
    pub as_of: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OverlayInput {
    pub file: String,
    pub sha256: String,
}

/// A catalog overlay: evidence for existing frameworks, written by `tradeoff catalog import`
/// and included like any catalog file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Overlay {
    pub overlay: OverlayHeader,
    #[serde(default)]
    pub frameworks: std::collections::BTreeMap<String, Evidence>,
}

impl Framework {
    /// Replaces each kind of evidence the overlay carries.
    pub fn apply(&mut self, evidence: Evidence) {
        if !evidence.throughput.is_empty() {
            self.throughput = evidence.throughput;
        }
        if !evidence.load_test.is_empty() {
            self.load_test = evidence.load_test;
        }
        if !evidence.github.is_empty() {
            self.github = evidence.github;
        }
    }
}

/// Facts about a language as a whole (hiring pool), shared by its frameworks.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LanguageFacts {
    pub language: Language,
    /// Share of professional developers using it, in percent (Stack Overflow Developer Survey).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub survey_usage_pct: Option<Fact<f64>>,
}

/// Where a framework definition came from: built in, or a user file that added or overrode it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Origin {
    Builtin,
    /// Added by a user catalog file (a framework the built-in catalog does not have).
    Added {
        file: String,
    },
    /// Replaced a built-in framework's definition.
    Overridden {
        file: String,
    },
}

/// The catalog scoring runs against.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Content hash (first 12 hex digits of SHA-256 over all loaded files, in id order), so
    /// records can say exactly which facts they were computed from.
    pub version: String,
    pub frameworks: BTreeMap<String, Framework>,
    pub languages: BTreeMap<Language, LanguageFacts>,
    pub origins: BTreeMap<String, Origin>,
}
