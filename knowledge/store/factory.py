"""Picks the store's engine from a `DATABASE_URL` and opens it (creating and migrating as needed)."""

from __future__ import annotations

from pathlib import Path

from knowledge.store.errors import StoreURLError
from knowledge.store.interface import Store

SQLITE_SCHEMES = frozenset({"sqlite", "sqlite3"})
POSTGRES_SCHEMES = frozenset({"postgresql", "postgres"})
MEMORY_REFUSED = (
    "sqlite:///:memory: cannot hold the store: each connection the bot opens (answers, broadcasters, the "
    "feed poller) would get its own empty database. Use a file, e.g. sqlite:////tmp/radford-bot.db"
)


def sqlite_path(url: str) -> Path:
    """`sqlite:////abs/path.db` → /abs/path.db; `sqlite:///rel.db` → rel.db; a bare path is accepted too."""
    if "://" not in url:
        path = Path(url).expanduser()
    else:
        scheme, _, rest = url.partition("://")
        if scheme not in SQLITE_SCHEMES:
            raise StoreURLError(
                f"unsupported database scheme {scheme!r}: use sqlite:///path or postgresql://user@host/db"
            )
        if not rest.startswith("/") or rest == "/":
            raise StoreURLError("a SQLite URL names a file: sqlite:///relative.db or sqlite:////absolute/path.db")
        path = Path(rest[1:]).expanduser()
    if path.name == ":memory:" or "mode=memory" in url:
        raise StoreURLError(MEMORY_REFUSED)
    return path


def engine_of(url: str) -> str:
    """ "sqlite" or "postgresql" for a DATABASE_URL, checking it the way opening it would (nothing is opened)."""
    if url.partition("://")[0] in POSTGRES_SCHEMES:
        from knowledge.store.postgres_url import postgres_url

        postgres_url(url)
        return "postgresql"
    sqlite_path(url)
    return "sqlite"


async def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store behind `url`."""
    if engine_of(url) == "postgresql":
        from knowledge.store.postgres_facts import PostgresStore

        return await PostgresStore.open(url)
    from knowledge.store.sqlite_facts import SQLiteStore

    return await SQLiteStore.open(sqlite_path(url))
