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
    python3 bench/lsp_latency.py

# Fuzz every target (cargo install cargo-fuzz --locked); SECONDS per target, default 60
fuzz SECONDS="60":
    bash fuzz/run.sh {{SECONDS}}

# Everything CI runs
ci:
    bash .ci/run

# Regenerate the catalog's generated facts (catalog/generated/) from the pinned extracts in
# catalog/sources/ through the importers; CI fails when the committed files differ
catalog:
    cargo run -q -p tradeoff-cli -- catalog import web-frameworks crates/tradeoff-core/catalog/sources/web-frameworks/data.json --source https://github.com/the-benchmarker/web-frameworks/blob/6ea701932af3e8cd08ad4df684525d95bc5143c2 --out crates/tradeoff-core/catalog/generated/web-frameworks.toml
    cargo run -q -p tradeoff-cli -- catalog import web-frameworks crates/tradeoff-core/catalog/sources/web-frameworks-2025-11-30/data.json --source https://github.com/the-benchmarker/web-frameworks/blob/3f5b06b17e27af5403eeb03cb1fa70deb02dbc56 --out crates/tradeoff-core/catalog/generated/web-frameworks-2025-11-30.toml
    cargo run -q -p tradeoff-cli -- catalog import github-ranking crates/tradeoff-core/catalog/sources/github-ranking/github-ranking-2025-08-18.csv crates/tradeoff-core/catalog/sources/github-ranking/github-ranking-2026-08-22.csv --source https://github.com/EvanLi/Github-Ranking/blob/1f3e1701525143b5ac563105153e380610d1ad53/Data --out crates/tradeoff-core/catalog/generated/github-ranking.toml
