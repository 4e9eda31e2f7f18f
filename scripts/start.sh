#!/bin/sh
# Sets everything up, then starts the bot: every platform with a token, else the console chat.
set -eu
cd "$(dirname "$0")/.."
sh scripts/setup.sh
exec .venv/bin/radford-bot run "$@"
