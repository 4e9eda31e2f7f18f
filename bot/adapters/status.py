"""What `/healthz` says of one platform: when it last worked, the last thing that went wrong, and whether
that makes it down.

"Connected" alone said 200 while every `getUpdates` got 409 Conflict (another instance held the token):
the adapter was running, it just never received anything. Each adapter now records its successes (a
poll that returned, a gateway heartbeat) and its failures here, and a platform is down when it has gone
longer than the grace period without a success: its first start included, so a platform that never comes
up is reported down too, while the runtime keeps retrying it.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Literal

State = Literal["starting", "up", "down"]
DEFAULT_GRACE = 90.0  # seconds: three 30-second long polls, or many Discord heartbeats
MAX_REASON = 200


class PlatformStatus:
    def __init__(self, grace: float = DEFAULT_GRACE, *, clock: Callable[[], float] = time.monotonic) -> None:
        self.grace = grace
        self.clock = clock
        self.since = clock()  # the first try to start, the measure of "down" until a first success
        self.last_ok: float | None = None
        self.last_error: str | None = None
        self.last_error_at: float | None = None
        self.failures = 0  # since the last success

    def ok(self) -> None:
        """Something that needs the platform just worked (a poll returned, a heartbeat was acknowledged)."""
        self.last_ok = self.clock()
        self.failures = 0

    def failed(self, reason: str) -> None:
        """Something that needs the platform failed; `reason` is a short text without secrets."""
        self.last_error = " ".join(reason.split())[:MAX_REASON]
        self.last_error_at = self.clock()
        self.failures += 1

    @property
    def state(self) -> State:
        now = self.clock()
        reference = self.last_ok if self.last_ok is not None else self.since
        if now - reference > self.grace:
            return "down"
        return "up" if self.last_ok is not None else "starting"

    @property
    def down(self) -> bool:
        return self.state == "down"

    def report(self) -> dict[str, Any]:
        """For /healthz: the state, how long ago things last worked and failed (seconds), the last error."""
        now = self.clock()
        state = self.state
        body: dict[str, Any] = {"connected": state == "up", "state": state}
        body["last_ok_seconds_ago"] = None if self.last_ok is None else round(now - self.last_ok, 1)
        if self.last_error is not None and self.last_error_at is not None:
            body["last_error"] = self.last_error
            body["last_error_seconds_ago"] = round(now - self.last_error_at, 1)
            body["failures_since_ok"] = self.failures
        return body
