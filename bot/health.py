"""`/healthz` and `/metrics` on HEALTH_HOST:HEALTH_PORT (loopback by default), served by `radford-bot run`.

`/healthz` answers 200 while every platform works and 503 when one has been down longer than its grace
period (HEALTH_GRACE): no successful poll or gateway heartbeat for that long — a token another instance
polls with (409 Conflict), a gateway that dropped, a platform unreachable since start. The JSON says, per
platform, its state (starting, up, down), how long ago it last worked and its last error, so a container
health check or a load balancer sees a bot that lost Telegram, and the operator sees why.
`/metrics` is the Prometheus text format. Neither shows a token, a chat id or any user text.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from aiohttp import web

from bot import __version__
from bot.adapters.base import Adapter
from bot.adapters.status import PlatformStatus
from bot.core import Core
from bot.metrics import Collector, Labels, Sample

if TYPE_CHECKING:
    from bot.background import Background

log = logging.getLogger(__name__)
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"


class HealthServer:
    def __init__(self, core: Core, adapters: Sequence[Adapter], host: str = "127.0.0.1", port: int = 0) -> None:
        self.core = core
        self.adapters = list(adapters)
        self.host = host
        self.port = port
        self.started = time.monotonic()
        self._runner: web.AppRunner | None = None

    def app(self) -> web.Application:
        app = web.Application()
        app.router.add_get("/healthz", self.healthz)
        app.router.add_get("/metrics", self.metrics)
        return app

    async def start(self) -> None:
        runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=1.0)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        try:
            await site.start()
        except OSError as error:
            await runner.cleanup()
            raise OSError(f"HEALTH_PORT: cannot listen on {self.host}:{self.port}: {error.strerror}") from None
        self._runner = runner
        if self.port == 0 and runner.addresses:
            self.port = int(runner.addresses[0][1])  # an ephemeral port (tests) becomes the real one
        log.info("health and metrics on http://%s:%d/healthz and /metrics", self.host, self.port)

    async def stop(self) -> None:
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def outbox(self) -> dict[str, dict[str, int]] | None:
        """Deliveries by platform and status, when the store keeps an outbox (None before it does)."""
        counts = getattr(self.core.store, "outbox_counts", None)
        if counts is None:
            return None
        try:
            found: dict[tuple[str, str], int] = await counts()
        except Exception:
            log.exception("health: could not count the outbox")
            return None
        table: dict[str, dict[str, int]] = {adapter.name: {} for adapter in self.adapters}
        for (platform, status), number in found.items():
            table.setdefault(platform, {})[status] = number
        return table

    def platforms(self) -> dict[str, dict[str, Any]]:
        """Each platform's report: its `status` when the adapter keeps one, else whether it is connected."""
        reports: dict[str, dict[str, Any]] = {}
        for adapter in self.adapters:
            status = getattr(adapter, "status", None)
            if isinstance(status, PlatformStatus):
                reports[adapter.name] = status.report()
            else:
                up = bool(adapter.connected)
                reports[adapter.name] = {"connected": up, "state": "up" if up else "down"}
        return reports

    async def report(self) -> dict[str, Any]:
        platforms = self.platforms()
        healthy = all(report["state"] != "down" for report in platforms.values())
        stats = self.core.stats
        body: dict[str, Any] = {
            "status": "ok" if healthy else "degraded",
            "version": __version__,
            "uptime_seconds": round(time.monotonic() - self.started, 1),
            "platforms": platforms,
            "handled": stats.handled,
            "errors": stats.errors,
        }
        outbox = await self.outbox()
        if outbox is not None:
            body["outbox"] = {p: {"pending": s.get("pending", 0), **s} for p, s in sorted(outbox.items())}
        return body

    async def healthz(self, request: web.Request) -> web.Response:
        body = await self.report()
        return web.json_response(body, status=200 if body["status"] == "ok" else 503)

    async def metrics(self, request: web.Request) -> web.Response:
        gauges: dict[str, Iterable[tuple[Labels, float]]] = {
            "platform_connected": [
                ((("platform", n),), float(report["connected"])) for n, report in self.platforms().items()
            ],
            "uptime_seconds": [((), round(time.monotonic() - self.started, 3))],
        }
        outbox = await self.outbox()
        if outbox is not None:
            gauges["outbox_deliveries"] = [
                ((("platform", p), ("status", s)), float(n)) for p, row in outbox.items() for s, n in row.items()
            ]
        text = self.core.metrics.render(gauges)
        return web.Response(body=text.encode(), headers={"Content-Type": CONTENT_TYPE})


BROADCAST_OUTCOMES = ("sent", "retried", "gone", "parked", "rate_limited", "errors")


def broadcast_collector(background: Background) -> Collector:
    """The broadcasters' own counters (BroadcastStats), read at each scrape."""

    def samples() -> Iterable[Sample]:
        for broadcaster in background.broadcasters:
            for outcome in BROADCAST_OUTCOMES:
                labels = (("platform", broadcaster.platform), ("outcome", outcome))
                yield "broadcast_deliveries_total", labels, float(getattr(broadcaster.stats, outcome))

    return samples
