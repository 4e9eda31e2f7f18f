"""A core over a private copy of the store, built once per session and copied for each test."""

from __future__ import annotations

import asyncio
import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from handlers.types import Incoming, Reply
from knowledge.builder import ensure_built
from knowledge.store import open_store


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("store") / "bot.db"

    async def build() -> None:
        store = await open_store(f"sqlite:///{path}")
        try:
            await ensure_built(store)
        finally:
            await store.close()

    asyncio.run(build())
    return path


@pytest.fixture
async def core(built_store: Path, tmp_path: Path) -> AsyncIterator[Core]:
    path = tmp_path / "bot.db"
    shutil.copy(built_store, path)
    opened = await Core.open(f"sqlite:///{path}")
    try:
        yield opened
    finally:
        await opened.close()


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
