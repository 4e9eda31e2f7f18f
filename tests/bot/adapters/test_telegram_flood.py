"""A group flooded past Telegram's limits must not stop the bot answering everyone else, nor stop it
stopping: `radford-bot run` as a real process on the fake Bot API, every send to the group refused with
`429 retry after 5`."""

from __future__ import annotations

import asyncio
import signal

import pytest
from bot_process import bot_env, start_bot
from fake_telegram import FakeTelegram

pytestmark = pytest.mark.timeout(120)
GROUP = -100500
FLOOD_MESSAGES = 300


async def test_a_flooded_group_leaves_private_chats_answered_and_sigterm_stops_the_bot(
    fake: FakeTelegram, tmp_path
) -> None:
    loop = asyncio.get_running_loop()
    process = await start_bot(bot_env(fake, tmp_path), tmp_path)
    try:
        await fake.user_message("/start", chat_id=1001)
        await fake.replies(1001, within=60)
        fake.flooded[GROUP] = 5
        for n in range(FLOOD_MESSAGES):
            await fake.user_message("/help", chat_id=GROUP, chat_type="supergroup", user_id=50_000 + n)
        await fake.wait_for(
            lambda: sum(1 for m, p in fake.calls if m == "sendMessage" and p.get("chat_id") == GROUP) >= 2, within=30
        )
        asked = loop.time()
        await fake.user_message("When did Alec Radford join OpenAI?", chat_id=1002)
        [reply] = await fake.replies(1002, within=10)
        answered_in = loop.time() - asked
        assert "2016" in reply.text
        assert answered_in < 2.0, f"the private chat waited {answered_in:.1f} s behind the flooded group"
        assert not [s for s in fake.sent if s.chat_id == GROUP], "the group is still in its flood window"
        stopping = loop.time()
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 30)
        stopped_in = loop.time() - stopping
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
    log = stderr.decode()
    print(f"private chat answered in {answered_in:.2f} s; SIGTERM to exit in {stopped_in:.2f} s")
    assert process.returncode == 0, log[-3000:]
    assert stopped_in < 15.0, f"SIGTERM took {stopped_in:.1f} s"
    assert "dropping new ones" in log, "the overflowing group backlog is reported once"
    assert log.count("dropping new ones") == 1
