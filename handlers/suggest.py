"""Suggested questions (buttons): real questions, in the chat's language, each answered by its own fact.

A fact's sample questions include keyword strings ("Radford CLIP Whisper") and typo-ridden variants the
matcher must understand but nobody should be offered. A suggestion is a sample that reads as a question
and that the bot, asked it, answers with that very fact (checked through the matcher, once per fact and
language per knowledge snapshot): so it is never the question just answered, nor one answered by the
same fact, and it keeps working whatever the matcher's scoring becomes.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.context import Context
from handlers.types import Suggestion
from knowledge.concepts import entity_ids
from knowledge.matcher import MatchResult
from knowledge.models import Fact
from knowledge.normalize import canonical

MAX_SUGGESTIONS = 3
MAX_LABEL = 64  # Telegram's button text limit; a longer question is not offered rather than cut
MAX_TRIES = 4  # sample questions tried per fact
_ASKING = re.compile(
    r"^(?:who|whom|whose|what|which|when|where|why|how|did|does|do|is|was|were|has|have|had|can|could|are|"
    r"qui|que|quoi|quel|quelle|quels|quelles|quand|où|ou|pourquoi|comment|combien|est-ce|est|a-t-il|"
    r"a-t-elle|était|etait)\b",
    re.IGNORECASE,
)
_INVERSION = re.compile(r"\w-(?:t-)?(?:il|elle|ils|elles|on)\b")  # "Radford est-il parti … ?"
MAX_WORDS = 5  # words of a declined question looked up on their own
MAX_REMEMBERED_WORDS = 10_000
_CACHE: dict[str, tuple[object, dict[tuple[str, str], str | None]]] = {}


def reads_as_question(text: str) -> bool:
    """A sentence a person would ask: capitalised, a few words, ending with a question mark."""
    text = text.strip()
    words = text.split()
    return (
        len(words) >= 3
        and len(text) <= MAX_LABEL
        and text[0].isupper()
        and text.endswith("?")
        and bool(_ASKING.match(text) or _INVERSION.search(text))
    )


def _memo(ctx: Context, name: str) -> dict[tuple[str, str], str | None]:
    """A memo that lives as long as the knowledge snapshot (the facts tuple is replaced when it changes)."""
    facts = ctx.knowledge.facts
    cached = _CACHE.get(name)
    if cached is None or cached[0] is not facts:
        cached = (facts, {})
        _CACHE[name] = cached
    return cached[1]


def question_for(ctx: Context, fact: Fact) -> str | None:
    """The first of the fact's questions in the chat's language that reads as one and leads back to it."""
    known = _memo(ctx, "questions")
    key = (fact.id, ctx.lang)
    if key not in known:
        known[key] = None
        tried = 0
        for question in fact.questions(ctx.lang):
            if not reads_as_question(question):
                continue
            tried += 1
            answer = ctx.knowledge.ask(question, fallback_lang=ctx.lang)  # type: ignore[arg-type]
            if answer.fact is not None and answer.fact.id == fact.id:
                known[key] = question
                break
            if tried >= MAX_TRIES:
                break
    return known[key]


def suggest(
    ctx: Context, facts: Iterable[Fact], *, asked: str = "", answered: str | None = None, limit: int = MAX_SUGGESTIONS
) -> tuple[Suggestion, ...]:
    """Up to `limit` buttons from `facts` in order: one per fact, never `asked` again nor its fact."""
    asked_key = canonical(asked).strip(" ?")
    picks: list[Suggestion] = []
    seen: set[str] = set() if answered is None else {answered}
    for fact in facts:
        if fact.id in seen:
            continue
        seen.add(fact.id)
        question = question_for(ctx, fact)
        if question is None or canonical(question).strip(" ?") == asked_key:
            continue
        picks.append(Suggestion(question, question))
        if len(picks) >= limit:
            break
    return tuple(picks)


def example_suggestions(ctx: Context) -> tuple[Suggestion, ...]:
    """Starter questions: who the story is about, how it began and how it ended (so far)."""
    return suggest(ctx, ctx.knowledge.highlights())


def facts_about(ctx: Context, entity_ids_: Iterable[str]) -> list[Fact]:
    """Facts on the named people or things, taken in turn: each one's profile, what it did, then mentions."""
    lists: list[list[Fact]] = []
    for entity_id in entity_ids_:
        profile = ctx.knowledge.profile(entity_id)
        related = [f for f in ctx.knowledge.facts_about(entity_id) if f.curated and f is not profile]
        related.sort(key=lambda f: f.subject != entity_id)
        lists.append(([profile] if profile else []) + related)
    mixed: list[Fact] = []
    for row in range(max((len(x) for x in lists), default=0)):
        mixed += [x[row] for x in lists if row < len(x)]
    return mixed


def facts_for_words(ctx: Context, question: str) -> list[Fact]:
    """Facts closest to each word of the question on its own ("Whisper", "Anthropic", "article")."""
    found: list[Fact] = []
    floor = ctx.knowledge.matcher.suggest_floor
    closest = _memo(ctx, "words")
    words = list(dict.fromkeys(w for w in canonical(question).replace("'", " ").split() if len(w) > 3))
    for word in words[:MAX_WORDS]:
        key = (word, ctx.lang)
        if key not in closest:
            if len(closest) >= MAX_REMEMBERED_WORDS:  # words come from users: never an unbounded memo
                closest.clear()
            result = ctx.knowledge.ask(word, fallback_lang=ctx.lang)  # type: ignore[arg-type]
            best = result.best
            closest[key] = best.fact.id if best is not None and best.score >= floor else None
        fact_id = closest[key]
        fact = ctx.knowledge.fact(fact_id) if fact_id else None
        if fact is not None:
            found.append(fact)
    return found


def decline_suggestions(ctx: Context, question: str, result: MatchResult | None) -> tuple[Suggestion, ...]:
    """After "my sources don't cover that": what the question named (people, things, words), else starters."""
    if result is None:
        return example_suggestions(ctx)
    named = sorted(result.entities) or sorted(entity_ids(ctx.knowledge.matcher.analyzer.concepts(question)))
    candidates = [c.fact for c in result.alternatives] + facts_about(ctx, named) + facts_for_words(ctx, question)
    return suggest(ctx, candidates, asked=question) or example_suggestions(ctx)
