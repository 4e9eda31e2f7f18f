"""Word frequencies: how common a word is in each language, and what a misspelt everyday word weighs."""

from __future__ import annotations

import pytest

from knowledge.matcher import UNKNOWN_WEIGHT, unknown_weight
from knowledge.wordfreq import typo_zipf, zipf


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
