"""How far a multi-message reply got, so a retried broadcast resumes instead of starting over.

A reply longer than one platform message is sent as several. If a later one fails, the broadcaster
retries the whole delivery; without this, the chat would get the first parts twice. Each Sender keeps, per
(chat, digest of the rendered parts), how many parts the platform confirmed, and skips them on the next
try. It is in memory and bounded: a retry after a restart (or on another host) starts over, which is
the rare case; the common one (a flood limit or a network error mid-reply) never duplicates anything.
The entry is dropped once the whole reply went through, so the same text sent later is sent in full.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Iterable

ProgressKey = tuple[str, str]


class ChunkProgress:
    def __init__(self, capacity: int = 2048) -> None:
        self.capacity = capacity
        self._done: OrderedDict[ProgressKey, int] = OrderedDict()

    @staticmethod
    def key(chat_id: str, parts: Iterable[str]) -> ProgressKey:
        """Identifies one rendered reply to one chat: the same message retried gets the same key."""
        digest = hashlib.sha256()
        for part in parts:
            digest.update(part.encode("utf-8", "surrogatepass"))
            digest.update(b"\0")
        return chat_id, digest.hexdigest()

    def delivered(self, key: ProgressKey) -> int:
        """How many leading parts of this reply already reached the chat."""
        return self._done.get(key, 0)

    def record(self, key: ProgressKey, count: int) -> None:
        self._done[key] = count
        self._done.move_to_end(key)
        while len(self._done) > self.capacity:
            self._done.popitem(last=False)

    def finish(self, key: ProgressKey) -> None:
        self._done.pop(key, None)

    def __len__(self) -> int:
        return len(self._done)
