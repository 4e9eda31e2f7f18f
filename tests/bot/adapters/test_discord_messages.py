"""Mentions and DMs through discord.py with dpytest's fake backend: what is answered, how it is sent."""

from __future__ import annotations

import json

import discord
import discord.abc
import discord.ext.test as dpytest
import pytest

from bot.adapters.discord_bot import DiscordAdapter
from bot.adapters.discord_bot.client import intents
from bot.core import Core
from handlers.markup import bullets, para
from handlers.types import Reply


class Sent:
    """Every message payload discord.py built for sending (dpytest keeps the message, not the payload)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.payloads: list[dict] = []
        original = discord.abc.handle_message_parameters

        def recording(*args, **kwargs):
            params = original(*args, **kwargs)
            if params.payload is None and params.multipart:  # with a file, the JSON is the first part
                self.payloads.append(json.loads(params.multipart[0]["value"]))
            else:
                self.payloads.append(dict(params.payload or {}))
            return params

        monkeypatch.setattr(discord.abc, "handle_message_parameters", recording)


@pytest.fixture(autouse=True)
def _attachments_in_tmp(tmp_path, monkeypatch: pytest.MonkeyPatch) -> None:
    """dpytest writes every attachment it sends to `dpytest_N.dat` in the working directory: not the checkout."""
    monkeypatch.chdir(tmp_path)


@pytest.fixture
async def core(tmp_path):
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    yield core
    await core.close()


async def configured(core) -> DiscordAdapter:
    adapter = DiscordAdapter(core)
    client = adapter.client
    await client._async_setup_hook()
    # dpytest's fake guild finds mentioned members in the member cache, which needs the members intent;
    # the bot itself never asks for it (see test_the_bot_needs_no_privileged_intent).
    client._connection._intents.members = True
    client._connection.member_cache_flags = discord.MemberCacheFlags.from_intents(client._connection.intents)
    dpytest.configure(client, members=["ada"])
    client._connection.allowed_mentions = discord.AllowedMentions.none()  # configure() drops it
    await adapter.setup_hook()
    return adapter


@pytest.fixture
async def bot(core):
    adapter = await configured(core)
    yield adapter
    await dpytest.empty_queue()


@pytest.fixture
def sent(monkeypatch):
    return Sent(monkeypatch)


def mention(adapter: DiscordAdapter) -> str:
    assert adapter.client.user is not None
    return f"<@{adapter.client.user.id}>"


def no_pings(payload: dict) -> bool:
    allowed = payload.get("allowed_mentions") or {}
    return allowed.get("parse") == [] and not allowed.get("replied_user")


async def test_a_mention_is_a_question(bot, sent):
    await dpytest.message(f"{mention(bot)} When did Alec Radford join OpenAI?")
    reply = dpytest.get_message()
    assert "2016" in reply.content
    assert dpytest.verify().message().nothing()
    assert sent.payloads and all(no_pings(p) for p in sent.payloads)
    assert sent.payloads[0]["message_reference"]["fail_if_not_exists"] is False


async def test_a_message_without_mention_is_ignored(bot, sent):
    await dpytest.message("When did Alec Radford join OpenAI?")
    assert dpytest.verify().message().nothing()
    assert sent.payloads == []


async def test_everyone_alone_does_not_make_a_question(bot):
    await dpytest.message("@everyone When did Alec Radford join OpenAI?")
    assert dpytest.verify().message().nothing()


async def test_a_dm_is_a_question(bot):
    member = dpytest.get_config().members[0]
    dm = await member.create_dm()
    await dpytest.message("Quand Alec Radford a-t-il rejoint OpenAI ?", channel=dm, member=member)
    reply = dpytest.get_message()
    assert reply.channel.id == dm.id
    assert "2016" in reply.content and "rejoint" in reply.content


async def test_a_command_in_a_mention_gets_an_embed(bot):
    await dpytest.message(f"{mention(bot)} /who Mira Murati")
    embed = dpytest.get_message().embeds[0]
    assert embed.title == "Mira Murati"
    assert len(embed.description or "") <= 4096


async def test_a_timeline_in_a_mention_attaches_its_picture(bot, sent):
    await dpytest.message(f"{mention(bot)} /timeline 2024")
    reply = dpytest.get_message()
    [attachment] = reply.attachments
    assert attachment.filename == "timeline.png"
    [embed] = sent.payloads[0]["embeds"]  # dpytest keeps the file but not the embed sent beside it
    assert embed["title"] == "Timeline: 2024"
    assert embed["image"]["url"] == "attachment://timeline.png"


async def test_everyone_in_the_question_does_not_ping(bot, sent):
    await dpytest.message(f"{mention(bot)} /who @everyone @here")
    reply = dpytest.get_message()
    assert "@everyone" not in reply.content and "@here" not in reply.content
    assert "@\u200beveryone" in reply.content
    assert all(no_pings(p) for p in sent.payloads)


async def test_the_bots_own_messages_are_ignored(bot):
    channel = dpytest.get_config().channels[0]
    await channel.send(f"{mention(bot)} When did Alec Radford join OpenAI?")
    assert dpytest.get_message().content.startswith("<@")  # only our own send, no answer to it
    await dpytest.run_all_events()
    assert dpytest.verify().message().nothing()


def test_the_bot_needs_no_privileged_intent():
    chosen = intents()
    assert not (chosen.message_content or chosen.members or chosen.presences)
    assert chosen.guild_messages and chosen.dm_messages and chosen.guilds


class LongCore:
    """A core with a reply far over Discord's 2000 characters, in markdown-heavy bullets."""

    knowledge = None

    async def handle(self, incoming):
        items = [f"*fact* number {n} with_underscores and `code` @everyone " + "x" * 40 for n in range(60)]
        return Reply((para("A long answer:"), bullets(*items)), "en", kind="answer")


async def test_a_reply_over_2000_characters_is_split(sent):
    adapter = await configured(LongCore())
    try:
        await dpytest.message(f"{mention(adapter)} tell me everything")
        messages = []
        while not dpytest.sent_queue.empty():
            messages.append(dpytest.get_message())
        assert len(messages) > 1
        assert all(len(m.content) <= 2000 for m in messages)
        text = "\n".join(m.content for m in messages)
        assert text.count("number") == 60
        assert "@everyone" not in text
        assert all(no_pings(p) for p in sent.payloads)
    finally:
        await dpytest.empty_queue()


async def test_an_admins_text_attachment_is_added_as_an_article(bot, core, tmp_path):
    from bot.settings import Settings
    from tests.conftest import ARTICLE

    author = str(dpytest.get_config().members[0].id)
    article = tmp_path / "murati.txt"
    article.write_bytes(ARTICLE.encode())
    broken = tmp_path / "broken.txt"
    broken.write_bytes(ARTICLE.encode() + b"\nBroken byte: \xff.\n")
    await dpytest.message(f"{mention(bot)} /addarticle", attachments=[str(article)])
    assert "administrators" in dpytest.get_message().content  # not an admin yet: refused, file unread
    core.admin_ids = frozenset({f"discord:{author}"})
    bot.settings = Settings(database_url="sqlite:///unused.db", admin_ids=core.admin_ids)
    await dpytest.message(f"{mention(bot)} /addarticle", attachments=[str(broken)])
    assert "not UTF-8" in dpytest.get_message().content  # refused, nothing stored
    assert not [f for f in core.knowledge.facts if f.source.startswith("article-")]
    await dpytest.message(f"{mention(bot)} /addarticle", attachments=[str(article)])
    added = [f for f in core.knowledge.facts if f.source.startswith("article-")]
    assert f"{len(added)} new facts" in dpytest.get_message().content
    assert len(added) == 4  # every statement of the article, the weather included


async def test_a_rate_limited_user_is_told_once_per_window_not_once_per_message(bot, core):
    from bot.ratelimit import QuestionLimits

    core.limits = QuestionLimits(per_user=1, per_chat=100)
    for _ in range(4):
        await dpytest.message(f"{mention(bot)} When did Alec Radford join OpenAI?")
    answered = dpytest.get_message()
    assert "2016" in answered.content
    told = dpytest.get_message()
    assert "faster" in told.content
    assert dpytest.verify().message().nothing(), "the third and fourth messages of the window get no reply"
    assert core.metrics.rate_limited[("discord", "user")] == 3
