"""Sources, entities, facts, meta and preferences: the queries both engines run, written once."""

from __future__ import annotations

import hashlib
import json

from knowledge.models import Entity, Fact, Localized, Source
from knowledge.store.interface import SyncReport
from knowledge.store.rows import fact_digest, fact_from_row, fact_row
from knowledge.store.shared_state import SharedState
from knowledge.store.shared_subscriptions import SharedSubscriptions
from knowledge.subscriptions import Notify

FACT_COLUMNS = tuple(fact_row(Fact("x", "k", None, (), "s", "", Localized("", "")), digest=""))


class SharedFacts(SharedSubscriptions, SharedState):
    async def sources(self) -> list[Source]:
        rows = await self._fetchall("SELECT * FROM sources ORDER BY date IS NULL, date, id")
        return [Source(r["id"], r["title"], r["lang"], r["date"], r["url"], r["publisher"], r["body"]) for r in rows]

    async def entities(self) -> list[Entity]:
        rows = await self._fetchall("SELECT * FROM entities ORDER BY id")
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
        for row in await self._fetchall("SELECT fact_id, source_id FROM fact_sources ORDER BY source_id"):
            extra.setdefault(row["fact_id"], []).append(row["source_id"])
        facts: list[Fact] = []
        # In pages, not all at once: a million rows at once would hold them all next to the facts.
        async for rows in self._pages("SELECT * FROM facts ORDER BY id"):
            facts += [fact_from_row(r, tuple(extra.get(r["id"], ()))) for r in rows]
        return facts

    async def count_facts(self) -> int:
        row = await self._fetchone("SELECT count(*) FROM facts")
        return int(row[0]) if row else 0

    async def replace_entities(self, entities: list[Entity]) -> None:
        # Upserts and a delete of the others, not delete-all-then-insert: two processes building at once
        # (PostgreSQL lets them) would otherwise both insert the same ids.
        async with self._transaction():
            await self._execute(
                f"DELETE FROM entities WHERE id NOT IN ({', '.join('?' for _ in entities) or 'NULL'})",  # noqa: S608
                [e.id for e in entities],
            )
            await self._executemany(
                """INSERT INTO entities (id, kind, name, aliases, role_en, role_fr, part_of)
                   VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET kind = excluded.kind,
                   name = excluded.name, aliases = excluded.aliases, role_en = excluded.role_en,
                   role_fr = excluded.role_fr, part_of = excluded.part_of""",
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

        With `notify`, the same transaction also links the facts it repeats and writes the update for its
        new facts; the update's deliveries follow in short batches (see `SharedSubscriptions.fan_out`).
        """
        body_digest = hashlib.sha256((source.text or "").encode()).hexdigest()[:16]
        added: list[str] = []
        updated: list[str] = []
        removed: list[str] = []
        update_id: int | None = None
        async with self._transaction():
            await self._execute(
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
            rows = await self._fetchall("SELECT id, digest FROM facts WHERE source_id = ?", (source.id,))
            existing = {row["id"]: row["digest"] for row in rows}
            upsert = _fact_upsert(self.dialect.now_iso)
            for fact in facts:
                digest = fact_digest(fact)
                if existing.get(fact.id) == digest:
                    continue
                row = fact_row(fact, digest=digest)
                await self._execute(upsert, [row[c] for c in FACT_COLUMNS])
                (updated if fact.id in existing else added).append(fact.id)
            if prune:
                keep = {fact.id for fact in facts}
                removed = sorted(set(existing) - keep)
                await self._executemany("DELETE FROM facts WHERE id = ?", [(fid,) for fid in removed])
            if notify is not None:
                fresh = set(added)
                new = [fact for fact in facts if fact.id in fresh]
                update_id = await self._write_update(source.id, new, notify)
        deliveries = await self.fan_out(update_id) if update_id is not None else 0
        if notify is not None:
            await self.fan_out_pending()  # one a crashed process left half-written
        repeated = notify.repeats if notify is not None else ()
        return SyncReport(tuple(added), tuple(updated), tuple(removed), repeated, update_id, deliveries)

    async def discovered_entities(self) -> list[Entity]:
        rows = await self._fetchall("SELECT * FROM source_entities ORDER BY id, source_id")
        return [
            Entity(
                r["id"], r["kind"], r["name"], tuple(json.loads(r["aliases"])), Localized(r["role_en"], r["role_fr"])
            )
            for r in rows
        ]

    async def set_source_entities(self, source_id: str, entities: list[Entity]) -> None:
        async with self._transaction():
            await self._execute("DELETE FROM source_entities WHERE source_id = ?", (source_id,))
            await self._executemany(
                "INSERT INTO source_entities (source_id, id, kind, name, aliases, role_en, role_fr)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        source_id,
                        e.id,
                        e.kind,
                        e.name,
                        json.dumps(list(e.aliases), ensure_ascii=False),
                        e.role.en,
                        e.role.fr,
                    )
                    for e in entities
                ],
            )

    async def remove_source(self, source_id: str) -> bool:
        # Its facts, their links to other sources, its entities, updates and deliveries go with it (cascade).
        async with self._transaction():
            removed = await self._execute("DELETE FROM sources WHERE id = ?", (source_id,))
        return removed > 0

    async def get_meta(self, key: str) -> str | None:
        row = await self._fetchone("SELECT value FROM meta WHERE key = ?", (key,))
        return str(row[0]) if row else None

    async def set_meta(self, key: str, value: str) -> None:
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    async def get_preference(self, platform: str, scope_id: str, key: str) -> str | None:
        row = await self._fetchone(
            "SELECT value FROM preferences WHERE platform = ? AND scope_id = ? AND key = ?",
            (platform, scope_id, key),
        )
        return str(row[0]) if row else None

    async def set_preference(self, platform: str, scope_id: str, key: str, value: str | None) -> None:
        if value is None:
            await self._write(
                "DELETE FROM preferences WHERE platform = ? AND scope_id = ? AND key = ?",
                (platform, scope_id, key),
            )
            return
        await self._write(
            f"""INSERT INTO preferences (platform, scope_id, key, value) VALUES (?, ?, ?, ?)
               ON CONFLICT(platform, scope_id, key) DO UPDATE SET value = excluded.value,
                   updated_at = {self.dialect.now_iso}""",  # noqa: S608 - a constant expression
            (platform, scope_id, key, value),
        )


def _fact_upsert(now_iso: str) -> str:
    columns = ", ".join(FACT_COLUMNS)
    placeholders = ", ".join("?" for _ in FACT_COLUMNS)
    assignments = ", ".join(f"{c}=excluded.{c}" for c in FACT_COLUMNS if c != "id")
    return (
        f"INSERT INTO facts ({columns}) VALUES ({placeholders}) "  # noqa: S608 - fixed column names
        f"ON CONFLICT(id) DO UPDATE SET {assignments}, updated_at={now_iso}"
    )
