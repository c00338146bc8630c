#!/usr/bin/env bash
# Builds the Python binding (one abi3 wheel, maturin) in a virtualenv and tests it: the stub
# (mypy stubtest), the pytest suite and the whole conformance suite through the Python API, then
# the archive examples (archive/: DuckDB and Spark audits of a small generated archive).
# The virtualenv lives in ~/.cache/reglament (REGLAMENT_VENV overrides), so a second run is fast.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
venv=${REGLAMENT_VENV:-$HOME/.cache/reglament/venv-python}
python=${PYTHON:-python3}

if [ ! -x "$venv/bin/python" ]; then
  "$python" -m venv "$venv"
fi
# Pinned majors; pip is quick when they are already there.
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  'maturin>=1.7,<2' 'pytest>=8,<10' 'pytest-benchmark>=4,<6' 'mypy>=1.10,<2'
# The archive tests (Arrow calls, DuckDB, Spark): test dependencies only, not the package's.
"$venv/bin/python" -m pip install -q --disable-pip-version-check \
  'pyarrow>=16' 'numpy>=1.26' 'pandas>=2.2,<3' 'duckdb>=1.1' 'polars>=1' 'pyspark>=4,<5'
# Spark runs on a JVM: Debian's headless JRE, installed only when no Java is there.
if ! command -v java >/dev/null 2>&1; then
  echo "installing default-jre-headless for the Spark test"
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq && $sudo apt-get install -y -qq --no-install-recommends default-jre-headless >/dev/null
fi

echo "building the wheel"
rm -rf target/wheels/reglament-*.whl
(cd bindings-python && "$venv/bin/maturin" build --release --locked --quiet --interpreter "$venv/bin/python" --out "$root/target/wheels" 2>&1 | grep -v '^📦\|^🍹\|^🔗\|^🐍' || true)
wheel=$(ls target/wheels/reglament-*-abi3-*.whl)
echo "wheel: $wheel ($(du -k "$wheel" | cut -f1) KB)"
"$venv/bin/python" -m pip install -q --disable-pip-version-check --force-reinstall --no-deps "$wheel"

echo "checking the native module's stub (mypy stubtest) and the package's types (mypy --strict)"
(cd "$root/target" && "$venv/bin/python" -m mypy.stubtest reglament._reglament && "$venv/bin/python" -m mypy --strict --no-incremental -p reglament)

cd bindings-python
"$venv/bin/python" -m pytest -q -p no:cacheprovider --benchmark-disable "$@"

echo "the archive examples: generator, DuckDB audit, the same audit in Spark (local[2])"
cd "$root/archive"
"$venv/bin/python" -m pytest -q -p no:cacheprovider --benchmark-disable tests
