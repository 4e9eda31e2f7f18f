"""Leases, follow-up turns and rate buckets, on both engines: what replicas sharing a store share."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest

from knowledge.store import Store, open_store


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    opened = await open_store(store_url)
    try:
        yield opened
    finally:
        await opened.close()


async def test_a_lease_has_one_holder_until_it_expires_or_is_released(store: Store) -> None:
    assert await store.acquire_lease("feeds", "a", 30.0, 1000.0)
    assert not await store.acquire_lease("feeds", "b", 30.0, 1010.0)
    assert await store.lease_holder("feeds", 1010.0) == "a"
    assert await store.acquire_lease("feeds", "a", 30.0, 1020.0)  # renewed: now until 1050
    assert not await store.acquire_lease("feeds", "b", 30.0, 1049.0)
    assert await store.acquire_lease("feeds", "b", 30.0, 1051.0)  # a stopped renewing
    assert await store.lease_holder("feeds", 1051.0) == "b"
    await store.release_lease("feeds", "a")  # not a's anymore: nothing happens
    assert await store.lease_holder("feeds", 1052.0) == "b"
    await store.release_lease("feeds", "b")
    assert await store.acquire_lease("feeds", "c", 30.0, 1053.0)


async def test_many_contenders_at_once_one_wins(store_url: str) -> None:
    stores = [await open_store(store_url) for _ in range(4)]
    try:
        won = await asyncio.gather(*(s.acquire_lease("poller", f"p{n}", 30.0, 500.0) for n, s in enumerate(stores)))
        assert sorted(won) == [False, False, False, True]
    finally:
        for s in stores:
            await s.close()


async def test_turns_are_recalled_within_their_time(store: Store) -> None:
    assert await store.recall_turn("telegram:1", 0.0) is None
    await store.remember_turn("telegram:1", "murati", "fr", 100.0)
    assert await store.recall_turn("telegram:1", 50.0) == ("murati", "fr", 100.0)
    assert await store.recall_turn("telegram:1", 150.0) is None  # expired for a reader at that time
    await store.remember_turn("telegram:1", None, "en", 200.0)
    assert await store.recall_turn("telegram:1", 150.0) == (None, "en", 200.0)


async def test_buckets_spend_both_or_neither_and_refill(store: Store) -> None:
    buckets = [("user:u", 2), ("chat:c", 3)]
    assert await store.take_tokens(buckets, 0.0) == (None, 0.0)
    assert await store.take_tokens(buckets, 0.0) == (None, 0.0)
    refused, wait = await store.take_tokens(buckets, 0.0)
    assert refused == 0 and wait == pytest.approx(30.0)  # 2 a minute: one more in 30 s
    # The chat bucket was not charged for the refused question: another user still gets its last token.
    assert await store.take_tokens([("user:v", 2), ("chat:c", 3)], 0.0) == (None, 0.0)
    refused, _ = await store.take_tokens([("user:w", 2), ("chat:c", 3)], 0.0)
    assert refused == 1
    assert await store.take_tokens(buckets, 30.0) == (None, 0.0)  # refilled
    assert await store.take_tokens([("user:x", 0)], 0.0) == (None, 0.0)  # 0 means unlimited


async def test_concurrent_spenders_never_overspend(store_url: str) -> None:
    """Ten replicas racing for a bucket of five: exactly five questions pass."""
    stores = [await open_store(store_url) for _ in range(10)]
    try:
        results = await asyncio.gather(*(s.take_tokens([("user:hot", 5)], 0.0) for s in stores))
        assert sum(1 for refused, _ in results if refused is None) == 5
    finally:
        for s in stores:
            await s.close()


async def test_idle_rows_are_forgotten(store: Store) -> None:
    await store.take_tokens([("user:old", 5)], 0.0)
    await store.remember_turn("telegram:old", "x", "en", 0.0)
    await store.take_tokens([("user:new", 5)], 100_000.0)
    assert await store.forget_idle(100_000.0) == 2
    assert await store.forget_idle(100_000.0) == 0
