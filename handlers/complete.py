"""Autocomplete sources for command parameters (Discord offers at most 25 choices)."""

from __future__ import annotations

from handlers.commands import Autocomplete
from knowledge.base import Knowledge
from knowledge.normalize import canonical

MAX_CHOICES = 25


def complete(knowledge: Knowledge, source: Autocomplete, prefix: str, lang: str = "en") -> list[tuple[str, str]]:
    """(label, value) pairs whose label contains `prefix`, accent- and case-blind, best first."""
    key = canonical(prefix).strip()
    options: list[tuple[str, str]]
    if source == "people":
        options = [(p.name, p.name) for p in knowledge.people()]
    elif source == "timeline":
        years = sorted({f.date.value[:4] for f in knowledge.timeline() if f.date})
        options = [(p.name, p.name) for p in knowledge.people()] + [(y, y) for y in years]
    else:
        options = [(f.text.get(lang)[:100], f.id) for f in knowledge.facts if f.curated]
    starts = [o for o in options if canonical(o[0]).startswith(key)]
    contains = [o for o in options if key in canonical(o[0]) and o not in starts]
    return (starts + contains)[:MAX_CHOICES]
