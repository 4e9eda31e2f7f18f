"""What processes sharing a store share besides facts and the outbox: leases, follow-up memory, rate buckets.

Written once for both engines. A lease is a row with a holder and an expiry, taken with one conditional
upsert; a rate bucket is read under the engine's row lock (`dialect.row_lock`: SQLite's BEGIN IMMEDIATE
already serialises writers), refilled and spent in the same transaction, so two replicas cannot both
spend a user's last token.
"""

from __future__ import annotations

import hashlib

from knowledge.store.connection import Connection

# Idle rows past these ages carry nothing: a bucket refills fully within a minute, a topic expires.
BUCKET_IDLE = 600.0
INDEX_POINTER = "matcher_index"
TURN_IDLE = 86_400.0


class SharedState(Connection):
    # --- leases --------------------------------------------------------------------------------------

    async def acquire_lease(self, name: str, holder: str, ttl: float, now: float) -> bool:
        """Take or renew `name` for `holder` until `now + ttl`; False while someone else holds it."""
        changed = await self._write(
            """INSERT INTO leases (name, holder, expires) VALUES (?, ?, ?)
               ON CONFLICT(name) DO UPDATE SET holder = excluded.holder, expires = excluded.expires
               WHERE leases.holder = excluded.holder OR leases.expires < ?""",
            (name, holder, now + ttl, now),
        )
        return changed > 0

    async def lease_holder(self, name: str, now: float) -> str | None:
        row = await self._fetchone("SELECT holder FROM leases WHERE name = ? AND expires >= ?", (name, now))
        return str(row[0]) if row else None

    async def release_lease(self, name: str, holder: str) -> None:
        await self._write("DELETE FROM leases WHERE name = ? AND holder = ?", (name, holder))

    # --- the saved matcher index ---------------------------------------------------------------------

    async def knowledge_digest(self) -> str:
        """A hash of every stored fact (through its digest), its extra sources and the gazetteer."""
        digest = hashlib.sha256()
        row = await self._fetchone(self.dialect.fact_digests)
        digest.update(str(row[0] if row else "").encode())
        for row in await self._fetchall("SELECT fact_id, source_id FROM fact_sources ORDER BY fact_id, source_id"):
            digest.update(f"|{row[0]}\t{row[1]}".encode())
        columns = ("id", "kind", "name", "aliases", "role_en", "role_fr", "part_of")
        for row in await self._fetchall(f"SELECT {', '.join(columns)} FROM entities ORDER BY id"):  # noqa: S608
            digest.update(("#" + "\t".join(str(row[i]) for i in range(len(columns)))).encode())
        return digest.hexdigest()

    async def saved_index(self) -> str | None:
        """The name of the last complete saved index (its key, then a unique tail)."""
        row = await self._fetchone("SELECT value FROM meta WHERE key = ?", (INDEX_POINTER,))
        return str(row[0]) if row else None

    async def index_chunk(self, name: str, seq: int) -> bytes | None:
        row = await self._fetchone("SELECT data FROM matcher_index WHERE name = ? AND seq = ?", (name, seq))
        return bytes(row[0]) if row else None

    async def put_index_chunk(self, name: str, seq: int, data: bytes) -> None:
        await self._write("INSERT INTO matcher_index (name, seq, data) VALUES (?, ?, ?)", (name, seq, data))

    async def publish_index(self, name: str) -> None:
        """Point at `name` (complete), then drop every other saved index, a chunk per transaction."""
        await self._write(
            "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            (INDEX_POINTER, name),
        )
        await self.drop_indexes(keep=name)

    async def drop_indexes(self, keep: str | None) -> None:
        while True:
            row = await self._fetchone("SELECT name, seq FROM matcher_index WHERE name != ? LIMIT 1", (keep or "",))
            if row is None:
                return
            await self._write("DELETE FROM matcher_index WHERE name = ? AND seq = ?", (row[0], row[1]))

    # --- follow-up memory ----------------------------------------------------------------------------

    async def recall_turn(self, chat_key: str, since: float) -> tuple[str | None, str | None, float] | None:
        row = await self._fetchone(
            "SELECT subject, lang, at FROM conversation_memory WHERE chat_key = ? AND at >= ?", (chat_key, since)
        )
        return (row["subject"], row["lang"], float(row["at"])) if row else None

    async def remember_turn(self, chat_key: str, subject: str | None, lang: str | None, at: float) -> None:
        await self._write(
            """INSERT INTO conversation_memory (chat_key, subject, lang, at) VALUES (?, ?, ?, ?)
               ON CONFLICT(chat_key) DO UPDATE SET subject = excluded.subject, lang = excluded.lang,
                   at = excluded.at""",
            (chat_key, subject, lang, at),
        )

    # --- rate buckets --------------------------------------------------------------------------------

    async def take_tokens(self, buckets: list[tuple[str, int]], now: float) -> tuple[int | None, float]:
        """Spend one token from each (key, per-minute) bucket, or from none.

        Returns (None, 0) when every bucket had a token; else the index of the first empty bucket and the
        seconds until it has one again. A bucket holds up to `per_minute` tokens and refills continuously.
        """
        async with self._transaction():
            levels: list[float | None] = []
            for index, (key, per_minute) in enumerate(buckets):
                if per_minute <= 0:
                    levels.append(None)
                    continue
                await self._execute(
                    "INSERT INTO rate_buckets (key, tokens, at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                    (key, float(per_minute), now),
                )
                row = await self._fetchone(
                    f"SELECT tokens, at FROM rate_buckets WHERE key = ? {self.dialect.row_lock}",  # noqa: S608
                    (key,),
                )
                assert row is not None
                level = min(float(per_minute), float(row[0]) + max(0.0, now - float(row[1])) * per_minute / 60.0)
                if level < 1.0:
                    return index, (1.0 - level) * 60.0 / per_minute
                levels.append(level)
            for (key, _), spent in zip(buckets, levels, strict=True):
                if spent is not None:
                    await self._execute(
                        "UPDATE rate_buckets SET tokens = ?, at = ? WHERE key = ?", (spent - 1.0, now, key)
                    )
        return None, 0.0

    async def forget_idle(self, now: float) -> int:
        """Drop rate buckets and follow-up turns nobody used for a while (they hold nothing anymore)."""
        buckets = await self._write("DELETE FROM rate_buckets WHERE at < ?", (now - BUCKET_IDLE,))
        turns = await self._write("DELETE FROM conversation_memory WHERE at < ?", (now - TURN_IDLE,))
        return buckets + turns
