"""The clauses of a long statement: where one thing it says ends and the next begins."""

from __future__ import annotations

from knowledge.clauses import clauses


def test_a_long_sentence_is_cut_at_its_clauses() -> None:
    sentence = (
        "Parla 3, launched in January 2025, can reproduce a speaker's voice from less than ten seconds of audio, "
        "a capability the company markets to banks and telecom operators for automated customer-service lines."
    )
    assert clauses(sentence) == [
        "Parla 3 launched in January 2025",
        "can reproduce a speaker's voice from less than ten seconds of audio",
        "a capability the company markets to banks",
        "and telecom operators for automated customer-service lines",
    ]


def test_french_subordinate_clauses_are_cut_too() -> None:
    sentence = (
        "Le laboratoire, qui emploie 85 personnes à Lyon, a publié mardi son modèle, "
        "dont les poids sont disponibles sous licence Apache depuis février."
    )
    assert clauses(sentence) == [
        "Le laboratoire qui emploie 85 personnes à Lyon",  # "Le laboratoire" alone is too short a piece
        "a publié mardi son modèle",
        "dont les poids sont disponibles sous licence Apache depuis février",
    ]


def test_short_pieces_join_the_next_one() -> None:
    found = clauses("In 2019, with two engineers from Delft, Okafor founded the company that now employs 230 people.")
    assert all(len(part.split()) >= 4 for part in found)


def test_a_short_statement_is_its_own_clause() -> None:
    assert clauses("Alec Radford joined OpenAI in 2016.") == []
    assert clauses("") == []
