"""Short per-chat memory: whom the conversation is about, so "and when did she leave?" makes sense.

Bounded (least recently used chats are forgotten first) and short-lived (a topic expires after
`ttl` seconds): in one process, follow-ups are a conversational nicety, not state worth a database. When
replicas share a store, a chat's next message may reach another process: `SharedConversationMemory`
reads the chat's turn from the store before the message is handled and writes it back after.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from knowledge.store import Store


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

    async def load(self, chat_key: str) -> None:
        """Before a message is handled: bring in what another process remembered (nothing to do here)."""

    async def save(self, chat_key: str) -> None:
        """After a message was handled: share what this one remembered (nothing to do here)."""


class SharedConversationMemory(ConversationMemory):
    """Turns kept in the store too (wall-clock times, comparable across hosts)."""

    def __init__(self, store: Store, *, ttl: float = 900.0, capacity: int = 50_000) -> None:
        super().__init__(ttl=ttl, capacity=capacity, clock=time.time)
        self.store = store
        self._loaded: dict[str, Turn] = {}

    async def load(self, chat_key: str) -> None:
        found = await self.store.recall_turn(chat_key, self._clock() - self._ttl)
        local = self._turns.get(chat_key)
        if found is not None and (local is None or found[2] > local.at):
            self._turns[chat_key] = Turn(*found)
        turn = self._turns.get(chat_key)
        if turn is not None:
            self._loaded[chat_key] = Turn(turn.subject, turn.lang, turn.at)

    async def save(self, chat_key: str) -> None:
        before = self._loaded.pop(chat_key, None)
        turn = self._turns.get(chat_key)
        if turn is not None and turn != before:
            await self.store.remember_turn(chat_key, turn.subject, turn.lang, turn.at)
