"""One queue and one worker task per chat, so a chat waiting out a flood limit makes no other chat wait.

python-telegram-bot runs each update's handler in one of a fixed number of slots. A handler that slept
out a 429 (`retry after 5`) held its slot, and the chat's lock, all that time: 300 messages in a flooded
group took every slot and left private chats unanswered for minutes, and a stop waited for all of them.
Handlers now only put their work here and return at once; the chat's worker answers and sends in order,
and only that worker waits when its chat is rate-limited. Each chat's backlog is bounded.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Awaitable, Callable

log = logging.getLogger(__name__)

Job = Callable[[], Awaitable[None]]
MAX_PENDING = 50  # per chat: past this a flooded chat's new messages are dropped, with one log line


class ChatQueues:
    """FIFO work per chat. `stopping` is set by `close`, so a worker waiting out a flood can give up."""

    def __init__(
        self,
        name: str,
        *,
        max_pending: int = MAX_PENDING,
        on_drop: Callable[[str], None] | None = None,
        on_error: Callable[[str], None] | None = None,
    ) -> None:
        self.name = name
        self.max_pending = max_pending
        self.on_drop = on_drop
        self.on_error = on_error
        self.stopping = asyncio.Event()
        self._queues: dict[str, deque[Job]] = {}
        self._workers: dict[str, asyncio.Task[None]] = {}
        self._full: set[str] = set()  # chats whose overflow was logged, until their backlog drains

    def put(self, chat_id: str, job: Job) -> bool:
        """Queue `job` for `chat_id`; False (and the job dropped) when stopping or the chat's backlog is full."""
        if self.stopping.is_set():
            log.info("%s: stopping; a message in chat %s was not queued", self.name, chat_id)
            return False
        queue = self._queues.setdefault(chat_id, deque())
        if len(queue) >= self.max_pending:
            if chat_id not in self._full:
                self._full.add(chat_id)
                log.warning(
                    "%s: chat %s has %d messages waiting (flood limit?); dropping new ones until it drains",
                    self.name,
                    chat_id,
                    len(queue),
                )
            if self.on_drop is not None:
                self.on_drop(chat_id)
            return False
        queue.append(job)
        if chat_id not in self._workers:
            self._workers[chat_id] = asyncio.create_task(self._work(chat_id, queue), name=f"{self.name}-chat")
        return True

    def pending(self, chat_id: str | None = None) -> int:
        """Jobs waiting (not started) for one chat, or for all of them."""
        if chat_id is not None:
            return len(self._queues.get(chat_id, ()))
        return sum(len(queue) for queue in self._queues.values())

    async def _work(self, chat_id: str, queue: deque[Job]) -> None:
        try:
            while queue:
                job = queue.popleft()
                try:
                    await job()
                except Exception:
                    # The chat id and the exception, never the message: user text stays out of the logs.
                    log.exception("%s: failed to handle a message in chat %s", self.name, chat_id)
                    if self.on_error is not None:
                        self.on_error(chat_id)
        finally:
            # No await between the empty check above and here: `put` cannot slip a job in unseen.
            self._workers.pop(chat_id, None)
            if not queue:
                self._queues.pop(chat_id, None)
                self._full.discard(chat_id)

    async def close(self, grace: float) -> int:
        """Take no more work; let the workers finish their queues for up to `grace` seconds, then cancel
        them. Returns how many queued jobs never started."""
        self.stopping.set()
        workers = list(self._workers.values())
        if workers:
            _, late = await asyncio.wait(workers, timeout=grace)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)
        dropped = self.pending()
        self._queues.clear()
        self._workers.clear()
        return dropped
