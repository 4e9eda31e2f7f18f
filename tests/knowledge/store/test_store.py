"""The store on both engines: one transaction per source, preferences; SQLite's file, WAL and URL."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import asyncpg
import pytest

from knowledge.loader import load_bundle
from knowledge.migrations import latest_version
from knowledge.models import Fact, FactDate, Localized, Source
from knowledge.store import Store, StoreURLError, SyncReport, open_store, sqlite_path
from knowledge.store.sqlite_facts import SQLiteStore

SOURCE = Source("news-1", "A news article", "en", "2024-12-20", "https://example.org/a", "Example", "Body text.")


def make_fact(fact_id: str, text: str = "Radford left OpenAI.", **changes: object) -> Fact:
    fact = Fact(
        id=fact_id,
        kind="event",
        subject="radford",
        entities=("radford", "openai"),
        source=SOURCE.id,
        sentence=text,
        text=Localized(text, "Radford a quitté OpenAI."),
        date=FactDate("2024-12", "month"),
        timeline=True,
        questions_en=("Did Radford leave?",),
        questions_fr=("Radford est-il parti ?",),
    )
    return replace(fact, **changes)  # type: ignore[arg-type]


@pytest.fixture
async def store(store_url: str) -> AsyncIterator[Store]:
    opened = await open_store(store_url)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
async def sqlite_store(tmp_path: Path) -> AsyncIterator[SQLiteStore]:
    opened = await SQLiteStore.open(tmp_path / "bot.db")
    try:
        yield opened
    finally:
        await opened.close()


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as db:
        return {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


async def test_migrations_create_the_schema_and_set_user_version(sqlite_store: SQLiteStore, tmp_path: Path) -> None:
    assert {"sources", "entities", "facts", "fact_sources", "meta", "preferences"} <= tables(tmp_path / "bot.db")
    assert await sqlite_store.schema_version() == latest_version()
    with sqlite3.connect(tmp_path / "bot.db") as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == await sqlite_store.schema_version()


async def test_the_database_is_in_wal_mode(sqlite_store: SQLiteStore, tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "bot.db") as db:
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


async def test_reopening_keeps_the_data_and_does_not_migrate_again(store_url: str) -> None:
    first = await open_store(store_url)
    await first.sync_source(SOURCE, [make_fact("f1")])
    version = await first.schema_version()  # type: ignore[attr-defined]
    await first.close()
    again = await open_store(store_url)
    try:
        assert version == latest_version()
        assert await again.schema_version() == version  # type: ignore[attr-defined]
        assert [f.id for f in await again.facts()] == ["f1"]
    finally:
        await again.close()


async def test_open_creates_missing_folders(tmp_path: Path) -> None:
    store = await open_store(f"sqlite:///{tmp_path / 'a' / 'b' / 'bot.db'}")
    await store.close()
    assert (tmp_path / "a" / "b" / "bot.db").is_file()


async def test_sync_source_round_trips_sources_and_facts(store: Store) -> None:
    fact = make_fact("f1", when=Localized("before", "avant"), curated=False)
    report = await store.sync_source(SOURCE, [fact])
    assert report == SyncReport(added=("f1",))
    assert report.changed
    assert await store.sources() == [SOURCE]
    assert await store.facts() == [fact]
    assert await store.count_facts() == 1


async def test_sync_source_again_changes_nothing(store: Store) -> None:
    facts = [make_fact("f1"), make_fact("f2", "Murati resigned.")]
    await store.sync_source(SOURCE, facts)
    report = await store.sync_source(SOURCE, facts)
    assert report == SyncReport()
    assert not report.changed


async def test_sync_source_reports_exactly_the_edited_fact(store: Store) -> None:
    await store.sync_source(SOURCE, [make_fact("f1"), make_fact("f2", "Murati resigned.")])
    report = await store.sync_source(
        SOURCE, [make_fact("f1", "Radford left OpenAI in December."), make_fact("f2", "Murati resigned.")]
    )
    assert report == SyncReport(updated=("f1",))
    facts = {f.id: f for f in await store.facts()}
    assert facts["f1"].text.en == "Radford left OpenAI in December."
    assert facts["f2"].text.en == "Murati resigned."


async def test_sync_source_prunes_facts_no_longer_given(store: Store) -> None:
    await store.sync_source(SOURCE, [make_fact("f1"), make_fact("f2", "Murati resigned.")])
    report = await store.sync_source(SOURCE, [make_fact("f1")])
    assert report == SyncReport(removed=("f2",))
    assert [f.id for f in await store.facts()] == ["f1"]


async def test_sync_source_without_prune_keeps_other_facts(store: Store) -> None:
    await store.sync_source(SOURCE, [make_fact("f1"), make_fact("f2", "Murati resigned.")])
    report = await store.sync_source(SOURCE, [make_fact("f3", "McGrew resigned.")], prune=False)
    assert report == SyncReport(added=("f3",))
    assert [f.id for f in await store.facts()] == ["f1", "f2", "f3"]


async def test_prune_only_touches_the_synced_source(store: Store) -> None:
    other = replace(SOURCE, id="news-2", title="Another article")
    await store.sync_source(SOURCE, [make_fact("f1")])
    await store.sync_source(other, [make_fact("g1", source="news-2")])
    await store.sync_source(SOURCE, [])
    assert [f.id for f in await store.facts()] == ["g1"]


async def test_a_failure_inside_sync_source_rolls_everything_back(store: Store) -> None:
    await store.sync_source(SOURCE, [make_fact("f1"), make_fact("f2", "Murati resigned.")])
    before_sources, before_facts = await store.sources(), await store.facts()
    renamed = replace(SOURCE, title="A renamed article")
    broken = make_fact("f3", "Broken.", date=FactDate("2024", "week"))  # type: ignore[arg-type]
    # f1 is edited, f2 removed, f3 violates a CHECK constraint: none of it may survive.
    with pytest.raises((sqlite3.IntegrityError, asyncpg.IntegrityConstraintViolationError)):
        await store.sync_source(renamed, [make_fact("f1", "Edited."), broken])
    assert await store.sources() == before_sources
    assert await store.facts() == before_facts
    # The connection is usable afterwards (no transaction left open).
    assert await store.sync_source(renamed, [make_fact("f1")]) == SyncReport(removed=("f2",))
    assert (await store.sources())[0].title == "A renamed article"


async def test_replace_entities(store: Store) -> None:
    entities = load_bundle().entities
    await store.replace_entities(entities)
    assert await store.entities() == sorted(entities, key=lambda e: e.id)
    await store.replace_entities(entities[:2])
    assert len(await store.entities()) == 2


async def test_meta(store: Store) -> None:
    assert await store.get_meta("data_digest") is None
    await store.set_meta("data_digest", "abc")
    await store.set_meta("data_digest", "def")
    assert await store.get_meta("data_digest") == "def"


async def test_preferences_set_get_delete(store: Store) -> None:
    assert await store.get_preference("telegram", "42", "lang") is None
    await store.set_preference("telegram", "42", "lang", "fr")
    await store.set_preference("discord", "42", "lang", "en")
    assert await store.get_preference("telegram", "42", "lang") == "fr"
    await store.set_preference("telegram", "42", "lang", "en")
    assert await store.get_preference("telegram", "42", "lang") == "en"
    await store.set_preference("telegram", "42", "lang", None)
    assert await store.get_preference("telegram", "42", "lang") is None
    assert await store.get_preference("discord", "42", "lang") == "en"  # other scopes untouched
    await store.set_preference("telegram", "42", "lang", None)  # deleting twice is fine


async def test_text_is_stored_as_data_never_as_sql(store: Store) -> None:
    hostile = "'; DROP TABLE facts; --"
    await store.set_preference("cli", hostile, "lang", hostile)
    await store.sync_source(SOURCE, [make_fact("f1", hostile)])
    assert await store.get_preference("cli", hostile, "lang") == hostile
    assert (await store.facts())[0].text.en == hostile


@pytest.mark.parametrize(
    ("url", "path"),
    [
        ("sqlite:////var/lib/radford-bot/bot.db", Path("/var/lib/radford-bot/bot.db")),
        ("sqlite:///relative.db", Path("relative.db")),
        ("sqlite:///data/bot.db", Path("data/bot.db")),
        ("sqlite3:////tmp/bot.db", Path("/tmp/bot.db")),
        ("/tmp/bare.db", Path("/tmp/bare.db")),
        ("sqlite:///~/bot.db", Path("~/bot.db").expanduser()),
    ],
)
def test_sqlite_path(url: str, path: Path) -> None:
    assert sqlite_path(url) == path


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgres://user@host/db", "unsupported database scheme 'postgres'"),  # not a SQLite URL
        ("mysql://host/db", "unsupported"),
        ("sqlite://relative.db", "names a file"),
        ("sqlite:///", "names a file"),
        ("sqlite://", "names a file"),
    ],
)
def test_sqlite_path_rejects_bad_urls(url: str, reason: str) -> None:
    with pytest.raises(StoreURLError, match=reason):
        sqlite_path(url)


async def test_a_write_during_another_coroutines_failing_transaction_is_not_rolled_back_with_it(store_url):
    """One connection serves every chat: a failed ingest must not take a /lang write down with it."""
    import asyncio

    store = await open_store(store_url)

    class Boom(Exception):
        pass

    async def failing_transaction() -> None:
        async with store._transaction():
            await store._execute("INSERT INTO meta (key, value) VALUES ('half', 'written')")
            await asyncio.sleep(0.05)
            raise Boom

    async def preference_meanwhile() -> None:
        await asyncio.sleep(0.01)
        await store.set_preference("telegram", "42", "lang", "fr")

    try:
        results = await asyncio.gather(failing_transaction(), preference_meanwhile(), return_exceptions=True)
        assert isinstance(results[0], Boom) and results[1] is None
        assert await store.get_preference("telegram", "42", "lang") == "fr"
        assert await store.get_meta("half") is None
    finally:
        await store.close()
