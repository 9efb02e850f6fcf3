//! The closed vocabularies of the spec language: criteria, features, languages, levels.
//!
//! Each enum knows its spelling in specs (kebab-case) so that the parser, the formatter, the
//! catalog loader and "did you mean" suggestions all agree on one list of names.

use serde::{Deserialize, Serialize};

/// Declares a closed vocabulary: a kebab-case name per variant, `ALL`, `name()` and `parse()`.
macro_rules! vocabulary {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "kebab-case")]
        pub enum $name { $($(#[$vmeta])* $variant),+ }

        impl $name {
            /// Every member, in declaration order (which is also the display order in records).
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The spelling used in specs, catalog files and JSON.
            pub fn name(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// Parses the spec spelling; `None` for anything else (callers suggest a near name).
            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }

            /// All spellings, for "did you mean" suggestions and help text.
            pub fn names() -> impl Iterator<Item = &'static str> {
                Self::ALL.iter().map(|v| v.name())
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.name())
            }
        }
    };
}

vocabulary! {
    /// A quality a framework is scored on. Weights attach to criteria.
    Criterion {
        Performance => "performance",
        Concurrency => "concurrency",
        Productivity => "productivity",
        Community => "community",
        Security => "security",
        Scalability => "scalability",
        LearningCurve => "learning-curve",
        TeamFit => "team-fit",
        Hiring => "hiring",
        Maturity => "maturity",
        Flexibility => "flexibility",
        /// How well the framework's convention-vs-configuration style matches `prefer`.
        ConventionFit => "convention-fit",
    }
}

vocabulary! {
    /// A capability a framework may ship built in (or as an official first-party module).
    Feature {
        Orm => "orm",
        Migrations => "migrations",
        Auth => "auth",
        Admin => "admin",
        Csrf => "csrf",
        XssEscaping => "xss-escaping",
        Validation => "validation",
        Templating => "templating",
        Websockets => "websockets",
        BackgroundJobs => "background-jobs",
        DependencyInjection => "dependency-injection",
        Openapi => "openapi",
    }
}

vocabulary! {
    /// How a framework provides a feature, as the catalog records it: in its core package, a
    /// package of the same organisation, a separate project of the same authors, an established
    /// library of others, a paid product, or not at all (a page says so).
    Tier {
        Builtin => "builtin",
        Official => "official",
        Companion => "companion",
        ThirdParty => "third-party",
        Commercial => "commercial",
        None => "none",
    }
}

vocabulary! {
    /// Which tiers satisfy a `feature` requirement: `feature X builtin` only the core package,
    /// `feature X` (standard) also official and companion packages, `feature X any` also
    /// third-party and commercial ones.
    Acceptance {
        Builtin => "builtin",
        Standard => "standard",
        Any => "any",
    }
}

impl Acceptance {
    /// Whether a feature provided at `tier` meets the requirement.
    pub fn accepts(self, tier: Tier) -> bool {
        match tier {
            Tier::None => false,
            Tier::Builtin => true,
            Tier::Official | Tier::Companion => self != Acceptance::Builtin,
            Tier::ThirdParty | Tier::Commercial => self == Acceptance::Any,
        }
    }

    /// The tiers it accepts, for messages ("builtin, official or companion").
    pub fn accepted(self) -> &'static str {
        match self {
            Acceptance::Builtin => "builtin",
            Acceptance::Standard => "builtin, official or companion",
            Acceptance::Any => "builtin, official, companion, third-party or commercial",
        }
    }
}

vocabulary! {
    /// What a `feature` requirement does to a framework whose catalog entry does not record the
    /// feature: keep it (listed as unverified) or eliminate it.
    UnknownFeatures {
        Keep => "keep",
        Eliminate => "eliminate",
    }
}

impl Default for UnknownFeatures {
    /// An unverified feature does not eliminate: the catalog not knowing is not the framework
    /// lacking it, and the record says which requirements are unverified.
    fn default() -> Self {
        UnknownFeatures::Keep
    }
}

vocabulary! {
    /// A programming language frameworks are written for.
    Language {
        Python => "python",
        Ruby => "ruby",
        Php => "php",
        Java => "java",
        Kotlin => "kotlin",
        Scala => "scala",
        Javascript => "javascript",
        Typescript => "typescript",
        Go => "go",
        Rust => "rust",
        Elixir => "elixir",
        Csharp => "csharp",
        Swift => "swift",
    }
}

vocabulary! {
    /// Broad license families; the spec constrains the family, the catalog records the SPDX id.
    LicenseClass {
        Permissive => "permissive",
        WeakCopyleft => "weak-copyleft",
        Copyleft => "copyleft",
    }
}

vocabulary! {
    /// Decision status, as MADR uses it.
    Status {
        Proposed => "proposed",
        Accepted => "accepted",
        Rejected => "rejected",
        Deprecated => "deprecated",
        Superseded => "superseded",
    }
}

vocabulary! {
    /// What is being built.
    AppKind {
        Api => "api",
        FullstackWeb => "fullstack-web",
        Realtime => "realtime",
        Ecommerce => "ecommerce",
        SaasDashboard => "saas-dashboard",
        DataService => "data-service",
        Reservation => "reservation",
        ContentSite => "content-site",
    }
}

vocabulary! {
    /// The dominant shape of the work one request does.
    Workload {
        CpuBound => "cpu-bound",
        IoBound => "io-bound",
        DbHeavy => "db-heavy",
        ManySmallQueries => "many-small-queries",
        Mixed => "mixed",
    }
}

vocabulary! {
    /// Deployment architecture.
    Architecture {
        Monolith => "monolith",
        ModularMonolith => "modular-monolith",
        Microservices => "microservices",
        Serverless => "serverless",
    }
}

vocabulary! {
    /// How long the system is expected to live, which trades speed-to-market against maturity.
    Horizon {
        Mvp => "mvp",
        LongLived => "long-lived",
    }
}

vocabulary! {
    /// Team skill in a language or framework.
    SkillLevel {
        None => "none",
        Beginner => "beginner",
        Intermediate => "intermediate",
        Advanced => "advanced",
        Expert => "expert",
    }
}

vocabulary! {
    /// Named priority levels; each maps to a fixed raw weight before normalisation.
    PriorityLevel {
        Critical => "critical",
        High => "high",
        Medium => "medium",
        Low => "low",
        Ignore => "ignore",
    }
}

vocabulary! {
    /// Convention-over-configuration preference (`prefer ...`), and a framework's style.
    Style {
        Convention => "convention",
        Configuration => "configuration",
        Balanced => "balanced",
    }
}

vocabulary! {
    /// Aggregation method(s) to run.
    Method {
        WeightedSum => "weighted-sum",
        Topsis => "topsis",
        All => "all",
    }
}

impl PriorityLevel {
    /// Raw weight of a level; levels are ratios (critical counts 8x low), normalised later.
    pub fn raw_weight(self) -> f64 {
        match self {
            PriorityLevel::Critical => 8.0,
            PriorityLevel::High => 4.0,
            PriorityLevel::Medium => 2.0,
            PriorityLevel::Low => 1.0,
            PriorityLevel::Ignore => 0.0,
        }
    }
}

impl SkillLevel {
    /// Skill as a fraction of expert, used by the team-fit criterion.
    pub fn fraction(self) -> f64 {
        match self {
            SkillLevel::None => 0.0,
            SkillLevel::Beginner => 0.25,
            SkillLevel::Intermediate => 0.5,
            SkillLevel::Advanced => 0.75,
            SkillLevel::Expert => 1.0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_parse() {
        for c in Criterion::ALL {
            assert_eq!(Criterion::parse(c.name()), Some(*c));
        }
        for f in Feature::ALL {
            assert_eq!(Feature::parse(f.name()), Some(*f));
        }
        assert_eq!(Language::parse("cobol"), None);
    }

    #[test]
    fn serde_uses_the_spec_spelling() {
        let json = serde_json::to_string(&Criterion::LearningCurve).unwrap();
        assert_eq!(json, "\"learning-curve\"");
    }
}
