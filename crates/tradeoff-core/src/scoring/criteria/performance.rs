//! performance: TechEmpower throughput for the tests that resemble the plan's workload,
//! log-scaled across the candidates. Only Round 23 figures are compared: Round 22 ran on
//! different hardware, so mixing rounds would rank machines, not frameworks.

use tradeoff_lang::vocab::Workload;

use super::{whole, Inputs, LogRange, NEUTRAL};
use crate::catalog::model::{Framework, TfbTest, Throughput};
use crate::evaluation::{ScoreCell, Warning};
use crate::scoring::context::Context;
use crate::scoring::names;

/// The only round whose figures are compared with each other.
pub(crate) const ROUND: u32 = 23;

/// One wanted measurement: the first test in the list that has a figure is used
/// (db-heavy prefers fortune, which includes templating, and falls back to the single query).
type Slot = &'static [TfbTest];

const MIXED: [Slot; 4] = [&[TfbTest::Json], &[TfbTest::Db], &[TfbTest::Query], &[TfbTest::Fortune]];

/// The tests standing in for the plan's workload; an empty workload is treated as mixed.
pub(crate) fn slots(workload: &[Workload]) -> Vec<Slot> {
    if workload.is_empty() || workload.contains(&Workload::Mixed) {
        return MIXED.to_vec();
    }
    let mut slots: Vec<Slot> = Vec::new();
    for shape in workload {
        let slot: Slot = match shape {
            Workload::CpuBound => &[TfbTest::Json],
            Workload::IoBound => &[TfbTest::Db],
            Workload::DbHeavy => &[TfbTest::Fortune, TfbTest::Db],
            Workload::ManySmallQueries => &[TfbTest::Query],
            Workload::Mixed => continue,
        };
        if !slots.contains(&slot) {
            slots.push(slot);
        }
    }
    slots
}

/// What one framework's throughput facts say about the wanted slots.
struct Reading<'a> {
    /// The Round 23 figure used per known slot.
    used: Vec<&'a Throughput>,
    /// Wanted slots without a Round 23 figure, as "throughput.fortune (or db)".
    missing: Vec<String>,
    /// Figures for the wanted tests from other rounds: cited, never scored.
    other_rounds: Vec<&'a Throughput>,
    /// Geometric mean of the used figures' rps.
    value: Option<f64>,
}

impl<'a> Reading<'a> {
    fn new(framework: &'a Framework, slots: &[Slot]) -> Self {
        let mut used = Vec::new();
        let mut missing = Vec::new();
        for slot in slots {
            match slot.iter().find_map(|test| best(framework, *test)) {
                Some(figure) => used.push(figure),
                None => missing.push(slot_name(slot)),
            }
        }
        let wanted = |t: &&Throughput| slots.iter().any(|slot| slot.contains(&t.test));
        let other_rounds = framework
            .throughput
            .iter()
            .filter(|t| t.round != ROUND)
            .filter(wanted)
            .collect();
        // Geometric mean: each test counts by its ratio, so the test with the biggest absolute
        // numbers (json) does not drown the database tests.
        let value = (!used.is_empty())
            .then(|| (used.iter().map(|t| (t.rps.max(1) as f64).ln()).sum::<f64>() / used.len() as f64).exp());
        Reading {
            used,
            missing,
            other_rounds,
            value,
        }
    }
}

/// The highest Round 23 figure for a test; a framework can have several TechEmpower entries
/// (e.g. with different databases), and its best entry is what it can be made to do.
fn best(framework: &Framework, test: TfbTest) -> Option<&Throughput> {
    framework
        .throughput
        .iter()
        .filter(|t| t.round == ROUND && t.test == test)
        .max_by(|a, b| a.rps.cmp(&b.rps).then_with(|| b.entry.cmp(&a.entry)))
}

fn slot_name(slot: Slot) -> String {
    format!("throughput.{} (Round {ROUND})", slot_tests(slot))
}

/// "fortune/db" for a slot with a fallback.
fn slot_tests(slot: Slot) -> String {
    slot.iter().map(|t| names::tfb_test(*t)).collect::<Vec<_>>().join("/")
}

/// Readings for all candidates, scored on a log scale spanning the whole catalog's figures for
/// the same tests: a framework's performance score does not depend on which others survived
/// the filters, and the only benchmarked candidate is not the "fastest" by default.
pub(crate) struct Table<'a> {
    slots: Vec<Slot>,
    readings: Vec<Reading<'a>>,
    range: Option<LogRange>,
}

impl<'a> Table<'a> {
    pub(crate) fn new(ctx: &Context, survivors: &[&'a Framework]) -> Self {
        let slots = slots(&ctx.plan.app.workload);
        let readings: Vec<Reading> = survivors.iter().map(|f| Reading::new(f, &slots)).collect();
        let catalog_values: Vec<f64> = ctx
            .catalog
            .frameworks
            .values()
            .filter_map(|f| Reading::new(f, &slots).value)
            .collect();
        let range = LogRange::of(
            catalog_values
                .into_iter()
                .chain(readings.iter().filter_map(|r| r.value)),
        );
        Table { slots, readings, range }
    }

    /// The scaled score of survivor `i`, if it has any Round 23 figure.
    pub(crate) fn score(&self, i: usize) -> Option<f64> {
        let value = self.readings.get(i)?.value?;
        self.range.map(|range| range.score(value))
    }

    pub(crate) fn cell(&self, ctx: &Context, i: usize, framework: &Framework) -> ScoreCell {
        let Some(reading) = self.readings.get(i) else {
            return Inputs::default().cell(NEUTRAL, format!("{} was not measured.", framework.name));
        };
        let mut inputs = Inputs::default();
        for figure in &reading.used {
            inputs.known(ctx.staleness.cite_throughput(&framework.id, figure, None));
        }
        for name in &reading.missing {
            inputs.absent(name.clone());
        }
        for figure in &reading.other_rounds {
            let comment = format!(
                "not scored: Round {} ran on different hardware than Round {ROUND}",
                figure.round
            );
            inputs.cite(ctx.staleness.cite_throughput(&framework.id, figure, Some(&comment)));
        }
        let workload = workload_name(&ctx.plan.app.workload);
        let (score, explanation) = match (reading.value, self.range) {
            (Some(value), Some(range)) => {
                let score = range.score(value);
                let measured = if let [figure] = reading.used.as_slice() {
                    format!(
                        "{} rps on the Round {ROUND} {} test",
                        whole(value),
                        names::tfb_test(figure.test)
                    )
                } else {
                    let tests: Vec<String> = reading
                        .used
                        .iter()
                        .map(|t| names::tfb_test(t.test).to_string())
                        .collect();
                    format!(
                        "a geometric mean of {} rps over the Round {ROUND} {} tests",
                        whole(value),
                        names::list(&tests)
                    )
                };
                let scale = if range.is_flat() {
                    "the only such figure in the catalog, so it scores 1.00".to_string()
                } else {
                    format!(
                        "scoring {score:.2} on a log scale from {} rps (slowest in the catalog, 0.1) to {} rps \
                         (fastest in the catalog, 1.0)",
                        whole(range.min_value()),
                        whole(range.max_value())
                    )
                };
                let gaps = if reading.missing.is_empty() {
                    String::new()
                } else {
                    format!("; it lacks {}", names::list(&reading.missing))
                };
                (
                    score,
                    format!(
                        "For a {workload} workload {} reaches {measured}, {scale}{gaps}.",
                        framework.name
                    ),
                )
            }
            _ => {
                let other = if reading.other_rounds.is_empty() {
                    String::new()
                } else {
                    " (figures from other rounds are cited but not comparable)".to_string()
                };
                let wanted: Vec<String> = self.slots.iter().map(|s| slot_tests(s)).collect();
                (
                    NEUTRAL,
                    format!(
                        "{} has no Round {ROUND} {} figure for a {workload} workload, so performance scores a neutral \
                         0.5{other}.",
                        framework.name,
                        wanted.join(" or ")
                    ),
                )
            }
        };
        inputs.cell(score, explanation)
    }

    /// "benchmark-partial" when some, but not all, candidates have a comparable figure: those
    /// without one sit at the neutral 0.5, which may flatter or penalise them. "benchmark-missing"
    /// when none has one: performance is weighed but cannot separate the options at all.
    pub(crate) fn partial_warning(&self) -> Option<Warning> {
        let total = self.readings.len();
        let without = self.readings.iter().filter(|r| r.value.is_none()).count();
        if total > 0 && without == total {
            return Some(Warning {
                code: "benchmark-missing".into(),
                message: format!(
                    "none of the {total} candidates has a Round {ROUND} throughput figure for the tests this workload \
                     uses; performance scores a neutral 0.5 for all of them and does not separate the options"
                ),
            });
        }
        (without > 0 && without < total).then(|| Warning {
            code: "benchmark-partial".into(),
            message: format!(
                "{without} of {total} candidates have no Round {ROUND} throughput figure for the tests this workload \
                 uses; their performance scores a neutral 0.5"
            ),
        })
    }
}

fn workload_name(workload: &[Workload]) -> String {
    if workload.is_empty() {
        return "mixed (unspecified)".into();
    }
    workload.iter().map(|w| w.name()).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
    use tradeoff_lang::vocab::{Criterion, Language};

    use super::*;
    use crate::scoring::facts::Staleness;
    use crate::scoring::testing::{catalog, framework, plan};

    fn figure(test: TfbTest, rps: u64, round: u32) -> Throughput {
        Throughput {
            test,
            rps,
            round,
            hardware: "test rig".into(),
            entry: "entry".into(),
            source: "https://www.techempower.com".into(),
            as_of: "2025-03-17".into(),
            note: None,
            frozen: false,
        }
    }

    fn table_cells(workload: Vec<Workload>, frameworks: Vec<Framework>) -> (Vec<ScoreCell>, Option<Warning>) {
        let cat = catalog(frameworks);
        let mut plan = plan(&[(Criterion::Performance, 1.0)]);
        plan.app.workload = workload;
        let ctx = Context {
            plan: &plan,
            catalog: &cat,
            staleness: Staleness::new(None, 18),
            reference: None,
        };
        let survivors: Vec<&Framework> = cat.frameworks.values().collect();
        let table = Table::new(&ctx, &survivors);
        let cells = survivors
            .iter()
            .enumerate()
            .map(|(i, f)| table.cell(&ctx, i, f))
            .collect();
        (cells, table.partial_warning())
    }

    #[test]
    fn workload_picks_the_tests() {
        assert_eq!(slots(&[]), MIXED.to_vec());
        assert_eq!(slots(&[Workload::CpuBound, Workload::Mixed]), MIXED.to_vec());
        assert_eq!(slots(&[Workload::DbHeavy]), vec![&[TfbTest::Fortune, TfbTest::Db][..]]);
        assert_eq!(
            slots(&[Workload::IoBound, Workload::ManySmallQueries]),
            vec![&[TfbTest::Db][..], &[TfbTest::Query]]
        );
    }

    #[test]
    fn scores_are_log_scaled_across_candidates() {
        let mut fast = framework("fast", Language::Rust);
        fast.throughput = vec![figure(TfbTest::Json, 1_000_000, 23)];
        let mut mid = framework("mid", Language::Go);
        mid.throughput = vec![figure(TfbTest::Json, 100_000, 23)];
        let mut slow = framework("slow", Language::Python);
        slow.throughput = vec![figure(TfbTest::Json, 10_000, 23)];
        let (cells, warning) = table_cells(vec![Workload::CpuBound], vec![fast, mid, slow]);
        let scores: Vec<f64> = cells.iter().map(|c| c.score).collect();
        assert!((scores[0] - 1.0).abs() < 1e-12);
        assert!((scores[1] - 0.55).abs() < 1e-12);
        assert!((scores[2] - 0.1).abs() < 1e-12);
        assert!(
            cells[1].explanation.contains("100,000 rps on the Round 23 json test"),
            "{}",
            cells[1].explanation
        );
        assert!(
            cells[1].explanation.contains("from 10,000 rps"),
            "{}",
            cells[1].explanation
        );
        assert_eq!(cells[1].confidence, 1.0);
        assert!(warning.is_none());
    }

    #[test]
    fn db_heavy_falls_back_from_fortune_to_db() {
        let mut a = framework("a", Language::Rust);
        a.throughput = vec![figure(TfbTest::Db, 50_000, 23), figure(TfbTest::Json, 900_000, 23)];
        let (cells, _) = table_cells(vec![Workload::DbHeavy], vec![a]);
        assert_eq!(cells[0].facts.len(), 1);
        assert_eq!(cells[0].facts[0].key, "throughput.db");
        assert_eq!(cells[0].score, 1.0, "a single known value scores 1.0");
    }

    #[test]
    fn round_22_is_cited_but_not_scored() {
        let mut old = framework("old", Language::Go);
        old.throughput = vec![figure(TfbTest::Json, 5_000_000, 22)];
        let mut new = framework("new", Language::Rust);
        new.throughput = vec![figure(TfbTest::Json, 10_000, 23)];
        let (cells, warning) = table_cells(vec![Workload::CpuBound], vec![new, old]);
        let old_cell = &cells[1];
        assert_eq!(old_cell.score, NEUTRAL);
        assert_eq!(old_cell.confidence, 0.0);
        assert_eq!(old_cell.facts.len(), 1);
        assert!(
            old_cell.facts[0].value.contains("not scored"),
            "{}",
            old_cell.facts[0].value
        );
        assert_eq!(old_cell.missing, ["throughput.json (Round 23)"]);
        assert!(
            old_cell.explanation.contains("not comparable"),
            "{}",
            old_cell.explanation
        );
        let warning = warning.expect("one of two candidates lacks a figure");
        assert_eq!(warning.code, "benchmark-partial");
        assert!(warning.message.starts_with("1 of 2 candidates"), "{}", warning.message);
    }

    #[test]
    fn no_comparable_figure_at_all_is_its_own_warning() {
        let mut old = framework("old", Language::Go);
        old.throughput = vec![figure(TfbTest::Json, 5_000_000, 22)];
        let (cells, warning) = table_cells(vec![Workload::CpuBound], vec![old, framework("bare", Language::Rust)]);
        assert!(cells.iter().all(|c| c.score == NEUTRAL && c.confidence == 0.0));
        let warning = warning.expect("performance cannot separate the options");
        assert_eq!(warning.code, "benchmark-missing");
        assert!(
            warning.message.starts_with("none of the 2 candidates"),
            "{}",
            warning.message
        );
        let (_, none) = table_cells(vec![Workload::CpuBound], Vec::new());
        assert!(none.is_none(), "no candidates, nothing to warn about");
    }

    #[test]
    fn mixed_uses_the_geometric_mean_and_counts_missing_tests() {
        let mut a = framework("a", Language::Rust);
        a.throughput = vec![figure(TfbTest::Json, 1_000_000, 23), figure(TfbTest::Db, 10_000, 23)];
        let mut b = framework("b", Language::Go);
        b.throughput = vec![figure(TfbTest::Json, 1_000, 23)];
        let (cells, _) = table_cells(Vec::new(), vec![a, b]);
        assert!(
            cells[0].explanation.contains("geometric mean of 100,000 rps"),
            "{}",
            cells[0].explanation
        );
        assert_eq!(cells[0].confidence, 0.5);
        assert_eq!(cells[1].confidence, 0.25);
        assert!((cells[0].score - 1.0).abs() < 1e-12);
        assert!((cells[1].score - 0.1).abs() < 1e-12);
    }

    #[test]
    fn the_best_entry_for_a_test_is_used() {
        let mut a = framework("a", Language::Rust);
        a.throughput = vec![figure(TfbTest::Json, 10, 23), figure(TfbTest::Json, 30, 23)];
        let (cells, _) = table_cells(vec![Workload::CpuBound], vec![a]);
        assert!(cells[0].facts[0].value.starts_with("30 rps"));
    }
}
