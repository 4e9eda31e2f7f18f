"""The matcher's index saved with the store, so a start loads it instead of rebuilding it.

Building the index analyses every fact (29 s at 100,000 facts, minutes at a million); loading a saved one
only reads it back. A saved index is valid for one state of the facts (`Store.knowledge_digest`) and one
version of the code that builds it: `INDEX_FORMAT` below, plus a hash of the knowledge package's source
and lexicon, so changing how the matcher scores or indexes can never load an index it did not build —
it is rebuilt and saved again. Any other mismatch or failure also falls back to a rebuild.

The matcher is serialised generically — pickled whole, whatever fields it has today — together with the
facts it was built over, so a start with a valid index does not read the facts table either (reading
100,000 rows back into facts took longer than loading the index). The entities, which the start reads
anyway, are written as references (`persistent_id`) and resolved against the loaded ones. The blob is
stored in chunks, written each in its own short transaction and published by one pointer in `meta`, so
processes sharing the store share the index, and a process killed mid-save leaves the previous one.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import functools
import gc
import hashlib
import logging
import pickle
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from functools import cache
from importlib import resources
from typing import IO, Any

from knowledge.matcher import Matcher
from knowledge.models import Entity, Fact
from knowledge.store import Store

log = logging.getLogger(__name__)

# Bump to refuse every index saved before (the source hash below already catches most changes).
INDEX_FORMAT = 1
CHUNK_BYTES = 16 * 2**20


@cache
def code_fingerprint() -> str:
    """What the saved index depends on besides the facts: this format, Python, and the indexing code and data."""
    digest = hashlib.sha256(f"{INDEX_FORMAT}|{sys.version_info[:2]}|{pickle.HIGHEST_PROTOCOL}".encode())
    package = resources.files("knowledge")
    for item in sorted(package.iterdir(), key=lambda entry: entry.name):
        if item.name.endswith(".py"):
            digest.update(item.name.encode() + b"\0" + item.read_bytes())
    for data in ("lexicon.json", "news_vocabulary.jsonl", "glossary.tsv"):
        digest.update((package / "data" / data).read_bytes())
    return digest.hexdigest()[:20]


class _Pickler(pickle.Pickler):
    def __init__(self, file: IO[bytes], entities: dict[int, str]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._entities = entities

    def persistent_id(self, obj: Any) -> Any:
        if type(obj) is Entity:
            entity_id = self._entities.get(id(obj))
            return None if entity_id is None else ("e", entity_id)
        return None

    def reducer_override(self, obj: Any) -> Any:
        # A frozen dataclass with slots (a fact, its texts, the matcher's entries: 300,000 objects at
        # 100,000 facts) pickles its field values, set back through the slots' descriptors: the dataclass's
        # own __setstate__ looked its fields up again for every object (two thirds of the load time).
        names = _slot_fields(type(obj))
        if names:
            return _rebuild, (type(obj), tuple(getattr(obj, name) for name in names))
        # An lru_cache around a bound method (the analyzer's typo cache) pickles as a fresh, empty cache.
        if isinstance(obj, functools._lru_cache_wrapper):
            return _lru_cached, (obj.__wrapped__, obj.cache_parameters()["maxsize"])
        return NotImplemented


_SLOT_FIELDS: dict[type, tuple[str, ...]] = {}


def _slot_fields(cls: type) -> tuple[str, ...]:
    """The fields of a dataclass whose every field is a slot (else (): pickled the usual way)."""
    found = _SLOT_FIELDS.get(cls)
    if found is None:
        found = ()
        slots = {name for klass in cls.__mro__ for name in klass.__dict__.get("__slots__", ())}
        if dataclasses.is_dataclass(cls) and "__slots__" in cls.__dict__:
            names = tuple(field.name for field in dataclasses.fields(cls))
            found = names if set(names) <= slots else ()
        _SLOT_FIELDS[cls] = found
    return found


_MAKERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}


def _maker(cls: type) -> Callable[[tuple[Any, ...]], Any]:
    """A function that fills a new `cls` from its field values, one slot descriptor call per field, unrolled
    (a loop over the fields cost as much again, at 400,000 objects per 100,000 facts)."""
    names = _slot_fields(cls)
    scope: dict[str, Any] = {"new": object.__new__, "cls": cls}
    lines = ["def make(values):", "    obj = new(cls)"]
    for n, name in enumerate(names):
        scope[f"set{n}"] = getattr(cls, name).__set__
        lines.append(f"    set{n}(obj, values[{n}])")
    lines.append("    return obj")
    exec("\n".join(lines), scope)  # noqa: S102 - code made of field positions only, no outside text
    make: Callable[[tuple[Any, ...]], Any] = scope["make"]
    _MAKERS[cls] = make
    return make


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    make = _MAKERS.get(cls) or _maker(cls)
    return make(values)


def _lru_cached(function: Callable[..., Any], maxsize: int | None) -> Callable[..., Any]:
    return functools.lru_cache(maxsize=maxsize)(function)


class _Unpickler(pickle.Unpickler):
    def __init__(self, file: IO[bytes], entities: dict[str, Entity]) -> None:
        super().__init__(file)
        self._entities = entities

    def persistent_load(self, pid: Any) -> Any:
        _, key = pid
        return self._entities[key]


def dump(matcher: Matcher, facts: Sequence[Fact], entities: Sequence[Entity], file: IO[bytes]) -> None:
    names = {id(entity): entity.id for entity in entities}
    enabled = gc.isenabled()
    gc.disable()
    try:
        _Pickler(file, names).dump((tuple(facts), matcher))
    finally:
        if enabled:
            gc.enable()


def load(file: IO[bytes], entities: Sequence[Entity]) -> tuple[tuple[Fact, ...], Matcher]:
    # Millions of objects at once: the cyclic collector would walk them all again and again meanwhile.
    enabled = gc.isenabled()
    gc.disable()
    try:
        facts, matcher = _Unpickler(file, {e.id: e for e in entities}).load()
    finally:
        if enabled:
            gc.enable()
    if not isinstance(matcher, Matcher) or not isinstance(facts, tuple):
        raise TypeError(f"a saved index holds a {type(matcher).__name__}, not a Matcher")
    return facts, matcher


def entities_fingerprint(entities: Sequence[Entity]) -> str:
    """The entities the index was built with (the gazetteer and what ingested articles discovered): their
    names and aliases are part of the analyser, so an index is valid for one set of them only."""
    text = repr(sorted((e.id, e.kind, e.name, e.aliases, e.role.en, e.role.fr, e.part_of) for e in entities))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


async def index_key(store: Store, entities: Sequence[Entity]) -> str:
    return f"{code_fingerprint()}-{await store.knowledge_digest()}-{entities_fingerprint(entities)}"


async def load_saved(store: Store, key: str, entities: Sequence[Entity]) -> tuple[tuple[Fact, ...], Matcher] | None:
    """The facts and index saved for `key`, or None (none saved, another key, or unreadable: then rebuilt)."""
    try:
        name = await store.saved_index()
    except Exception:
        log.warning("the store's saved matcher index could not be looked up; building it", exc_info=True)
        return None
    if name is None or not name.startswith(key + ":"):
        return None
    with tempfile.TemporaryFile() as spool:
        # Chunk by chunk onto disk, then unpickled from there: never the blob and the index in memory at once.
        seq = 0
        try:
            while (chunk := await store.index_chunk(name, seq)) is not None:
                spool.write(chunk)
                seq += 1
        except Exception:
            log.warning("the saved matcher index could not be read from the store; building it", exc_info=True)
            return None
        if seq == 0:
            return None
        spool.seek(0)
        try:
            return await asyncio.to_thread(load, spool, entities)
        except Exception:
            log.warning("the saved matcher index could not be read; rebuilding it", exc_info=True)
            return None


async def save(store: Store, key: str, matcher: Matcher, facts: Sequence[Fact], entities: Sequence[Entity]) -> bool:
    """Save `matcher` for `key`; False (logged) if it cannot be pickled — the next start rebuilds, as before."""
    name = f"{key}:{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryFile() as spool:
        try:
            await asyncio.to_thread(dump, matcher, facts, entities, spool)
        except Exception:
            log.warning("the matcher index cannot be saved; every start will rebuild it", exc_info=True)
            return False
        spool.seek(0)
        seq = 0
        try:
            while chunk := spool.read(CHUNK_BYTES):
                await store.put_index_chunk(name, seq, chunk)
                seq += 1
            await store.publish_index(name)
        except Exception:
            # A store that cannot take it (locked, full, a schema without the table) costs the next start a
            # rebuild, never this one its answers.
            log.warning("the matcher index could not be saved in the store; the next start rebuilds it", exc_info=True)
            with contextlib.suppress(Exception):
                await asyncio.shield(store.drop_indexes(keep=await store.saved_index()))
            return False
        except BaseException:  # cancelled half-way: no partial index left behind, then stop as asked
            await asyncio.shield(store.drop_indexes(keep=await store.saved_index()))
            raise
    return True


async def cached_knowledge(
    store: Store,
    entities: Sequence[Entity],
    build: Callable[[Sequence[Fact], Sequence[Entity]], Matcher],
) -> tuple[tuple[Fact, ...], Matcher]:
    """The facts and their index: loaded when a saved index matches the facts and the code; else the facts
    are read, the index built and saved for next time."""
    started = time.perf_counter()
    key = await index_key(store, entities)
    saved = await load_saved(store, key, entities)
    if saved is not None:
        log.info("matcher index loaded for %d facts in %.2f s", len(saved[0]), time.perf_counter() - started)
        return saved
    facts = tuple(await store.facts())
    matcher = await asyncio.to_thread(build, facts, entities)
    built = time.perf_counter()
    if await save(store, key, matcher, facts, entities):
        log.info(
            "matcher index built for %d facts in %.2f s, saved in %.2f s",
            len(facts),
            built - started,
            time.perf_counter() - built,
        )
    return facts, matcher
