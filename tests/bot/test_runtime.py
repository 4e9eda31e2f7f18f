"""The runtime starts each platform on its own: retried with backoff while unreachable, fatal on a refused
token, and the others serve meanwhile."""

from __future__ import annotations

import asyncio
import logging

import pytest

from bot.runtime import run_platforms


class TokenRefused(Exception):
    pass


class Flaky:
    """Fails to start `failures` times (unreachable), then starts."""

    name = "flaky"
    fatal_errors = (TokenRefused,)

    def __init__(self, failures: int, error: Exception | None = None) -> None:
        self.failures = failures
        self.error = error or ConnectionError("could not reach the API")
        self.attempts: list[float] = []
        self.started = asyncio.Event()
        self.stopped = False

    async def start(self) -> None:
        self.attempts.append(asyncio.get_running_loop().time())
        if len(self.attempts) <= self.failures:
            raise self.error
        self.started.set()

    async def stop(self) -> None:
        self.stopped = True

    @property
    def connected(self) -> bool:
        return self.started.is_set() and not self.stopped


async def test_an_unreachable_platform_is_retried_with_doubling_delays_and_one_line_each(caplog) -> None:
    flaky, other = Flaky(4), Flaky(0)
    other.name = "other"
    stop = asyncio.Event()
    with caplog.at_level(logging.WARNING, logger="bot.runtime"):
        run = asyncio.create_task(run_platforms([flaky, other], first_retry=0.05, max_retry=0.2, stop=stop))  # type: ignore[list-item]
        await asyncio.wait_for(other.started.wait(), 2)
        assert not flaky.started.is_set(), "the other platform did not wait for the flaky one"
        await asyncio.wait_for(flaky.started.wait(), 5)
        stop.set()
        assert await run == 0
    gaps = [b - a for a, b in zip(flaky.attempts, flaky.attempts[1:], strict=False)]
    assert len(flaky.attempts) == 5
    assert gaps[1] > gaps[0] * 1.5 and gaps[-1] < 0.4, "doubling, capped"
    lines = [r.getMessage() for r in caplog.records if "could not start" in r.getMessage()]
    assert len(lines) == 4 and all("could not reach the API" in line for line in lines)
    assert flaky.stopped and other.stopped


async def test_a_fatal_start_error_stops_the_run_and_the_others() -> None:
    refused, other = Flaky(1, TokenRefused("the token was refused")), Flaky(0)
    other.name = "other"
    with pytest.raises(TokenRefused):
        await asyncio.wait_for(run_platforms([refused, other], first_retry=0.05), 5)  # type: ignore[list-item]
    assert len(refused.attempts) == 1, "no retry: no number of them fixes a token"
    assert not other.connected, "the other platform is not left running"


async def test_a_stop_during_the_retries_ends_the_run_at_once() -> None:
    never = Flaky(10**6)
    stop = asyncio.Event()
    run = asyncio.create_task(run_platforms([never], first_retry=30, stop=stop))  # type: ignore[list-item]
    await asyncio.sleep(0.1)
    stop.set()
    assert await asyncio.wait_for(run, 2) == 0
    assert len(never.attempts) == 1 and not never.stopped
