"""Every command, declared once as plain data: adapters register this list natively, `/help` is built from it.

Descriptions live in the catalogues (`cmd-<name>`, `param-<command>-<name>`, and `arg-<command>-<name>` for
the placeholder shown in usage lines) so the help text, Telegram's `setMyCommands` and Discord's slash
commands can never drift apart. Which function answers each command is `handlers.routes`' business: the
declarations name no handler, so every handler (help included) can read them without an import cycle.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from handlers.i18n import SUPPORTED, catalog

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

    def placeholder(self, lang: str) -> str:
        """The argument's name as a usage line shows it (`<person>`, `<personne>`)."""
        return catalog().t(lang, f"arg-{self.command}-{self.name}")


@dataclass(frozen=True, slots=True)
class Command:
    name: str
    params: tuple[Param, ...] = ()
    hidden: bool = False
    admin: bool = False  # only ADMIN_IDS (and the local console) may run it; the core checks
    writes: bool = False  # changes stored state: refused to inline queries and button presses
    chat_admin: bool = False  # changes the chat's own settings: in a group, only its administrators

    def description(self, lang: str) -> str:
        return catalog().t(lang, f"cmd-{self.name}")

    def descriptions(self) -> dict[str, str]:
        return {lang: self.description(lang) for lang in SUPPORTED}

    def usage(self, lang: str) -> str:
        """`/who <person>` / `/who <personne>`: required arguments in angle brackets, optional in square."""
        parts = [f"<{p.placeholder(lang)}>" if p.required else f"[{p.placeholder(lang)}]" for p in self.params]
        return " ".join([f"/{self.name}", *parts])


COMMANDS: tuple[Command, ...] = (
    Command("start", hidden=True),
    Command("help"),
    Command("ask", (Param("question", "ask", required=True),)),
    Command("timeline", (Param("filter", "timeline", autocomplete="timeline"),)),
    Command("who", (Param("person", "who", autocomplete="people"),)),
    Command("people"),
    Command("sources"),
    Command("source", (Param("fact", "source", autocomplete="facts"),)),
    Command("lang", (Param("language", "lang", choices=("en", "fr", "auto")),), writes=True),
    Command("about"),
    Command(
        "subscribe",
        (
            Param("topic", "subscribe", autocomplete="people"),
            Param("mode", "subscribe", choices=("immediate", "digest")),
            Param("time", "subscribe"),
        ),
        writes=True,
        chat_admin=True,
    ),
    Command("unsubscribe", (Param("topic", "unsubscribe"),), writes=True, chat_admin=True),
    Command("subscriptions"),
    Command("addarticle", (Param("text", "addarticle", required=True),), hidden=True, admin=True, writes=True),
    Command("removearticle", (Param("id", "removearticle", required=True),), hidden=True, admin=True, writes=True),
)
_BY_NAME = {command.name: command for command in COMMANDS}


def find_command(name: str) -> Command | None:
    return _BY_NAME.get(name.lower())


def visible_commands() -> tuple[Command, ...]:
    return tuple(c for c in COMMANDS if not c.hidden)
