"""Whatever users send, what the core replies reaches each platform escaped and within its limits:
Telegram accepts every chunk under its strict HTML parser, and every Discord message or embed fits."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fake_telegram import MAX_TEXT, parse_html, utf16_len
from hypothesis import HealthCheck, given, settings

from bot.adapters.discord_bot.render import MAX_CONTENT, MAX_EMBED_TOTAL, render_reply
from bot.adapters.telegram.render import render_html
from bot.core import Core
from bot.ratelimit import QuestionLimits
from handlers.types import Incoming
from tests.bot.core_fuzz import incomings


@pytest.fixture
async def core(tmp_path) -> AsyncIterator[Core]:
    core = await Core.open(f"sqlite:///{tmp_path / 'bot.db'}")
    core.limits = QuestionLimits(0, 0)
    yield core
    await core.close()


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incoming=incomings())
async def test_replies_to_any_input_render_valid_for_both_platforms(core: Core, incoming: Incoming) -> None:
    reply = await core.handle(incoming)
    chunks = render_html(reply.blocks)
    assert chunks
    for chunk in chunks:
        shown = parse_html(chunk)  # raises where Telegram would refuse the HTML
        assert shown.strip() and utf16_len(shown) <= MAX_TEXT
    for embed in (False, True):
        for message in render_reply(reply, embed=embed):
            if message.content is not None:
                assert 0 < len(message.content) <= MAX_CONTENT
            if message.embed is not None:
                assert len(message.embed) <= MAX_EMBED_TOTAL
