"""The broadcaster end to end: subscribe, ingest, deliver — through faults, limits and restarts."""

from __future__ import annotations

import asyncio
import io
import random
import shutil
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.adapters.base import RecipientGone, RetryLater, TemporaryFailure
from bot.adapters.console import ConsoleSender
from bot.broadcast import Broadcaster
from bot.core import Core
from bot.pacer import TELEGRAM, Pacer, SimulatedClock
from handlers.types import Incoming
from knowledge.base import Knowledge
from knowledge.builder import ensure_built
from knowledge.ingest import ingest_article, parse_article
from knowledge.store import Store, open_store
from knowledge.subscriptions import Outcome
from knowledge.topics import entity_topic, everything, keyword_topic
from tests.bot.fakes import FakeSender
from tests.conftest import ARTICLE
from tests.postgres import fresh_schema


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(request: pytest.FixtureRequest, built_store: Path, tmp_path: Path) -> AsyncIterator[Store]:
    """The broadcaster's suite runs on both engines: a copy of the built SQLite store, or a fresh schema."""
    if request.param == "sqlite":
        shutil.copy(built_store, tmp_path / "bot.db")
        opened = await open_store(f"sqlite:///{tmp_path / 'bot.db'}")
        try:
            yield opened
        finally:
            await opened.close()
        return
    async with fresh_schema() as url:
        opened = await open_store(url)
        try:
            await ensure_built(opened)
            yield opened
        finally:
            await opened.close()


SECOND_ARTICLE = """title: Schulman interview

John Schulman said in March 2025 that he still talks with Alec Radford about research every month.
The two researchers first worked together on reinforcement learning projects and kept in touch after both
moved on to other laboratories in San Francisco.
"""


def broadcaster(store: Store, sender: FakeSender, clock: SimulatedClock, **options: object) -> Broadcaster:
    pacer = Pacer(TELEGRAM, clock=clock, sleep=clock.sleep)
    return Broadcaster(store, sender, pacer=pacer, clock=clock, sleep=clock.sleep, **options)  # type: ignore[arg-type]


async def until_settled(b: Broadcaster, store: Store, clock: SimulatedClock, *, rounds: int = 400) -> None:
    """Drain, let simulated time pass, again, until nothing is pending for this platform."""
    for _ in range(rounds):
        await b.drain()
        if (await store.outbox_counts()).get((b.platform, "pending"), 0) == 0:
            return
        clock.advance(5.0)
    raise AssertionError("the outbox never settled")


async def subscribe_chats(store: Store, count: int, platform: str = "telegram") -> list[str]:
    chats = [str(1000 + n) for n in range(count)]
    for chat in chats:
        await store.subscribe(platform, chat, everything())
    return chats


async def test_console_subscriber_receives_the_new_facts(core: Core) -> None:
    await core.handle(Incoming.from_text("console", "local", "local", "/subscribe Murati"))
    await core.handle(Incoming.from_text("console", "other", "other", "/subscribe superalignment"))
    report = await ingest_article(core.store, parse_article(ARTICLE))
    assert report.deliveries == 1
    out = io.StringIO()
    sent = await Broadcaster(core.store, ConsoleSender(out)).drain()
    assert sent == 1
    printed = out.getvalue()
    assert "[local]" in printed and "[other]" not in printed
    assert "New about Mira Murati" in printed
    assert "hired about twenty researchers" in printed
    assert "Murati's new lab hires former OpenAI researchers" in printed  # the source
    assert await Broadcaster(core.store, ConsoleSender(out)).drain() == 0  # nothing twice


async def test_topics_select_the_facts_each_chat_hears_about(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock()
    await store.subscribe("telegram", "murati-fan", entity_topic("murati", "Mira Murati"))
    await store.subscribe("telegram", "clip-fan", keyword_topic("CLIP") or everything())
    await store.subscribe("telegram", "nobody", keyword_topic("superalignment") or everything())
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    sender = FakeSender(clock)
    await until_settled(broadcaster(store, sender, clock), store, clock)
    texts = {chat: text for _, chat, text in sender.delivered}
    assert set(texts) == {"murati-fan", "clip-fan"}
    assert "twenty researchers" in texts["murati-fan"] and "CLIP" not in texts["murati-fan"]
    assert "CLIP" in texts["clip-fan"] and "twenty researchers" not in texts["clip-fan"]


async def test_429_storm_every_subscriber_once_within_limits(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock()
    chats = await subscribe_chats(store, 120)
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    rng = random.Random(7)
    sender = FakeSender(clock, fault=lambda chat, n: RetryLater(2.0) if n < 200 and rng.random() < 0.4 else None)
    b = broadcaster(store, sender, clock)
    await until_settled(b, store, clock)
    assert sender.per_chat() == dict.fromkeys(chats, 1)
    assert b.stats.rate_limited > 10
    assert sender.max_in_window(1.0) <= 30
    assert (await store.outbox_counts())[("telegram", "sent")] == 120


async def test_blocked_chats_become_inactive_and_come_back(core: Core) -> None:
    store = core.store
    clock = SimulatedClock()
    chats = await subscribe_chats(store, 40)  # type: ignore[arg-type]
    blocked = {chats[3], chats[17], chats[29]}
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    sender = FakeSender(
        clock, fault=lambda chat, n: RecipientGone("Forbidden: bot was blocked") if chat in blocked else None
    )
    await until_settled(broadcaster(store, sender, clock), store, clock)  # type: ignore[arg-type]
    assert sender.per_chat() == {chat: 1 for chat in chats if chat not in blocked}
    for chat in chats:
        [subscription] = await store.chat_subscriptions("telegram", chat)
        assert subscription.active == (chat not in blocked)
    counts = await store.outbox_counts()
    assert counts[("telegram", "parked")] == 3 and counts[("telegram", "sent")] == 37
    # A blocked user who writes to the bot again is subscribed again, and hears about the next article.
    await core.handle(Incoming.from_text("telegram", chats[3], chats[3], "hello again"))
    assert (await store.chat_subscriptions("telegram", chats[3]))[0].active
    blocked.discard(chats[3])
    await ingest_article(store, parse_article(SECOND_ARTICLE), now=clock())
    sender.delivered.clear()
    await until_settled(broadcaster(store, sender, clock), store, clock)  # type: ignore[arg-type]
    assert chats[3] in sender.per_chat() and chats[17] not in sender.per_chat()


async def test_temporary_failures_retry_with_backoff_then_park(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock()
    chats = await subscribe_chats(store, 5)
    flaky, broken = chats[0], chats[1]
    failures: dict[str, int] = {}

    def fault(chat: str, n: int) -> Exception | None:
        failures[chat] = failures.get(chat, 0) + 1
        if chat == broken or (chat == flaky and failures[chat] <= 2):
            return TemporaryFailure("502 Bad Gateway")
        return None

    sender = FakeSender(clock, fault=fault)
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    b = broadcaster(store, sender, clock, max_attempts=4)
    await until_settled(b, store, clock)
    assert sender.per_chat() == {chat: 1 for chat in chats if chat != broken}
    assert failures[broken] == 4
    [parked] = await store.parked_deliveries()
    assert parked.chat_id == broken and parked.attempts == 4 and "502" in (parked.error or "")


async def test_stopped_mid_way_and_restarted_nobody_twice(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock()
    chats = await subscribe_chats(store, 150)
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    await ingest_article(store, parse_article(SECOND_ARTICLE), now=clock())
    sender = FakeSender(clock)
    first = broadcaster(store, sender, clock, batch=100, concurrency=8)
    fortieth = asyncio.Event()
    sender.on_send = lambda n: fortieth.set() if n == 40 else None
    first.start()
    await fortieth.wait()
    await first.stop()  # while sends are in flight
    assert 40 <= len(sender.delivered) < 300
    # A process that died holding a lease: its rows come back once the lease is over.
    dead = await store.claim_deliveries("telegram", clock(), worker="dead-host", limit=10, lease=120.0)
    assert len(dead) == 10
    second = broadcaster(store, sender, clock)
    await second.drain()
    assert len(sender.delivered) == 300 - 10
    clock.advance(121.0)
    await until_settled(second, store, clock)
    counts: dict[tuple[str, str], int] = {}
    for _, chat, text in sender.delivered:
        key = (chat, "Schulman" if "Schulman" in text else "Murati")
        counts[key] = counts.get(key, 0) + 1
    assert counts == {(chat, topic): 1 for chat in chats for topic in ("Schulman", "Murati")}


async def test_digest_groups_a_days_articles_into_one_message(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock(1_700_000_000.0)  # 2023-11-14 22:13 UTC
    await store.subscribe("telegram", "digest-reader", everything(), mode="digest", digest_time="08:00")
    await store.subscribe("telegram", "eager", everything())
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    clock.advance(3600)
    await ingest_article(store, parse_article(SECOND_ARTICLE), now=clock())
    sender = FakeSender(clock)
    b = broadcaster(store, sender, clock)
    await b.drain()
    assert sender.per_chat() == {"eager": 2}
    clock.now = 1_700_035_200.0  # 2023-11-15 08:00 UTC
    await until_settled(b, store, clock)
    [(_, _chat, text)] = [d for d in sender.delivered if d[1] == "digest-reader"]
    assert "daily digest" in text and "twenty researchers" in text and "Schulman" in text


async def test_a_chat_the_adapter_marked_inactive_waits_until_it_is_back(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock()
    chats = await subscribe_chats(store, 3)
    await store.set_preference("telegram", chats[0], "inactive", "1")  # as the Telegram adapter does on a block
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    sender = FakeSender(clock)
    b = broadcaster(store, sender, clock)
    await b.drain()
    assert set(sender.per_chat()) == {chats[1], chats[2]}
    await store.set_preference("telegram", chats[0], "inactive", None)  # the user wrote again
    await b.drain()
    assert sender.per_chat() == dict.fromkeys(chats, 1)


async def test_one_strike_per_incident_however_many_messages_wait(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock()
    [chat] = await subscribe_chats(store, 1)
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    await ingest_article(store, parse_article(SECOND_ARTICLE), now=clock())
    gone = {"on": True}
    sender = FakeSender(clock, fault=lambda c, n: RecipientGone("blocked") if gone["on"] else None)
    b = broadcaster(store, sender, clock)
    await b.drain()
    [subscription] = await store.chat_subscriptions("telegram", chat)
    assert subscription.strikes == 1 and subscription.active and sender.calls == 1
    gone["on"] = False  # the user unblocked the bot before the third strike
    await until_settled(b, store, clock)
    assert sender.per_chat() == {chat: 2}
    [subscription] = await store.chat_subscriptions("telegram", chat)
    assert subscription.strikes == 0


async def test_switching_a_digest_to_immediate_sends_what_it_owes_now(store: Store) -> None:
    await Knowledge.load(store)
    clock = SimulatedClock(1_700_000_000.0)  # well before the next 08:00 UTC
    await store.subscribe("telegram", "reader", everything(), mode="digest", digest_time="08:00")
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    sender = FakeSender(clock)
    b = broadcaster(store, sender, clock)
    await b.drain()
    assert sender.delivered == []
    await store.subscribe("telegram", "reader", everything(), mode="immediate")
    clock.now = max(clock.now, time.time())  # the store reschedules on the real clock
    await b.drain()
    assert sender.per_chat() == {"reader": 1}


async def test_no_send_can_outlive_its_lease(store: Store) -> None:
    """Every send that starts must be able to finish (send_timeout) before the lease lets another host in."""
    await Knowledge.load(store)
    clock = SimulatedClock()
    await subscribe_chats(store, 6)
    await ingest_article(store, parse_article(ARTICLE), now=clock())
    starts: list[float] = []

    def slow(number: int) -> None:  # every send takes 100 s of the lease
        starts.append(clock())
        clock.advance(100.0)

    sender = FakeSender(clock, on_send=slow)
    b = broadcaster(store, sender, clock, concurrency=1)
    claimed_at = clock()
    await b.drain_once()
    assert starts and b.lease >= b.send_timeout * 2
    assert all(start + b.send_timeout <= claimed_at + b.lease for start in starts)
    # What could not start in time was handed back, due now, to be sent by whoever claims it next.
    counts = await store.outbox_counts()
    assert counts[("telegram", "sent")] == len(starts) < 6
    assert counts[("telegram", "pending")] == 6 - len(starts)
    assert len(await store.claim_deliveries("telegram", clock(), worker="other")) == 6 - len(starts)


async def test_a_worker_that_lost_its_lease_cannot_finish_the_row(store: Store) -> None:
    await Knowledge.load(store)
    await subscribe_chats(store, 1)
    await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    [mine] = await store.claim_deliveries("telegram", 1000.0, worker="late-host", lease=60.0)
    [theirs] = await store.claim_deliveries("telegram", 1061.0, worker="next-host", lease=60.0)
    assert mine.id == theirs.id
    for kind in ("sent", "park", "retry", "gone"):
        await store.finish_deliveries([Outcome(mine.id, kind, 1062.0, "late")], worker="late-host")  # type: ignore[arg-type]
    await store.release_deliveries([mine.id], 1062.0, worker="late-host")
    assert await store.outbox_counts() == {("telegram", "pending"): 1}
    assert all(s.strikes == 0 and s.active for s in await store.chat_subscriptions("telegram", mine.chat_id))
    assert await store.claim_deliveries("telegram", 1062.0, worker="third-host") == []  # still next-host's
    await store.finish_deliveries([Outcome(theirs.id, "sent", 1063.0)], worker="next-host")
    assert await store.outbox_counts() == {("telegram", "sent"): 1}
