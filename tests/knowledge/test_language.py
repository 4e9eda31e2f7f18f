"""Language guessing: French or English from the words, elisions and accents a chat message uses."""

from __future__ import annotations

import pytest

from knowledge.language import guess_language, language_evidence


@pytest.mark.parametrize(
    "text",
    [
        "Quand Radford a-t-il rejoint OpenAI ?",
        "quand radford a t il rejoint openai",
        "Pourquoi Alec Radford est-il parti ?",
        "pourquoi est il parti",
        "Qui est Mira Murati ?",
        "qui est mira murati",
        "Où est Radford",
        "Radford a quitté OpenAI",
        "Qu'a dit l'analyste de Wall Street ?",
        "Qu’a dit l’analyste de Wall Street ?",
        "pere du GPT",
        "Qui a fonde Anthropic",
    ],
)
def test_french_questions(text: str) -> None:
    assert guess_language(text, "en") == "fr"
    assert language_evidence(text) == "fr"


@pytest.mark.parametrize(
    "text",
    [
        "When did Alec Radford join OpenAI?",
        "when did radford join openai",
        "Why did Radford leave",
        "Who is Mira Murati?",
        "What did the Wall Street analyst say?",
        "father of GPT",
        "how much did openai sell",
    ],
)
def test_english_questions(text: str) -> None:
    assert guess_language(text, "fr") == "en"
    assert language_evidence(text) == "en"


@pytest.mark.parametrize("text", ["Murati", "GPT-2?", "🙂🙂", "12345", "", "   ", "Radford OpenAI"])
def test_undecidable_text_falls_back(text: str) -> None:
    assert guess_language(text, "fr") == "fr"
    assert guess_language(text, "en") == "en"
    assert language_evidence(text) is None


def test_accents_alone_are_evidence_of_french() -> None:
    assert language_evidence("Radford été") == "fr"
    assert guess_language("Radford été", "en") == "fr"


def test_words_shared_by_both_languages_lean_neither_way() -> None:
    # "a" and "on" are words of both languages.
    assert language_evidence("a on") is None


@pytest.mark.parametrize("text", ["What's Radford's salary?", "Radford didn't stay?", "Who's Murati"])
def test_english_contractions_are_english_not_french_elisions(text: str) -> None:
    """Before: the "s" of "What's" and "Radford's" counted as the French "s'", and this was answered in French."""
    assert guess_language(text, "fr") == "en"
