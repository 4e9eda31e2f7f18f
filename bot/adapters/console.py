"""The console adapter: chat with the bot in a terminal, through the same core as every platform.

Line editing and history come from `readline` where the terminal has it; input is read in a worker
thread so the event loop (and anything else running on it) never blocks on the keyboard.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from bot.core import Core
from handlers.markup import render_plain
from handlers.types import Incoming, Reply, Suggestion

PLATFORM = "console"
PROMPT = "you> "
_QUIT = {"/quit", "/exit", ":q", "quit", "exit"}

ReadLine = Callable[[str], Awaitable[str | None]]


def enable_line_editing(history: Path | None) -> None:
    """Arrow keys and history where the terminal supports them; silently nothing elsewhere."""
    try:
        import readline
    except ImportError:  # pragma: no cover - platforms without readline
        return
    if history is None:
        return
    with contextlib.suppress(OSError):
        history.parent.mkdir(parents=True, exist_ok=True)
        if history.exists():
            readline.read_history_file(str(history))
    readline.set_history_length(1000)
    import atexit

    atexit.register(lambda: _save_history(readline, history))


def _save_history(readline_module: object, history: Path) -> None:
    with contextlib.suppress(OSError):
        readline_module.write_history_file(str(history))  # type: ignore[attr-defined]


async def read_line_from_terminal(prompt: str) -> str | None:
    try:
        return await asyncio.to_thread(input, prompt)
    except EOFError:
        return None


def format_reply(reply: Reply) -> str:
    text = render_plain(reply.blocks)
    if reply.suggestions:
        choices = "\n".join(f"  [{n}] {s.label}" for n, s in enumerate(reply.suggestions, start=1))
        text += "\n" + choices
    return text


class ConsoleChat:
    """One conversation in the terminal; numbers pick the suggestions of the last reply."""

    def __init__(
        self,
        core: Core,
        *,
        read_line: ReadLine = read_line_from_terminal,
        out: TextIO | None = None,
        user: str = "local",
    ) -> None:
        self.core = core
        self.read_line = read_line
        self.out = out or sys.stdout
        self.user = user
        self._last_suggestions: tuple[Suggestion, ...] = ()

    def _print(self, text: str) -> None:
        self.out.write(text + "\n")
        self.out.flush()

    async def send(self, text: str) -> Reply:
        text = text.strip()
        if text.isdigit() and 1 <= int(text) <= len(self._last_suggestions):
            text = self._last_suggestions[int(text) - 1].query
            self._print(f"  → {text}")
        incoming = Incoming.from_text(PLATFORM, self.user, self.user, text, chat_kind="private")
        reply = await self.core.handle(incoming)
        self._last_suggestions = reply.suggestions
        self._print("bot> " + format_reply(reply).replace("\n", "\n     ") + "\n")
        return reply

    async def run(self) -> None:
        welcome = await self.send("/start")
        self._print(self.core.catalog.t(welcome.lang, "console-hint") + "\n")
        while True:
            try:
                line = await self.read_line(PROMPT)
            except KeyboardInterrupt:
                line = None
            if line is None or line.strip().lower() in _QUIT:
                self._print("")
                return
            if line.strip():
                await self.send(line)


class ConsoleSender:
    """The console's `Sender`: broadcasts are printed, so subscriptions work without any platform token."""

    platform = PLATFORM

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out or sys.stdout

    async def send(self, chat_id: str, reply: Reply) -> None:
        text = format_reply(reply).replace("\n", "\n     ")
        self.out.write(f"\n📣 [{chat_id}] {text}\n\n")
        self.out.flush()
