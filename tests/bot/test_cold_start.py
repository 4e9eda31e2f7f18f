"""`ask` and `chat` must start fast: they never import a platform library (discord.py alone costs about
half a second) nor the plotting library the timeline picture needs, whatever the store holds."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from bot.cli import main
code = main(sys.argv[1:])
heavy = sorted({name.split(".")[0] for name in sys.modules} & {"discord", "telegram", "matplotlib", "numpy"})
print("IMPORTED:" + ",".join(heavy))
sys.exit(code)
"""


def _run(built_store: Path, tmp_path: Path, *args: str, stdin: str = "") -> str:
    path = tmp_path / "bot.db"
    shutil.copy(built_store, path)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    env.pop("TELEGRAM_BOT_TOKEN", None)
    env.pop("DISCORD_BOT_TOKEN", None)
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], input=stdin, capture_output=True, text=True, env=env, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_ask_imports_no_platform_library(built_store: Path, tmp_path: Path) -> None:
    out = _run(built_store, tmp_path, "ask", "When did Alec Radford join OpenAI?")
    assert "2016" in out
    assert out.strip().endswith("IMPORTED:")


def test_ask_json_stream_imports_no_platform_library(built_store: Path, tmp_path: Path) -> None:
    out = _run(built_store, tmp_path, "ask", "--json", stdin="Who is Alec Radford?\nQuand a-t-il quitté OpenAI ?\n")
    assert out.count('"answered"') == 2
    assert out.strip().endswith("IMPORTED:")


def test_chat_imports_no_platform_library(built_store: Path, tmp_path: Path) -> None:
    out = _run(built_store, tmp_path, "chat", stdin="")
    assert out.strip().endswith("IMPORTED:")


def test_a_console_timeline_is_text_and_draws_nothing(built_store: Path, tmp_path: Path) -> None:
    out = _run(built_store, tmp_path, "chat", stdin="/timeline\n/timeline 2024\n")
    assert "1. 2016 — " in out and "Timeline: 2024" in out
    assert out.strip().endswith("IMPORTED:")
