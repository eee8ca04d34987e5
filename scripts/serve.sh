#!/usr/bin/env bash
# Build the example district site and serve it at http://127.0.0.1:8000/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/portal build
exec .venv/bin/portal serve --host "${HOST:-127.0.0.1}" --port "${PORT:-8000}"
