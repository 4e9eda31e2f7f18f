"""Answering a question: match it against the facts, reply with the fact and its source, or decline.

Follow-ups ("and when did she leave?") borrow the person the chat was last about. A decline says plainly
that the sources don't cover the question and offers close questions as buttons.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.context import Context
from handlers.markup import Block, italic, para
from handlers.smalltalk import smalltalk_key
from handlers.types import Citation, Incoming, Reply, Suggestion
from knowledge.concepts import entity_ids
from knowledge.matcher import MAX_QUESTION_CHARS, Candidate, MatchResult
from knowledge.models import Fact
from knowledge.normalize import canonical

_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|il|elle|lui|celui-ci|celle-ci|son|sa|ses)\b")
# Pronouns that stand for a person (not French impersonal "il y a", inverted "est-il", nor possessives).
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|elle|lui)\b|(?<![-\w])il\b(?! y a)")
MAX_SUGGESTIONS = 3


def suggestion_for(ctx: Context, fact: Fact) -> Suggestion:
    """A button that asks the fact's own first sample question in the reply language."""
    # A question, not a statement kept as a sample (extracted facts carry their sentence as one).
    questions = [q for q in fact.questions(ctx.lang) or fact.questions() if q.rstrip().endswith("?")]
    query = questions[0] if questions else fact.text.get(ctx.lang)
    label = query if len(query) <= 60 else query[:57].rstrip() + "…"
    return Suggestion(label, query)


def example_suggestions(ctx: Context) -> tuple[Suggestion, ...]:
    """Starter questions: who the story is about, how it began and how it ended (so far)."""
    return tuple(suggestion_for(ctx, f) for f in ctx.knowledge.highlights()[:MAX_SUGGESTIONS])


def suggestions_about(ctx: Context, entity_ids: Iterable[str]) -> tuple[Suggestion, ...]:
    """Questions the bot can answer about the people or things a question named."""
    picks: list[Fact] = []
    for entity_id in entity_ids:
        profile = ctx.knowledge.profile(entity_id)
        related = [f for f in ctx.knowledge.facts_about(entity_id) if f.curated and f is not profile]
        related.sort(key=lambda f: (f.subject != entity_id, f.id))
        picks += [f for f in ([profile] if profile else []) + related if f not in picks]
    return tuple(suggestion_for(ctx, f) for f in picks[:MAX_SUGGESTIONS])


def resolve_follow_up(ctx: Context, incoming: Incoming, question: str) -> str | None:
    """Name the chat's current subject in a question that only points at it with a pronoun.

    None when the question points at someone ("when did she leave?") and the chat has nobody in mind.
    """
    text = canonical(question)
    if not _PRONOUN.search(text):
        return question
    if entity_ids(ctx.knowledge.matcher.analyzer.concepts(question, fix_typos=True)):
        return question
    turn = ctx.memory.recall(incoming.chat_key)
    entity = ctx.knowledge.entity(turn.subject) if turn and turn.subject else None
    if entity is None:
        return None if _PERSON_PRONOUN.search(text) else question
    return f"{question} ({entity.name})"


def _subject_of(fact: Fact, ctx: Context) -> str | None:
    if fact.subject:
        return fact.subject
    for entity_id in fact.entities:
        entity = ctx.knowledge.entity(entity_id)
        if entity and entity.kind == "person":
            return entity_id
    return None


def citation_for(ctx: Context, fact: Fact) -> Citation:
    source = ctx.knowledge.source(fact.source)
    title = source.title if source else fact.source
    return Citation(fact.source, title, fact.sentence, source.url if source else None)


def source_line(ctx: Context, fact: Fact) -> Block:
    citation = citation_for(ctx, fact)
    source = ctx.knowledge.source(fact.source)
    dated = f" ({source.date})" if source and source.date else ""
    return para(italic(ctx.t("answer-source", title=citation.title + dated, sentence=citation.sentence)))


def answer_reply(ctx: Context, result: MatchResult, fact: Fact) -> Reply:
    text = fact.text.get(ctx.lang)
    blocks: list[Block] = [para(text)]
    source = ctx.knowledge.source(fact.source)
    # A recognised relation is rendered in the reader's language; anything else is quoted as the source says it.
    quoted = fact.text.en == fact.text.fr or fact.sentence in text
    if not fact.curated and source and source.lang != ctx.lang and quoted:
        blocks.append(para(italic(ctx.t("answer-foreign-source", lang=ctx.t(f"language-{source.lang}")))))
    blocks.append(source_line(ctx, fact))
    alternatives = tuple(suggestion_for(ctx, c.fact) for c in result.alternatives[:MAX_SUGGESTIONS])
    return Reply(
        tuple(blocks),
        ctx.lang,
        kind="answer",
        suggestions=alternatives,
        answered=True,
        fact_id=fact.id,
        score=result.score,
        citation=citation_for(ctx, fact),
        answer_text=text,
    )


def decline_reply(ctx: Context, result: MatchResult | None, key: str, **args: str | int) -> Reply:
    near: tuple[Candidate, ...] = result.alternatives if result else ()
    suggestions = (
        tuple(suggestion_for(ctx, c.fact) for c in near[:MAX_SUGGESTIONS])
        or (suggestions_about(ctx, sorted(result.entities)) if result else ())
        or example_suggestions(ctx)
    )
    message = ctx.t(key, **args)
    blocks: list[Block] = [para(message)]
    if suggestions:
        blocks.append(para(ctx.t("decline-suggest")))
    return Reply(
        tuple(blocks),
        ctx.lang,
        kind="decline",
        suggestions=suggestions,
        answered=False,
        score=result.score if result else None,
        answer_text=message,
    )


_DECLINE_KEYS = {
    "empty": "decline-empty",
    "too_long": "decline-too-long",
    "no_topic": "decline-no-cover",
    "unsupported_kind": "decline-no-cover",
    "low_score": "decline-no-cover",
}


async def answer(ctx: Context, incoming: Incoming, question: str) -> Reply:
    """The reply to a free-text question (also `/ask <question>`)."""
    question = question.strip()
    if not question:
        return decline_reply(ctx, None, "decline-empty")
    if len(question) > MAX_QUESTION_CHARS:
        return decline_reply(ctx, None, "decline-too-long", max=MAX_QUESTION_CHARS)
    if (key := smalltalk_key(question)) is not None:
        return Reply((para(ctx.t(key)),), ctx.lang, kind="smalltalk", suggestions=example_suggestions(ctx))
    resolved = resolve_follow_up(ctx, incoming, question)
    if resolved is None:
        people = tuple(Suggestion(p.name, f"/who {p.name}") for p in ctx.knowledge.people()[: MAX_SUGGESTIONS + 3])
        return Reply(
            (para(ctx.t("ask-who-do-you-mean")),),
            ctx.lang,
            kind="decline",
            suggestions=people,
            answer_text=ctx.t("ask-who-do-you-mean"),
        )
    result = ctx.knowledge.ask(resolved, fallback_lang=ctx.lang)  # type: ignore[arg-type]
    fact = result.fact
    if fact is None:
        ctx.memory.remember(incoming.chat_key, lang=ctx.lang)
        return decline_reply(ctx, result, _DECLINE_KEYS.get(result.reason, "decline-no-cover"))
    ctx.memory.remember(incoming.chat_key, subject=_subject_of(fact, ctx), lang=ctx.lang)
    return answer_reply(ctx, result, fact)


async def handle(ctx: Context, incoming: Incoming) -> Reply:
    """`/ask <question>`."""
    if not incoming.args.strip():
        return decline_reply(ctx, None, "ask-usage")
    return await answer(ctx, incoming, incoming.args)
