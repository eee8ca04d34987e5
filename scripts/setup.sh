#!/usr/bin/env bash
# Set up everything portal needs on a fresh Debian machine with Python 3.11.
#   scripts/setup.sh          the site builder (Python packages in .venv/)
#   scripts/setup.sh --test   also the test tools and Debian's Chromium
#   scripts/setup.sh --bench  also what the benchmark needs (psutil, Debian's Hugo)
# Safe to run again: it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=0
want_bench=0
for arg in "$@"; do
  case "$arg" in
    --test) want_test=1 ;;
    --bench) want_bench=1 ;;
    *) echo "portal setup: unknown option $arg (use --test, --bench or none)" >&2; exit 2 ;;
  esac
done

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else echo "portal setup: need root (or sudo) to run: $*" >&2; return 1; fi
}

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "portal setup: Python 3.11 or newer is needed (found: $("$PY" --version 2>&1))." >&2
  exit 1
fi

if [ ! -x .venv/bin/python ]; then
  if ! "$PY" -m venv .venv 2>/dev/null; then
    echo "portal setup: installing Debian's python3-venv" >&2
    rm -rf .venv
    apt_install python3-venv
    "$PY" -m venv .venv
  fi
fi

extras=""
[ "$want_test" -eq 1 ] && extras="test"
[ "$want_bench" -eq 1 ] && extras="${extras:+$extras,}bench"
stamp=".venv/.portal-installed-$want_test"
[ "$want_bench" -eq 1 ] && stamp="$stamp-bench"
extras=".${extras:+[$extras]}"
if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
  .venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$extras"
  touch "$stamp"
fi

if [ "$want_test" -eq 1 ] && [ ! -x /usr/bin/chromium ] && [ -z "${PORTAL_CHROMIUM:-}" ]; then
  echo "portal setup: installing Debian's Chromium for the browser tests" >&2
  apt_install chromium
fi

# The benchmark (benchmarks/run.py) builds the same content with Debian's Hugo to compare.
if [ "$want_bench" -eq 1 ] && ! command -v hugo >/dev/null 2>&1; then
  echo "portal setup: installing Debian's Hugo for the benchmark" >&2
  apt_install hugo
fi

# The Nu Html Checker for tests/site/test_html_validity.py: the pinned vnu-jar from npm,
# run with Java (Debian's, when there is none). --ignore-scripts: the package's install
# script would download a Java of its own.
VNU_VERSION=26.9.27
if [ "$want_test" -eq 1 ]; then
  if ! command -v java >/dev/null 2>&1; then
    echo "portal setup: installing Debian's Java for the HTML checker" >&2
    apt_install default-jre-headless
  fi
  if ! grep -qs "\"version\": \"$VNU_VERSION\"" .venv/vnu/node_modules/vnu-jar/package.json; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "portal setup: installing Debian's npm to fetch the HTML checker" >&2
      apt_install npm
    fi
    npm install --prefix .venv/vnu --ignore-scripts --no-audit --no-fund --silent "vnu-jar@$VNU_VERSION"
  fi
fi

# Lighthouse for tests/browser/test_lighthouse_seo.py (the home page's SEO score), pinned from
# npm like the HTML checker and run with Debian's Chromium. The 12 series still runs on the
# Node.js of Debian 12 (13 needs Node 22).
LIGHTHOUSE_VERSION=12.8.2
if [ "$want_test" -eq 1 ]; then
  if ! grep -qs "\"version\": \"$LIGHTHOUSE_VERSION\"" .venv/lighthouse/node_modules/lighthouse/package.json; then
    if ! command -v npm >/dev/null 2>&1; then
      echo "portal setup: installing Debian's npm to fetch Lighthouse" >&2
      apt_install npm
    fi
    npm install --prefix .venv/lighthouse --no-audit --no-fund --silent "lighthouse@$LIGHTHOUSE_VERSION"
  fi
fi

# ProperDocs, the maintained fork of MkDocs 1.x, in a second environment of its own
# (.venv-properdocs/) for tests/site/test_properdocs.py: the site must come out the same with
# it, so that a district can switch if MkDocs 1.x ever stops working. Everything portal needs
# but MkDocs itself; mkdocs-static-i18n without its "mkdocs" requirement (ProperDocs answers
# its mkdocs.* imports, generator/site/engine.py).
PROPERDOCS_VERSION=1.6.7
if [ "$want_test" -eq 1 ]; then
  pd_stamp=".venv-properdocs/.portal-installed-$PROPERDOCS_VERSION"
  if [ ! -f "$pd_stamp" ] || [ pyproject.toml -nt "$pd_stamp" ]; then
    [ -x .venv-properdocs/bin/python ] || "$PY" -m venv .venv-properdocs
    mapfile -t deps < <("$PY" -c '
import tomllib
for dep in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]:
    if not dep.startswith(("mkdocs>", "mkdocs-static-i18n")):
        print(dep)')
    i18n=$("$PY" -c '
import tomllib
print(next(d for d in tomllib.load(open("pyproject.toml", "rb"))["project"]["dependencies"]
           if d.startswith("mkdocs-static-i18n")))')
    pd_pip() { .venv-properdocs/bin/python -m pip install --quiet --disable-pip-version-check "$@"; }
    pd_pip "properdocs==$PROPERDOCS_VERSION" "${deps[@]}"
    pd_pip --no-deps "$i18n"
    pd_pip --no-deps -e .
    touch "$pd_stamp"
  fi
fi
