"""Polling Telegram is one process's job: a second one on the same store refuses, with a clear line."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from fake_telegram import TOKEN, FakeTelegram

from bot.adapters.telegram.adapter import TelegramAdapter, TelegramStartError
from bot.core import Core
from bot.settings import Settings
from knowledge.base import Knowledge
from knowledge.store import open_store
from tests.postgres import fresh_schema


@pytest.fixture(params=["sqlite", "postgresql"])
async def replicas(request: pytest.FixtureRequest, tmp_path) -> AsyncIterator[tuple[Core, Core]]:
    """Two cores on one store, each with its own connection, as two processes would have."""
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'bot.db'}"
        cores = [Core(await Knowledge.load(s), s) for s in [await open_store(url), await open_store(url)]]
        try:
            yield cores[0], cores[1]
        finally:
            for core in cores:
                await core.close()
        return
    async with fresh_schema("poller") as url:
        cores = [Core(await Knowledge.load(s), s) for s in [await open_store(url), await open_store(url)]]
        try:
            yield cores[0], cores[1]
        finally:
            for core in cores:
                await core.close()


async def test_a_second_telegram_poller_is_refused_with_a_clear_line(
    replicas: tuple[Core, Core], fake: FakeTelegram, caplog
) -> None:
    one, two = replicas
    settings = Settings(database_url="unused", telegram_token=TOKEN, telegram_api_base_url=fake.base_url)
    first = TelegramAdapter(one, settings, request_timeout=1.0, poll_timeout=1, backoff=0.05, poller_lease=1.0)
    second = TelegramAdapter(two, settings, request_timeout=1.0, poll_timeout=1, backoff=0.05, poller_lease=1.0)
    try:
        await first.start()
        with pytest.raises(TelegramStartError, match="already polling Telegram"):
            await second.start()
        assert first.connected and not second.connected
        # The first keeps its lease by renewing it: still the only poller a few lease periods later.
        await asyncio.sleep(2.5)
        holder = await one.store.lease_holder("telegram-poller:4242", 0.0)
        assert holder is not None and first._lease is not None and holder == first._lease.holder
    finally:
        await first.stop()
        await second.stop()
    # Once the first stops, its lease is released and another process may poll at once.
    assert await two.store.lease_holder("telegram-poller:4242", 0.0) is None
