//! Times the aggregation on a generated decision matrix and writes the matrix, weights and
//! TOPSIS closeness as JSON, so `bench/compare.py` can time pymcdm on the very same input and
//! compare rankings. Usage: `mcdm_timing ROWS COLS ITERATIONS OUT.json`.
//!
//! This is a measurement tool, not a test: `bench/compare.py` runs it in release mode.

use std::time::Instant;

use tradeoff_core::scoring::aggregate::{rank_order, topsis, weighted_sum};
use tradeoff_core::scoring::sensitivity::analyse;
use tradeoff_lang::vocab::Criterion;

/// A fixed linear congruential generator: the same matrix on every machine and run.
fn generated(rows: usize, cols: usize) -> (Vec<Vec<f64>>, Vec<f64>) {
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 11) as f64) / ((1u64 << 53) as f64)
    };
    let matrix = (0..rows).map(|_| (0..cols).map(|_| next()).collect()).collect();
    let raw: Vec<f64> = (0..cols).map(|_| 0.05 + next()).collect();
    let total: f64 = raw.iter().sum();
    (matrix, raw.iter().map(|w| w / total).collect())
}

/// Best-of-`iterations` wall time of `run`, in microseconds.
fn best_micros(iterations: usize, mut run: impl FnMut()) -> f64 {
    (0..iterations)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed().as_secs_f64() * 1e6
        })
        .fold(f64::INFINITY, f64::min)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let [_, rows, cols, iterations, out] = args.as_slice() else {
        eprintln!("usage: mcdm_timing ROWS COLS ITERATIONS OUT.json");
        std::process::exit(2);
    };
    let (rows, cols, iterations): (usize, usize, usize) = (
        rows.parse().expect("ROWS"),
        cols.parse().expect("COLS"),
        iterations.parse().expect("ITERATIONS"),
    );
    let (matrix, weights) = generated(rows, cols);
    let ids: Vec<String> = (0..rows).map(|i| format!("f{i:04}")).collect();
    let id_refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    let criteria: Vec<Criterion> = (0..cols).map(|k| Criterion::ALL[k % Criterion::ALL.len()]).collect();

    let closeness = topsis(&matrix, &weights);
    let topsis_us = best_micros(iterations, || {
        std::hint::black_box(topsis(std::hint::black_box(&matrix), &weights));
    });
    let all_us = best_micros(iterations.min(50), || {
        let totals = weighted_sum(&matrix, &weights);
        let order = rank_order(&totals, &id_refs);
        std::hint::black_box(topsis(&matrix, &weights));
        std::hint::black_box(analyse(&id_refs, &matrix, &criteria, &weights, &totals, &order));
    });
    let json = serde_json::json!({
        "matrix": matrix,
        "weights": weights,
        "topsis": closeness,
        "topsis_microseconds": topsis_us,
        "all_methods_and_sensitivity_microseconds": all_us,
    });
    std::fs::write(out, serde_json::to_string(&json).expect("serializes")).expect("OUT.json is writable");
    println!("topsis {rows}x{cols}: {topsis_us:.1} µs; weighted sum + TOPSIS + sensitivity: {all_us:.1} µs");
}
