"""Finds the fact that answers a question, or decides that none does.

Question-to-question similarity is far easier than question-to-statement similarity, so every fact
carries sample questions in both languages. A question is scored against a fact with four signals:

- **sample**: the best weighted agreement of concepts with one of the fact's sample questions (or its
  text), recall-leaning so short keyword questions still find their fact;
- **coverage**: how much of the question's weight the fact talks about at all — an unknown word
  ("How old…", "weather", "latest") weighs as much as the rarest known one, so it pulls this down;
- **fuzzy**: rapidfuzz `token_set_ratio` between the question and the fact's closest sample, which
  forgives what the concept step could not (word order, leftover typos);
- **checks**: a fact must support what the question asks for (a date, a person, an amount…) and
  involve every person or thing the question names; failing one costs most of the score.

Below `threshold` the matcher abstains; the near misses become suggestions.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from knowledge.concepts import ENTITY_PREFIX, ConceptAnalyzer, entity_ids
from knowledge.intent import Asks, asks
from knowledge.language import guess_language
from knowledge.models import Entity, Fact, Lang
from knowledge.normalize import canonical, strip_controls
from knowledge.stopwords import STOPWORDS

MAX_QUESTION_CHARS = 500
_AMOUNT = re.compile(r"\d[\d\s.,]*\s*(?:million|milliard|billion|%|\$|dollars?|euros?)", re.IGNORECASE)
_TEXT_SAMPLE_WEIGHT = 0.85


@dataclass(frozen=True, slots=True)
class Candidate:
    fact: Fact
    score: float


@dataclass(frozen=True, slots=True)
class MatchResult:
    """The matcher's verdict on one question."""

    question: str
    lang: Lang
    best: Candidate | None
    alternatives: tuple[Candidate, ...]
    answered: bool
    reason: str
    asks: Asks | None = None
    entities: frozenset[str] = field(default_factory=frozenset)

    @property
    def fact(self) -> Fact | None:
        return self.best.fact if self.answered and self.best else None

    @property
    def score(self) -> float:
        return self.best.score if self.best else 0.0


@dataclass(slots=True)
class _Sample:
    fact: int
    concepts: frozenset[str]
    text: str
    weight: float


class Matcher:
    """An in-memory index over the facts; cheap to build (tens of ms for hundreds of facts)."""

    threshold = 0.52
    suggest_floor = 0.25

    def __init__(self, facts: Sequence[Fact], entities: Sequence[Entity], analyzer: ConceptAnalyzer) -> None:
        self.facts = list(facts)
        self.entities = {entity.id: entity for entity in entities}
        self.analyzer = analyzer
        for fact in self.facts:
            for text in (fact.text.en, fact.text.fr, *fact.questions()):
                analyzer.learn(text)
        self._samples: list[_Sample] = []
        self._bags: list[frozenset[str]] = []
        self._supports: list[frozenset[Asks]] = []
        self._fact_entities: list[frozenset[str]] = []
        postings: dict[str, list[int]] = defaultdict(list)
        for index, fact in enumerate(self.facts):
            bag: set[str] = {ENTITY_PREFIX + e for e in fact.entities}
            if fact.subject:
                bag.add(ENTITY_PREFIX + fact.subject)
            supports: set[Asks] = set()
            for text, weight in [(q, 1.0) for q in fact.questions()] + [
                (fact.text.en, _TEXT_SAMPLE_WEIGHT),
                (fact.text.fr, _TEXT_SAMPLE_WEIGHT),
            ]:
                concepts = frozenset(analyzer.concepts(text))
                if not concepts:
                    continue
                bag |= concepts
                self._samples.append(_Sample(index, concepts, self._fuzzy_form(text), weight))
                if weight == 1.0 and (kind := asks(text)) is not None:
                    supports.add(kind)
            if fact.date is not None:
                supports.add(Asks.WHEN)
            if _AMOUNT.search(fact.text.en):
                supports.add(Asks.QUANTITY)
            self._bags.append(frozenset(bag))
            self._supports.append(frozenset(supports))
            self._fact_entities.append(frozenset(entity_ids(bag)))
            for concept in bag:
                postings[concept].append(index)
        self._postings = {concept: tuple(ids) for concept, ids in postings.items()}
        self._samples_of: list[list[_Sample]] = [[] for _ in self.facts]
        for sample in self._samples:
            self._samples_of[sample.fact].append(sample)
        total = max(len(self.facts), 1)
        self._idf = {c: math.log(1.0 + total / len(ids)) for c, ids in self._postings.items()}
        self._unknown_weight = math.log(1.0 + total / 0.5)
        self._supported_kinds = frozenset().union(*self._supports) if self._supports else frozenset()

    @staticmethod
    def _fuzzy_form(text: str) -> str:
        return " ".join(w for w in canonical(text).split() if w not in STOPWORDS)

    def weight(self, concept: str) -> float:
        return self._idf.get(concept, self._unknown_weight)

    def _weigh(self, concepts: Iterable[str]) -> float:
        return sum(self.weight(c) for c in concepts)

    def match(self, question: str, *, fallback_lang: Lang = "en") -> MatchResult:
        """Score `question` against every fact that shares a concept with it; abstain when unsure."""
        text = strip_controls(question).strip()
        lang = guess_language(text[:MAX_QUESTION_CHARS], fallback_lang) if text else fallback_lang
        if not text:
            return MatchResult(question, lang, None, (), False, "empty")
        if len(text) > MAX_QUESTION_CHARS:
            return MatchResult(question, lang, None, (), False, "too_long")
        kind = asks(text)
        concepts = frozenset(self.analyzer.concepts(text, fix_typos=True))
        named = frozenset(entity_ids(concepts))
        if not concepts:
            return MatchResult(question, lang, None, (), False, "no_topic", kind, named)
        ranked = self._rank(text, concepts, kind, named)
        best = ranked[0] if ranked else None
        alternatives = tuple(c for c in ranked[1:4] if c.score >= self.suggest_floor)
        if kind is not None and kind not in self._supported_kinds:
            near = tuple(c for c in ranked[:3] if c.score >= self.suggest_floor)
            return MatchResult(question, lang, best, near, False, "unsupported_kind", kind, named)
        if best is None or best.score < self.threshold:
            near = tuple(c for c in ranked[:3] if c.score >= self.suggest_floor)
            return MatchResult(question, lang, best, near, False, "low_score", kind, named)
        return MatchResult(question, lang, best, alternatives, True, "ok", kind, named)

    def _rank(self, text: str, concepts: frozenset[str], kind: Asks | None, named: frozenset[str]) -> list[Candidate]:
        candidates: set[int] = set()
        for concept in concepts:
            candidates.update(self._postings.get(concept, ()))
        if not candidates:
            return []
        q_weight = self._weigh(concepts)
        fuzzy_form = self._fuzzy_form(text)
        scored: list[Candidate] = []
        for index in candidates:
            bag = self._bags[index]
            coverage = self._weigh(concepts & bag) / q_weight
            best_sample, best_fuzzy = 0.0, 0.0
            for sample in self._samples_of[index]:
                shared = concepts & sample.concepts
                if not shared:
                    continue
                overlap = self._weigh(shared)
                recall = overlap / q_weight
                precision = overlap / self._weigh(sample.concepts)
                agreement = sample.weight * (0.6 * recall + 0.4 * precision)
                if agreement > best_sample:
                    best_sample = agreement
                    best_fuzzy = sample.weight * fuzz.token_set_ratio(fuzzy_form, sample.text) / 100.0
            score = 0.45 * best_sample + 0.35 * coverage + 0.20 * best_fuzzy
            if kind is not None and kind not in self._supports[index]:
                score *= 0.4
            missing = named - self._fact_entities[index]
            if missing:
                score *= 0.45 ** len(missing)
            scored.append(Candidate(self.facts[index], round(score, 4)))
        scored.sort(key=lambda c: (-c.score, c.fact.id))
        return scored
