"""The date of what a sentence's main clause says happened, never a date borrowed from a side clause.

"Verhoeven, who left Helix in August 2024, founded Corvid in February 2025" is a February 2025 event:
relative clauses ("who…", "qui…"), clauses of time or cause ("after…", "après avoir…", "since…") and
parentheses are set aside before the first date is taken. A sentence whose only date sits in such a
clause has no date of its own: the caller falls back to the article's publication date.
"""

from __future__ import annotations

import re

from knowledge.extract import find_date
from knowledge.models import FactDate

# Words that open a clause whose date belongs to another event than the sentence's.
_SIDE_OPENERS = re.compile(
    r"^\s*(?:who|whom|whose|which|where|when|while|whereas|after|before|since|until|having|once|although|though"
    r"|because|as|qui|que|dont|ou|où|lequel|laquelle|lesquels|lesquelles|apres|après|avant|depuis|lorsqu|lorsque"
    r"|quand|alors|tandis|bien|puisque|parce|ayant)\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\([^()]*\)")


def clauses(sentence: str) -> list[tuple[str, bool]]:
    """The sentence cut at commas, semicolons and dashes, each piece marked True when it is a side clause.

    A side clause runs from its opener to the next cut; a piece that does not open one is main."""
    pieces = re.split(r"\s*[,;—–]\s*|\s+-\s+", _PARENS.sub(" ", sentence))
    return [(piece, bool(_SIDE_OPENERS.match(piece))) for piece in pieces if piece.strip()]


def main_clause_text(sentence: str) -> str:
    """The sentence without its side clauses and parentheses."""
    return ", ".join(piece for piece, side in clauses(sentence) if not side)


def main_clause_date(sentence: str) -> FactDate | None:
    """The first date stated outside side clauses, or None when there is none."""
    for piece, side in clauses(sentence):
        if side:
            continue
        # "…founded Corvid after leaving Helix in 2024": a time clause without a comma still ends the main one.
        head = re.split(r"\b(?:after|before|since|apres|après|avant de|avant d|depuis)\b", piece, maxsplit=1)[0]
        found = find_date(head)
        if found is not None:
            return found
    return None


def article_date(value: str | None) -> FactDate | None:
    """An article's publication date (`2025`, `2025-03`, `2025-03-03`) with the precision it has."""
    if not value:
        return None
    parts = value.split("-")
    precision = {1: "year", 2: "month", 3: "day"}.get(len(parts))
    if precision == "year":
        return FactDate(value, "year")
    if precision == "month":
        return FactDate(value, "month")
    if precision == "day":
        return FactDate(value, "day")
    return None
