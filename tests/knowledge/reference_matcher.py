"""Main's matcher (knowledge/matcher.py at main dc85619, the scoring the answers are defined by): the slow,
obviously-correct reference the equivalence test compares the fast matcher with. Only ever used on small
stores. To update it when the scoring changes, copy main's knowledge/matcher.py again and redo the edits below.

Verbatim but for these edits: `Candidate` and `MatchResult` are imported from knowledge.matcher rather than
defined again (so results compare equal), so are `read_question` and `verdict` (how a question is read and
the verdict drawn: the fast matcher changes neither, only which facts it scores and how fast), the class is
`ReferenceMatcher`, relations a fact states through others count as said (`IMPLIED`, imported too), a sum is
`gives_sum`'s and what a fact says in its grammar or numbers `said_in_form`'s (both imported), and `_weigh` sums
with `math.fsum`. A plain `sum` over a set follows the set's order, which follows the process's string hash
seed, so main's scores move in the last bits from run to run — enough to flip a tie between two samples
(PYTHONHASHSEED=1: 0.3188 for a suggestion that every other seed scores 0.291), or two facts' raw-score
order. With exact sums it is deterministic, and so is the fast matcher.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from knowledge.clauses import clauses
from knowledge.concepts import ENTITY_PREFIX, ConceptAnalyzer, entity_ids
from knowledge.intent import Asks, asked_kinds
from knowledge.markers import counts_something, gives_reason, tells_age, tells_when
from knowledge.matcher import (
    CLAUSE_WEIGHT,
    CONTEXT_SHARE,
    IMPLIED,
    STATEMENT_SHARE,
    UNKNOWN_WEIGHT,
    Candidate,
    MatchResult,
    Reading,
    gives_sum,
    glossed_sentence,
    is_implied,
    lacking,
    lede,
    read_question,
    said_by_names,
    said_in_form,
    verdict,
)
from knowledge.models import Entity, Fact, Lang, Source
from knowledge.names import NameMender
from knowledge.normalize import canonical
from knowledge.stopwords import STOPWORDS

MAX_QUESTION_CHARS = 500
_TEXT_SAMPLE_WEIGHT = 0.85


@dataclass(slots=True)
class _Sample:
    concepts: frozenset[str]
    fuzzy_text: str
    weight: float
    kind: Asks | None


@dataclass(slots=True)
class _Entry:
    """One fact as the matcher sees it: its samples grouped by the kind of answer they ask for."""

    fact: Fact
    entities: frozenset[str]
    supports: frozenset[Asks]
    samples: dict[Asks | None, list[_Sample]]
    texts: list[_Sample]
    bags: dict[Asks | None, frozenset[str]]
    said: frozenset[str]  # what its texts say and its samples don't
    gloss: _Sample | None = None  # its sentence glossed in the other language, for questions in that language
    glossed_for: str | None = None
    context: frozenset[str] = frozenset()  # its article's headline concepts it does not use itself


class ReferenceMatcher:
    """An in-memory index over the facts; cheap to build (tens of ms for hundreds of facts)."""

    threshold = 0.45
    suggest_floor = 0.25
    recall_bias = 2.0  # F-beta's beta: recall counts this many times more than precision
    weights = (0.5, 0.3, 0.2)  # sample agreement, coverage, fuzzy similarity
    predicate_floor = 0.7  # what is left of a score whose question's predicate the fact never mentions
    max_weight = 3.0
    # Any fact that names the person is a fair answer to "who…?": its other samples count too.
    loose_kinds = frozenset({Asks.WHO})
    statement_nudge = 0.02
    profile_nudge = 0.05
    # token_set_ratio forgives word order and extra words; measured better here than token_sort_ratio or
    # ratio, even though it scores a keyword sample ("Mira Murati") 100 against any longer question.
    fuzzy_scorer = staticmethod(fuzz.token_set_ratio)
    missing_name_factor = 0.45  # kept of a score per name the question has and the fact lacks

    def __init__(
        self,
        facts: Sequence[Fact],
        entities: Sequence[Entity],
        analyzer: ConceptAnalyzer,
        sources: Sequence[Source] = (),
    ) -> None:
        self.facts = list(facts)
        self._headlines = {source.id: source.title for source in sources}
        self._ledes = {source.id: lede(source.text, source.title) for source in sources}
        self._unknown: Mapping[str, float] = {}
        self._ordinary: Mapping[str, float] = {}
        self.entities = {entity.id: entity for entity in entities}
        self.names = NameMender(entities, lambda word: analyzer.token_concepts([word]), analyzer.relations)
        self.analyzer = analyzer
        self._parents = {ENTITY_PREFIX + e.id: ENTITY_PREFIX + e.part_of for e in entities if e.part_of}
        self._holders = self._title_holders(entities)
        for fact in self.facts:
            for text in (fact.text.en, fact.text.fr, *fact.questions()):
                analyzer.learn(text)
            # A gloss's words are real words of its language: typos in that language are corrected to them too.
            if (glossed := glossed_sentence(fact, analyzer)) is not None:
                analyzer.learn(glossed[0])
        self._entries = [self._entry(fact) for fact in self.facts]
        postings: dict[str, list[int]] = defaultdict(list)
        self._indexed = [
            entry.bags[None] | {ENTITY_PREFIX + e for e in entry.entities} | entry.said for entry in self._entries
        ]
        for index, indexed in enumerate(self._indexed):
            for concept in indexed:
                postings[concept].append(index)
        self._postings = {concept: tuple(ids) for concept, ids in postings.items()}
        total = max(len(self.facts), 1)
        self._idf = {c: math.log(1.0 + total / len(ids)) for c, ids in self._postings.items()}
        self._supported_kinds = frozenset().union(*(e.supports for e in self._entries))

    def _title_holders(self, entities: Sequence[Entity]) -> dict[str, str]:
        """Title concepts (`cto`…) that exactly one person's role names, mapped to that person."""
        holders: dict[str, set[str]] = defaultdict(set)
        for entity in entities:
            if entity.kind != "person":
                continue
            for concept in self.analyzer.concepts(f"{entity.role.en}. {entity.role.fr}"):
                if concept in self.analyzer.titles:
                    holders[concept].add(ENTITY_PREFIX + entity.id)
        return {title: next(iter(people)) for title, people in holders.items() if len(people) == 1}

    def _fact_concepts(self, text: str) -> frozenset[str]:
        """Concepts of a fact-side text, with broader entities added (a GPT-2 sample is about GPT too)."""
        concepts = set(self.analyzer.concepts(text))
        concepts.update(self._parents[c] for c in list(concepts) if c in self._parents)
        return frozenset(concepts)

    def _entry(self, fact: Fact) -> _Entry:
        samples: dict[Asks | None, list[_Sample]] = defaultdict(list)
        for question in fact.questions():
            concepts = self._fact_concepts(question)
            if concepts:
                # "When and where did Sutskever speak?" answers a when- and a where-question alike.
                for kind in asked_kinds(question) or (None,):
                    samples[kind].append(_Sample(concepts, self._fuzzy_form(question), 1.0, kind))
        texts = [
            _Sample(concepts, self._fuzzy_form(text), _TEXT_SAMPLE_WEIGHT, None)
            for text in (fact.text.en, fact.text.fr)
            if (concepts := self._fact_concepts(text))
        ]
        supports = {kind for kind in samples if kind is not None}
        if fact.date is not None and (fact.curated or fact.timeline or tells_when(fact.sentence)):
            supports.add(Asks.WHEN)
        if gives_sum(fact.text.en) or counts_something(fact.sentence):
            supports.add(Asks.QUANTITY)
        if gives_reason(fact.text.en) or gives_reason(fact.sentence):
            supports.add(Asks.WHY)
        if tells_age(fact.text.en) or tells_age(fact.sentence):
            supports.add(Asks.AGE)  # "Whitcombe, 64, steered…" says how old he is
        # What the sample questions talk about is the fact's topic; words its text only mentions in passing
        # ("…Anthropic, the company founded by Dario Amodei") are not — unless it has no samples at all.
        every = [s for group in samples.values() for s in group] or texts
        bags: dict[Asks | None, frozenset[str]] = {None: frozenset().union(*(s.concepts for s in every))}
        subject = {ENTITY_PREFIX + fact.subject} if fact.subject else set()
        texts = texts + [
            _Sample(concepts | subject, self._fuzzy_form(text), CLAUSE_WEIGHT, None)
            for text in dict.fromkeys(c for t in (fact.text.en, fact.text.fr) for c in clauses(t))
            if (concepts := self._fact_concepts(text))
        ]
        glossed = glossed_sentence(fact, self.analyzer)
        said_already = frozenset().union(
            *(s.concepts for group in samples.values() for s in group), *(t.concepts for t in texts)
        )
        gloss = None
        if glossed is not None and (concepts := self._fact_concepts(glossed[0])) and not concepts <= said_already:
            gloss = _Sample(concepts, self._fuzzy_form(glossed[0]), CLAUSE_WEIGHT, None)
            texts.append(gloss)
        named = set(fact.entities) | ({fact.subject} if fact.subject else set())
        named |= entity_ids(bags[None])
        said = frozenset().union(*(t.concepts for t in texts))
        said |= said_in_form(fact, bags[None] | said)
        said |= said_by_names(named, self.entities)
        said -= bags[None]
        glossed_for = glossed[1] if gloss is not None and glossed is not None else None
        headline = None if fact.curated else self._headlines.get(fact.source)
        context = self._fact_concepts(headline) if headline else frozenset()
        first = None if fact.curated else self._ledes.get(fact.source)
        subject = self.entities.get(fact.subject) if fact.subject else None
        if first and (subject is None or subject.kind in ("person", "place")):
            context |= {c for c in self._fact_concepts(first) if c.startswith(ENTITY_PREFIX)}
        context -= bags[None] | said
        return _Entry(
            fact, frozenset(named), frozenset(supports), dict(samples), texts, bags, said, gloss, glossed_for, context
        )

    @staticmethod
    def _fuzzy_form(text: str) -> str:
        return " ".join(w for w in canonical(text).split() if w not in STOPWORDS)

    def weight(self, concept: str) -> float:
        # Capped: with a few dozen facts, a word that one sample happens to use ("occupied", "link") is
        # rare by accident, not because it names the topic.
        known = self._idf.get(concept)
        return UNKNOWN_WEIGHT if known is None else min(known, self.max_weight)

    def _asked_weight(self, concept: str) -> float:
        """A concept's weight on the question's side: a word facts don't use weighs as the reading says."""
        known = self._idf.get(concept)
        if known is None:
            return self._unknown.get(concept, UNKNOWN_WEIGHT)
        return min(known, self.max_weight, self._ordinary.get(concept, self.max_weight))

    def _weigh(self, concepts: Iterable[str]) -> float:
        return math.fsum(self.weight(c) for c in concepts)

    def match(self, question: str, *, fallback_lang: Lang = "en") -> MatchResult:
        """Score `question` against every fact that shares a concept with it; abstain when unsure.
        (How a question is read and the verdict drawn are shared with the matcher: only scoring is compared.)"""
        reading = read_question(
            question,
            self.analyzer,
            self.entities,
            self._holders,
            fallback_lang,
            self._idf.__contains__,
            self.names,
            lambda entity, concept: any(concept in self._indexed[i] for i in self._postings.get(entity, ())),
        )
        if isinstance(reading, MatchResult):
            return reading
        return verdict(reading, self._rank, self._supported_kinds, self.threshold, self.suggest_floor)

    def _agreement(self, concepts: frozenset[str], q_weight: float, sample: _Sample) -> float:
        shared = concepts & sample.concepts
        if not shared:
            return 0.0
        overlap = math.fsum(self._asked_weight(c) for c in shared)
        recall = overlap / q_weight
        precision = overlap / self._weigh(sample.concepts)
        beta2 = self.recall_bias**2
        return sample.weight * (1 + beta2) * precision * recall / (beta2 * precision + recall)

    def _score(
        self,
        entry: _Entry,
        concepts: frozenset[str],
        q_weight: float,
        kind: Asks | None,
        fuzzy_form: str,
        lang: str = "en",
    ) -> float:
        loose = kind in self.loose_kinds or (kind is Asks.WHY and not entry.fact.curated)
        supported = kind is None or kind in entry.supports or loose
        # A fact's gloss serves questions in the other language only.
        texts = [t for t in entry.texts if t is not entry.gloss or entry.glossed_for == lang]
        if kind is not None and kind in entry.samples and not loose:
            # A question that asks for something specific meets the samples that ask for the same thing.
            pool = entry.samples[kind] + texts
        else:
            pool = [s for group in entry.samples.values() for s in group] + texts
        bag = entry.bags[None]
        best_agreement, best_sample = 0.0, None
        for sample in pool:
            agreement = self._agreement(concepts, q_weight, sample)
            if agreement > best_agreement:
                best_agreement, best_sample = agreement, sample
        if best_sample is None:
            return 0.0
        # Every weight on the question's side is the question's (see `_asked_weight`).
        asked = self._asked_weight
        # What the question says happened (join, leave, found, say…) must be what the fact is about:
        # "When did Sutskever leave OpenAI?" is not answered by a dated fact about Sutskever speaking.
        predicate = [c for c in concepts if not c.startswith(ENTITY_PREFIX) and c in self._idf]
        # A relation the fact states through others counts as said ("Will Brandt stay?": he plans to leave).
        states = (bag | entry.said).__contains__
        implied = math.fsum(
            asked(c)
            for c in predicate
            if c in IMPLIED and c not in bag | entry.said | entry.context and is_implied(c, states)
        )
        said = math.fsum(asked(c) for c in concepts & entry.said) + implied
        context = math.fsum(asked(c) for c in concepts & entry.context)
        covered_by_bag = math.fsum(asked(c) for c in concepts & bag)
        coverage = (covered_by_bag + STATEMENT_SHARE * said + CONTEXT_SHARE * context) / q_weight
        stated = math.fsum(asked(c) for c in predicate if c in entry.said) + implied
        covered = (
            (
                math.fsum(asked(c) for c in predicate if c in bag)
                + STATEMENT_SHARE * stated
                + CONTEXT_SHARE * math.fsum(asked(c) for c in predicate if c in entry.context)
            )
            / math.fsum(asked(c) for c in predicate)
            if predicate
            else 1.0
        )
        fuzzy = best_sample.weight * self.fuzzy_scorer(fuzzy_form, best_sample.fuzzy_text) / 100.0
        w_sample, w_coverage, w_fuzzy = self.weights
        # Between facts whose samples fit equally, the one whose own statement fits the question better wins.
        statement = max((self._agreement(concepts, q_weight, text) for text in texts), default=0.0)
        score = w_sample * best_agreement + w_coverage * coverage + w_fuzzy * fuzzy + self.statement_nudge * statement
        score *= self.predicate_floor + (1.0 - self.predicate_floor) * covered
        subject = entry.fact.subject
        presents = entry.fact.kind == "profile" or (
            entry.fact.kind == "role" and subject is not None and ENTITY_PREFIX + subject in concepts
        )
        if presents and all(c.startswith(ENTITY_PREFIX) for c in concepts):
            score += self.profile_nudge  # "Radford", "tell me about Radford": who they are comes first
        if not supported:
            score *= 0.4
        return score

    def _rank(self, reading: Reading) -> list[Candidate]:
        text, concepts, kind = reading.text, reading.concepts, reading.kind
        self._unknown = reading.unknown  # how this question's words that facts don't use weigh
        self._ordinary = reading.ordinary  # and how much its everyday words that they use may weigh
        candidates: set[int] = set()
        for concept in concepts:
            candidates.update(self._postings.get(concept, ()))
        if not candidates:
            return []
        q_weight = math.fsum(self._asked_weight(c) for c in concepts)
        fuzzy_form = self._fuzzy_form(text)
        scored: list[tuple[float, Candidate]] = []
        for index in candidates:
            entry = self._entries[index]
            score = self._score(entry, concepts, q_weight, kind, fuzzy_form, reading.lang)
            stated = entry.bags[None] | entry.said
            missing = lacking(
                entry.fact, entry.entities, stated.__contains__, entry.bags[None], reading, self.entities, entry.context
            )
            if missing:
                score *= self.missing_name_factor**missing
            if score > 0:
                # Ranked on the raw score (nudges may lift it past 1); reported within [0, 1].
                scored.append((score, Candidate(entry.fact, round(min(score, 1.0), 4), missing)))
        scored.sort(key=lambda pair: (-pair[0], pair[1].fact.id))
        return [candidate for _, candidate in scored]
