#!/usr/bin/env bash
# Install everything (Chromium included) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
# The whole suite runs its files side by side, one worker per core (each file on one worker,
# so a file's fixtures are made once); a run of chosen tests (arguments given) runs as asked.
if [ "$#" -eq 0 ]; then
  set -- -n auto --dist loadfile
fi
exec .venv/bin/python -m pytest "$@"
