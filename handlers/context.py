"""What a handler may use besides the message: knowledge, strings, memory and preferences."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.i18n import Catalog
from handlers.memory import ConversationMemory
from knowledge.base import Knowledge
from knowledge.store import Store

LANG_KEY = "lang"


@dataclass(slots=True)
class Context:
    knowledge: Knowledge
    catalog: Catalog
    memory: ConversationMemory
    store: Store
    lang: str
    version: str
    admin_ids: frozenset[str] = frozenset()

    def t(self, key: str, /, **args: str | int | float) -> str:
        return self.catalog.t(self.lang, key, **args)
