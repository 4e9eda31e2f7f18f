"""What is not an article is refused with one clear line and an unchanged store; removing one is clean."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.base import Knowledge
from knowledge.discovered import all_entities, merge_entities
from knowledge.ingest import (
    MAX_ARTICLE_BYTES,
    ArticleError,
    check_text,
    decode_article,
    ingest_article,
    parse_article,
    remove_article,
)
from knowledge.models import Entity, Localized
from knowledge.store.sqlite_facts import SQLiteStore
from tests.conftest import ARTICLE


async def snapshot(store: SQLiteStore) -> tuple[int, int, int]:
    return len(await store.sources()), await store.count_facts(), len(await store.discovered_entities())


def test_binary_non_utf8_and_oversized_bytes_are_refused() -> None:
    with pytest.raises(ArticleError, match="binary") as binary:
        decode_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert binary.value.key == "article-binary"
    with pytest.raises(ArticleError, match="not UTF-8") as latin:
        decode_article("Un article écrit en Latin-1.".encode("latin-1"))
    assert latin.value.key == "article-not-utf8"
    with pytest.raises(ArticleError, match="bytes") as big:
        decode_article(b"word " * (MAX_ARTICLE_BYTES // 5 + 1))
    assert big.value.key == "article-too-long"
    assert decode_article("\ufeffDéjà vu.".encode()) == "Déjà vu."  # a UTF-8 BOM is fine


def test_control_characters_short_and_empty_texts_are_refused() -> None:
    with pytest.raises(ArticleError, match="control character"):
        check_text("Some text\x07 with a bell")
    with pytest.raises(ArticleError, match="fewer than 40 words") as short:
        parse_article("OpenAI said something in 2024. " * 3)
    assert short.value.key == "article-too-short"
    with pytest.raises(ArticleError, match="no text"):
        parse_article("\n \n")
    assert parse_article(ARTICLE).title == "Murati's new lab hires former OpenAI researchers"


async def test_reingesting_the_same_text_is_a_no_op_that_says_so(store: SQLiteStore) -> None:
    await Knowledge.load(store)
    first = await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    before = await snapshot(store)
    mark = await store.get_meta("last_update")
    again = await ingest_article(store, parse_article(ARTICLE), now=2000.0)
    assert again.already and not again.added and again.facts == len(first.added)
    assert await snapshot(store) == before and await store.get_meta("last_update") == mark


async def test_discovered_entities_are_stored_with_their_source_and_removed_with_it(store: SQLiteStore) -> None:
    knowledge = await Knowledge.load(store)
    seed = await snapshot(store)
    report = await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    names = {e.name for e in await store.discovered_entities()}
    assert {"San Francisco", "London"} <= names
    assert report.entities == len(await store.discovered_entities())
    await knowledge.refresh()
    assert knowledge.find_entity("San Francisco") is not None
    assert await remove_article(store, report.source_id, now=3000.0)
    assert await snapshot(store) == seed
    assert await store.get_meta("last_update") == "1970-01-01T00:50:00Z"  # bots refresh on this mark
    await knowledge.refresh()
    assert knowledge.find_entity("San Francisco") is None
    assert not [f for f in knowledge.facts if f.source == report.source_id]
    assert not await remove_article(store, report.source_id)


async def test_only_ingested_articles_can_be_removed(store: SQLiteStore) -> None:
    with pytest.raises(ArticleError, match="not an ingested article"):
        await remove_article(store, "seed-radford-fr")
    assert any(s.id == "seed-radford-fr" for s in await store.sources())


def test_merged_entities_keep_the_gazetteer_and_add_aliases() -> None:
    murati = Entity("murati", "person", "Mira Murati", ("murati",), Localized("CTO", "CTO"))
    alias = Entity("murati", "person", "Mira Murati", ("murati", "M. Murati"), Localized("", ""))
    new = Entity("corvid", "organization", "Corvid", (), Localized("", ""))
    merged = merge_entities([murati], [alias, new])
    assert merged[0].aliases == ("murati", "M. Murati") and merged[0].role.en == "CTO"
    assert merged[1] == new


async def test_all_entities_reads_both_tables(store: SQLiteStore) -> None:
    await store.set_source_entities("seed-radford-fr", [Entity("x", "organization", "Xylo", (), Localized("", ""))])
    assert "x" in {e.id for e in await all_entities(store)}


async def test_the_discovered_entities_migration_runs_on_a_store_that_already_has_its_table(tmp_path: Path) -> None:
    """IF NOT EXISTS: a store built while this migration had another number opens without an error."""
    import sqlite3

    path = tmp_path / "old.db"
    first = await SQLiteStore.open(path)
    version = await first.schema_version()
    await first.close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {version - 1}")
    again = await SQLiteStore.open(path)
    try:
        assert await again.schema_version() == version and await again.discovered_entities() == []
    finally:
        await again.close()
