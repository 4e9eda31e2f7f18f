"""The PostgreSQL engine: a connection pool, migrations under an advisory lock, knowledge-change notices.

Selected by `DATABASE_URL=postgresql://user@host:5432/db`. Two query parameters are ours, not the
server's: `schema=name` (the store's tables live in that schema, created if missing; default `public`)
and `pool=N` (connections per pool, default 4). The queries are the shared ones (`shared_facts`,
`shared_subscriptions`); this module holds what only PostgreSQL does.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import asyncpg

from knowledge.migrations import latest_version, migrations, statements
from knowledge.models import Fact, Source
from knowledge.store.errors import SchemaTooNewError, StoreError
from knowledge.store.interface import SyncReport
from knowledge.store.postgres_connection import PostgresConnection
from knowledge.store.postgres_url import PostgresURL, postgres_url
from knowledge.store.shared_facts import SharedFacts
from knowledge.subscriptions import Notify

log = logging.getLogger(__name__)

# Every process takes this lock (per schema) around each migration: the first migrates, the others wait
# and then find the work done. Transaction-scoped, so a process killed mid-migration releases it.
_MIGRATION_LOCK = "radford-bot:migrate:"
KNOWLEDGE_CHANNEL = "radford_knowledge"


class PostgresStore(SharedFacts, PostgresConnection):
    """The shared store: any number of processes on any number of hosts."""

    def __init__(self, pool: asyncpg.Pool, target: PostgresURL) -> None:
        self._init_pool(pool)
        self.target = target
        self.schema = target.schema
        self.channel = f"{KNOWLEDGE_CHANNEL}:{target.schema}"
        self._listener: asyncpg.Connection | None = None

    @classmethod
    async def open(cls, url: str) -> PostgresStore:
        target = postgres_url(url)
        await _ensure_schema(target)
        try:
            pool = await asyncpg.create_pool(
                target.dsn,
                min_size=1,
                max_size=target.pool,
                server_settings={"search_path": target.schema, "application_name": "radford-bot"},
            )
        except (OSError, asyncpg.PostgresError) as error:
            raise StoreError(f"cannot open the PostgreSQL store (DATABASE_URL): {error}") from error
        store = cls(pool, target)
        try:
            await store._migrate()
        except BaseException:
            await pool.close()
            raise
        return store

    async def _migrate(self) -> None:
        """Each pending migration in its own transaction, under an advisory lock, the version read inside it."""
        known = latest_version()
        for migration in migrations("postgresql"):
            async with self._transaction():
                await self._execute("SELECT pg_advisory_xact_lock(hashtext(?))", (_MIGRATION_LOCK + self.schema,))
                await self._execute(
                    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, applied_at TEXT)"
                )
                current = await self.schema_version()
                if current > known:
                    raise SchemaTooNewError(current, known)
                if migration.version <= current:
                    continue
                log.info("migrating PostgreSQL store (schema %s) to version %d", self.schema, migration.version)
                for statement in statements(migration.sql):
                    await self._execute(statement)
                await self._execute(
                    f"INSERT INTO schema_version (version, applied_at) VALUES (?, {self.dialect.now_iso})",  # noqa: S608
                    (migration.version,),
                )

    async def schema_version(self) -> int:
        row = await self._fetchone("SELECT coalesce(max(version), 0) FROM schema_version")
        return int(row[0]) if row else 0

    async def close(self) -> None:
        if self._listener is not None:
            await self._listener.close()
            self._listener = None
        await self._pool.close()

    # --- telling every process that the knowledge changed -------------------------------------------

    async def sync_source(
        self, source: Source, facts: list[Fact], *, prune: bool = True, notify: Notify | None = None
    ) -> SyncReport:
        report = await super().sync_source(source, facts, prune=prune, notify=notify)
        if report.changed or report.repeated:
            await self._notify_knowledge()
        return report

    async def set_meta(self, key: str, value: str) -> None:
        await super().set_meta(key, value)
        await self._notify_knowledge()

    async def _notify_knowledge(self) -> None:
        await self._execute("SELECT pg_notify(?, 'changed')", (self.channel,))

    async def listen_knowledge(self, changed: Callable[[], None]) -> bool:
        """Call `changed` whenever any process changes the knowledge (LISTEN on a connection of its own)."""
        if self._listener is None:
            self._listener = await asyncpg.connect(
                self.target.dsn, server_settings={"application_name": "radford-bot listener"}
            )

        def on_notice(*_: Any) -> None:
            changed()

        await self._listener.add_listener(self.channel, on_notice)
        return True


async def _ensure_schema(target: PostgresURL) -> None:
    """Create the store's schema once, however many processes start at once (under the migration lock)."""
    try:
        connection = await asyncpg.connect(target.dsn)
    except (OSError, asyncpg.PostgresError) as error:
        raise StoreError(f"cannot reach the PostgreSQL store (DATABASE_URL): {error}") from error
    try:
        async with connection.transaction():
            await connection.execute("SELECT pg_advisory_xact_lock(hashtext($1))", _MIGRATION_LOCK + target.schema)
            await connection.execute(f'CREATE SCHEMA IF NOT EXISTS "{target.schema}"')
    finally:
        await asyncio.shield(connection.close())
