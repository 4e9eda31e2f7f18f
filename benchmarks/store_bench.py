"""The store on PostgreSQL vs SQLite: answer latency through the core, and a broadcast by 1 or 3 processes.

    .venv/bin/python benchmarks/store_bench.py latency [--messages 3000]
    .venv/bin/python benchmarks/store_bench.py broadcast [--subscribers 100000] [--limit 1000] [--runs 1,3,3/share]

`latency`: `Core.handle` (language, preferences, rate limits, follow-up memory, the matcher, the reply) on
the seed store, configured as `radford-bot run` configures it for each engine — on PostgreSQL the rate
buckets and follow-ups are in the store, on SQLite in the process. p50/p99 over the messages of 300 users.

`broadcast`: one update to N subscribers on PostgreSQL, drained by 1 and then by 3 broadcaster processes
(`bot.broadcast.Broadcaster`, each with its own pool) that send to a fake platform over TCP. The fake
platform enforces one limit per bot token, like Telegram's: `--limit` messages in any second, whoever
sends them; the rest get a 429 with a retry-after. Each process paces itself at that limit, as a bot
process does. Real time throughout (the limit is scaled up from Telegram's 30/s so a run takes minutes).
PostgreSQL is TEST_DATABASE_URL (default postgresql://postgres@127.0.0.1:5432/test); a schema per run.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import deque
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PG = os.environ.get("TEST_DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


async def drop_schema(schema: str) -> None:
    import asyncpg

    connection = await asyncpg.connect(PG)
    try:
        await connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')
    finally:
        await connection.close()


# --- latency ------------------------------------------------------------------------------------------


def questions() -> list[str]:
    path = ROOT / "tests" / "knowledge" / "data" / "questions.jsonl"
    return [json.loads(line)["q"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


async def latency_on(url: str, messages: int) -> dict[str, float]:
    from bot.core import Core
    from bot.runtime import share_state
    from bot.settings import Settings
    from handlers.types import Incoming
    from knowledge.base import Knowledge
    from knowledge.store import open_store

    store = await open_store(url)
    try:
        core = Core(await Knowledge.load(store), store)
        share_state(core, Settings(database_url=url, rate_limit_user=10_000, rate_limit_chat=10_000))
        asked = questions()
        for n in range(50):  # warm up
            await core.handle(Incoming.from_text("telegram", f"w{n}", f"w{n}", asked[n % len(asked)]))
        times: list[float] = []
        for n in range(messages):
            user = str(1000 + n % 300)
            started = time.perf_counter()
            await core.handle(Incoming.from_text("telegram", user, user, asked[n % len(asked)]))
            times.append(1000 * (time.perf_counter() - started))
        return {"p50": statistics.median(times), "p99": percentile(times, 0.99), "max": max(times)}
    finally:
        await store.close()


async def latency(messages: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        sqlite = await latency_on(f"sqlite:///{folder}/bench.db", messages)
    schema = f"bench_{uuid.uuid4().hex[:8]}"
    try:
        postgres = await latency_on(f"{PG}?schema={schema}", messages)
    finally:
        await drop_schema(schema)
    print(f"answer latency through the core, {messages:,} messages from 300 users (ms)")
    for name, figures in (("SQLite", sqlite), ("PostgreSQL", postgres)):
        print(f"  {name:<11} p50 {figures['p50']:6.2f}   p99 {figures['p99']:6.2f}   max {figures['max']:7.2f}")


# --- broadcast ----------------------------------------------------------------------------------------

BROADCASTER = """
import asyncio, sys, logging
logging.disable(logging.WARNING)  # one "asked to slow down" line per 429 would drown the figures
from bot.adapters.base import RetryLater
from bot.broadcast import Broadcaster
from bot.pacer import Limits, Pacer
from knowledge.store import open_store

PORT, LIMIT = int(sys.argv[2]), float(sys.argv[3])

class TcpPlatform:
    platform = "telegram"
    def __init__(self):
        self.pool = asyncio.Queue()
    async def connect(self, n):
        for _ in range(n):
            self.pool.put_nowait(await asyncio.open_connection("127.0.0.1", PORT))
    async def send(self, chat_id, reply):
        reader, writer = await self.pool.get()
        try:
            writer.write(chat_id.encode() + b"\\n")
            answer = (await reader.readline()).decode().split()
        finally:
            self.pool.put_nowait((reader, writer))
        if answer[0] == "429":
            raise RetryLater(float(answer[1]))

async def main():
    store = await open_store(sys.argv[1])
    platform = TcpPlatform()
    await platform.connect(16)
    pacer = Pacer(Limits(per_second=LIMIT, burst=1.0))
    broadcaster = Broadcaster(store, platform, pacer=pacer, poll_interval=0.2, batch=500, concurrency=16)
    print("ready", flush=True)
    await broadcaster.run()

asyncio.run(main())
"""


class TokenLimitedPlatform:
    """One bot token's limit, whoever sends: `limit` messages in any second, a 429 for the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.window: deque[float] = deque()
        self.accepted = 0
        self.refused = 0
        self.first = 0.0
        self.last = 0.0

    async def serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        while await reader.readline():
            now = time.monotonic()
            while self.window and self.window[0] <= now - 1.0:
                self.window.popleft()
            if len(self.window) >= self.limit:
                self.refused += 1
                writer.write(f"429 {1.0 - (now - self.window[0]):.3f}\n".encode())
            else:
                self.window.append(now)
                self.accepted += 1
                self.first = self.first or now
                self.last = now
                writer.write(b"ok\n")
            await writer.drain()
        writer.close()


async def broadcast_with(processes: int, subscribers: int, limit: int, pace: float) -> dict[str, float]:
    from knowledge.ingest import ingest_article, parse_article
    from knowledge.store import open_store
    from knowledge.store.shared_facts import SharedFacts

    schema = f"bench_{uuid.uuid4().hex[:8]}"
    url = f"{PG}?schema={schema}"
    platform = TokenLimitedPlatform(limit)
    server = await asyncio.start_server(platform.serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    children: list[asyncio.subprocess.Process] = []
    try:
        store = await open_store(url)
        assert isinstance(store, SharedFacts)
        from knowledge.base import Knowledge

        await Knowledge.load(store)
        await store._executemany(
            "INSERT INTO subscriptions (platform, chat_id, topic, label) VALUES ('telegram', ?, '*', '*')",
            [(str(10_000_000 + n),) for n in range(subscribers)],
        )
        article = "title: Murati's lab grows\n\nMira Murati announced on 2025-02-18 that her company hired twenty.\n"
        started = time.perf_counter()
        report = await ingest_article(store, parse_article(article))
        fan_out = time.perf_counter() - started
        for _ in range(processes):
            child = await asyncio.create_subprocess_exec(
                sys.executable, "-c", BROADCASTER, url, str(port), str(pace), cwd=ROOT,
                env={**os.environ, "PYTHONPATH": str(ROOT)}, stdout=asyncio.subprocess.PIPE,
            )  # fmt: skip
            assert child.stdout is not None
            await child.stdout.readline()
            children.append(child)
        started = time.perf_counter()
        while (await store.outbox_counts()).get(("telegram", "pending"), 0):  # noqa: ASYNC110 - polling the store
            await asyncio.sleep(0.5)
        drained = time.perf_counter() - started
        sent = (await store.outbox_counts()).get(("telegram", "sent"), 0)
        await store.close()
    finally:
        for child in children:
            child.terminate()
            await child.wait()
        server.close()
        await drop_schema(schema)
    span = (platform.last - platform.first) or 1.0
    return {
        "deliveries": report.deliveries,
        "fan_out_s": fan_out,
        "drain_s": drained,
        "sent": sent,
        "accepted": platform.accepted,
        "refused": platform.refused,
        "rate": (platform.accepted - 1) / span,
    }


async def broadcast(subscribers: int, limit: int, runs: list[str]) -> None:
    """Each run: N processes, each pacing at the full limit ("3") or at its share of it ("3/share")."""
    print(f"broadcast of one update to {subscribers:,} subscribers, fake platform limited to {limit}/s per token")
    for run in runs:
        processes, _, shared = run.partition("/")
        count = int(processes)
        pace = limit / count if shared else float(limit)
        r = await broadcast_with(count, subscribers, limit, pace)
        print(
            f"  {count} process{'es' if count > 1 else ''} pacing at {pace:.0f}/s each:"
            f" {r['sent']:,} sent in {r['drain_s']:.1f} s"
            f" = {r['rate']:.0f} msg/s ({100 * r['rate'] / limit:.0f} % of the limit), {r['refused']:,} refused"
            f" (429), {r['accepted'] - r['sent']:,} accepted twice; fan-out {r['fan_out_s']:.1f} s"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="what", required=True)
    lat = sub.add_parser("latency")
    lat.add_argument("--messages", type=int, default=3000)
    cast = sub.add_parser("broadcast")
    cast.add_argument("--subscribers", type=int, default=100_000)
    cast.add_argument("--limit", type=int, default=1000)
    cast.add_argument("--runs", default="1,3", help="processes per run; 3/share: each paces at limit/3")
    args = parser.parse_args()
    if args.what == "latency":
        asyncio.run(latency(args.messages))
    else:
        asyncio.run(broadcast(args.subscribers, args.limit, args.runs.split(",")))


if __name__ == "__main__":
    main()
