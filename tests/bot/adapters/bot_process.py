"""`radford-bot run` as a real process against a fake Bot API: its environment and how it is started."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

from fake_telegram import TOKEN, FakeTelegram


def bot_env(fake: FakeTelegram, tmp_path: Path, **extra: str) -> dict[str, str]:
    """This process's environment minus proxies and Discord, pointed at `fake` and a private store."""
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and not k.startswith("DISCORD")}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN,
        TELEGRAM_API_BASE_URL=fake.base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        NO_PROXY="127.0.0.1,localhost",
        LOG_LEVEL="INFO",
    )
    env.update(extra)
    return env


async def start_bot(env: dict[str, str], cwd: Path) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=cwd, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
