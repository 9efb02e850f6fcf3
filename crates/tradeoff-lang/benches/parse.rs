//! Parse + compile throughput on a generated 1 MB spec (issue target: ≥ 50 MB/s).
//!
//! Run with `cargo bench -p tradeoff-lang --bench parse`. The spec mixes what makes real specs
//! large: a long context, many people, a long candidate list and many exclusions.

use std::collections::HashSet;
use std::fmt::Write as _;

use divan::counter::BytesCount;

fn main() {
    divan::main();
}

/// The bench's stand-in for a catalog: every name the generated spec uses.
type Names = HashSet<String, foldhash::fast::RandomState>;

/// A valid spec of about `target` bytes and the framework names it refers to. The names are
/// in a hash set, as a catalog of 30,000 frameworks would keep them (the built-in one has 30,
/// in a B-tree); resolving them is part of what is measured.
fn generated_spec(target: usize) -> (String, Names) {
    let mut names = Names::default();
    let mut spec = String::from("# generated for benchmarking\ndecision big \"A very large decision\" {\n  status proposed\n  date 2026-11-24\n");
    spec.push_str("  deciders \"platform team\", \"security team\", \"site reliability\"\n  context \"\"\"\n");
    while spec.len() < target / 4 {
        spec.push_str("    Thousands of sensors post readings every second; each reading is validated and stored.\n");
    }
    spec.push_str("  \"\"\"\n  app {\n    kind api\n    load 50_000 rps peak, 20_000 connections\n    workload db-heavy, io-bound\n    realtime no\n  }\n");
    spec.push_str("  team {\n    size 40\n    knows python expert, go intermediate, rust beginner\n  }\n  require {\n    language in [python, go, rust, java]\n    feature validation, openapi\n");
    let mut index = 0;
    spec.push_str("    candidates [");
    while spec.len() < target / 2 {
        let name = format!("framework-{index}");
        write!(spec, "{name}, ").expect("write to string");
        names.insert(name);
        index += 1;
    }
    spec.push_str("]\n");
    while spec.len() < target - 400 {
        let name = format!("excluded-{index}");
        writeln!(
            spec,
            "    exclude {name} because \"ruled out by the architecture board in review {index}\""
        )
        .expect("write");
        names.insert(name);
        index += 1;
    }
    spec.push_str("  }\n  weigh {\n    performance high  concurrency high  productivity medium\n    security critical  team-fit high  maturity 2.5\n  }\n  method all\n}\n");
    (spec, names)
}

#[divan::bench]
fn parse_and_compile_1mb(bencher: divan::Bencher) {
    let (spec, names) = generated_spec(1024 * 1024);
    bencher.counter(BytesCount::of_str(&spec)).bench(|| {
        let ast = tradeoff_lang::parse("big.tradeoff", divan::black_box(&spec)).expect("generated spec parses");
        tradeoff_lang::compile(&ast, &names).expect("generated spec compiles")
    });
}

#[divan::bench]
fn format_1mb(bencher: divan::Bencher) {
    let (spec, _) = generated_spec(1024 * 1024);
    bencher
        .counter(BytesCount::of_str(&spec))
        .bench(|| tradeoff_lang::format_source("big.tradeoff", divan::black_box(&spec)));
}

#[divan::bench]
fn parse_only_1mb(bencher: divan::Bencher) {
    let (spec, _) = generated_spec(1024 * 1024);
    bencher
        .counter(BytesCount::of_str(&spec))
        .bench(|| tradeoff_lang::parse("big.tradeoff", divan::black_box(&spec)));
}
