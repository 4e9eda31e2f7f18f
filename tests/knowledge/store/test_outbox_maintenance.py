"""A big fan-out and the pruning of old rows, each in short transactions that never hold the write lock long."""

from __future__ import annotations

import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import pytest

from knowledge.models import Fact, Localized, Source
from knowledge.store import open_store
from knowledge.store.shared_facts import SharedFacts
from knowledge.subscriptions import Notify

SOURCE = Source("news-1", "A news article", "en", "2024-12-20", None, None, "Body.")
FACT = Fact("news-1-a", "event", "radford", ("radford",), "news-1", "Radford left.", Localized("Radford left.", "x"))


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[SharedFacts]:
    opened = await open_store(store_url)
    assert isinstance(opened, SharedFacts)
    try:
        yield opened
    finally:
        await opened.close()


def timed_transactions(store: SharedFacts) -> list[float]:
    """Wraps the store's transactions to record how long each held the write lock."""
    durations: list[float] = []
    original = store._transaction

    @asynccontextmanager
    async def timed() -> AsyncIterator[None]:
        async with original():
            started = time.perf_counter()
            yield
            durations.append(time.perf_counter() - started)

    store._transaction = timed  # type: ignore[method-assign]
    return durations


async def add_subscribers(store: SharedFacts, count: int) -> None:
    await store._executemany(
        "INSERT INTO subscriptions (platform, chat_id, topic, label) VALUES ('telegram', ?, '*', '*')",
        [(f"{n:07d}",) for n in range(count)],
    )


async def test_a_big_ingest_writes_its_deliveries_in_short_batches(store: SharedFacts) -> None:
    """300,000 subscribers held the write lock 4.5 s in one transaction; now each batch is its own."""
    await add_subscribers(store, 30_000)
    store.fanout_batch = 2_000
    durations = timed_transactions(store)
    started = time.perf_counter()
    report = await store.sync_source(SOURCE, [FACT], notify=Notify(now=time.time()))
    total = time.perf_counter() - started
    assert report.deliveries == 30_000
    rows = await store._fetchone("SELECT count(*), count(DISTINCT subscription_id) FROM deliveries")
    assert rows is not None and (rows[0], rows[1]) == (30_000, 30_000)
    # The facts' transaction, 15 batches of 2,000 chats and the closing one: none holds the lock for long.
    assert len(durations) >= 17
    assert max(durations) < max(0.5, total / 5), (max(durations), total)
    update = await store._fetchone("SELECT fanned_out FROM updates WHERE id = ?", (report.update_id,))
    assert update is not None and update[0] == 1


async def seed_outbox(store: SharedFacts, *, old: float, recent: float) -> None:
    """Two old updates (one fully sent, one with a pending row) and a recent one, with deliveries."""
    await store.sync_source(SOURCE, [FACT])
    await add_subscribers(store, 3_000)
    for update_id, created in ((1, old), (2, old), (3, recent)):
        await store._execute(
            "INSERT INTO updates (id, source_id, fact_ids, created) VALUES (?, 'news-1', ?, ?)",
            (update_id, json.dumps([FACT.id]), created),
        )
        await store._executemany(
            """INSERT INTO deliveries (subscription_id, update_id, platform, fact_ids, next_attempt_at, status, sent_at)
               VALUES (?, ?, 'telegram', '[]', ?, ?, ?)""",
            [
                (n, update_id, created, "parked" if n % 10 == 0 else "sent", created)
                for n in range(1, 3_001)
                if not (update_id == 2 and n == 7)
            ],
        )
    await store._execute(
        """INSERT INTO deliveries (subscription_id, update_id, platform, fact_ids, next_attempt_at)
           VALUES (7, 2, 'telegram', '[]', ?)""",
        (old,),
    )
    await store._executemany(
        "INSERT INTO feed_entries (feed_url, entry_key, source_id, seen_at) VALUES ('https://f', ?, NULL, ?)",
        [(f"e{n}", old if n < 1_500 else recent) for n in range(2_000)],
    )


async def test_pruning_forgets_old_finished_rows_in_batches_and_keeps_what_is_owed(store: SharedFacts) -> None:
    now = time.time()
    await seed_outbox(store, old=now - 40 * 86400, recent=now - 86400)
    durations = timed_transactions(store)
    report = await store.prune(now - 30 * 86400, batch=500)
    assert (report.deliveries, report.updates, report.feed_entries) == (5_999, 1, 1_500)
    left = await store._fetchall("SELECT update_id, status, count(*) FROM deliveries GROUP BY update_id, status")
    assert {(r[0], r[1]): r[2] for r in left} == {(2, "pending"): 1, (3, "sent"): 2_700, (3, "parked"): 300}
    assert [r[0] for r in await store._fetchall("SELECT id FROM updates ORDER BY id")] == [2, 3]
    assert (await store._fetchone("SELECT count(*) FROM feed_entries"))[0] == 500  # type: ignore[index]
    # Each transaction deleted at most one batch: 12 of deliveries (+1 empty), 1 of updates, 3 of entries.
    assert len(durations) >= 12 + 1 + 3
    assert await store.prune(now - 30 * 86400, batch=500) == type(report)(0, 0, 0)
