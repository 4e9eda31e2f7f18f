"""The store's async interface: what the rest of the bot may ask of persistent storage.

Kept small so that a server database can take SQLite's place without touching a caller.
`open_store` picks the implementation from a `DATABASE_URL`.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
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


class StoreURLError(ValueError):
    """A DATABASE_URL this bot cannot use; the message says why."""


def sqlite_path(url: str) -> Path:
    """`sqlite:////abs/path.db` → /abs/path.db; `sqlite:///rel.db` → rel.db; a bare path is accepted too."""
    if "://" not in url:
        return Path(url).expanduser()
    scheme, _, rest = url.partition("://")
    if scheme not in {"sqlite", "sqlite3"}:
        raise StoreURLError(f"unsupported database scheme {scheme!r}: only sqlite:///path is supported")
    if not rest.startswith("/") or rest == "/":
        raise StoreURLError("a SQLite URL names a file: sqlite:///relative.db or sqlite:////absolute/path.db")
    return Path(rest[1:]).expanduser()


async def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store behind `url`."""
    from knowledge.sqlite_store import SQLiteStore

    return await SQLiteStore.open(sqlite_path(url))
