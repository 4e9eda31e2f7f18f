"""Picks the store's engine from a `DATABASE_URL` and opens it (creating and migrating as needed)."""

from __future__ import annotations

from pathlib import Path

from knowledge.store.errors import StoreURLError
from knowledge.store.interface import Store

SQLITE_SCHEMES = frozenset({"sqlite", "sqlite3"})


def sqlite_path(url: str) -> Path:
    """`sqlite:////abs/path.db` → /abs/path.db; `sqlite:///rel.db` → rel.db; a bare path is accepted too."""
    if "://" not in url:
        path = Path(url).expanduser()
    else:
        scheme, _, rest = url.partition("://")
        if scheme not in SQLITE_SCHEMES:
            raise StoreURLError(f"unsupported database scheme {scheme!r}: only sqlite:///path is supported")
        if not rest.startswith("/") or rest == "/":
            raise StoreURLError("a SQLite URL names a file: sqlite:///relative.db or sqlite:////absolute/path.db")
        path = Path(rest[1:]).expanduser()
    return path


async def open_store(url: str) -> Store:
    """Open (creating and migrating as needed) the store behind `url`."""
    from knowledge.store.sqlite_facts import SQLiteStore

    return await SQLiteStore.open(sqlite_path(url))
