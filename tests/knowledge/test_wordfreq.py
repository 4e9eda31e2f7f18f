"""Word frequencies: how common a word is in each language, and what a misspelt everyday word weighs."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from knowledge.base import NEWS_VOCABULARY
from knowledge.concepts import ConceptAnalyzer, load_lexicon
from knowledge.loader import DATA_DIR
from knowledge.matcher import UNKNOWN_WEIGHT, MatchResult, read_question, unknown_weight
from knowledge.wordfreq import known_words, typo_zipf, zipf


def test_frequencies_are_per_language() -> None:
    people, salaire = zipf("people", "en"), zipf("salaire", "fr")
    assert people is not None and people > 6
    assert salaire is not None and 4 < salaire < 5.5
    assert zipf("salaire", "en") is None  # not an English word
    assert zipf("salaire") == salaire  # either language: the larger
    assert zipf("zzqxv") is None


@pytest.mark.parametrize(("slip", "word"), [("diferent", "different"), ("abotu", "about"), ("wokr", "work")])
def test_a_misspelt_everyday_word_weighs_as_the_word(slip: str, word: str) -> None:
    assert zipf(slip) is None
    assert typo_zipf(slip) == zipf(word)


def test_what_resembles_no_word_stays_unknown() -> None:
    assert typo_zipf("qzxwvt") is None


def test_common_words_weigh_little_rare_ones_as_much_as_unknown_ones() -> None:
    assert unknown_weight(None) == UNKNOWN_WEIGHT
    assert unknown_weight(2.9) == UNKNOWN_WEIGHT  # "nationality" is rare enough to be the point
    assert unknown_weight(6.5) < 1  # "people", "going": how people talk
    assert unknown_weight(3.5) > unknown_weight(4.5) > unknown_weight(5.4)


def test_an_everyday_word_the_facts_use_weighs_no_more_than_its_frequency_says() -> None:
    analyzer = ConceptAnalyzer(load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY), [])
    reading = read_question(
        "What nationality are the several researchers who joined?", analyzer, {}, {}, "en", lambda concept: True
    )
    assert not isinstance(reading, MatchResult)
    idf = dict.fromkeys(reading.concepts, 5.0)  # every concept as rare in the facts as can be
    # "several" is how people talk: it weighs little even though a fact uses it; "nationality", the word the
    # question turns on, and the curated concepts ("research", "join") keep the full capped weight.
    assert reading.weight("severa", idf, 3.0) < 1.0
    assert reading.weight("nation", idf, 3.0) == reading.weight("research", idf, 3.0) == 3.0
    assert reading.weight("join", idf, 3.0) == 3.0


def test_a_question_of_known_words_never_reads_the_frequency_list() -> None:
    """Reading the list costs a cold `ask` about 0.1 s and 28 MB: a question made of words the facts use, whose
    checks (a misspelt role, an unknown word's weight) find nothing to look up, must not load it."""
    import asyncio

    from knowledge.base import Knowledge
    from knowledge.builder import ensure_built
    from knowledge.store.sqlite_facts import SQLiteStore
    from knowledge.wordfreq import _table

    async def ask(path: Path) -> bool:
        store = await SQLiteStore.open(path)
        try:
            await ensure_built(store)
            knowledge = await Knowledge.load(store)
            _table.cache_clear()
            return knowledge.ask("When did Radford join OpenAI?").answered
        finally:
            await store.close()

    with tempfile.TemporaryDirectory() as folder:
        assert asyncio.run(ask(Path(folder) / "bot.db"))
    assert _table.cache_info().currsize == 0


def test_known_words_are_the_ones_the_list_gives_a_frequency() -> None:
    words = known_words()
    assert len(words) > 80_000 and "the" in words and "temps" in words
    assert all(zipf(word) is not None for word in words[:2000])
