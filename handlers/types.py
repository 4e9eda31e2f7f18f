"""What travels between adapters and the core: an Incoming message in, a Reply out.

Adapters translate their platform's updates into `Incoming` and render `Reply`; nothing here knows any
platform, so every handler works the same on Telegram, Discord and the console.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Literal

from handlers.chart import TimelineChart
from handlers.markup import Block

ChatKind = Literal["private", "group"]
# `radford-bot ask` answers each question on its own and exits: nothing is remembered for it, and
# nothing could ever be delivered to it later.
ONE_SHOT_PLATFORMS = frozenset({"cli"})
ReplyKind = Literal["answer", "decline", "info", "error", "smalltalk"]
# Asks the platform whether the sender administers the chat (Telegram getChatMember, Discord Manage Server).
ChatAdminCheck = Callable[[], Awaitable[bool]]
_COMMAND = re.compile(r"^/([A-Za-z0-9_]{1,32})(?:@([A-Za-z0-9_]{1,64}))?(?:\s+(.*))?$", re.DOTALL)


@dataclass(frozen=True, slots=True)
class Incoming:
    """One message (or slash command) from a user, as every platform can describe it."""

    platform: str
    chat_id: str
    user_id: str
    text: str = ""
    chat_kind: ChatKind = "private"
    locale: str | None = None
    command: str | None = None
    args: str = ""
    addressed_to: str | None = None
    attachment: str | None = None  # the text of an attached .txt file, where the platform gave one
    # An inline query or a pressed button: the user did not send this to a chat, so it may ask questions and
    # run read-only commands only (anything else would change state one keystroke or one click at a time).
    read_only: bool = False
    # Filled by the adapter in groups; None there means nobody can be shown to be a chat administrator.
    is_chat_admin: ChatAdminCheck | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_text(cls, platform: str, chat_id: str, user_id: str, text: str, **extra: object) -> Incoming:
        """Build from raw text, splitting `/cmd@bot args` into command, addressee and arguments."""
        incoming = cls(platform, chat_id, user_id, text, **extra)  # type: ignore[arg-type]
        match = _COMMAND.match(text.strip())
        if match:
            return replace(
                incoming,
                command=match.group(1).lower(),
                addressed_to=match.group(2),
                args=(match.group(3) or "").strip(),
            )
        return incoming

    @property
    def user_key(self) -> str:
        return f"{self.platform}:{self.user_id}"

    @property
    def chat_key(self) -> str:
        return f"{self.platform}:{self.chat_id}"


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A button: `label` is shown, `query` is what pressing it sends (a question or a command)."""

    label: str
    query: str


@dataclass(frozen=True, slots=True)
class Citation:
    source_id: str
    title: str
    sentence: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Reply:
    """A platform-neutral reply. `answered`, `fact_id`, `score` and `citation` describe fact answers."""

    blocks: tuple[Block, ...]
    lang: str
    kind: ReplyKind = "info"
    title: str | None = None
    suggestions: tuple[Suggestion, ...] = ()
    answered: bool = False
    fact_id: str | None = None
    score: float | None = None
    citation: Citation | None = None
    answer_text: str | None = None
    chart: TimelineChart | None = None  # a picture to send with the text, where the platform shows images
    extra: dict[str, object] = field(default_factory=dict)
