"""Rendering our markup for Discord: escaping, styles, splitting and embed limits (pure functions)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bot.adapters.discord_bot.render import (
    MAX_CONTENT,
    escape,
    render_embeds,
    render_markdown,
    render_reply,
    split_text,
    wants_embed,
)
from handlers.markup import bold, bullets, code, italic, link, para
from handlers.types import Reply


def test_escape_neutralises_markdown_links_headings_and_mentions():
    text = "# Big *bold* _i_ ~~s~~ ||spoiler|| [free](https://x.example) @everyone @here <@12345678901234567>"
    out = escape(text)
    for raw in ("*bold*", "_i_", "~~s~~", "||spoiler||", "@everyone", "@here", "<@1234"):
        assert raw not in out
    assert "\\[free](" in out  # a masked link shows as text
    assert out.startswith("\\#")
    assert escape("1. first") == "1\\. first"


def test_styles_render_as_discord_markdown():
    blocks = (
        para(bold("Title"), " and ", italic(" spaced "), " ", code("a`b")),
        bullets("one", ("two ", link("source", "https://example.com/a_(b)"))),
    )
    out = render_markdown(blocks)
    assert "**Title**" in out
    assert " *spaced* " in out
    assert "`aˋb`" in out
    assert "- one\n- two [source](<https://example.com/a_%28b%29>)" in out


def test_a_link_to_a_non_web_url_is_plain_text():
    out = render_markdown((para(link("click", "javascript:alert(1)")),))
    assert out == "click"


def test_split_text_breaks_at_lines_and_never_separates_an_escape():
    lines = "\n".join(f"line {n} " + "y" * 50 for n in range(100))
    chunks = split_text(lines)
    assert all(len(c) <= MAX_CONTENT for c in chunks)
    assert all(c.startswith("line ") for c in chunks)
    tricky = "a" * 1999 + "\\*" + "b" * 10
    first, second = split_text(tricky)
    assert not first.endswith("\\")
    assert second.startswith("\\*")


@given(st.text(alphabet=st.sampled_from(list("ab *_\\\n@#")), max_size=6000))
def test_split_text_keeps_everything_within_the_limit(text):
    chunks = split_text(text)
    assert all(0 < len(c) <= MAX_CONTENT for c in chunks)
    assert "".join(chunks).replace(" ", "").replace("\n", "") == text.replace(" ", "").replace("\n", "")


def test_embeds_respect_every_limit():
    title = "T" * 400
    reply = Reply((para(bold(title)), bullets(*("fact " + "z" * 300 for _ in range(60)))), "en", title=title)
    embeds = render_embeds(reply)
    assert len(embeds) > 1
    assert len(embeds[0].title or "") <= 256
    for embed in embeds:
        assert len(embed.description or "") <= 4096
        assert len(embed) <= 6000


def test_the_handlers_title_line_is_not_repeated_in_the_embed():
    reply = Reply((para(bold("Timeline")), bullets("2016 — joined")), "en", title="Timeline")
    (embed,) = render_embeds(reply)
    assert embed.title == "Timeline"
    assert embed.description == "- 2016 — joined"


def test_embeds_only_for_titled_timeline_and_who_replies():
    titled = Reply((para("x"),), "en", title="X")
    assert wants_embed("timeline", titled) and wants_embed("who", titled)
    assert not wants_embed("help", titled)
    assert not wants_embed("who", Reply((para("x"),), "en", kind="decline"))
    assert render_reply(titled)[0].content == "x"
