"""One aiosqlite connection shared by many coroutines, with writes that cannot interleave.

A SQLite connection has one transaction at a time. In autocommit mode, a write that another coroutine
issues while a transaction is open silently joins it (and is rolled back with it), and a second
`BEGIN` fails outright. Every write therefore goes through one lock: `_transaction()` for several
statements, `_write()` for one. Reads need no lock.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from typing import Any

import aiosqlite


class SQLiteConnection:
    _db: aiosqlite.Connection
    _write_lock: asyncio.Lock

    def _init_connection(self, connection: aiosqlite.Connection) -> None:
        self._db = connection
        self._write_lock = asyncio.Lock()

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        """`BEGIN IMMEDIATE` … `COMMIT`, rolled back on any failure, with no other write in between."""
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            await self._db.execute("COMMIT")

    async def _write(self, sql: str, parameters: Iterable[Any] = ()) -> int:
        """One write statement, never inside someone else's transaction; returns the rows it changed."""
        async with self._write_lock:
            cursor = await self._db.execute(sql, tuple(parameters))
            return cursor.rowcount
