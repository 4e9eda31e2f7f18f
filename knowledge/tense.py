"""Whether a statement speaks of what is to come: plans, schedules, the future tense.

"What is Sonatrace planning to replace its data with?" asks about the future, and the matcher wants a fact
that states it (see `lacking`). A curated fact says so with a word of the lexicon ("plans", "next"); a
sentence from an article says it with its grammar — "will", "is expected to", "lancera", "d'ici 2026" —
which no list of topic words covers. These markers are that grammar, in both languages.
"""

from __future__ import annotations

import re

from knowledge.normalize import fold

_FUTURE = re.compile(
    r"\b(?:will|won t|would|shall|going to|plans? to|planned|planning|expects? to|expected to|is due to|"
    r"are due to|scheduled|intends? to|aims? to|set to|next (?:year|month|week|spring|summer|autumn|fall|winter)|"
    r"upcoming|by (?:the end of )?(?:20\d\d|next)|in the coming|"
    r"va|vont|sera|seront|aura|auront|fera|feront|pourra|pourront|devra|devront|ira|iront|prevoit|prevoient|"
    r"prevu|prevue|prevus|prevues|envisage|envisagent|projette|d ici|prochain|prochaine|"
    r"prochains|prochaines|a venir|\w{3,}(?:[^m\W]era|eront|iront|[^m\W]ira))\b"
)


def speaks_of_future(text: str) -> bool:
    """Whether `text` says what is planned, scheduled or yet to happen."""
    return _FUTURE.search(fold(text).replace("'", " ").replace("’", " ")) is not None
