"""Our markup as Telegram HTML (every span escaped), cut into messages Telegram accepts.

A message may hold at most 4096 characters. We cut between blocks, then between list items or lines,
then between spans, and only as a last resort inside a span's text — and every piece is rendered from
whole spans, so a cut can never fall inside a tag or an entity. Lengths are counted on the HTML source
in UTF-16 units, which is never less than what Telegram counts, so a chunk is always small enough.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass

from handlers.markup import Block, Paragraph, Span

MAX_MESSAGE = 4096
BULLET = "• "
_TAGS = {"bold": "b", "italic": "i", "code": "code"}
_TAG = re.compile(r"<[^>]*>")
_SAFE_URL = re.compile(r"^(https?|tg)://", re.IGNORECASE)

SpanFormat = Callable[[Span], str]


def tg_len(text: str) -> int:
    """Length as Telegram counts it (UTF-16 code units): an emoji counts twice."""
    return len(text.encode("utf-16-le")) // 2


def span_html(span: Span) -> str:
    """One span as HTML; text and URL are escaped, a URL that is not http(s) or tg becomes plain text."""
    text = html.escape(span.text, quote=False)
    tag = _TAGS.get(span.style)
    if tag:
        text = f"<{tag}>{text}</{tag}>"
    if span.url and _SAFE_URL.match(span.url):
        text = f'<a href="{html.escape(span.url, quote=True)}">{text}</a>'
    elif span.url and span.url != span.text:
        text += html.escape(f" ({span.url})", quote=False)
    return text


@dataclass(frozen=True, slots=True)
class _Line:
    """A paragraph or one list item, with what separates it from the line before."""

    separator: str
    spans: tuple[Span, ...]


def _lines(blocks: tuple[Block, ...] | list[Block]) -> list[_Line]:
    """Paragraphs and list items in order, empty ones dropped; a blank line between blocks."""
    lines: list[_Line] = []
    for block in blocks:
        rows = [block.spans] if isinstance(block, Paragraph) else list(block.items)
        separator = "\n\n"
        for spans in rows:
            if not any(s.text for s in spans):
                continue
            lines.append(_Line(separator, spans if isinstance(block, Paragraph) else (Span(BULLET), *spans)))
            separator = "\n"
    return lines


def _cut_text(text: str, fits: Callable[[str], bool]) -> list[str]:
    """Raw text cut into pieces that each `fit`, preferring line breaks, then spaces, then anywhere."""
    pieces: list[str] = []
    while text and not fits(text):
        low, high = 1, len(text)
        while low < high:  # the longest prefix that fits (always at least one character, to progress)
            middle = (low + high + 1) // 2
            if fits(text[:middle]):
                low = middle
            else:
                high = middle - 1
        head = text[:low]
        cut = max(head.rfind("\n"), head.rfind(" "))
        if cut > 0:
            pieces.append(text[:cut])
            text = text[cut + 1 :]
        else:
            pieces.append(head)
            text = text[low:]
    if text:
        pieces.append(text)
    return pieces


def _spans_to_pieces(spans: tuple[Span, ...], fmt: SpanFormat, limit: int) -> list[str]:
    """A line too long for one message, as rendered pieces that each fit and are each well formed."""
    pieces: list[str] = []
    current = ""
    for span in spans:
        rendered = fmt(span)
        if tg_len(rendered) > limit:
            if tg_len(fmt(Span(span.text[:1], span.style, span.url))) > limit:
                span = Span(span.text)  # the markup alone would not fit: keep the words, drop the style

            def fits(text: str, span: Span = span) -> bool:
                return tg_len(fmt(Span(text, span.style, span.url))) <= limit

            texts = _cut_text(span.text, fits)
            parts = [fmt(Span(text, span.style, span.url)) for text in texts]
        else:
            parts = [rendered]
        for part in parts:
            if current and tg_len(current) + tg_len(part) > limit:
                pieces.append(current)
                current = ""
            current += part
    if current:
        pieces.append(current)
    return pieces


def split_rendered(blocks: tuple[Block, ...] | list[Block], fmt: SpanFormat, limit: int = MAX_MESSAGE) -> list[str]:
    """Render `blocks` with `fmt` into messages of at most `limit` units, cut on the widest boundary."""
    chunks: list[str] = []
    current = ""
    for line in _lines(blocks):
        rendered = "".join(fmt(s) for s in line.spans)
        joined = current + line.separator + rendered if current else rendered
        if tg_len(joined) <= limit:
            current = joined
            continue
        if current:
            chunks.append(current)
            current = ""
        if tg_len(rendered) <= limit:
            current = rendered
            continue
        pieces = _spans_to_pieces(line.spans, fmt, limit)
        chunks.extend(pieces[:-1])
        current = pieces[-1] if pieces else ""
    if current.strip():
        chunks.append(current)
    return [chunk for chunk in chunks if chunk.strip()]


def render_html(blocks: tuple[Block, ...] | list[Block], limit: int = MAX_MESSAGE) -> list[str]:
    """Messages in Telegram HTML, each at most `limit` characters."""
    return split_rendered(blocks, span_html, limit)


def html_to_text(chunk: str) -> str:
    """An HTML chunk as the plain text it displays: the fallback when Telegram refuses our HTML."""
    return html.unescape(_TAG.sub("", chunk))
