"""Answering a question: match it against the facts, reply with the fact and its source, or decline.

Follow-ups ("and when did she leave?") borrow the person the chat was last about. A decline says plainly
that the sources don't cover the question and offers close questions as buttons.
"""

from __future__ import annotations

import re

from handlers.context import Context
from handlers.markup import Block, italic, para
from handlers.smalltalk import smalltalk_key
from handlers.sources import quoted
from handlers.suggest import MAX_SUGGESTIONS, decline_suggestions, example_suggestions, suggest
from handlers.types import Citation, Incoming, Reply, Suggestion
from knowledge.concepts import entity_ids
from knowledge.matcher import MAX_QUESTION_CHARS, Matcher, MatchResult
from knowledge.models import Fact
from knowledge.normalize import canonical, fold

_PRONOUN = re.compile(r"\b(?:he|she|him|her|his|hers|il|elle|lui|celui-ci|celle-ci|son|sa|ses)\b")
# Pronouns that stand for a person (not French impersonal "il y a", inverted "est-il", nor possessives).
_PERSON_PRONOUN = re.compile(r"\b(?:he|she|him|her|elle|lui)\b|(?<![-\w])il\b(?! y a)")


# French inversion repeats a subject the question already names: "Quel jour l'étude est-elle parue ?", "la
# direction a-t-elle proposé…", "la grève est elle reconductible" (typed without hyphens). The pronoun is the
# study's, not a person's. So is the "il" of "s'il vous plaît".
_INVERSION = r"(?:-t-|-| t |\b(?:est|sont|etait|sera|a|ont|va|vont|peut|doit) )(?:il|elle|ils|elles)\b"
_NAMED_SUBJECT_INVERSION = re.compile(
    rf"\b(?:le|la|les|l'|un|une|des|du|ce|cet|cette|ces|leur|leurs)\s*\w[^?]*?{_INVERSION}"
)
_PLEASE = re.compile(r"\bs'?\s?il (?:vous|te) pla[iî]t\b")


def _pointing_words(question: str) -> str:
    """`question` folded, without the pronouns that stand for no one: an inversion repeating a noun the question
    names before it, and the "il" of "s'il vous plaît"."""
    folded = _PLEASE.sub(" ", fold(question))  # fold makes typographic apostrophes plain
    if _NAMED_SUBJECT_INVERSION.search(folded):
        folded = re.sub(_INVERSION, " ", folded)
    return folded


def resolve_follow_up(ctx: Context, incoming: Incoming, question: str) -> str | None:
    """Name the chat's current subject in a question that only points at it with a pronoun.

    None when the question points at someone ("when did she leave?") and the chat has nobody in mind.
    """
    pointing = _pointing_words(question)
    if not _PRONOUN.search(canonical(pointing)):
        return question
    if entity_ids(ctx.knowledge.matcher.analyzer.concepts(question, fix_typos=True)):
        return question
    turn = ctx.memory.recall(incoming.chat_key)
    entity = ctx.knowledge.entity(turn.subject) if turn and turn.subject else None
    if entity is None:
        return None if _points_at_someone_unnamed(pointing) else question
    return f"{question} ({entity.name})"


# A noun the question gives before its pronoun, which the pronoun may stand for: "the cyclist… her lawyer",
# "l'analyste citée… pour quelle société elle travaille", "un enfant… quel âge il avait".
_ANTECEDENT = re.compile(r"(?:\b(?:the|a|an|this|that|le|la|les|un|une|ce|cet|cette)\s+|\bl')[a-z]{3,}")


# Spoken French names what its pronoun stands for after the question word: "elle a été créée quand la boîte ?",
# "il cultive quoi le président de la coopérative ?", "il a pris la terre où exactement le monsieur ?".
_DISLOCATED = re.compile(
    r"\b(?:quand|comment|quoi|combien|quel|quelle|pourquoi|exact\w*)\s+"
    r"(?:(?:le|la|les|ce|cet|cette|ces)\s+|l')[a-z]{3,}"
)


def _points_at_someone_unnamed(folded: str) -> bool:
    """Whether a question (folded, see `_pointing_words`) points at a person it does not name nor describe
    before (or, in spoken French, right after its question word): then it is asked whom it means, rather than
    answered about no one."""
    pronoun = _PERSON_PRONOUN.search(folded)
    if pronoun is None or _ANTECEDENT.search(folded[: pronoun.start()]):
        return False
    return not _DISLOCATED.search(folded[pronoun.end() :])


# How well a question that points at nobody ("il compte bosser avec d'autres boîtes ?") must fit a fact about a
# person for that person to be whom it means, rather than asking: well over the matcher's threshold.
UNNAMED_FIT = 0.6
UNNAMED_LEAD = 0.8  # …and the next fact at most this share of it


def _fits_someone(ctx: Context, question: str) -> tuple[MatchResult, Fact] | None:
    """The verdict on a question that points at no one, and its fact, when that fact is about a person and fits
    the question well (see `UNNAMED_FIT`)."""
    result = ctx.knowledge.ask(question, fallback_lang=ctx.lang)  # type: ignore[arg-type]
    fact = result.fact
    if fact is None or result.cites or result.score < UNNAMED_FIT:
        return None
    subject = _subject_of(fact, ctx)
    close = (c.fact for c in result.alternatives if c.score > UNNAMED_LEAD * result.score)
    if any(_subject_of(other, ctx) != subject for other in close):
        return None  # "what is his role?": many people's roles fit, and none is whom it means
    person = ctx.knowledge.entity(subject) if subject else None
    if person is None or person.kind != "person":
        return None
    # "Et quand a-t-elle démissionné ?" is not about Radford, however well his resignation fits it.
    said = _PERSON_PRONOUN.search(_pointing_words(question))
    meant = _GENDERS.get(said.group().strip()) if said else None
    return (result, fact) if meant is not None and meant == _gender_of(ctx, person.id) else None


# "lui" is anyone's indirect object ("on lui a proposé"): it says no gender.
_GENDERS = {"he": "m", "him": "m", "il": "m", "she": "f", "her": "f", "elle": "f"}
_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)


def _gender_of(ctx: Context, person: str) -> str | None:
    """The gender the English texts of a person's facts give them by their pronouns, None when they don't say."""
    texts = [fact.text.en for fact in ctx.knowledge.facts_about(person)]
    he, she = sum(len(_HE.findall(t)) for t in texts), sum(len(_SHE.findall(t)) for t in texts)
    return "m" if he > she else "f" if she > he else None


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
    """The source's title and the whole sentence the answer rests on (never cut: /source shows the same)."""
    citation = citation_for(ctx, fact)
    source = ctx.knowledge.source(fact.source)
    dated = f" ({source.date})" if source and source.date else ""
    label = ctx.t("answer-source", title=citation.title + dated)
    return para(italic(label + " " + quoted(ctx, citation.sentence)))


def _published(ctx: Context, result: MatchResult) -> Fact | None:
    """For a question about who reported something, the best answer whose source names its publisher: an
    article that says so beats a background one that only tells the story, when both answer."""
    if result.fact is None:
        return None
    for candidate in (result.best, *result.alternatives):
        if candidate is None or candidate.score < Matcher.threshold:
            break
        source = ctx.knowledge.source(candidate.fact.source)
        if source is not None and source.publisher:
            return candidate.fact
    return result.fact


# The rival passage is left out when the two would make a long reply: a chat answer is read at a glance.
MAX_WITH_RIVAL = 560


def _quoted(fact: Fact, text: str) -> bool:
    """Whether `text` quotes the fact's sentence as its source says it rather than rendering it (see below)."""
    return fact.text.en == fact.text.fr or fact.sentence in text


def _quoted_in(ctx: Context, fact: Fact, text: str) -> str | None:
    """The language of the source `text` quotes `fact` from, when it is not the reader's; None when `text` renders the
    fact in the reader's language or the fact is hand-written in both."""
    source = ctx.knowledge.source(fact.source)
    if fact.curated or source is None or source.lang == ctx.lang or not _quoted(fact, text):
        return None
    return source.lang


def _rival(ctx: Context, result: MatchResult, fact: Fact, text: str) -> Fact | None:
    """The fact that fits the question nearly as well as `fact` (the matcher's `rival`), when `fact` is the one it
    chose and the two together stay short."""
    rival = result.rival
    if rival is None or result.best is None or result.best.fact.id != fact.id:
        return None
    return rival.fact if len(text) + len(rival.fact.text.get(ctx.lang)) <= MAX_WITH_RIVAL else None


def answer_reply(ctx: Context, result: MatchResult, fact: Fact) -> Reply:
    text = fact.text.get(ctx.lang)
    source = ctx.knowledge.source(fact.source)
    if result.cites and source and source.publisher and canonical(source.publisher) not in canonical(text):
        # "Which outlet reported that Murati left?": the news answers, and who published it is the point.
        text = f"{text} {ctx.t('answer-cited', origin=source.publisher)}"
    blocks: list[Block] = [para(text)]
    # A recognised relation is rendered in the reader's language; anything else is quoted as the source says it.
    foreign = {_quoted_in(ctx, fact, text)}
    rival = _rival(ctx, result, fact, text)
    if rival is not None:
        more = rival.text.get(ctx.lang)
        label = ctx.t("answer-also")
        if rival.source != fact.source:
            elsewhere = ctx.knowledge.source(rival.source)
            label = ctx.t("answer-also-from", title=elsewhere.title if elsewhere else rival.source)
        blocks.append(para(label + " " + more))
        text = f"{text}\n{more}"
        foreign.add(_quoted_in(ctx, rival, more))
    for lang in sorted(lang for lang in foreign if lang):
        blocks.append(para(italic(ctx.t("answer-foreign-source", lang=ctx.t(f"language-{lang}")))))
    blocks.append(source_line(ctx, fact))
    shown = (c.fact for c in result.alternatives if rival is None or c.fact.id != rival.id)
    alternatives = suggest(ctx, shown, asked=result.question, answered=fact.id)
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
    suggestions = decline_suggestions(ctx, result.question if result else "", result)
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
    if resolved is None and (fitting := _fits_someone(ctx, question)) is not None:
        # "Did anyone care that he left?" in a new chat: the fact that fits it well says whom it means.
        assumed, about = fitting
        ctx.memory.remember(incoming.chat_key, subject=_subject_of(about, ctx), lang=ctx.lang, fact_id=about.id)
        return answer_reply(ctx, assumed, about)
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
    fact = _published(ctx, result) if result.cites else result.fact
    if fact is None:
        ctx.memory.remember(incoming.chat_key, lang=ctx.lang)
        return decline_reply(ctx, result, _DECLINE_KEYS.get(result.reason, "decline-no-cover"))
    ctx.memory.remember(incoming.chat_key, subject=_subject_of(fact, ctx), lang=ctx.lang, fact_id=fact.id)
    return answer_reply(ctx, result, fact)


async def handle(ctx: Context, incoming: Incoming) -> Reply:
    """`/ask <question>`."""
    if not incoming.args.strip():
        return decline_reply(ctx, None, "ask-usage")
    return await answer(ctx, incoming, incoming.args)
