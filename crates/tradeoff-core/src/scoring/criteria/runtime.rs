//! concurrency and scalability: how the framework serves many requests at once.

use tradeoff_lang::vocab::Feature;

use super::performance::{load_test, LOAD_CONNECTIONS};
use super::{whole, Inputs, LogRange, NEUTRAL};
use crate::catalog::model::{ConcurrencyModel, Framework, LoadTest};
use crate::evaluation::ScoreCell;
use crate::scoring::context::Context;
use crate::scoring::names;

/// Our ranking of concurrency models for many simultaneous, mostly waiting requests:
/// preemptive lightweight processes best, then green threads and async runtimes, then the JVM's
/// reactive loops and virtual threads, single-threaded event loops (one core unless clustered),
/// and one OS thread per request last.
pub(crate) fn model_score(model: ConcurrencyModel) -> f64 {
    match model {
        ConcurrencyModel::BeamProcesses => 1.0,
        ConcurrencyModel::Goroutines => 0.9,
        ConcurrencyModel::AsyncRuntime => 0.9,
        ConcurrencyModel::Reactive => 0.85,
        ConcurrencyModel::VirtualThreads => 0.85,
        ConcurrencyModel::EventLoop => 0.7,
        ConcurrencyModel::Threads => 0.4,
    }
}

/// The lowest and highest score a concurrency model gets (threads, BEAM processes).
const MODEL_RANGE: (f64, f64) = (0.4, 1.0);

/// The lowest and highest score a measurement on a catalog-wide log scale gets.
const MEASURED_RANGE: (f64, f64) = (0.1, 1.0);

/// The model's score (neutral when unknown), citing or listing it as missing, and the range it
/// could take (a point when known).
fn model(ctx: &Context, framework: &Framework, inputs: &mut Inputs) -> (f64, String, (f64, f64)) {
    match &framework.concurrency_model {
        Some(fact) => {
            let name = names::concurrency_model(fact.value);
            inputs.known(
                ctx.staleness
                    .cite(&framework.id, "concurrency_model", name.into(), fact),
            );
            let score = model_score(fact.value);
            (score, format!("uses the {name} model ({score:.2})"), (score, score))
        }
        None => {
            inputs.absent("concurrency_model");
            (
                NEUTRAL,
                "has no recorded concurrency model (neutral 0.50)".into(),
                MODEL_RANGE,
            )
        }
    }
}

/// Measured behaviour under many connections: the web-frameworks load test at 512 connections,
/// its request rate and its 99th-percentile latency, each on a log scale across the catalog
/// (lower latency scores higher). The model says what the runtime can do; the measurement
/// shows what the framework does with it, so they count half each.
pub(crate) struct ConcurrencyScales {
    rps: Option<LogRange>,
    p99: Option<LogRange>,
}

/// The measured part's share of the concurrency score when a measurement exists.
const MEASURED_SHARE: f64 = 0.5;

impl ConcurrencyScales {
    pub(crate) fn new(ctx: &Context, survivors: &[&Framework]) -> Self {
        let figures: Vec<&LoadTest> = ctx
            .catalog
            .frameworks
            .values()
            .chain(survivors.iter().copied())
            .filter_map(load_test)
            .collect();
        ConcurrencyScales {
            rps: LogRange::of(figures.iter().map(|f| f.rps)),
            p99: LogRange::of(figures.iter().map(|f| f.latency_p99_ms)),
        }
    }

    /// The measured score and its description, if the framework was load-tested.
    fn measured<'f>(&self, framework: &'f Framework) -> Option<(f64, &'f LoadTest, String)> {
        let figure = load_test(framework)?;
        let (rps_scale, p99_scale) = (self.rps?, self.p99?);
        let throughput = rps_scale.score(figure.rps);
        // Inverted: the fastest p99 in the catalog scores 1.0, the slowest 0.1.
        let latency = 1.1 - p99_scale.score(figure.latency_p99_ms);
        let score = (throughput + latency) / 2.0;
        Some((
            score,
            figure,
            format!(
                "at {LOAD_CONNECTIONS} connections it served {} rps ({throughput:.2}) with a p99 latency of {} ms \
                 ({latency:.2})",
                whole(figure.rps),
                figure.latency_p99_ms
            ),
        ))
    }

    pub(crate) fn cell(&self, ctx: &Context, framework: &Framework) -> ScoreCell {
        let mut inputs = Inputs::default();
        let (model_score, model_text, (model_low, model_high)) = model(ctx, framework, &mut inputs);
        let blend = |model: f64, measured: f64| (1.0 - MEASURED_SHARE) * model + MEASURED_SHARE * measured;
        let (capacity, capacity_text, capacity_range) = match self.measured(framework) {
            Some((measured, figure, text)) => {
                inputs.known(ctx.staleness.cite_load_test(&framework.id, figure));
                let score = blend(model_score, measured);
                (
                    score,
                    format!("{model_text}; {text}; together {score:.2}"),
                    (blend(model_low, measured), blend(model_high, measured)),
                )
            }
            None => {
                inputs.absent(format!("load_test ({LOAD_CONNECTIONS} connections)"));
                // Once measured, the measurement would count half, at anything from its floor to 1.
                let range = (
                    model_low.min(blend(model_low, MEASURED_RANGE.0)),
                    model_high.max(blend(model_high, MEASURED_RANGE.1)),
                );
                (
                    model_score,
                    format!("{model_text}; it was not load-tested, so the model alone decides"),
                    range,
                )
            }
        };
        if !ctx.plan.app.realtime {
            inputs.within(capacity_range.0, capacity_range.1);
            return inputs.cell(capacity, format!("{} {capacity_text}.", framework.name));
        }
        // A realtime app needs server push; without it the capacity is moot.
        let push = match framework.features.get(&Feature::Websockets) {
            Some(fact) => {
                inputs.known(ctx.staleness.cite_feature(&framework.id, Feature::Websockets, fact));
                let score = super::features::tier_score(fact.tier);
                (score, format!("websockets {} ({score:.2})", fact.tier), (score, score))
            }
            None => {
                inputs.absent("features.websockets");
                (
                    NEUTRAL,
                    "unknown websocket support (neutral 0.50)".to_string(),
                    (0.0, 1.0),
                )
            }
        };
        let (push, push_text, push_range) = push;
        inputs.within(
            (capacity_range.0 + push_range.0) / 2.0,
            (capacity_range.1 + push_range.1) / 2.0,
        );
        let score = (capacity + push) / 2.0;
        inputs.cell(
            score,
            format!(
                "{} {capacity_text}, averaged with {push_text} because the app is realtime: {score:.2}.",
                framework.name
            ),
        )
    }
}

/// Half the concurrency model (capacity per machine) and half measured throughput when a
/// comparable figure exists; without one the model alone decides, at lower confidence.
pub(crate) fn scalability(ctx: &Context, framework: &Framework, performance: Option<f64>) -> ScoreCell {
    let mut inputs = Inputs::default();
    let (model_score, model_text, (model_low, model_high)) = model(ctx, framework, &mut inputs);
    match performance {
        Some(perf) => {
            // The throughput facts are cited in the performance cell; this one only counts them.
            inputs.known_elsewhere();
            inputs.within((model_low + perf) / 2.0, (model_high + perf) / 2.0);
            let score = (model_score + perf) / 2.0;
            inputs.cell(
                score,
                format!(
                    "{} {model_text}, blended 50/50 with its performance score ({perf:.2}): {score:.2}.",
                    framework.name
                ),
            )
        }
        None => {
            inputs.absent("performance (no comparable throughput figure)");
            // Once measured, performance would count half, at anything from its floor to 1.
            inputs.within(
                model_low.min((model_low + MEASURED_RANGE.0) / 2.0),
                model_high.max((model_high + MEASURED_RANGE.1) / 2.0),
            );
            inputs.cell(
                model_score,
                format!(
                    "{} {model_text}; with no comparable throughput figure the model alone decides.",
                    framework.name
                ),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use tradeoff_lang::vocab::{Criterion, Language};

    use super::*;
    use crate::scoring::testing::{catalog, context, fact, feature, framework, plan};
    use tradeoff_lang::vocab::Tier;

    /// The concurrency cell with scales over no measured framework.
    fn concurrency(ctx: &Context, framework: &Framework) -> ScoreCell {
        ConcurrencyScales::new(ctx, &[]).cell(ctx, framework)
    }

    #[test]
    fn measured_load_counts_half() {
        let measured = |id: &str, rps: f64, p99: f64| {
            let mut f = framework(id, Language::Go);
            f.concurrency_model = Some(fact(ConcurrencyModel::Goroutines));
            f.load_test = vec![LoadTest {
                entry: id.into(),
                version: "1".into(),
                concurrency: LOAD_CONNECTIONS,
                rps,
                latency_p50_ms: 1.0,
                latency_p90_ms: 1.0,
                latency_p99_ms: p99,
                errors: 0,
                source: "https://github.com/the-benchmarker/web-frameworks".into(),
                as_of: "2026-02-11".into(),
                note: None,
            }];
            f
        };
        let (fast, slow) = (measured("fast", 50_000.0, 10.0), measured("slow", 5_000.0, 300.0));
        let cat = catalog(vec![fast.clone(), slow.clone()]);
        let plan = plan(&[(Criterion::Concurrency, 1.0)]);
        let ctx = context(&plan, &cat);
        let scales = ConcurrencyScales::new(&ctx, &[&fast, &slow]);
        let cell = scales.cell(&ctx, &fast);
        assert!(
            (cell.score - (0.5 * 0.9 + 0.5 * 1.0)).abs() < 1e-12,
            "{}",
            cell.explanation
        );
        assert_eq!(cell.confidence, 1.0);
        let cell = scales.cell(&ctx, &slow);
        assert!(
            (cell.score - (0.5 * 0.9 + 0.5 * 0.1)).abs() < 1e-12,
            "{}",
            cell.explanation
        );
        assert!(
            cell.explanation.contains("p99 latency of 300 ms"),
            "{}",
            cell.explanation
        );
    }

    fn with_ctx<T>(realtime: bool, f: impl FnOnce(&Context) -> T) -> T {
        let cat = catalog(Vec::new());
        let mut plan = plan(&[(Criterion::Concurrency, 1.0)]);
        plan.app.realtime = realtime;
        f(&context(&plan, &cat))
    }

    #[test]
    fn concurrency_uses_the_model_table() {
        let mut phoenix = framework("phoenix", Language::Elixir);
        phoenix.concurrency_model = Some(fact(ConcurrencyModel::BeamProcesses));
        let cell = with_ctx(false, |ctx| concurrency(ctx, &phoenix));
        assert_eq!(cell.missing, ["load_test (512 connections)"]);
        assert_eq!(cell.score, 1.0);
        assert_eq!(cell.confidence, 0.5);
        assert_eq!(cell.facts[0].key, "concurrency_model");
        assert!(cell.explanation.contains("beam-processes"), "{}", cell.explanation);
    }

    #[test]
    fn realtime_averages_with_websockets() {
        let mut django = framework("django", Language::Python);
        django.concurrency_model = Some(fact(ConcurrencyModel::Threads));
        django.features.insert(Feature::Websockets, feature(Tier::Builtin));
        let cell = with_ctx(true, |ctx| concurrency(ctx, &django));
        assert!((cell.score - 0.7).abs() < 1e-12);
        assert_eq!(cell.facts.len(), 2);

        django.features.insert(Feature::Websockets, feature(Tier::None));
        let cell = with_ctx(true, |ctx| concurrency(ctx, &django));
        assert!((cell.score - 0.2).abs() < 1e-12);
    }

    #[test]
    fn unknown_inputs_are_neutral_and_lower_confidence() {
        let bare = framework("bare", Language::Go);
        let cell = with_ctx(true, |ctx| concurrency(ctx, &bare));
        assert_eq!(cell.score, NEUTRAL);
        assert_eq!(cell.confidence, 0.0);
        assert_eq!(
            cell.missing,
            [
                "concurrency_model",
                "load_test (512 connections)",
                "features.websockets"
            ]
        );
    }

    #[test]
    fn scalability_blends_model_and_performance() {
        let mut gin = framework("gin", Language::Go);
        gin.concurrency_model = Some(fact(ConcurrencyModel::Goroutines));
        let cell = with_ctx(false, |ctx| scalability(ctx, &gin, Some(0.5)));
        assert!((cell.score - 0.7).abs() < 1e-12);
        assert_eq!(cell.confidence, 1.0);
        let cell = with_ctx(false, |ctx| scalability(ctx, &gin, None));
        assert!((cell.score - 0.9).abs() < 1e-12);
        assert_eq!(cell.confidence, 0.5);
    }
}
