"""Countries and major cities under every name either language gives them ("Bruxelles" = "Brussels").

Read from `data/places.json` (made by `scripts/make_places.py`) the first time an article is extracted, never
on the question path: an extracted place entity gets its other-language names as aliases, so a question
naming it either way meets the article's facts, and a capitalised word that is a known place needs no clue
around it to be taken for one.
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from knowledge.normalize import tokens

_PATH = Path(__file__).with_name("data") / "places.json"


def _key(name: str) -> tuple[str, ...]:
    return tuple(tokens(name))


@lru_cache(maxsize=1)
def _groups() -> dict[tuple[str, ...], dict[str, Any]]:
    data = json.loads(_PATH.read_text(encoding="utf-8"))
    found: dict[tuple[str, ...], dict[str, Any]] = {}
    for group in data["places"]:
        for name in group["names"]:
            found.setdefault(_key(name), group)
    return found


def is_place(name: str) -> bool:
    """Whether `name` is a country or a major city in either language."""
    return _key(name) in _groups()


def other_names(name: str) -> list[str]:
    """The place's other names in either language ("Bruxelles" → ["Brussels"]), none for an unknown place."""
    key = _key(name)
    group = _groups().get(key)
    return [other for other in group["names"] if _key(other) != key] if group else []


def place_name(name: str, lang: str) -> str:
    """The place as `lang` writes it ("Bruxelles" in English is "Brussels"); `name` itself when unknown."""
    group = _groups().get(_key(name))
    return str(group[lang]) if group and lang in group else name
