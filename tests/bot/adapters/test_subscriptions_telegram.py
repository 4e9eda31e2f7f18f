"""Subscriptions end to end on Telegram: the real adapter against the fake Bot API, the real broadcaster."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fake_telegram import TOKEN, FakeTelegram

from bot.adapters.telegram import TelegramAdapter
from bot.background import Background
from bot.core import Core
from bot.settings import Settings
from knowledge.ingest import ingest_article, parse_article
from knowledge.store.sqlite_facts import SQLiteStore

pytestmark = [
    pytest.mark.timeout(30),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
FAN, OTHER, GROUP, SUPERGROUP = 1001, 1002, -5001, -1009001
ARTICLE = """title: Murati's lab grows

Mira Murati announced on 2025-02-18 that her new company had hired about twenty researchers.
The new team will work from offices in San Francisco and London, and more hires are expected before
the end of the summer, according to a person familiar with the plans.
"""


@pytest.fixture
def database_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'bot.db'}"


@pytest.fixture
async def running(fake: FakeTelegram, database_url: str) -> AsyncIterator[tuple[Core, TelegramAdapter]]:
    core = await Core.open(database_url)
    settings = Settings(database_url=database_url, telegram_token=TOKEN, telegram_api_base_url=fake.base_url)
    adapter = TelegramAdapter(core, settings, request_timeout=1.0, poll_timeout=1, backoff=0.05)
    await adapter.start()
    background = Background(core, [adapter], database_url, poll_interval=0.05)
    await background.start()
    try:
        yield core, adapter
    finally:
        await background.stop()
        await adapter.stop()
        await core.close()


async def say(fake: FakeTelegram, text: str, chat_id: int, **options: object) -> str:
    before = len(fake.sent)
    await fake.user_message(text, chat_id=chat_id, **options)
    [reply] = await fake.replies(chat_id, after=before)
    return str(reply.text)


async def ingest_elsewhere(database_url: str) -> None:
    """As `radford-bot ingest` does, on its own connection."""
    store = await SQLiteStore.open(Path(database_url.removeprefix("sqlite:///")))
    try:
        await ingest_article(store, parse_article(ARTICLE))
    finally:
        await store.close()


async def test_a_telegram_subscriber_receives_the_new_facts(
    fake: FakeTelegram, running: tuple[Core, TelegramAdapter], database_url: str
) -> None:
    assert "Subscribed" in await say(fake, "/subscribe Murati", FAN)
    assert "Subscribed" in await say(fake, "/subscribe superalignment", OTHER)
    before = len(fake.sent)
    await ingest_elsewhere(database_url)
    [news] = await fake.replies(FAN, after=before)
    assert "New about Mira Murati" in news.text and "twenty researchers" in news.text
    assert "Murati's lab grows" in news.text
    await asyncio.sleep(0.3)
    assert [s.chat_id for s in fake.sent[before:]] == [FAN]


async def test_a_migrated_group_keeps_its_subscriptions(
    fake: FakeTelegram, running: tuple[Core, TelegramAdapter], database_url: str
) -> None:
    core, _ = running
    fake.chat_admins[GROUP] = {FAN}  # a group's subscriptions are its administrators' to change
    assert "Subscribed" in await say(fake, "/subscribe", GROUP, user_id=FAN, chat_type="group")
    fake.migrate(GROUP, SUPERGROUP)
    before = len(fake.sent)
    await ingest_elsewhere(database_url)
    [news] = await fake.replies(SUPERGROUP, after=before)
    assert "twenty researchers" in news.text
    for _ in range(50):
        if await core.store.chat_subscriptions("telegram", str(SUPERGROUP)):
            break
        await asyncio.sleep(0.02)
    assert [s.topic for s in await core.store.chat_subscriptions("telegram", str(SUPERGROUP))] == ["*"]
    assert await core.store.chat_subscriptions("telegram", str(GROUP)) == []
