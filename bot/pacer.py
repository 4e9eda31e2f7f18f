"""Token buckets that keep a broadcaster inside a platform's sending limits.

Telegram asks for about 30 messages a second overall, one a second per chat and 20 a minute per group;
going faster earns 429s and, repeated, a ban. Each limit is a bucket; a message may go when every bucket
that concerns it has a token. A `retry_after` from the platform pauses everything. The clock is injected
so the tests and the benchmark can run on simulated time.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace

Clock = Callable[[], float]
Sleep = Callable[[float], Awaitable[None]]


class TokenBucket:
    """`rate` tokens a second, holding at most `burst`; starts full."""

    __slots__ = ("burst", "rate", "stamp", "tokens")

    def __init__(self, rate: float, burst: float, now: float) -> None:
        if rate <= 0 or burst < 1:
            raise ValueError("a bucket needs a positive rate and room for at least one token")
        self.rate = rate
        self.burst = burst
        self.tokens = burst
        self.stamp = now

    def _refill(self, now: float) -> None:
        if now > self.stamp:
            self.tokens = min(self.burst, self.tokens + (now - self.stamp) * self.rate)
            self.stamp = now

    def wait(self, now: float) -> float:
        """Seconds until a token is available (0 when one is)."""
        self._refill(now)
        # The tolerance absorbs float rounding, which at Unix-time magnitudes could otherwise leave a
        # bucket a hair short of a token forever.
        return 0.0 if self.tokens >= 1 - 1e-6 else (1 - self.tokens) / self.rate

    def take(self, now: float) -> None:
        self._refill(now)
        self.tokens -= 1

    def full(self, now: float) -> bool:
        self._refill(now)
        return self.tokens >= self.burst


@dataclass(frozen=True, slots=True)
class Limits:
    """A platform's limits; None means that limit is left to the platform library."""

    per_second: float | None = None
    burst: float = 1.0
    per_chat_per_second: float | None = None
    per_group_per_minute: float | None = None
    group_burst: float = 1.0


TELEGRAM = Limits(per_second=30.0, burst=1.0, per_chat_per_second=1.0, per_group_per_minute=20.0, group_burst=1.0)
# discord.py already waits on Discord's rate-limit headers; a ceiling under its global 50/s is enough.
DISCORD = Limits(per_second=45.0, burst=5.0)
UNLIMITED = Limits()
LIMITS = {"telegram": TELEGRAM, "discord": DISCORD}


def share_of(limits: Limits, processes: int) -> Limits:
    """One of `processes` broadcasters' share of a bot token's global rate (per-chat limits stay whole: a
    delivery goes to its chat from one process). Each pacing at the full rate overshoots it together."""
    if processes <= 1 or limits.per_second is None:
        return limits
    return replace(limits, per_second=limits.per_second / processes)


class Pacer:
    """Decides when the next message to a chat may go; `acquire` waits for that moment."""

    MAX_CHATS = 50_000

    def __init__(self, limits: Limits, *, clock: Clock = time.monotonic, sleep: Sleep = asyncio.sleep) -> None:
        self.limits = limits
        self.clock = clock
        self._sleep = sleep
        now = clock()
        self._global = TokenBucket(limits.per_second, limits.burst, now) if limits.per_second else None
        self._chats: dict[str, TokenBucket] = {}
        self._groups: dict[str, TokenBucket] = {}
        self._paused_until = now

    def pause(self, seconds: float) -> None:
        """The platform said "slow down": nothing goes out for `seconds`."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    def delay(self, chat_id: str, *, group: bool = False) -> float:
        """0 and a token taken from every bucket concerned, or the seconds to wait before asking again."""
        now = self.clock()
        buckets = self._buckets(chat_id, group, now)
        wait = max([self._paused_until - now, *(bucket.wait(now) for bucket in buckets)], default=0.0)
        if wait > 0:
            return wait
        for bucket in buckets:
            bucket.take(now)
        return 0.0

    async def acquire(self, chat_id: str, *, group: bool = False, give_up: Callable[[], bool] | None = None) -> bool:
        """Wait for a slot; False if `give_up` said so first (a stopping broadcaster)."""
        while (wait := self.delay(chat_id, group=group)) > 0:
            if give_up is not None and give_up():
                return False
            await self._sleep(min(max(wait, 0.0001), 1.0))
        return True

    def _buckets(self, chat_id: str, group: bool, now: float) -> list[TokenBucket]:
        limits = self.limits
        buckets = [self._global] if self._global else []
        if limits.per_chat_per_second:
            buckets.append(self._bucket(self._chats, chat_id, limits.per_chat_per_second, 1.0, now))
        if group and limits.per_group_per_minute:
            buckets.append(
                self._bucket(self._groups, chat_id, limits.per_group_per_minute / 60, limits.group_burst, now)
            )
        return buckets

    def _bucket(self, table: dict[str, TokenBucket], key: str, rate: float, burst: float, now: float) -> TokenBucket:
        bucket = table.get(key)
        if bucket is None:
            if len(table) >= self.MAX_CHATS:
                # A full bucket holds no memory worth keeping: forget those, so 100,000 chats cost nothing.
                for stale in [k for k, b in table.items() if b.full(now)]:
                    del table[stale]
            bucket = table[key] = TokenBucket(rate, burst, now)
        return bucket


class SimulatedClock:
    """Simulated time for the tests and the benchmark: `sleep` moves the clock instead of waiting.

    Sleepers that start together wake at their own deadlines, not one after the other, so concurrent
    senders see the same timeline they would see in real time, minus the waiting.
    """

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += max(0.0, seconds)

    async def sleep(self, seconds: float) -> None:
        deadline = self.now + max(0.0, seconds)
        await asyncio.sleep(0)
        self.now = max(self.now, deadline)
