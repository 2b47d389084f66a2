#!/usr/bin/env bash
# Install what the tests need, then lint and run the whole test suite.
#   - Python packages into .venv (requirements-dev.txt)
#   - Debian's chromium for the browser tests, if it is not there yet
#   - the map's browser assets (python -m components.assets: pinned npm tarballs,
#     integrity-checked) that the app serves itself
# Usage: bash scripts/test.sh [pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python3 -m venv .venv
.venv/bin/pip install --quiet --disable-pip-version-check -r requirements-dev.txt

if [ ! -x /usr/bin/chromium ]; then
  if command -v apt-get >/dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing Debian's chromium for the browser tests"
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq chromium >/dev/null
  else
    echo "No apt-get: browser tests will look for Playwright's own Chromium" >&2
  fi
fi

.venv/bin/python -m components.assets

.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/python -m pytest "$@"
