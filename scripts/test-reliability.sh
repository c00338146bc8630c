#!/usr/bin/env bash
# Reliability: a short run of every fuzz target, the differential run across runtimes, and the
# load tests (docs/reliability.md). Run after the binding suites (scripts/test.sh does), which
# build the wheel, the Node addon and the wasm module this script reuses.
# Usage: scripts/test-reliability.sh
#   FUZZ_SECONDS=N   seconds per fuzz target (default 20; the long run in the docs used more)
#   REGLAMENT_DIFF_CASES=N  generated differential cases (default 3000)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${REGLAMENT_VENV:-$HOME/.cache/reglament/venv-python}
seconds=${FUZZ_SECONDS:-20}

section() { printf '\n==== %s ====\n' "$*"; }

section "fuzz: build the targets (libFuzzer coverage on the stable toolchain)"
start=$(date +%s)
fuzz/build.sh -q
host=$(rustc -vV | sed -n 's/^host: //p')
echo "built in $(( $(date +%s) - start )) s"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for target in message workflow profile layer case_file; do
  section "fuzz: $target for ${seconds}s"
  # The committed seeds are read only; what the run adds goes to a scratch corpus.
  mkdir -p "$work/$target"
  dict=()
  seeds=("fuzz/corpus/$target")
  # Inputs that once failed stay in the run, so the fix is checked every time.
  [ -d "fuzz/regressions/$target" ] && seeds+=("fuzz/regressions/$target")
  [ -f "fuzz/dict/$target.dict" ] && dict=(-dict="fuzz/dict/$target.dict")
  "fuzz/target/$host/release/$target" "$work/$target" "${seeds[@]}" "${dict[@]}" \
    -max_total_time="$seconds" -max_len=16384 -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/" 2>&1 | grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb|#[0-9]+ *DONE)|ERROR|panicked|SUMMARY' || true
  if ls "$work"/crash-* "$work"/timeout-* "$work"/oom-* >/dev/null 2>&1; then
    echo "fuzz: $target found an input that fails; reproduce with fuzz/target/$host/release/$target FILE"
    for f in "$work"/crash-* "$work"/timeout-* "$work"/oom-*; do [ -f "$f" ] && { echo "$f:"; head -c 2000 "$f" | od -c | head -20; }; done
    exit 1
  fi
done

section "differential: generated cases answered by Rust, Python, Node and the browser module"
diff_dir="$work/differential"
REGLAMENT_DIFF_DIR="$diff_dir" cargo test -q --locked -p reglament --test differential -- --nocapture 2>&1 | grep -E 'differential:|test result|panicked|FAILED'
(cd bindings-python && REGLAMENT_CASES_DIR="$diff_dir" "$venv/bin/python" -m pytest -q -p no:cacheprovider --benchmark-disable tests/test_conformance.py | tail -3)
(cd bindings-node && REGLAMENT_CASES_DIR="$diff_dir" node --test test/conformance.test.mjs 2>&1 | grep -E '^# (tests|pass|fail)')
(cd bindings-wasm && REGLAMENT_CASES_DIR="$diff_dir" node --test test/conformance.test.mjs 2>&1 | grep -E '^# (tests|pass|fail)')

section "load: threads sharing rules (Rust; the Python and Node load tests run in their suites)"
cargo test -q --locked -p reglament --test load -- --nocapture 2>&1 | grep -E 'load:|reload:|test result|panicked'
echo "reliability: done"
