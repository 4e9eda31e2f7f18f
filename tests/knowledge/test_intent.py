"""What a question asks for, in both languages; None for open questions."""

from __future__ import annotations

import pytest

from knowledge.intent import Asks, asks


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("When did Alec Radford join OpenAI?", Asks.WHEN),
        ("What year did he join?", Asks.WHEN),
        ("Since when is Murati gone?", Asks.WHEN),
        ("Quand Radford a-t-il rejoint OpenAI ?", Asks.WHEN),
        ("En quelle année Radford a-t-il rejoint OpenAI ?", Asks.WHEN),
        ("en quelle annee radford est arrive", Asks.WHEN),
        ("Quelle est la date de son départ ?", Asks.WHEN),
        ("Quel jour exactement Radford a-t-il quitté OpenAI ?", Asks.WHEN),
        ("Murati a démissionné en quel mois ?", Asks.WHEN),
        ("What exact date did Mira Murati resign?", Asks.WHEN),
        ("la date exacte de sa démission ?", Asks.WHEN),
        ("Who led GPT-2?", Asks.WHO),
        ("Who is the father of GPT?", Asks.WHO),
        ("Qui a dirigé GPT-2 ?", Asks.WHO),
        ("C'est qui, Mark Chen ?", Asks.WHO),
        ("Which researcher built GPT-1?", Asks.WHO),
        ("How much stock did OpenAI sell?", Asks.QUANTITY),
        ("How many people left?", Asks.QUANTITY),
        ("Combien OpenAI a-t-il vendu ?", Asks.QUANTITY),
        ("Quel montant d'actions ?", Asks.QUANTITY),
        ("Where does Radford live?", Asks.WHERE),
        ("Où vit Radford ?", Asks.WHERE),
        ("Dans quelle ville travaille-t-il ?", Asks.WHERE),
        ("In which city is OpenAI?", Asks.WHERE),
        ("Why did Radford leave OpenAI?", Asks.WHY),
        ("Pourquoi Radford est-il parti ?", Asks.WHY),
        ("pour quelle raison est il parti", Asks.WHY),
        ("How old is Radford?", Asks.AGE),
        ("When was Radford born?", Asks.AGE),  # a birth date is about age, not a story date
        ("Quel âge a Radford ?", Asks.AGE),
        ("quel age a radford", Asks.AGE),
        ("Quand est né Radford ?", Asks.AGE),
        ("Who left when Radford left?", Asks.WHO),
        ("What year did he leave?", Asks.WHEN),
    ],
)
def test_kind_of_answer(question: str, kind: Asks) -> None:
    assert asks(question) is kind


@pytest.mark.parametrize(
    "question",
    [
        "What did Mark Chen say?",
        "Qu'a dit Mark Chen ?",
        "Tell me about CLIP",
        "Parle-moi de Whisper",
        "Radford departure",
        "",
        "🙂",
    ],
)
def test_open_questions_ask_for_nothing_in_particular(question: str) -> None:
    assert asks(question) is None


def test_quand_meme_is_still_not_when() -> None:
    """ "Quand même" is "all the same": "OpenAI continue quand même de se développer ?" asks whether, not when."""
    assert asks("Malgré tous ces départs, est-ce qu'OpenAI continue quand même de se développer ?") is None
    assert asks("il va quand meme travailler avec OpenAI ?") is None
    assert asks("Quand même, quand est-il parti ?") is Asks.WHEN
    assert asks("il va travailler avec OpenAI quand-même ?") is None
    assert asks("quand bien même il partirait, il garderait un lien ?") is None


def test_where_needs_the_accent_to_tell_ou_from_or() -> None:
    # "ou" without its accent means "or" in French: it must not turn a question into a place question.
    assert asks("Radford ou Sutskever ?") is None
    assert asks("Radford est où ?") is Asks.WHERE


@pytest.mark.parametrize(
    "question",
    [
        "What did OpenAI say publicly when he left?",
        "Qu'a dit Mark Chen quand Radford est parti ?",
        "How did OpenAI react when he left?",
        "Que fait Radford depuis qu'il est parti ?",
    ],
)
def test_a_when_inside_an_open_question_is_a_conjunction(question: str) -> None:
    assert asks(question) is None


@pytest.mark.parametrize(
    "question",
    [
        "Pourriez-vous me préciser le mois et l'année où Radford a proposé sa méthode ? Merci !",
        "Pourriez-vous m'indiquer l'année où Alec Radford a intégré OpenAI ?",
        "c'était quel jour où Murati est partie ?",
    ],
)
def test_ou_after_a_word_of_time_asks_when(question: str) -> None:
    assert asks(question) is Asks.WHEN


def test_ou_after_a_word_of_time_leaves_a_real_where_alone() -> None:
    assert asks("Où travaille-t-il depuis le jour où il est parti ?") is Asks.WHERE
