"""The fan-out of one update to 300,000 subscribers: total time, and how long each transaction holds the lock.

    .venv/bin/python benchmarks/fanout.py [BATCH] [DATABASE_URL]      # default 2000 chats a batch, a temp SQLite

A BATCH past the number of subscribers writes every delivery in one transaction, as before batching.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

SUBSCRIBERS = 300_000


async def main(url: str, batch: int) -> None:
    from knowledge.models import Fact, Localized, Source
    from knowledge.store import open_store
    from knowledge.store.shared_facts import SharedFacts
    from knowledge.subscriptions import Notify

    store = await open_store(url)
    assert isinstance(store, SharedFacts)
    try:
        await store._executemany(
            "INSERT INTO subscriptions (platform, chat_id, topic, label) VALUES ('telegram', ?, '*', '*')",
            [(f"{n:07d}",) for n in range(SUBSCRIBERS)],
        )
        store.fanout_batch = batch
        durations: list[float] = []
        original = store._transaction

        @asynccontextmanager
        async def timed() -> AsyncIterator[None]:
            async with original():
                started = time.perf_counter()
                yield
                durations.append(time.perf_counter() - started)

        store._transaction = timed  # type: ignore[method-assign]
        source = Source("news-1", "A", "en", "2024-12-20", None, None, "Body.")
        fact = Fact(
            "news-1-a", "event", "radford", ("radford",), "news-1", "Radford left.", Localized("Radford left.", "x")
        )
        started = time.perf_counter()
        report = await store.sync_source(source, [fact], notify=Notify(now=time.time()))
        total = time.perf_counter() - started
        durations.sort()
        print(
            f"{url.partition(':')[0]}, {batch:,} chats a batch: {report.deliveries:,} deliveries in {total:.2f} s, "
            f"{len(durations)} transactions, longest {1000 * durations[-1]:.0f} ms, "
            f"median {1000 * durations[len(durations) // 2]:.0f} ms"
        )
    finally:
        await store.close()


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
    if len(sys.argv) > 2:
        asyncio.run(main(sys.argv[2], size))
    else:
        with tempfile.TemporaryDirectory() as folder:
            asyncio.run(main(f"sqlite:///{folder}/fanout.db", size))
