//! The evaluation plan: what a spec means, with every name resolved, ready for scoring.
//!
//! A `Plan` is plain data (serde) so it can be printed as JSON, diffed and consumed by other
//! tools. It holds no spans: those stay in the AST; the plan is the spec's meaning, not its text.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::vocab::{
    Acceptance, AppKind, Architecture, Criterion, Feature, Horizon, Language, LicenseClass, Method, SkillLevel, Status,
    Style, UnknownFeatures, Workload,
};

/// Version of the plan's JSON shape; bumped on any breaking change to these types.
pub const PLAN_FORMAT_VERSION: u32 = 2;

/// A compiled spec: one decision, with its candidate filter, weights and scoring rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Plan {
    pub format_version: u32,
    /// Decision id from `decision <id>`; used for record file names (`0001-<id>.md`).
    pub id: String,
    pub title: String,
    pub status: Status,
    /// ISO 8601 calendar date (`YYYY-MM-DD`) of the decision, if the spec gives one.
    pub date: Option<String>,
    pub deciders: Vec<String>,
    pub consulted: Vec<String>,
    pub informed: Vec<String>,
    /// Free text, with the common indentation of a multi-line string removed.
    pub context: String,
    pub app: AppProfile,
    pub team: Team,
    pub constraints: Constraints,
    pub weighting: Weighting,
    /// Convention-vs-configuration preference; `None` means no preference stated.
    pub prefer: Option<Style>,
    pub method: Method,
    /// How many surviving options the record discusses in detail (default 3).
    pub options: usize,
    /// Extra catalog files the spec loads, as written (relative to the spec's directory).
    pub catalog_includes: Vec<String>,
}

/// What is being built and under which load.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppProfile {
    pub kind: AppKind,
    pub load: Load,
    /// Dominant workload shapes; empty means unspecified (scoring treats it as `mixed`).
    pub workload: Vec<Workload>,
    /// Whether the app needs server push (websockets or similar).
    pub realtime: bool,
    pub architecture: Option<Architecture>,
    pub horizon: Option<Horizon>,
}

/// Expected load; absent figures are unknown, not zero.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Load {
    pub peak_rps: Option<u64>,
    pub concurrent_connections: Option<u64>,
}

/// The team that will build and run the system.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Team {
    pub size: Option<u32>,
    /// Skill per language.
    pub languages: BTreeMap<Language, SkillLevel>,
    /// Skill per framework id (resolved against the catalog).
    pub frameworks: BTreeMap<String, SkillLevel>,
}

/// Knock-out constraints: a framework failing any of them is eliminated, never scored.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Constraints {
    /// If set, only frameworks in these languages survive.
    pub languages_allowed: Option<BTreeSet<Language>>,
    pub languages_forbidden: BTreeSet<Language>,
    /// If set, only frameworks whose license is in one of these classes survive.
    pub license_classes: Option<BTreeSet<LicenseClass>>,
    /// Features a framework must provide, each with the tiers that satisfy it.
    pub required_features: BTreeMap<Feature, Acceptance>,
    /// What happens to a framework whose catalog entry does not record a required feature.
    #[serde(default)]
    pub unknown_features: UnknownFeatures,
    /// Frameworks ruled out by name, each with the team's reason.
    pub exclusions: Vec<Exclusion>,
    /// If set, only these framework ids are considered at all.
    pub candidates: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Exclusion {
    pub framework: String,
    pub reason: String,
}

/// How criterion weights were given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Weighting {
    /// Levels or numbers per criterion, already normalised: the values sum to 1.
    /// Criteria not mentioned have weight 0 and are not listed.
    Direct { weights: BTreeMap<Criterion, f64> },
    /// AHP pairwise judgments; the scoring engine derives the weights (principal eigenvector)
    /// and the consistency ratio. Criteria compared are exactly those appearing in judgments.
    Pairwise { judgments: Vec<Judgment> },
}

/// "`more` over `less` `intensity`": `more` is `intensity` times as important as `less`,
/// on Saaty's 1..9 scale (1/9..9 allowed; 1 means equal importance).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Judgment {
    pub more: Criterion,
    pub less: Criterion,
    pub intensity: f64,
}

/// The names a plan must be resolved against, supplied by whoever owns the catalog,
/// so the language crate does not depend on the catalog crate.
pub trait FrameworkNames {
    /// True if `id` names a known framework.
    fn contains(&self, id: &str) -> bool;
    /// All known framework ids, for "did you mean" suggestions.
    fn ids(&self) -> Vec<String>;
}

impl FrameworkNames for BTreeSet<String> {
    fn contains(&self, id: &str) -> bool {
        BTreeSet::contains(self, id)
    }
    fn ids(&self) -> Vec<String> {
        self.iter().cloned().collect()
    }
}

/// For callers resolving many names; `ids` is sorted so suggestions do not depend on hashing.
impl<S: std::hash::BuildHasher> FrameworkNames for std::collections::HashSet<String, S> {
    fn contains(&self, id: &str) -> bool {
        std::collections::HashSet::contains(self, id)
    }
    fn ids(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.iter().cloned().collect();
        ids.sort_unstable();
        ids
    }
}

impl Plan {
    /// A plan for an API weighed as given, with no date, context, team, constraints or style
    /// preference: the starting point for plans built in code (catalog coverage, tests,
    /// benchmarks) rather than compiled from a spec.
    pub fn with_weighting(id: &str, title: &str, weighting: Weighting) -> Plan {
        Plan {
            format_version: PLAN_FORMAT_VERSION,
            id: id.to_string(),
            title: title.to_string(),
            status: Status::Proposed,
            date: None,
            deciders: Vec::new(),
            consulted: Vec::new(),
            informed: Vec::new(),
            context: String::new(),
            app: AppProfile {
                kind: AppKind::Api,
                load: Load::default(),
                workload: Vec::new(),
                realtime: false,
                architecture: None,
                horizon: None,
            },
            team: Team::default(),
            constraints: Constraints::default(),
            weighting,
            prefer: None,
            method: Method::WeightedSum,
            options: 3,
            catalog_includes: Vec::new(),
        }
    }

    /// The criteria this plan weighs, in canonical order.
    pub fn weighted_criteria(&self) -> Vec<Criterion> {
        match &self.weighting {
            Weighting::Direct { weights } => weights.keys().copied().collect(),
            Weighting::Pairwise { judgments } => {
                let set: BTreeSet<Criterion> = judgments.iter().flat_map(|j| [j.more, j.less]).collect();
                set.into_iter().collect()
            }
        }
    }
}
