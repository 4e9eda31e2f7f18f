"""The date of what a sentence's main clause says happened, never a date borrowed from a side clause.

"Verhoeven, who left Helix in August 2024, founded Corvid in February 2025" is a February 2025 event:
relative clauses ("who…", "qui…"), clauses of time or cause ("after…", "après avoir…", "since…") and
parentheses are set aside before the first date is taken. A sentence whose only date sits in such a
clause has no date of its own: the caller falls back to the article's publication date.
"""

from __future__ import annotations

import re

from knowledge.extract import _MONTH, _MONTHS, find_date
from knowledge.models import FactDate
from knowledge.normalize import canonical

# Words that open a clause whose date belongs to another event than the sentence's.
_SIDE_OPENERS = re.compile(
    r"^\s*(?:who|whom|whose|which|where|when|while|whereas|after|before|since|until|having|once|although|though"
    r"|because|as|qui|que|dont|ou|où|lequel|laquelle|lesquels|lesquelles|apres|après|avant|depuis|lorsqu|lorsque"
    r"|quand|alors|tandis|bien|puisque|parce|ayant)\b",
    re.IGNORECASE,
)
_PARENS = re.compile(r"\([^()]*\)")
# A fronted "since January 2025" / "depuis 2024" alone before the comma: a time phrase of the main clause.
_SINCE_ALONE = re.compile(r"^\s*(?:since|depuis)\s+(?:le\s+|the\s+)?(?:[\w-]+\s+){0,2}(?:19|20)\d\d\s*$", re.IGNORECASE)


def clauses(sentence: str) -> list[tuple[str, bool]]:
    """The sentence cut at commas, semicolons and dashes, each piece marked True when it is a side clause.

    A side clause runs from its opener to the next cut; a piece that does not open one is main."""
    pieces = re.split(r"\s*[,;—–]\s*|\s+-\s+", _PARENS.sub(" ", sentence))
    return [(piece, bool(_SIDE_OPENERS.match(piece))) for piece in pieces if piece.strip()]


def main_clause_text(sentence: str) -> str:
    """The sentence without its side clauses and parentheses."""
    return ", ".join(piece for piece, side in clauses(sentence) if not side)


_DAY_MONTH = re.compile(rf"\b(?:le )?([0-3]?\d)(?:er)? ({_MONTH})\b(?! (?:19|20)\d\d)")
_MONTH_DAY = re.compile(rf"\b({_MONTH}) ([0-3]?\d)(?:st|nd|rd|th)?\b(?!,? (?:19|20)\d\d)")
_MONTH_ONLY = re.compile(
    rf"\b(?:in|en|since|depuis|d ici|by|fin|end of|debut|early|late|mi) ({_MONTH})\b(?! (?:de |of )?(?:19|20)\d\d)(?! (?:ans|annees|mois|semaines|jours|years|months))"
)
_FUTURE = re.compile(
    r"\b(?:will|would|shall|plans? to|planned|expects? to|expected|due to|scheduled|is to|are to|upcoming|next"
    r"|until|deadline|jusqu|echeance|rejoindra|sera|seront|devrait|devraient|va|vont|prevoit|prevu|prevue|d ici"
    r"|doit|doivent|\w+(?:era|eront|ira|iront|ra|ront))\b"
)


def partial_date(text: str, published: FactDate | None) -> FactDate | None:
    """A month or a day the text names without a year ("in January", "le 1er mars", "on March 1"), dated in
    the publication's year — the year before when a past event's month is later than the publication's,
    the year after when a future one's is earlier."""
    if published is None:
        return None
    folded = canonical(text)
    day = None
    if match := _DAY_MONTH.search(folded):
        day, month = int(match.group(1)), _MONTHS[match.group(2)]
    elif match := _MONTH_DAY.search(folded):
        month, day = _MONTHS[match.group(1)], int(match.group(2))
    elif match := _MONTH_ONLY.search(folded):
        month = _MONTHS[match.group(1)]
    else:
        return None
    year = int(published.value[:4])
    if published.precision != "year":
        published_month = int(published.value[5:7])
        if _FUTURE.search(folded):
            year += month < published_month
        else:
            year -= month > published_month
    if day is not None and 1 <= day <= 31:
        return FactDate(f"{year}-{month:02d}-{day:02d}", "day")
    return FactDate(f"{year}-{month:02d}", "month")


def date_of(text: str, published: FactDate | None) -> FactDate | None:
    """The most precise date `text` states, a year found from the publication date when it gives none."""
    return find_date(text) or partial_date(text, published)


def main_clause_date(sentence: str, published: FactDate | None = None) -> FactDate | None:
    """The first date stated outside side clauses, or None when there is none."""
    for index, (piece, side) in enumerate(clauses(sentence)):
        if side and index == 0 and _SINCE_ALONE.match(piece):
            # "Depuis janvier 2025, elle est directrice…": when what the main clause states began.
            found = date_of(piece, published)
            if found is not None:
                return found
        if side:
            continue
        # "…founded Corvid after leaving Helix in 2024": a time clause without a comma still ends the main one.
        # …and a relative clause inside the piece ("a former engineer who left the firm in 2024").
        head = re.split(
            r"\b(?:after|before|since|apres|après|avant de|avant d|depuis|who|whom|which|where|qui|dont|lequel"
            r"|laquelle|où)\b",
            piece,
            maxsplit=1,
            flags=re.IGNORECASE,
        )[0]
        found = date_of(head, published)
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
