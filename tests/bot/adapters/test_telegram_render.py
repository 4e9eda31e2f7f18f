"""Rendering for Telegram: every span escaped, every chunk within 4096 and well formed, nothing lost."""

from __future__ import annotations

from fake_telegram import parse_html
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.adapters.telegram.keys import MAX_CALLBACK_DATA, CallbackKeys
from bot.adapters.telegram.render import MAX_MESSAGE, html_to_text, render_html, span_html, tg_len
from handlers.markup import BulletList, Paragraph, Span, bold, bullets, code, italic, link, para


def test_every_span_is_escaped_and_styled() -> None:
    [chunk] = render_html([para(bold("<b>"), " & ", italic("</i>"), code("</pre>"))])
    assert chunk == "<b>&lt;b&gt;</b> &amp; <i>&lt;/i&gt;</i><code>&lt;/pre&gt;</code>"
    assert parse_html(chunk) == "<b> & </i></pre>"


def test_links_are_escaped_and_only_safe_schemes_become_links() -> None:
    assert span_html(link("x", 'https://a.b/?q=1&r="2"')) == '<a href="https://a.b/?q=1&amp;r=&quot;2&quot;">x</a>'
    assert span_html(link("x", "javascript:alert(1)")) == "x (javascript:alert(1))"


def test_lists_become_bullets_and_blocks_are_separated() -> None:
    [chunk] = render_html([para("Title"), bullets("one", ("two ", bold("2")))])
    assert chunk == "Title\n\n• one\n• two <b>2</b>"


def test_empty_items_are_dropped_and_blocks_keep_their_blank_line() -> None:
    assert render_html([para("P"), bullets("", "a"), para(""), bullets("c")]) == ["P\n\n• a\n\n• c"]


def test_empty_replies_render_to_nothing() -> None:
    assert render_html([]) == []
    assert render_html([para(""), Paragraph((Span(""),))]) == []


def test_long_replies_are_cut_between_lines() -> None:
    items = [f"item {n} with <angle> & ampersand" for n in range(600)]
    chunks = render_html([para(bold("Heading")), bullets(*items)])
    assert len(chunks) > 1
    for chunk in chunks:
        assert tg_len(chunk) <= MAX_MESSAGE
        shown = parse_html(chunk)
        assert all(line.startswith("• item ") or line in ("Heading", "") for line in shown.split("\n"))


def test_a_single_huge_span_is_cut_into_well_formed_pieces() -> None:
    chunks = render_html([para(bold("& " * 5000))])
    assert len(chunks) > 1
    for chunk in chunks:
        assert tg_len(chunk) <= MAX_MESSAGE
        assert chunk.startswith("<b>") and chunk.endswith("</b>")
        parse_html(chunk)


def test_emoji_count_twice() -> None:
    chunks = render_html([para("😀" * 3000)])
    assert [tg_len(c) for c in chunks] == [4096, 1904]


def test_html_to_text_is_what_telegram_displays() -> None:
    [chunk] = render_html([para(bold("a < b"), " & ", code("c"))])
    assert html_to_text(chunk) == parse_html(chunk) == "a < b & c"


_spans = st.builds(
    Span,
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300),
    st.sampled_from(["plain", "bold", "italic", "code"]),
    st.one_of(st.none(), st.just("https://example.org/?a=<b>&c")),
)
_blocks = st.lists(
    st.one_of(
        st.builds(Paragraph, st.lists(_spans, max_size=6).map(tuple)),
        st.builds(BulletList, st.lists(st.lists(_spans, max_size=3).map(tuple), max_size=6).map(tuple)),
    ),
    max_size=8,
)


@settings(max_examples=150, deadline=None)
@given(_blocks, st.integers(min_value=40, max_value=600))
def test_any_reply_splits_into_valid_chunks_that_keep_every_character(blocks: list, limit: int) -> None:
    chunks = render_html(blocks, limit)
    shown = "".join(parse_html(chunk) for chunk in chunks)
    for chunk in chunks:
        assert tg_len(chunk) <= limit
        assert chunk.strip()
    expected = "".join(parse_html(span_html(s)) for b in blocks for s in _spans_of(b))
    assert _squash(shown) == _squash(expected)


def _spans_of(block: Paragraph | BulletList) -> list[Span]:
    if isinstance(block, Paragraph):
        return list(block.spans)
    return [span for item in block.items for span in item]


def _squash(text: str) -> str:
    return "".join(text.split()).replace("•", "")


def test_short_button_queries_travel_in_the_button() -> None:
    keys = CallbackKeys()
    data = keys.encode("When did Alec Radford join OpenAI?")
    assert data == "q:When did Alec Radford join OpenAI?"
    assert CallbackKeys().decode(data) == "When did Alec Radford join OpenAI?"


def test_long_button_queries_get_a_short_key_and_the_map_is_bounded() -> None:
    keys = CallbackKeys(capacity=3)
    long = ["Pourquoi Alec Radford a-t-il quitté OpenAI en décembre 2024 ? " + str(n) for n in range(5)]
    data = [keys.encode(q) for q in long]
    assert all(len(d.encode()) <= MAX_CALLBACK_DATA for d in data)
    assert len(keys) == 3
    assert keys.decode(data[0]) is None, "the oldest key is forgotten"
    assert keys.decode(data[4]) == long[4]
    assert keys.decode("k:unknown") is None and keys.decode("other") is None and keys.decode(None) is None
