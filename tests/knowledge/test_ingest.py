"""Ingesting articles: facts extracted, repeats linked not duplicated, facts and outbox in one transaction."""

from __future__ import annotations

import pytest

from knowledge.base import Knowledge
from knowledge.ingest import ArticleError, ingest_article, parse_article
from knowledge.store.sqlite_facts import SQLiteStore
from knowledge.topics import everything
from tests.conftest import ARTICLE


async def count(store: SQLiteStore, table: str) -> int:
    async with store._db.execute(f"SELECT count(*) FROM {table}") as cursor:
        row = await cursor.fetchone()
    return int(row[0]) if row else 0


def test_parse_markdown_article_takes_heading_as_title() -> None:
    article = parse_article(ARTICLE, date="2025-02-18")
    assert article.title == "Murati's new lab hires former OpenAI researchers"
    assert article.lang == "en"
    assert "#" not in article.text


def test_parse_headers_and_bad_input() -> None:
    body = "Mira Murati a parlé en 2025 de sa nouvelle entreprise et de ses projets. " * 4
    article = parse_article(f"title: Un titre\nlang: fr\nurl: https://example.org/a\n\n{body}")
    assert (article.title, article.lang, article.url) == ("Un titre", "fr", "https://example.org/a")
    with pytest.raises(ArticleError):
        parse_article("   \n\n")
    with pytest.raises(ArticleError):
        parse_article("Some text about OpenAI in 2024. " * 10, date="yesterday")
    with pytest.raises(ArticleError):
        parse_article("Some text about OpenAI in 2024. " * 10, lang="de")


async def test_ingest_adds_facts_and_an_update(store: SQLiteStore) -> None:
    knowledge = await Knowledge.load(store)
    before = len(knowledge.facts)
    await store.subscribe("console", "local", everything())
    report = await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    assert len(report.added) == 4  # every statement, the weather included; not the heading
    assert report.update_id is not None and report.deliveries == 1
    await knowledge.refresh()
    assert len(knowledge.facts) == before + 4
    murati = [f for f in knowledge.facts if f.id in report.added and "murati" in f.entities]
    assert murati and murati[0].date is not None and murati[0].date.value == "2025-02-18"


async def test_ingesting_the_same_article_twice_changes_nothing(store: SQLiteStore) -> None:
    await Knowledge.load(store)
    await store.subscribe("console", "local", everything())
    first = await ingest_article(store, parse_article(ARTICLE), now=1000.0)
    second = await ingest_article(store, parse_article(ARTICLE), now=2000.0)
    assert first.added and not second.added and second.update_id is None
    assert await count(store, "updates") == 1
    assert await count(store, "deliveries") == 1


async def test_a_repeated_fact_gains_a_source_instead_of_a_duplicate(store: SQLiteStore) -> None:
    knowledge = await Knowledge.load(store)
    curated = next(f for f in knowledge.facts if f.curated and len(f.sentence) > 60)
    resting = {f.id for f in knowledge.facts if f.sentence == curated.sentence}
    text = f"title: Another outlet\n\n{curated.sentence}\nMira Murati said in 2025 that her lab had 60 people."
    report = await ingest_article(store, parse_article(text, lang=knowledge.source(curated.source).lang))  # type: ignore[union-attr]
    assert set(report.repeated) == resting
    assert len(report.added) == 1
    await knowledge.refresh()
    assert report.source_id in (knowledge.fact(curated.id).extra_sources)  # type: ignore[union-attr]
    assert {f.id for f in knowledge.facts if f.sentence == curated.sentence} == resting


async def test_a_failure_mid_ingest_leaves_neither_facts_nor_outbox_rows(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    await Knowledge.load(store)
    await store.subscribe("console", "local", everything())
    facts_before = await store.count_facts()

    # The update is the last row the facts' transaction writes (its deliveries follow in batches): fail there.
    original = store._db.execute

    def failing_execute(sql: str, parameters: object = ()) -> object:
        if "INSERT INTO updates" in sql:
            raise RuntimeError("disk on fire")
        return original(sql, parameters)  # type: ignore[arg-type]

    monkeypatch.setattr(store._db, "execute", failing_execute)
    with pytest.raises(RuntimeError, match="disk on fire"):
        await ingest_article(store, parse_article(ARTICLE))
    monkeypatch.undo()
    assert await store.count_facts() == facts_before
    assert await count(store, "updates") == 0
    assert await count(store, "deliveries") == 0
    assert await store.source_by_id(parse_article(ARTICLE).source_id) is None
    # And the store still works: the same article goes in cleanly afterwards.
    report = await ingest_article(store, parse_article(ARTICLE))
    assert report.added and report.deliveries == 1


async def test_a_fan_out_cut_short_is_finished_by_the_next_ingest(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Deliveries are written in batches after the facts: a crash between batches loses no subscriber."""
    await Knowledge.load(store)
    for n in range(7):
        await store.subscribe("console", f"chat-{n}", everything())
    monkeypatch.setattr(store, "fanout_batch", 2)
    original = store._fan_out_batch
    calls = 0

    async def dying_batch(*args: object) -> object:
        nonlocal calls
        calls += 1
        if calls == 3:
            raise RuntimeError("killed between batches")
        return await original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(store, "_fan_out_batch", dying_batch)
    with pytest.raises(RuntimeError, match="killed between batches"):
        await ingest_article(store, parse_article(ARTICLE))
    monkeypatch.setattr(store, "_fan_out_batch", original)
    assert await count(store, "updates") == 1
    assert await count(store, "deliveries") == 4  # two batches of two chats made it
    assert await store.fan_out_pending() == 3
    assert await count(store, "deliveries") == 7
    assert await store.fan_out_pending() == 0  # done, and nothing written twice
    assert await count(store, "deliveries") == 7


TRAM = """Le tramway de Valbonne entre en service

La métropole de Valbonne a mis en service samedi la ligne T2 de son tramway, qui relie la gare au nouveau
quartier des Tanneries. « C'est le plus grand chantier que la ville ait connu », a déclaré Hélène Fauvergue,
présidente de la métropole. La ligne compte 14 stations et doit transporter 30 000 voyageurs par jour.
"""


async def test_a_sentence_that_says_no_date_does_not_answer_when(store: SQLiteStore) -> None:
    """It carries the day the article was published, which dates the news, not her taking office."""
    await ingest_article(store, parse_article(TRAM, date="2026-03-03", lang="fr"), notify=False)
    knowledge = await Knowledge.load(store)
    assert knowledge.ask("Quand la ligne T2 a-t-elle été mise en service ?").answered
    for question in (
        "Depuis quand Hélène Fauvergue est-elle présidente de la métropole ?",
        "Since when has Fauvergue been president of the metropole?",
    ):
        assert not knowledge.ask(question).answered, question


ANALYST = """Harrow Medical buys imaging start-up Lumis

Harrow Medical, the Leeds-based maker of hospital software, said on Monday it has agreed to buy Lumis, a start-up
whose algorithms read chest X-rays. "Harrow is paying a premium for a product that still depends on one kind of
scan," said Priya Castellane, an analyst at Fenwick & Lowe. "The real test will be whether they can extend it to CT
and MRI within two years," Castellane added. Lumis employs 40 people in Bristol.
"""


@pytest.mark.parametrize("question", ["Who is Priya Castellane?", "Qui est Priya Castellane ?", "Priya Castellane"])
async def test_who_someone_is_comes_from_the_sentence_giving_their_role(store: SQLiteStore, question: str) -> None:
    """Not from her second quotation, which names her as well: a bare name asks who she is."""
    await ingest_article(store, parse_article(ANALYST, date="2026-03-03", lang="en"), notify=False)
    result = (await Knowledge.load(store)).ask(question)
    assert result.answered and result.fact is not None and "Fenwick" in result.fact.text.en
