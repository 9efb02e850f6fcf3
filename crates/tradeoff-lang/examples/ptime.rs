use std::collections::HashSet;
use std::fmt::Write as _;
use std::time::Instant;
include!("/tmp/gen.rs");
fn main() {
    let (spec, names) = generated_spec(1024 * 1024);
    let mut times = Vec::new();
    let n: usize = std::env::args().nth(1).map_or(150, |a| a.parse().unwrap());
    for _ in 0..n {
        let t = Instant::now();
        let ast = tradeoff_lang::parse("big", std::hint::black_box(&spec)).unwrap();
        let plan = tradeoff_lang::compile(&ast, &names).unwrap();
        drop(std::hint::black_box(plan));
        drop(ast);
        times.push(t.elapsed().as_secs_f64() * 1000.0);
    }
    let line: Vec<String> = times.iter().map(|t| format!("{t:.0}")).collect();
    println!("{}", line.join(" "));
    times.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("min {:.1} median {:.1}", times[0], times[times.len() / 2]);
}
