#!/bin/sh
# Sets everything up, then runs the whole suite: lint, type check, tests (offline, loopback only).
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh dev
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/mypy
# One test process per core: every test has its own store copy, schema and ports, so they run side by side
# (about 4 minutes on two cores, against 7 one after the other). `-n 0` as an argument runs them in one process.
.venv/bin/pytest -n auto "$@"
