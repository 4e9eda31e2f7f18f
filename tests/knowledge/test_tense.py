"""What is to come, read from the grammar of a statement in either language."""

from __future__ import annotations

import pytest

from knowledge.tense import speaks_of_future


@pytest.mark.parametrize(
    "text",
    [
        "Sonatrace said it would appeal.",
        "Corvid 4 was originally scheduled for release in the autumn of 2025.",
        "Norvane expects to complete the deal in the second quarter of 2026.",
        "The lab plans to open an office in Montreal.",
        "Le studio lancera deux extensions l'an prochain.",
        "L'entreprise prévoit de recruter une vingtaine d'ingénieurs d'ici 2026.",
        "La ligne sera prolongée.",
    ],
)
def test_plans_and_the_future_tense_speak_of_the_future(text: str) -> None:
    assert speaks_of_future(text)


@pytest.mark.parametrize(
    "text",
    [
        "Alec Radford joined OpenAI in 2016.",
        "Elle a quitté la société en mars.",
        "L'AUNF compte 96 universités membres.",  # "compte": counts, not intends
        "La caméra a filmé l'accident.",  # "-era" ending a noun
        "The opera house reopened in 2019.",
    ],
)
def test_past_and_present_statements_do_not(text: str) -> None:
    assert not speaks_of_future(text)
