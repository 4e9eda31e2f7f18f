"""/subscribe, /unsubscribe, /subscriptions and /addarticle through the core, as a console user."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.core import Core
from handlers.i18n import LOCALES
from handlers.markup import render_plain
from handlers.subscribe import parse_request
from handlers.types import Incoming, Reply
from tests.conftest import ARTICLE


async def say(
    core: Core,
    text: str,
    *,
    platform: str = "console",
    chat: str = "local",
    user: str = "local",
    **extra: object,
) -> Reply:
    return await core.handle(Incoming.from_text(platform, chat, user, text, **extra))


def test_parse_request() -> None:
    assert parse_request("murati digest 08:00") == ("murati", "digest", "08:00", False)
    assert parse_request("Mira Murati at 7h30") == ("Mira Murati", "digest", "07:30", False)
    assert parse_request("immediate") == ("", "immediate", None, False)
    assert parse_request("gpt digest 25:00")[3] is True


async def test_subscribe_list_and_unsubscribe(core: Core) -> None:
    reply = await say(core, "/subscribe")
    assert reply.kind == "info" and "everything" in render_plain(reply.blocks)
    again = await say(core, "/subscribe")
    assert "already" in render_plain(again.blocks)
    await say(core, "/subscribe murrati digest 08:00")  # a typo still finds Mira Murati
    await say(core, "/subscribe superalignment")
    listed = render_plain((await say(core, "/subscriptions")).blocks)
    assert "Mira Murati" in listed and "08:00" in listed and "superalignment" in listed
    subs = await core.store.chat_subscriptions("console", "local")
    assert [s.topic for s in subs] == ["*", "entity:murati", "word:superalignment"]
    assert subs[1].mode == "digest" and subs[1].digest_time == "08:00"
    assert "Unsubscribed" in render_plain((await say(core, "/unsubscribe Murati")).blocks)
    await say(core, "/unsubscribe everything")  # that one topic, since the chat has it
    assert [s.topic for s in await core.store.chat_subscriptions("console", "local")] == ["word:superalignment"]
    await say(core, "/subscribe")
    assert (await say(core, "/unsubscribe nobody-here")).kind == "decline"
    assert "2" in render_plain((await say(core, "/unsubscribe")).blocks)
    assert await core.store.chat_subscriptions("console", "local") == []


async def test_french_and_bad_input(core: Core) -> None:
    reply = await say(core, "/subscribe Murati digest 99:99", locale="fr")
    assert reply.kind == "decline"
    reply = await say(core, "/lang fr")
    reply = await say(core, "/subscribe Murati")
    assert "Abonnement" in render_plain(reply.blocks)
    assert (await say(core, "/subscribe " + "x" * 200)).kind == "decline"
    assert (await say(core, "/subscribe ?!")).kind == "decline"


async def test_inactive_chat_comes_back_when_it_talks(core: Core) -> None:
    await say(core, "/subscribe", platform="telegram", chat="42", user="42")
    await core.store._db.execute("UPDATE subscriptions SET active = 0, strikes = 3")
    assert not (await core.store.chat_subscriptions("telegram", "42"))[0].active
    await say(core, "hello", platform="telegram", chat="42", user="42")
    assert (await core.store.chat_subscriptions("telegram", "42"))[0].active


async def test_addarticle_is_for_admins_only(core: Core) -> None:
    refused = await say(core, "/addarticle " + ARTICLE, platform="telegram", chat="7", user="7")
    assert refused.kind == "decline" and "administrators" in render_plain(refused.blocks)
    assert not [f for f in core.knowledge.facts if f.source.startswith("article-")]
    core.admin_ids = frozenset({"telegram:7"})
    added = await say(core, "/addarticle", platform="telegram", chat="7", user="7", attachment=ARTICLE)
    assert added.kind == "info" and "4 new facts" in render_plain(added.blocks)
    # The running bot's knowledge has the new facts at once.
    assert len([f for f in core.knowledge.facts if f.source.startswith("article-")]) == 4
    bad = await say(core, "/addarticle date: someday\n\nOpenAI said so in 2024.")
    assert bad.kind == "decline" and "someday" in render_plain(bad.blocks)


def test_catalogues_have_the_same_messages() -> None:
    keys = {
        lang: set(re.findall(r"^([a-z][a-z0-9-]*) =", (LOCALES / f"{lang}.ftl").read_text(), re.M))
        for lang in ("en", "fr")
    }
    assert keys["en"] == keys["fr"]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=80))
async def test_any_subscription_text_gets_a_reply_not_an_error(core: Core, text: str) -> None:
    for command in ("/subscribe", "/unsubscribe"):
        reply = await say(core, f"{command} {text}")
        assert reply.kind != "error"


async def test_subscribing_from_the_one_shot_cli_is_declined_since_nothing_could_deliver(core) -> None:
    from handlers.types import Incoming

    reply = await core.handle(Incoming.from_text("cli", "cli", "cli", "/subscribe radford"))
    assert reply.kind == "decline"
    assert await core.store.chat_subscriptions("cli", "cli") == []
