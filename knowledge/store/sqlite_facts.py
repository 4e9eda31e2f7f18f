"""SQLite through aiosqlite: WAL mode, versioned migrations, one transaction per source."""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import sqlite3
from importlib import resources
from pathlib import Path

import aiosqlite

from knowledge.models import Entity, Fact, Localized, Source
from knowledge.store.errors import StoreURLError
from knowledge.store.interface import SyncReport
from knowledge.store.rows import fact_digest, fact_from_row, fact_row
from knowledge.store.sqlite_subscriptions import SQLiteSubscriptions
from knowledge.subscriptions import Notify

log = logging.getLogger(__name__)


def _migrations() -> list[tuple[int, str]]:
    folder = resources.files("knowledge.migrations")
    found = []
    for item in folder.iterdir():
        if item.name.endswith(".sql"):
            found.append((int(item.name.split("_", 1)[0]), item.read_text(encoding="utf-8")))
    return sorted(found)


class SQLiteStore(SQLiteSubscriptions):
    """The default store. Safe for several processes: WAL, a busy timeout, short transactions."""

    def __init__(self, connection: aiosqlite.Connection, path: Path) -> None:
        self._init_connection(connection)
        self.path = path

    @classmethod
    async def open(cls, path: Path) -> SQLiteStore:
        if str(path) != ":memory:":
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
        await self._db.execute("PRAGMA journal_mode = WAL")
        await self._db.execute("PRAGMA synchronous = NORMAL")
        await self._db.execute("PRAGMA foreign_keys = ON")

    async def _migrate(self) -> None:
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        current = int(row[0]) if row else 0
        for version, script in _migrations():
            if version <= current:
                continue
            log.info("migrating store %s to version %d", self.path, version)
            async with self._transaction():
                # executescript would commit on its own; run statement by statement inside our transaction.
                for statement in _split_sql(script):
                    await self._db.execute(statement)
                await self._db.execute(f"PRAGMA user_version = {version:d}")

    async def schema_version(self) -> int:
        async with self._db.execute("PRAGMA user_version") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def close(self) -> None:
        await self._db.close()

    async def sources(self) -> list[Source]:
        async with self._db.execute("SELECT * FROM sources ORDER BY date IS NULL, date, id") as cursor:
            rows = await cursor.fetchall()
        return [Source(r["id"], r["title"], r["lang"], r["date"], r["url"], r["publisher"], r["body"]) for r in rows]

    async def entities(self) -> list[Entity]:
        async with self._db.execute("SELECT * FROM entities ORDER BY id") as cursor:
            rows = await cursor.fetchall()
        return [
            Entity(
                r["id"],
                r["kind"],
                r["name"],
                tuple(json.loads(r["aliases"])),
                Localized(r["role_en"], r["role_fr"]),
                r["part_of"],
            )
            for r in rows
        ]

    async def facts(self) -> list[Fact]:
        extra: dict[str, list[str]] = {}
        async with self._db.execute("SELECT fact_id, source_id FROM fact_sources ORDER BY source_id") as cursor:
            async for row in cursor:
                extra.setdefault(row["fact_id"], []).append(row["source_id"])
        facts: list[Fact] = []
        async with self._db.execute("SELECT * FROM facts ORDER BY id") as cursor:
            # In pages, not fetchall: a million rows at once would hold them all next to the facts.
            while rows := await cursor.fetchmany(10_000):
                facts += [fact_from_row(r, tuple(extra.get(r["id"], ()))) for r in rows]
        return facts

    async def count_facts(self) -> int:
        async with self._db.execute("SELECT count(*) FROM facts") as cursor:
            row = await cursor.fetchone()
        return int(row[0]) if row else 0

    async def replace_entities(self, entities: list[Entity]) -> None:
        async with self._transaction():
            await self._db.execute("DELETE FROM entities")
            await self._db.executemany(
                "INSERT INTO entities (id, kind, name, aliases, role_en, role_fr, part_of)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        e.id,
                        e.kind,
                        e.name,
                        json.dumps(list(e.aliases), ensure_ascii=False),
                        e.role.en,
                        e.role.fr,
                        e.part_of,
                    )
                    for e in entities
                ],
            )

    async def sync_source(
        self, source: Source, facts: list[Fact], *, prune: bool = True, notify: Notify | None = None
    ) -> SyncReport:
        """Write a source and its facts in one transaction; with `prune`, drop its facts not in `facts`.

        With `notify`, the same transaction also links the facts it repeats and writes the outbox rows
        for its new facts, so facts and their notifications are stored together or not at all.
        """
        body_digest = hashlib.sha256((source.text or "").encode()).hexdigest()[:16]
        added: list[str] = []
        updated: list[str] = []
        removed: list[str] = []
        async with self._transaction():
            await self._db.execute(
                """INSERT INTO sources (id, title, lang, date, url, publisher, body, digest)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET title=excluded.title, lang=excluded.lang, date=excluded.date,
                       url=excluded.url, publisher=excluded.publisher, body=excluded.body, digest=excluded.digest""",
                (
                    source.id,
                    source.title,
                    source.lang,
                    source.date,
                    source.url,
                    source.publisher,
                    source.text,
                    body_digest,
                ),
            )
            async with self._db.execute("SELECT id, digest FROM facts WHERE source_id = ?", (source.id,)) as cur:
                existing = {row["id"]: row["digest"] async for row in cur}
            for fact in facts:
                digest = fact_digest(fact)
                if existing.get(fact.id) == digest:
                    continue
                row = fact_row(fact, digest=digest)
                columns = ", ".join(row)
                placeholders = ", ".join(f":{k}" for k in row)
                assignments = ", ".join(f"{k}=excluded.{k}" for k in row if k != "id")
                await self._db.execute(
                    f"INSERT INTO facts ({columns}) VALUES ({placeholders}) "  # noqa: S608 - fixed column names
                    f"ON CONFLICT(id) DO UPDATE SET {assignments}, updated_at=strftime('%Y-%m-%dT%H:%M:%SZ','now')",
                    row,
                )
                (updated if fact.id in existing else added).append(fact.id)
            if prune:
                keep = {fact.id for fact in facts}
                removed = sorted(set(existing) - keep)
                await self._db.executemany("DELETE FROM facts WHERE id = ?", [(fid,) for fid in removed])
            update_id, deliveries = None, 0
            if notify is not None:
                fresh = set(added)
                new = [fact for fact in facts if fact.id in fresh]
                update_id, deliveries = await self._write_outbox(source.id, new, notify)
        repeated = notify.repeats if notify is not None else ()
        return SyncReport(tuple(added), tuple(updated), tuple(removed), repeated, update_id, deliveries)

    async def get_meta(self, key: str) -> str | None:
        async with self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)) as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    async def get_preference(self, platform: str, scope_id: str, key: str) -> str | None:
        async with self._db.execute(
            "SELECT value FROM preferences WHERE platform = ? AND scope_id = ? AND key = ?",
            (platform, scope_id, key),
        ) as cursor:
            row = await cursor.fetchone()
        return str(row[0]) if row else None

    async def set_preference(self, platform: str, scope_id: str, key: str, value: str | None) -> None:
        if value is None:
            await self._write(
                "DELETE FROM preferences WHERE platform = ? AND scope_id = ? AND key = ?",
                (platform, scope_id, key),
            )
            return
        await self._write(
            """INSERT INTO preferences (platform, scope_id, key, value) VALUES (?, ?, ?, ?)
               ON CONFLICT(platform, scope_id, key) DO UPDATE SET value = excluded.value,
                   updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')""",
            (platform, scope_id, key, value),
        )


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


def _split_sql(script: str) -> list[str]:
    """Statements of a migration file (ours hold no semicolons inside strings or triggers)."""
    lines = [line for line in script.splitlines() if not line.lstrip().startswith("--")]
    return [s.strip() for s in "\n".join(lines).split(";") if s.strip()]
