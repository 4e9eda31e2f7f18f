"""A lower-case everyday word is not the one-word name it spells ("I was reading about…" is not Reading)."""

from __future__ import annotations

from knowledge.matcher import everyday_homonyms
from knowledge.models import Entity, Localized

ROLE = Localized(en="", fr="")
ENTITIES = {
    "reading": Entity("reading", "place", "Reading", (), ROLE),
    "france": Entity("france", "place", "France", (), ROLE),
    "clip": Entity("clip", "project", "CLIP", (), ROLE),
    "kestrel-institute": Entity("kestrel-institute", "organization", "Kestrel Institute", ("Kestrel",), ROLE),
}


def test_an_everyday_lower_case_word_is_not_a_discovered_name() -> None:
    text = "I was reading about the Kestrel study: who led it?"
    assert everyday_homonyms(text, "en", {"@reading", "@kestrel-institute"}, ENTITIES) == {"@reading"}


def test_the_name_written_as_a_name_stays() -> None:
    assert not everyday_homonyms("Which institute in Reading did the study?", "en", {"@reading"}, ENTITIES)
    assert not everyday_homonyms("reading or Reading?", "en", {"@reading"}, ENTITIES)


def test_well_known_places_and_rarer_words_stay_names_in_lower_case() -> None:
    assert not everyday_homonyms("combien de clients en france ?", "fr", {"@france"}, ENTITIES)
    assert not everyday_homonyms("what is clip", "en", {"@clip"}, ENTITIES)
