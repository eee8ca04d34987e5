#!/usr/bin/env bash
# Install everything (Chromium included) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# The whole suite runs its files side by side, one worker per core: each file on one worker, so
# a file's fixtures are made once, except the parts of the longest walk (axe on every page,
# tests/browser/test_every_page.py), each in a group of its own that any worker takes; they
# run first, and the rest in the order of the files (browser tests, the slowest, first), not
# xdist's default of the files with the most tests first (tests/conftest.py). A run of chosen
# tests (arguments given) runs as asked.
if [ "$#" -eq 0 ]; then
  set -- -n auto --dist loadgroup --no-loadscope-reorder
fi
exec .venv/bin/python -m pytest "$@"
