#!/usr/bin/env bash
# A git pre-commit hook for profile authors without the pre-commit tool: lints the staged
# profile files and calendar layers (rules/profiles/*.toml, rules/calendars/*.toml and any other
# *.toml but build files; `lint` tells a layer by its `covers`) with `reglament lint`, the same
# output as a manual run, and refuses the commit on an error.
#   ln -s ../../scripts/pre-commit-lint.sh .git/hooks/pre-commit
# REGLAMENT overrides the command (default: `reglament` on PATH, else `cargo run -q -p reglament-cli --`).
set -euo pipefail
mapfile -t files < <(git diff --cached --name-only --diff-filter=ACMR -- '*.toml' \
  | grep -Ev '(^|/)(Cargo|pyproject|taplo|\.taplo|rust-toolchain|clippy|rustfmt)\.toml$' || true)
[ "${#files[@]}" -eq 0 ] && exit 0
if [ -n "${REGLAMENT:-}" ]; then
  read -r -a cmd <<< "$REGLAMENT"
elif command -v reglament >/dev/null 2>&1; then
  cmd=(reglament)
else
  cmd=(cargo run -q --locked -p reglament-cli --)
fi
exec "${cmd[@]}" lint "${files[@]}"
