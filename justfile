# tradeoff developer recipes. `just --list` shows them all.

# Score the bundled example spec and print its ranking
demo:
    cargo run -q -p tradeoff-cli -- score specs/sensor-ingest.tradeoff

# Run every test (the same command CI and README use)
test:
    cargo test --workspace

# Formatting and lints, as CI runs them
lint:
    cargo fmt --all --check
    cargo clippy --workspace --all-targets -- -D warnings

# Regenerate the decision records of all example specs into reports/
reports:
    cargo run -q -p tradeoff-cli -- decide specs --out reports

# Run the benchmarks (divan)
bench:
    cargo bench --workspace

# Everything CI runs
ci:
    bash .ci/run
