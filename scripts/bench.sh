#!/usr/bin/env bash
# The benchmark against Hugo (README, "Benchmark"): sets up what it needs, then runs it.
#   scripts/bench.sh                      small, district and state
#   scripts/bench.sh district --markdown  one size, tables as Markdown
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --bench
exec .venv/bin/python -m benchmarks "$@"
