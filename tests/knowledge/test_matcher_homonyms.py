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
    "meridian": Entity("meridian", "organization", "Meridian Intelligence Systems", ("MIS", "Meridian"), ROLE),
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


def test_an_acronym_spelled_by_an_everyday_word_is_the_word() -> None:
    text = "qui a mis de l'argent dans Brightwater ?"
    assert everyday_homonyms(text, "fr", {"@meridian"}, ENTITIES) == {"@meridian"}


def test_an_acronym_named_some_other_way_too_stays() -> None:
    assert not everyday_homonyms("qui a mis Meridian en vente ?", "fr", {"@meridian"}, ENTITIES)
    assert not everyday_homonyms("qui dirige MIS ?", "fr", {"@meridian"}, ENTITIES)
    assert not everyday_homonyms("la meridian intelligence systems a mis quoi ?", "fr", {"@meridian"}, ENTITIES)
