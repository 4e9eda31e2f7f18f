"""`radford-bot run` as a real process on the fake Bot API: health while running, a graceful SIGTERM
(in-flight replies finished, polling stopped, nothing lost or answered twice, exit 0), and no secret in
its logs even at DEBUG in JSON, with a webhook secret and failing API calls."""

from __future__ import annotations

import asyncio
import json
import signal
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from bot_process import bot_env, start_bot
from fake_telegram import TOKEN, FakeTelegram

from tests.bot.adapters.local import free_port, healthz

pytestmark = pytest.mark.timeout(90)


class SlowTelegram(FakeTelegram):
    """Replies take `delay` seconds to be accepted: long enough to SIGTERM the bot while they are in flight."""

    def __init__(self) -> None:
        super().__init__()
        self.delay = 0.0
        self.started_sends = 0

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        self.started_sends += 1
        async with self._changed:
            self._changed.notify_all()
        await asyncio.sleep(self.delay)
        return await super()._api_sendMessage(params)


async def wait_healthy(port: int, within: float = 30.0) -> dict[str, Any]:
    deadline = asyncio.get_running_loop().time() + within
    while True:
        try:
            status, body = await healthz(port)
            if status == 200 and all(p["state"] == "up" for p in body["platforms"].values()):
                return body  # 200 alone also covers a platform still starting within its grace period
        except aiohttp.ClientError:
            pass
        if asyncio.get_running_loop().time() > deadline:
            raise TimeoutError("the bot never became healthy")
        await asyncio.sleep(0.1)


@pytest.fixture
async def fake() -> AsyncIterator[SlowTelegram]:
    server = SlowTelegram()
    await server.start()
    yield server
    await server.stop()


async def test_sigterm_finishes_in_flight_replies_stops_polling_and_exits_0(fake: SlowTelegram, tmp_path) -> None:
    port = free_port()
    process = await start_bot(bot_env(fake, tmp_path, HEALTH_PORT=str(port)), tmp_path)
    try:
        body = await wait_healthy(port)
        assert body["platforms"]["telegram"]["connected"] is True
        assert body["platforms"]["telegram"]["state"] == "up"
        assert body["outbox"] == {"telegram": {"pending": 0}}
        await fake.user_message("Who is Mira Murati?", chat_id=1999)
        await fake.replies(1999, within=30)
        async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
            metrics = await response.text()
        assert 'radford_questions_total{lang="en",outcome="answered",platform="telegram"} 1.0' in metrics
        assert 'radford_broadcast_deliveries_total{outcome="sent",platform="telegram"} 0.0' in metrics
        assert TOKEN not in metrics
        fake.sent.clear()
        fake.delay = 1.5
        chats = range(2001, 2006)
        for chat in chats:
            await fake.user_message("When did Alec Radford join OpenAI?", chat_id=chat)
        await fake.wait_for(lambda: fake.started_sends >= len(chats), within=20)
        assert not fake.sent, "the replies are in flight, none accepted yet"
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = stderr.decode()
    assert process.returncode == 0, log
    assert sorted(s.chat_id for s in fake.sent) == list(chats), "every in-flight reply was delivered, once"
    assert all("2016" in s.text for s in fake.sent)
    polls = sum(1 for method, _ in fake.calls if method == "getUpdates")

    # Written while the bot is down: kept by Telegram, answered at the next start, and nothing twice.
    fake.delay = 0.0
    await fake.user_message("Who is Mira Murati?", chat_id=2100)
    await asyncio.sleep(0.5)
    assert sum(1 for method, _ in fake.calls if method == "getUpdates") == polls, "polling stopped"
    process = await start_bot(bot_env(fake, tmp_path), tmp_path)
    try:
        [reply] = await fake.replies(2100, within=30)
        assert "Murati" in reply.text
        await asyncio.sleep(1.0)
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    assert process.returncode == 0, stderr.decode()
    assert sorted(s.chat_id for s in fake.sent) == [*chats, 2100], "no update answered twice"


async def test_no_secret_reaches_the_logs_at_debug_in_json(fake: SlowTelegram, tmp_path) -> None:
    secret = "whsec_" + "Q" * 30
    listen = free_port()
    env = bot_env(
        fake, tmp_path, LOG_LEVEL="DEBUG", LOG_FORMAT="json", TELEGRAM_WEBHOOK_URL="https://bot.example.org/tg/hook",
        TELEGRAM_WEBHOOK_SECRET=secret, TELEGRAM_PORT=str(listen), HEALTH_PORT=str(free_port()),
    )  # fmt: skip
    fake.fail("setMyCommands", 500, f"Internal Server Error: bad token {TOKEN} and {secret}")
    fake.hang("setMyCommands", seconds=0.2)
    process = await start_bot(env, tmp_path)
    try:
        await fake.wait_for(lambda: fake.webhook is not None, within=30)
        assert fake.webhook is not None and fake.webhook.get("secret_token") == secret
        update = {"update_id": 1, "message": fake.make_message("Who is Mira Murati?", chat_id=3001)}
        url = f"http://127.0.0.1:{listen}/tg/hook"
        async with aiohttp.ClientSession() as session:
            for _ in range(100):  # the listener may come up just after setWebhook
                try:
                    async with session.post(url, json=update) as refused:
                        assert refused.status == 403, "without the secret header, updates are refused"
                        break
                except aiohttp.ClientConnectorError:
                    await asyncio.sleep(0.1)
            headers = {"X-Telegram-Bot-Api-Secret-Token": secret}
            async with session.post(url, json=update, headers=headers) as accepted:
                assert accepted.status == 200
        [reply] = await fake.replies(3001, within=30)
        assert secret not in reply.raw and TOKEN not in reply.raw
    finally:
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode()
    assert process.returncode == 0, log
    assert TOKEN not in log and TOKEN.split(":")[1] not in log
    assert secret not in log
    lines = log.splitlines()
    assert len(lines) > 5
    for line in lines:
        entry = json.loads(line)  # one JSON object per line, tracebacks included
        assert {"time", "level", "logger", "message"} <= set(entry)
    assert any("***" in line for line in lines), "the injected error was logged, masked"
