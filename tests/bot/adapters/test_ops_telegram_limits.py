"""The rate limits as Telegram users meet them: a polite slow-down reply in the chat, and inline mode,
whose follow-up answers are the bot's own questions and spend none of the user's tokens."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from fake_telegram import TOKEN, FakeTelegram

from bot.adapters.telegram import TelegramAdapter
from bot.core import Core
from bot.ratelimit import QuestionLimits
from bot.settings import Settings


@pytest.fixture
async def bot(fake: FakeTelegram, tmp_path) -> AsyncIterator[TelegramAdapter]:
    url = f"sqlite:///{tmp_path / 'bot.db'}"
    core = await Core.open(url)
    core.limits = QuestionLimits(per_user=2, per_chat=100)
    settings = Settings(database_url=url, telegram_token=TOKEN, telegram_api_base_url=fake.base_url)
    adapter = TelegramAdapter(core, settings, request_timeout=1.0, poll_timeout=1, backoff=0.05)
    await adapter.start()
    yield adapter
    await adapter.stop()
    await core.close()


async def test_a_user_over_the_limit_gets_one_polite_reply_per_question(
    fake: FakeTelegram, bot: TelegramAdapter
) -> None:
    for _ in range(3):
        await fake.user_message("Quand Alec Radford a-t-il rejoint OpenAI ?", chat_id=77, language_code="fr")
    replies = await fake.replies(77, count=3)
    assert ["2016" in r.text for r in replies] == [True, True, False]
    assert replies[2].text.startswith("Vous posez des questions plus vite")
    assert bot.core.metrics.rate_limited[("telegram", "user")] == 1


async def test_inline_follow_ups_spend_no_tokens(fake: FakeTelegram, bot: TelegramAdapter) -> None:
    async def ask_inline(text: str) -> dict:
        query_id = await fake.inline_query(text)
        found: dict = await fake.wait_for(
            lambda: next((a for a in fake.inline_answers if a["inline_query_id"] == query_id), None)
        )
        return found

    first = await ask_inline("Radford")
    assert len(first["results"]) > 1, "its follow-ups were answered, not limited"
    assert (await ask_inline("Murati"))["results"]
    third = await ask_inline("CLIP")
    assert third["results"][0]["shown"].startswith("You're asking faster"), "the third is over the limit of 2"


async def test_a_user_flooding_the_bot_is_told_once_per_window_not_once_per_message(
    fake: FakeTelegram, bot: TelegramAdapter
) -> None:
    for _ in range(8):
        await fake.user_message("When did Alec Radford join OpenAI?", chat_id=78)
    await fake.wait_for(lambda: bot.core.metrics.rate_limited[("telegram", "user")] == 6)
    await fake.user_message("/help", chat_id=78)  # not a question: answered, and a marker that all went out
    replies = await fake.replies(78, count=4)
    assert ["2016" in r.text for r in replies[:2]] == [True, True]
    assert replies[2].text.startswith("You're asking faster")
    assert "/ask" in replies[3].text, "the fourth message the chat got is the /help answer"
    await asyncio.sleep(0.2)
    assert len([s for s in fake.sent if s.chat_id == 78]) == 4, "six refusals, one notice"
