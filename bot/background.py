"""Everything the bot runs besides answering: a broadcaster per platform, the feed poller, and a watcher
that refreshes the in-memory knowledge when another process added facts.

Each piece gets its own database connection: a broadcaster's transaction on the connection the core
answers from would swallow (or block) the core's own statements. SQLite in WAL mode lets them share the file.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import cast

from bot.adapters.base import Sender
from bot.broadcast import Broadcaster
from bot.core import Core
from bot.lease import Lease
from bot.pacer import LIMITS, UNLIMITED, Pacer, share_of
from knowledge.builder import UPDATED_KEY
from knowledge.store import Store, open_store

log = logging.getLogger(__name__)
FEED_LEASE = "feed-poller"
INDEX_LEASE = "matcher-index-build"


def senders_of(adapters: Sequence[object]) -> list[Sender]:
    """The adapters that can deliver broadcasts (they implement `Sender`: `platform` and `send`)."""
    found: list[Sender] = []
    for adapter in adapters:
        if isinstance(getattr(adapter, "platform", None), str) and callable(getattr(adapter, "send", None)):
            found.append(cast(Sender, adapter))
    return found


def follow_moves(sender: object, store: Store) -> None:
    """Adapters that report chat id changes (`on_chat_moved`, Telegram) move the chat's subscriptions too."""
    if not hasattr(sender, "on_chat_moved") or sender.on_chat_moved is not None:
        return
    platform = cast(Sender, sender).platform

    async def moved(old_chat_id: str, new_chat_id: str) -> None:
        count = await store.move_chat(platform, old_chat_id, new_chat_id)
        log.info("%s chat %s is now %s: %d subscriptions moved", platform, old_chat_id, new_chat_id, count)

    sender.on_chat_moved = moved


class Background:
    def __init__(
        self,
        core: Core,
        senders: list[Sender],
        database_url: str,
        *,
        feeds: tuple[str, ...] = (),
        feeds_allow_http: frozenset[str] = frozenset(),
        feed_interval: float = 900.0,
        poll_interval: float = 2.0,
        retention: float = 30 * 86400.0,
        maintenance_interval: float = 3600.0,
        index_delay: float = 60.0,
        broadcasters_sharing: int = 1,
    ) -> None:
        self.core = core
        self.senders = senders
        self.database_url = database_url
        self.feeds = feeds
        self.feeds_allow_http = feeds_allow_http
        self.feed_interval = feed_interval
        self.poll_interval = poll_interval
        self.retention = retention
        self.maintenance_interval = maintenance_interval
        self.index_delay = index_delay
        self.broadcasters_sharing = broadcasters_sharing
        self._index_stale = asyncio.Event()
        self.broadcasters: list[Broadcaster] = []
        self._stores: list[Store] = []
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        for sender in self.senders:
            store = await self._open()
            limits = share_of(LIMITS.get(sender.platform, UNLIMITED), self.broadcasters_sharing)
            broadcaster = Broadcaster(store, sender, pacer=Pacer(limits), poll_interval=self.poll_interval)
            self.broadcasters.append(broadcaster)
            follow_moves(sender, store)
            broadcaster.start()
            log.info("broadcasting to %s", sender.platform)
        self._spawn("knowledge-watcher", self._watch_updates, await self._open())
        self._spawn("outbox-maintenance", self._maintain, await self._open())
        self._spawn("index-saver", self._save_index, await self._open())
        if self.feeds:
            self._spawn("feed-poller", self._poll_feeds, await self._open())

    async def stop(self) -> None:
        await asyncio.gather(*(b.stop() for b in self.broadcasters), return_exceptions=True)
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await task
        for store in self._stores:
            with contextlib.suppress(Exception):
                await store.close()
        self.broadcasters, self._tasks, self._stores = [], [], []

    async def _open(self) -> Store:
        store = await open_store(self.database_url)
        self._stores.append(store)
        return store

    def _spawn(self, name: str, loop: Callable[[Store], Awaitable[None]], store: Store) -> None:
        self._tasks.append(asyncio.create_task(self._run(loop, store), name=name))

    @staticmethod
    async def _run(loop: Callable[[Store], Awaitable[None]], store: Store) -> None:
        await loop(store)

    @staticmethod
    async def _knowledge_mark(store: Store) -> tuple[int, str | None]:
        """What changes whenever the stored knowledge does.

        The newest update row catches ingests that brought new facts; `meta.last_update` also moves on a
        `radford-bot build` and on an ingest that only repeated known facts (new sources, no update row).
        """
        return await store.latest_update_id(), await store.get_meta(UPDATED_KEY)

    async def _watch_updates(self, store: Store) -> None:
        """Answers include facts that `radford-bot ingest`, a build, a feed or another host added, within seconds.

        On PostgreSQL a NOTIFY from the writing process wakes the watcher at once; the poll stays as the
        fallback (and is all SQLite has).
        """
        seen = await self._knowledge_mark(store)
        wake = asyncio.Event()
        try:
            if await store.listen_knowledge(wake.set):
                log.info("listening for knowledge changes from other processes")
        except Exception:
            log.exception("cannot listen for knowledge changes; polling every %.0f s", self.poll_interval)
        while True:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(wake.wait(), self.poll_interval)
            wake.clear()
            try:
                latest = await self._knowledge_mark(store)
                if latest != seen:
                    seen = latest
                    await self.core.knowledge.refresh()
                    self._index_stale.set()
                    log.info("knowledge refreshed: %d facts", len(self.core.knowledge.facts))
                    for broadcaster in self.broadcasters:
                        broadcaster.nudge()
            except Exception:
                log.exception("could not refresh the knowledge; trying again shortly")

    async def _maintain(self, store: Store) -> None:
        """Finish fan-outs a crashed process left half-written, then prune what the retention lets go."""
        while True:
            try:
                added = await store.fan_out_pending()
                if added:
                    log.info("finished an interrupted fan-out: %d deliveries written", added)
                await store.forget_idle(time.time())
                pruned = await store.prune(time.time() - self.retention)
                if pruned.deliveries or pruned.updates or pruned.feed_entries:
                    log.info(
                        "pruned %d deliveries, %d updates, %d feed entries older than %.0f days",
                        pruned.deliveries,
                        pruned.updates,
                        pruned.feed_entries,
                        self.retention / 86400,
                    )
            except Exception:
                log.exception("outbox maintenance failed; trying again later")
            await asyncio.sleep(self.maintenance_interval)

    async def _save_index(self, store: Store) -> None:
        """After the knowledge changed, have the saved matcher index rebuilt, so the next start loads it.

        The running matcher cannot be pickled while it answers (and is extended); a child process builds and
        saves it instead (`radford-bot index`), a while after the last change, by one process at a time.
        """
        lease = Lease(store, INDEX_LEASE, ttl=6 * 3600.0)
        while True:
            await self._index_stale.wait()
            await asyncio.sleep(self.index_delay)  # let a burst of ingests settle first
            self._index_stale.clear()
            try:
                if not await lease.acquire():
                    continue
                try:
                    child = await asyncio.create_subprocess_exec(
                        sys.executable, "-m", "bot", "index",
                        env={**os.environ, "DATABASE_URL": self.database_url},
                        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
                    )  # fmt: skip
                    try:
                        out, err = await child.communicate()
                    except asyncio.CancelledError:
                        child.kill()  # the bot is stopping: the next change (or start) saves it instead
                        raise
                    if child.returncode == 0:
                        log.info("%s", out.decode().strip())
                    else:
                        log.warning("saving the matcher index failed: %s", err.decode().strip()[-500:])
                finally:
                    await lease.release()
            except Exception:
                log.exception("saving the matcher index failed")

    @staticmethod
    async def _our_turn(lease: Lease) -> bool:
        try:
            if await lease.acquire():
                return True
            log.debug("feeds: %s polls them; this process waits", await lease.other_holder())
        except Exception:
            log.exception("feeds: cannot take the polling lease; trying again next round")
        return False

    async def _poll_feeds(self, store: Store) -> None:
        import httpx

        from knowledge.feeds import FeedError, FeedPolicy, poll_feeds

        policy = FeedPolicy(allow_http=self.feeds_allow_http)
        # One process at a time polls (replicas would fetch every feed N times and race to ingest it): the
        # holder renews the lease each round; if it dies, another takes over once the lease runs out.
        lease = Lease(store, FEED_LEASE, ttl=self.feed_interval + 120.0)
        async with httpx.AsyncClient(timeout=30.0) as client:
            while True:
                if not await self._our_turn(lease):
                    await asyncio.sleep(self.feed_interval)
                    continue
                results = await poll_feeds(store, client, self.feeds, policy=policy)
                for url, result in zip(self.feeds, results, strict=True):
                    if isinstance(result, FeedError):
                        log.warning("feed %s: %s", url, result)
                    elif isinstance(result, Exception):
                        log.error("feed %s failed", url, exc_info=result)
                    elif result.new_entries:
                        log.info("feed %s: %d new entries, %d new facts", url, result.new_entries, result.added_facts)
                await asyncio.sleep(self.feed_interval)
