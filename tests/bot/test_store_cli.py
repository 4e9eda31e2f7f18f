"""`radford-bot migrate-store`: SQLite to PostgreSQL and back, everything carried over and verified."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest

from bot.cli import main
from knowledge.base import Knowledge
from knowledge.ingest import ingest_article, parse_article
from knowledge.store import open_store
from knowledge.topics import everything
from tests.conftest import ARTICLE
from tests.postgres import fresh_schema

TABLES = ("sources", "entities", "facts", "fact_sources", "preferences", "subscriptions", "updates", "deliveries",
          "feeds", "feed_entries")  # fmt: skip


async def cli(*argv: str) -> int:
    """The command line as a process runs it (its own event loop), from this test's loop."""
    return await asyncio.to_thread(main, list(argv))


async def snapshot(url: str) -> dict[str, object]:
    store = await open_store(url)
    try:
        rows = {}
        for table in TABLES:
            found = await store._fetchall(f"SELECT * FROM {table}")  # type: ignore[attr-defined]
            rows[table] = sorted(tuple(str(r[k]) for k in r.keys()) for r in found)  # noqa: SIM118 - a Record iterates values
        rows["digest"] = await store.knowledge_digest()
        return rows
    finally:
        await store.close()


async def seeded(path: Path) -> str:
    url = f"sqlite:///{path}"
    store = await open_store(url)
    try:
        await Knowledge.load(store)
        for n in range(5):
            await store.subscribe("telegram", str(100 + n), everything())
        await store.set_preference("telegram", "100", "lang", "fr")
        await ingest_article(store, parse_article(ARTICLE))
        await store.set_feed_state("https://example.org/feed", '"etag"', None, time.time())
        await store.mark_feed_entry("https://example.org/feed", "entry-1", None, time.time())
    finally:
        await store.close()
    return url


async def test_sqlite_to_postgresql_and_back_carries_everything(tmp_path: Path, capsys) -> None:
    source = await seeded(tmp_path / "source.db")
    async with fresh_schema("copy") as target:
        assert await cli("migrate-store", source, target) == 0
        out = capsys.readouterr().out
        assert "copied and verified" in out and "deliveries" in out
        original, copied = await snapshot(source), await snapshot(target)
        assert copied == original
        assert len(original["deliveries"]) == 5 and len(original["facts"]) > 50  # type: ignore[arg-type]
        # PostgreSQL numbers new rows past the copied ids.
        store = await open_store(target)
        try:
            subscription, _ = await store.subscribe("discord", "9", everything())
            assert subscription.id == 6
        finally:
            await store.close()
        back = f"sqlite:///{tmp_path / 'back.db'}"
        assert await cli("migrate-store", target, back) == 0
        returned = await snapshot(back)
        assert {t: returned[t] for t in TABLES if t != "subscriptions"} == {
            t: original[t] for t in TABLES if t != "subscriptions"
        }
        assert len(returned["subscriptions"]) == 6  # type: ignore[arg-type]
        assert returned["digest"] == original["digest"]


async def test_a_target_that_is_not_empty_is_refused(tmp_path: Path, capsys) -> None:
    source = await seeded(tmp_path / "source.db")
    target = await seeded(tmp_path / "target.db")
    assert await cli("migrate-store", source, target) == 1
    assert "not empty" in capsys.readouterr().err


async def test_backup_of_a_postgresql_store_points_to_pg_dump(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys
) -> None:
    monkeypatch.setenv("DATABASE_URL", "postgresql://postgres@127.0.0.1:5432/test?schema=unused")
    assert await cli("backup", str(tmp_path / "copy.db")) == 2
    assert "pg_dump" in capsys.readouterr().err
    assert not (tmp_path / "copy.db").exists()
