"""A pool of asyncpg connections behind the shared queries' `Connection` interface.

Unlike SQLite's one connection, a pool lets statements of different coroutines run at once; a
transaction holds one pooled connection, and the task that opened it (marked in a context variable) runs
its statements there, so it reads its own writes. `?` placeholders become `$1, $2…` (see `dialect`).
"""

from __future__ import annotations

import contextvars
from collections.abc import AsyncIterator, Iterable, Sequence
from contextlib import asynccontextmanager
from typing import Any, cast

import asyncpg

from knowledge.store.connection import Connection, Row
from knowledge.store.dialect import POSTGRES, numbered


class PostgresConnection(Connection):
    dialect = POSTGRES
    _pool: asyncpg.Pool
    _current: contextvars.ContextVar[asyncpg.Connection | None]

    def _init_pool(self, pool: asyncpg.Pool) -> None:
        self._pool = pool
        self._current = contextvars.ContextVar(f"postgres-transaction-{id(self)}", default=None)

    @asynccontextmanager
    async def _transaction(self) -> AsyncIterator[None]:
        async with self._pool.acquire() as connection, connection.transaction():
            token = self._current.set(connection)
            try:
                yield
            finally:
                self._current.reset(token)

    async def _fetchall(self, sql: str, parameters: Sequence[Any] = ()) -> list[Row]:
        connection = self._current.get()
        target = connection if connection is not None else self._pool
        return cast(list[Row], await target.fetch(numbered(sql), *parameters))

    async def _pages(self, sql: str, parameters: Sequence[Any] = (), size: int = 10_000) -> AsyncIterator[list[Row]]:
        # A server-side cursor needs a transaction; a read-only one holds no lock that blocks writers.
        async with self._pool.acquire() as connection, connection.transaction(readonly=True):
            cursor = await connection.cursor(numbered(sql), *parameters)
            while rows := await cursor.fetch(size):
                yield cast(list[Row], rows)

    async def _execute(self, sql: str, parameters: Sequence[Any] = ()) -> int:
        connection = self._current.get()
        target = connection if connection is not None else self._pool
        status = await target.execute(numbered(sql), *parameters)
        return _rowcount(status)

    async def _executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = [tuple(row) for row in rows]
        if not batch:
            return
        connection = self._current.get()
        target = connection if connection is not None else self._pool
        await target.executemany(numbered(sql), batch)


def _rowcount(status: str) -> int:
    """`UPDATE 3`, `INSERT 0 1`, `DELETE 0` → the rows changed (0 for a status without a count)."""
    last = status.rsplit(" ", 1)[-1]
    return int(last) if last.isdigit() else 0
