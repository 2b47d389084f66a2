#!/usr/bin/env bash
# Install what the tests need, then lint, type-check and run every test.
#   - Python packages into .venv (requirements-dev.txt)
#   - Debian's chromium for the browser tests, postgresql with postgis for the
#     database tests (a server is started by the tests themselves), and nodejs and
#     npm for the map script's lint and tests, if missing
#   - the map's browser assets (python -m components.map.assets: pinned npm tarballs,
#     integrity-checked) that the app serves itself
#   - ESLint into node_modules (npm ci: package-lock.json, development only)
# Then: ruff, ESLint, the map script's unit tests (node --test), mypy, pytest.
# Usage: bash scripts/test.sh [pytest arguments]
# (the fast lane: bash scripts/test.sh -m "not browser and not postgres and not slow";
# see docs/testing.md)
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
  || missing+=(postgresql-postgis)
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian's ${missing[*]} for the browser, database and map script tests"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      "${missing[@]}" >/dev/null
  else
    echo "No apt-get: the tests that need ${missing[*]} will skip" >&2
  fi
fi

.venv/bin/python -m components.map.assets
javascript=""
if command -v node >/dev/null && command -v npm >/dev/null; then
  npm ci --silent --no-audit --no-fund
  javascript=yes
elif [ -n "${CI:-}" ]; then
  echo "No Node.js and npm: cannot lint and test static/incident-map.js" >&2
  exit 1
else
  echo "No Node.js and npm: the map script's lint and tests are skipped" >&2
fi

.venv/bin/ruff check .
.venv/bin/ruff format --check .
if [ -n "$javascript" ]; then
  npm run --silent lint
  npm test --silent
fi
.venv/bin/python -m mypy
.venv/bin/python -m pytest "$@"
