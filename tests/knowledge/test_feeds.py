"""Feeds served on 127.0.0.1: polled twice, the second poll adds nothing."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import ClassVar

import httpx
import pytest

from knowledge.base import Knowledge
from knowledge.feeds import FeedError, html_to_text, poll_feed
from knowledge.sqlite_store import SQLiteStore
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


class FeedServer(BaseHTTPRequestHandler):
    honour_validators = True
    requests: ClassVar[list[dict[str, str]]] = []

    def do_GET(self) -> None:
        type(self).requests.append(dict(self.headers))
        if self.path == "/broken":
            self.send_response(500)
            self.end_headers()
            return
        if self.honour_validators and self.headers.get("If-None-Match") == '"v1"':
            self.send_response(304)
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("ETag", '"v1"')
        self.send_header("Last-Modified", "Tue, 18 Feb 2025 10:00:00 GMT")
        self.send_header("Content-Length", str(len(RSS)))
        self.end_headers()
        self.wfile.write(RSS)

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def feed_url() -> Iterator[str]:
    FeedServer.requests = []
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
        first = await poll_feed(store, client, feed_url + "/feed.xml")
        second = await poll_feed(store, client, feed_url + "/feed.xml")
    assert (first.new_entries, first.added_facts, first.deliveries) == (2, 2, 2)
    assert second.new_entries == 0 and second.added_facts == 0 and second.deliveries == 0
    assert second.status == (304 if honour else 200)
    assert FeedServer.requests[1].get("If-None-Match") == '"v1"'
    assert FeedServer.requests[1].get("If-Modified-Since") == "Tue, 18 Feb 2025 10:00:00 GMT"
    sources = {s.title: s for s in await store.sources()}
    assert sources["Murati hires"].url == "https://example.org/wire-1"
    assert sources["Murati hires"].date == "2025-02-18" and sources["Murati hires"].publisher == "AI Wire"


async def test_a_broken_feed_raises_a_feed_error(store: SQLiteStore, feed_url: str) -> None:
    async with httpx.AsyncClient() as client:
        with pytest.raises(FeedError):
            await poll_feed(store, client, feed_url + "/broken")
        with pytest.raises(FeedError):
            await poll_feed(store, client, "http://127.0.0.1:9/nothing-listens-here")


def test_html_to_text() -> None:
    assert html_to_text("<p>One &amp; two</p><script>x()</script><p>Three</p>") == "One & two\nThree"
