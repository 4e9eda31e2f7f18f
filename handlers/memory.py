"""Short per-chat memory: whom the conversation is about, so "and when did she leave?" makes sense.

Bounded (least recently used chats are forgotten first) and short-lived (a topic expires after
`ttl` seconds): follow-ups are a conversational nicety, not state worth a database.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass


@dataclass(slots=True)
class Turn:
    subject: str | None
    lang: str | None
    at: float
    fact_id: str | None = None  # the fact the chat's last answer came from, for a bare `/source`


class ConversationMemory:
    def __init__(
        self, *, ttl: float = 900.0, capacity: int = 50_000, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._turns: OrderedDict[str, Turn] = OrderedDict()
        self._ttl = ttl
        self._capacity = capacity
        self._clock = clock

    def recall(self, chat_key: str) -> Turn | None:
        turn = self._turns.get(chat_key)
        if turn is None:
            return None
        if self._clock() - turn.at > self._ttl:
            del self._turns[chat_key]
            return None
        self._turns.move_to_end(chat_key)
        return turn

    def remember(
        self, chat_key: str, *, subject: str | None = None, lang: str | None = None, fact_id: str | None = None
    ) -> None:
        previous = self.recall(chat_key)
        self._turns[chat_key] = Turn(
            subject if subject is not None else (previous.subject if previous else None),
            lang if lang is not None else (previous.lang if previous else None),
            self._clock(),
            fact_id if fact_id is not None else (previous.fact_id if previous else None),
        )
        self._turns.move_to_end(chat_key)
        while len(self._turns) > self._capacity:
            self._turns.popitem(last=False)

    def __len__(self) -> int:
        return len(self._turns)
