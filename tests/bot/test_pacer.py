"""The token-bucket pacer on a fake clock: Telegram's overall, per-chat and per-group limits."""

from __future__ import annotations

import itertools

import pytest

from bot.pacer import TELEGRAM, Limits, Pacer, SimulatedClock, TokenBucket


def sends_per_window(times: list[float], window: float) -> int:
    best, start = 0, 0
    for end, t in enumerate(times):
        while times[start] <= t - window + 1e-9:
            start += 1
        best = max(best, end - start + 1)
    return best


def test_bucket_refills_at_its_rate() -> None:
    bucket = TokenBucket(rate=2.0, burst=2.0, now=0.0)
    bucket.take(0.0)
    bucket.take(0.0)
    assert bucket.wait(0.0) == pytest.approx(0.5)
    assert bucket.wait(0.5) == 0.0
    assert not bucket.full(0.5) and bucket.full(1.0)
    with pytest.raises(ValueError):
        TokenBucket(rate=0, burst=1, now=0)


async def test_overall_rate_is_30_per_second_and_fully_used() -> None:
    clock = SimulatedClock(0.0)
    pacer = Pacer(TELEGRAM, clock=clock, sleep=clock.sleep)
    times = []
    for n in range(300):
        await pacer.acquire(f"chat-{n}")
        times.append(clock())
    assert sends_per_window(times, 1.0) <= 30
    assert times[-1] == pytest.approx(299 / 30, rel=0.01)  # no slack: the limit is used, not wasted


async def test_one_message_per_second_per_chat_and_20_per_minute_per_group() -> None:
    clock = SimulatedClock(0.0)
    pacer = Pacer(TELEGRAM, clock=clock, sleep=clock.sleep)
    private = []
    for _ in range(5):
        await pacer.acquire("alice")
        private.append(clock())
    assert [round(b - a, 3) for a, b in itertools.pairwise(private)] == [1.0] * 4
    clock.now = 100.0
    group = []
    for _ in range(40):
        await pacer.acquire("-100group", group=True)
        group.append(clock())
    assert sends_per_window(group, 60.0) <= 20
    assert sends_per_window(group, 1.0) == 1


async def test_pause_holds_everything_and_give_up_stops_waiting() -> None:
    clock = SimulatedClock(0.0)
    pacer = Pacer(Limits(), clock=clock, sleep=clock.sleep)
    pacer.pause(7.5)
    assert pacer.delay("x") == pytest.approx(7.5)
    assert await pacer.acquire("x", give_up=lambda: True) is False
    assert await pacer.acquire("x") is True and clock() >= 7.5


async def test_many_chats_do_not_grow_memory_forever() -> None:
    clock = SimulatedClock(0.0)
    pacer = Pacer(TELEGRAM, clock=clock, sleep=clock.sleep)
    pacer.MAX_CHATS = 100
    for n in range(1000):
        await pacer.acquire(str(n))
    assert len(pacer._chats) <= 100


def test_broadcasters_sharing_a_token_each_pace_at_their_share_of_its_rate() -> None:
    from bot.pacer import TELEGRAM, share_of

    third = share_of(TELEGRAM, 3)
    assert third.per_second == 10.0
    assert third.per_chat_per_second == TELEGRAM.per_chat_per_second  # a chat is served by one process
    assert third.per_group_per_minute == TELEGRAM.per_group_per_minute
    assert share_of(TELEGRAM, 1) is TELEGRAM


async def test_the_background_paces_each_broadcaster_at_its_share(core) -> None:
    from bot.adapters.console import ConsoleSender
    from bot.background import Background

    class TelegramLike(ConsoleSender):
        platform = "telegram"

    background = Background(core, [TelegramLike()], "sqlite:///unused.db", broadcasters_sharing=3)
    background._open = lambda: _ready(core.store)  # type: ignore[method-assign]
    await background.start()
    try:
        assert background.broadcasters[0].pacer.limits.per_second == 10.0
    finally:
        background._stores.clear()  # the core's store: closed by its fixture
        await background.stop()


async def _ready(store):
    return store
