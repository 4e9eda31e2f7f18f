"""Shared fixtures: a fresh store under tmp_path, built from knowledge/data, and a core over it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.core import Core
from knowledge.base import Knowledge
from knowledge.sqlite_store import SQLiteStore

ARTICLE = """\
# Murati's new lab hires former OpenAI researchers

Mira Murati announced on 2025-02-18 that her new company had hired about twenty researchers.
Several of them had worked with Alec Radford on GPT-2 and CLIP.
The weather was pleasant that day.
"""


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(tmp_path / "bot.db")
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def core(store: SQLiteStore) -> Core:
    return Core(await Knowledge.load(store), store)
