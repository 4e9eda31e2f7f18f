"""Slash commands, autocomplete and buttons, dispatched through discord.py's state and command tree."""

from __future__ import annotations

import asyncio

import pytest
from discord_harness import EPHEMERAL, button, dispatch, offline_adapter, slash

from bot.adapters.discord_bot import adapter as adapter_module
from bot.adapters.discord_bot.buttons import SuggestionButton
from bot.core import Core
from handlers.markup import para
from handlers.types import Incoming, Reply, Suggestion


@pytest.fixture
async def core(tmp_path):
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


@pytest.fixture
async def bot(core):
    return await offline_adapter(core)


def only_message(recorder):
    messages = recorder.messages()
    assert len(messages) == 1, recorder.calls
    return messages[0]


async def test_ask_in_english_answers_publicly_without_pinging(bot):
    recorder = await dispatch(bot, slash("ask", {"question": "When did Alec Radford join OpenAI?"}))
    message = only_message(recorder)
    assert message.payload["type"] == 4
    assert "2016" in message.data["content"]
    assert not message.data.get("flags", 0) & EPHEMERAL
    assert message.data["allowed_mentions"]["parse"] == []


async def test_ask_in_french_with_a_french_locale(bot):
    recorder = await dispatch(
        bot, slash("ask", {"question": "Quand Alec Radford a-t-il rejoint OpenAI ?"}, locale="fr")
    )
    content = only_message(recorder).data["content"]
    assert "2016" in content
    assert "rejoint" in content


async def test_french_locale_answers_a_language_neutral_command_in_french(bot):
    recorder = await dispatch(bot, slash("timeline", {"filter": "2016"}, locale="fr"))
    embed = only_message(recorder).data["embeds"][0]
    assert embed["title"] == "Chronologie : 2016"


async def test_who_autocomplete_offers_matching_people(bot):
    recorder = await dispatch(bot, slash("who", {"person": "mur"}, focused="person"))
    (call,) = recorder.calls
    assert call.payload["type"] == 8  # APPLICATION_COMMAND_AUTOCOMPLETE_RESULT
    names = [c["name"] for c in call.payload["data"]["choices"]]
    assert "Mira Murati" in names
    assert len(names) <= 25


async def test_timeline_autocomplete_never_offers_more_than_25(bot):
    recorder = await dispatch(bot, slash("timeline", {"filter": ""}, focused="filter"))
    choices = recorder.calls[0].payload["data"]["choices"]
    assert 0 < len(choices) <= 25
    assert all(1 <= len(c["name"]) <= 100 and len(c["value"]) <= 100 for c in choices)


async def test_timeline_is_an_embed_within_limits(bot):
    recorder = await dispatch(bot, slash("timeline"))
    messages = recorder.messages()
    embeds = [e for m in messages for e in m.data["embeds"]]
    assert embeds[0]["title"] == "Timeline"
    assert "2016" in recorder.text()
    for message in messages:
        assert message.data["allowed_mentions"]["parse"] == []
        embeds = message.data["embeds"]
        total = sum(len(e.get("title") or "") + len(e.get("description") or "") for e in embeds)
        assert total <= 6000
        assert all(len(e.get("description") or "") <= 4096 for e in message.data["embeds"])


async def test_timeline_attaches_its_picture_shown_in_the_embed(bot):
    from handlers.pictures import draw

    recorder = await dispatch(bot, slash("timeline", {"filter": "murrati"}))
    first = recorder.messages()[0]
    [(filename, png)] = first.files
    assert filename == "timeline.png"
    assert png.startswith(b"\x89PNG\r\n\x1a\n") and 10_000 < len(png) < 2_000_000
    embed = first.data["embeds"][0]
    assert embed["title"] == "Timeline: Mira Murati"
    assert embed["image"]["url"] == "attachment://timeline.png"
    assert [a["filename"] for a in first.data["attachments"]] == ["timeline.png"]
    reply = await bot.core.handle(
        Incoming("discord", "1", "1", "/timeline murrati", command="timeline", args="murrati")
    )
    assert reply.chart is not None
    drawing = await draw(reply.chart)
    assert drawing.png == png
    for number in drawing.numbers:
        assert f"\n- {number}\\. " in "\n" + embed["description"], f"event {number} is in the text timeline too"


async def test_who_in_a_dm_is_a_french_embed(bot):
    recorder = await dispatch(bot, slash("who", {"person": "Mira Murati"}, locale="fr", dm=True))
    embed = only_message(recorder).data["embeds"][0]
    assert embed["title"] == "Mira Murati"
    assert embed["description"]


async def test_decline_is_ephemeral_and_offers_buttons(bot):
    recorder = await dispatch(bot, slash("ask", {"question": "What is the weather like on Mars today?"}))
    message = only_message(recorder)
    assert message.data["flags"] & EPHEMERAL
    buttons = [b for row in message.data["components"] for b in row["components"]]
    assert buttons and all(b["custom_id"].startswith("rb:") and len(b["custom_id"]) <= 100 for b in buttons)


async def test_everyone_in_an_argument_does_not_ping(bot):
    recorder = await dispatch(bot, slash("who", {"person": "@everyone and <@&1370000000000000000>"}))
    data = only_message(recorder).data
    assert "@everyone" not in data["content"]
    assert "@\u200beveryone" in data["content"]
    assert data["allowed_mentions"]["parse"] == []


async def test_pressing_a_suggestion_answers_it(bot):
    recorder = await dispatch(bot, slash("ask", {"question": "Did Alec Radford leave OpenAI?"}))
    buttons = [b for row in only_message(recorder).data["components"] for b in row["components"]]
    assert buttons
    pressed = await dispatch(bot, button(buttons[0]["custom_id"], buttons[0]["label"]))
    answer = only_message(pressed)
    assert answer.payload["type"] == 4
    assert answer.data["content"]
    assert answer.data["allowed_mentions"]["parse"] == []


async def test_a_long_suggestion_still_works_from_its_key(bot):
    query = "When did Alec Radford join OpenAI? " + "Please tell me precisely, with the source. " * 3
    item = SuggestionButton.for_suggestion(Suggestion("When did Alec Radford join OpenAI?", query), bot.queries)
    assert item.custom_id.startswith("rb:k:") and len(item.custom_id) <= 100
    pressed = await dispatch(bot, button(item.custom_id, item.item.label or ""))
    assert "2016" in only_message(pressed).data["content"]


class SlowCore:
    """A core whose answer takes longer than Discord's 3 seconds (scaled down by the test)."""

    def __init__(self, reply: Reply, delay: float) -> None:
        self.reply = reply
        self.delay = delay
        self.knowledge = None

    async def handle(self, incoming):
        await asyncio.sleep(self.delay)
        return self.reply


async def test_a_slow_answer_is_deferred_then_followed_up(monkeypatch):
    monkeypatch.setattr(adapter_module, "DEFER_AFTER", 0.05)
    bot = await offline_adapter(SlowCore(Reply((para("Done, @everyone."),), "en", kind="answer"), 0.3))
    recorder = await dispatch(bot, slash("ask", {"question": "slow?"}))
    first, *rest = recorder.calls
    assert first.payload["type"] == 5  # deferred "thinking"
    (followup,) = rest
    assert followup.path.startswith("/webhooks/")
    assert "@\u200beveryone" in followup.payload["content"]
    assert followup.payload["allowed_mentions"]["parse"] == []


async def test_a_reply_over_2000_characters_is_split(monkeypatch):
    words = " ".join(f"word{n}" for n in range(900))
    bot = await offline_adapter(SlowCore(Reply((para(words),), "en", kind="answer"), 0))
    recorder = await dispatch(bot, slash("ask", {"question": "long?"}))
    messages = recorder.messages()
    assert len(messages) > 1
    assert all(len(m.data["content"]) <= 2000 for m in messages)
    assert " ".join(m.data["content"] for m in messages).split() == words.split()
    assert all(m.data["allowed_mentions"]["parse"] == [] for m in messages)


async def test_a_command_discord_has_but_the_bot_does_not_gets_a_polite_ephemeral_error(bot):
    recorder = await dispatch(bot, slash("frobnicate", {"topic": "radford"}, locale="fr"))
    message = only_message(recorder)
    assert message.data["flags"] & EPHEMERAL
    assert message.data["content"].startswith("Désolé")
