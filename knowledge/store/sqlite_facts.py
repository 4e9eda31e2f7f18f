"""The SQLite engine: one file, WAL mode, migrations under `BEGIN IMMEDIATE`; the queries are shared."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import aiosqlite

from knowledge.migrations import latest_version, migrations, statements
from knowledge.store.errors import SchemaTooNewError, StoreURLError
from knowledge.store.factory import MEMORY_REFUSED
from knowledge.store.shared_facts import SharedFacts
from knowledge.store.sqlite_connection import SQLiteConnection

log = logging.getLogger(__name__)
WAL_ATTEMPTS = 40  # with the doubling sleeps below (capped at 0.5 s), about 17 s before giving up


class SQLiteStore(SharedFacts, SQLiteConnection):
    """The default store. Safe for several processes on one host: WAL, a busy timeout, short transactions."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._init_connection(connection)
        self.path = path

    @classmethod
    async def open(cls, path: Path) -> SQLiteStore:
        if str(path) == ":memory:":
            raise StoreURLError(MEMORY_REFUSED)
        path.parent.mkdir(parents=True, exist_ok=True)
        await asyncio.to_thread(_probe, path)
        connection = await aiosqlite.connect(str(path), isolation_level=None)
        connection.row_factory = aiosqlite.Row
        store = cls(connection, path)
        try:
            await store._configure()
            await store._migrate()
        except BaseException:
            await connection.close()
            raise
        return store

    async def _configure(self) -> None:
        await self._db.execute("PRAGMA busy_timeout = 5000")
        await self._enable_wal()
        await self._db.execute("PRAGMA synchronous = NORMAL")
        await self._db.execute("PRAGMA foreign_keys = ON")

    async def _enable_wal(self) -> None:
        """Switch to WAL, retrying while another process holds the lock that needs: SQLite answers "database is
        locked" at once there, without waiting `busy_timeout` (three processes opening a fresh store together
        failed so about one time in fifteen)."""
        delay = 0.01
        for _ in range(WAL_ATTEMPTS - 1):
            try:
                await self._db.execute("PRAGMA journal_mode = WAL")
                return
            except sqlite3.OperationalError as error:
                if "locked" not in str(error):
                    raise
            await asyncio.sleep(delay)
            delay = min(delay * 2, 0.5)
        await self._db.execute("PRAGMA journal_mode = WAL")

    async def _migrate(self) -> None:
        """Each pending migration in its own `BEGIN IMMEDIATE`, the version read inside it.

        Reading the version before taking the write lock let three processes opening a fresh store all
        see 0 and all try `CREATE TABLE sources`; inside the lock, the second one sees the first's work.
        """
        known = latest_version()
        current = await self.schema_version()
        if current > known:
            raise SchemaTooNewError(current, known)
        for migration in migrations("sqlite"):
            if migration.version <= current:
                continue
            async with self._transaction():
                current = await self.schema_version()
                if current > known:
                    raise SchemaTooNewError(current, known)
                if migration.version <= current:
                    continue
                log.info("migrating store %s to version %d", self.path, migration.version)
                # executescript would commit on its own; run statement by statement inside our transaction.
                for statement in statements(migration.sql):
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {migration.version:d}")

    async def schema_version(self) -> int:
        row = await self._fetchone("PRAGMA user_version")
        return int(row[0]) if row else 0

    async def close(self) -> None:
        await self._db.close()

    async def listen_knowledge(self, changed: Callable[[], None]) -> bool:
        """SQLite has no notices between processes: the watcher polls (every 2 s) instead."""
        return False


def _probe(path: Path) -> None:
    """Fail early, with the path in the message, when `path` cannot be a SQLite store (a folder, a text file…).

    Checked with the plain sqlite3 module: a failed aiosqlite connect leaves its worker thread to report
    on a closed event loop, which buries the real reason under a second traceback.
    """
    try:
        connection = sqlite3.connect(path)
        try:
            connection.execute("PRAGMA schema_version").fetchone()
        finally:
            connection.close()
    except sqlite3.Error as error:
        raise StoreURLError(f"cannot use {path} as the store: {error}") from error
