#!/usr/bin/env bash
# Runs every fuzz target for SECONDS each (default 240) with libFuzzer on stable Rust
# (RUSTC_BOOTSTRAP=1 lets cargo-fuzz pass its -Z flags); logs go to fuzz/logs/<target>.log.
# Usage: fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-240}; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(text html numbers decode check files)
[ -d corpus/files ] || ./seed.sh
mkdir -p logs
export RUSTC_BOOTSTRAP=1 CARGO_TARGET_DIR="$PWD/target"
for t in "${targets[@]}"; do
  echo "== $t ($secs s)"
  cargo fuzz run -O "$t" "corpus/$t" -- -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 >"logs/$t.log" 2>&1 || echo "!! $t: exit $? (see logs/$t.log)"
  grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE|cov:" "logs/$t.log" | tail -2
done
