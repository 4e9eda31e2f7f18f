"""Shared fixtures: a store under tmp_path (a copy of one built per session), a core over it, a
DATABASE_URL for such a copy, and a clean logging setup and deterministic property tests in CI."""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from bot.core import Core
from knowledge.base import Knowledge
from knowledge.builder import ensure_built
from knowledge.store.sqlite_facts import SQLiteStore

ARTICLE = """\
# Murati's new lab hires former OpenAI researchers

Mira Murati announced on 2025-02-18 that her new company had hired about twenty researchers.
Several of them had worked with Alec Radford on GPT-2 and CLIP.
The weather was pleasant that day.
The hires will work in San Francisco and London, according to a person familiar with the plans, and more
are expected before the summer.
"""

# CI runs the property tests with a fixed seed, so a green main stays green; locally they explore.
settings.register_profile("ci", derandomize=True, deadline=None)
if os.environ.get("CI"):
    settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    """The CLI configures logging in-process; every test starts with the setup it found."""
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A store built from knowledge/data once per session; tests get copies."""
    path = tmp_path_factory.mktemp("store") / "bot.db"

    async def build() -> None:
        store = await SQLiteStore.open(path)
        try:
            await ensure_built(store)
        finally:
            await store.close()

    asyncio.run(build())
    return path


@pytest.fixture
async def store(built_store: Path, tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    path = tmp_path / "bot.db"
    shutil.copy(built_store, path)
    opened = await SQLiteStore.open(path)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def core(store: SQLiteStore) -> Core:
    return Core(await Knowledge.load(store), store)


@pytest.fixture
def database_url(built_store: Path, tmp_path: Path) -> str:
    """A DATABASE_URL for a private copy of the built store (never the user's data directory)."""
    path = tmp_path / "bot.db"
    shutil.copy(built_store, path)
    return f"sqlite:///{path}"
