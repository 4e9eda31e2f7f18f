"""One aiosqlite connection shared by many coroutines, with writes that cannot interleave.

A SQLite connection has one transaction at a time. In autocommit mode, a write that another coroutine
issues while a transaction is open silently joins it (and is rolled back with it), and a second
`BEGIN` fails outright. Every write therefore goes through one lock: `_transaction()` for several
statements, a lone `_execute()` for one. Reads need no lock. The task holding a transaction is marked in
a context variable, so its own statements run inside it instead of waiting for the lock it holds.
"""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any, cast

import aiosqlite

from knowledge.store.connection import Connection, Row
from knowledge.store.dialect import SQLITE


class SQLiteConnection(Connection):
    dialect = SQLITE
    _db: aiosqlite.Connection
    _write_lock: asyncio.Lock
    _in_transaction: contextvars.ContextVar[bool]

    def _init_connection(self, connection: aiosqlite.Connection) -> None:
        self._db = connection
        self._write_lock = asyncio.Lock()
        self._in_transaction = contextvars.ContextVar(f"sqlite-transaction-{id(self)}", default=False)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        """`BEGIN IMMEDIATE` … `COMMIT`, rolled back on any failure, with no other write in between."""
        async with self._write_lock:
            await self._db.execute("BEGIN IMMEDIATE")
            token = self._in_transaction.set(True)
            try:
                yield
            except BaseException:
                await self._db.execute("ROLLBACK")
                raise
            finally:
                self._in_transaction.reset(token)
            await self._db.execute("COMMIT")

    async def _fetchall(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        async with self._db.execute(sql, tuple(parameters)) as cursor:
            return cast(list[Row], await cursor.fetchall())

    async def _pages(self, sql: str, parameters: Sequence[Any] = (), size: int = 10_000) -> AsyncIterator[list[Row]]:
        async with self._db.execute(sql, tuple(parameters)) as cursor:
            while rows := await cursor.fetchmany(size):
                yield cast(list[Row], rows)

    async def _execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        if self._in_transaction.get():
            cursor = await self._db.execute(sql, tuple(parameters))
            return cursor.rowcount
        async with self._write_lock:
            cursor = await self._db.execute(sql, tuple(parameters))
            return cursor.rowcount

    async def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        if self._in_transaction.get():
            await self._db.executemany(sql, [tuple(r) for r in rows])
            return
        async with self._write_lock:
            await self._db.executemany(sql, [tuple(r) for r in rows])
