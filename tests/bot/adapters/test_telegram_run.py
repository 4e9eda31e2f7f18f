"""`radford-bot run` as a real process on the fake Bot API: the runtime finds the adapter from the token,
answers, and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator

import pytest
from fake_telegram import TOKEN, FakeTelegram

pytestmark = pytest.mark.timeout(60)


def bot_env(fake: FakeTelegram, tmp_path, token: str = TOKEN) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and not k.startswith("DISCORD")}
    env.update(
        TELEGRAM_BOT_TOKEN=token,
        TELEGRAM_API_BASE_URL=fake.base_url,
        DATABASE_URL=f"sqlite:///{tmp_path / 'bot.db'}",
        NO_PROXY="127.0.0.1,localhost",
        LOG_LEVEL="INFO",
    )
    return env


async def start_bot(env: dict[str, str], cwd) -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=cwd, env=env,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip


@pytest.fixture
async def fake() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()


async def test_radford_bot_run_answers_on_telegram_and_stops_on_sigterm(fake: FakeTelegram, tmp_path) -> None:
    process = await start_bot(bot_env(fake, tmp_path), tmp_path)
    try:
        await fake.user_message("When did Alec Radford join OpenAI?")
        [reply] = await fake.replies(1001, within=30)
        assert "2016" in reply.text
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 20)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert "telegram adapter started" in log
    assert TOKEN not in log, "the token never reaches a log line"


async def test_radford_bot_run_with_a_refused_token_says_so_in_one_line(fake: FakeTelegram, tmp_path) -> None:
    process = await start_bot(bot_env(fake, tmp_path, token="999:refused-token"), tmp_path)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode()
    assert process.returncode == 1, log
    assert "TELEGRAM_BOT_TOKEN" in log and "Traceback" not in log
    assert "refused-token" not in log
