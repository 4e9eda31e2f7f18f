"""Subscriptions, the outbox and feed state: the queries both engines run, written once.

Every write is one short transaction, so the bot, `radford-bot ingest` and other processes can share the
store. Claiming deliveries leases them (their `next_attempt_at` moves to the end of the lease), so two
broadcasters never send the same row, and rows a crashed process held come back when the lease ends.

An update's deliveries are written in batches of chats, each its own short transaction, after the
transaction that stored the facts and the update: 300,000 subscribers in one transaction held the write
lock for seconds. The update row carries how far its fan-out got (`fanout_platform`, `fanout_chat`), so a
process that dies half-way leaves the rest to `fan_out_pending`, and a row written twice is ignored.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Sequence
from typing import cast

from knowledge.models import Fact, Source
from knowledge.store.connection import Connection, Row
from knowledge.store.rows import fact_from_row
from knowledge.subscriptions import (
    INACTIVE_PREFERENCE,
    MAX_STRIKES,
    Delivery,
    Mode,
    Notify,
    Outcome,
    ParkedDelivery,
    PruneReport,
    SubscriberCount,
    Subscription,
)
from knowledge.topics import Topic, fact_matches, next_digest_at

# Appended to a finishing UPDATE with (worker, worker): only a row still leased to that worker changes (any
# row when worker is None), so a worker whose lease ran out cannot finish a row another host now holds.
_STILL_OURS = "AND (CAST(? AS TEXT) IS NULL OR claimed_by = ?)"
# Chats per fan-out transaction and rows per pruning transaction: each commits in milliseconds.
FANOUT_BATCH = 2_000
PRUNE_BATCH = 1_000


def _subscription(row: Row) -> Subscription:
    return Subscription(
        id=row["id"],
        platform=row["platform"],
        chat_id=row["chat_id"],
        chat_kind=row["chat_kind"],
        topic=row["topic"],
        label=row["label"],
        lang=row["lang"],
        mode=cast(Mode, row["mode"]),
        digest_time=row["digest_time"],
        active=bool(row["active"]),
        strikes=row["strikes"],
        last_error=row["last_error"],
    )


def _placeholders(items: Sequence[object]) -> str:
    return ", ".join("?" for _ in items)


class SharedSubscriptions(Connection):
    """Subscription and outbox queries over the engine's connection (`Connection`)."""

    fanout_batch = FANOUT_BATCH

    # --- subscriptions -------------------------------------------------------------------------------

    async def subscribe(
        self,
        platform: str,
        chat_id: str,
        topic: Topic,
        *,
        chat_kind: str = "private",
        lang: str = "en",
        mode: Mode = "immediate",
        digest_time: str | None = None,
    ) -> tuple[Subscription, bool]:
        async with self._transaction():
            return await self._subscribe(platform, chat_id, topic, chat_kind, lang, mode, digest_time)

    async def _subscribe(
        self, platform: str, chat_id: str, topic: Topic, chat_kind: str, lang: str, mode: Mode, digest_time: str | None
    ) -> tuple[Subscription, bool]:
        before = await self._one_subscription(platform, chat_id, topic.key)
        digest_time = digest_time if mode == "digest" else None
        await self._execute(
            f"""INSERT INTO subscriptions
                   (platform, chat_id, chat_kind, topic, label, lang, mode, digest_time)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?)
               ON CONFLICT(platform, chat_id, topic) DO UPDATE SET chat_kind = excluded.chat_kind,
                   label = excluded.label, lang = excluded.lang, mode = excluded.mode,
                   digest_time = excluded.digest_time, active = 1, strikes = 0, last_error = NULL,
                   updated_at = {self.dialect.now_iso}""",  # noqa: S608 - a constant expression, no user text
            (platform, chat_id, chat_kind, topic.key, topic.label, lang, mode, digest_time),
        )
        after = await self._one_subscription(platform, chat_id, topic.key)
        assert after is not None
        changed = before is None or (before.mode, before.digest_time, before.active, before.lang) != (
            after.mode,
            after.digest_time,
            after.active,
            after.lang,
        )
        if before is not None and (before.mode, before.digest_time) != (after.mode, after.digest_time):
            # What is still owed follows the new rhythm: now for immediate, the next digest time otherwise.
            now = time.time()
            due = next_digest_at(after.digest_time, now) if after.mode == "digest" and after.digest_time else now
            await self._execute(
                """UPDATE deliveries SET next_attempt_at = ?
                   WHERE subscription_id = ? AND status = 'pending' AND claimed_by IS NULL""",
                (due, after.id),
            )
        return after, changed

    async def _one_subscription(self, platform: str, chat_id: str, topic_key: str) -> Subscription | None:
        row = await self._fetchone(
            "SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? AND topic = ?",
            (platform, chat_id, topic_key),
        )
        return _subscription(row) if row else None

    async def unsubscribe(self, platform: str, chat_id: str, topic_key: str | None) -> int:
        if topic_key is None:
            return await self._write(
                "DELETE FROM subscriptions WHERE platform = ? AND chat_id = ?", (platform, chat_id)
            )
        return await self._write(
            "DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND topic = ?",
            (platform, chat_id, topic_key),
        )

    async def chat_subscriptions(self, platform: str, chat_id: str) -> list[Subscription]:
        rows = await self._fetchall(
            "SELECT * FROM subscriptions WHERE platform = ? AND chat_id = ? ORDER BY id", (platform, chat_id)
        )
        return [_subscription(row) for row in rows]

    async def move_chat(self, platform: str, old_chat_id: str, new_chat_id: str) -> int:
        async with self._transaction():
            # Topics the new id already has: keep those, drop the old copies; the rest follow the chat.
            await self._execute(
                """DELETE FROM subscriptions WHERE platform = ? AND chat_id = ? AND topic IN (
                       SELECT topic FROM subscriptions WHERE platform = ? AND chat_id = ?)""",
                (platform, old_chat_id, platform, new_chat_id),
            )
            return await self._execute(
                f"""UPDATE subscriptions SET chat_id = ?, updated_at = {self.dialect.now_iso}
                   WHERE platform = ? AND chat_id = ?""",  # noqa: S608 - constant expression
                (new_chat_id, platform, old_chat_id),
            )

    async def chat_seen(self, platform: str, chat_id: str) -> int:
        # A read first: almost every message comes from a chat with nothing to reactivate, and a read
        # takes no write lock, so answering never waits behind a broadcaster's transaction.
        inactive = await self._fetchone(
            "SELECT 1 FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 0 LIMIT 1",
            (platform, chat_id),
        )
        if inactive is None:
            return 0
        return await self._write(
            f"""UPDATE subscriptions SET active = 1, strikes = 0, updated_at = {self.dialect.now_iso}
               WHERE platform = ? AND chat_id = ? AND active = 0""",  # noqa: S608 - constant expression
            (platform, chat_id),
        )

    # --- the outbox: the update inside sync_source's transaction, its deliveries in batches after ------

    async def _write_update(self, source_id: str, added: list[Fact], notify: Notify) -> int | None:
        """Repeated facts gain this source; new facts become an update whose fan-out is still to do."""
        for fact_id in notify.repeats:
            await self._execute(
                """INSERT INTO fact_sources (fact_id, source_id)
                   SELECT id, ? FROM facts WHERE id = ? AND source_id != ? ON CONFLICT DO NOTHING""",
                (source_id, fact_id, source_id),
            )
        if not added or not notify.deliver:
            return None
        row = await self._fetchone(
            """INSERT INTO updates (source_id, fact_ids, created, fanned_out, fanout_platform, fanout_chat)
               VALUES (?, ?, ?, 0, '', '') RETURNING id""",
            (source_id, json.dumps([f.id for f in added]), notify.now),
        )
        assert row is not None
        return int(row[0])

    async def fan_out(self, update_id: int) -> int:
        """Write an update's deliveries, a batch of chats per transaction, from where it stopped; returns how many."""
        update = await self._fetchone(
            "SELECT fact_ids, created, fanned_out, fanout_platform, fanout_chat FROM updates WHERE id = ?",
            (update_id,),
        )
        if update is None or update["fanned_out"]:
            return 0
        ids = json.loads(update["fact_ids"])
        by_id = {fact.id: fact for fact in await self.facts_by_id(ids)}
        added = [by_id[i] for i in ids if i in by_id]
        now = float(update["created"])
        after: tuple[str, str] | None = (update["fanout_platform"], update["fanout_chat"])
        total = 0
        while after is not None:
            written, after = await self._fan_out_batch(update_id, added, now, after)
            total += written
            if after is None:
                break
            await asyncio.sleep(0)  # let the rest of the process (and its readers) in between batches
        return total

    async def _fan_out_batch(
        self, update_id: int, added: list[Fact], now: float, after: tuple[str, str]
    ) -> tuple[int, tuple[str, str] | None]:
        """One batch of chats past `after`, with the update's progress, in one short transaction."""
        async with self._transaction():
            # Keyset pages over the unique (platform, chat_id, topic) index; `active` is checked on the rows, not
            # in the WHERE: with it there, SQLite chose the (active, platform) index and scanned every active
            # subscription for each batch (150 ms a batch at 300,000 subscribers instead of 2 ms).
            chats = await self._fetchall(
                """SELECT DISTINCT platform, chat_id FROM subscriptions WHERE (platform, chat_id) > (?, ?)
                   ORDER BY platform, chat_id LIMIT ?""",
                (*after, self.fanout_batch),
            )
            if not chats:
                await self._execute("UPDATE updates SET fanned_out = 1 WHERE id = ?", (update_id,))
                return 0, None
            last = (chats[-1]["platform"], chats[-1]["chat_id"])
            subscriptions = await self._fetchall(
                """SELECT id, platform, chat_id, topic, mode, digest_time, active FROM subscriptions
                   WHERE (platform, chat_id) > (?, ?) AND (platform, chat_id) <= (?, ?)
                   ORDER BY platform, chat_id, id""",
                (*after, *last),
            )
            rows = _deliveries([s for s in subscriptions if s["active"]], update_id, added, now)
            await self._executemany(
                """INSERT INTO deliveries (subscription_id, update_id, platform, fact_ids, next_attempt_at)
                   VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""",
                rows,
            )
            await self._execute(
                "UPDATE updates SET fanout_platform = ?, fanout_chat = ? WHERE id = ?", (*last, update_id)
            )
        return len(rows), last

    async def fan_out_pending(self) -> int:
        """Finish the fan-out of updates a crashed process left half-written; returns the deliveries added."""
        rows = await self._fetchall("SELECT id FROM updates WHERE fanned_out = 0 ORDER BY id")
        total = 0
        for row in rows:
            total += await self.fan_out(int(row[0]))
        return total

    async def prune(self, before: float, *, batch: int = PRUNE_BATCH) -> PruneReport:
        """Forget finished deliveries, their updates and seen feed entries older than `before`, in batches.

        Pending deliveries are never touched, nor an update that still has any or whose fan-out is not done.
        """
        deliveries = await self._prune_batches(
            """DELETE FROM deliveries WHERE id IN (
                   SELECT d.id FROM deliveries d JOIN updates u ON u.id = d.update_id
                   WHERE d.status != 'pending' AND u.created < ? LIMIT ?)""",
            before,
            batch,
        )
        updates = await self._prune_batches(
            """DELETE FROM updates WHERE id IN (
                   SELECT u.id FROM updates u WHERE u.created < ? AND u.fanned_out = 1 AND NOT EXISTS (
                       SELECT 1 FROM deliveries d WHERE d.update_id = u.id) LIMIT ?)""",
            before,
            batch,
        )
        entries = await self._prune_batches(
            """DELETE FROM feed_entries WHERE (feed_url, entry_key) IN (
                   SELECT feed_url, entry_key FROM feed_entries WHERE seen_at < ? LIMIT ?)""",
            before,
            batch,
        )
        return PruneReport(deliveries, updates, entries)

    async def _prune_batches(self, sql: str, before: float, batch: int) -> int:
        total = 0
        while True:
            async with self._transaction():
                removed = await self._execute(sql, (before, batch))
            total += removed
            if removed < batch:
                return total
            await asyncio.sleep(0)

    # --- broadcasting ----------------------------------------------------------------------------------

    async def claim_deliveries(
        self, platform: str, now: float, *, worker: str, limit: int = 64, lease: float = 60.0
    ) -> list[Delivery]:
        async with self._transaction():
            claimed = await self._fetchall(
                f"""UPDATE deliveries SET next_attempt_at = ?, claimed_by = ?
                   WHERE id IN (SELECT d.id FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
                                WHERE d.status = 'pending' AND d.platform = ? AND d.next_attempt_at <= ?
                                  AND s.active = 1 AND NOT EXISTS (
                                      SELECT 1 FROM preferences p WHERE p.platform = s.platform
                                      AND p.scope_id = s.chat_id AND p.key = ?)
                                ORDER BY d.next_attempt_at, d.id LIMIT ? {self.dialect.claim_lock})
                   RETURNING id, subscription_id""",  # noqa: S608 - a constant fragment
                (now + lease, worker, platform, now, INACTIVE_PREFERENCE, limit),
            )
            # A digest is one message per period: take the rest of a due digest along with its first row.
            subscription_ids = sorted({row["subscription_id"] for row in claimed})
            if subscription_ids:
                await self._execute(
                    f"""UPDATE deliveries SET next_attempt_at = ?, claimed_by = ?
                       WHERE status = 'pending' AND next_attempt_at <= ? AND subscription_id IN (
                           SELECT id FROM subscriptions WHERE mode = 'digest'
                           AND id IN ({_placeholders(subscription_ids)}))""",  # noqa: S608 - placeholders only
                    (now + lease, worker, now, *subscription_ids),
                )
            rows = await self._fetchall(
                """SELECT d.id, d.subscription_id, d.update_id, d.platform, d.fact_ids, d.attempts, s.chat_id,
                          s.chat_kind, s.lang, s.mode, s.topic, s.label, u.source_id
                   FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
                   JOIN updates u ON u.id = d.update_id
                   WHERE d.status = 'pending' AND d.platform = ? AND d.next_attempt_at = ? AND d.claimed_by = ?
                   ORDER BY d.subscription_id, d.update_id""",
                (platform, now + lease, worker),
            )
        return [
            Delivery(
                id=r["id"],
                subscription_id=r["subscription_id"],
                update_id=r["update_id"],
                platform=r["platform"],
                chat_id=r["chat_id"],
                chat_kind=r["chat_kind"],
                lang=r["lang"],
                mode=cast(Mode, r["mode"]),
                topic=r["topic"],
                label=r["label"],
                source_id=r["source_id"],
                fact_ids=tuple(json.loads(r["fact_ids"])),
                attempts=r["attempts"],
            )
            for r in rows
        ]

    async def finish_deliveries(
        self, outcomes: list[Outcome], *, max_strikes: int = MAX_STRIKES, worker: str | None = None
    ) -> None:
        if not outcomes:
            return
        sent = [o for o in outcomes if o.kind == "sent"]
        async with self._transaction():
            if sent:
                await self._mark_sent(sent, worker)
            for outcome in outcomes:
                if outcome.kind != "sent":
                    await self._finish_one(outcome, max_strikes, worker)

    async def _mark_sent(self, sent: list[Outcome], worker: str | None) -> None:
        """Sent rows in one statement; a chat that received a message has its strikes cleared."""
        await self._executemany(
            f"""UPDATE deliveries SET status = 'sent', sent_at = ?, attempts = attempts + 1, claimed_by = NULL,
                   last_error = NULL WHERE id = ? {_STILL_OURS}""",  # noqa: S608 - constant expression
            [(o.at, o.delivery_id, worker, worker) for o in sent],
        )
        ids = [o.delivery_id for o in sent]
        rows = await self._fetchall(
            f"""SELECT DISTINCT s.platform, s.chat_id FROM deliveries d JOIN subscriptions s
               ON s.id = d.subscription_id WHERE s.strikes > 0 AND d.id IN ({_placeholders(ids)})""",  # noqa: S608
            ids,
        )
        struck = [(r[0], r[1]) for r in rows]
        await self._executemany(
            f"""UPDATE subscriptions SET strikes = 0, last_error = NULL, updated_at = {self.dialect.now_iso}
               WHERE platform = ? AND chat_id = ? AND strikes > 0""",  # noqa: S608 - constant expression
            struck,
        )

    async def _finish_one(self, outcome: Outcome, max_strikes: int, worker: str | None) -> None:
        key = (outcome.delivery_id,)
        if outcome.kind == "park":
            await self._execute(
                f"""UPDATE deliveries SET status = 'parked', attempts = attempts + 1, claimed_by = NULL,
                       last_error = ? WHERE id = ? {_STILL_OURS}""",  # noqa: S608 - constant expression
                (outcome.error, *key, worker, worker),
            )
            return
        changed = await self._execute(
            f"""UPDATE deliveries SET next_attempt_at = ?, attempts = attempts + ?, claimed_by = NULL,
                   last_error = ? WHERE id = ? {_STILL_OURS}""",  # noqa: S608 - constant expression
            (outcome.at, int(outcome.attempt), outcome.error, *key, worker, worker),
        )
        if outcome.kind != "gone" or changed == 0:
            return
        chat = await self._fetchone(
            "SELECT s.platform, s.chat_id FROM subscriptions s JOIN deliveries d ON d.subscription_id = s.id "
            "WHERE d.id = ?",
            key,
        )
        if chat is None:
            return
        where = (chat["platform"], chat["chat_id"])
        await self._execute(
            f"""UPDATE subscriptions SET strikes = strikes + 1, last_error = ?, updated_at = {self.dialect.now_iso}
               WHERE platform = ? AND chat_id = ?""",  # noqa: S608 - constant expression
            (outcome.error, *where),
        )
        await self._execute(
            """UPDATE subscriptions SET active = 0 WHERE platform = ? AND chat_id = ? AND strikes >= ?""",
            (*where, max_strikes),
        )
        # A chat that is gone owes nothing more: park what it still had pending, with the reason.
        await self._execute(
            """UPDATE deliveries SET status = 'parked', claimed_by = NULL, last_error = ?
               WHERE status = 'pending' AND subscription_id IN (
                   SELECT id FROM subscriptions WHERE platform = ? AND chat_id = ? AND active = 0)""",
            (f"recipient gone: {outcome.error}", *where),
        )

    async def release_deliveries(self, ids: list[int], now: float, *, worker: str | None = None) -> None:
        if not ids:
            return
        await self._write(
            f"""UPDATE deliveries SET next_attempt_at = ?, claimed_by = NULL
               WHERE status = 'pending' AND id IN ({_placeholders(ids)}) {_STILL_OURS}""",  # noqa: S608
            (now, *ids, worker, worker),
        )

    async def facts_by_id(self, ids: list[str]) -> list[Fact]:
        if not ids:
            return []
        rows = await self._fetchall(
            f"SELECT * FROM facts WHERE id IN ({_placeholders(ids)})",  # noqa: S608 - placeholders only
            ids,
        )
        found = {row["id"]: fact_from_row(row, ()) for row in rows}
        return [found[i] for i in ids if i in found]

    async def source_by_id(self, source_id: str) -> Source | None:
        r = await self._fetchone("SELECT * FROM sources WHERE id = ?", (source_id,))
        if r is None:
            return None
        return Source(r["id"], r["title"], r["lang"], r["date"], r["url"], r["publisher"], None)

    async def latest_update_id(self) -> int:
        row = await self._fetchone("SELECT coalesce(max(id), 0) FROM updates")
        return int(row[0]) if row else 0

    # --- the operator's views --------------------------------------------------------------------------

    async def subscriber_counts(self) -> list[SubscriberCount]:
        rows = await self._fetchall(
            """SELECT platform, topic, min(label) AS label, mode, sum(active) AS active,
                      sum(1 - active) AS inactive
               FROM subscriptions GROUP BY platform, topic, mode ORDER BY platform, topic, mode"""
        )
        return [
            SubscriberCount(
                r["platform"], r["topic"], r["label"], cast(Mode, r["mode"]), int(r["active"]), int(r["inactive"])
            )
            for r in rows
        ]

    async def outbox_counts(self) -> dict[tuple[str, str], int]:
        rows = await self._fetchall(
            "SELECT platform, status, count(*) FROM deliveries GROUP BY platform, status ORDER BY platform, status"
        )
        return {(r[0], r[1]): int(r[2]) for r in rows}

    async def parked_deliveries(self, limit: int = 20) -> list[ParkedDelivery]:
        rows = await self._fetchall(
            """SELECT d.id, d.platform, s.chat_id, d.update_id, d.attempts, d.last_error
               FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
               WHERE d.status = 'parked' ORDER BY d.id DESC LIMIT ?""",
            (limit,),
        )
        return [ParkedDelivery(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]

    # --- feeds -----------------------------------------------------------------------------------------

    async def feed_state(self, url: str) -> tuple[str | None, str | None]:
        row = await self._fetchone("SELECT etag, last_modified FROM feeds WHERE url = ?", (url,))
        return (row["etag"], row["last_modified"]) if row else (None, None)

    async def set_feed_state(self, url: str, etag: str | None, last_modified: str | None, now: float) -> None:
        await self._write(
            """INSERT INTO feeds (url, etag, last_modified, checked_at) VALUES (?, ?, ?, ?)
               ON CONFLICT(url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                   checked_at = excluded.checked_at""",
            (url, etag, last_modified, now),
        )

    async def feed_entry_seen(self, url: str, entry_key: str) -> bool:
        row = await self._fetchone("SELECT 1 FROM feed_entries WHERE feed_url = ? AND entry_key = ?", (url, entry_key))
        return row is not None

    async def mark_feed_entry(self, url: str, entry_key: str, source_id: str | None, now: float) -> None:
        await self._write(
            """INSERT INTO feed_entries (feed_url, entry_key, source_id, seen_at) VALUES (?, ?, ?, ?)
               ON CONFLICT DO NOTHING""",
            (url, entry_key, source_id, now),
        )

    async def feed_known(self, url: str) -> bool:
        return await self._fetchone("SELECT 1 FROM feeds WHERE url = ?", (url,)) is not None


def _deliveries(
    subscriptions: list[Row], update_id: int, added: list[Fact], now: float
) -> list[tuple[int, int, str, str, float]]:
    """One delivery per chat (rows ordered by chat) whose topics the new facts touch."""
    chats: dict[tuple[str, str], list[Row]] = {}
    for row in subscriptions:
        chats.setdefault((row["platform"], row["chat_id"]), []).append(row)
    rows: list[tuple[int, int, str, str, float]] = []
    for (platform, _chat), subs in chats.items():
        matched = [(s, [f for f in added if fact_matches(s["topic"], f)]) for s in subs]
        matched = [(s, facts) for s, facts in matched if facts]
        if not matched:
            continue
        # One message per chat and update, however many of its topics the update touches.
        chosen = next((s for s, _ in matched if s["mode"] == "immediate"), matched[0][0])
        wanted = {f.id for _, facts in matched for f in facts}
        fact_ids = [f.id for f in added if f.id in wanted]
        due = now if chosen["mode"] == "immediate" else next_digest_at(chosen["digest_time"] or "08:00", now)
        rows.append((chosen["id"], update_id, platform, json.dumps(fact_ids), due))
    return rows
