"""The few operations the shared queries need from an engine: read rows, write in a transaction.

Each engine implements them once (`sqlite_connection`, `postgres_connection`); the facts and subscription
queries above them are written once, against this class. Inside `_transaction()` every statement of the
same task joins that transaction; outside, each write is its own.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from typing import Any, Protocol

from knowledge.store.dialect import Dialect


class Row(Protocol):
    """A result row, by column name or position (sqlite3.Row and asyncpg.Record both are)."""

    def __getitem__(self, key: Any, /) -> Any: ...

    def keys(self) -> Any: ...


class Connection:
    dialect: Dialect

    async def _fetchall(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        raise NotImplementedError

    async def _fetchone(self, sql: str, parameters: Sequence[Any] = ()) -> Row | None:
        rows = await self._fetchall(sql, parameters)
        return rows[0] if rows else None

    def _pages(self, sql: str, parameters: Sequence[Any] = (), size: int = 10_000) -> AsyncIterator[list[Row]]:
        """Rows in pages, for results too big to hold twice (a million facts)."""
        raise NotImplementedError

    async def _execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        """One statement (in the current transaction, or as its own); returns the rows it changed."""
        raise NotImplementedError

    async def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _transaction(self) -> AbstractAsyncContextManager[None]:
        """Several statements that commit together or not at all, with no other write in between."""
        raise NotImplementedError

    async def _write(self, sql: str, parameters: Iterable[Any] = ()) -> int:
        return await self._execute(sql, tuple(parameters))
