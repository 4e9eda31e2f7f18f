"""How facts map to rows of the `facts` table and back: shared by the store and its outbox queries."""

from __future__ import annotations

import hashlib
import json
import sys
from typing import Any

from knowledge.models import Fact, FactDate, Localized
from knowledge.store.connection import Row


def fact_digest(fact: Fact) -> str:
    """A stable hash of everything stored about a fact, so a rebuild rewrites only what changed."""
    payload = json.dumps(fact_row(fact, digest=""), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(payload.encode()).hexdigest()[:16]


def fact_row(fact: Fact, *, digest: str) -> dict[str, Any]:
    return {
        "id": fact.id,
        "source_id": fact.source,
        "kind": fact.kind,
        "subject": fact.subject,
        "entities": json.dumps(list(fact.entities)),
        "sentence": fact.sentence,
        "text_en": fact.text.en,
        "text_fr": fact.text.fr,
        "date_value": fact.date.value if fact.date else None,
        "date_precision": fact.date.precision if fact.date else None,
        "when_en": fact.when.en if fact.when else None,
        "when_fr": fact.when.fr if fact.when else None,
        "before_fact": fact.before,
        "timeline": int(fact.timeline),
        "questions_en": json.dumps(list(fact.questions_en), ensure_ascii=False),
        "questions_fr": json.dumps(list(fact.questions_fr), ensure_ascii=False),
        "curated": int(fact.curated),
        "digest": digest,
    }


def fact_from_row(row: Row, extra_sources: tuple[str, ...]) -> Fact:
    # Ids of sources, entities and kinds repeat across thousands of facts, and an extracted fact's text is
    # the same sentence in both languages: share those strings rather than hold a copy per fact.
    intern = sys.intern
    sentence, text_en, text_fr = row["sentence"], row["text_en"], row["text_fr"]
    text_en = sentence if text_en == sentence else text_en
    text_fr = text_en if text_fr == text_en else text_fr
    return Fact(
        id=row["id"],
        kind=intern(row["kind"]),
        subject=intern(row["subject"]) if row["subject"] else row["subject"],
        entities=tuple(intern(e) for e in json.loads(row["entities"])),
        source=intern(row["source_id"]),
        sentence=sentence,
        text=Localized(text_en, text_fr),
        date=FactDate(row["date_value"], row["date_precision"]) if row["date_value"] else None,
        when=Localized(row["when_en"], row["when_fr"]) if row["when_en"] else None,
        before=row["before_fact"],
        timeline=bool(row["timeline"]),
        questions_en=tuple(json.loads(row["questions_en"])),
        questions_fr=tuple(json.loads(row["questions_fr"])),
        curated=bool(row["curated"]),
        extra_sources=extra_sources,
    )
