"""Who is a person: a name that starts with a first name ("Nadia Verhoeven", not "Calder Rail").

The extraction decides an entity's kind with it, and the matcher whether a sentence names someone ("who founded
X?"); a module of its own, so the matcher's start-up does not import the extraction to read one list.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from knowledge.normalize import fold

_GIVEN_NAMES = Path(__file__).with_name("data") / "given_names.txt"


@cache
def given_names() -> frozenset[str]:
    """First names of people from anywhere, folded (`data/given_names.txt`, one a line), read once."""
    return frozenset(_GIVEN_NAMES.read_text(encoding="utf-8").split())


def is_given_name(word: str) -> bool:
    """Whether `word` is a first name ("Nadia", "Jean-Pierre", "Kwame"), whatever its case or accents."""
    folded = fold(word).lower()
    return folded in given_names() or folded.split("-")[0] in given_names()
