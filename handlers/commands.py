"""Every command, declared once as data: adapters register this list natively, `/help` is built from it.

Descriptions live in the catalogues (`cmd-<name>`, `param-<command>-<name>`) so the help text, Telegram's
`setMyCommands` and Discord's slash commands can never drift apart.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Literal

from handlers import articles, ask, help, settings, sources, subscribe, timeline, who
from handlers.context import Context
from handlers.i18n import SUPPORTED, catalog
from handlers.types import Incoming, Reply

Handler = Callable[[Context, Incoming], Awaitable[Reply]]
Autocomplete = Literal["people", "timeline", "facts"]


@dataclass(frozen=True, slots=True)
class Param:
    name: str
    command: str
    required: bool = False
    choices: tuple[str, ...] = ()
    autocomplete: Autocomplete | None = None

    def description(self, lang: str) -> str:
        return catalog().t(lang, f"param-{self.command}-{self.name}")


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    handler: Handler
    params: tuple[Param, ...] = ()
    hidden: bool = False
    admin: bool = False  # only ADMIN_IDS (and the local console) may run it; the core checks
    writes: bool = False  # changes stored state: refused to inline queries and button presses
    chat_admin: bool = False  # changes the chat's own settings: in a group, only its administrators

    def description(self, lang: str) -> str:
        return catalog().t(lang, f"cmd-{self.name}")

    def descriptions(self) -> dict[str, str]:
        return {lang: self.description(lang) for lang in SUPPORTED}


COMMANDS: tuple[Command, ...] = (
    Command("start", help.handle_start, hidden=True),
    Command("help", help.handle_help),
    Command("ask", ask.handle, (Param("question", "ask", required=True),)),
    Command("timeline", timeline.handle, (Param("filter", "timeline", autocomplete="timeline"),)),
    Command("who", who.handle_who, (Param("person", "who", required=True, autocomplete="people"),)),
    Command("people", who.handle_people),
    Command("sources", sources.handle_sources),
    Command(
        "source",
        sources.handle_source,
        (Param("fact", "source", required=True, autocomplete="facts"),),
        hidden=True,
    ),
    Command("lang", settings.handle_lang, (Param("language", "lang", choices=("en", "fr", "auto")),), writes=True),
    Command("about", settings.handle_about),
    Command(
        "subscribe",
        subscribe.handle_subscribe,
        (
            Param("topic", "subscribe", autocomplete="people"),
            Param("mode", "subscribe", choices=("immediate", "digest")),
            Param("time", "subscribe"),
        ),
        writes=True,
        chat_admin=True,
    ),
    Command(
        "unsubscribe",
        subscribe.handle_unsubscribe,
        (Param("topic", "unsubscribe"),),
        writes=True,
        chat_admin=True,
    ),
    Command("subscriptions", subscribe.handle_subscriptions),
    Command(
        "addarticle",
        articles.handle_addarticle,
        (Param("text", "addarticle", required=True),),
        hidden=True,
        admin=True,
        writes=True,
    ),
    Command(
        "removearticle",
        articles.handle_removearticle,
        (Param("id", "removearticle", required=True),),
        hidden=True,
        admin=True,
    ),
)
_BY_NAME = {command.name: command for command in COMMANDS}


def find_command(name: str) -> Command | None:
    return _BY_NAME.get(name.lower())


def visible_commands() -> tuple[Command, ...]:
    return tuple(c for c in COMMANDS if not c.hidden)
