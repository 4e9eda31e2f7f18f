"""The knowledge the bot answers from: the store's facts in memory, indexed for matching and browsing.

Handlers talk to this one object; it hides the store, the loader and the matcher behind questions a
conversation asks ("what answers this?", "what do we know about Murati?", "what happened in 2018?").
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from rapidfuzz import fuzz, process

from knowledge.builder import UPDATED_KEY, ensure_built
from knowledge.concepts import ConceptAnalyzer, entity_ids, load_lexicon
from knowledge.discovered import all_entities
from knowledge.index_cache import cached_knowledge
from knowledge.loader import DATA_DIR
from knowledge.matcher import Matcher, MatchResult
from knowledge.models import Entity, Fact, Lang, Source
from knowledge.normalize import canonical
from knowledge.recency import prefer_newest
from knowledge.store import Store

# General news words of both languages, one meaning a line, that grow the curated lexicon (`with_senses`).
NEWS_VOCABULARY = "news_vocabulary.jsonl"


def _build_matcher(facts: Sequence[Fact], entities: Sequence[Entity], sources: Sequence[Source] = ()) -> Matcher:
    """The matcher over `facts`, built with the cyclic garbage collector paused.

    The index is millions of small objects at 100,000 facts; built with the collector on, every full
    collection walks everything built so far (a third of the build time). So the build runs with the
    collector paused (in a worker thread: the event loop goes on meanwhile, with only reference counting
    to free its garbage for that long). Nothing is frozen afterwards: `gc.freeze()` made every object
    alive at that moment immortal, index or not, and after each refresh that leaked without bound.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        lexicon = load_lexicon(DATA_DIR / "lexicon.json", words=DATA_DIR / NEWS_VOCABULARY)
        return Matcher(facts, entities, ConceptAnalyzer(lexicon, entities), sources)
    finally:
        if enabled:
            gc.enable()


def _extend_matcher(
    matcher: Matcher, facts: Sequence[Fact], entities: Sequence[Entity] = (), sources: Sequence[Source] = ()
) -> Matcher:
    """`matcher` with `entities`, `sources` and `facts` indexed too, the collector paused as in `_build_matcher`."""
    if facts or entities:
        enabled = gc.isenabled()
        gc.disable()
        try:
            if entities:
                matcher.add_entities(entities)
            matcher.add_sources(sources)
            matcher.add(facts)
        finally:
            if enabled:
                gc.enable()
    return matcher


def _entity_additions(old: Sequence[Entity], new: Sequence[Entity]) -> list[Entity] | None:
    """The entities that are new since `old` or only gained aliases (what an ingested article brings), or
    None when one is gone or changed otherwise (its kind, its role: a rebuild)."""
    before = {entity.id: entity for entity in old}
    if set(before) - {entity.id for entity in new}:
        return None
    added: list[Entity] = []
    for entity in new:
        previous = before.get(entity.id)
        if previous == entity:
            continue
        if previous is not None and (
            (previous.kind, previous.name, previous.role, previous.part_of)
            != (entity.kind, entity.name, entity.role, entity.part_of)
            or not set(previous.aliases) <= set(entity.aliases)
        ):
            return None
        added.append(entity)
    return added


def _additions(
    old: Snapshot, entities: Sequence[Entity], facts: Sequence[Fact]
) -> tuple[list[Entity], list[Fact]] | None:
    """The entities and facts that are new since `old`, or None when anything else changed."""
    new_entities = _entity_additions(old.entities, entities)
    if new_entities is None:
        return None
    known = {fact.id: fact for fact in old.facts}
    added = [fact for fact in facts if fact.id not in known]
    if len(facts) - len(added) != len(known):
        return None  # some fact is gone
    if any(known[fact.id] != fact for fact in facts if fact.id in known):
        return None
    return new_entities, added


class _Index:
    """Lookups over one snapshot's facts, in the order `facts` has them (as the scans they replace)."""

    def __init__(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        self.by_id: dict[str, Fact] = {}
        self.about: dict[str, list[Fact]] = {}
        self.profiles: dict[str, Fact] = {}
        self.highlights: list[Fact] | None = None
        self.timeline: list[Fact] | None = None
        for fact in snapshot.facts:
            self.by_id.setdefault(fact.id, fact)
            for entity_id in dict.fromkeys((*([fact.subject] if fact.subject else []), *fact.entities)):
                self.about.setdefault(entity_id, []).append(fact)
            if fact.kind == "profile" and fact.subject:
                self.profiles.setdefault(fact.subject, fact)


@dataclass(frozen=True, slots=True)
class Snapshot:
    sources: tuple[Source, ...]
    entities: tuple[Entity, ...]
    facts: tuple[Fact, ...]
    matcher: Matcher
    last_update: str | None


class Knowledge:
    """Facts, sources and people, with the matcher over them; `refresh` swaps in a new snapshot atomically."""

    def __init__(self, store: Store, snapshot: Snapshot, *, reader: Store | None = None) -> None:
        self.store = store
        # Refreshes read every fact: on a connection of their own (`reader`, when the owner opened one)
        # that read never queues in front of the statements answering chats on `store`.
        self.reader = reader
        self._snap = snapshot
        # One refresh at a time: two at once (an /addarticle and the watcher) both saw the same new facts
        # and both added them to the one matcher, which then suggested an answer as its own alternative.
        self._refreshing = asyncio.Lock()
        self._index: _Index | None = None  # lookups by id and entity, built on first use per snapshot

    @property
    def _lookups(self) -> _Index:
        """Questions are answered per message, so what they look up must not scan a million facts."""
        index = self._index
        if index is None or index.snapshot is not self._snap:
            index = self._index = _Index(self._snap)
        return index

    @classmethod
    async def load(cls, store: Store, *, build: bool = True) -> Knowledge:
        if build:
            await ensure_built(store)
        return cls(store, await cls._snapshot(store))

    @staticmethod
    async def _snapshot(store: Store) -> Snapshot:
        sources, entities = await store.sources(), await all_entities(store)
        # Indexing is CPU work (a fifth of a second for the seed, more as articles arrive): off the event
        # loop, so a refresh after an ingest never stalls the chats being answered meanwhile. A start whose
        # facts and code match a saved index loads it (and the facts with it) instead (`index_cache`).
        facts, matcher = await cached_knowledge(store, entities, partial(_build_matcher, sources=sources))
        return Snapshot(tuple(sources), tuple(entities), facts, matcher, await store.get_meta(UPDATED_KEY))

    async def refresh(self) -> None:
        """Swap in what the store holds now; concurrent calls run one after the other.

        When facts were only added — an ingested article, the common case — the current matcher indexes
        just those (`Matcher.add`: their analysis plus a pass over the weights) instead of analysing every
        fact again, which at 100,000 facts is the difference between a fraction of a second and tens of
        seconds. Anything else (a fact edited, removed or given another source, a new gazetteer) rebuilds.
        Everything is read first; the extension and the swap then happen with no `await` between them, so
        a question sees either the old snapshot or the finished new one.
        """
        async with self._refreshing:
            store, old = self.reader or self.store, self._snap
            sources, entities, facts = await store.sources(), await all_entities(store), await store.facts()
            last_update = await store.get_meta(UPDATED_KEY)
            added = _additions(old, entities, facts)
            if added is None:
                # A new matcher, shared with nobody yet: built off the event loop like the first one.
                matcher = await asyncio.to_thread(_build_matcher, facts, entities, sources)
            else:
                # Extends the matcher answering questions right now, so it stays on the event loop: a
                # thread would let a question read the index half-updated. It costs the new entities' and
                # facts' analysis and one pass over the weights, not a rebuild.
                matcher = _extend_matcher(old.matcher, added[1], added[0], sources)
            self._snap = Snapshot(tuple(sources), tuple(entities), tuple(facts), matcher, last_update)

    @property
    def facts(self) -> tuple[Fact, ...]:
        return self._snap.facts

    @property
    def sources(self) -> tuple[Source, ...]:
        return self._snap.sources

    @property
    def entities(self) -> tuple[Entity, ...]:
        return self._snap.entities

    @property
    def last_update(self) -> str | None:
        return self._snap.last_update

    @property
    def matcher(self) -> Matcher:
        return self._snap.matcher

    def ask(self, question: str, *, fallback_lang: Lang = "en") -> MatchResult:
        return prefer_newest(self._snap.matcher.match(question, fallback_lang=fallback_lang))

    def fact(self, fact_id: str) -> Fact | None:
        return self._lookups.by_id.get(fact_id)

    def source(self, source_id: str) -> Source | None:
        return next((s for s in self._snap.sources if s.id == source_id), None)

    def entity(self, entity_id: str) -> Entity | None:
        return next((e for e in self._snap.entities if e.id == entity_id), None)

    def people(self) -> list[Entity]:
        return [e for e in self._snap.entities if e.kind == "person"]

    def find_entity(self, name: str, *, kinds: Sequence[str] = ()) -> Entity | None:
        """The entity `name` means, forgiving typos and missing accents (`murrati` → Mira Murati)."""
        key = canonical(name).strip()
        if not key:
            return None
        choices: dict[str, Entity] = {}
        for entity in self._snap.entities:
            if kinds and entity.kind not in kinds:
                continue
            for alias in (entity.id, entity.name, *entity.aliases):
                choices.setdefault(canonical(alias), entity)
        if key in choices:
            return choices[key]
        # The matcher's own reading first (typos corrected word by word: "openia" → OpenAI), then a
        # fuzzy match of the whole name against every alias.
        for entity_id in entity_ids(self._snap.matcher.analyzer.concepts(name, fix_typos=True)):
            named = self.entity(entity_id)
            if named is not None and (not kinds or named.kind in kinds):
                return named
        found = process.extractOne(key, list(choices), scorer=fuzz.WRatio, score_cutoff=85)
        return choices[found[0]] if found else None

    def facts_about(self, entity_id: str) -> list[Fact]:
        return list(self._lookups.about.get(entity_id, ()))

    def profile(self, entity_id: str) -> Fact | None:
        return self._lookups.profiles.get(entity_id)

    def highlights(self) -> list[Fact]:
        """A newcomer's way in: the main person's profile, then the first and the latest dated events."""
        index = self._lookups
        if index.highlights is None:
            index.highlights = self._highlights()
        return list(index.highlights)

    def _highlights(self) -> list[Fact]:
        mentions: dict[str, int] = {}
        for fact in self._snap.facts:
            if fact.subject:
                mentions[fact.subject] = mentions.get(fact.subject, 0) + 1
        picks: list[Fact] = []
        if mentions:
            main = max(mentions, key=lambda e: (mentions[e], e))
            if (profile := self.profile(main)) is not None:
                picks.append(profile)
        dated = [f for f in self.timeline() if f.date and f.curated]
        if dated:
            picks += [f for f in (dated[0], dated[-1]) if f not in picks]
        return picks

    def timeline(self) -> list[Fact]:
        """Dated facts in order; an undated one just before the fact its sources place it before, else last."""
        index = self._lookups
        if index.timeline is None:
            index.timeline = self._timeline()
        return list(index.timeline)

    def _timeline(self) -> list[Fact]:
        dated = sorted(
            (f for f in self._snap.facts if f.timeline and f.date),
            key=lambda f: (f.date.sort_key if f.date else "", f.id),
        )
        undated = [f for f in self._snap.facts if f.timeline and not f.date and f.when]
        ordered: list[Fact] = []
        for fact in dated:
            ordered += [u for u in undated if u.before == fact.id]
            ordered.append(fact)
        return ordered + [u for u in undated if u not in ordered]
