//! performance: measured throughput for the tests that resemble the plan's workload.
//!
//! Every benchmark is its own scale: a TechEmpower test is compared only with the same test of
//! the same round, and the-benchmarker/web-frameworks load test only with itself at the same
//! connection count; each is log-scaled across the whole catalog. The workload decides which
//! measurements count and how much; the score is their weighted mean.
//!
//! A measurement a framework lacks is not filled in from the ones it has (a database-free load
//! test says little about a database-heavy workload) and not given the benefit of the doubt: it
//! counts at the bottom of its scale, as the slowest measured framework, and the cell states the
//! range the score could reach once measured. Performance is what benchmarks exist for; a
//! framework nobody measured must not rank high on it.

use tradeoff_lang::vocab::Workload;

use super::{whole, Inputs, LogRange, NEUTRAL};
use crate::catalog::model::{Framework, LoadTest, TfbTest, Throughput};
use crate::evaluation::{FactRef, ScoreCell, Warning};
use crate::scoring::context::Context;
use crate::scoring::names;

/// The only TechEmpower round whose figures are compared with each other.
pub(crate) const ROUND: u32 = 23;

/// The connection count of the web-frameworks load test that is compared: the highest the
/// benchmark runs, where framework overhead and the concurrency model show most.
pub(crate) const LOAD_CONNECTIONS: u32 = 512;

/// The bottom of every log scale: the slowest measured framework of the catalog.
const LOWEST: f64 = 0.1;

/// Expected concurrent connections from which the load test counts as much as the workload's
/// main test: at a few hundred open connections, per-connection overhead decides capacity.
const MANY_CONNECTIONS: u64 = 256;

/// One measurement the score is built from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Measure {
    /// A TechEmpower Round 23 test (the first of the list that has a figure: db-heavy uses
    /// fortune, which includes templating, and falls back to the single query).
    Tfb(&'static [TfbTest]),
    /// the-benchmarker/web-frameworks at [`LOAD_CONNECTIONS`].
    Load,
}

/// A measurement and its weight for the workload.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Wanted {
    pub measure: Measure,
    pub weight: f64,
}

const fn tfb(tests: &'static [TfbTest], weight: f64) -> Wanted {
    Wanted {
        measure: Measure::Tfb(tests),
        weight,
    }
}

const fn load(weight: f64) -> Wanted {
    Wanted {
        measure: Measure::Load,
        weight,
    }
}

/// Weights per workload. The test that is the workload counts 2; tests that share part of its
/// path count 1; the database-free load test counts 1 for database workloads (framework
/// overhead is part of every request, but not most of a database-bound one) and 2 for io-bound
/// work, where overhead per request is what differs.
fn wanted_for(shape: Workload) -> &'static [Wanted] {
    const CPU: [Wanted; 2] = [tfb(&[TfbTest::Json], 2.0), load(1.0)];
    const IO: [Wanted; 3] = [tfb(&[TfbTest::Plaintext], 1.0), tfb(&[TfbTest::Json], 1.0), load(2.0)];
    const DB: [Wanted; 4] = [
        tfb(&[TfbTest::Fortune, TfbTest::Db], 2.0),
        tfb(&[TfbTest::Query], 1.0),
        tfb(&[TfbTest::Update], 1.0),
        load(1.0),
    ];
    const QUERIES: [Wanted; 3] = [tfb(&[TfbTest::Query], 2.0), tfb(&[TfbTest::Db], 1.0), load(1.0)];
    const MIXED: [Wanted; 5] = [
        tfb(&[TfbTest::Json], 1.0),
        tfb(&[TfbTest::Db], 1.0),
        tfb(&[TfbTest::Query], 1.0),
        tfb(&[TfbTest::Fortune], 1.0),
        load(1.0),
    ];
    match shape {
        Workload::CpuBound => &CPU,
        Workload::IoBound => &IO,
        Workload::DbHeavy => &DB,
        Workload::ManySmallQueries => &QUERIES,
        Workload::Mixed => &MIXED,
    }
}

/// The measurements for the plan: each workload's, merged (a measurement wanted by two counts
/// with the larger weight); many expected connections make the load test count 2.
pub(crate) fn wanted(workload: &[Workload], connections: Option<u64>) -> Vec<Wanted> {
    let shapes: Vec<Workload> = if workload.is_empty() {
        vec![Workload::Mixed]
    } else {
        workload.to_vec()
    };
    let mut merged: Vec<Wanted> = Vec::new();
    let mut add = |want: Wanted| match merged.iter_mut().find(|w| w.measure == want.measure) {
        Some(existing) => existing.weight = existing.weight.max(want.weight),
        None => merged.push(want),
    };
    for shape in shapes {
        wanted_for(shape).iter().copied().for_each(&mut add);
    }
    if connections.is_some_and(|c| c >= MANY_CONNECTIONS) {
        add(load(2.0));
    }
    merged
}

/// A framework's figure for one measurement.
#[derive(Clone, Copy)]
enum Figure<'a> {
    Tfb(&'a Throughput),
    Load(&'a LoadTest),
}

/// The scale a figure is compared on: one per TechEmpower test, one for the load test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum ScaleKey {
    Tfb(TfbTest),
    Load,
}

impl Figure<'_> {
    fn scale_key(&self) -> ScaleKey {
        match self {
            Figure::Tfb(t) => ScaleKey::Tfb(t.test),
            Figure::Load(_) => ScaleKey::Load,
        }
    }

    fn rps(&self) -> f64 {
        match self {
            Figure::Tfb(t) => t.rps as f64,
            Figure::Load(l) => l.rps,
        }
    }
}

fn figure<'a>(framework: &'a Framework, measure: Measure) -> Option<Figure<'a>> {
    match measure {
        Measure::Tfb(tests) => tests
            .iter()
            .find_map(|test| best_tfb(framework, *test))
            .map(Figure::Tfb),
        Measure::Load => load_test(framework).map(Figure::Load),
    }
}

/// The highest Round 23 figure for a test; a framework can have several TechEmpower entries
/// (e.g. with different databases), and its best entry is what it can be made to do.
fn best_tfb(framework: &Framework, test: TfbTest) -> Option<&Throughput> {
    framework
        .throughput
        .iter()
        .filter(|t| t.round == ROUND && t.test == test)
        .max_by(|a, b| a.rps.cmp(&b.rps).then_with(|| b.entry.cmp(&a.entry)))
}

/// The web-frameworks figure at [`LOAD_CONNECTIONS`] (the catalog keeps one entry per framework).
pub(crate) fn load_test(framework: &Framework) -> Option<&LoadTest> {
    framework
        .load_test
        .iter()
        .filter(|l| l.concurrency == LOAD_CONNECTIONS && l.rps.is_finite() && l.rps > 0.0)
        .max_by(|a, b| a.rps.total_cmp(&b.rps))
}

fn measure_name(measure: Measure) -> String {
    match measure {
        Measure::Tfb(tests) => {
            let names: Vec<&str> = tests.iter().map(|t| names::tfb_test(*t)).collect();
            format!("TechEmpower Round {ROUND} {}", names.join("/"))
        }
        Measure::Load => format!("web-frameworks at {LOAD_CONNECTIONS} connections"),
    }
}

/// What a figure measured, naming the test it stands in for when it is a fallback.
fn figure_name(measure: Measure, found: Figure) -> String {
    match (measure, found) {
        (Measure::Tfb(tests), Figure::Tfb(t)) if tests.first() != Some(&t.test) => format!(
            "TechEmpower Round {ROUND} {} (in place of {})",
            names::tfb_test(t.test),
            tests.first().map_or("", |first| names::tfb_test(*first))
        ),
        (Measure::Tfb(_), Figure::Tfb(t)) => format!("TechEmpower Round {ROUND} {}", names::tfb_test(t.test)),
        _ => measure_name(measure),
    }
}

fn missing_key(measure: Measure) -> String {
    match measure {
        Measure::Tfb(tests) => {
            let names: Vec<&str> = tests.iter().map(|t| names::tfb_test(*t)).collect();
            format!("throughput.{} (Round {ROUND})", names.join("/"))
        }
        Measure::Load => format!("load_test ({LOAD_CONNECTIONS} connections)"),
    }
}

/// One framework's reading: the figure and scaled score per wanted measurement it has.
struct Reading<'a> {
    parts: Vec<(Wanted, Figure<'a>, f64)>,
    missing: Vec<Wanted>,
    /// Figures from other rounds for the wanted tests: cited, never scored.
    other_rounds: Vec<&'a Throughput>,
    /// Weighted mean over every wanted measurement, a missing one counted at the bottom of its
    /// scale; `None` when nothing was measured.
    value: Option<f64>,
    /// The weighted mean with every missing measurement at the top of its scale: the most the
    /// score could be once measured.
    best_case: f64,
}

/// Readings for all candidates. Each measurement's scale spans the whole catalog's figures, so
/// a framework's performance does not depend on which others survived the filters, and the
/// only measured candidate is not the "fastest" by default.
pub(crate) struct Table<'a> {
    wanted: Vec<Wanted>,
    /// One scale per test (a fallback test is scored on its own test's scale, never on the
    /// scale of the test it stands in for).
    scales: std::collections::BTreeMap<ScaleKey, LogRange>,
    readings: Vec<Reading<'a>>,
}

impl<'a> Table<'a> {
    pub(crate) fn new(ctx: &Context, survivors: &[&'a Framework]) -> Self {
        let wanted = wanted(&ctx.plan.app.workload, ctx.plan.app.load.concurrent_connections);
        let mut keys: Vec<ScaleKey> = Vec::new();
        for want in &wanted {
            match want.measure {
                Measure::Tfb(tests) => keys.extend(tests.iter().map(|t| ScaleKey::Tfb(*t))),
                Measure::Load => keys.push(ScaleKey::Load),
            }
        }
        let every = || ctx.catalog.frameworks.values().chain(survivors.iter().copied());
        let scales = keys
            .into_iter()
            .filter_map(|key| {
                let figures: Vec<f64> = every()
                    .filter_map(|f| match key {
                        ScaleKey::Tfb(test) => best_tfb(f, test).map(|t| t.rps as f64),
                        ScaleKey::Load => load_test(f).map(|l| l.rps),
                    })
                    .collect();
                LogRange::of(figures).map(|range| (key, range))
            })
            .collect::<std::collections::BTreeMap<_, _>>();
        let readings = survivors
            .iter()
            .map(|framework| {
                let mut parts = Vec::new();
                let mut missing = Vec::new();
                for want in &wanted {
                    let found = figure(framework, want.measure);
                    match found.and_then(|f| scales.get(&f.scale_key()).map(|scale| (f, scale))) {
                        Some((found, scale)) => parts.push((*want, found, scale.score(found.rps()))),
                        None => missing.push(*want),
                    }
                }
                let known: f64 = parts.iter().map(|(w, _, s)| w.weight * s).sum();
                let unmeasured: f64 = missing.iter().map(|w: &Wanted| w.weight).sum();
                let total = parts.iter().map(|(w, _, _)| w.weight).sum::<f64>() + unmeasured;
                let value = (!parts.is_empty() && total > 0.0).then(|| (known + LOWEST * unmeasured) / total);
                let best_case = if total > 0.0 { (known + unmeasured) / total } else { 1.0 };
                let wants_test = |t: &&Throughput| {
                    wanted
                        .iter()
                        .any(|w| matches!(w.measure, Measure::Tfb(tests) if tests.contains(&t.test)))
                };
                let other_rounds = framework
                    .throughput
                    .iter()
                    .filter(|t| t.round != ROUND)
                    .filter(wants_test)
                    .collect();
                Reading {
                    parts,
                    missing,
                    other_rounds,
                    value,
                    best_case,
                }
            })
            .collect();
        Table {
            wanted,
            scales,
            readings,
        }
    }

    /// The score of survivor `i`, if it has any wanted figure (missing ones at the bottom).
    pub(crate) fn score(&self, i: usize) -> Option<f64> {
        self.readings.get(i)?.value
    }

    pub(crate) fn cell(&self, ctx: &Context, i: usize, framework: &Framework) -> ScoreCell {
        let Some(reading) = self.readings.get(i) else {
            return Inputs::default().cell(NEUTRAL, format!("{} was not measured.", framework.name));
        };
        let mut inputs = Inputs::default();
        for (_, found, _) in &reading.parts {
            inputs.known(cite(ctx, framework, *found, None));
        }
        for want in &reading.missing {
            inputs.absent(missing_key(want.measure));
        }
        for figure in &reading.other_rounds {
            let comment = format!(
                "not scored: Round {} ran on different hardware than Round {ROUND}",
                figure.round
            );
            inputs.cite(cite(ctx, framework, Figure::Tfb(figure), Some(&comment)));
        }
        let workload = workload_name(&ctx.plan.app.workload);
        let Some(value) = reading.value else {
            let wanted: Vec<String> = self.wanted.iter().map(|w| measure_name(w.measure)).collect();
            let other = if reading.other_rounds.is_empty() {
                ""
            } else {
                " (figures from other rounds are cited but not comparable)"
            };
            inputs.within(LOWEST, 1.0);
            return inputs.cell(
                LOWEST,
                format!(
                    "{} has no figure from {} for a {workload} workload: unmeasured, it counts at the bottom of the \
                     scale ({LOWEST:.2}) and could score up to 1.00 once measured{other}.",
                    framework.name,
                    wanted.join(" or ")
                ),
            );
        };
        let parts: Vec<String> = reading
            .parts
            .iter()
            .map(|(want, found, score)| {
                let scale = self.scales.get(&found.scale_key());
                format!(
                    "{} rps on {} ({}, {score:.2} on a log scale from {} to {} rps; weight {})",
                    whole(found.rps()),
                    figure_name(want.measure, *found),
                    entry_name(*found),
                    scale.map_or_else(String::new, |s| whole(s.min_value())),
                    scale.map_or_else(String::new, |s| whole(s.max_value())),
                    want.weight
                )
            })
            .collect();
        let summary = if reading.missing.is_empty() {
            format!("weighted mean {value:.2}")
        } else {
            let names: Vec<String> = reading
                .missing
                .iter()
                .map(|w| format!("{} (weight {})", measure_name(w.measure), w.weight))
                .collect();
            format!(
                "it has no figure on {}, counted at the bottom of the scale: weighted mean {value:.2}, up to {:.2} once \
                 measured",
                names::list(&names),
                reading.best_case
            )
        };
        // Missing figures already count at the bottom; measured at the top they give the best case.
        inputs.within(value, reading.best_case);
        inputs.cell(
            value,
            format!(
                "For a {workload} workload {} reaches {}; {summary}.",
                framework.name,
                names::list(&parts)
            ),
        )
    }

    /// "benchmark-partial" when some, but not all, candidates have no wanted figure at all:
    /// their performance is unknown and sits at the neutral 0.5. "benchmark-missing" when none
    /// has one. "benchmark-final-round" once when a TechEmpower figure of the final round is used.
    pub(crate) fn warnings(&self) -> Vec<Warning> {
        let mut warnings = Vec::new();
        let total = self.readings.len();
        let without = self.readings.iter().filter(|r| r.value.is_none()).count();
        if total > 0 && without == total {
            warnings.push(Warning {
                code: "benchmark-missing".into(),
                message: format!(
                    "none of the {total} candidates has a benchmark figure for the tests this workload uses; \
                     performance counts at the bottom of the scale for all of them and does not separate the options"
                ),
            });
        } else if without > 0 {
            warnings.push(Warning {
                code: "benchmark-partial".into(),
                message: format!(
                    "{without} of {total} candidates have no benchmark figure for the tests this workload uses; \
                     unmeasured, their performance counts at the bottom of the scale (0.10)"
                ),
            });
        }
        let frozen = self
            .readings
            .iter()
            .flat_map(|r| &r.parts)
            .any(|(_, found, _)| matches!(found, Figure::Tfb(t) if t.frozen));
        if frozen {
            warnings.push(Warning {
                code: "benchmark-final-round".into(),
                message: format!(
                    "TechEmpower figures are from Round {ROUND} (published 2025-03-17), the benchmark's final round: \
                     the project was archived in March 2026, so no newer figures can exist"
                ),
            });
        }
        warnings
    }
}

fn entry_name(found: Figure) -> String {
    match found {
        Figure::Tfb(t) => format!("entry {}", t.entry),
        Figure::Load(l) => format!("entry {} {}", l.entry, l.version),
    }
}

/// Cites a figure; a frozen (final-round) figure is never stale: no newer one can exist.
fn cite(ctx: &Context, framework: &Framework, found: Figure, comment: Option<&str>) -> FactRef {
    match found {
        Figure::Tfb(t) => ctx.staleness.cite_throughput(&framework.id, t, comment),
        Figure::Load(l) => ctx.staleness.cite_load_test(&framework.id, l),
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
    use crate::scoring::testing::{catalog, context, framework, plan};

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

    fn load_figure(rps: f64) -> LoadTest {
        LoadTest {
            entry: "bench".into(),
            version: "1.0".into(),
            concurrency: LOAD_CONNECTIONS,
            rps,
            latency_p50_ms: 1.0,
            latency_p90_ms: 2.0,
            latency_p99_ms: 3.0,
            errors: 0,
            source: "https://github.com/the-benchmarker/web-frameworks".into(),
            as_of: "2026-02-11".into(),
            note: None,
        }
    }

    fn table_cells(workload: Vec<Workload>, frameworks: Vec<Framework>) -> (Vec<ScoreCell>, Vec<Warning>) {
        let cat = catalog(frameworks);
        let mut plan = plan(&[(Criterion::Performance, 1.0)]);
        plan.app.workload = workload;
        let ctx = context(&plan, &cat);
        let survivors: Vec<&Framework> = cat.frameworks.values().collect();
        let table = Table::new(&ctx, &survivors);
        let cells = survivors
            .iter()
            .enumerate()
            .map(|(i, f)| table.cell(&ctx, i, f))
            .collect();
        (cells, table.warnings())
    }

    #[test]
    fn workload_picks_the_measurements_and_weights() {
        let mixed = wanted(&[], None);
        assert_eq!(mixed.len(), 5);
        assert!(mixed.iter().all(|w| w.weight == 1.0));
        assert_eq!(wanted(&[Workload::CpuBound, Workload::Mixed], None).len(), 5);
        let db = wanted(&[Workload::DbHeavy], None);
        assert_eq!(db[0], tfb(&[TfbTest::Fortune, TfbTest::Db], 2.0));
        assert!(db.contains(&load(1.0)));
        let io_and_queries = wanted(&[Workload::IoBound, Workload::ManySmallQueries], None);
        assert!(io_and_queries.contains(&load(2.0)), "the larger weight wins");
        assert_eq!(io_and_queries.iter().filter(|w| w.measure == Measure::Load).count(), 1);
        assert!(wanted(&[Workload::DbHeavy], Some(10_000)).contains(&load(2.0)));
    }

    #[test]
    fn each_test_is_its_own_log_scale() {
        let mut fast = framework("fast", Language::Rust);
        fast.throughput = vec![figure(TfbTest::Json, 1_000_000, 23)];
        fast.load_test = vec![load_figure(50_000.0)];
        let mut mid = framework("mid", Language::Go);
        mid.throughput = vec![figure(TfbTest::Json, 100_000, 23)];
        mid.load_test = vec![load_figure(5_000.0)];
        let mut slow = framework("slow", Language::Python);
        slow.throughput = vec![figure(TfbTest::Json, 10_000, 23)];
        slow.load_test = vec![load_figure(500.0)];
        let (cells, warnings) = table_cells(vec![Workload::CpuBound], vec![fast, mid, slow]);
        let scores: Vec<f64> = cells.iter().map(|c| c.score).collect();
        assert!((scores[0] - 1.0).abs() < 1e-12);
        assert!(
            (scores[1] - 0.55).abs() < 1e-12,
            "json 0.55 (weight 2), load 0.55 (weight 1)"
        );
        assert!((scores[2] - 0.1).abs() < 1e-12);
        let text = &cells[1].explanation;
        assert!(
            text.contains("100,000 rps on TechEmpower Round 23 json (entry entry"),
            "{text}"
        );
        assert!(
            text.contains("5,000 rps on web-frameworks at 512 connections"),
            "{text}"
        );
        assert_eq!(cells[1].confidence, 1.0);
        assert!(warnings.is_empty());
    }

    #[test]
    fn a_framework_with_only_the_load_test_is_scored_on_it_at_lower_confidence() {
        let mut tfb_and_load = framework("a", Language::Rust);
        tfb_and_load.throughput = vec![figure(TfbTest::Fortune, 500_000, 23)];
        tfb_and_load.load_test = vec![load_figure(40_000.0)];
        let mut load_only = framework("b", Language::Python);
        load_only.load_test = vec![load_figure(4_000.0)];
        let (cells, warnings) = table_cells(vec![Workload::DbHeavy], vec![tfb_and_load, load_only]);
        // Load test 0.1 (weight 1); fortune (2), query (1) and update (1) missing, at 0.1.
        assert!((cells[1].score - 0.1).abs() < 1e-12);
        assert_eq!(cells[1].confidence, 0.25, "one of four wanted measurements");
        assert!(cells[1]
            .missing
            .contains(&"throughput.fortune/db (Round 23)".to_string()));
        let text = &cells[1].explanation;
        assert!(text.contains("counted at the bottom of the scale"), "{text}");
        assert!(text.contains("up to 0.82 once measured"), "{text}");
        assert!(warnings.is_empty(), "every candidate has some figure: {warnings:?}");
    }

    #[test]
    fn round_22_is_cited_but_not_scored() {
        let mut old = framework("old", Language::Go);
        old.throughput = vec![figure(TfbTest::Json, 5_000_000, 22)];
        let mut new = framework("new", Language::Rust);
        new.throughput = vec![figure(TfbTest::Json, 10_000, 23)];
        let (cells, warnings) = table_cells(vec![Workload::CpuBound], vec![new, old]);
        let old_cell = &cells[1];
        assert_eq!(old_cell.score, LOWEST);
        assert_eq!(old_cell.confidence, 0.0);
        assert_eq!(old_cell.facts.len(), 1);
        assert!(
            old_cell.facts[0].value.contains("not scored"),
            "{}",
            old_cell.facts[0].value
        );
        assert!(
            old_cell.explanation.contains("not comparable"),
            "{}",
            old_cell.explanation
        );
        assert_eq!(warnings[0].code, "benchmark-partial");
        assert!(
            warnings[0].message.starts_with("1 of 2 candidates"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn no_figure_at_all_is_its_own_warning() {
        let (cells, warnings) = table_cells(vec![Workload::CpuBound], vec![framework("bare", Language::Rust)]);
        assert!(cells.iter().all(|c| c.score == LOWEST && c.confidence == 0.0));
        assert_eq!(warnings[0].code, "benchmark-missing");
        let (_, none) = table_cells(vec![Workload::CpuBound], Vec::new());
        assert!(none.is_empty(), "no candidates, nothing to warn about");
    }

    #[test]
    fn final_round_figures_are_not_stale_and_warned_about_once() {
        let mut a = framework("a", Language::Rust);
        a.throughput = vec![TfbTest::Json, TfbTest::Db]
            .into_iter()
            .map(|t| Throughput {
                frozen: true,
                ..figure(t, 1_000, 23)
            })
            .collect();
        let cat = catalog(vec![a]);
        let plan = plan(&[(Criterion::Performance, 1.0)]);
        let reference: jiff::civil::Date = "2028-01-01".parse().unwrap();
        let ctx = Context {
            plan: &plan,
            catalog: &cat,
            staleness: Staleness::new(Some(reference), 18),
            reference: Some(reference),
        };
        let survivors: Vec<&Framework> = cat.frameworks.values().collect();
        let table = Table::new(&ctx, &survivors);
        let cell = table.cell(&ctx, 0, survivors[0]);
        assert!(cell.facts.iter().all(|f| !f.stale));
        let warnings = table.warnings();
        assert_eq!(warnings.iter().filter(|w| w.code == "benchmark-final-round").count(), 1);
    }

    #[test]
    fn a_fallback_test_is_scored_on_its_own_scale() {
        // a has fortune 100,000; b has only db 1,000,000. Were b's db figure put on the fortune
        // scale it would beat a; on its own (db) scale, with c's db, it is compared with like.
        let mut a = framework("a", Language::Rust);
        a.throughput = vec![figure(TfbTest::Fortune, 100_000, 23)];
        let mut b = framework("b", Language::Go);
        b.throughput = vec![figure(TfbTest::Db, 1_000_000, 23)];
        let mut c = framework("c", Language::Go);
        c.throughput = vec![figure(TfbTest::Db, 10_000_000, 23), figure(TfbTest::Fortune, 1_000, 23)];
        let (cells, _) = table_cells(vec![Workload::DbHeavy], vec![a, b, c]);
        let b_text = &cells[1].explanation;
        assert!(
            b_text.contains("TechEmpower Round 23 db (in place of fortune)"),
            "{b_text}"
        );
        assert!(
            b_text.contains("on a log scale from 1,000,000 to 10,000,000 rps"),
            "{b_text}"
        );
        let a_text = &cells[0].explanation;
        assert!(a_text.contains("on a log scale from 1,000 to 100,000 rps"), "{a_text}");
    }

    #[test]
    fn the_best_entry_for_a_test_is_used() {
        let mut a = framework("a", Language::Rust);
        a.throughput = vec![figure(TfbTest::Json, 10, 23), figure(TfbTest::Json, 30, 23)];
        let (cells, _) = table_cells(vec![Workload::CpuBound], vec![a]);
        assert!(cells[0].facts[0].value.starts_with("30 rps"));
    }
}
