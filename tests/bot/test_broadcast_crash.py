"""SIGKILL a broadcasting process and start another: every subscriber still gets the update (after the
dead process's lease runs out), and only messages in flight at the kill may go out twice."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from knowledge.base import Knowledge
from knowledge.ingest import ingest_article, parse_article
from knowledge.store.sqlite_facts import SQLiteStore
from knowledge.topics import everything
from tests.conftest import ARTICLE

pytestmark = pytest.mark.timeout(120)
ROOT = Path(__file__).resolve().parents[2]
CHATS = 150
BATCH = 20

BROADCAST = """
import asyncio, os, sys
from pathlib import Path
import bot.broadcast
from bot.broadcast import Broadcaster
from knowledge.store.sqlite_facts import SQLiteStore

class FileSender:
    platform = "fake"  # no pacer limits for this platform: the test is about crashes, not pacing
    def __init__(self, path):
        self.file = open(path, "a", encoding="utf-8")
    async def send(self, chat_id, reply):
        await asyncio.sleep(0.01)
        self.file.write(chat_id + "\\n")
        self.file.flush()
        os.fsync(self.file.fileno())
        print("sent", flush=True)

async def main():
    store = await SQLiteStore.open(Path(sys.argv[1]))
    # A short lease so the dead process's rows come back within seconds (the margin a lease keeps over the
    # send timeout is shrunk to match: sends here take 10 ms).
    bot.broadcast.LEASE_MARGIN = 0.5
    broadcaster = Broadcaster(store, FileSender(sys.argv[2]), poll_interval=0.1, batch=int(sys.argv[3]),
                              concurrency=4, send_timeout=1.0, lease=2.0)
    await broadcaster.run()

asyncio.run(main())
"""


async def prepare(database: Path) -> None:
    store = await SQLiteStore.open(database)
    try:
        await Knowledge.load(store)
        for n in range(CHATS):
            await store.subscribe("fake", str(5000 + n), everything())
        report = await ingest_article(store, parse_article(ARTICLE))
        assert report.deliveries == CHATS
    finally:
        await store.close()


def start(database: Path, sent: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", BROADCAST, str(database), str(sent), str(BATCH)],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip


def pending(database: Path) -> int:
    with contextlib.closing(sqlite3.connect(database)) as db:
        return int(db.execute("SELECT count(*) FROM deliveries WHERE status != 'sent'").fetchone()[0])


async def test_a_killed_broadcaster_loses_nothing_and_repeats_only_what_was_in_flight(tmp_path) -> None:
    database, sent = tmp_path / "bot.db", tmp_path / "sent.txt"
    await prepare(database)
    first = start(database, sent)
    assert first.stdout is not None
    for _ in range(40):
        line = first.stdout.readline()
        if not line:
            first.kill()
            pytest.fail("the broadcaster died:\n" + first.communicate(timeout=30)[1])
        assert line.strip() == "sent"
    first.send_signal(signal.SIGKILL)
    first.communicate(timeout=30)
    before_restart = Counter(sent.read_text().split())
    assert 40 <= sum(before_restart.values()) < CHATS, "killed mid-way"

    second = start(database, sent)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if not pending(database):
                break
            await asyncio.sleep(0.2)
    finally:
        second.send_signal(signal.SIGKILL)
        second.communicate(timeout=30)
    assert pending(database) == 0, "every delivery ends up sent"
    received = Counter(sent.read_text().split())
    assert set(received) == {str(5000 + n) for n in range(CHATS)}, "no subscriber is lost"
    twice = [chat for chat, n in received.items() if n > 1]
    assert all(received[chat] == 2 for chat in twice)
    assert all(chat in before_restart for chat in twice), "only what the dead process had sent is repeated"
    assert len(twice) <= BATCH, "at most the batch the dead process held"
