"""How facts map to rows of the `facts` table and back: shared by the store and its outbox queries."""

from __future__ import annotations

import hashlib
import json
from typing import Any

import aiosqlite

from knowledge.models import Fact, FactDate, Localized


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


def fact_from_row(row: aiosqlite.Row, extra_sources: tuple[str, ...]) -> Fact:
    return Fact(
        id=row["id"],
        kind=row["kind"],
        subject=row["subject"],
        entities=tuple(json.loads(row["entities"])),
        source=row["source_id"],
        sentence=row["sentence"],
        text=Localized(row["text_en"], row["text_fr"]),
        date=FactDate(row["date_value"], row["date_precision"]) if row["date_value"] else None,
        when=Localized(row["when_en"], row["when_fr"]) if row["when_en"] else None,
        before=row["before_fact"],
        timeline=bool(row["timeline"]),
        questions_en=tuple(json.loads(row["questions_en"])),
        questions_fr=tuple(json.loads(row["questions_fr"])),
        curated=bool(row["curated"]),
        extra_sources=extra_sources,
    )
