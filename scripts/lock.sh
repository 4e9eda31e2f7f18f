#!/bin/sh
# Regenerates deploy/requirements.lock: every package the Docker image installs (the dependencies in
# pyproject.toml, and the build backend in deploy/build-requirements.in), pinned with the sha256 of each
# file the index offers for that version. Run it after changing dependencies, and commit the result.
# It uses `uv` from PATH, else installs uv into a throwaway venv. The dev and CI setup (scripts/setup.sh)
# does not use the lock.
set -eu
cd "$(dirname "$0")/.."
uv=${UV:-}
if [ -z "$uv" ] && command -v uv >/dev/null 2>&1; then
    uv=uv
fi
if [ -z "$uv" ]; then
    tools=$(mktemp -d)
    trap 'rm -rf "$tools"' EXIT
    "${PYTHON:-python3}" -m venv "$tools"
    "$tools/bin/python" -m pip install -q "uv>=0.5"
    uv="$tools/bin/uv"
fi
# --universal: one lock for every platform the image may be built on (amd64, arm64), Python 3.11 as in it.
"$uv" pip compile pyproject.toml deploy/build-requirements.in \
    --universal --python-version 3.11 --generate-hashes --no-cache --quiet \
    --custom-compile-command "sh scripts/lock.sh" \
    --output-file deploy/requirements.lock
echo "deploy/requirements.lock: $(grep -c '==' deploy/requirements.lock) packages pinned with hashes"
