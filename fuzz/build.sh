#!/usr/bin/env bash
# Builds the fuzz targets with libFuzzer's coverage instrumentation on the STABLE toolchain.
# These are the flags cargo-fuzz passes with `--sanitizer none`; all are stable `-C` options,
# so neither nightly nor RUSTC_BOOTSTRAP is needed. (No AddressSanitizer: the crate forbids
# `unsafe`, so memory errors cannot arise in it; panics and the invariants are what we hunt.)
set -euo pipefail
cd "$(dirname "$0")"
export RUSTFLAGS="--cfg fuzzing -Cpasses=sancov-module -Cllvm-args=-sanitizer-coverage-level=4 \
 -Cllvm-args=-sanitizer-coverage-inline-8bit-counters -Cllvm-args=-sanitizer-coverage-pc-table \
 -Cllvm-args=-sanitizer-coverage-trace-compares -Cdebug-assertions -Coverflow-checks"
# An explicit --target keeps RUSTFLAGS off build scripts and proc macros (as cargo-fuzz does).
exec cargo build --release --locked --bins --target "$(rustc -vV | sed -n "s/^host: //p")" "$@"
