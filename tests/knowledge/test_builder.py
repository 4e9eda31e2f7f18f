"""Building the store from the data folder: first run, idempotent re-runs, edits and removals."""

from __future__ import annotations

import json
import shutil
import sqlite3
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from knowledge.builder import DIGEST_KEY, UPDATED_KEY, BuildReport, ensure_built
from knowledge.loader import DATA_DIR, load_bundle
from knowledge.store.sqlite_facts import SQLiteStore

FACT = "radford-joins-openai"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    copy = tmp_path / "data"
    shutil.copytree(DATA_DIR, copy)
    return copy


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SQLiteStore]:
    """A copy of the store already built from the shipped data folder."""
    opened = await SQLiteStore.open(Path(database_url.removeprefix("sqlite:///")))
    try:
        yield opened
    finally:
        await opened.close()


def edit_facts(data: Path, edit: Any) -> None:
    path = data / "facts.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    edit(content["facts"])
    path.write_text(json.dumps(content, ensure_ascii=False, indent=2), encoding="utf-8")


def rows(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT * FROM facts ORDER BY id").fetchall()


async def test_a_fresh_store_is_built_from_every_file(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "fresh.db")
    try:
        steps: list[tuple[int, int, str]] = []
        report = await ensure_built(store, progress=lambda done, total, name: steps.append((done, total, name)))
        bundle = load_bundle()
        assert report == BuildReport(True, added=len(bundle.facts), updated=0, removed=0)
        assert {f.id for f in await store.facts()} == {f.id for f in bundle.facts}
        assert {s.id for s in await store.sources()} == {s.id for s in bundle.sources}
        assert len(await store.entities()) == len(bundle.entities)
        assert await store.get_meta(DIGEST_KEY) == bundle.digest
        assert await store.get_meta(UPDATED_KEY)
        assert [step[0] for step in steps] == list(range(1, len(bundle.sources) + 1))
        assert {step[1] for step in steps} == {len(bundle.sources)}
    finally:
        await store.close()


async def test_curated_facts_are_stored_as_loaded(store: SQLiteStore) -> None:
    stored = {f.id: f for f in await store.facts()}
    for fact in load_bundle().facts:
        assert stored[fact.id] == fact


async def test_building_twice_changes_nothing(store: SQLiteStore) -> None:
    path = store.path
    before, updated = rows(path), await store.get_meta(UPDATED_KEY)
    assert await ensure_built(store) == BuildReport(rebuilt=False)
    assert rows(path) == before
    assert await store.get_meta(UPDATED_KEY) == updated


async def test_forcing_a_rebuild_of_unchanged_files_writes_nothing(store: SQLiteStore) -> None:
    before, updated = rows(store.path), await store.get_meta(UPDATED_KEY)
    assert await ensure_built(store, force=True) == BuildReport(True, 0, 0, 0)
    assert rows(store.path) == before
    assert await store.get_meta(UPDATED_KEY) == updated


async def test_editing_one_fact_updates_exactly_that_fact(store: SQLiteStore, data: Path) -> None:
    before = {f.id: f for f in await store.facts()}

    def edit(facts: list[dict[str, Any]]) -> None:
        next(f for f in facts if f["id"] == FACT)["text"]["en"] = "Alec Radford joined OpenAI in 2016."

    edit_facts(data, edit)
    assert await ensure_built(store, data) == BuildReport(True, added=0, updated=1, removed=0)
    after = {f.id: f for f in await store.facts()}
    assert after[FACT].text.en == "Alec Radford joined OpenAI in 2016."
    assert after[FACT].text.fr == before[FACT].text.fr
    assert {fid for fid in before if after[fid] != before[fid]} == {FACT}
    assert await ensure_built(store, data) == BuildReport(rebuilt=False)


async def test_removing_a_fact_prunes_it(store: SQLiteStore, data: Path) -> None:
    paper_fact = "gpt1-paper-2018"  # its source has no text to extract a replacement from
    count = await store.count_facts()
    edit_facts(data, lambda facts: facts.remove(next(f for f in facts if f["id"] == paper_fact)))
    assert await ensure_built(store, data) == BuildReport(True, added=0, updated=0, removed=1)
    assert await store.count_facts() == count - 1
    assert paper_fact not in {f.id for f in await store.facts()}


async def test_a_seed_sentence_left_without_its_curated_fact_is_extracted_instead(
    store: SQLiteStore, data: Path
) -> None:
    sentence = next(f.sentence for f in load_bundle().facts if f.id == FACT)
    assert [f for f in await store.facts() if not f.curated] == []
    edit_facts(data, lambda facts: facts.remove(next(f for f in facts if f["id"] == FACT)))
    assert await ensure_built(store, data) == BuildReport(True, added=1, updated=0, removed=1)
    extracted = [f for f in await store.facts() if not f.curated]
    assert [f.sentence for f in extracted] == [sentence]


async def test_adding_a_fact_adds_it(store: SQLiteStore, data: Path) -> None:
    def add(facts: list[dict[str, Any]]) -> None:
        new = json.loads(json.dumps(next(f for f in facts if f["id"] == FACT)))
        new["id"] = "radford-joins-openai-copy"
        facts.append(new)

    edit_facts(data, add)
    assert await ensure_built(store, data) == BuildReport(True, added=1, updated=0, removed=0)


async def test_an_article_without_curated_facts_is_extracted(store: SQLiteStore, data: Path) -> None:
    (data / "sources" / "news.en.txt").write_text(
        "Alec Radford joined OpenAI in 2016 and left it in December 2024.\n"
        "The weather was pleasant all week long in the city.\n",
        encoding="utf-8",
    )
    path = data / "sources.json"
    content = json.loads(path.read_text(encoding="utf-8"))
    content["sources"].append({"id": "news-en", "title": "News", "lang": "en", "file": "sources/news.en.txt"})
    path.write_text(json.dumps(content), encoding="utf-8")
    report = await ensure_built(store, data)
    assert report.rebuilt and report.added == 1
    extracted = [f for f in await store.facts() if f.source == "news-en"]
    assert len(extracted) == 1
    assert extracted[0].curated is False
    assert extracted[0].entities == ("radford", "openai")
    assert extracted[0].date is not None and extracted[0].date.value == "2024-12"
