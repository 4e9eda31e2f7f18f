"""Our markup rendered as Discord messages: escaped markdown, split to Discord's size limits.

Every span is escaped (markdown, masked links, line-start markers, `@everyone` and other mentions), so
no fact or user text can change the formatting or ping anyone; `allowed_mentions` none on every send is
the second lock on that door.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import discord

from handlers.markup import Block, BulletList, Paragraph, Span, render_plain
from handlers.types import Reply

MAX_CONTENT = 2000
MAX_EMBED_TITLE = 256
MAX_EMBED_DESCRIPTION = 4096
MAX_EMBED_TOTAL = 6000
EMBED_COMMANDS = frozenset({"timeline", "who"})
EMBED_COLOUR = discord.Colour(0x10A37F)
NO_MENTIONS = discord.AllowedMentions.none()

_ORDERED_LIST = re.compile(r"^(\s*\d+)\.(?=\s)", re.MULTILINE)
_SAFE_URL = re.compile(r"^https?://[^\s<>]+$")


@dataclass(frozen=True, slots=True)
class Outgoing:
    """One Discord message: text, or one embed (one per message keeps every message under 6000)."""

    content: str | None = None
    embed: discord.Embed | None = None


def escape(text: str) -> str:
    """Text shown literally: no markdown, no masked link, no list or heading, no mention."""
    text = discord.utils.escape_markdown(text)
    text = _ORDERED_LIST.sub(r"\1\\.", text)
    return discord.utils.escape_mentions(text)


def _wrap(text: str, marker: str) -> str:
    """`marker` around the text, keeping outer spaces outside (markdown ignores `** x **`)."""
    core = text.strip()
    if not core:
        return text
    start = text.index(core[0])
    return f"{text[:start]}{marker}{core}{marker}{text[start + len(core) :]}"


def render_span(span: Span) -> str:
    if span.style == "code":
        body = span.text.replace("`", "ˋ").replace("\n", " ")
        return f"`{body}`" if body.strip() else body
    text = escape(span.text)
    if span.style == "bold":
        text = _wrap(text, "**")
    elif span.style == "italic":
        text = _wrap(text, "*")
    if span.url and _SAFE_URL.match(span.url):
        url = span.url.replace("(", "%28").replace(")", "%29")
        if span.url == span.text:
            return f"<{url}>"
        return f"[{text}](<{url}>)"
    return text


def render_markdown(blocks: tuple[Block, ...] | list[Block]) -> str:
    """Discord markdown for our blocks: paragraphs apart, bullet lists as `- ` lines."""
    out: list[str] = []
    for block in blocks:
        if isinstance(block, Paragraph):
            out.append("".join(render_span(s) for s in block.spans))
        elif isinstance(block, BulletList):
            out.append("\n".join("- " + "".join(render_span(s) for s in item) for item in block.items))
    return "\n\n".join(part for part in out if part.strip())


def _cut_point(text: str, limit: int) -> int:
    """Where to end a chunk of at most `limit` characters: a paragraph, line or word break if any."""
    for separator, floor in (("\n\n", limit // 2), ("\n", limit // 2), (" ", limit // 4)):
        index = text.rfind(separator, 0, limit)
        if index >= floor and index > 0:
            return index
    cut = limit
    backslashes = len(text[:cut]) - len(text[:cut].rstrip("\\"))
    if backslashes % 2:  # never separate an escaping backslash from what it escapes
        cut -= 1
    return cut


def split_text(text: str, limit: int = MAX_CONTENT) -> list[str]:
    """Chunks of at most `limit` characters, broken at the most natural place available."""
    chunks: list[str] = []
    rest = text.strip()
    while len(rest) > limit:
        cut = _cut_point(rest, limit)
        chunk = rest[:cut].rstrip()
        if chunk:
            chunks.append(chunk)
        rest = rest[cut:].lstrip()
    if rest:
        chunks.append(rest)
    return chunks


def wants_embed(command: str | None, reply: Reply) -> bool:
    """Embeds for the browsing commands (`/timeline`, `/who`) when they produced a titled reply."""
    return command in EMBED_COMMANDS and reply.title is not None and reply.kind not in {"decline", "error"}


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render_embeds(reply: Reply) -> list[discord.Embed]:
    """The reply as embeds, the title on the first; the handler's own bold title line is dropped."""
    title = reply.title or ""
    blocks = list(reply.blocks)
    if blocks and isinstance(blocks[0], Paragraph) and render_plain([blocks[0]]).strip() == title.strip():
        blocks = blocks[1:]
    description = render_markdown(blocks)
    embeds: list[discord.Embed] = []
    for number, part in enumerate(split_text(description, MAX_EMBED_DESCRIPTION) or [""]):
        embed = discord.Embed(description=part or None, colour=EMBED_COLOUR)
        if number == 0 and title:
            embed.title = _truncate(escape(title), MAX_EMBED_TITLE)
        embeds.append(embed)
    return embeds


def render_reply(reply: Reply, *, embed: bool = False) -> list[Outgoing]:
    """The messages to send for `reply`, each within Discord's limits (2000 chars, embed limits)."""
    if embed:
        return [Outgoing(embed=e) for e in render_embeds(reply)]
    chunks = split_text(render_markdown(reply.blocks)) or ["…"]
    return [Outgoing(content=chunk) for chunk in chunks]
