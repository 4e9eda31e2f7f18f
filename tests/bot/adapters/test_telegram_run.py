"""`radford-bot run` as a real process on the fake Bot API: the runtime finds the adapter from the token,
answers, and stops cleanly on SIGTERM."""

from __future__ import annotations

import asyncio
import signal

import pytest
from bot_process import bot_env, start_bot
from fake_telegram import TOKEN, FakeTelegram

pytestmark = pytest.mark.timeout(60)


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
    process = await start_bot(bot_env(fake, tmp_path, TELEGRAM_BOT_TOKEN="999:refused-token"), tmp_path)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode()
    assert process.returncode == 1, log
    assert "TELEGRAM_BOT_TOKEN" in log and "Traceback" not in log
    assert "refused-token" not in log


async def test_a_webhook_without_a_secret_refuses_to_start_before_any_network(fake: FakeTelegram, tmp_path) -> None:
    """Before: the bot started and processed any forged POST to its public webhook path (admins included)."""
    env = bot_env(fake, tmp_path, TELEGRAM_WEBHOOK_URL="https://bot.example.org/tg/hook", TELEGRAM_PORT="18443")
    env.pop("TELEGRAM_WEBHOOK_SECRET", None)
    process = await start_bot(env, tmp_path)
    _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode().strip()
    assert process.returncode == 2, log
    assert "TELEGRAM_WEBHOOK_SECRET" in log and len(log.splitlines()) == 1
    assert fake.calls == [], "nothing may touch the network"
