"""Feeds served on 127.0.0.1: polled twice, the second poll adds nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar

import httpx
import pytest

from knowledge.base import Knowledge
from knowledge.feeds import FeedError, FeedPolicy, html_to_text, poll_feed
from knowledge.store.sqlite_facts import SQLiteStore
from knowledge.topics import everything

RSS = b"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>AI Wire</title><language>en-us</language>
<item><guid>wire-1</guid><title>Murati hires</title><link>https://example.org/wire-1</link>
<pubDate>Tue, 18 Feb 2025 10:00:00 GMT</pubDate>
<description>&lt;p&gt;Mira Murati announced on 2025-02-18 that her company hired twenty researchers.&lt;/p&gt;
</description></item>
<item><guid>wire-2</guid><title>Schulman speaks</title><link>https://example.org/wire-2</link>
<description>John Schulman said in March 2025 that he talks with Alec Radford every month.
</description></item>
</channel></rss>"""


LATER_ITEM = b"""<item><guid>wire-3</guid><title>Sutskever returns</title><link>https://example.org/wire-3</link>
<description>Ilya Sutskever said in April 2025 that he met Alec Radford in Paris.</description></item>
"""


class FeedServer(BaseHTTPRequestHandler):
    honour_validators = True
    body = RSS
    requests: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).requests.append(dict(self.headers))
        if self.path == "/broken":
            self.send_response(500)
            self.end_headers()
            return
        etag = f'"v{len(self.body)}"'
        if self.honour_validators and self.headers.get("If-None-Match") == etag:
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", etag)
        self.send_header("Last-Modified", "Tue, 18 Feb 2025 10:00:00 GMT")
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def allowing(*urls: str) -> FeedPolicy:
    """The test servers speak plain http on 127.0.0.1: allowed per feed, as an operator would."""
    return FeedPolicy(allow_http=frozenset(urls))


@pytest.fixture
def feed_url() -> Iterator[str]:
    FeedServer.requests = []
    FeedServer.body = RSS
    server = ThreadingHTTPServer(("127.0.0.1", 0), FeedServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize("honour", [True, False], ids=["304", "ignores-validators"])
async def test_second_poll_adds_nothing(store: SQLiteStore, feed_url: str, honour: bool) -> None:
    FeedServer.honour_validators = honour
    await Knowledge.load(store)
    await store.subscribe("console", "local", everything())
    async with httpx.AsyncClient() as client:
        first = await poll_feed(store, client, feed_url + "/feed.xml", policy=allowing(feed_url + "/feed.xml"))
        second = await poll_feed(store, client, feed_url + "/feed.xml", policy=allowing(feed_url + "/feed.xml"))
    # The first poll is the feed's back catalogue: stored, announced to nobody.
    assert (first.new_entries, first.added_facts, first.deliveries) == (2, 2, 0)
    assert await store.outbox_counts() == {}
    assert second.new_entries == 0 and second.added_facts == 0 and second.deliveries == 0
    assert second.status == (304 if honour else 200)
    assert FeedServer.requests[1].get("If-None-Match") == f'"v{len(RSS)}"'
    assert FeedServer.requests[1].get("If-Modified-Since") == "Tue, 18 Feb 2025 10:00:00 GMT"
    sources = {s.title: s for s in await store.sources()}
    assert sources["Murati hires"].url == "https://example.org/wire-1"
    assert sources["Murati hires"].date == "2025-02-18" and sources["Murati hires"].publisher == "AI Wire"


async def test_only_entries_after_the_first_poll_are_announced(store: SQLiteStore, feed_url: str) -> None:
    await Knowledge.load(store)
    await store.subscribe("console", "local", everything())
    async with httpx.AsyncClient() as client:
        await poll_feed(store, client, feed_url + "/feed.xml", policy=allowing(feed_url + "/feed.xml"))
        assert await store.latest_update_id() == 0
        FeedServer.body = RSS.replace(b"</channel>", LATER_ITEM + b"</channel>")
        later = await poll_feed(store, client, feed_url + "/feed.xml", policy=allowing(feed_url + "/feed.xml"))
    assert (later.new_entries, later.added_facts, later.deliveries) == (1, 1, 1)
    assert await store.outbox_counts() == {("console", "pending"): 1}
    [delivery] = await store.claim_deliveries("console", 10**12, worker="test")
    assert (await store.source_by_id(delivery.source_id)).title == "Sutskever returns"  # type: ignore[union-attr]


async def test_entries_are_parsed_off_the_event_loop(
    store: SQLiteStore, feed_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """HTML to text and parse_article take up to 200k characters each: never on the loop that answers."""
    import knowledge.feeds as feeds

    threads: list[str] = []
    real_text, real_parse = feeds.html_to_text, feeds.parse_article

    def text(html: str) -> str:
        threads.append(threading.current_thread().name)
        return real_text(html)

    def parse(raw: str, **options: Any) -> Any:
        threads.append(threading.current_thread().name)
        return real_parse(raw, **options)

    monkeypatch.setattr(feeds, "html_to_text", text)
    monkeypatch.setattr(feeds, "parse_article", parse)
    async with httpx.AsyncClient() as client:
        await poll_feed(store, client, feed_url + "/feed.xml", policy=allowing(feed_url + "/feed.xml"))
    assert len(threads) == 4 and threading.main_thread().name not in threads


async def test_a_broken_feed_raises_a_feed_error(store: SQLiteStore, feed_url: str) -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(FeedError):
            await poll_feed(store, client, feed_url + "/broken", policy=allowing(feed_url + "/broken"))
        with pytest.raises(FeedError):
            nowhere = "http://127.0.0.1:9/nothing-listens-here"
            await poll_feed(store, client, nowhere, policy=allowing(nowhere))


def test_html_to_text() -> None:
    assert html_to_text("<p>One &amp; two</p><script>x()</script><p>Three</p>") == "One & two\nThree"
