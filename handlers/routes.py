"""Which function answers each declared command: the one place that knows every handler module.

Kept apart from the declarations (`handlers.commands`), which stay plain data any handler can read. A
handler's module is imported when its command is first used: `ask` and `chat` start without the ingest
pipeline `/addarticle` needs, or the picture code `/timeline` draws with.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from importlib import import_module
from typing import cast

from handlers.context import Context
from handlers.types import Incoming, Reply

Handler = Callable[[Context, Incoming], Awaitable[Reply]]

HANDLERS: dict[str, str] = {  # command → "module:function" in handlers/
    "start": "help:handle_start",
    "help": "help:handle_help",
    "ask": "ask:handle",
    "timeline": "timeline:handle",
    "who": "who:handle_who",
    "people": "who:handle_people",
    "sources": "sources:handle_sources",
    "source": "sources:handle_source",
    "lang": "settings:handle_lang",
    "about": "settings:handle_about",
    "subscribe": "subscribe:handle_subscribe",
    "unsubscribe": "subscribe:handle_unsubscribe",
    "subscriptions": "subscribe:handle_subscriptions",
    "addarticle": "articles:handle_addarticle",
    "removearticle": "articles:handle_removearticle",
}


def handler_for(name: str) -> Handler:
    """The handler of a declared command (every declared command has one: a test checks)."""
    module, function = HANDLERS[name].split(":")
    return cast(Handler, getattr(import_module(f"handlers.{module}"), function))
