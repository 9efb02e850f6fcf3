//! Text view of a compiled plan: what will be filtered and how options will be weighed.

use std::fmt::Write;

use tradeoff_core::catalog::Catalog;
use tradeoff_lang::plan::{AppProfile, Constraints, Plan, Team, Weighting};

fn join<T: std::fmt::Display>(items: impl IntoIterator<Item = T>) -> String {
    items.into_iter().map(|i| i.to_string()).collect::<Vec<_>>().join(", ")
}

pub fn render(plan: &Plan, catalog: &Catalog) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", plan.id, plan.title);
    let _ = writeln!(
        out,
        "status {}{}",
        plan.status,
        plan.date.as_deref().map(|d| format!(", {d}")).unwrap_or_default()
    );
    render_app(&mut out, &plan.app);
    render_team(&mut out, &plan.team);
    render_constraints(&mut out, &plan.constraints);
    render_weighting(&mut out, &plan.weighting);
    if let Some(prefer) = plan.prefer {
        let _ = writeln!(out, "\nprefer {prefer}");
    }
    let _ = writeln!(out, "method {}, {} options discussed", plan.method, plan.options);
    let _ = writeln!(
        out,
        "catalog {} ({} frameworks)",
        catalog.version,
        catalog.frameworks.len()
    );
    out
}

fn render_app(out: &mut String, app: &AppProfile) {
    let _ = writeln!(out, "\napp: {}", app.kind);
    if let Some(rps) = app.load.peak_rps {
        let _ = writeln!(out, "  peak load: {rps} rps");
    }
    if let Some(conns) = app.load.concurrent_connections {
        let _ = writeln!(out, "  concurrent connections: {conns}");
    }
    if !app.workload.is_empty() {
        let _ = writeln!(out, "  workload: {}", join(&app.workload));
    }
    let _ = writeln!(out, "  realtime: {}", if app.realtime { "yes" } else { "no" });
    if let Some(arch) = app.architecture {
        let _ = writeln!(out, "  architecture: {arch}");
    }
    if let Some(horizon) = app.horizon {
        let _ = writeln!(out, "  horizon: {horizon}");
    }
}

fn render_team(out: &mut String, team: &Team) {
    let _ = writeln!(out, "\nteam:");
    if let Some(size) = team.size {
        let _ = writeln!(out, "  size: {size}");
    }
    let skills = |skills: Vec<String>| {
        if skills.is_empty() {
            "none listed".to_owned()
        } else {
            skills.join(", ")
        }
    };
    let languages = team.languages.iter().map(|(l, s)| format!("{l} {s}")).collect();
    let _ = writeln!(out, "  knows: {}", skills(languages));
    let frameworks = team.frameworks.iter().map(|(f, s)| format!("{f} {s}")).collect();
    let _ = writeln!(out, "  uses: {}", skills(frameworks));
}

fn render_constraints(out: &mut String, c: &Constraints) {
    let _ = writeln!(out, "\nhard constraints:");
    if let Some(allowed) = &c.languages_allowed {
        let _ = writeln!(out, "  language in [{}]", join(allowed));
    }
    if !c.languages_forbidden.is_empty() {
        let _ = writeln!(out, "  language not in [{}]", join(&c.languages_forbidden));
    }
    if let Some(classes) = &c.license_classes {
        let _ = writeln!(out, "  license in [{}]", join(classes));
    }
    if !c.required_features.is_empty() {
        let features: Vec<String> = c
            .required_features
            .iter()
            .map(|(feature, acceptance)| match acceptance {
                tradeoff_lang::vocab::Acceptance::Standard => feature.to_string(),
                other => format!("{feature} {other}"),
            })
            .collect();
        let _ = writeln!(
            out,
            "  features: {} (unknown features: {})",
            features.join(", "),
            c.unknown_features
        );
    }
    for exclusion in &c.exclusions {
        let _ = writeln!(out, "  exclude {}: {}", exclusion.framework, exclusion.reason);
    }
    if let Some(candidates) = &c.candidates {
        let _ = writeln!(out, "  only candidates [{}]", join(candidates));
    }
}

fn render_weighting(out: &mut String, weighting: &Weighting) {
    let _ = writeln!(out, "\nweights:");
    match weighting {
        Weighting::Direct { weights } => {
            let mut sorted: Vec<_> = weights.iter().collect();
            sorted.sort_by(|a, b| b.1.total_cmp(a.1).then(a.0.cmp(b.0)));
            for (criterion, weight) in sorted {
                let _ = writeln!(out, "  {:<16} {:.3}", criterion.name(), weight);
            }
        }
        Weighting::Pairwise { judgments } => {
            let _ = writeln!(
                out,
                "  from {} pairwise judgments (AHP; computed when scoring):",
                judgments.len()
            );
            for j in judgments {
                let _ = writeln!(out, "    {} over {} {}", j.more, j.less, j.intensity);
            }
        }
    }
}
