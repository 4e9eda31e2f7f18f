"""What a question asks for: a date, a person, an amount, a place, a reason, an age…

A fact can only answer a question whose kind it supports. "How old is Radford?" and "When did Radford join
OpenAI?" share their topic; only the kind of answer tells that the first is not covered by the second.
"""

from __future__ import annotations

import re
from enum import StrEnum

from knowledge.normalize import canonical


class Asks(StrEnum):
    WHEN = "when"
    WHO = "who"
    QUANTITY = "quantity"
    WHERE = "where"
    WHY = "why"
    AGE = "age"


_PATTERNS: tuple[tuple[Asks, re.Pattern[str]], ...] = (
    (
        Asks.AGE,
        re.compile(
            r"\bhow old\b|\bquel age\b|\bage (?:of|de|d)\b|\bwhat age\b|\bhis age\b|\bher age\b|\bson age\b"
            r"|\bborn\b|\bbirth\w*\b|\b(?:date|lieu|annee|jour|pays|ville) de naissance\b|\b(?:sa|son) naissance\b"
            r"|\bnee? (?:en|a|le|dans)\b|\b(?:est|etait) (?:il |elle )?nee?\b"
            r"|\banniversaire\b"
        ),
    ),
    (
        Asks.WHEN,
        re.compile(
            r"\bwhen\b|\b(?:wen|whn|wehn|qand|quan|kand|kan)\b|\bquand\b"
            r"|\bwhat (?:year|date|month|day|time)\b|\bwhich (?:year|date|month|day)\b"
            r"|\bin what year\b|\bquelle? (?:annee|date|mois|jour|epoque)\b|\ben quelle annee\b|\bdepuis quand\b"
            r"|\bwhat period\b|\bhow long ago\b|\bsince when\b|\bil y a combien\b|^\W*dates?\b|\bdate (?:of|de|du|d)\b"
        ),
    ),
    (
        Asks.QUANTITY,
        re.compile(
            r"\bhow (?:much|many)\b|\bcombien\b|\bwhat (?:amount|number|sum|price)\b|\bquel (?:montant|nombre)\b"
        ),
    ),
    (
        Asks.WHERE,
        re.compile(
            r"\bwhere\b|\bdans quelle ville\b|\bin (?:which|what) (?:city|country|place)\b"
            r"|\bquel (?:pays|lieu)\b|\bquelle ville\b"
        ),
    ),
    (
        Asks.WHY,
        re.compile(
            r"\bwhy\b|\bwy\b|\bpourquoi\b|\bpouquoi\b|\bpourqoi\b|\bpourquoa\b|\bpk\b|\bpq\b"
            r"|\bfor what reason\b|\bhow come\b|\bpour quelle raison\b"
        ),
    ),
    (
        Asks.WHO,
        re.compile(
            r"^\W*(?:and |et |so |alors )?(?:who|whom|whose|qui)\b|\bwho\b|\b(?:de|a|par|avec|pour) qui\b"
            r"|\b(?:c )?est qui\b|\bqui (?:est|etait|sont|a|ont|d autre)\b"
            r"|\bwhich (?:person|people|researcher|co ?founder)"
            r"|\bquelle personne\b|\bquel (?:chercheur|cofondateur|dirigeant)\b"
        ),
    ),
)
_WHERE_ACCENTED = re.compile(r"(?:^|\W)où(?:\W|$)", re.IGNORECASE)


# "où" loses its accent in folding and becomes "or"; unaccented, only a trailing "ou" means where.
_WHERE_TRAILING = re.compile(r"\bou\W*$")


def asks(question: str, canonical_question: str | None = None) -> Asks | None:
    """The kind of answer `question` wants, or None for an open question ("what did he say…").

    `canonical_question`, when the caller has it, saves folding the question again."""
    text = canonical(question) if canonical_question is None else canonical_question
    age = _PATTERNS[0][1]
    if age.search(text):  # "Où est né Radford ?" asks about a birth, not a place in the story
        return Asks.AGE
    if _WHERE_ACCENTED.search(question) or _WHERE_TRAILING.search(text):
        return Asks.WHERE
    for kind, pattern in _PATTERNS[1:]:
        if pattern.search(text):
            return kind
    return None


def asked_kinds(question: str, canonical_question: str | None = None) -> tuple[Asks, ...]:
    """Every kind of answer a question asks for ("when and where…" asks two); empty for open questions.
    The first is what `asks` says.

    One search per pattern (this runs for every sample question of every fact when the index is built);
    `canonical_question`, when the caller has it, saves folding the question again."""
    text = canonical(question) if canonical_question is None else canonical_question
    matched = [kind for kind, pattern in _PATTERNS if pattern.search(text)]
    where = bool(_WHERE_ACCENTED.search(question) or _WHERE_TRAILING.search(text))
    # As `asks`: a birth first, then a place, then the first pattern that matches.
    if Asks.AGE in matched:
        first = Asks.AGE
    elif where:
        first = Asks.WHERE
    elif matched:
        first = matched[0]
    else:
        return ()
    others = [kind for kind in matched if kind != first]
    if where:
        others.append(Asks.WHERE)
    return tuple(dict.fromkeys((first, *others)))
