"""The store's async interface: what the rest of the bot may ask of persistent storage.

Kept small so that a server database can take SQLite's place without touching a caller
(`knowledge.store.factory.open_store` picks the engine from a `DATABASE_URL`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from knowledge.models import Entity, Fact, Source
from knowledge.subscriptions import Notify, SubscriptionStore


@dataclass(frozen=True, slots=True)
class SyncReport:
    """What writing one source changed: fact ids added, updated and removed.

    With `notify`: the existing facts it repeats, and the update (with its number of deliveries) it made.
    """

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    repeated: tuple[str, ...] = ()
    update_id: int | None = None
    deliveries: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


class Store(SubscriptionStore, Protocol):
    async def close(self) -> None: ...

    async def sources(self) -> list[Source]: ...

    async def entities(self) -> list[Entity]: ...

    async def facts(self) -> list[Fact]: ...

    async def count_facts(self) -> int: ...

    async def replace_entities(self, entities: list[Entity]) -> None: ...

    async def sync_source(
        self, source: Source, facts: list[Fact], *, prune: bool = True, notify: Notify | None = None
    ) -> SyncReport: ...

    async def discovered_entities(self) -> list[Entity]:
        """Entities ingested articles introduced, one row per article (the same id may come twice)."""
        ...

    async def set_source_entities(self, source_id: str, entities: list[Entity]) -> None:
        """Replace the entities stored with one source."""
        ...

    async def remove_source(self, source_id: str) -> bool:
        """Delete a source with its facts, entities and pending updates; False when there is none."""
        ...

    async def get_meta(self, key: str) -> str | None: ...

    async def set_meta(self, key: str, value: str) -> None: ...

    async def get_preference(self, platform: str, scope_id: str, key: str) -> str | None: ...

    async def set_preference(self, platform: str, scope_id: str, key: str, value: str | None) -> None: ...

    async def acquire_lease(self, name: str, holder: str, ttl: float, now: float) -> bool:
        """Take or renew the lease `name` for `holder`; False while another holder's lease runs."""

    async def lease_holder(self, name: str, now: float) -> str | None: ...

    async def release_lease(self, name: str, holder: str) -> None: ...

    async def recall_turn(self, chat_key: str, since: float) -> tuple[str | None, str | None, float] | None: ...

    async def remember_turn(self, chat_key: str, subject: str | None, lang: str | None, at: float) -> None: ...

    async def take_tokens(self, buckets: list[tuple[str, int]], now: float) -> tuple[int | None, float]:
        """Spend a token from every (key, per-minute) bucket or from none: (None, 0) or (empty index, wait)."""

    async def forget_idle(self, now: float) -> int: ...

    async def knowledge_digest(self) -> str:
        """Changes whenever a fact, a fact's sources or the gazetteer does: what a saved index is valid for."""

    async def saved_index(self) -> str | None: ...

    async def index_chunk(self, name: str, seq: int) -> bytes | None: ...

    async def put_index_chunk(self, name: str, seq: int, data: bytes) -> None: ...

    async def publish_index(self, name: str) -> None: ...

    async def drop_indexes(self, keep: str | None) -> None: ...

    async def listen_knowledge(self, changed: Callable[[], None]) -> bool:
        """Have `changed` called when any process changes the knowledge; False if the engine cannot tell."""
