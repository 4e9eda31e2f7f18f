"""Per-user and per-chat limits on questions: token buckets in bounded memory.

A bucket holds up to `per_minute` tokens and refills continuously, so a burst of that size passes and the
steady rate is `per_minute`. Buckets live in an LRU map capped at `capacity` keys: forgetting a quiet key
only hands it a full bucket again, which is what it would have had anyway after a minute's silence.
A refused user (or chat) is told once per window — until its bucket has a token again — not once per
message: answering every message of a flood with "slow down" is itself a flood.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from handlers.types import Incoming
from knowledge.store import Store

Clock = Callable[[], float]

LOCAL_PLATFORMS = frozenset({"console", "cli"})  # the operator's own terminal is never limited


class TokenBuckets:
    def __init__(
        self, per_minute: int, *, capacity: int = 100_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.per_minute = per_minute
        self.capacity = capacity
        self._clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key → (tokens, at)

    def __len__(self) -> int:
        return len(self._buckets)

    def _level(self, key: str, now: float) -> float:
        tokens, at = self._buckets.get(key, (float(self.per_minute), now))
        return min(float(self.per_minute), tokens + (now - at) * self.per_minute / 60.0)

    def peek(self, key: str) -> bool:
        """Would `take` succeed? (Checks both limits before spending either.)"""
        return self.per_minute <= 0 or self._level(key, self._clock()) >= 1.0

    def take(self, key: str) -> bool:
        """Spend one token for `key`; False (and nothing spent) when the bucket is empty."""
        if self.per_minute <= 0:
            return True
        now = self._clock()
        tokens = self._level(key, now)
        allowed = tokens >= 1.0
        self._buckets[key] = (tokens - 1.0 if allowed else tokens, now)
        self._buckets.move_to_end(key)
        while len(self._buckets) > self.capacity:
            self._buckets.popitem(last=False)
        return allowed

    def retry_after(self, key: str) -> float:
        """Seconds until `key` has a token again."""
        if self.per_minute <= 0:
            return 0.0
        missing = 1.0 - self._level(key, self._clock())
        return max(0.0, missing * 60.0 / self.per_minute)


@dataclass(slots=True)
class Verdict:
    allowed: bool
    scope: str = ""  # "user" or "chat" when refused
    retry_after: float = 0.0
    notify: bool = True  # refused: the first refusal of this window, so worth telling


class QuestionLimits:
    """The user's bucket and the chat's bucket; a question passes only when both have a token."""

    def __init__(
        self,
        per_user: int = 20,
        per_chat: int = 60,
        *,
        capacity: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.users = TokenBuckets(per_user, capacity=capacity, clock=clock)
        self.chats = TokenBuckets(per_chat, capacity=capacity, clock=clock)
        self.capacity = capacity
        self._clock = clock
        self._told: OrderedDict[str, float] = OrderedDict()  # key → end of the window it was told about

    def check(self, incoming: Incoming) -> Verdict:
        if incoming.platform in LOCAL_PLATFORMS:
            return Verdict(True)
        user, chat = incoming.user_key, incoming.chat_key
        if not self.users.peek(user):
            return self._refused("user", user, self.users.retry_after(user))
        if not self.chats.peek(chat):
            return self._refused("chat", chat, self.chats.retry_after(chat))
        self.users.take(user)
        self.chats.take(chat)
        return Verdict(True)

    def _refused(self, scope: str, key: str, retry_after: float) -> Verdict:
        """A refusal, worth telling only if `key` was not told already in this window."""
        now = self._clock()
        told = f"{scope}:{key}"
        until = self._told.get(told)
        notify = until is None or now >= until
        if notify:
            self._told[told] = now + max(retry_after, 1.0)
            self._told.move_to_end(told)
            while len(self._told) > self.capacity:
                self._told.popitem(last=False)
        return Verdict(False, scope, retry_after, notify)

    async def acheck(self, incoming: Incoming) -> Verdict:
        """`check`, as the core calls it (the shared limits below must ask the store)."""
        return self.check(incoming)


class SharedQuestionLimits(QuestionLimits):
    """The same two buckets kept in the store, for replicas sharing one: a user whose messages reach
    different processes spends from one bucket. Both are spent in one transaction, or neither. Whether a
    refusal is worth telling is this process's own memory (at worst, each replica tells once a window)."""

    def __init__(self, store: Store, per_user: int = 20, per_chat: int = 60, *, clock: Clock = time.time) -> None:
        super().__init__(per_user, per_chat, clock=clock)
        self.store = store
        self.clock = clock

    async def acheck(self, incoming: Incoming) -> Verdict:
        if incoming.platform in LOCAL_PLATFORMS:
            return Verdict(True)
        buckets = [
            ("user:" + incoming.user_key, self.users.per_minute),
            ("chat:" + incoming.chat_key, self.chats.per_minute),
        ]
        refused, wait = await self.store.take_tokens(buckets, self.clock())
        if refused is None:
            return Verdict(True)
        scope, key = ("user", incoming.user_key) if refused == 0 else ("chat", incoming.chat_key)
        return self._refused(scope, key, wait)
