"""What the runtime and the broadcaster need of a platform adapter.

`Adapter` is started and stopped by the runtime. `Sender` delivers one Reply to one chat and reports a
failure as one of three typed errors, so the broadcaster can decide what to do without knowing any
platform's exceptions.
"""

from __future__ import annotations

from typing import Protocol

from handlers.types import Reply


class Adapter(Protocol):
    """Optional extras the runtime and /healthz use when present: `status` (a `PlatformStatus`: successes
    and failures, so health can say "down" when polls or heartbeats stop working) and `fatal_errors` (the
    start errors retrying cannot fix, such as a refused token; any other start error is retried)."""

    name: str

    async def start(self) -> None:
        """Connect and begin receiving; returns once running (the work continues on the event loop)."""

    async def stop(self) -> None:
        """Finish in-flight replies, stop receiving, disconnect."""

    @property
    def connected(self) -> bool: ...


class DeliveryError(Exception):
    """A message could not be delivered; subclasses say whether trying again makes sense."""


class RecipientGone(DeliveryError):
    """The user blocked the bot, left, closed their DMs, or the chat no longer exists: stop sending."""


class RetryLater(DeliveryError):
    """The platform asked us to slow down; try again after `retry_after` seconds."""

    def __init__(self, retry_after: float, message: str = "") -> None:
        super().__init__(message or f"retry after {retry_after:g} s")
        self.retry_after = retry_after


class TemporaryFailure(DeliveryError):
    """A network error or a server-side failure: worth retrying with backoff."""


class Sender(Protocol):
    platform: str

    async def send(self, chat_id: str, reply: Reply) -> None:
        """Deliver `reply` to `chat_id`; return only once the platform confirmed it, else raise DeliveryError."""
