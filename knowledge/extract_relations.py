"""What a sentence states about its entities: a role, joining, leaving, founding, raising money, selling
or buying, being based somewhere, announcing something — in English and French.

The sentence is masked (`extract_masked`), every pattern of `extract_rules` runs on it, and what each
match states (`extract_builders`) is kept when it fits the entities' kinds. A relation carries the date of
its own clause; the fact's date is its main clause's (`extract_dates`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from knowledge.extract_builders import amount_spelled
from knowledge.extract_masked import Relation, mask
from knowledge.extract_mentions import Mention
from knowledge.extract_rules import RULES
from knowledge.models import FactDate
from knowledge.normalize import fold1

__all__ = ["Relation", "amount_spelled", "fold1", "mask", "relations"]


_PEOPLE = frozenset({"role", "join", "leave", "replace"})
_INVESTING = frozenset({"invest"})
_ORGS = frozenset({"found", "raise", "based"})


def _fits(relation: Relation, kinds: Mapping[str, str]) -> bool:
    """People hold roles and move between organisations; organisations are founded, raise money, sit somewhere."""
    if relation.kind in _PEOPLE:
        if relation.subject == relation.org or kinds.get(relation.subject) != "person":
            return False
        return relation.org is None or kinds.get(relation.org) in _ORG_KINDS
    if relation.kind in _ORGS:
        return (
            kinds.get(relation.subject) in _ORG_KINDS
            and relation.subject not in relation.others
            and bool(relation.others or relation.what or relation.kind != "found")
        )
    return True


_ORG_KINDS = frozenset({"organization", "project", "product"})
MAX_SENTENCE = 600
MAX_MENTIONS = 16


def relations(
    sentence: str,
    mentions: Sequence[Mention],
    kinds: Mapping[str, str],
    main: str | None = None,
    published: FactDate | None = None,
) -> list[Relation]:
    """Every relation the sentence states, first found first, without repeats; `kinds` gives each entity's
    kind (a person holds a role, an organisation raises money); `main` is the organisation the article is
    about, which "joined as CTO" or "the round was led by" refer to when the sentence names none.

    A "sentence" longer than MAX_SENTENCE characters or naming more than MAX_MENTIONS names is a list, not
    a statement: it stays a fact, but no pattern runs on it (some would take quadratic time)."""
    if len(sentence) > MAX_SENTENCE or len(mentions) > MAX_MENTIONS:
        return []
    orgs = [m.entity for m in sorted(mentions, key=lambda m: m.start) if kinds.get(m.entity) == "organization"]
    masked = mask(sentence, mentions, orgs[0] if orgs else main, main, published, kinds)
    found: list[Relation] = []
    for _kind, pattern, build in RULES:
        for match in pattern.finditer(masked.key):
            for relation in build(masked, match):
                if relation.kind == "found" and any(kinds.get(e) == "person" for e in relation.others):
                    # "…with her former Stanford classmate Leo Park": founders are the people named
                    people = tuple(e for e in relation.others if kinds.get(e) == "person")
                    relation = Relation(
                        "found",
                        relation.subject,
                        relation.org,
                        others=people,
                        date=relation.date,
                        derived=relation.derived,
                    )
                if not _fits(relation, kinds):
                    continue
                if not any(_same(relation, r) for r in found):
                    found.append(relation)
    return found


def _same(a: Relation, b: Relation) -> bool:
    if a.kind != b.kind or a.subject != b.subject:
        return False
    if a.kind == "role":
        return a.org == b.org or b.org is None or a.org is None
    return a.org == b.org
