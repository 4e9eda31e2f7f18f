"""An article's headline is the context of its sentences: a question may use the headline's words for what a
sentence takes for granted ("the tram" of "Le chantier a coûté 468 millions d'euros")."""

from __future__ import annotations

from knowledge.base import Knowledge
from knowledge.concepts import ConceptAnalyzer, load_lexicon
from knowledge.ingest import ingest_article, parse_article
from knowledge.loader import DATA_DIR
from knowledge.matcher import Matcher
from knowledge.store.sqlite_facts import SQLiteStore

ARTICLE = """\
Brévennes opens its T4 tram line after four years of works

The Brévennes metropolis opened the fourth line of its network on Saturday, linking the central station to the
university campus in the north of the city. The works cost 468 million euros, paid by the state, the region and
the metropolis. About 42,000 passengers a day are expected on the new line by the end of next year, the operator
said. The mayor, Hélène Fauvergue, called the project the largest the city had seen in half a century.
"""
COST = "The works cost 468 million euros"


async def _ingested(store: SQLiteStore, text: str = ARTICLE) -> Knowledge:
    article = parse_article(text, title=text.splitlines()[0], date="2026-03-02", lang="en")
    await ingest_article(store, article, notify=False)
    return await Knowledge.load(store)


async def test_a_question_may_name_what_only_the_headline_says(store: SQLiteStore) -> None:
    knowledge = await _ingested(store)
    result = knowledge.ask("What was the cost of the tram?")
    assert result.answered and result.fact is not None
    assert result.fact.sentence.startswith(COST)


async def test_the_headline_adds_to_the_score_of_every_sentence_of_its_article_only(store: SQLiteStore) -> None:
    knowledge = await _ingested(store)
    facts, entities = list(knowledge.facts), list(knowledge.entities)
    lexicon = load_lexicon(DATA_DIR / "lexicon.json")
    with_headlines = Matcher(facts, entities, ConceptAnalyzer(lexicon, entities), list(knowledge.sources))
    without = Matcher(facts, entities, ConceptAnalyzer(lexicon, entities))
    question = "What was the cost of the tram?"

    def score_of(matcher: Matcher) -> float:
        result = matcher.match(question)
        candidates = [c for c in (result.best, *result.alternatives) if c is not None]
        # Without its headline the sentence says nothing of a tram: it may not even be offered (score 0).
        return next((c.score for c in candidates if c.fact.sentence.startswith(COST)), 0.0)

    assert score_of(with_headlines) > score_of(without)
    assert with_headlines.match(question).answered and not without.match(question).answered
    # Curated facts have hand-written samples and no headline context: the seed story scores as before.
    seed_question = "When did Alec Radford join OpenAI?"
    assert with_headlines.match(seed_question).score == without.match(seed_question).score
    entries = {entry.fact.id: entry for entry in with_headlines._entries}
    assert all(not entries[f.id].context for f in facts if f.curated)
    assert any(entries[f.id].context for f in facts if not f.curated)


TAKEOVER = """\
Harwick Foods buys the dairy Tessler Farms for £40 million

Harwick Foods, the Norwich-based maker of ready meals, said on Monday that it would buy the family dairy Tessler
Farms for £40 million in cash. Tessler Farms was founded in 1962 and employs 120 people near Ipswich. The chief
financial officer, Marcus Lindqvist, said the purchase would be paid from existing cash. The deal is expected to
close in June, subject to approval by the competition regulator.
"""


def _assert_answered_by(knowledge: Knowledge, snippet: str, *questions: str) -> None:
    """Each question is answered by the fact whose source sentence says `snippet`."""
    for question in questions:
        result = knowledge.ask(question)
        assert result.answered and result.fact is not None, question
        assert snippet in result.fact.sentence, question


async def test_a_sentence_is_about_the_headline_s_company_when_it_names_no_other(store: SQLiteStore) -> None:
    knowledge = await _ingested(store, TAKEOVER)
    _assert_answered_by(knowledge, "Lindqvist", "Who is Harwick's CFO?", "directeur financier de Harwick ?")


async def test_a_sentence_about_another_company_is_not_the_headline_s(store: SQLiteStore) -> None:
    knowledge = await _ingested(store, TAKEOVER)
    # Tessler Farms employs 120 people; how many Harwick employs, the article does not say.
    for question in ("How many employees does Harwick have?", "combien de salariés chez Harwick Foods ?"):
        assert not knowledge.ask(question).answered, question


RECALL = """\
Cheese recall: the dairy's chief executive resigns

The chief executive of the Auvergne dairy co-operative Val d'Orcières, Bertrand Malaval, resigned on Tuesday, three
weeks after a recall of cheeses contaminated with listeria. The co-operative brings together 640 dairy farmers in
the mountains of central France. Its board must name a successor by the summer, the chairman said on Wednesday.
"""


async def test_a_sentence_is_about_what_the_lede_names_when_it_names_nothing_else(store: SQLiteStore) -> None:
    """The headline says "the dairy"; only the first sentence names Val d'Orcières, and the next one counts its
    farmers without naming it."""
    knowledge = await _ingested(store, RECALL)
    _assert_answered_by(
        knowledge,
        "640",
        "How many dairy farmers does Val d'Orcières have?",
        "Val d'Orcières compte combien d'éleveurs ?",
    )


async def test_the_lede_gives_its_names_only_to_its_own_article(store: SQLiteStore) -> None:
    await _ingested(store, RECALL)
    await _ingested(store, TAKEOVER)
    knowledge = await _ingested(store, ARTICLE)
    result = knowledge.ask("How many passengers a day does Val d'Orcières expect?")
    assert not result.answered
