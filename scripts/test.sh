#!/usr/bin/env bash
# Install what the tests need, then lint and run the whole test suite.
#   - Python packages into .venv (requirements-dev.txt)
#   - Debian's chromium for the browser tests, and postgresql with postgis for the
#     database tests (a server is started by the tests themselves), if missing
#   - the map's browser assets (python -m components.map.assets: pinned npm tarballs,
#     integrity-checked) that the app serves itself
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 \
  || missing+=(postgresql-postgis)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian's ${missing[*]} for the browser and database tests"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
      "${missing[@]}" >/dev/null
  else
    echo "No apt-get: the tests that need ${missing[*]} will skip" >&2
  fi
fi

.venv/bin/python -m components.map.assets

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
