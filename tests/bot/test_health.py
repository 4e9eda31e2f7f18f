"""`/healthz` and `/metrics` over real loopback HTTP, with stand-in adapters and an optional outbox."""

from __future__ import annotations

from collections.abc import AsyncIterator

import aiohttp
import pytest

from bot.core import Core
from bot.health import HealthServer
from handlers.types import Incoming


class StubAdapter:
    def __init__(self, name: str, connected: bool) -> None:
        self.name = name
        self.connected = connected

    async def start(self) -> None: ...

    async def stop(self) -> None: ...


@pytest.fixture
async def core(tmp_path) -> AsyncIterator[Core]:
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


async def get(server: HealthServer, path: str) -> tuple[int, str, str]:
    async with (
        aiohttp.ClientSession() as session,
        session.get(f"http://127.0.0.1:{server.port}{path}") as response,
    ):
        return response.status, response.headers["Content-Type"], await response.text()


@pytest.fixture
async def served(core: Core) -> AsyncIterator[tuple[HealthServer, list[StubAdapter]]]:
    adapters = [StubAdapter("telegram", True), StubAdapter("discord", True)]
    server = HealthServer(core, adapters, "127.0.0.1", 0)  # type: ignore[arg-type]
    await server.start()
    yield server, adapters
    await server.stop()


async def test_healthz_is_ok_while_every_platform_is_connected(served) -> None:
    server, adapters = served
    status, _, body = await get(server, "/healthz")
    assert status == 200
    assert '"status": "ok"' in body and '"telegram": {"connected": true, "state": "up"}' in body
    assert '"outbox": {"discord": {"pending": 0}, "telegram": {"pending": 0}}' in body
    adapters[1].connected = False
    status, _, body = await get(server, "/healthz")
    assert status == 503
    assert '"discord": {"connected": false, "state": "down"}' in body


async def test_metrics_speak_the_prometheus_text_format(served, core: Core) -> None:
    server, _ = served
    await core.handle(Incoming.from_text("telegram", "1", "1", "When did Alec Radford join OpenAI?"))
    await core.handle(Incoming.from_text("discord", "2", "2", "Quand Radford a-t-il quitté OpenAI ?"))
    await core.handle(Incoming.from_text("telegram", "1", "1", "/timeline"))
    status, content_type, text = await get(server, "/metrics")
    assert status == 200 and content_type.startswith("text/plain") and "version=0.0.4" in content_type
    assert 'radford_questions_total{lang="en",outcome="answered",platform="telegram"} 1.0' in text
    assert 'radford_questions_total{lang="fr",outcome="answered",platform="discord"} 1.0' in text
    assert 'radford_commands_total{command="timeline",platform="telegram"} 1.0' in text
    assert 'radford_answer_seconds_bucket{le="+Inf",platform="telegram"} 2.0' in text
    assert 'radford_platform_connected{platform="discord"} 1.0' in text
    assert "radford_uptime_seconds " in text


async def test_the_outbox_backlog_is_reported_when_the_store_keeps_one(served, core: Core) -> None:
    server, _ = served

    async def outbox_counts() -> dict[tuple[str, str], int]:
        return {("telegram", "pending"): 4, ("telegram", "sent"): 10, ("discord", "parked"): 1}

    core.store.outbox_counts = outbox_counts  # type: ignore[attr-defined]
    status, _, body = await get(server, "/healthz")
    assert status == 200
    assert '"telegram": {"pending": 4, "sent": 10}' in body
    assert '"discord": {"pending": 0, "parked": 1}' in body
    _, _, text = await get(server, "/metrics")
    assert 'radford_outbox_deliveries{platform="telegram",status="pending"} 4.0' in text


async def test_a_port_in_use_names_the_setting(served, core: Core) -> None:
    server, _ = served
    clash = HealthServer(core, [], "127.0.0.1", server.port)
    with pytest.raises(OSError, match="HEALTH_PORT"):
        await clash.start()


async def test_unknown_paths_are_404(served) -> None:
    server, _ = served
    status, _, _ = await get(server, "/admin")
    assert status == 404


def test_the_broadcasters_counters_are_exposed_as_counters() -> None:
    from types import SimpleNamespace

    from bot.broadcast import BroadcastStats
    from bot.health import broadcast_collector
    from bot.metrics import Metrics

    background = SimpleNamespace(broadcasters=[SimpleNamespace(platform="telegram", stats=BroadcastStats(sent=7))])
    metrics = Metrics()
    metrics.add_collector(broadcast_collector(background))  # type: ignore[arg-type]
    text = metrics.render()
    assert "# TYPE radford_broadcast_deliveries_total counter" in text
    assert 'radford_broadcast_deliveries_total{outcome="sent",platform="telegram"} 7.0' in text
    background.broadcasters[0].stats.parked = 2
    assert 'radford_broadcast_deliveries_total{outcome="parked",platform="telegram"} 2.0' in metrics.render()
