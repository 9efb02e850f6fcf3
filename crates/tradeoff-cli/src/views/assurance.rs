//! The "how sure" block of `score`: the verdict, the acceptability of the leading options as
//! text bars, and the statements that would overturn the winner.

use std::fmt::Write;

use tradeoff_core::assurance::{Acceptability, Assurance};

/// Options shown in the acceptability chart.
const SHOWN: usize = 5;
/// Width of a full (100%) bar, in characters.
const BAR: usize = 30;

pub fn render(out: &mut String, assurance: &Assurance) {
    let _ = writeln!(out, "\nhow sure: {}", assurance.summary);
    let smaa = &assurance.smaa;
    let _ = writeln!(
        out,
        "acceptability (share of {} seeded draws, seed {}: rank 1, 2, 3):",
        tradeoff_core::numbers::thousands(smaa.samples as u64),
        smaa.seed
    );
    let width = smaa
        .acceptability
        .iter()
        .take(SHOWN)
        .map(|a| a.name.chars().count())
        .max()
        .unwrap_or(0);
    for entry in smaa.acceptability.iter().take(SHOWN) {
        let filled = (entry.first() * BAR as f64).round() as usize;
        let _ = writeln!(
            out,
            "  {:<width$}  {:<BAR$}  {}",
            entry.name,
            "█".repeat(filled),
            ranks(entry)
        );
    }
    if !assurance.overturns.is_empty() {
        let _ = writeln!(out, "would overturn it:");
        for overturn in &assurance.overturns {
            let _ = writeln!(out, "  - {}", overturn.statement);
        }
    }
}

/// "61.2% / 30.0% / 5.1%": rank 1, 2 and 3 acceptability.
pub fn ranks(entry: &Acceptability) -> String {
    let shares: Vec<String> = entry.ranks.iter().map(|r| format!("{:.1}%", r * 100.0)).collect();
    shares.join(" / ")
}
