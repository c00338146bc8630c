#!/usr/bin/env bash
# Builds the Node addon (napi-rs, with cargo: @napi-rs/cli does not install here), type-checks the
# declarations with tsc and runs the node --test suite, which includes the whole conformance suite.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "building the addon"
cargo build -q --locked -p reglament-node --release
cp "${CARGO_TARGET_DIR:-target}/release/libreglament_node.so" bindings-node/reglament.node

cd bindings-node
npm ci --no-audit --no-fund --loglevel=error
echo "type-checking index.d.ts and types.d.ts (tsc --strict)"
npx --no-install tsc -p tsconfig.json
node --test test/*.test.mjs
