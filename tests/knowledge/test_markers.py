"""What a statement says by its grammar, in either language: what is to come, why, how many."""

from __future__ import annotations

import pytest

from knowledge.markers import (
    counts_beyond_time,
    counts_something,
    gives_money,
    gives_reason,
    gives_share,
    speaks_of_future,
    tells_age,
    tells_since,
    tells_span,
    tells_when,
)


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
        "Les travaux doivent commencer au printemps 2027.",  # what is scheduled
        "Le groupe entend également développer le format poche.",
        "NSH wants to build a 24,000-seat stadium.",
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
        "Le club doit 3 millions d'euros à la banque.",  # owes
        "Le village doit son nom à une abbaye.",
        "Il s'entend bien avec son associé.",
        "On entend souvent ce reproche.",
    ],
)
def test_past_and_present_statements_do_not(text: str) -> None:
    assert not speaks_of_future(text)


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Sonatrace employs about 230 people.", True),
        ("Parla 3 needs less than ten seconds of audio.", True),
        ("Sonatrace has six weeks to file its appeal.", True),
        ("L'entreprise emploie une centaine de personnes.", True),
        ("Radford joined OpenAI in 2016.", False),  # a year is a date, not a count
        ("The investigation opened on 13 November.", False),  # a day of the month too
    ],
)
def test_a_fact_with_a_count_can_answer_how_many(text: str, counts: bool) -> None:
    assert counts_something(text) is counts


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("The two operators were not sanctioned because Sonatrace alone decided how the data was used.", True),
        ("Le retard s'explique par des fouilles archéologiques.", True),
        ("La ligne a été retardée à cause des fouilles.", True),
        ("Radford joined OpenAI in 2016.", False),
    ],
)
def test_a_fact_that_gives_a_reason_can_answer_why(text: str, reason: bool) -> None:
    assert gives_reason(text) is reason


@pytest.mark.parametrize(
    ("text", "says_when"),
    [
        ("The investigation was opened in March 2024 after a complaint.", True),
        ("La ligne de bus 12 sera supprimée en janvier.", True),
        ("Tremblay took over as chair last week.", True),
        ("Les poids lourds sont filtrés à l'entrée depuis lundi.", True),
        ("The attack was detected at around 2:40 a.m.", True),
        ("Elle est présidente de la métropole.", False),
        ("Le contrat a été signé par un groupe lyonnais.", False),  # "été" there is no summer
        ("He is an analyst at a bank in Leeds.", False),  # nor "an" a year
        ("The attackers got in through a compromised account.", False),
    ],
)
def test_a_fact_that_says_when_can_answer_when(text: str, says_when: bool) -> None:
    """An article sentence without one of these carries only the publication day, which dates the news, not
    what the sentence says."""
    assert tells_when(text) is says_when


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ("Ostrander, who had led the regional bank for eleven years, is replaced by Whitcombe.", True),
        ("Tremblay, a former lawyer who took the post in 2024, said the regulator had received complaints.", True),
        ("Joan Whitcombe, the company's chief medical officer since 2016, will retire in December.", True),
        ("Mathieu Roussel, qui a pris la présidence en janvier 2025, vise 150 hôpitaux.", True),
        ("Mehdi Benali, qui dirigeait Synapsia depuis sa création, cède son poste.", True),
        ("Après avoir rejoint OpenAI en 2016, Radford a apporté une série de contributions.", True),
        ('"We will not pay a ransom," said the trust\'s chief executive, Dr Helen Okonjo-Barrett.', False),
        ("Gregory Amsel, Pellucid's chief executive, announced the agreement on a call with investors.", False),
    ],
)
def test_since_when_a_state_has_held(text: str, says: bool) -> None:
    assert tells_since(text) is says


def test_a_span_of_time_says_how_long() -> None:
    for text in (
        "predicts congestion up to three weeks in advance",
        "pendant deux ans",
        "a 48-hour strike",
        "Après neuf jours de grève",  # "neuf" counts before a unit, though it is "new" elsewhere
        "des retards pouvant atteindre une semaine",
    ):
        assert tells_span(text), text
    for text in (
        "He joined OpenAI in 2016.",
        "the accident of 12 March 2024",
        "Maison Ardelle a prévenu ses clients.",
        "un accord a été signé",
        "une mise à jour en mars",  # an update, not a day
        "un jour, peut-être",
    ):
        assert not tells_span(text), text


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("The trust approved a £6.7 million upgrade programme.", True),
        ("Le chantier a coûté 468 millions d'euros.", True),
        ("Shares closed at €37.10.", True),
        ("un déficit de 1,9 million d’euros", True),
        ("Tessellio jumped 29% in Amsterdam.", False),  # a share, not a sum of money
        ("It has 1.2 million paying users.", False),
        ("He joined in 2016.", False),
    ],
)
def test_a_sum_of_money_is_read_as_what_something_cost(text: str, gives: bool) -> None:
    assert gives_money(text) is gives


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("The method recovers more than 95% of the lithium.", True),
        ("a 7.5 percent pay rise", True),
        ("une hausse de 12 pour cent", True),
        ("It raised €47 million in May 2025.", False),
        ("Le 95e anniversaire", False),
    ],
)
def test_a_percentage_is_read_as_a_rate_or_a_share(text: str, gives: bool) -> None:
    assert gives_share(text) is gives


@pytest.mark.parametrize(
    ("text", "age"),
    [
        ("Whitcombe, 64, steered the company through a difficult decade", True),
        ("Gerald Pemberton, the 71-year-old chairman, said", True),
        ("Léa Brunetière, une infirmière de 34 ans, avait été percutée", True),
        ("un enfant de 9 ans a été blessé", True),
        ("Il est âgé de 58 ans.", True),
        ("Halloran (54) made his fortune in logistics", True),
        ("L'âge moyen des salariés est de 47 ans", True),
        ("un contrat de 10 ans avec la ville", False),
        ("In 2024, 35 people lost their jobs", False),
        ("PARIS, 12 mars 2026 — Le groupe", False),
        ("the 31,000-seat ground is due to open", False),
    ],
)
def test_a_fact_that_gives_someones_age_can_answer_how_old(text: str, age: bool) -> None:
    assert tells_age(text) is age


def test_a_count_beyond_time_is_a_number_of_something_not_a_span_or_a_date() -> None:
    assert counts_beyond_time("The co-operative brings together 640 dairy farmers.")
    assert counts_beyond_time("Passerelle réduit de moitié le nombre d'erreurs.")
    assert not counts_beyond_time("He stayed at OpenAI for about eight years.")
    assert not counts_beyond_time("Le 25 septembre 2024, Mira Murati a annoncé son départ.")
