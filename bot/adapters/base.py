"""What the runtime needs of a platform adapter: start it, stop it, and ask whether it is connected."""

from __future__ import annotations

from typing import Protocol


class Adapter(Protocol):
    name: str

    async def start(self) -> None:
        """Connect and begin receiving; returns once running (the work continues on the event loop)."""

    async def stop(self) -> None:
        """Finish in-flight replies, stop receiving, disconnect."""

    @property
    def connected(self) -> bool: ...
