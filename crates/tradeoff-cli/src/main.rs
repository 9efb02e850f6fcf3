//! The `tradeoff` binary: argument parsing and exit codes only; all logic lives in the crates.

fn main() {}
