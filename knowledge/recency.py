"""Questions about the present ("now", "currently", "aujourd'hui", "désormais") want the newest fact.

The matcher scores what a question asks, not when it was true: "what is Murati doing now?" scores her
2024 departure and an article about her new company alike. Among answers about the same person or thing
that score within `MARGIN` of the best, the newest one wins when the question is about the present.
"""

from __future__ import annotations

import re
from dataclasses import replace

from knowledge.matcher import Candidate, MatchResult
from knowledge.normalize import canonical

MARGIN = 0.1
_PRESENT = re.compile(
    r"\b(?:now|currently|current|today|these days|nowadays|at the moment|at present|still|latest"
    r"|aujourd.hui|desormais|actuellement|maintenant|en ce moment|actuel|actuelle|a present|toujours"
    r"|dernier|derniere)\b"
)


def asks_about_now(question: str) -> bool:
    return bool(_PRESENT.search(canonical(question)))


def _about_same(candidate: Candidate, subject: str | None) -> bool:
    fact = candidate.fact
    return subject is not None and (fact.subject == subject or subject in fact.entities)


def prefer_newest(result: MatchResult) -> MatchResult:
    """`result` with its best answer replaced by a newer close rival about the same subject, for a
    question about the present; unchanged otherwise."""
    best = result.best
    if not result.answered or best is None or not asks_about_now(result.question):
        return result
    subject = best.fact.subject
    rivals = [
        c
        for c in result.alternatives
        if c.score >= best.score - MARGIN and c.fact.date is not None and _about_same(c, subject)
    ]
    if best.fact.date is None:
        # An undated profile is background that any dated news about its subject updates; an undated
        # statement ("he plans to keep working with OpenAI") may be the present itself, and stays.
        if best.fact.kind != "profile":
            return result
        newest = max(rivals, key=lambda c: c.fact.date.sort_key if c.fact.date else "", default=best)
    else:
        newest = max([best, *rivals], key=lambda c: c.fact.date.sort_key if c.fact.date else "")
    if newest is best:
        return result
    others = tuple(c for c in (best, *result.alternatives) if c is not newest)
    return replace(result, best=newest, alternatives=others)
