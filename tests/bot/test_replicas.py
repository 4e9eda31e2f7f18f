"""Two bot processes (replicas) on one PostgreSQL store: a user's follow-up and rate limit follow them across
replicas, and feeds are polled by one of them (the Telegram poller: tests/bot/adapters/test_telegram_poller.py)."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from bot.background import FEED_LEASE, Background
from bot.core import Core
from bot.runtime import share_state
from bot.settings import Settings
from handlers.types import Incoming
from knowledge.base import Knowledge
from knowledge.store import open_store
from tests.postgres import fresh_schema


@pytest.fixture
async def replicas() -> AsyncIterator[tuple[Core, Core]]:
    """Two cores, each with its own store connection, configured as `radford-bot run` does on PostgreSQL."""
    async with fresh_schema("replica") as url:
        settings = Settings(database_url=url, rate_limit_user=3, rate_limit_chat=100)
        cores = []
        for _ in range(2):
            store = await open_store(url)
            core = Core(await Knowledge.load(store), store)
            share_state(core, settings)
            cores.append(core)
        try:
            yield cores[0], cores[1]
        finally:
            for core in cores:
                await core.close()


def message(text: str) -> Incoming:
    return Incoming.from_text("telegram", "42", "42", text)


async def test_a_follow_up_reaching_the_other_replica_keeps_its_subject(replicas: tuple[Core, Core]) -> None:
    one, two = replicas
    first = await one.handle(message("Who is Mira Murati?"))
    assert first.answered and "Murati" in (first.answer_text or "")
    follow = await two.handle(message("and when did she announce her departure?"))
    assert follow.answered and "2024" in (follow.answer_text or "")


async def test_the_rate_limit_is_one_bucket_across_replicas(replicas: tuple[Core, Core]) -> None:
    one, two = replicas
    replies = [await (one if n % 2 else two).handle(message("Who is Alec Radford?")) for n in range(4)]
    assert [bool(r.extra.get("rate_limited")) for r in replies] == [False, False, False, True]


async def test_feeds_are_polled_by_one_replica_at_a_time(replicas: tuple[Core, Core]) -> None:
    one, two = replicas
    polled: list[str] = []
    backgrounds = []
    for name, core in (("one", one), ("two", two)):
        background = Background(core, [], "unused", feeds=("https://127.0.0.1:9/feed",), feed_interval=3600.0)

        async def poll(store: object, client: object, url: str, name: str = name, **options: object) -> object:
            polled.append(name)
            raise RuntimeError("not fetched in this test")

        backgrounds.append((background, poll))
    import knowledge.feeds

    original = knowledge.feeds.poll_feed
    try:
        tasks = []
        for background, poll in backgrounds:
            knowledge.feeds.poll_feed = poll  # type: ignore[assignment]
            tasks.append(asyncio.create_task(background._poll_feeds(background.core.store)))
            await asyncio.sleep(0.3)
        await asyncio.sleep(0.3)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
    finally:
        knowledge.feeds.poll_feed = original  # type: ignore[assignment]
    assert polled == ["one"], "the second replica waits for the lease"
    assert await one.store.lease_holder(FEED_LEASE, 0.0) is not None
