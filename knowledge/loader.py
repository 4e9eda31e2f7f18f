"""Reads the knowledge files shipped in `knowledge/data` into model objects, checking them as it goes."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from knowledge.models import LANGS, Entity, Fact, FactDate, Lang, Localized, Source

DATA_DIR = Path(__file__).with_name("data")


class KnowledgeFileError(ValueError):
    """A knowledge file that does not follow the schema in knowledge/data/README.md."""


@dataclass(frozen=True, slots=True)
class Bundle:
    """Everything the data folder holds, plus a digest that changes whenever any file does."""

    sources: list[Source]
    entities: list[Entity]
    facts: list[Fact]
    digest: str


def _read_json(path: Path) -> dict[str, Any]:
    try:
        return cast(dict[str, Any], json.loads(path.read_text(encoding="utf-8")))
    except (OSError, json.JSONDecodeError) as error:
        raise KnowledgeFileError(f"{path}: {error}") from error


def _lang(value: object, where: str) -> Lang:
    if value not in LANGS:
        raise KnowledgeFileError(f"{where}: language must be 'en' or 'fr', not {value!r}")
    return value


def _localized(value: object, where: str) -> Localized:
    if not isinstance(value, dict) or not value.get("en") or not value.get("fr"):
        raise KnowledgeFileError(f"{where}: needs non-empty 'en' and 'fr' texts")
    return Localized(str(value["en"]).strip(), str(value["fr"]).strip())


def parse_source(raw: dict[str, Any], data_dir: Path) -> Source:
    where = f"source {raw.get('id')!r}"
    text = None
    if raw.get("file"):
        try:
            text = (data_dir / raw["file"]).read_text(encoding="utf-8")
        except OSError as error:
            raise KnowledgeFileError(f"{where}: {error}") from error
    return Source(
        id=raw["id"],
        title=raw["title"],
        lang=_lang(raw.get("lang"), where),
        date=raw.get("date"),
        url=raw.get("url"),
        publisher=raw.get("publisher"),
        text=text,
    )


def parse_entity(raw: dict[str, Any]) -> Entity:
    where = f"entity {raw.get('id')!r}"
    return Entity(
        id=raw["id"],
        kind=raw["kind"],
        name=raw["name"],
        aliases=tuple(raw.get("aliases", ())),
        role=_localized(raw.get("role"), where),
        part_of=raw.get("part_of"),
    )


def parse_fact(raw: dict[str, Any]) -> Fact:
    where = f"fact {raw.get('id')!r}"
    date = raw.get("date")
    questions = raw.get("questions") or {}
    try:
        return Fact(
            id=raw["id"],
            kind=raw.get("kind", "statement"),
            subject=raw.get("subject"),
            entities=tuple(raw.get("entities", ())),
            source=raw["source"],
            sentence=raw["sentence"],
            text=_localized(raw.get("text"), where),
            date=FactDate(str(date["value"]), date["precision"]) if date else None,
            when=_localized(raw["when"], where) if raw.get("when") else None,
            before=raw.get("before"),
            timeline=bool(raw.get("timeline", False)),
            questions_en=tuple(questions.get("en", ())),
            questions_fr=tuple(questions.get("fr", ())),
            curated=True,
        )
    except (KeyError, TypeError) as error:
        raise KnowledgeFileError(f"{where}: missing or malformed {error}") from error


def load_bundle(data_dir: Path = DATA_DIR) -> Bundle:
    """Load and cross-check the data folder: every fact's source and entities must exist."""
    digest = hashlib.sha256()
    for path in sorted(p for p in data_dir.rglob("*") if p.is_file() and p.suffix in {".json", ".txt"}):
        digest.update(path.relative_to(data_dir).as_posix().encode())
        digest.update(path.read_bytes())
    sources = [parse_source(raw, data_dir) for raw in _read_json(data_dir / "sources.json")["sources"]]
    entities = [parse_entity(raw) for raw in _read_json(data_dir / "entities.json")["entities"]]
    facts = [parse_fact(raw) for raw in _read_json(data_dir / "facts.json")["facts"]]
    source_ids = {s.id for s in sources}
    entity_ids = {e.id for e in entities}
    seen: set[str] = set()
    for fact in facts:
        if fact.id in seen:
            raise KnowledgeFileError(f"fact {fact.id!r} is defined twice")
        seen.add(fact.id)
        if fact.source not in source_ids:
            raise KnowledgeFileError(f"fact {fact.id!r} names unknown source {fact.source!r}")
        if fact.before is not None and fact.before not in {f.id for f in facts}:
            raise KnowledgeFileError(f"fact {fact.id!r} is placed before unknown fact {fact.before!r}")
        unknown = [e for e in (*fact.entities, *([fact.subject] if fact.subject else [])) if e not in entity_ids]
        if unknown:
            raise KnowledgeFileError(f"fact {fact.id!r} names unknown entities {unknown}")
    return Bundle(sources, entities, facts, digest.hexdigest()[:16])
