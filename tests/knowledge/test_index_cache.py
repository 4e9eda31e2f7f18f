"""The saved matcher index: a second start loads it and answers exactly as a fresh build; new facts, new
code or a damaged blob rebuild it; an index that cannot be pickled leaves the bot working. Both engines."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

import knowledge.index_cache as index_cache
from knowledge.base import Knowledge, _build_matcher
from knowledge.ingest import ingest_article, parse_article
from knowledge.matcher import MatchResult
from knowledge.store import Store, open_store
from tests.conftest import ARTICLE
from tests.knowledge.test_matcher_equivalence import _questions
from tests.postgres import fresh_schema


@pytest.fixture(params=["sqlite", "postgresql"])
async def store(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[Store]:
    if request.param == "sqlite":
        opened = await open_store(f"sqlite:///{tmp_path / 'bot.db'}")
        try:
            yield opened
        finally:
            await opened.close()
        return
    async with fresh_schema("index") as url:
        opened = await open_store(url)
        try:
            yield opened
        finally:
            await opened.close()


def counting_builds(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts real index builds (Knowledge.load passes `_build_matcher` to the cache)."""
    builds: list[int] = []

    def build(facts, entities, sources=()):  # type: ignore[no-untyped-def]
        builds.append(len(facts))
        return _build_matcher(facts, entities, sources)

    monkeypatch.setattr("knowledge.base._build_matcher", build)
    return builds


def view(result: MatchResult) -> tuple[object, ...]:
    candidates = (result.best, *result.alternatives)
    return (result.answered, result.reason, [(c.fact.id, c.score) for c in candidates if c is not None])


async def test_a_second_start_loads_the_index_and_answers_exactly_the_same(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    builds = counting_builds(monkeypatch)
    built = await Knowledge.load(store)
    assert len(builds) == 1 and await store.saved_index() is not None
    loaded = await Knowledge.load(store)
    assert len(builds) == 1, "the second start loaded the saved index"
    assert loaded.facts == built.facts and loaded.matcher is not built.matcher
    questions = _questions()
    assert len(questions) > 400
    for question in questions:
        assert view(loaded.ask(question)) == view(built.ask(question)), question
    # The loaded facts share the loaded entities rather than copies of them.
    assert all(a is b for a, b in zip(loaded.matcher.entities.values(), loaded.entities, strict=True))


async def test_new_facts_rebuild_the_index_and_save_it_again(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = counting_builds(monkeypatch)
    first = await Knowledge.load(store)
    saved = await store.saved_index()
    report = await ingest_article(store, parse_article(ARTICLE))
    assert report.added
    again = await Knowledge.load(store)
    assert len(builds) == 2 and len(again.facts) == len(first.facts) + len(report.added)
    assert await store.saved_index() not in (None, saved)
    assert len(await store._fetchall("SELECT DISTINCT name FROM matcher_index")) == 1  # type: ignore[attr-defined]
    await Knowledge.load(store)
    assert len(builds) == 2


async def test_another_matcher_version_never_loads_an_old_index(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    builds = counting_builds(monkeypatch)
    await Knowledge.load(store)
    monkeypatch.setattr(index_cache, "INDEX_FORMAT", index_cache.INDEX_FORMAT + 1)
    index_cache.code_fingerprint.cache_clear()
    try:
        await Knowledge.load(store)
    finally:
        index_cache.code_fingerprint.cache_clear()
    assert len(builds) == 2


async def test_a_damaged_index_is_rebuilt_not_fatal(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    builds = counting_builds(monkeypatch)
    first = await Knowledge.load(store)
    name = await store.saved_index()
    await store._execute("UPDATE matcher_index SET data = ? WHERE name = ?", (b"not a pickle", name))  # type: ignore[attr-defined]
    with caplog.at_level(logging.WARNING):
        again = await Knowledge.load(store)
    assert len(builds) == 2 and again.facts == first.facts
    assert "could not be read" in caplog.text


async def test_an_index_that_cannot_be_pickled_leaves_the_bot_working(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def build(facts, entities, sources=()):  # type: ignore[no-untyped-def]
        matcher = _build_matcher(facts, entities, sources)
        matcher.scorer_of_the_day = lambda text: text  # type: ignore[attr-defined]
        return matcher

    monkeypatch.setattr("knowledge.base._build_matcher", build)
    with caplog.at_level(logging.WARNING):
        knowledge = await Knowledge.load(store)
    assert "cannot be saved" in caplog.text
    assert await store.saved_index() is None
    assert knowledge.ask("When did Alec Radford join OpenAI?").answered


async def test_a_store_that_refuses_the_index_leaves_the_bot_working(
    store: Store, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """Before: a failed write of the index (here the store refuses every chunk) failed the whole start."""

    async def refuse(name: str, seq: int, data: bytes) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(store, "put_index_chunk", refuse)
    with caplog.at_level(logging.WARNING):
        knowledge = await Knowledge.load(store)
    assert "could not be saved in the store" in caplog.text
    assert knowledge.ask("When did Alec Radford join OpenAI?").answered
