#!/usr/bin/env bash
# Runs every fuzz target. Usage: fuzz/run.sh [SECONDS_PER_TARGET] (default 60).
# Needs cargo-fuzz (`cargo install cargo-fuzz --locked`); RUSTC_BOOTSTRAP lets the stable
# toolchain accept the -Z flags libFuzzer instrumentation needs.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-60}"
export RUSTC_BOOTSTRAP=1
for target in parse_compile catalog_load decide_pipeline render_diagnostic; do
  mkdir -p "corpus/$target"
  cp -n seeds/"$target"/* "corpus/$target/" 2>/dev/null || true
  echo "==> fuzzing $target for ${seconds}s"
  cargo fuzz run -O -s none "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -max_len=4096 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1
done
