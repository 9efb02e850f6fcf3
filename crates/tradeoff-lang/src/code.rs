//! The kinds of problem a spec can have: one enum, one list, each with a stable kebab-case name
//! (shown as `tradeoff::NAME` and used as SARIF rule ids) and a one-line description.

use std::fmt;

macro_rules! codes {
    ($($variant:ident => $name:literal, $description:literal;)+) => {
        /// What kind of mistake a [`Problem`](crate::Problem) is.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)+
        }

        impl Code {
            /// Every code, in declaration order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)+];

            /// The stable machine-readable name, e.g. `unknown-criterion`.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => $name,)+
                }
            }

            /// What this kind of problem means, in one sentence.
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => $description,)+
                }
            }
        }
    };
}

codes! {
    TooLarge => "too-large", "The spec file is larger than the language accepts.";
    Syntax => "syntax", "The text does not follow the spec grammar.";
    BadEscape => "bad-escape", "A string contains an unknown escape sequence.";
    NotABlock => "not-a-block", "A setting is written as a block.";
    NotAStatement => "not-a-statement", "A block is written as a setting.";
    UnknownKey => "unknown-key", "A block or setting name is not part of the language.";
    Duplicate => "duplicate", "Something is given twice where only one is allowed.";
    MissingValue => "missing-value", "A setting has no value.";
    WrongType => "wrong-type", "A value has the wrong type (word, number, list, string).";
    UnexpectedValue => "unexpected-value", "A setting holds more or other values than it accepts.";
    BadId => "bad-id", "The decision id is not a valid identifier.";
    MissingTitle => "missing-title", "The decision has no title.";
    BadDate => "bad-date", "A date is not a valid calendar date (YYYY-MM-DD).";
    BadNumber => "bad-number", "A number cannot be read.";
    OutOfRange => "out-of-range", "A number is outside the range the setting accepts.";
    MissingApp => "missing-app", "The decision has no `app` block describing the application.";
    MissingKind => "missing-kind", "The `app` block does not say what kind of application it is.";
    BadLoad => "bad-load", "A load figure (requests, users, data) cannot be read.";
    UnknownCriterion => "unknown-criterion", "A criterion name is not one the scoring knows.";
    UnknownFeature => "unknown-feature", "A feature name is not one the catalog knows.";
    UnknownTier => "unknown-tier", "A feature requirement names a tier other than `builtin`, `standard` or `any`.";
    UnknownLanguage => "unknown-language", "A programming language name is not one the catalog knows.";
    UnknownLicenseClass => "unknown-license-class", "A license class is not one the language knows.";
    UnknownLevel => "unknown-level", "A skill or priority level is not one the language knows.";
    UnknownName => "unknown-name", "A name is not one of the words this setting accepts.";
    UnknownFramework => "unknown-framework", "A framework is not in the catalog (built-in or included).";
    BadRequirement => "bad-requirement", "A hard requirement cannot be read.";
    Unsupported => "unsupported", "The construct is valid syntax but not supported.";
    Contradiction => "contradiction", "Two requirements contradict each other.";
    EmptyCandidates => "empty-candidates", "The candidate list names no framework.";
    MissingReason => "missing-reason", "An exclusion gives no reason.";
    MissingPriorities => "missing-priorities", "The decision states no priorities (`weigh` or `compare`).";
    ConflictingWeights => "conflicting-weights", "Both `weigh` and `compare` are given.";
    ZeroWeights => "zero-weights", "Every criterion is weighed zero.";
    MissingPrefer => "missing-prefer", "A criterion is weighed that needs a preference the spec does not state.";
    BadJudgment => "bad-judgment", "A pairwise comparison cannot be read.";
    PairwiseRange => "pairwise-range", "A pairwise judgment is outside the AHP scale (1/9 to 9).";
    SelfComparison => "self-comparison", "A criterion is compared with itself.";
    BadInclude => "bad-include", "A catalog include is absolute, leaves the project, or cannot be read.";
    DuplicateDecision => "duplicate-decision", "Another spec of the project decides the same decision id.";
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.name() == *other
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_kebab_case_and_descriptions_are_sentences() {
        let mut names: Vec<&str> = Code::ALL.iter().map(|c| c.name()).collect();
        for name in &names {
            assert!(name.chars().all(|c| c.is_ascii_lowercase() || c == '-'), "{name}");
        }
        for code in Code::ALL {
            assert!(code.description().ends_with('.'), "{code}");
        }
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), Code::ALL.len());
    }
}
