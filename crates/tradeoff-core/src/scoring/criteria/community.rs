//! community: how many people use, follow and keep the framework alive, from dated GitHub
//! Ranking snapshots of its repository.
//!
//! Four parts, each on a scale spanning the whole catalog (so a score does not depend on which
//! candidates survived the filters), combined by weight over the parts that are known:
//! stars (the size of the audience), momentum (stars gained over the last year: whether the
//! audience is still growing), forks (people building on it) and activity (days since the last
//! commit). A repository absent from its ranking list has an upper bound instead of a value:
//! its stars are scored at that bound, said to be "at most", and counted as not known.

use jiff::civil::Date;

use super::{whole, Inputs, LogRange, NEUTRAL};
use crate::catalog::model::{Framework, RepoSnapshot};
use crate::evaluation::{FactRef, ScoreCell};
use crate::scoring::context::Context;

/// Stars are the broadest signal of how many teams know the framework.
const STARS_WEIGHT: f64 = 0.4;
/// Growth separates a rising framework from one that is well known but fading.
const MOMENTUM_WEIGHT: f64 = 0.3;
/// Forks track stars closely, so they add little of their own.
const FORKS_WEIGHT: f64 = 0.1;
/// A recent commit shows the project is maintained; it says nothing about size.
const ACTIVITY_WEIGHT: f64 = 0.2;

/// A last commit within a month is fully active; after a year without one, barely.
const ACTIVE_DAYS: f64 = 30.0;
const DORMANT_DAYS: f64 = 365.0;

/// Momentum needs two snapshots at least this far apart, and is scaled to a year.
const MIN_MOMENTUM_DAYS: i64 = 300;

/// What one framework's snapshots say.
struct Reading<'a> {
    latest: Option<&'a RepoSnapshot>,
    /// Stars gained per year between the oldest usable and the latest snapshot.
    momentum: Option<(f64, &'a RepoSnapshot)>,
}

impl<'a> Reading<'a> {
    fn of(framework: &'a Framework) -> Self {
        let mut snapshots: Vec<&RepoSnapshot> = framework.github.iter().collect();
        snapshots.sort_by(|a, b| a.as_of.cmp(&b.as_of));
        let latest = snapshots.last().copied();
        let momentum = latest.and_then(|latest| {
            let now = latest.stars?;
            let end: Date = latest.as_of.parse().ok()?;
            snapshots.iter().find_map(|earlier| {
                let start: Date = earlier.as_of.parse().ok()?;
                let days = i64::from(start.until(end).ok()?.get_days());
                if days < MIN_MOMENTUM_DAYS {
                    return None;
                }
                let gained = now.saturating_sub(earlier.stars?) as f64;
                Some((gained * 365.0 / days as f64, *earlier))
            })
        });
        Reading { latest, momentum }
    }

    /// Stars, or the upper bound when the repository was not ranked.
    fn stars(&self) -> Option<f64> {
        self.latest.and_then(|s| s.stars.or(s.stars_below)).map(|v| v as f64)
    }

    fn forks(&self) -> Option<f64> {
        self.latest.and_then(|s| s.forks).map(|v| v as f64)
    }

    /// Days from the last commit to the snapshot.
    fn idle_days(&self) -> Option<f64> {
        let latest = self.latest?;
        let commit: Date = latest.last_commit.as_deref()?.get(..10)?.parse().ok()?;
        let snapshot: Date = latest.as_of.parse().ok()?;
        let days = commit.until(snapshot).ok()?.get_days();
        Some(f64::from(days.max(0)))
    }
}

/// Catalog-wide scales for the parts measured in counts.
pub(crate) struct CommunityScales {
    stars: Option<LogRange>,
    momentum: Option<LogRange>,
    forks: Option<LogRange>,
}

impl CommunityScales {
    pub(crate) fn new(ctx: &Context, survivors: &[&Framework]) -> Self {
        let all: Vec<Reading> = ctx
            .catalog
            .frameworks
            .values()
            .chain(survivors.iter().copied())
            .map(Reading::of)
            .collect();
        CommunityScales {
            stars: LogRange::of(all.iter().filter_map(Reading::stars)),
            momentum: LogRange::of(all.iter().filter_map(|r| r.momentum.map(|(m, _)| m))),
            forks: LogRange::of(all.iter().filter_map(Reading::forks)),
        }
    }

    pub(crate) fn cell(&self, ctx: &Context, framework: &Framework) -> ScoreCell {
        let reading = Reading::of(framework);
        let mut inputs = Inputs::default();
        let mut parts: Vec<(f64, f64)> = Vec::new();
        let mut texts: Vec<String> = Vec::new();
        // Every part at its lowest / highest possible score where it is unknown or only bounded.
        let mut range = Range::default();
        let Some(latest) = reading.latest else {
            for key in ["github.stars", "github.momentum", "github.forks", "github.last_commit"] {
                inputs.absent(key);
            }
            inputs.within(FLOOR, 1.0);
            return inputs.cell(
                NEUTRAL,
                format!(
                    "The catalog has no GitHub snapshot of {}'s repository, so community is unknown and scores a \
                     neutral 0.50.",
                    framework.name
                ),
            );
        };
        match (latest.stars, latest.stars_below, self.stars) {
            (Some(stars), _, Some(scale)) => {
                let score = scale.score(stars as f64);
                inputs.known(snapshot_fact(
                    ctx,
                    framework,
                    latest,
                    "github.stars",
                    format!("{} stars", whole(stars as f64)),
                ));
                parts.push((STARS_WEIGHT, score));
                range.known(STARS_WEIGHT, score);
                texts.push(format!("{} stars ({score:.2})", whole(stars as f64)));
            }
            (None, Some(bound), Some(scale)) => {
                let score = scale.score(bound as f64);
                inputs.cite(snapshot_fact(
                    ctx,
                    framework,
                    latest,
                    "github.stars",
                    format!(
                        "fewer than {} stars (not in the top {} list)",
                        whole(bound as f64),
                        latest.list
                    ),
                ));
                inputs.absent("github.stars (only an upper bound)");
                parts.push((STARS_WEIGHT, score));
                range.between(STARS_WEIGHT, FLOOR, score);
                texts.push(format!("fewer than {} stars (at most {score:.2})", whole(bound as f64)));
            }
            _ => {
                inputs.absent("github.stars");
                range.between(STARS_WEIGHT, FLOOR, 1.0);
            }
        }
        match (reading.momentum, self.momentum) {
            (Some((per_year, earlier)), Some(scale)) => {
                let score = scale.score(per_year);
                inputs.known(snapshot_fact(
                    ctx,
                    framework,
                    earlier,
                    "github.momentum",
                    format!(
                        "{} stars on {}",
                        whole(earlier.stars.unwrap_or(0) as f64),
                        earlier.as_of
                    ),
                ));
                parts.push((MOMENTUM_WEIGHT, score));
                range.known(MOMENTUM_WEIGHT, score);
                texts.push(format!(
                    "{} stars gained per year since {} ({score:.2})",
                    whole(per_year),
                    earlier.as_of
                ));
            }
            _ => {
                inputs.absent("github.momentum (two ranked snapshots a year apart)");
                range.between(MOMENTUM_WEIGHT, FLOOR, 1.0);
            }
        }
        match (reading.forks(), self.forks) {
            (Some(forks), Some(scale)) => {
                let score = scale.score(forks);
                inputs.known_elsewhere();
                parts.push((FORKS_WEIGHT, score));
                range.known(FORKS_WEIGHT, score);
                texts.push(format!("{} forks ({score:.2})", whole(forks)));
            }
            _ => {
                inputs.absent("github.forks");
                range.between(FORKS_WEIGHT, FLOOR, 1.0);
            }
        }
        match reading.idle_days() {
            Some(days) => {
                let score = activity(days);
                inputs.known_elsewhere();
                parts.push((ACTIVITY_WEIGHT, score));
                range.known(ACTIVITY_WEIGHT, score);
                texts.push(format!("last commit {days} days before the snapshot ({score:.2})"));
            }
            None => {
                inputs.absent("github.last_commit");
                range.between(ACTIVITY_WEIGHT, FLOOR, 1.0);
            }
        }
        let (low, high) = range.bounds();
        inputs.within(low, high);
        let total: f64 = parts.iter().map(|(w, _)| w).sum();
        let score = if total > 0.0 {
            parts.iter().map(|(w, s)| w * s).sum::<f64>() / total
        } else {
            NEUTRAL
        };
        inputs.cell(
            score,
            format!(
                "{}'s repository {} on {}: {}; weighted {score:.2}.",
                framework.name,
                latest.repo,
                latest.as_of,
                texts.join(", ")
            ),
        )
    }
}

/// The lowest score any part gives (log scales and activity both bottom out at 0.1).
const FLOOR: f64 = 0.1;

/// The weighted mean of the parts with each unknown one at its lowest and at its highest score.
#[derive(Default)]
struct Range {
    weight: f64,
    low: f64,
    high: f64,
}

impl Range {
    fn known(&mut self, weight: f64, score: f64) {
        self.between(weight, score, score);
    }

    fn between(&mut self, weight: f64, low: f64, high: f64) {
        self.weight += weight;
        self.low += weight * low;
        self.high += weight * high;
    }

    fn bounds(&self) -> (f64, f64) {
        if self.weight > 0.0 {
            (self.low / self.weight, self.high / self.weight)
        } else {
            (0.0, 1.0)
        }
    }
}

/// 1.0 up to a month without a commit, falling linearly to 0.1 at a year.
fn activity(idle_days: f64) -> f64 {
    if idle_days <= ACTIVE_DAYS {
        1.0
    } else if idle_days >= DORMANT_DAYS {
        0.1
    } else {
        1.0 - 0.9 * (idle_days - ACTIVE_DAYS) / (DORMANT_DAYS - ACTIVE_DAYS)
    }
}

fn snapshot_fact(ctx: &Context, framework: &Framework, snapshot: &RepoSnapshot, key: &str, value: String) -> FactRef {
    FactRef {
        framework: framework.id.clone(),
        key: key.to_string(),
        value,
        source: snapshot.source.clone(),
        as_of: snapshot.as_of.clone(),
        stale: ctx.staleness.is_stale(&snapshot.as_of),
        note: snapshot.note.clone(),
    }
}

#[cfg(test)]
mod tests {
    use tradeoff_lang::vocab::{Criterion, Language};

    use super::*;
    use crate::scoring::testing::{catalog, context, framework, plan};

    fn snapshot(as_of: &str, stars: Option<u64>, below: Option<u64>) -> RepoSnapshot {
        RepoSnapshot {
            repo: "o/r".into(),
            list: "Go".into(),
            stars,
            stars_below: below,
            rank: None,
            forks: stars.map(|s| s / 10),
            open_issues: None,
            last_commit: stars.map(|_| format!("{as_of}T00:00:00Z")),
            source: "https://github.com/EvanLi/Github-Ranking".into(),
            as_of: as_of.into(),
            note: None,
        }
    }

    fn cells(frameworks: Vec<Framework>) -> Vec<ScoreCell> {
        let cat = catalog(frameworks);
        let plan = plan(&[(Criterion::Community, 1.0)]);
        let ctx = context(&plan, &cat);
        let survivors: Vec<&Framework> = cat.frameworks.values().collect();
        let scales = CommunityScales::new(&ctx, &survivors);
        survivors.iter().map(|f| scales.cell(&ctx, f)).collect()
    }

    #[test]
    fn stars_momentum_forks_and_activity_are_weighed() {
        let mut big = framework("big", Language::Go);
        big.github = vec![
            snapshot("2025-08-18", Some(50_000), None),
            snapshot("2026-08-22", Some(100_000), None),
        ];
        let mut small = framework("small", Language::Go);
        small.github = vec![
            snapshot("2025-08-18", Some(900), None),
            snapshot("2026-08-22", Some(1_000), None),
        ];
        let got = cells(vec![big, small]);
        assert!((got[0].score - 1.0).abs() < 1e-12, "{}", got[0].explanation);
        // stars 0.1, momentum 0.1, forks 0.1, activity 1.0 (commit on the snapshot day).
        let want = (0.4 * 0.1 + 0.3 * 0.1 + 0.1 * 0.1 + 0.2 * 1.0) / 1.0;
        assert!((got[1].score - want).abs() < 1e-12, "{}", got[1].explanation);
        assert_eq!(got[1].confidence, 1.0);
        assert!(
            got[0].explanation.contains("stars gained per year since 2025-08-18"),
            "{}",
            got[0].explanation
        );
    }

    #[test]
    fn an_unranked_repository_is_bounded_and_counted_unknown() {
        let mut ranked = framework("ranked", Language::Go);
        ranked.github = vec![
            snapshot("2025-08-18", Some(50_000), None),
            snapshot("2026-08-22", Some(100_000), None),
        ];
        let mut unranked = framework("unranked", Language::Go);
        unranked.github = vec![
            snapshot("2025-08-18", None, Some(20_000)),
            snapshot("2026-08-22", None, Some(25_000)),
        ];
        let got = cells(vec![ranked, unranked]);
        let cell = &got[1];
        assert!(
            cell.explanation.contains("fewer than 25,000 stars (at most"),
            "{}",
            cell.explanation
        );
        assert_eq!(cell.confidence, 0.0, "a bound is not a value; nothing else is known");
        assert!(cell.missing.iter().any(|m| m.contains("upper bound")));
        assert_eq!(cell.facts.len(), 1, "the bound is cited");
    }

    #[test]
    fn no_snapshot_is_unknown() {
        let got = cells(vec![framework("none", Language::Go)]);
        assert_eq!((got[0].score, got[0].confidence), (NEUTRAL, 0.0));
    }

    #[test]
    fn activity_falls_from_a_month_to_a_year() {
        assert_eq!(activity(0.0), 1.0);
        assert_eq!(activity(30.0), 1.0);
        assert!((activity(197.5) - 0.55).abs() < 1e-12);
        assert_eq!(activity(400.0), 0.1);
    }
}
