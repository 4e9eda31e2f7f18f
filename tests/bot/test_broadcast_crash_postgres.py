"""Three broadcaster processes share one PostgreSQL outbox (claims with FOR UPDATE SKIP LOCKED under leases);
one is SIGKILLed half-way. Every subscriber gets the update; only the dead process's in-flight batch may
go out twice."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from knowledge.ingest import ingest_article, parse_article
from knowledge.store import open_store
from knowledge.store.shared_facts import SharedFacts
from tests.conftest import ARTICLE
from tests.postgres import fresh_schema

pytestmark = pytest.mark.timeout(300)
ROOT = Path(__file__).resolve().parents[2]
CHATS = 20_000
BATCH = 100

BROADCAST = """
import asyncio, sys
import bot.broadcast
from bot.broadcast import Broadcaster
from knowledge.store import open_store

class FileSender:
    platform = "fake"  # no pacer limits for this platform: the test is about crashes, not pacing
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")
        self.count = 0
    async def send(self, chat_id, reply):
        await asyncio.sleep(0.002)
        self.file.write(chat_id + "\\n")
        self.file.flush()  # in the OS's hands: a SIGKILL cannot lose it
        self.count += 1
        if self.count % 500 == 0:
            print("sent", self.count, flush=True)

async def main():
    store = await open_store(sys.argv[1])
    bot.broadcast.LEASE_MARGIN = 0.5  # a short lease, so the dead process's rows come back within seconds
    broadcaster = Broadcaster(store, FileSender(sys.argv[2]), poll_interval=0.2, batch=int(sys.argv[3]),
                              concurrency=8, send_timeout=1.0, lease=3.0)
    print("ready", flush=True)
    await broadcaster.run()

asyncio.run(main())
"""


async def prepare(url: str) -> None:
    store = await open_store(url)
    assert isinstance(store, SharedFacts)
    try:
        await store._executemany(
            "INSERT INTO subscriptions (platform, chat_id, topic, label) VALUES ('fake', ?, '*', '*')",
            [(str(100_000 + n),) for n in range(CHATS)],
        )
        report = await ingest_article(store, parse_article(ARTICLE))
        assert report.deliveries == CHATS
    finally:
        await store.close()


async def start(url: str, sent: Path) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", BROADCAST, url, str(sent), str(BATCH),
        cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)},
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    assert process.stdout is not None
    line = await asyncio.wait_for(process.stdout.readline(), timeout=60)
    if line.strip() != b"ready":
        _, err = await process.communicate()
        pytest.fail("a broadcaster did not start:\n" + err.decode()[-3000:])
    return process


def received(files: list[Path]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for path in files:
        if path.exists():
            counts.update(path.read_text().split())
    return counts


async def test_three_broadcasters_one_killed_half_way_nobody_lost_duplicates_only_in_flight(tmp_path) -> None:
    async with fresh_schema("crash") as url:
        await prepare(url)
        files = [tmp_path / f"sent-{n}.txt" for n in range(3)]
        processes = [await start(url, path) for path in files]
        victim = processes[0]
        try:
            deadline = time.monotonic() + 120
            while sum(received(files).values()) < CHATS // 2:
                assert time.monotonic() < deadline, "the broadcast stalled"
                assert victim.returncode is None
                await asyncio.sleep(0.05)
            victim.send_signal(signal.SIGKILL)
            await victim.wait()
            dead_sent = received(files[:1])
            store = await open_store(url)
            try:
                while (await store.outbox_counts()).get(("fake", "pending"), 0):
                    assert time.monotonic() < deadline, "the survivors never finished"
                    await asyncio.sleep(0.2)
                counts = await store.outbox_counts()
            finally:
                await store.close()
        finally:
            for process in processes:
                if process.returncode is None:
                    process.send_signal(signal.SIGKILL)
                    await process.wait()
        assert counts == {("fake", "sent"): CHATS}
        got = received(files)
        assert set(got) == {str(100_000 + n) for n in range(CHATS)}, "no subscriber is lost"
        twice = [chat for chat, n in got.items() if n > 1]
        assert all(got[chat] == 2 for chat in twice)
        assert all(chat in dead_sent for chat in twice), "only what the dead process had sent is repeated"
        assert len(twice) <= BATCH, f"{len(twice)} duplicates: at most the batch the dead process held"
        survivors = received(files[1:])
        assert sum(survivors.values()) > 0 and sum(dead_sent.values()) > 0, "all three took part"
