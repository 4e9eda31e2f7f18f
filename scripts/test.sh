#!/bin/sh
# Sets everything up, then runs the whole suite: lint, type check, tests (offline, loopback only).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
.venv/bin/pytest "$@"
