"""Subscriptions and the outbox, as the store keeps them: plain records and the async interface.

The outbox is two tables: an `update` per ingested article that brought new facts, and a `delivery` per
(subscription, update). Both are written in the transaction that stores the facts (see `Notify`), so a
crash can neither lose a notification nor announce a fact that was never stored. Broadcasters then
claim due deliveries, send them, and report an `Outcome` for each.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal, Protocol

from knowledge.models import Fact, Source
from knowledge.topics import Topic

Mode = Literal["immediate", "digest"]
Status = Literal["pending", "sent", "parked"]
OutcomeKind = Literal["sent", "retry", "gone", "park"]
MAX_STRIKES = 3
# A chat preference an adapter sets when the platform says the bot may no longer write there (Telegram's
# my_chat_member, a 403); broadcasts to that chat wait until the adapter lifts it.
INACTIVE_PREFERENCE = "inactive"


@dataclass(frozen=True, slots=True)
class Subscription:
    id: int
    platform: str
    chat_id: str
    chat_kind: str
    topic: str
    label: str
    lang: str
    mode: Mode
    digest_time: str | None
    active: bool
    strikes: int = 0
    last_error: str | None = None


@dataclass(frozen=True, slots=True)
class Notify:
    """Asks `sync_source` to also record, in its transaction, the facts the source repeats and the update."""

    now: float
    repeats: tuple[str, ...] = ()
    # False stores the facts (and links the repeats) without an update or deliveries: a feed's first poll
    # brings its whole history, which is background knowledge, not news to announce.
    deliver: bool = True


@dataclass(frozen=True, slots=True)
class Delivery:
    """A claimed delivery with what a broadcaster needs to render and address it."""

    id: int
    subscription_id: int
    update_id: int
    platform: str
    chat_id: str
    chat_kind: str
    lang: str
    mode: Mode
    topic: str
    label: str
    source_id: str
    fact_ids: tuple[str, ...]
    attempts: int


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one delivery: sent, retry at `at`, recipient gone (a strike), or parked for good.

    `attempt` is False for a platform's "slow down", which says nothing against the message itself.
    """

    delivery_id: int
    kind: OutcomeKind
    at: float
    error: str | None = None
    attempt: bool = True


@dataclass(frozen=True, slots=True)
class SubscriberCount:
    platform: str
    topic: str
    label: str
    mode: Mode
    active: int
    inactive: int


@dataclass(frozen=True, slots=True)
class ParkedDelivery:
    id: int
    platform: str
    chat_id: str
    update_id: int
    attempts: int
    error: str | None


@dataclass(frozen=True, slots=True)
class PruneReport:
    """Rows `prune` removed: finished deliveries, updates with nothing left to deliver, seen feed entries."""

    deliveries: int = 0
    updates: int = 0
    feed_entries: int = 0


class SubscriptionStore(Protocol):
    async def subscribe(
        self,
        platform: str,
        chat_id: str,
        topic: Topic,
        *,
        chat_kind: str = "private",
        lang: str = "en",
        mode: Mode = "immediate",
        digest_time: str | None = None,
    ) -> tuple[Subscription, bool]:
        """Create or update (platform, chat, topic); the flag says whether anything changed."""

    async def unsubscribe(self, platform: str, chat_id: str, topic_key: str | None) -> int:
        """Remove one topic (or, with None, every topic) of a chat; returns how many were removed."""

    async def chat_subscriptions(self, platform: str, chat_id: str) -> list[Subscription]: ...

    async def move_chat(self, platform: str, old_chat_id: str, new_chat_id: str) -> int:
        """A chat changed id (a Telegram group became a supergroup): its subscriptions follow it."""

    async def chat_seen(self, platform: str, chat_id: str) -> int:
        """A chat talked to the bot: reactivate its inactive subscriptions; returns how many."""

    async def claim_deliveries(
        self, platform: str, now: float, *, worker: str, limit: int = 64, lease: float = 60.0
    ) -> list[Delivery]:
        """Take due deliveries for `platform`, leased to `worker` until `now + lease`."""

    async def finish_deliveries(
        self, outcomes: list[Outcome], *, max_strikes: int = MAX_STRIKES, worker: str | None = None
    ) -> None:
        """Record outcomes in one transaction: sent, rescheduled, struck (off past `max_strikes`), parked.

        With `worker`, only rows still claimed by it change: a worker whose lease ran out (and another
        host claimed the row) must not finish someone else's delivery.
        """

    async def release_deliveries(self, ids: list[int], now: float, *, worker: str | None = None) -> None:
        """Give back claimed deliveries that were not attempted, due at once (only `worker`'s, if given)."""

    async def fan_out_pending(self) -> int:
        """Write the deliveries of updates whose fan-out a crashed process left unfinished."""

    async def prune(self, before: float, *, batch: int = 1_000) -> PruneReport:
        """Forget delivered or parked rows, finished updates and seen feed entries older than `before`."""

    async def facts_by_id(self, ids: list[str]) -> list[Fact]: ...

    async def source_by_id(self, source_id: str) -> Source | None: ...

    async def latest_update_id(self) -> int: ...

    async def subscriber_counts(self) -> list[SubscriberCount]: ...

    async def outbox_counts(self) -> dict[tuple[str, str], int]:
        """(platform, status) → number of deliveries."""

    async def parked_deliveries(self, limit: int = 20) -> list[ParkedDelivery]: ...

    async def feed_state(self, url: str) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a feed last answered with."""

    async def set_feed_state(self, url: str, etag: str | None, last_modified: str | None, now: float) -> None: ...

    async def feed_entry_seen(self, url: str, entry_key: str) -> bool: ...

    async def mark_feed_entry(self, url: str, entry_key: str, source_id: str | None, now: float) -> None: ...

    async def feed_known(self, url: str) -> bool:
        """Whether this feed was ever polled successfully (its state is stored)."""
