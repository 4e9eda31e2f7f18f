"""Builds the store from the data folder: on first run, and again only when a file changed."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from knowledge.extract import Gazetteer, extract_facts
from knowledge.loader import DATA_DIR, Bundle, load_bundle
from knowledge.store import Store, SyncReport

log = logging.getLogger(__name__)
DIGEST_KEY = "data_digest"
UPDATED_KEY = "last_update"

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True, slots=True)
class BuildReport:
    rebuilt: bool
    added: int = 0
    updated: int = 0
    removed: int = 0


async def ensure_built(
    store: Store, data_dir: Path = DATA_DIR, *, force: bool = False, progress: Progress | None = None
) -> BuildReport:
    """Bring the store in line with the data folder. Idempotent: a second run changes nothing."""
    bundle = load_bundle(data_dir)
    if not force and await store.get_meta(DIGEST_KEY) == bundle.digest:
        return BuildReport(rebuilt=False)
    reports = await _write(store, bundle, progress)
    await store.set_meta(DIGEST_KEY, bundle.digest)
    if any(r.changed for r in reports):
        from datetime import UTC, datetime

        await store.set_meta(UPDATED_KEY, datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"))
    added = sum(len(r.added) for r in reports)
    updated = sum(len(r.updated) for r in reports)
    removed = sum(len(r.removed) for r in reports)
    log.info("store built from %s: %d added, %d updated, %d removed", data_dir, added, updated, removed)
    return BuildReport(True, added, updated, removed)


async def _write(store: Store, bundle: Bundle, progress: Progress | None) -> list[SyncReport]:
    await store.replace_entities(bundle.entities)
    gazetteer = Gazetteer(bundle.entities)
    reports = []
    for done, source in enumerate(bundle.sources, start=1):
        curated = [f for f in bundle.facts if f.source == source.id]
        facts = list(curated)
        if source.text:
            facts += extract_facts(
                source.id, source.text, source.lang, gazetteer, covered=[f.sentence for f in curated]
            )
        reports.append(await store.sync_source(source, facts))
        if progress:
            progress(done, len(bundle.sources), source.id)
    return reports
