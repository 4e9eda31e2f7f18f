"""Broadcast benchmark: one update to 100,000 Telegram subscribers through a fake platform limited to
30 messages a second, while questions are answered on the same event loop.

Time for the platform is simulated (the pacer and the fake platform share a `SimulatedClock`), so an
hour of sending at 30 msg/s runs in the time the database and Python work take. Everything else — SQLite,
the claim/record transactions, rendering, the event loop the answers share — is real. It prints:

- the achieved sending rate as a share of the 30 msg/s limit, in simulated time, and how many sends
  the fake platform refused with a 429 (it refuses any send that would make 31 in one second);
- the answer latency p50/p99 (real time) before and while the broadcast runs;
- how long the fan-out (100,000 deliveries written in the ingest transaction) and the drain took.

Run: .venv/bin/python benchmarks/broadcast.py [--subscribers 100000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from bot.adapters.base import RetryLater
from bot.broadcast import Broadcaster
from bot.core import Core
from bot.pacer import TELEGRAM, Pacer, SimulatedClock
from handlers.types import Incoming, Reply
from knowledge.base import Knowledge
from knowledge.ingest import ingest_article, parse_article
from knowledge.store.sqlite_facts import SQLiteStore

LIMIT = 30
REAL_SECONDS = 10.0
ARTICLE = """title: Murati's lab grows

Mira Murati announced on 2025-02-18 that her new company had hired about twenty researchers.
Several of them had worked with Alec Radford on GPT-2 and CLIP.
"""
QUESTIONS = [
    "When did Alec Radford leave OpenAI?",
    "Pourquoi Radford est-il parti ?",
    "Who is Mira Murati?",
    "What did Radford work on?",
    "/timeline 2024",
    "Quand Radford a-t-il rejoint OpenAI ?",
]


class LimitedPlatform:
    """Accepts at most LIMIT sends in any second of simulated time; refuses the rest with a 429."""

    platform = "telegram"

    def __init__(self, clock: Callable[[], float]) -> None:
        self.clock = clock
        self.window: deque[float] = deque()
        self.accepted = 0
        self.refused = 0
        self.first: float | None = None
        self.last = 0.0

    async def send(self, chat_id: str, reply: Reply) -> None:
        now = self.clock()
        while self.window and self.window[0] <= now - 1.0 + 1e-9:
            self.window.popleft()
        if len(self.window) >= LIMIT:
            self.refused += 1
            raise RetryLater(1.0)
        self.window.append(now)
        self.accepted += 1
        self.first = now if self.first is None else self.first
        self.last = now


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def ask_questions(core: Core, done: asyncio.Event, latencies: list[float], *, limit: int | None = None) -> None:
    """A steady stream of questions (about 50 a second), each timed from arrival to reply."""
    n = 0
    while not done.is_set() and (limit is None or n < limit):
        question = QUESTIONS[n % len(QUESTIONS)]
        started = time.perf_counter()
        await core.handle(Incoming.from_text("bench", f"user-{n % 500}", f"user-{n % 500}", question))
        latencies.append(1000 * (time.perf_counter() - started))
        n += 1
        await asyncio.sleep(0.02)


async def main(subscribers: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.db"
        store = await SQLiteStore.open(path)
        core = Core(await Knowledge.load(store), store)
        clock = SimulatedClock(time.time())

        rows = [("telegram", str(100_000_000 + n), "*", "everything") for n in range(subscribers)]
        await store._db.execute("BEGIN")
        await store._db.executemany(
            "INSERT INTO subscriptions (platform, chat_id, topic, label) VALUES (?, ?, ?, ?)", rows
        )
        await store._db.execute("COMMIT")

        baseline: list[float] = []
        await ask_questions(core, asyncio.Event(), baseline, limit=200)

        started = time.perf_counter()
        report = await ingest_article(store, parse_article(ARTICLE), now=clock())
        fan_out = time.perf_counter() - started

        outbox = await SQLiteStore.open(path)  # the broadcaster's own connection, as in the running bot

        # First, REAL_SECONDS of broadcasting in real time, at the platform's real pace.
        live = LimitedPlatform(time.time)
        realtime = Broadcaster(outbox, live, pacer=Pacer(TELEGRAM), batch=500, concurrency=16)
        done = asyncio.Event()
        paced: list[float] = []
        asker = asyncio.create_task(ask_questions(core, done, paced))
        realtime.start()
        await asyncio.sleep(REAL_SECONDS)
        await realtime.stop()
        done.set()
        await asker

        # Then the rest on simulated time: the broadcaster runs flat out, far above the real load.
        clock.now = max(clock.now, time.time())
        platform = LimitedPlatform(clock)
        pacer = Pacer(TELEGRAM, clock=clock, sleep=clock.sleep)
        broadcaster = Broadcaster(outbox, platform, pacer=pacer, clock=clock, sleep=clock.sleep, batch=500,
                                  concurrency=16)  # fmt: skip
        done = asyncio.Event()
        during: list[float] = []
        asker = asyncio.create_task(ask_questions(core, done, during))
        started = time.perf_counter()
        while (await outbox.outbox_counts()).get(("telegram", "pending"), 0):
            await broadcaster.drain()
            clock.advance(1.0)  # only reached while rows wait for a retry time
        drain = time.perf_counter() - started
        done.set()
        await asker
        counts = await outbox.outbox_counts()
        await outbox.close()
        await store.close()

    simulated = (platform.last - (platform.first or 0.0)) or 1.0
    rate = (platform.accepted - 1) / simulated
    live_rate = live.accepted / REAL_SECONDS
    ideal = (platform.accepted - 1) / LIMIT
    sent, parked, pending = (counts.get(("telegram", s), 0) for s in ("sent", "parked", "pending"))
    show("subscribers", f"{subscribers:,}")
    show("deliveries written", f"{report.deliveries:,} in the ingest transaction ({fan_out:.2f} s)")
    show("delivered", f"{sent:,} sent, {parked} parked, {pending} pending")
    show("real-time phase", f"{live.accepted} sent in {REAL_SECONDS:.0f} s = {live_rate:.1f} msg/s "
         f"({100 * live_rate / LIMIT:.1f} % of the limit)")  # fmt: skip
    show(
        "simulated phase",
        f"{platform.accepted:,} sent in {simulated:,.0f} simulated s (ideal {ideal:,.0f} s)",
    )
    show("achieved rate", f"{rate:.2f} msg/s = {100 * rate / LIMIT:.1f} % of the {LIMIT} msg/s limit")
    show("refused by the platform", f"{platform.refused + live.refused} (429s)")
    show("real time to drain", f"{drain:.1f} s ({platform.accepted / drain:,.0f} deliveries/s of work, "
         f"{platform.accepted / drain / LIMIT:.0f}x the real load)")  # fmt: skip
    latencies = (
        ("answer latency, idle", baseline),
        ("  while sending at 30 msg/s", paced),
        ("  while draining flat out", during),
    )
    for name, values in latencies:
        show(name, f"p50 {statistics.median(values):.1f} ms, p99 {percentile(values, 0.99):.1f} ms, "
             f"max {max(values):.1f} ms over {len(values)} questions")  # fmt: skip


def show(label: str, text: str) -> None:
    print(f"{label:<29}{text}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--subscribers", type=int, default=100_000)
    asyncio.run(main(parser.parse_args().subscribers))
