"""Slips in names given in full are mended; real words and other aliases are left as they are."""

from __future__ import annotations

import pytest

from knowledge.models import Entity, Localized
from knowledge.names import NameMender


def _person(entity_id: str, name: str, *aliases: str) -> Entity:
    return Entity(id=entity_id, name=name, kind="person", aliases=aliases, role=Localized(en="", fr=""))


MENDER = NameMender(
    [
        _person("lovelace", "Ada Lovelace", "ada lovelace", "lovelace", "ada lovelance"),
        _person("babbage", "Charles Babbage", "charles babbage", "babbage"),
        _person("hopper", "Grace Hopper", "grace hopper", "hopper"),
    ]
)


@pytest.mark.parametrize(
    ("text", "mended"),
    [
        ("When did Charls Babbage die?", "When did Charles Babbage die?"),
        ("when did charles babage die", "when did charles babbage die"),
        ("Grace Hoper's first compiler?", "Grace Hopper's first compiler?"),
        ("Ada Lovlace wrote what?", "Ada Lovelace wrote what?"),
    ],
)
def test_a_slip_next_to_the_rest_of_a_name_is_mended(text: str, mended: str) -> None:
    assert MENDER.mend(text) == mended


@pytest.mark.parametrize(
    "text",
    [
        "Who is Ada Lovelance?",  # an alias as it stands
        "Grace Kelly was an actress",  # too far from any alias
        "Charles then left",  # a stop word is never a slip
        "Grace hoped for more",  # a common word is a word
        "Where is Babbage buried?",  # one word: nothing to anchor a slip
    ],
)
def test_words_that_are_not_slips_stay(text: str) -> None:
    assert MENDER.mend(text) == text


_LEXICON = {"mother": "parent", "mum": "parent", "mom": "parent", "of": "", "computing": "@computing", "wrote": "write"}


def _word_concepts(word: str) -> list[str]:
    concept = _LEXICON.get(word, word)
    return [concept] if concept else []


NICKNAMES = NameMender(
    [
        _person("lovelace", "Ada Lovelace", "mother of computing"),
        _person("hopper", "Grace Hopper", "wrote computing"),  # a relation: no nickname
    ],
    _word_concepts,
    relations={"write"},
)


@pytest.mark.parametrize(
    ("concepts", "read"),
    [
        (["who", "parent", "@computing"], ["who", "@lovelace"]),  # "who is the mum of computing"
        (["@computing", "parent", "born"], ["@lovelace", "born"]),  # "computing's mom, when was she born"
        (["parent", "born", "@computing"], ["parent", "born", "@computing"]),  # not side by side
        (["write", "@computing"], ["write", "@computing"]),  # a relation is no nickname
    ],
)
def test_a_nickname_in_other_words_is_its_person(concepts: list[str], read: list[str]) -> None:
    assert NICKNAMES.nicknames(concepts) == read


ROLE = Localized(en="", fr="")
NAMESAKES = [
    Entity("amara-okafor", "person", "Amara Okafor", ("Okafor",), ROLE),
    Entity("priya-okafor", "person", "Priya Okafor", (), ROLE),
]
# Which concepts each person's facts have: Priya Okafor is the COO.
FACTS = {"@amara-okafor": {"found", "@brightwater"}, "@priya-okafor": {"coo", "since", "@veltrix"}}


def cooccurs(entity: str, concept: str) -> bool:
    return concept in FACTS.get(entity, set())


def test_a_shared_surname_is_the_namesake_the_rest_of_the_question_is_about() -> None:
    mender = NameMender(NAMESAKES)
    read = mender.choose(frozenset({"@amara-okafor", "coo", "since"}), ["okafor", "coo", "since", "when"], cooccurs)
    assert read == {"@priya-okafor", "coo", "since"}


def test_a_tie_or_a_name_in_full_keeps_the_reading() -> None:
    mender = NameMender(NAMESAKES)
    assert mender.choose(frozenset({"@amara-okafor", "age"}), ["okafor", "age"], cooccurs) == {"@amara-okafor", "age"}
    words = ["amara", "okafor", "coo"]
    assert mender.choose(frozenset({"@amara-okafor", "coo"}), words, cooccurs) == {"@amara-okafor", "coo"}


def test_a_shared_first_word_is_the_organisation_whose_name_has_the_rest_of_the_question() -> None:
    """ "The Halvorsen museum" is the Halvorsen Maritime Museum, whose facts say "the museum", not the Halvorsen
    Energi that holds the alias "Halvorsen"."""
    organisations = [
        Entity("halvorsen-energi", "organization", "Halvorsen Energi", ("Halvorsen",), ROLE),
        Entity("halvorsen-maritime-museum", "organization", "Halvorsen Maritime Museum", (), ROLE),
    ]
    meaning = {"museum": ["~museum"], "maritime": ["maritime"], "energi": ["energy"]}
    mender = NameMender(organisations, lambda word: meaning.get(word, [word]))
    words = ["chair", "halvorsen", "museum"]
    read = mender.choose(frozenset({"@halvorsen-energi", "chair", "~museum"}), words, cooccurs)
    assert read == {"@halvorsen-maritime-museum", "chair", "~museum"}
    plain = mender.choose(frozenset({"@halvorsen-energi", "chair"}), ["chair", "halvorsen"], cooccurs)
    assert plain == {"@halvorsen-energi", "chair"}


def test_a_first_name_another_person_has_is_still_a_slip_when_that_person_is_not_named() -> None:
    """ "Julien" is Julien Coste's first name, but "Julien Okafor" is a slip for Julian Okafor; "Julien Coste"
    written in full stays."""
    mender = NameMender(
        [
            _person("julian-okafor", "Julian Okafor", "julian okafor", "okafor"),
            _person("julien-coste", "Julien Coste", "julien coste", "coste"),
        ]
    )
    assert mender.mend("What did Julien Okafor do?") == "What did Julian Okafor do?"
    assert mender.mend("Julien Coste and Julian Okafor met.") == "Julien Coste and Julian Okafor met."
