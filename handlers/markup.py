"""A tiny rich-text model of our own: paragraphs and bullet lists of styled spans.

Handlers build replies from raw (unescaped) text; each adapter renders it in its platform's syntax and
escapes every span there, so no fact or user text can ever break the markup or inject any.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Style = Literal["plain", "bold", "italic", "code"]


@dataclass(frozen=True, slots=True)
class Span:
    text: str
    style: Style = "plain"
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Paragraph:
    spans: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class BulletList:
    items: tuple[tuple[Span, ...], ...]


Block = Paragraph | BulletList
Inline = str | Span


def _span(part: Inline) -> Span:
    return Span(part) if isinstance(part, str) else part


def bold(text: str) -> Span:
    return Span(text, "bold")


def italic(text: str) -> Span:
    return Span(text, "italic")


def code(text: str) -> Span:
    return Span(text, "code")


def link(text: str, url: str) -> Span:
    return Span(text, "plain", url)


def para(*parts: Inline) -> Paragraph:
    return Paragraph(tuple(_span(p) for p in parts if p != ""))


def bullets(*items: Inline | tuple[Inline, ...]) -> BulletList:
    rows = []
    for item in items:
        parts = item if isinstance(item, tuple) else (item,)
        rows.append(tuple(_span(p) for p in parts))
    return BulletList(tuple(rows))


def render_plain(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Plain text for the console, JSON output and logs: styles dropped, links shown after their text."""

    def line(spans: tuple[Span, ...]) -> str:
        return "".join(f"{s.text} ({s.url})" if s.url and s.url != s.text else s.text for s in spans)

    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append(line(block.spans))
        else:
            out.append("\n".join(f"• {line(item)}" for item in block.items))
    return "\n\n".join(part for part in out if part)
