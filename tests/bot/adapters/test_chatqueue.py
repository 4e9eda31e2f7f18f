"""Per-chat queues: order kept within a chat, a waiting chat holds up no other, a bounded backlog, and a
close that lets queued work finish for a grace period and then cancels the rest."""

from __future__ import annotations

import asyncio
import logging

from bot.adapters.chatqueue import ChatQueues


async def test_jobs_of_one_chat_run_in_order_and_a_stuck_chat_holds_up_no_other() -> None:
    queues = ChatQueues("test")
    done: list[str] = []
    release = asyncio.Event()

    def job(name: str, wait: bool = False):
        async def run() -> None:
            if wait:
                await release.wait()  # a chat waiting out a flood window
            done.append(name)

        return run

    queues.put("group", job("g1", wait=True))
    queues.put("group", job("g2"))
    queues.put("private", job("p1"))
    queues.put("private", job("p2"))
    await asyncio.sleep(0.05)
    assert done == ["p1", "p2"], "the private chat did not wait for the group"
    release.set()
    await asyncio.sleep(0.05)
    assert done == ["p1", "p2", "g1", "g2"]
    assert queues.pending() == 0
    assert await queues.close(1.0) == 0


async def test_a_full_backlog_drops_new_jobs_with_one_warning(caplog) -> None:
    dropped: list[str] = []
    queues = ChatQueues("test", max_pending=3, on_drop=dropped.append)
    blocker = asyncio.Event()
    ran: list[int] = []

    def job(n: int):
        async def run() -> None:
            await blocker.wait()
            ran.append(n)

        return run

    with caplog.at_level(logging.WARNING):
        results = [queues.put("group", job(n)) for n in range(10)]
    await asyncio.sleep(0)
    assert results == [True] * 3 + [False] * 7
    assert dropped == ["group"] * 7
    assert sum("dropping new ones" in r.getMessage() for r in caplog.records) == 1
    blocker.set()
    await asyncio.sleep(0.05)
    assert ran == [0, 1, 2]


async def test_a_failing_job_is_logged_and_the_next_one_runs(caplog) -> None:
    errors: list[str] = []
    queues = ChatQueues("test", on_error=errors.append)
    ran: list[str] = []

    async def broken() -> None:
        raise RuntimeError("disk on fire")

    async def fine() -> None:
        ran.append("fine")

    queues.put("42", broken)
    queues.put("42", fine)
    await asyncio.sleep(0.05)
    assert ran == ["fine"] and errors == ["42"]
    assert any("chat 42" in r.getMessage() and r.exc_info for r in caplog.records)


async def test_close_waits_for_queued_work_up_to_the_grace_then_cancels() -> None:
    queues = ChatQueues("test")
    finished: list[str] = []

    async def quick() -> None:
        await asyncio.sleep(0.05)
        finished.append("quick")

    async def stuck() -> None:
        await asyncio.sleep(3600)

    queues.put("a", quick)
    queues.put("b", stuck)
    queues.put("b", quick)
    loop = asyncio.get_running_loop()
    started = loop.time()
    assert await queues.close(0.3) == 1, "the job behind the stuck one never started"
    assert loop.time() - started < 1.0
    assert finished == ["quick"]
    assert not queues.put("a", quick), "a closed queue takes no more work"
