//! `weigh { ... }` (levels or numbers, normalised to sum 1) and `compare { ... }` (AHP
//! pairwise judgments on Saaty's 1/9..9 scale). A spec gives exactly one of the two.

use std::collections::BTreeMap;

use crate::ast::{Block, Span, Statement, Value, ValueKind};
use crate::diagnostic::{Code, Problem};
use crate::plan::{Judgment, Weighting};
use crate::vocab::{Criterion, PriorityLevel};

use super::values::Problems;

/// Saaty's scale bounds: a judgment stronger than "extremely more important" is meaningless.
const MAX_INTENSITY: f64 = 9.0;

pub fn weighting(
    problems: &mut Problems,
    weigh: Option<&Block>,
    compare: Option<&Block>,
    decision_close: Span,
    has_prefer: bool,
) -> Option<Weighting> {
    let weighting = match (weigh, compare) {
        (Some(weigh), Some(compare)) => {
            problems.push(
                Problem::new(
                    Code::ConflictingWeights,
                    compare.key.span,
                    "both `weigh` and `compare` are given",
                    "second way of weighting",
                )
                .with_note(weigh.key.span, "weights given here")
                .with_help("keep one: `weigh` for levels, `compare` for pairwise judgments"),
            );
            return None;
        }
        (Some(weigh), None) => direct(problems, weigh),
        (None, Some(compare)) => pairwise(problems, compare),
        (None, None) => {
            problems.push(
                Problem::new(
                    Code::MissingPriorities,
                    decision_close,
                    "the decision states no priorities",
                    "add a `weigh` block before this",
                )
                .with_help("weigh { performance high  productivity medium  security high }"),
            );
            return None;
        }
    };
    if let Some(w) = &weighting {
        let weighs_style = match w {
            Weighting::Direct { weights } => weights.contains_key(&Criterion::ConventionFit),
            Weighting::Pairwise { judgments } => judgments
                .iter()
                .any(|j| j.more == Criterion::ConventionFit || j.less == Criterion::ConventionFit),
        };
        if weighs_style && !has_prefer {
            let span = weigh.or(compare).map_or(decision_close, |b| b.key.span);
            problems.push(
                Problem::new(
                    Code::MissingPrefer,
                    span,
                    "`convention-fit` is weighed but no style is preferred",
                    "weighs convention-fit",
                )
                .with_help("add `prefer convention`, `prefer configuration` or `prefer balanced`"),
            );
        }
    }
    weighting
}

fn direct(problems: &mut Problems, block: &Block) -> Option<Weighting> {
    let criteria: Vec<&str> = Criterion::names().collect();
    let levels: Vec<&str> = PriorityLevel::names().collect();
    let mut raw: BTreeMap<Criterion, (f64, Span)> = BTreeMap::new();
    let before = problems.list.len();
    for statement in &block.statements {
        let key = &statement.key;
        let criterion_value = Value {
            kind: ValueKind::Word(key.value.clone()),
            span: key.span,
        };
        let Some(criterion) = problems.vocab(&criterion_value, "criterion", Criterion::parse, &criteria) else {
            continue;
        };
        let Some(value) = problems.single(statement, "a level or a number") else {
            continue;
        };
        let weight = match &value.kind {
            ValueKind::Word(_) => problems
                .vocab(value, "priority level", PriorityLevel::parse, &levels)
                .map(|l| l.raw_weight()),
            ValueKind::Number(_) => problems.number(value, "a level or a number"),
            other => {
                problems.push(super::type_mismatch(
                    value.span,
                    "a level (critical, high, medium, low, ignore) or a number",
                    other,
                ));
                None
            }
        };
        let Some(weight) = weight else { continue };
        if let Some((_, first)) = raw.get(&criterion) {
            problems.push(
                Problem::new(
                    Code::Duplicate,
                    key.span,
                    format!("`{criterion}` is weighed twice"),
                    "weighed again here",
                )
                .with_note(*first, "first weighed here"),
            );
            continue;
        }
        raw.insert(criterion, (weight, key.span));
    }
    if problems.list.len() > before {
        return None;
    }
    let total: f64 = raw.values().map(|(w, _)| w).sum();
    if !total.is_finite() {
        // Each weight is finite, but their sum overflowed: dividing by it would make every
        // weight zero and still name a winner.
        let largest = raw
            .values()
            .max_by(|a, b| a.0.total_cmp(&b.0))
            .map_or(block.key.span, |(_, span)| *span);
        problems.push(
            Problem::new(
                Code::OutOfRange,
                largest,
                "the weights add up to more than tradeoff can compute with",
                "this weight is too large",
            )
            .with_help("weights are relative: divide them all by the same number (e.g. use 1 to 100)"),
        );
        return None;
    }
    if total <= 0.0 {
        problems.push(
            Problem::new(
                Code::ZeroWeights,
                block.key.span,
                "all weights are zero",
                "nothing would be compared",
            )
            .with_help("give at least one criterion a level other than `ignore`"),
        );
        return None;
    }
    let weights = raw
        .into_iter()
        .filter(|(_, (w, _))| *w > 0.0)
        .map(|(c, (w, _))| (c, w / total))
        .collect();
    Some(Weighting::Direct { weights })
}

fn pairwise(problems: &mut Problems, block: &Block) -> Option<Weighting> {
    let before = problems.list.len();
    let mut judgments = Vec::new();
    let mut pairs: BTreeMap<(Criterion, Criterion), Span> = BTreeMap::new();
    for statement in &block.statements {
        let Some((judgment, span)) = judgment(problems, statement) else {
            continue;
        };
        let pair = if judgment.more < judgment.less {
            (judgment.more, judgment.less)
        } else {
            (judgment.less, judgment.more)
        };
        if let Some(first) = pairs.insert(pair, span) {
            problems.push(
                Problem::new(
                    Code::Duplicate,
                    span,
                    format!("`{}` and `{}` are compared twice", pair.0, pair.1),
                    "compared again here",
                )
                .with_note(first, "first compared here"),
            );
            continue;
        }
        judgments.push(judgment);
    }
    if problems.list.len() > before {
        return None;
    }
    if judgments.is_empty() {
        problems.push(
            Problem::new(
                Code::MissingPriorities,
                block.key.span,
                "`compare` holds no judgments",
                "empty",
            )
            .with_help("compare { performance over productivity 3 }"),
        );
        return None;
    }
    Some(Weighting::Pairwise { judgments })
}

/// `<criterion> over <criterion> <intensity>`
fn judgment(problems: &mut Problems, statement: &Statement) -> Option<(Judgment, Span)> {
    let criteria: Vec<&str> = Criterion::names().collect();
    let (less, intensity) = judgment_shape(problems, statement)?;
    let more_value = Value {
        kind: ValueKind::Word(statement.key.value.clone()),
        span: statement.key.span,
    };
    let more = problems.vocab(&more_value, "criterion", Criterion::parse, &criteria);
    let less_criterion = problems.vocab(less, "criterion", Criterion::parse, &criteria);
    let ratio = intensity_of(problems, intensity);
    let (more, less_criterion, ratio) = (more?, less_criterion?, ratio?);
    if !(1.0 / MAX_INTENSITY - 1e-9..=MAX_INTENSITY + 1e-9).contains(&ratio) {
        problems.push(
            Problem::new(
                Code::PairwiseRange,
                intensity.span,
                "pairwise judgments must lie between 1/9 and 9",
                "outside Saaty's scale",
            )
            .with_help("9 means extremely more important, 1 equally important, 1/9 extremely less important"),
        );
        return None;
    }
    if more == less_criterion {
        problems.push(Problem::new(
            Code::SelfComparison,
            statement.span,
            format!("`{more}` is compared with itself"),
            "same criterion on both sides",
        ));
        return None;
    }
    Some((
        Judgment {
            more,
            less: less_criterion,
            intensity: ratio,
        },
        statement.span,
    ))
}

/// The values after the first criterion: `over`, the second criterion and the intensity, which
/// are returned.
fn judgment_shape<'s>(problems: &mut Problems, statement: &'s Statement) -> Option<(&'s Value, &'s Value)> {
    let values: Vec<&Value> = statement.values().collect();
    let is_over = |v: &Value| matches!(&v.kind, ValueKind::Word(w) if w == "over");
    let [over, less, intensity] = values.as_slice() else {
        let missing_intensity = matches!(values.as_slice(), [over, _] if is_over(over));
        let problem = Problem::new(
            Code::BadJudgment,
            statement.span,
            "cannot read this pairwise judgment",
            if missing_intensity {
                "how much more important?"
            } else {
                "expected `<criterion> over <criterion> <1..9>`"
            },
        )
        .with_help("e.g. `performance over productivity 3` (3 = moderately more important; 1/3 for the reverse)");
        problems.push(problem);
        return None;
    };
    if !is_over(over) {
        problems.push(Problem::new(
            Code::BadJudgment,
            over.span,
            "expected `over`",
            "expected `over` here",
        ));
        return None;
    }
    Some((less, intensity))
}

/// A judgment's intensity as a number: a plain number or a fraction such as `1/3`.
fn intensity_of(problems: &mut Problems, intensity: &Value) -> Option<f64> {
    match &intensity.kind {
        ValueKind::Number(_) => problems.number(intensity, "an intensity"),
        ValueKind::Fraction(a, b) => match (a.parse::<f64>(), b.parse::<f64>()) {
            (Ok(a), Ok(b)) if b > 0.0 => Some(a / b),
            _ => {
                problems.push(Problem::new(
                    Code::PairwiseRange,
                    intensity.span,
                    "this fraction has no value",
                    "division by zero",
                ));
                None
            }
        },
        other => {
            problems.push(super::type_mismatch(
                intensity.span,
                "an intensity between 1/9 and 9",
                other,
            ));
            None
        }
    }
}
