"""Talking to the core as an adapter would (the `core` fixture comes from tests/conftest.py)."""

from __future__ import annotations

import pytest

from bot.core import Core
from handlers.types import Incoming, Reply


class Chat:
    """One user in one chat, talking to the core as an adapter would."""

    def __init__(
        self, core: Core, *, platform: str = "console", chat: str = "c1", user: str = "u1", locale: str | None = None
    ) -> None:
        self.core, self.platform, self.chat, self.user, self.locale = core, platform, chat, user, locale

    async def say(self, text: str) -> Reply:
        return await self.core.handle(Incoming.from_text(self.platform, self.chat, self.user, text, locale=self.locale))


@pytest.fixture
def chat(core: Core) -> Chat:
    return Chat(core)
