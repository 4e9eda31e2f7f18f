"""Shared by the property tests and benchmarks/fuzz_core.py: what random input looks like, and what
must hold for every reply (a reply, no internal error, sane shape, the knowledge tables untouched)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import strategies as st

from bot.core import Core
from handlers.commands import COMMANDS
from handlers.i18n import SUPPORTED
from handlers.markup import render_plain
from handlers.types import Incoming, Reply

ADMIN_COMMANDS = frozenset({"addarticle"})  # none of the fuzzed users is an admin (ADMIN_IDS is empty)
KNOWLEDGE_TABLES = ("sources", "entities", "facts", "fact_sources")
PLATFORMS = ("telegram", "discord", "console", "cli")
LOCALES = st.one_of(
    st.none(),
    st.sampled_from(["en", "fr", "fr-CA", "en_US", "FR", "de", "pt-BR", "zz", "", "-", "_"]),
    st.text(max_size=12),
)
WORDS = st.sampled_from(
    "Radford OpenAI GPT GPT-2 CLIP Whisper Murati Sutskever quand when who qui il elle left quitté 2024 2016 "
    "? ! « » ' \" / @ # * _ ` < > & ; ~ | \\ \u200b \u202e \ufeff 🙂 👩‍🔬 \x00 \t \n".split(" ")
)
TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(WORDS, max_size=40).map(" ".join),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=400, max_size=700),
)
COMMAND_NAMES = st.one_of(
    st.sampled_from([c.name for c in COMMANDS]), st.from_regex(r"[A-Za-z0-9_]{1,32}", fullmatch=True)
)
COMMAND_ARGS = st.one_of(
    TEXT,
    st.sampled_from(["en", "fr", "auto", "EN", "de", "radford", "murati", "2024", "gpt", "radford-leaves-openai"]),
)


@st.composite
def incomings(draw: st.DrawFn) -> Incoming:
    platform = draw(st.sampled_from(PLATFORMS))
    chat = str(draw(st.integers(-(10**12), 10**12)))
    user = str(draw(st.integers(0, 10**12)))
    locale = draw(LOCALES)
    kind = draw(st.sampled_from(["private", "group"]))
    if draw(st.booleans()):
        text = draw(TEXT)
        return Incoming.from_text(platform, chat, user, text, locale=locale, chat_kind=kind)
    name, args = draw(COMMAND_NAMES), draw(COMMAND_ARGS)
    if name.lower() in ADMIN_COMMANDS and platform in ("console", "cli"):
        platform = "telegram"  # the local terminal is an operator, whose /addarticle may change the store
    bot = draw(st.sampled_from(["", "@radford_bot", "@other_bot"]))
    if draw(st.booleans()):  # as an adapter that parsed it (Discord slash commands)
        return Incoming(platform, chat, user, f"/{name} {args}", kind, locale, name.lower(), args)  # type: ignore[arg-type]
    return Incoming.from_text(platform, chat, user, f"/{name}{bot} {args}", locale=locale, chat_kind=kind)


def dump(database: Path) -> dict[str, list[tuple[object, ...]]]:
    """The knowledge tables, row by row: what no message may change."""
    with sqlite3.connect(database) as db:
        return {t: db.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in KNOWLEDGE_TABLES}


def check_reply(core: Core, incoming: Incoming, reply: Reply) -> None:
    """What every reply must be, whatever came in."""
    assert isinstance(reply, Reply), reply
    assert reply.kind != "error", f"internal error for {incoming!r}"
    assert reply.lang in SUPPORTED
    text = render_plain(reply.blocks)
    assert text.strip(), f"empty reply for {incoming!r}"
    assert len(text) < 8_000, f"a {len(text)}-character reply for {incoming!r}"
    assert core.stats.errors == 0
