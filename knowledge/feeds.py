"""RSS and Atom feeds: fetch politely, ingest each new entry once.

The fetch is async (httpx) and sends back the ETag and Last-Modified the feed gave last time, so an
unchanged feed costs one 304. feedparser, HTML-to-text and article parsing are synchronous and CPU-bound,
so they run in a worker thread, off the loop that answers questions. A feed's first poll stores its
entries without notifying (they are its back catalogue, not news). Entries are
remembered by id (else link, else a hash of their text); a remembered entry is never ingested again, and
ingesting is idempotent anyway, so a crash between the two changes nothing.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import time
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any

import feedparser  # type: ignore[import-untyped]
import httpx

from knowledge.ingest import Article, ArticleError, ingest_article, parse_article
from knowledge.models import LANGS
from knowledge.store import Store

log = logging.getLogger(__name__)
MAX_FEED_BYTES = 5_000_000
USER_AGENT = "radford-bot feed reader"
_BLOCKS = {
    "p",
    "br",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "tr",
    "section",
    "article",
}


class FeedError(Exception):
    """A feed that could not be fetched or read; the poller logs it and tries again next time."""


@dataclass(frozen=True, slots=True)
class FeedReport:
    url: str
    status: int
    entries: int = 0
    new_entries: int = 0
    added_facts: int = 0
    deliveries: int = 0


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in {"script", "style"}:
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in {"script", "style"}:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """Visible text of an HTML fragment, one paragraph per line."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def entry_key(entry: Any) -> str:
    for field in ("id", "link"):
        value = entry.get(field)
        if value:
            return str(value)[:500]
    basis = f"{entry.get('title', '')}\n{entry.get('summary', '')}"
    return "sha256:" + hashlib.sha256(basis.encode()).hexdigest()


def entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    html = max((str(c.get("value", "")) for c in contents), key=len, default="") or str(entry.get("summary", ""))
    return html_to_text(html)


def entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    return time.strftime("%Y-%m-%d", parsed) if parsed else None


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int
    etag: str | None
    last_modified: str | None
    body: bytes


async def fetch(client: httpx.AsyncClient, url: str, etag: str | None, modified: str | None) -> Fetched:
    """GET with the validators of last time, reading at most MAX_FEED_BYTES."""
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        async with client.stream("GET", url, headers=headers, follow_redirects=True) as response:
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > MAX_FEED_BYTES:
                    raise FeedError(f"{url}: larger than {MAX_FEED_BYTES} bytes")
            return Fetched(
                response.status_code,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
                bytes(body),
            )
    except httpx.HTTPError as error:
        raise FeedError(f"{url}: {error}") from error


def _entry_article(entry: Any, feed_lang: str, publisher: str | None) -> Article:
    """An entry as an article: HTML to text and parsing, up to 200k characters — run in a worker thread."""
    link = str(entry.get("link") or "")
    return parse_article(
        entry_text(entry) or str(entry.get("title", "")),
        title=str(entry.get("title") or "") or None,
        date=entry_date(entry),
        lang=feed_lang if feed_lang in LANGS else None,
        url=link if link.startswith(("http://", "https://")) else None,
        publisher=publisher,
        min_words=1,  # a feed entry is often a one-sentence summary
    )


async def poll_feed(store: Store, client: httpx.AsyncClient, url: str, *, now: float | None = None) -> FeedReport:
    """Fetch one feed (conditionally) and ingest the entries never seen before.

    On a feed's first successful poll its current entries are history, not news: they are ingested
    without notifying anyone, so adding a feed does not flood every subscriber. Entries that appear
    after that are announced as usual.
    """
    now = time.time() if now is None else now
    first_poll = not await store.feed_known(url)
    etag, modified = await store.feed_state(url)
    response = await fetch(client, url, etag, modified)
    if response.status == 304:
        await store.set_feed_state(url, etag, modified, now)
        return FeedReport(url, 304)
    if response.status >= 400:
        raise FeedError(f"{url}: HTTP {response.status}")
    parsed = await asyncio.to_thread(feedparser.parse, response.body)
    if parsed.get("bozo") and not parsed.entries:
        raise FeedError(f"{url}: not a feed ({parsed.get('bozo_exception')})")
    feed_lang = str(parsed.feed.get("language", ""))[:2].lower()
    publisher = str(parsed.feed.get("title") or "") or None
    new = added = deliveries = 0
    for entry in parsed.entries:
        key = entry_key(entry)
        if await store.feed_entry_seen(url, key):
            continue
        new += 1
        source_id = None
        try:
            article = await asyncio.to_thread(_entry_article, entry, feed_lang, publisher)
        except ArticleError as error:
            log.info("feed %s: entry %s skipped: %s", url, key, error)
        else:
            report = await ingest_article(store, article, now=now, notify=not first_poll)
            source_id, added, deliveries = (
                report.source_id,
                added + len(report.added),
                deliveries + report.deliveries,
            )
        await store.mark_feed_entry(url, key, source_id, now)
    await store.set_feed_state(url, response.etag, response.last_modified, now)
    return FeedReport(url, response.status, len(parsed.entries), new, added, deliveries)
