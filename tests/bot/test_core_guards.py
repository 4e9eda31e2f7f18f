"""What the core does before any handler: the input cap, the rate limits, and what it counts."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from bot.core import MAX_INPUT_CHARS, Core
from bot.ratelimit import QuestionLimits
from handlers.commands import COMMANDS
from handlers.i18n import catalog
from handlers.markup import render_plain
from handlers.types import Incoming


@pytest.fixture
async def core(tmp_path) -> AsyncIterator[Core]:
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


def ask(text: str, *, user: str = "7", chat: str = "7", platform: str = "telegram", locale: str = "en") -> Incoming:
    return Incoming.from_text(platform, chat, user, text, locale=locale)


async def test_a_user_over_the_limit_is_asked_politely_to_slow_down(core: Core) -> None:
    core.limits = QuestionLimits(per_user=3, per_chat=100)
    replies = [await core.handle(ask("When did Alec Radford join OpenAI?")) for _ in range(4)]
    assert [r.answered for r in replies] == [True, True, True, False]
    slow = replies[-1]
    assert slow.kind == "decline" and slow.extra.get("rate_limited")
    assert "wait" in render_plain(slow.blocks)
    assert core.metrics.rate_limited[("telegram", "user")] == 1
    assert core.metrics.questions[("telegram", "en", "limited")] == 1
    other = await core.handle(ask("When did Alec Radford join OpenAI?", user="8", chat="8"))
    assert other.answered, "another user is not held back"


async def test_the_slow_down_reply_speaks_french_too(core: Core) -> None:
    core.limits = QuestionLimits(per_user=1, per_chat=100)
    await core.handle(ask("Quand Alec Radford a-t-il rejoint OpenAI ?", locale="fr"))
    reply = await core.handle(ask("Quand Alec Radford a-t-il quitté OpenAI ?", locale="fr"))
    assert reply.lang == "fr"
    assert render_plain(reply.blocks).startswith("Vous posez des questions")


async def test_a_busy_group_is_held_by_the_chat_limit(core: Core) -> None:
    core.limits = QuestionLimits(per_user=100, per_chat=2)
    kinds = [(await core.handle(ask("Who is Mira Murati?", user=str(n), chat="-100"))).extra for n in range(3)]
    assert kinds[-1].get("rate_limited")
    assert core.metrics.rate_limited[("telegram", "chat")] == 1


async def test_commands_other_than_ask_and_bot_follow_ups_spend_no_tokens(core: Core) -> None:
    core.limits = QuestionLimits(per_user=1, per_chat=1)
    for _ in range(5):
        assert not (await core.handle(ask("/help"))).extra.get("rate_limited")
        assert not (await core.handle(ask("Who is Mira Murati?"), limit=False)).extra.get("rate_limited")
    assert (await core.handle(ask("Who is Mira Murati?"))).answered
    assert (await core.handle(ask("/ask Who is Mira Murati?"))).extra.get("rate_limited")


@pytest.mark.parametrize("text", ["x" * 100_000, "/ask " + "é" * 100_000, "\x00" * 100_000, "🙂" * 100_000])
async def test_a_hundred_thousand_characters_get_a_short_polite_decline(core: Core, text: str) -> None:
    reply = await core.handle(ask(text))
    assert reply.kind == "decline"
    assert len(render_plain(reply.blocks)) < 500


@pytest.mark.parametrize("name", [c.name for c in COMMANDS])
async def test_every_command_with_long_arguments_replies_without_echoing_them_whole(core: Core, name: str) -> None:
    for size in (600, 5_000, MAX_INPUT_CHARS):
        reply = await core.handle(ask(f"/{name} " + "Radford quand " * (size // 14)))
        assert reply.kind != "error"
        assert len(render_plain(reply.blocks)) < 4_000


async def test_what_the_core_counts(core: Core) -> None:
    await core.handle(ask("When did Alec Radford join OpenAI?"))
    await core.handle(ask("What is the capital of Peru?"))
    await core.handle(ask("/help"))
    for n in range(50):
        await core.handle(ask(f"/made_up_{n}"))
    metrics = core.metrics
    assert metrics.questions[("telegram", "en", "answered")] == 1
    assert metrics.questions[("telegram", "en", "declined")] == 1
    assert metrics.commands[("telegram", "help")] == 1
    assert metrics.commands[("telegram", "unknown")] == 50
    assert set(core.stats.commands) == {"help"}, "invented names do not grow the counters"
    assert metrics.latency["telegram"].count == 53


def test_the_catalogue_clips_echoed_user_text() -> None:
    text = catalog().t("en", "who-unknown", name="z" * 5_000)
    assert 200 < len(text) < 400 and "…" in text


async def test_admin_commands_are_refused_to_everyone_but_admin_ids_and_the_console(tmp_path) -> None:
    from handlers.admin import is_admin

    core = await Core.open(f"sqlite:///{tmp_path / 'admin.db'}", admin_ids=frozenset({"telegram:42"}))
    try:
        refused = await core.handle(ask("/addarticle Title\n\nSome text.", user="7"))
        assert refused.kind == "decline"
        assert render_plain(refused.blocks) == catalog().t("en", "admin-only")
        fr = await core.handle(ask("/addarticle Titre", user="7", locale="fr"))
        assert render_plain(fr.blocks) == catalog().t("fr", "admin-only")
        allowed = await core.handle(ask("/addarticle", user="42"))
        assert render_plain(allowed.blocks) != catalog().t("en", "admin-only")
    finally:
        await core.close()
    assert is_admin(frozenset(), Incoming("console", "local", "local"))
    assert not is_admin(frozenset({"discord:42"}), Incoming("discord", "1", "43"))
    assert not is_admin(frozenset({"telegram:42"}), Incoming("discord", "1", "42"))
    admin_commands = [c.name for c in COMMANDS if c.admin]
    assert admin_commands == ["addarticle", "removearticle"]


async def test_lone_surrogates_become_replacement_characters(core: Core) -> None:
    """Found by benchmarks/fuzz_core.py: `/subscribe S\\udb6e` reached SQLite, which cannot encode it."""
    for text in ("/subscribe S\udb6e", "Who is \ud800Murati?", "/lang \udfff", "/who \udb6e"):
        reply = await core.handle(ask(text))
        assert reply.kind != "error", text
    assert core.stats.errors == 0


async def test_changing_a_groups_subscriptions_takes_the_platforms_word_that_the_sender_is_its_admin(
    core: Core,
) -> None:
    """The seam is `Incoming.is_chat_admin`, filled by the adapter: none, a no, or a failure all refuse."""
    from dataclasses import replace

    async def yes() -> bool:
        return True

    async def no() -> bool:
        return False

    async def broken() -> bool:
        raise RuntimeError("the platform is down")

    group = replace(ask("/subscribe", chat="-9"), chat_kind="group")
    for check in (None, no, broken):
        refused = await core.handle(replace(group, is_chat_admin=check))
        assert render_plain(refused.blocks) == catalog().t("en", "chat-admin-only", command="subscribe")
    assert await core.store.chat_subscriptions("telegram", "-9") == []
    done = await core.handle(replace(group, is_chat_admin=yes))
    assert done.kind == "info" and len(await core.store.chat_subscriptions("telegram", "-9")) == 1
    read = await core.handle(replace(ask("/subscriptions", chat="-9"), chat_kind="group"))
    assert read.kind == "info" and "administrators" not in render_plain(read.blocks)


async def test_read_only_messages_ask_and_read_but_change_nothing(core: Core) -> None:
    from dataclasses import replace

    core.admin_ids = frozenset({"telegram:7"})  # even an admin's /addarticle
    for text in ("/subscribe", "/unsubscribe", "/lang fr", "/addarticle Title\n\nText."):
        refused = await core.handle(replace(ask(text), read_only=True))
        assert refused.kind == "decline" and "button" in render_plain(refused.blocks), text
    assert await core.store.chat_subscriptions("telegram", "7") == []
    assert (await core.handle(replace(ask("When did Alec Radford join OpenAI?"), read_only=True))).answered
    assert (await core.handle(replace(ask("/who Mira Murati"), read_only=True))).kind == "info"
