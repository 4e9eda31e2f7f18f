"""Normalisation: both sides of every comparison meet on the same folded, canonical form."""

from __future__ import annotations

import pytest

from knowledge.normalize import canonical, fold, stem, strip_controls, tokens


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Élève À Ça", "eleve a ca"),
        ("RADFORD", "radford"),
        ("l’IA", "l'ia"),
        ("‘quoted’", "'quoted'"),
        ("«père du GPT»", '"pere du gpt"'),
        ("“father”", '"father"'),
        ("Œuvre, Æther", "oeuvre, aether"),
        ("Straße", "strasse"),  # casefold, not lower
    ],
)
def test_fold_removes_case_accents_and_typographic_quotes(text: str, expected: str) -> None:
    assert fold(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("l'OpenAI", "openai"),
        ("l’OpenAI", "openai"),
        ("qu'il", "il"),
        ("d'Anthropic", "anthropic"),
        ("jusqu'à", "a"),
    ],
)
def test_canonical_drops_french_elisions(text: str, expected: str) -> None:
    assert canonical(text).split() == expected.split()


def test_ai_after_an_elided_pronoun_is_the_verb_not_artificial_intelligence() -> None:
    assert canonical("J'ai lu qu'il l'ai vu").split() == ["avoir", "lu", "il", "avoir", "vu"]
    assert "ai" in canonical("une start-up d'AI").split()


def test_canonical_keeps_apostrophes_that_are_not_elisions() -> None:
    assert "aujourd'hui" in canonical("aujourd'hui")
    assert canonical("Radford's work") == "radford's work"


@pytest.mark.parametrize("form", ["GPT-2", "gpt 2", "gpt2", "Gpt - 2", "GPT2"])
def test_canonical_unifies_model_names(form: str) -> None:
    assert canonical(form) == "gpt2"
    assert tokens(f"Who led {form}?") == ["who", "led", "gpt2"]


@pytest.mark.parametrize("dash", ["\u2010", "\u2011", "\u2013", "\u2212"])
def test_typographic_hyphens_are_plain_hyphens(dash: str) -> None:
    assert canonical(f"GPT{dash}2") == "gpt2"
    assert canonical(f"co{dash}fondateur") == "cofondateur"


def test_canonical_keeps_different_models_apart() -> None:
    assert canonical("GPT-2") != canonical("GPT-3")


@pytest.mark.parametrize("form", ["co-fondateur", "co fondateur", "cofondateur", "Co-Fondateur"])
def test_canonical_joins_co_founder_forms(form: str) -> None:
    assert canonical(form) == "cofondateur"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("co-founder", "cofounder"), ("Open AI", "openai"), ("open-ai", "openai"), ("Neur IPS", "neurips")],
)
def test_canonical_joins_other_split_forms(text: str, expected: str) -> None:
    assert canonical(text) == expected


def test_canonical_does_not_join_unrelated_words() -> None:
    assert canonical("co worker") == "co worker"
    assert canonical("open door") == "open door"


def test_tokens_are_letters_and_digits_only() -> None:
    assert tokens("Quand Radford a-t-il rejoint l'OpenAI, en 2016 ?!") == [
        "quand",
        "radford",
        "a",
        "t",
        "il",
        "rejoint",
        "openai",
        "en",
        "2016",
    ]
    assert tokens("🙂 <script> ; -- ") == ["script"]
    assert tokens("") == []


def test_tokens_of_the_same_question_in_two_spellings_agree() -> None:
    assert tokens("Le « père du GPT » a quitté l’OpenAI") == tokens('le "pere du gpt" a quitte l\'openai')


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("independent", "indepe"),
        ("independante", "indepe"),
        ("departures", "depart"),
        ("collaborate", "collab"),
        ("collaborer", "collab"),
        ("models", "model"),
        ("class", "class"),  # "ss" is not a plural
        ("bus", "bus"),  # too short to lose its "s"
        ("is", "is"),
    ],
)
def test_stem(word: str, expected: str) -> None:
    assert stem(word) == expected


def test_stem_conflates_inflections() -> None:
    assert stem("independent") == stem("independance") == stem("independants")


def test_strip_controls_drops_control_and_invisible_characters() -> None:
    text = "a\x00b\x07c\u200bd\ufeffe\u202ef\x9fg\x1b[31m"
    assert strip_controls(text) == "abcdefg[31m"


def test_strip_controls_keeps_tabs_newlines_and_ordinary_text() -> None:
    text = "Qui est\tMira\nMurati ? 🙂 Привет"
    assert strip_controls(text) == text


def test_canonical_ignores_invisible_characters_inside_words() -> None:
    assert canonical("Rad\u200bford") == "radford"
