"""Attacks on the Telegram side, performed against the real PTB and the fake Bot API.

Inline queries and buttons are read-only (they subscribed made-up chats, changed languages and ingested
an article per keystroke); a group's subscriptions are its administrators' to change.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from fake_telegram import FakeTelegram
from test_telegram import GROUP, USER, ask, core, database_url, inline_answer, make_adapter, make_settings

from bot.adapters.telegram import TelegramAdapter
from bot.core import Core
from handlers.context import LANG_KEY
from handlers.markup import para
from handlers.types import Reply, Suggestion
from tests.conftest import ARTICLE

__all__ = ["core", "database_url"]  # fixtures shared with test_telegram
pytestmark = [
    pytest.mark.timeout(30),
    pytest.mark.filterwarnings("ignore::telegram.warnings.PTBDeprecationWarning"),
]
INLINE_USER = 2002


@pytest.fixture
async def bot(fake: FakeTelegram, core: Core, database_url: str) -> Any:
    core.admin_ids = frozenset({f"telegram:{INLINE_USER}"})
    adapter = make_adapter(core, make_settings(fake, database_url, admin_ids=core.admin_ids))
    await adapter.start()
    yield adapter
    await adapter.stop()


def articles(core: Core) -> list[str]:
    return [f.id for f in core.knowledge.facts if f.source.startswith("article-")]


# -- inline queries and buttons are read-only -------------------------------------------------------------


async def test_inline_queries_cannot_subscribe_change_the_language_or_add_articles(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    """Before: each of these keystroke-queries changed stored state (an admin's ingested the article)."""
    for typed in ("/subscribe murati", "/lang fr", "/unsubscribe", "/addarticle " + ARTICLE):
        answer = await inline_answer(fake, await fake.inline_query(typed, user_id=INLINE_USER))
        assert "not from an inline query" in answer["results"][0]["shown"]
    assert await core.store.chat_subscriptions("telegram", f"inline-{INLINE_USER}") == []
    assert await core.store.get_preference("telegram", str(INLINE_USER), LANG_KEY) is None
    assert articles(core) == []
    # Questions and read-only commands still work inline.
    answer = await inline_answer(fake, await fake.inline_query("/who Mira Murati", user_id=INLINE_USER))
    assert "Murati" in answer["results"][0]["shown"]


async def test_a_button_cannot_run_a_command_that_changes_anything(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    await ask(fake, "/start")
    offer = Reply((para("Try:"),), "en", suggestions=(Suggestion("Follow", "/subscribe murati"),))
    await bot.send(str(USER), offer)
    [sent] = [s for s in fake.sent if s.text == "Try:"]
    before = len(fake.sent)
    await fake.press_button(sent, sent.buttons()[0])
    [refused] = await fake.replies(USER, after=before)
    assert "not from an inline query or a button" in refused.text
    assert await core.store.chat_subscriptions("telegram", str(USER)) == []
    # Typed in the chat, the same command works.
    [done] = await ask(fake, "/subscribe murati")
    assert len(await core.store.chat_subscriptions("telegram", str(USER))) == 1, done.text


async def test_the_empty_inline_query_runs_the_matcher_once_per_language_not_per_query(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: every empty query ran /start and four unlimited follow-up questions through the matcher."""
    real = core.handle
    handled: list[str] = []

    async def counting(incoming: Any, **options: Any) -> Reply:
        handled.append(incoming.text)
        return await real(incoming, **options)

    monkeypatch.setattr(core, "handle", counting)
    first = await inline_answer(fake, await fake.inline_query("", user_id=3001))
    assert first["results"]
    after_first = len(handled)
    assert 1 < after_first <= 5
    for user in range(3002, 3022):
        again = await inline_answer(fake, await fake.inline_query("", user_id=user))
        assert [r["title"] for r in again["results"]] == [r["title"] for r in first["results"]]
    assert len(handled) == after_first, "twenty more empty queries cost no matcher run"
    french = await inline_answer(fake, await fake.inline_query("", user_id=3100, language_code="fr"))
    assert french["results"] and len(handled) > after_first  # another language is computed once too


# -- a group's subscriptions are its administrators' ------------------------------------------------------


async def test_only_a_group_administrator_changes_the_groups_subscriptions(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    """Before: any member could subscribe the group to everything, or unsubscribe it."""
    group = {"chat_id": GROUP, "chat_type": "supergroup"}
    fake.chat_admins[GROUP] = {71}
    [refused] = await ask(fake, "/subscribe", user_id=72, **group)
    assert "administrators" in refused.text
    assert await core.store.chat_subscriptions("telegram", str(GROUP)) == []
    [done] = await ask(fake, "/subscribe murati", user_id=71, **group)
    assert len(await core.store.chat_subscriptions("telegram", str(GROUP))) == 1, done.text
    [refused] = await ask(fake, "/unsubscribe", user_id=72, **group)
    assert "administrators" in refused.text
    assert len(await core.store.chat_subscriptions("telegram", str(GROUP))) == 1
    # Anyone may still read the list, and ask questions.
    [listing] = await ask(fake, "/subscriptions", user_id=72, **group)
    assert "Murati" in listing.text
    # The admin's status was asked once and remembered for the second command.
    await ask(fake, "/unsubscribe", user_id=71, **group)
    assert await core.store.chat_subscriptions("telegram", str(GROUP)) == []
    lookups = [p for method, p in fake.calls if method == "getChatMember"]
    assert sorted({int(p["user_id"]) for p in lookups}) == [71, 72] and len(lookups) == 2


async def test_a_failed_status_lookup_is_a_no_and_is_not_remembered(
    fake: FakeTelegram, bot: TelegramAdapter, core: Core
) -> None:
    group = {"chat_id": GROUP, "chat_type": "supergroup", "user_id": 71}
    fake.chat_admins[GROUP] = {71}
    fake.fail("getChatMember", 400, "Bad Request: chat not found")
    [refused] = await ask(fake, "/subscribe", **group)
    assert "administrators" in refused.text
    [done] = await ask(fake, "/subscribe", **group)
    assert len(await core.store.chat_subscriptions("telegram", str(GROUP))) == 1, done.text


async def test_in_a_private_chat_the_user_needs_no_lookup(fake: FakeTelegram, bot: TelegramAdapter, core: Core) -> None:
    await ask(fake, "/subscribe")
    await asyncio.sleep(0)
    assert len(await core.store.chat_subscriptions("telegram", str(USER))) == 1
    assert not any(method == "getChatMember" for method, _ in fake.calls)
