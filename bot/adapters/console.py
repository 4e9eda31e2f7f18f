"""The console adapter: chat with the bot in a terminal, through the same core as every platform.

In a terminal, prompt_toolkit reads the line (editing, history in a file beside the store) and
`patch_stdout` prints anything that arrives meanwhile — a subscription's news — above the prompt, then
redraws the prompt and what the user had typed. Piped input is read line by line without a prompt and
each line is echoed after `you> `, so a transcript reads like the conversation. Ctrl-D, Ctrl-C and the end
of piped input end the chat cleanly, on a line of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from bot.core import Core
from handlers.markup import render_plain
from handlers.types import Incoming, Reply, Suggestion

PLATFORM = "console"
PROMPT = "you> "
HISTORY_FILE = "console_history"
_QUIT = {"/quit", "/exit", ":q", "quit", "exit"}

ReadLine = Callable[[str], Awaitable[str | None]]


def history_path(store_path: Path | None, data_dir: Path) -> Path:
    """Beside the store when it is a file named by an absolute path, else in the user's data directory:
    never in whatever directory the chat happens to be started from."""
    if store_path is not None and store_path.is_absolute():
        return store_path.parent / HISTORY_FILE
    return data_dir / HISTORY_FILE


def interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


class TerminalInput:
    """Lines from a terminal through prompt_toolkit, with a history file (imported only here)."""

    def __init__(self, history: Path | None, *, terminal: dict[str, Any] | None = None) -> None:
        """`terminal` passes prompt_toolkit's `input` and `output` (tests give a pipe and a buffer)."""
        from prompt_toolkit import PromptSession
        from prompt_toolkit.history import FileHistory, History, InMemoryHistory

        store: History = InMemoryHistory()
        if history is not None:
            with contextlib.suppress(OSError):
                history.parent.mkdir(parents=True, exist_ok=True)
                history.touch(exist_ok=True)
                store = FileHistory(str(history))
        self.session: PromptSession[str] = PromptSession(history=store, **(terminal or {}))

    async def __call__(self, prompt: str) -> str | None:
        try:
            line: str = await self.session.prompt_async(prompt)
            return line
        except EOFError:  # Ctrl-D: prompt_toolkit has already ended the prompt's line
            return None

    @staticmethod
    @contextlib.contextmanager
    def printing_above() -> Iterator[None]:
        """While the prompt waits, whatever is printed goes above it and the typed text is redrawn."""
        from prompt_toolkit.patch_stdout import patch_stdout

        with patch_stdout(raw=True):
            yield


class PipedInput:
    """Lines from a pipe or a file: no prompt to draw, each line echoed as the user's turn."""

    def __init__(self, out: TextIO | None = None) -> None:
        self.out = out

    async def __call__(self, prompt: str) -> str | None:
        raw: bytes = await asyncio.to_thread(sys.stdin.buffer.readline)
        if not raw:
            return None
        line = raw.decode("utf-8", errors="replace").rstrip("\r\n")
        out = self.out or sys.stdout
        out.write(f"{prompt}{line}\n")
        out.flush()
        return line


def format_reply(reply: Reply) -> str:
    text = render_plain(reply.blocks)
    if reply.suggestions:
        choices = "\n".join(f"  [{n}] {s.label}" for n, s in enumerate(reply.suggestions, start=1))
        text += "\n" + choices
    return text


def indented(text: str) -> str:
    """Continuation lines under the `bot> ` tag; blank lines stay empty."""
    return "\n".join(("     " + line) if line and n else line for n, line in enumerate(text.split("\n")))


class ConsoleChat:
    """One conversation in the terminal; numbers pick the suggestions of the last reply."""

    def __init__(
        self,
        core: Core,
        *,
        read_line: ReadLine | None = None,
        out: TextIO | None = None,
        user: str = "local",
    ) -> None:
        self.core = core
        self.read_line = read_line or PipedInput(out)
        self._out = out  # None: whatever sys.stdout is when printing (patch_stdout replaces it)
        self.user = user
        self._last_suggestions: tuple[Suggestion, ...] = ()

    @property
    def out(self) -> TextIO:
        return self._out or sys.stdout

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
        self._print("bot> " + indented(format_reply(reply)) + "\n")
        return reply

    async def run(self) -> None:
        welcome = await self.send("/start")
        self._print(self.core.catalog.t(welcome.lang, "console-hint") + "\n")
        while True:
            try:
                line = await self.read_line(PROMPT)
            except KeyboardInterrupt:
                self._print("")  # Ctrl-C leaves the cursor after the prompt: end on a line of its own
                return
            if line is None or line.strip().lower() in _QUIT:
                return
            if line.strip():
                await self.send(line)


class ConsoleSender:
    """The console's `Sender`: broadcasts are printed, so subscriptions work without any platform token.

    It writes to whatever `sys.stdout` is at that moment, so under `patch_stdout` the news appears above
    the prompt instead of in the middle of what the user is typing.
    """

    platform = PLATFORM

    def __init__(self, out: TextIO | None = None) -> None:
        self._out = out

    async def send(self, chat_id: str, reply: Reply) -> None:
        out = self._out or sys.stdout
        text = indented(format_reply(reply))
        out.write(f"📣 [{chat_id}] {text}\n\n")
        out.flush()
