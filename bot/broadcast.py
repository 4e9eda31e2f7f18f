"""The broadcaster: drains one platform's share of the outbox in the background.

It polls the database (so rows written by `radford-bot ingest` or another host arrive within
`poll_interval` seconds), claims a batch of due deliveries under a lease, sends them through the platform's
`Sender` within the pacer's limits, and records every outcome in one transaction per batch. A delivery is
marked sent only after `send` returned; one that was claimed but never attempted is handed back at once on
a clean stop, or after its lease if the process died. Messages to different chats go out concurrently,
messages to one chat in order; nothing here ever runs on the path of an answer.
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from dataclasses import dataclass, field

from bot.adapters.base import RecipientGone, RetryLater, Sender
from bot.pacer import LIMITS, UNLIMITED, Clock, Pacer, Sleep
from handlers.i18n import Catalog, catalog
from handlers.notify import Article, update_reply
from handlers.types import Reply
from knowledge.models import Fact, Source
from knowledge.store import Store
from knowledge.subscriptions import MAX_STRIKES, Delivery, Outcome, OutcomeKind

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Message:
    """What one `send` carries: one delivery, or every due delivery of one digest subscription."""

    deliveries: tuple[Delivery, ...]

    @property
    def first(self) -> Delivery:
        return self.deliveries[0]


@dataclass(slots=True)
class BroadcastStats:
    sent: int = 0
    retried: int = 0
    gone: int = 0
    parked: int = 0
    rate_limited: int = 0
    batches: int = 0
    errors: int = 0
    by_outcome: dict[str, int] = field(default_factory=dict)


LEASE_MARGIN = 30.0  # seconds a send must be able to finish, recorded, before its lease ends


def backoff(attempts: int, *, base: float = 5.0, cap: float = 3600.0) -> float:
    """Seconds before retry number `attempts` (1, 2, …): 5 s, 20 s, 80 s, … at most an hour."""
    return min(cap, base * 4.0 ** max(0, attempts - 1))


def group_messages(deliveries: list[Delivery]) -> dict[str, list[Message]]:
    """Per chat, in claim order: each immediate delivery is a message, a digest's deliveries are one."""
    groups: dict[tuple[str, int], list[Delivery]] = {}
    for delivery in deliveries:
        key = ("digest", delivery.subscription_id) if delivery.mode == "digest" else ("one", delivery.id)
        groups.setdefault(key, []).append(delivery)
    chats: dict[str, list[Message]] = {}
    for group in groups.values():
        chats.setdefault(group[0].chat_id, []).append(Message(tuple(group)))
    return chats


class Broadcaster:
    """One platform's delivery loop; `run` until `stop`."""

    def __init__(
        self,
        store: Store,
        sender: Sender,
        *,
        strings: Catalog | None = None,
        pacer: Pacer | None = None,
        clock: Clock = time.time,
        sleep: Sleep = asyncio.sleep,
        poll_interval: float = 2.0,
        batch: int = 64,
        concurrency: int = 16,
        lease: float = 600.0,
        send_timeout: float = 180.0,
        max_attempts: int = 5,
        max_strikes: int = MAX_STRIKES,
        worker: str | None = None,
    ) -> None:
        self.store = store
        self.sender = sender
        self.platform = sender.platform
        self.catalog = strings or catalog()
        self.pacer = pacer or Pacer(LIMITS.get(self.platform, UNLIMITED))
        self.clock = clock
        self._sleep = sleep
        self.poll_interval = poll_interval
        self.batch = batch
        self.concurrency = concurrency
        if lease < send_timeout + LEASE_MARGIN:
            # A send still running when the lease ends lets another host claim and send the row again.
            raise ValueError(f"lease ({lease:g} s) must exceed send_timeout ({send_timeout:g} s) by {LEASE_MARGIN:g} s")
        self.lease = lease
        self.send_timeout = send_timeout
        self.max_attempts = max_attempts
        self.max_strikes = max_strikes
        self.worker = worker or f"{self.platform}-{uuid.uuid4().hex[:8]}"
        self.stats = BroadcastStats()
        self._stopping = False
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._facts: dict[str, Fact] = {}
        self._sources: dict[str, Source | None] = {}
        self._replies: dict[tuple[object, ...], Reply | None] = {}

    # --- lifecycle -------------------------------------------------------------------------------------

    def start(self) -> asyncio.Task[None]:
        self._stopping = False
        self._task = asyncio.create_task(self.run(), name=f"broadcast-{self.platform}")
        return self._task

    async def stop(self, grace: float = 10.0) -> None:
        """Finish the sends in flight, record them, hand back the rest; cancel if that takes too long."""
        self._stopping = True
        self._wake.set()
        task, self._task = self._task, None
        if task is None:
            return
        try:
            await asyncio.wait_for(task, grace)
        except TimeoutError:
            log.warning(
                "%s broadcaster did not stop within %.0f s; its leased rows return later",
                self.platform,
                grace,
            )
        except Exception:
            log.exception("%s broadcaster failed while stopping", self.platform)

    def nudge(self) -> None:
        """Look at the outbox now rather than at the next poll (after an in-process ingest)."""
        self._wake.set()

    async def run(self) -> None:
        log.info("%s broadcaster running as %s", self.platform, self.worker)
        while not self._stopping:
            try:
                handled = await self.drain_once()
            except Exception:
                self.stats.errors += 1
                log.exception("%s broadcaster: a batch failed; trying again shortly", self.platform)
                handled = 0
            if handled == 0 and not self._stopping:
                await self._idle()

    async def _idle(self) -> None:
        self._wake.clear()
        sleeper = asyncio.ensure_future(self._sleep(self.poll_interval))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            sleeper.cancel()
            waker.cancel()

    async def drain(self, *, max_batches: int = 1_000_000) -> int:
        """Send everything due now (tests and the benchmark); returns how many deliveries were handled."""
        total = 0
        for _ in range(max_batches):
            handled = await self.drain_once()
            if handled == 0:
                break
            total += handled
        return total

    # --- one batch -------------------------------------------------------------------------------------

    async def drain_once(self) -> int:
        """Claim, send and record one batch; returns how many deliveries it handled (0 when none was due)."""
        now = self.clock()
        deliveries = await self.store.claim_deliveries(
            self.platform, now, worker=self.worker, limit=self.batch, lease=self.lease
        )
        if not deliveries:
            return 0
        # No send may start that could still be running when the lease ends: those rows are handed back.
        last_start = now + self.lease - LEASE_MARGIN - self.send_timeout
        self.stats.batches += 1
        outcomes: list[Outcome] = []
        attempted: set[int] = set()
        limit = asyncio.Semaphore(self.concurrency)

        async def chat_queue(messages: list[Message]) -> None:
            async with limit:
                for number, message in enumerate(messages):
                    if self._stopping:
                        return
                    result = await self._deliver(message, last_start)
                    if result is None:
                        return
                    outcomes.extend(result)
                    attempted.update(d.id for d in message.deliveries)
                    if result[0].kind == "gone":
                        # One strike per incident, not per queued message: the rest wait with the first.
                        later = [d.id for m in messages[number + 1 :] for d in m.deliveries]
                        outcomes.extend(self._outcomes(later, "retry", result[0].at, result[0].error, attempt=False))
                        attempted.update(later)
                        return

        try:
            async with asyncio.TaskGroup() as group:
                for messages in group_messages(deliveries).values():
                    group.create_task(chat_queue(messages))
        finally:
            # Record what happened even when cancelled: a sent message must not be sent again.
            await asyncio.shield(self._record(outcomes, [d.id for d in deliveries if d.id not in attempted]))
        return len(deliveries)

    async def _record(self, outcomes: list[Outcome], untouched: list[int]) -> None:
        # Only rows still leased to this worker: one whose lease ran out may now be another host's.
        await self.store.finish_deliveries(outcomes, max_strikes=self.max_strikes, worker=self.worker)
        await self.store.release_deliveries(untouched, self.clock(), worker=self.worker)

    async def _deliver(self, message: Message, last_start: float) -> list[Outcome] | None:
        """Send one message; its outcomes, or None when stopping (or too near the lease's end) before it went."""
        first = message.first
        ids = [d.id for d in message.deliveries]
        try:
            reply = await self._render(message)
        except Exception as error:  # the database hiccuped: try this message again later
            log.warning("%s: could not render delivery %s: %s", self.platform, ids, error)
            return self._outcomes(ids, "retry", self.clock() + backoff(1), f"render: {error}"[:500], attempt=False)
        if reply is None:
            return self._outcomes(ids, "park", 0.0, "its facts are no longer in the store")
        if not await self.pacer.acquire(first.chat_id, group=first.chat_kind == "group", give_up=self._is_stopping):
            return None
        if self.clock() > last_start:
            return None
        try:
            await asyncio.wait_for(self.sender.send(first.chat_id, reply), self.send_timeout)
        except RetryLater as error:
            self.stats.rate_limited += 1
            self.pacer.pause(error.retry_after)
            log.warning("%s asked to slow down for %.1f s", self.platform, error.retry_after)
            return self._outcomes(ids, "retry", self.clock() + error.retry_after, str(error), attempt=False)
        except RecipientGone as error:
            self.stats.gone += 1
            log.info("%s chat %s is gone: %s", self.platform, first.chat_id, error)
            return self._outcomes(ids, "gone", self.clock() + backoff(first.attempts + 1), f"gone: {error}")
        except asyncio.CancelledError:
            raise
        except Exception as error:  # TemporaryFailure, a timeout, or a sender bug: all worth a retry
            reason = f"{type(error).__name__}: {error}"[:500]
            if first.attempts + 1 >= self.max_attempts:
                self.stats.parked += 1
                log.warning(
                    "%s delivery to chat %s parked after %d attempts: %s",
                    self.platform,
                    first.chat_id,
                    first.attempts + 1,
                    reason,
                )
                return self._outcomes(ids, "park", self.clock(), reason)
            self.stats.retried += 1
            return self._outcomes(ids, "retry", self.clock() + backoff(first.attempts + 1), reason)
        self.stats.sent += 1
        return self._outcomes(ids, "sent", self.clock(), None)

    def _is_stopping(self) -> bool:
        return self._stopping

    @staticmethod
    def _outcomes(
        ids: list[int], kind: OutcomeKind, at: float, error: str | None, *, attempt: bool = True
    ) -> list[Outcome]:
        return [Outcome(i, kind, at, error, attempt) for i in ids]

    # --- rendering -------------------------------------------------------------------------------------

    async def _render(self, message: Message) -> Reply | None:
        """The message's Reply; identical messages (same facts, language, topic) are rendered once."""
        first = message.first
        key = (
            tuple((d.update_id, d.fact_ids) for d in message.deliveries),
            first.lang,
            None if first.topic == "*" else first.label,
            first.mode,
        )
        if key in self._replies:
            return self._replies[key]
        articles: list[Article] = []
        for delivery in message.deliveries:
            facts = await self._load_facts(delivery.fact_ids)
            if facts:
                articles.append(Article(await self._load_source(delivery.source_id), delivery.source_id, tuple(facts)))
        reply = (
            update_reply(self.catalog, first.lang, key[2], articles, digest=first.mode == "digest")
            if articles
            else None
        )
        if len(self._replies) > 1_000:
            self._replies.clear()
        self._replies[key] = reply
        return reply

    async def _load_facts(self, ids: tuple[str, ...]) -> list[Fact]:
        missing = [i for i in ids if i not in self._facts]
        if missing:
            if len(self._facts) > 20_000:
                self._facts.clear()
            for fact in await self.store.facts_by_id(missing):
                self._facts[fact.id] = fact
        return [self._facts[i] for i in ids if i in self._facts]

    async def _load_source(self, source_id: str) -> Source | None:
        if source_id not in self._sources:
            if len(self._sources) > 5_000:
                self._sources.clear()
            self._sources[source_id] = await self.store.source_by_id(source_id)
        return self._sources[source_id]
