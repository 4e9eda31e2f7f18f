"""What a question asks for: a date, a person, an amount, a place, a reason, an age…

A fact can only answer a question whose kind it supports. "How old is Radford?" and "When did Radford join
OpenAI?" share their topic; only the kind of answer tells that the first is not covered by the second.
"""

from __future__ import annotations

import re
from enum import StrEnum

from knowledge.normalize import canonical, fold


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
            r"\bwhen\b|\b(?:wen|whn|wehn|qand|quan|kand|kan)\b|\bquand\b(?![ -](?:bien )?meme\b)"
            r"|\bwhat (?:(?:exact|precise|specific) )?(?:year|date|month|day|time)\b"
            r"|\bwhich (?:(?:exact|precise|specific) )?(?:year|date|month|day)\b"
            r"|\bin what year\b|\bquel(?:le)? (?:annee|date|mois|jour|epoque)\b|\ben quelle annee\b|\bdepuis quand\b"
            r"|\bdate (?:exacte|precise)\b"
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
# After a word of time, "où" is "when": "le mois et l'année où Radford a proposé sa méthode", "le jour où il est parti".
_WHEN_WHERE = re.compile(
    r"\b(?:ann[ée]es?|ans?|mois|jours?|dates?|moments?|[ée]poques?|semaines?|p[ée]riodes?|heures?|soirs?|matins?"
    r"|instants?|fois)\s+où(?:\W|$)",
    re.IGNORECASE,
)


# "où" loses its accent in folding and becomes "or"; unaccented, only a trailing "ou" means where.
_WHERE_TRAILING = re.compile(r"\bou\W*$")


# An open question word leading the question: a later "when" or "who" is then a conjunction or a relative
# ("What did OpenAI say when he left?", "Que fait la personne qui a quitté OpenAI ?").
_OPEN_LEAD = re.compile(
    r"^\W*(?:and |et |so |alors |ok |okay )?(?:what\b|que\b|qu'|quoi\b|how (?:did|does|do|is|was|were|has|have)\b)"
)


def asks(question: str, canonical_question: str | None = None) -> Asks | None:
    """The kind of answer `question` wants, or None for an open question ("what did he say…").

    `canonical_question`, when the caller has it, saves folding the question again."""
    kinds = asked_kinds(question, canonical_question)
    return kinds[0] if kinds else None


def asked_kinds(question: str, canonical_question: str | None = None) -> tuple[Asks, ...]:
    """Every kind of answer a question asks for ("when and where…" asks two), the one it leads with first;
    empty for open questions.

    A birth is asked first wherever it stands ("Où est né Radford ?"), then a place; then the kind whose
    words come first. A question led by "what"/"que" asks what its first kind word does not introduce:
    "What did OpenAI say when he left?" is open, "What year did he leave?" asks when.

    One search per pattern (this runs for every sample question of every fact when the index is built);
    `canonical_question`, when the caller has it, saves folding the question again."""
    text = canonical(question) if canonical_question is None else canonical_question
    # Which kinds: read on the canonical text. Where they stand: on the text with its elisions, which is
    # where a leading "qu'" can be seen ("Qu'a dit Chen quand il est parti ?").
    spoken = fold(question)
    starts: dict[Asks, int] = {}
    for kind, pattern in _PATTERNS:
        if pattern.search(text):
            found = pattern.search(spoken)
            starts[kind] = found.start() if found else len(spoken)
    when_where = _WHEN_WHERE.search(question)
    if when_where is not None:
        starts.setdefault(Asks.WHEN, len(fold(question[: when_where.start()])))
        question = question[: when_where.start()] + question[when_where.end() :]
    where = bool(_WHERE_ACCENTED.search(question) or _WHERE_TRAILING.search(text))
    if not starts and not where:
        return ()
    ordered = sorted(starts, key=lambda kind: starts[kind])
    if Asks.AGE in starts:
        first: Asks | None = Asks.AGE
    elif where:
        first = Asks.WHERE
    else:
        first = ordered[0]
        lead = _OPEN_LEAD.match(spoken)
        if lead and starts[first] >= lead.end():
            first = None  # open: the kind words belong to a clause inside it
    others = [kind for kind in ordered if kind != first]
    if where and first is not Asks.WHERE:
        others.append(Asks.WHERE)
    if first is None:
        return ()
    return tuple(dict.fromkeys((first, *others)))
