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
import dataclasses
import hashlib
import ipaddress
import logging
import socket
import time
from collections.abc import Awaitable, Callable, Sequence
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
FETCH_DEADLINE = 60.0  # seconds for a whole fetch: connecting, every redirect and the last byte of the body
MAX_REDIRECTS = 3
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Awaitable[list[Address]]]
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


def is_private_address(address: Address) -> bool:
    """Loopback, private ranges, link-local (cloud metadata), and every other address not on the internet."""
    return not address.is_global or address.is_multicast


async def resolve(host: str, port: int) -> list[Address]:
    """Every address `host` resolves to (an IP literal is its own); none when it does not resolve."""
    try:
        return [ipaddress.ip_address(host)]
    except ValueError:
        pass
    try:
        infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return []
    return [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]


@dataclass(frozen=True, slots=True)
class FeedPolicy:
    """What a feed fetch may do. A feed is third-party content: it gets a deadline, a size, a few redirects,
    https only (unless the operator allows plain http for that feed), and no way to point us inside.

    `private` says which addresses a public feed may not redirect to; tests, whose servers are all on
    127.0.0.1, pass their own rule (the real one would see no public address at all).
    """

    deadline: float = FETCH_DEADLINE
    max_bytes: int = MAX_FEED_BYTES
    max_redirects: int = MAX_REDIRECTS
    allow_http: frozenset[str] = frozenset()  # feed URLs (as configured) that may use plain http
    private: Callable[[Address], bool] = dataclasses.field(default=is_private_address)
    resolver: Resolver = dataclasses.field(default=resolve)

    async def is_private_host(self, url: httpx.URL) -> bool:
        addresses = await self.resolver(url.host, url.port or (443 if url.scheme == "https" else 80))
        return any(self.private(address) for address in addresses)


async def check_hop(policy: FeedPolicy, feed: str, source: httpx.URL | None, target: httpx.URL) -> None:
    """Refuse a URL the fetch of `feed` may not go to: not http(s), plain http the operator did not allow,
    or a private address reached by a redirect from a public one."""
    if target.scheme not in ("http", "https"):
        raise FeedError(f"{feed}: refused to go to {target.scheme}: URLs")
    if target.scheme == "http" and feed not in policy.allow_http:
        raise FeedError(f"{feed}: refused plain http ({target}); list the feed in FEEDS_ALLOW_HTTP to allow it")
    if source is not None and not await policy.is_private_host(source) and await policy.is_private_host(target):
        raise FeedError(f"{feed}: refused a redirect from a public address to a private one ({target.host})")


@dataclass(frozen=True, slots=True)
class Fetched:
    status: int
    etag: str | None
    last_modified: str | None
    body: bytes


async def fetch(
    client: httpx.AsyncClient,
    url: str,
    etag: str | None,
    modified: str | None,
    policy: FeedPolicy | None = None,
) -> Fetched:
    """GET with the validators of last time, within the policy: one deadline for everything (a server that
    drips a byte a second cannot keep it alive), at most `max_bytes`, redirects followed one by one."""
    policy = policy or FeedPolicy()
    headers = {"User-Agent": USER_AGENT}
    if etag:
        headers["If-None-Match"] = etag
    if modified:
        headers["If-Modified-Since"] = modified
    try:
        async with asyncio.timeout(policy.deadline):
            return await _follow(client, url, headers, policy)
    except TimeoutError:
        raise FeedError(f"{url}: not fetched within {policy.deadline:g} s") from None
    except httpx.HTTPError as error:
        raise FeedError(f"{url}: {error}") from error


async def _follow(client: httpx.AsyncClient, feed: str, headers: dict[str, str], policy: FeedPolicy) -> Fetched:
    source: httpx.URL | None = None
    target = httpx.URL(feed)
    for _ in range(policy.max_redirects + 1):
        await check_hop(policy, feed, source, target)
        async with client.stream("GET", target, headers=headers, follow_redirects=False) as response:
            location = response.headers.get("Location")
            if response.status_code in _REDIRECTS and location:
                source, target = target, target.join(location)
                continue
            declared = response.headers.get("Content-Length", "")
            if declared.isdigit() and int(declared) > policy.max_bytes:
                raise FeedError(f"{feed}: larger than {policy.max_bytes} bytes ({declared} announced)")
            body = bytearray()
            async for chunk in response.aiter_bytes():
                body += chunk
                if len(body) > policy.max_bytes:
                    raise FeedError(f"{feed}: larger than {policy.max_bytes} bytes")
            return Fetched(
                response.status_code,
                response.headers.get("ETag"),
                response.headers.get("Last-Modified"),
                bytes(body),
            )
    raise FeedError(f"{feed}: more than {policy.max_redirects} redirects")


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


async def poll_feeds(
    store: Store,
    client: httpx.AsyncClient,
    urls: Sequence[str],
    *,
    policy: FeedPolicy | None = None,
) -> list[FeedReport | Exception]:
    """Every feed at once, each within its own deadline, so one slow feed delays none of the others; their
    ingests take turns on the store. Returns a report or the error, per feed, in order."""
    turn = asyncio.Lock()
    results = await asyncio.gather(
        *(poll_feed(store, client, url, policy=policy, store_lock=turn) for url in urls), return_exceptions=True
    )
    for result in results:
        if isinstance(result, BaseException) and not isinstance(result, Exception):
            raise result  # cancellation and the like are not a feed's failure
    return [result for result in results if isinstance(result, FeedReport | Exception)]


async def poll_feed(
    store: Store,
    client: httpx.AsyncClient,
    url: str,
    *,
    now: float | None = None,
    policy: FeedPolicy | None = None,
    store_lock: asyncio.Lock | None = None,
) -> FeedReport:
    """Fetch one feed (conditionally) and ingest the entries never seen before.

    On a feed's first successful poll its current entries are history, not news: they are ingested
    without notifying anyone, so adding a feed does not flood every subscriber. Entries that appear
    after that are announced as usual. `store_lock` lets several feeds share one store connection.
    """
    turn = store_lock or asyncio.Lock()
    async with turn:
        first_poll = not await store.feed_known(url)
        etag, modified = await store.feed_state(url)
    response = await fetch(client, url, etag, modified, policy)
    async with turn:
        return await _ingest(store, url, response, first_poll, time.time() if now is None else now)


async def _ingest(store: Store, url: str, response: Fetched, first_poll: bool, now: float) -> FeedReport:
    etag, modified = await store.feed_state(url)
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
