# tradeoff developer recipes. `just --list` shows them all.

# Score the bundled example spec, print its ranking and write its decision record
demo:
    cargo run -q -p tradeoff-cli -- score specs/sensor-ingest.tradeoff
    cargo run -q -p tradeoff-cli -- decide specs/sensor-ingest.tradeoff

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

# Run the benchmarks (divan) and write BENCHMARKS.md with every target's figure
bench:
    cargo bench --workspace
    python3 bench/compare.py

# Fuzz every target (cargo install cargo-fuzz --locked); SECONDS per target, default 60
fuzz SECONDS="60":
    bash fuzz/run.sh {{SECONDS}}

# Everything CI runs
ci:
    bash .ci/run
