#!/bin/sh
# Creates .venv and installs the project into it ("dev" adds the test tools). Installs only when
# pyproject.toml changed since the last install, so a restart needs neither time nor the network.
set -eu
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
if ! "$PY" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
    echo "radford-bot needs Python 3.11 or newer; $PY is $("$PY" --version 2>&1). Set PYTHON=python3.11." >&2
    exit 1
fi
if [ ! -x .venv/bin/python ]; then
    "$PY" -m venv .venv || { echo "could not create .venv: install Python's venv module (Debian: python3-venv)" >&2; exit 1; }
fi

extra=${1:-}
stamp=".venv/.installed${extra:+-$extra}"
fresh() { [ -f "$1" ] && [ ! pyproject.toml -nt "$1" ]; }
if fresh "$stamp" || { [ -z "$extra" ] && fresh .venv/.installed-dev; }; then
    exit 0  # up to date (a dev install includes the plain one)
fi
.venv/bin/python -m pip install -q --upgrade pip
if [ "$extra" = dev ]; then
    .venv/bin/python -m pip install -q -e ".[dev]"
else
    .venv/bin/python -m pip install -q -e .
fi
touch "$stamp"
