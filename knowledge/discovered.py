"""The gazetteer and the entities ingested articles introduced, as one list.

An article may name a known entity with a new alias ("CRI") and two articles may introduce the same
company: rows with the same id are merged (the gazetteer's name, kind and role win; aliases add up).
"""

from __future__ import annotations

from collections.abc import Iterable

from knowledge.models import Entity
from knowledge.store import Store


def merge_entities(gazetteer: Iterable[Entity], discovered: Iterable[Entity]) -> list[Entity]:
    merged: dict[str, Entity] = {entity.id: entity for entity in gazetteer}
    for entity in discovered:
        current = merged.get(entity.id)
        if current is None:
            merged[entity.id] = entity
            continue
        extra = tuple(a for a in entity.aliases if a not in current.aliases and a != current.name)
        if entity.name != current.name and entity.name not in current.aliases:
            extra += (entity.name,)
        if extra:
            merged[entity.id] = Entity(
                current.id, current.kind, current.name, current.aliases + extra, current.role, current.part_of
            )
    return list(merged.values())


async def all_entities(store: Store) -> list[Entity]:
    """Every entity the bot knows: the gazetteer, then what articles added."""
    return merge_entities(await store.entities(), await store.discovered_entities())
