"""`/sources`: the articles and papers the facts come from; `/source [N|fact]`: where something comes from,
the whole sentence, never cut: the chat's last answer by default, or entry N of the timeline."""

from __future__ import annotations

from handlers.context import Context
from handlers.markup import Block, Inline, bold, bullets, italic, link, para
from handlers.timeline import entries
from handlers.types import Incoming, Reply
from knowledge.models import Fact


async def handle_sources(ctx: Context, incoming: Incoming) -> Reply:
    counts: dict[str, int] = {}
    for fact in ctx.knowledge.facts:
        counts[fact.source] = counts.get(fact.source, 0) + 1
    items: list[tuple[Inline, ...]] = []
    for source in ctx.knowledge.sources:
        title: Inline = link(source.title, source.url) if source.url else bold(source.title)
        details = ", ".join(
            part
            for part in (
                source.publisher,
                source.date,
                ctx.t(f"language-{source.lang}"),
                ctx.t("sources-facts", count=counts.get(source.id, 0)),
                # An added article's id, for /removearticle (the seed's sources are not removable).
                source.id if source.id.startswith("article-") else None,
            )
            if part
        )
        items.append((title, f" ({details})"))
    title_text = ctx.t("sources-title")
    blocks: list[Block] = [para(bold(title_text)), bullets(*items), para(italic(ctx.t("sources-hint")))]
    return Reply(tuple(blocks), ctx.lang, kind="info", title=title_text)


def quoted(ctx: Context, sentence: str) -> str:
    """The sentence whole, between the language's quotation marks (never through a clipped catalogue argument)."""
    return ctx.t("quote-open") + sentence + ctx.t("quote-close")


def _facts_for(ctx: Context, incoming: Incoming) -> tuple[Fact, ...] | None:
    """The facts `/source` was asked about; () when a bare `/source` has no answer to point at."""
    wanted = incoming.args.strip().lstrip("#")
    if not wanted:
        turn = ctx.memory.recall(incoming.chat_key)
        fact = ctx.knowledge.fact(turn.fact_id) if turn and turn.fact_id else None
        return (fact,) if fact else ()
    if wanted.isdigit():
        timeline = entries(ctx)
        number = int(wanted)
        return timeline[number - 1].facts if 1 <= number <= len(timeline) else None
    fact = ctx.knowledge.fact(wanted)
    return (fact,) if fact else None


async def handle_source(ctx: Context, incoming: Incoming) -> Reply:
    facts = _facts_for(ctx, incoming)
    if facts is None:
        return Reply((para(ctx.t("source-unknown", count=len(entries(ctx)))),), ctx.lang, kind="decline")
    if not facts:
        return Reply((para(ctx.t("source-none")),), ctx.lang, kind="decline")
    blocks: list[Block] = []
    for fact in facts:
        source = ctx.knowledge.source(fact.source)
        title = source.title if source else fact.source
        dated = f" ({source.date})" if source and source.date else ""
        blocks += [para(bold(title + dated)), para(quoted(ctx, fact.sentence))]
        if source and source.url:
            blocks.append(para(link(source.url, source.url)))
    first = ctx.knowledge.source(facts[0].source)
    return Reply(
        tuple(blocks), ctx.lang, kind="info", title=first.title if first else facts[0].source, fact_id=facts[0].id
    )
