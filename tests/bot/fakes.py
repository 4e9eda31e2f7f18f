"""A fake platform for the broadcaster tests: records what it delivered, fails on demand."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.pacer import SimulatedClock
from handlers.markup import render_plain
from handlers.types import Reply

Fault = Callable[[str, int], Exception | None]


@dataclass
class FakeSender:
    """`fault(chat_id, call_number)` may return an exception to raise instead of delivering."""

    clock: SimulatedClock
    platform: str = "telegram"
    fault: Fault | None = None
    calls: int = 0
    delivered: list[tuple[float, str, str]] = field(default_factory=list)
    on_send: Callable[[int], None] | None = None

    async def send(self, chat_id: str, reply: Reply) -> None:
        self.calls += 1
        number = self.calls
        if self.on_send is not None:
            self.on_send(number)
        await asyncio.sleep(0)
        error = self.fault(chat_id, number) if self.fault else None
        if error is not None:
            raise error
        self.delivered.append((self.clock(), chat_id, render_plain(reply.blocks)))

    def per_chat(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for _, chat, _ in self.delivered:
            counts[chat] = counts.get(chat, 0) + 1
        return counts

    def max_in_window(self, window: float = 1.0) -> int:
        times = sorted(t for t, _, _ in self.delivered)
        best, start = 0, 0
        for end, t in enumerate(times):
            while times[start] <= t - window + 1e-9:
                start += 1
            best = max(best, end - start + 1)
        return best
