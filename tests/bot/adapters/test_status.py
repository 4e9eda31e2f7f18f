"""A platform's status: starting, up while successes keep coming, down once they stop for the grace period."""

from __future__ import annotations

import asyncio
import math

from bot.adapters.discord_bot import DiscordAdapter
from bot.adapters.status import PlatformStatus
from bot.settings import Settings


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_down_means_no_success_for_longer_than_the_grace_first_start_included() -> None:
    clock = Clock()
    status = PlatformStatus(30.0, clock=clock)
    assert status.state == "starting" and not status.down
    clock.now += 31
    assert status.down, "never started within the grace: down"
    status.ok()
    assert status.state == "up"
    status.failed("getUpdates answered HTTP 409: Conflict")
    clock.now += 29
    assert status.state == "up", "one failure inside the grace is not an outage"
    clock.now += 2
    report = status.report()
    assert report == {
        "connected": False,
        "state": "down",
        "last_ok_seconds_ago": 31.0,
        "last_error": "getUpdates answered HTTP 409: Conflict",
        "last_error_seconds_ago": 31.0,
        "failures_since_ok": 1,
    }
    status.ok()
    assert status.state == "up" and "last_error" in status.report() and status.failures == 0


def test_a_reason_is_one_short_line() -> None:
    status = PlatformStatus()
    status.failed("a\nmulti-line\n" + "x" * 1000)
    assert status.last_error is not None and "\n" not in status.last_error and len(status.last_error) == 200


async def test_discord_is_up_while_heartbeats_are_acknowledged_and_down_after_the_gateway_drops(
    monkeypatch, tmp_path
) -> None:
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'bot.db'}", discord_token="fake-token")
    adapter = DiscordAdapter(core=None, settings=settings, health_grace=0.2)  # type: ignore[arg-type]
    latency = {"value": 0.05}
    monkeypatch.setattr(type(adapter.client), "latency", property(lambda self: latency["value"]))
    monkeypatch.setattr(adapter.client, "is_ready", lambda: True)
    assert adapter.status.state == "up"
    latency["value"] = math.inf  # heartbeats no longer acknowledged
    await adapter.client.on_disconnect()  # discord.py's event when the gateway drops
    await asyncio.sleep(0.3)
    report = adapter.status.report()
    assert report["state"] == "down" and report["last_error"] == "gateway disconnected"
    latency["value"] = 0.04  # resumed
    assert adapter.status.state == "up"
