"""Names in a sentence's words: runs of capitals, acronyms with their expansion, well-known places."""

from __future__ import annotations

import pytest

from knowledge.extract_names import (
    AliasTable,
    Candidate,
    clean_name,
    expansions,
    kind_of,
    known_places,
    name_key,
    name_runs,
    slug,
)
from knowledge.extract_words import words
from knowledge.given_names import given_names, is_given_name


def spans(sentence: str, found: list[tuple[int, int]]) -> list[str]:
    ws = words(sentence)
    return [sentence[ws[a].start : ws[b - 1].end] for a, b in found]


def test_runs_stop_at_punctuation_and_skip_sentence_words() -> None:
    sentence = "The company Corvid Robotics Inc. (CRI) hired Nadia Verhoeven of Delft University of Technology."
    assert spans(sentence, name_runs(sentence, words(sentence), set())) == [
        "Corvid Robotics Inc",
        "CRI",
        "Nadia Verhoeven",
        "Delft University of Technology",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Lumen released Corvid 4 in May, and Vigie 2 followed.", ["Lumen", "Corvid 4", "Vigie 2"]),
        # Runs may start with a sentence's first word (later dropped when it is an everyday word).
        ("About 42,000 passengers a day are expected on the line.", ["About"]),
        ("Près de 1 300 exploitations utilisent déjà Vigie 2.", ["Près", "Vigie 2"]),
    ],
)
def test_a_version_number_joins_a_name_but_a_bigger_number_does_not(sentence: str, expected: list[str]) -> None:
    assert spans(sentence, name_runs(sentence, words(sentence), set())) == expected


@pytest.mark.parametrize("sentence", ['"I\'m not going anywhere," Halloway said.', "We’re staying, Okafor said."])
def test_a_pronoun_with_its_verb_is_no_name(sentence: str) -> None:
    assert spans(sentence, name_runs(sentence, words(sentence), set())) == [sentence.split()[-2].strip(",")]


def test_acronym_expansions_may_hold_lower_case_words() -> None:
    sentence = "Ils se sont rencontrés à l'Institut national des circuits intelligents (INCI), à Grenoble."
    ws = words(sentence)
    [(a, b, acronym)] = expansions(sentence, ws, set())
    assert acronym == "INCI" and sentence[ws[a].start : ws[b - 1].end] == "Institut national des circuits intelligents"


def test_well_known_places_and_clean_names() -> None:
    sentence = "Regulators in the United States and the European Union must approve it."
    assert spans(sentence, known_places(words(sentence), set())) == ["United States", "European Union"]
    assert clean_name(words("Mr Corvid Robotics Inc.")) == ("Corvid Robotics", "Inc")
    assert clean_name(words("Mayor Gail Petrosky")) == ("Gail Petrosky", None)  # an office is no part of a name
    assert clean_name(words("la juge Hélène Marchetti")[1:]) == ("Hélène Marchetti", None)
    assert slug("Vérane Systèmes") == "verane-systemes"


def test_one_word_aliases_need_a_capital() -> None:
    table = AliasTable()
    table.add("Whisper", "whisper")
    assert table.find(words("Whisper transcribes speech")) == [("whisper", 0, 1)]
    assert table.find(words("she said it in a whisper")) == []


def test_the_given_names_cover_the_world_and_leave_out_everyday_words() -> None:
    assert len(given_names()) > 5000
    for name in ("Nadia", "Jean-Pierre", "Kwame", "Xiaoming", "Sunita", "Anneke", "Mamadou", "Élodie", "Zoë"):
        assert is_given_name(name), name
    for word in ("Semiconductor", "Rail", "Research", "Will", "Grace", "Paris", "Maison"):
        assert not is_given_name(word), word


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Veltrion Semiconductor", "organization"),  # no first name before it, and nothing says it is someone
        ("Calder Rail", "organization"),
        ("Tondo T9", "organization"),
        ("Valmont-sur-Loire", "place"),
        ("Bréval-la-Forêt", "place"),
        ("Sainte-Colombe", "place"),
        ("Nadia Verhoeven", "person"),
        ("Kwame Mensah", "person"),
        ("Garance-12B", "product"),  # a version joined by a hyphen is a thing's, like "Corvid 4"
        ("Skarv-1", "product"),
        ("Saint-Ombrel", "place"),
    ],
)
def test_a_name_without_clues_is_a_person_only_when_it_starts_with_a_first_name(name: str, kind: str) -> None:
    assert kind_of(Candidate(name, len(name_key(name)))) == kind


def test_the_text_saying_it_is_someone_outweighs_an_unknown_first_name() -> None:
    assert kind_of(Candidate("Zorvath Quillane", 2, person=3.0)) == "person"  # "CEO Zorvath Quillane said"
