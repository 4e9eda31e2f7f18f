"""Feeds are third-party content: attacks by hostile feed servers, all served on 127.0.0.1 (and 127.0.0.2).

The real rule sees no public address on this machine, so these tests say explicitly that 127.0.0.1 is
"public" for them (`PUBLIC`); every other address keeps the real classification.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import IPv4Address, ip_address
from typing import ClassVar

import httpx
import pytest

from knowledge.feeds import (
    Address,
    FeedError,
    FeedPolicy,
    check_hop,
    fetch,
    is_private_address,
    poll_feeds,
)
from knowledge.store.sqlite_facts import SQLiteStore
from tests.knowledge.test_feeds import RSS

pytestmark = pytest.mark.timeout(60)
PUBLIC = IPv4Address("127.0.0.1")


def loopback_is_public(address: Address) -> bool:
    """The test's own rule: 127.0.0.1 plays a public host, everything else is classified for real."""
    return address != PUBLIC and is_private_address(address)


class Hostile(BaseHTTPRequestHandler):
    """/feed.xml: a good feed; /hop/N: N redirects before it; /to?<url>: a redirect to <url>;
    /big: more than the cap, announced; /big-chunked: more than the cap, unannounced."""

    requests: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        type(self).requests.append(self.path)
        if self.path.startswith("/hop/"):
            left = int(self.path.rsplit("/", 1)[1])
            self._redirect("/feed.xml" if left <= 1 else f"/hop/{left - 1}")
        elif self.path.startswith("/to?"):
            self._redirect(self.path.split("?", 1)[1])
        elif self.path == "/big":
            self._send(b"<rss>" + b"x" * 5_000 + b"</rss>")
        elif self.path == "/big-chunked":
            self.send_response(200)
            self.send_header("Connection", "close")
            self.end_headers()
            self.wfile.write(b"<rss>" + b"x" * 5_000)
            self.close_connection = True
        else:
            self._send(RSS)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/rss+xml")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass


def serve(host: str) -> Iterator[str]:
    server = ThreadingHTTPServer((host, 0), Hostile)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://{host}:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def site() -> Iterator[str]:
    Hostile.requests = []
    yield from serve("127.0.0.1")


@pytest.fixture
def inside() -> Iterator[str]:
    """A server on 127.0.0.2: an address the test's rule keeps private (as a LAN host would be)."""
    yield from serve("127.0.0.2")


@pytest.fixture
async def drip() -> AsyncIterator[str]:
    """Answers 200 at once, then drips one byte every 0.1 s for up to 20 s: no read ever times out."""

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        writer.write(b"HTTP/1.1 200 OK\r\nContent-Type: application/rss+xml\r\nConnection: close\r\n\r\n")
        try:
            for _ in range(200):
                writer.write(b"<")
                await writer.drain()
                await asyncio.sleep(0.1)
        except (ConnectionError, OSError):
            pass
        finally:
            writer.close()

    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}/feed.xml"
    finally:
        server.close()
        await server.wait_closed()


def policy(*urls: str, **options: object) -> FeedPolicy:
    return FeedPolicy(allow_http=frozenset(urls), private=loopback_is_public, **options)  # type: ignore[arg-type]


async def test_a_dripping_server_cannot_keep_a_fetch_past_its_deadline(drip: str) -> None:
    """Before: a byte a second kept a fetch alive long past its 2 s timeout (every single read was quick)."""
    started = time.monotonic()
    async with httpx.AsyncClient(timeout=2.0) as client:
        with pytest.raises(FeedError, match="within 1 s"):
            await asyncio.wait_for(fetch(client, drip, None, None, policy(drip, deadline=1.0)), 15)
    assert time.monotonic() - started < 2.5


async def test_one_slow_feed_does_not_hold_up_the_others(store: SQLiteStore, drip: str, site: str) -> None:
    """Before: feeds were polled one after the other, so a slow first feed delayed every later one."""
    good = site + "/feed.xml"
    async with httpx.AsyncClient(timeout=2.0) as client:
        polling = asyncio.create_task(poll_feeds(store, client, [drip, good], policy=policy(drip, good, deadline=3.0)))
        started = time.monotonic()
        while not [s for s in await store.sources() if s.title == "Murati hires"]:
            assert time.monotonic() - started < 2.0, "the good feed waited for the slow one"
            await asyncio.sleep(0.05)
        assert not polling.done(), "the slow feed is still dripping meanwhile"
        slow, report = await polling
    assert isinstance(slow, FeedError) and "within 3 s" in str(slow)
    assert not isinstance(report, Exception) and report.new_entries == 2


async def test_a_feed_larger_than_the_cap_is_refused(site: str) -> None:
    async with httpx.AsyncClient() as client:
        for path in ("/big", "/big-chunked"):
            url = site + path
            with pytest.raises(FeedError, match="larger than 1000 bytes"):
                await fetch(client, url, None, None, policy(url, max_bytes=1000))


async def test_at_most_three_redirects_are_followed(site: str) -> None:
    """Before: httpx followed up to twenty."""
    async with httpx.AsyncClient() as client:
        three = site + "/hop/3"
        assert (await fetch(client, three, None, None, policy(three))).status == 200
        Hostile.requests = []
        four = site + "/hop/4"
        with pytest.raises(FeedError, match="more than 3 redirects"):
            await fetch(client, four, None, None, policy(four))
    assert "/feed.xml" not in Hostile.requests


@pytest.mark.parametrize("inner", ["inside", "http://169.254.169.254/latest/meta-data/", "http://[::1]:9/x"])
async def test_a_public_feed_cannot_redirect_to_a_private_address(site: str, inside: str, inner: str) -> None:
    """Before: a feed on the internet could point the bot at its LAN, its loopback or the cloud metadata."""
    target = inside + "/feed.xml" if inner == "inside" else inner
    feed = f"{site}/to?{target}"
    async with httpx.AsyncClient() as client:
        with pytest.raises(FeedError, match="from a public address to a private one"):
            await fetch(client, feed, None, None, policy(feed))
        # The same server reached directly is the operator's choice, and allowed.
        if inner == "inside":
            direct = inside + "/feed.xml"
            assert (await fetch(client, direct, None, None, policy(direct))).status == 200


async def test_plain_http_is_refused_unless_the_operator_allows_that_feed(site: str) -> None:
    url = site + "/feed.xml"
    async with httpx.AsyncClient() as client:
        with pytest.raises(FeedError, match="FEEDS_ALLOW_HTTP"):
            await fetch(client, url, None, None, policy())
        assert Hostile.requests == [], "refused before any request"
        assert (await fetch(client, url, None, None, policy(url))).status == 200
        ftp = f"{site}/to?ftp://127.0.0.1/feed.xml"
        with pytest.raises(FeedError, match="ftp"):
            await fetch(client, ftp, None, None, policy(ftp))


async def test_an_https_feed_may_not_be_redirected_to_plain_http() -> None:
    feed = "https://news.example/feed.xml"
    public = FeedPolicy(resolver=lambda host, port: _addresses("93.184.216.34"))
    with pytest.raises(FeedError, match="plain http"):
        await check_hop(public, feed, httpx.URL(feed), httpx.URL("http://news.example/feed.xml"))
    allowed = FeedPolicy(allow_http=frozenset({feed}), resolver=public.resolver)
    await check_hop(allowed, feed, httpx.URL(feed), httpx.URL("http://news.example/feed.xml"))
    await check_hop(public, feed, httpx.URL(feed), httpx.URL("https://cdn.example/feed.xml"))


async def _addresses(*values: str) -> list[Address]:
    return [ip_address(v) for v in values]


@pytest.mark.parametrize(
    ("address", "private"),
    [
        ("127.0.0.1", True), ("10.1.2.3", True), ("172.16.0.1", True), ("192.168.1.1", True),
        ("169.254.169.254", True), ("0.0.0.0", True), ("100.64.0.1", True), ("::1", True), ("fd00::1", True),
        ("fe80::1", True), ("224.0.0.1", True), ("93.184.216.34", False), ("2606:4700::1111", False),
    ],
)  # fmt: skip
def test_the_real_rule_knows_private_addresses(address: str, private: bool) -> None:
    assert is_private_address(ip_address(address)) is private
