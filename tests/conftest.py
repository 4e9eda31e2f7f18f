"""Suite-wide fixtures: logging restored after each test, and a store built once per session, copied per test."""

from __future__ import annotations

import asyncio
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _restore_logging() -> Iterator[None]:
    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    yield
    root.handlers[:] = handlers
    root.setLevel(level)


def _hypothesis_profiles() -> None:
    """CI runs the property tests with a fixed seed, so a green main stays green; locally they explore."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()


@pytest.fixture(scope="session")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The store built once from knowledge/data; tests use copies (`database_url`), never this file."""
    from knowledge.builder import ensure_built
    from knowledge.store import open_store

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
def database_url(built_store: Path, tmp_path: Path) -> str:
    """A private, already built copy of the store for one test (never the user's data directory)."""
    path = tmp_path / "bot.db"
    shutil.copy(built_store, path)
    return f"sqlite:///{path}"
