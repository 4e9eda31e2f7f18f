"""The glossary: everyday words of an article's sentence in the other language, so a question asked in that
language meets the sentence."""

from __future__ import annotations

import pytest

import knowledge.matcher
from knowledge.base import Knowledge
from knowledge.glossary import Glossary, glossary
from knowledge.ingest import ingest_article, parse_article
from knowledge.store.sqlite_facts import SQLiteStore

SAMPLE = Glossary.parse(
    "fr\tnavette\tshuttle|shuttle bus\nfr\tligne\tline\nen\tmowers\ttondeuses\nxx\tbad\tline\nfr\tvide\t\n"
)


def test_words_are_found_by_language_and_stem_in_any_form() -> None:
    assert SAMPLE.translations("navettes", "fr") == ("shuttle", "shuttle bus")  # another form, the same stem
    assert SAMPLE.translations("mower", "en") == ("tondeuses",)
    assert SAMPLE.translations("navette", "en") == ()  # an English "navette" is no French one
    assert len(SAMPLE) == 3  # an unknown language or an empty translation is no entry


def test_a_gloss_replaces_the_words_it_knows_and_keeps_the_rest() -> None:
    assert SAMPLE.gloss("La navette de la ligne N4", "fr") == "la shuttle shuttle bus de la line n4"
    assert SAMPLE.gloss("La navette de la ligne N4", "fr", keep={"ligne"}) == "la shuttle shuttle bus de la ligne n4"
    assert SAMPLE.gloss("Le maire a parlé", "fr") is None  # nothing to gloss


def test_the_shipped_glossary_covers_both_directions() -> None:
    shipped = glossary()
    assert len(shipped) > 5000
    assert "shuttle" in shipped.translations("navette", "fr")
    assert "rappel" in shipped.translations("recall", "en")


ARTICLE = """Une cycliste renversée par une navette autonome à Valmont

Une cycliste de 34 ans a été renversée jeudi par une navette autonome de la ligne N4, à un carrefour du centre de
Valmont. Selon l'exploitant, la navette circulait à 31 km/h au moment du choc. Le maire a demandé la suspension du
service pendant l'enquête, et la société a promis de coopérer avec les enquêteurs.
"""


@pytest.mark.parametrize("glossed", [True, False])
async def test_an_english_question_meets_a_french_sentence_through_the_gloss(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch, glossed: bool
) -> None:
    if not glossed:
        monkeypatch.setattr(knowledge.matcher, "glossary", lambda: Glossary({}))
    await ingest_article(store, parse_article(ARTICLE, date="2026-03-03", lang="fr"), notify=False)
    result = (await Knowledge.load(store)).ask("Which line was the shuttle on?")
    # Neither "line" nor "shuttle" is in the concept lexicon: only the gloss says that "navette de la ligne" is it.
    assert result.answered is glossed
    if glossed:
        assert result.fact is not None and "N4" in result.fact.sentence


ENGLISH_ARTICLE = """Scaffolding collapse halts work on Corvala tower

Scaffolding collapsed on Monday at the building site of the Corvala tower in Aarhus, damaging two parked cars but
injuring no one, the city said. Work on the 24-storey tower, due to open next year, was halted while inspectors
examine the machine, and the contractor said it would cooperate fully with the investigation.
"""


async def test_a_question_word_no_fact_uses_is_read_as_its_translation(
    store: SQLiteStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """ "Échafaudage" meets no fact; read as "scaffolding" (its translation), it meets the English sentence, which the
    one-way gloss of the fact (its English words in French) does not make say "échafaudage"."""
    await ingest_article(store, parse_article(ENGLISH_ARTICLE, date="2026-03-03", lang="en"), notify=False)
    question = "Quel jour l'échafaudage s'est-il effondré ?"
    monkeypatch.setattr(knowledge.matcher, "glossary", lambda: Glossary({}))
    knowledge_ = await Knowledge.load(store)
    before = knowledge_.ask(question)
    monkeypatch.setattr(knowledge.matcher, "glossary", lambda: Glossary.parse("fr\techafaudage\tscaffolding\n"))
    after = knowledge_.ask(question)
    assert after.answered and after.fact is not None and "Scaffolding collapsed" in after.fact.sentence
    assert before.best is None or after.score > before.score + 0.05
    # A word some fact uses keeps its own sense: "Corvala" is not translated away, whatever the glossary says.
    monkeypatch.setattr(knowledge.matcher, "glossary", lambda: Glossary.parse("fr\tcorvala\tfitness\n"))
    assert knowledge_.ask("Où est la tour Corvala ?").entities == frozenset({"corvala"})


async def test_a_translation_never_makes_a_question_ask_for_a_relation(store: SQLiteStore) -> None:
    """ "Quelle part de Tessellio…" meets no fact by "part", whose translations include "leaves": read so, the
    question would ask for someone leaving, and the stake would lack it."""
    from pathlib import Path

    articles = Path(__file__).with_name("data") / "articles"
    text = (articles / "u5.en.txt").read_text(encoding="utf-8")
    await ingest_article(store, parse_article(text, date="2025-11-18", lang="en"), notify=False)
    knowledge_ = await Knowledge.load(store)
    reading = knowledge.matcher.read_question(
        "Quelle part de Tessellio détient Kloosterpoort Capital ?",
        knowledge_.matcher.analyzer,
        knowledge_.matcher.entities,
        {},
        "fr",
        lambda concept: concept == "leave" or concept in knowledge_.matcher.analyzer.relations,
    )
    assert not isinstance(reading, knowledge.matcher.MatchResult)
    assert not reading.relations


async def test_a_translation_meets_only_an_everyday_word_of_some_length(store: SQLiteStore) -> None:
    """Off topic stays off topic: "pâte" ("paste") is not the "past" year the facts use, nor "réaliser" the curated
    "build" of our stories; "échafaudage" may still be the "scaffolding" of an article's sentence."""
    matcher = (await Knowledge.load(store)).matcher
    words = ["realiser", "une", "pate", "echafaudage"]
    concepts = frozenset(matcher.analyzer.token_concepts(words))
    entries = "fr\trealiser\tbuild|achieve\nfr\tpate\tpaste|dough\nfr\techafaudage\tscaffolding\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(knowledge.matcher, "glossary", lambda: Glossary.parse(entries))
        known = {"build", "past", "scaffo"}.__contains__
        swapped = knowledge.matcher.translations(concepts, words, matcher.analyzer, "fr", known)
    assert swapped == {"echafa": ("scaffo", "echafaudage")}
