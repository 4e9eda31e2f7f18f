"""A named lease in the store, held and renewed by one process: one feed poller, one Telegram poller.

`acquire` takes it (or finds another holder); `keep` renews it in the background every third of its
time-to-live and calls `lost` if another process took it over (this one stalled past the expiry).
A process that dies simply stops renewing: the lease passes to another after `ttl` seconds.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import socket
import time
import uuid
from collections.abc import Callable

from knowledge.store import Store

log = logging.getLogger(__name__)


def holder_name() -> str:
    """Who holds a lease, as an operator reads it in a log line: host, process id, and a unique tail."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:6]}"


class Lease:
    def __init__(self, store: Store, name: str, *, ttl: float = 60.0, holder: str | None = None) -> None:
        self.store = store
        self.name = name
        self.ttl = ttl
        self.holder = holder or holder_name()
        self.held = False
        self._task: asyncio.Task[None] | None = None

    async def acquire(self) -> bool:
        self.held = await self.store.acquire_lease(self.name, self.holder, self.ttl, time.time())
        return self.held

    async def other_holder(self) -> str | None:
        holder = await self.store.lease_holder(self.name, time.time())
        return holder if holder != self.holder else None

    def keep(self, lost: Callable[[], None] | None = None) -> None:
        """Renew in the background while held."""
        self._task = asyncio.create_task(self._renew(lost), name=f"lease-{self.name}")

    async def _renew(self, lost: Callable[[], None] | None) -> None:
        while self.held:
            await asyncio.sleep(self.ttl / 3)
            try:
                self.held = await self.acquire()
            except Exception:
                log.exception("could not renew the lease %s; trying again", self.name)
                continue
            if not self.held:
                log.error("lease %s was taken over by another process", self.name)
                if lost is not None:
                    lost()

    async def release(self) -> None:
        if self._task is not None:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        if self.held:
            self.held = False
            with contextlib.suppress(Exception):
                await self.store.release_lease(self.name, self.holder)
