#!/usr/bin/env bash
# Installs what the tests need from the package registries and runs every test suite:
# Rust (unit, property, snapshot, conformance), then the bindings' suites.
# Usage: scripts/test.sh        (what .ci/run runs)
set -euo pipefail
cd "$(dirname "$0")/.."
export CARGO_TERM_COLOR=never

section() { printf '\n==== %s ====\n' "$*"; }

section "Rust: lint and tests"
cargo clippy --workspace --all-targets --locked -q -- -D warnings
cargo test --workspace --locked

section "Rules: lint every built-in profile and the conformance suite through the CLI"
if [ -d rules/profiles ] && ls rules/profiles/*.toml >/dev/null 2>&1 && cargo run -q --locked -p reglament-cli -- lint --help >/dev/null 2>&1; then
  cargo run -q --locked -p reglament-cli -- lint rules/profiles/*.toml
fi
if ls tests/conformance/*.json >/dev/null 2>&1 && cargo run -q --locked -p reglament-cli -- test --help >/dev/null 2>&1; then
  cargo run -q --locked -p reglament-cli -- test tests/conformance
  # The rule author's worked example (README): its own profile files, linted and tested.
  cargo run -q --locked -p reglament-cli -- lint examples/my-town/*.toml
  cargo run -q --locked -p reglament-cli -- test examples/my-town
fi

for suite in scripts/test-python.sh scripts/test-node.sh scripts/test-wasm.sh; do
  if [ -x "$suite" ]; then
    section "$suite"
    "$suite"
  fi
done
[ -x scripts/test-reliability.sh ] && { section "scripts/test-reliability.sh"; scripts/test-reliability.sh; }
section "all suites passed"
