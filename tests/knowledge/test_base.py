"""Knowledge: the facts in memory, browsed by entity, profile and timeline."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest

from knowledge.base import Knowledge
from knowledge.models import Entity, Fact, FactDate, Localized, Source
from knowledge.store import open_store
from knowledge.store.sqlite_facts import SQLiteStore


@pytest.fixture(scope="module")
def knowledge(built_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Knowledge:
    """Loaded once for the module; what these tests use lives in memory, so the store is closed at once."""
    path = tmp_path_factory.mktemp("base") / "bot.db"
    shutil.copy(built_store, path)

    async def load() -> Knowledge:
        store = await open_store(f"sqlite:///{path}")
        try:
            return await Knowledge.load(store)
        finally:
            await store.close()

    return asyncio.run(load())


@pytest.mark.parametrize(
    ("name", "entity"),
    [
        ("Mira Murati", "murati"),
        ("MIRA MURATI", "murati"),
        ("murati", "murati"),
        ("murrati", "murati"),
        ("Radfrod", "radford"),
        ("sutskevr", "sutskever"),
        ("Ilya Sutzkever", "sutskever"),
        ("Dario Amodéi", "amodei"),
        ("le père du GPT", "radford"),
        ("le pere du GPT", "radford"),
        ("gpt2", "gpt-2"),
        ("GPT-2", "gpt-2"),
        ("schulman", "schulman"),
    ],
)
def test_find_entity_forgives_case_typos_and_accents(knowledge: Knowledge, name: str, entity: str) -> None:
    found = knowledge.find_entity(name)
    assert found is not None
    assert found.id == entity


@pytest.mark.parametrize("name", ["", "   ", "xyz", "Sam Altman", "🙂"])
def test_find_entity_returns_none_for_strangers(knowledge: Knowledge, name: str) -> None:
    assert knowledge.find_entity(name) is None


def test_find_entity_can_be_limited_to_kinds(knowledge: Knowledge) -> None:
    assert knowledge.find_entity("OpenAI", kinds=["person"]) is None
    found = knowledge.find_entity("OpenAI", kinds=["organization"])
    assert found is not None and found.id == "openai"


def test_facts_about_a_person(knowledge: Knowledge) -> None:
    facts = knowledge.facts_about("murati")
    ids = {f.id for f in facts}
    assert {"profile-murati", "murati-resigned", "earlier-departures"} <= ids
    assert all(f.subject == "murati" or "murati" in f.entities for f in facts)
    assert knowledge.facts_about("nobody") == []


def test_profile(knowledge: Knowledge) -> None:
    profile = knowledge.profile("murati")
    assert profile is not None
    assert profile.kind == "profile" and profile.subject == "murati"
    assert "Murati" in profile.text.en and "Murati" in profile.text.fr
    assert knowledge.profile("nobody") is None


def test_people_are_the_person_entities(knowledge: Knowledge) -> None:
    people = {e.id for e in knowledge.people()}
    assert {"radford", "murati", "sutskever", "amodei", "chen", "mcgrew", "schulman"} <= people
    assert "openai" not in people


def test_lookups_by_id(knowledge: Knowledge) -> None:
    fact = knowledge.fact("radford-joins-openai")
    assert fact is not None and fact.date == FactDate("2016", "year")
    source = knowledge.source(fact.source)
    assert source is not None and source.lang == "fr"
    entity = knowledge.entity("radford")
    assert entity is not None and entity.name == "Alec Radford"
    assert knowledge.fact("nope") is None and knowledge.source("nope") is None and knowledge.entity("nope") is None


def test_ask_answers_in_the_question_language(knowledge: Knowledge) -> None:
    french = knowledge.ask("Quand Radford a-t-il rejoint OpenAI ?")
    english = knowledge.ask("When did Radford join OpenAI?")
    assert french.answered and english.answered
    assert french.fact is not None and french.fact.id == "radford-joins-openai"
    assert english.fact == french.fact
    assert (french.lang, english.lang) == ("fr", "en")


def test_the_shipped_timeline_is_in_order(knowledge: Knowledge) -> None:
    timeline = knowledge.timeline()
    assert timeline[0].id == "radford-joins-openai"
    assert all(f.timeline for f in timeline)
    assert all(f.date is not None or f.when is not None for f in timeline)
    years = [f.date.value[:4] for f in timeline if f.date]
    assert years == sorted(years)
    assert {f.id for f in timeline} >= {"radford-leaves-openai", "earlier-departures"}


def event(fact_id: str, date: FactDate | None = None, when: Localized | None = None, timeline: bool = True) -> Fact:
    return Fact(
        id=fact_id,
        kind="event",
        subject=None,
        entities=(),
        source="s",
        sentence=fact_id,
        text=Localized(fact_id, fact_id),
        date=date,
        when=when,
        timeline=timeline,
    )


async def test_timeline_order_dated_ascending_then_undated_with_when(tmp_path: Path) -> None:
    before = Localized("before the end", "avant la fin")
    facts = [
        event("z-undated", when=before),
        event("c-2024", FactDate("2024-09-25", "day")),
        event("a-2018", FactDate("2018-06", "month")),
        event("b-2016", FactDate("2016", "year")),
        event("d-2019", FactDate("2019-02-14", "day")),
        event("a-undated", when=before),
        event("not-on-timeline", FactDate("2010", "year"), timeline=False),
        event("no-date-no-when"),
    ]
    store = await SQLiteStore.open(tmp_path / "bot.db")
    try:
        await store.replace_entities([Entity("x", "person", "X", (), Localized("x", "x"))])
        await store.sync_source(Source("s", "S", "en"), facts)
        knowledge = await Knowledge.load(store, build=False)
        assert [f.id for f in knowledge.timeline()] == [
            "b-2016",
            "a-2018",
            "d-2019",
            "c-2024",
            "a-undated",
            "z-undated",
        ]
    finally:
        await store.close()


async def test_refresh_sees_new_facts(tmp_path: Path) -> None:
    store = await SQLiteStore.open(tmp_path / "bot.db")
    try:
        knowledge = await Knowledge.load(store, build=False)
        assert knowledge.facts == ()
        await store.sync_source(Source("s", "S", "en"), [event("e1", FactDate("2020", "year"))])
        assert knowledge.facts == ()
        await knowledge.refresh()
        assert [f.id for f in knowledge.facts] == ["e1"]
    finally:
        await store.close()


async def test_concurrent_refreshes_index_each_new_fact_once(store: SQLiteStore) -> None:
    """An /addarticle and the watcher refreshing at once used to add the new facts to the matcher twice."""
    from knowledge.ingest import ingest_article, parse_article
    from tests.conftest import ARTICLE

    knowledge = await Knowledge.load(store)
    report = await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    assert report.added
    await asyncio.gather(*(knowledge.refresh() for _ in range(3)))
    indexed = [fact.id for fact in knowledge.matcher.facts]
    assert len(indexed) == len(set(indexed)) == len(knowledge.facts), "every fact indexed exactly once"
    result = knowledge.ask("When did Mira Murati's new company hire about twenty researchers?")
    assert result.answered and result.best is not None and result.best.fact.id in report.added
    assert result.best.fact.id not in {c.fact.id for c in result.alternatives}, "the answer never suggests itself"


async def test_refreshes_read_on_their_own_connection_when_given_one(store: SQLiteStore, tmp_path: Path) -> None:
    knowledge = await Knowledge.load(store)
    reader = await SQLiteStore.open(store.path)
    knowledge.reader = reader
    calls: list[str] = []
    original = store.facts

    async def spied() -> list[Fact]:
        calls.append("core connection")
        return await original()

    store.facts = spied  # type: ignore[method-assign]
    try:
        await knowledge.refresh()
    finally:
        await reader.close()
    assert calls == [], "the refresh read every fact through the reader, not the core's connection"


async def test_a_refresh_freezes_nothing_so_cyclic_garbage_is_still_collected(store: SQLiteStore) -> None:
    """`gc.freeze()` after each refresh made everything alive at that moment immortal: a leak per refresh."""
    import gc
    import weakref

    from knowledge.ingest import ingest_article, parse_article
    from tests.conftest import ARTICLE

    class Node:
        def __init__(self) -> None:
            self.me = self  # a reference cycle: only the cyclic collector can free it

    knowledge = await Knowledge.load(store)
    frozen = gc.get_freeze_count()
    garbage = Node()
    alive = weakref.ref(garbage)
    await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    await knowledge.refresh()  # extends the matcher
    await store.replace_entities(list(knowledge.entities)[1:])
    await knowledge.refresh()  # rebuilds it
    assert gc.get_freeze_count() == frozen
    del garbage
    gc.collect()
    assert alive() is None, "an object alive during a refresh is collected once it is garbage"
