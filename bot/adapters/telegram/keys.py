"""Suggestion buttons carry their question in `callback_data`, which Telegram limits to 64 bytes.

A short question travels inside the button itself, so it still works after a restart; a longer one gets
a short key in a bounded in-memory map (oldest keys forgotten first). A forgotten key (after a restart)
is not lost: the adapter then asks the pressed button's label instead.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict

MAX_CALLBACK_DATA = 64
_INLINE = "q:"
_KEYED = "k:"


class CallbackKeys:
    def __init__(self, capacity: int = 5000) -> None:
        self.capacity = capacity
        self._queries: OrderedDict[str, str] = OrderedDict()

    def encode(self, query: str) -> str:
        """The callback_data for a button that asks `query` (always at most 64 bytes)."""
        data = _INLINE + query
        if len(data.encode("utf-8")) <= MAX_CALLBACK_DATA:
            return data
        key = _KEYED + hashlib.sha256(query.encode("utf-8")).hexdigest()[:20]
        self._queries[key] = query
        self._queries.move_to_end(key)
        while len(self._queries) > self.capacity:
            self._queries.popitem(last=False)
        return key

    def decode(self, data: str | None) -> str | None:
        """The query a button asks, or None for data we did not make or a key we have forgotten."""
        if not data:
            return None
        if data.startswith(_INLINE):
            return data[len(_INLINE) :] or None
        if data.startswith(_KEYED):
            return self._queries.get(data)
        return None

    def __len__(self) -> int:
        return len(self._queries)
