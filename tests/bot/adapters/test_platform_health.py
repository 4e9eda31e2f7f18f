"""Health that tells the truth, and a start that survives a platform being down: the real Telegram adapter
on the fake Bot API answering 409 Conflict to every getUpdates, or unreachable (502) from the start."""

from __future__ import annotations

import asyncio
import signal
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import pytest
from bot_process import bot_env, start_bot
from fake_telegram import TOKEN, FakeTelegram

from bot.adapters.telegram import TelegramAdapter
from bot.core import Core
from bot.health import HealthServer
from bot.runtime import run_platforms
from bot.settings import Settings
from tests.bot.adapters.local import free_port, healthz

pytestmark = pytest.mark.timeout(90)


@pytest.fixture
async def core(tmp_path) -> AsyncIterator[Core]:
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


async def wait_health(port: int, status: int, within: float = 30.0) -> dict[str, Any]:
    """The /healthz body once it answers `status`."""
    deadline = asyncio.get_running_loop().time() + within
    last: Any = None
    while asyncio.get_running_loop().time() < deadline:
        try:
            code, body = await healthz(port)
            if code == status:
                return body
            last = (code, body)
        except aiohttp.ClientError as error:
            last = error
        await asyncio.sleep(0.1)
    raise AssertionError(f"/healthz never answered {status}; last: {last}")


class Stub:
    """Another platform (Discord, say) that starts at once and keeps serving."""

    name = "stub"

    def __init__(self) -> None:
        self.started = asyncio.Event()
        self.stopped = False

    async def start(self) -> None:
        self.started.set()

    async def stop(self) -> None:
        self.stopped = True

    @property
    def connected(self) -> bool:
        return self.started.is_set() and not self.stopped


def telegram(core: Core, fake: FakeTelegram, **options: Any) -> TelegramAdapter:
    settings = Settings(database_url="sqlite:///unused.db", telegram_token=TOKEN, telegram_api_base_url=fake.base_url)
    return TelegramAdapter(core, settings, request_timeout=1.0, poll_timeout=1, backoff=0.05, **options)


async def test_409_conflict_on_every_poll_turns_healthz_503_then_200_when_it_clears(
    fake: FakeTelegram, core: Core
) -> None:
    adapter = telegram(core, fake, health_grace=3.0)
    server = HealthServer(core, [adapter], "127.0.0.1", 0)  # type: ignore[list-item]
    await server.start()
    await adapter.start()
    try:
        body = await wait_health(server.port, 200)
        assert body["platforms"]["telegram"]["state"] == "up"
        fake.down, fake.down_methods = 409, {"getUpdates"}  # a second instance polls with our token
        body = await wait_health(server.port, 503, within=20)
        report = body["platforms"]["telegram"]
        assert body["status"] == "degraded" and report["state"] == "down" and report["connected"] is False
        assert "409" in report["last_error"] and "Conflict" in report["last_error"]
        assert report["last_ok_seconds_ago"] >= 3.0 and report["failures_since_ok"] >= 1
        assert TOKEN not in str(body)
        metrics_url = f"http://127.0.0.1:{server.port}/metrics"
        async with aiohttp.ClientSession() as session, session.get(metrics_url) as response:
            assert 'radford_platform_connected{platform="telegram"} 0' in await response.text()
        fake.down = None
        body = await wait_health(server.port, 200, within=40)
        assert body["platforms"]["telegram"]["state"] == "up"
    finally:
        await adapter.stop()
        await server.stop()


async def test_telegram_down_at_start_is_retried_while_another_platform_serves_then_recovers(
    fake: FakeTelegram, core: Core
) -> None:
    fake.down = 502
    adapter = telegram(core, fake, health_grace=1.0, max_attempts=2)
    other = Stub()
    server = HealthServer(core, [adapter, other], "127.0.0.1", 0)  # type: ignore[list-item]
    await server.start()
    stop = asyncio.Event()
    run = asyncio.create_task(run_platforms([adapter, other], first_retry=0.2, max_retry=0.5, stop=stop))  # type: ignore[list-item]
    try:
        await asyncio.wait_for(other.started.wait(), 5)
        body = await wait_health(server.port, 503, within=20)
        assert body["platforms"]["telegram"]["state"] == "down"
        assert "Bad Gateway" in body["platforms"]["telegram"]["last_error"]
        assert body["platforms"]["stub"]["state"] == "up", "the other platform is unaffected"
        calls = sum(1 for method, _ in fake.calls if method == "getMe")
        await asyncio.sleep(1.5)
        assert not run.done(), "the run goes on"
        assert sum(1 for method, _ in fake.calls if method == "getMe") > calls, "and keeps retrying"
        fake.down = None
        await wait_health(server.port, 200, within=20)
        await fake.user_message("When did Alec Radford join OpenAI?")
        [reply] = await fake.replies(1001, within=20)
        assert "2016" in reply.text
    finally:
        stop.set()
        assert await asyncio.wait_for(run, 30) == 0
        await server.stop()
    assert other.stopped and not adapter.connected


async def test_radford_bot_run_outlives_a_telegram_outage_logging_each_retry(fake: FakeTelegram, tmp_path) -> None:
    """It used to exit after ~8 s of an unreachable API (and systemd gave up after two minutes)."""
    fake.down = 502
    port = free_port()
    process = await start_bot(bot_env(fake, tmp_path, HEALTH_PORT=str(port), HEALTH_GRACE="2"), tmp_path)
    try:
        body = await wait_health(port, 503, within=30)
        assert body["platforms"]["telegram"]["state"] == "down"
        await asyncio.sleep(10)
        assert process.returncode is None, "still running after the old ~8 s give-up"
        fake.down = None
        await wait_health(port, 200, within=40)
        await fake.user_message("When did Alec Radford join OpenAI?")
        [reply] = await fake.replies(1001, within=30)
        assert "2016" in reply.text
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
    log = stderr.decode()
    assert process.returncode == 0, log[-3000:]
    assert "telegram: could not start" in log and "trying again in" in log
    assert "telegram adapter started" in log
    assert TOKEN not in log


async def test_a_running_webhook_stays_up_without_updates(fake: FakeTelegram, core: Core) -> None:
    """Telegram calls a webhook only when there is something to deliver: silence is not an outage."""
    settings = Settings(
        database_url="sqlite:///unused.db", telegram_token=TOKEN, telegram_api_base_url=fake.base_url,
        telegram_webhook_url="https://bot.example.org/tg/hook", telegram_webhook_secret="s3cret",
        telegram_port=free_port(),
    )  # fmt: skip
    adapter = TelegramAdapter(core, settings, request_timeout=1.0, backoff=0.05, health_grace=0.3)
    await adapter.start()
    try:
        await asyncio.sleep(0.6)
        assert adapter.status.state == "up"
    finally:
        await adapter.stop()
    await asyncio.sleep(0.6)
    assert adapter.status.state == "down", "a stopped webhook no longer counts as a heartbeat"
