"""`/sources`: the articles and papers the facts come from; `/source <fact>`: one answer's exact sentence."""

from __future__ import annotations

from handlers.context import Context
from handlers.markup import Block, Inline, bold, bullets, italic, link, para
from handlers.types import Incoming, Reply


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
            )
            if part
        )
        items.append((title, f" ({details})"))
    title_text = ctx.t("sources-title")
    blocks: list[Block] = [para(bold(title_text)), bullets(*items), para(italic(ctx.t("sources-hint")))]
    return Reply(tuple(blocks), ctx.lang, kind="info", title=title_text)


async def handle_source(ctx: Context, incoming: Incoming) -> Reply:
    """The exact sentence behind one fact (`/source <fact id>`, offered after answers)."""
    fact = ctx.knowledge.fact(incoming.args.strip())
    if fact is None:
        return Reply((para(ctx.t("source-unknown")),), ctx.lang, kind="decline")
    source = ctx.knowledge.source(fact.source)
    title = source.title if source else fact.source
    blocks: list[Block] = [para(bold(title)), para(ctx.t("source-quote", sentence=fact.sentence))]
    if source and source.url:
        blocks.append(para(link(source.url, source.url)))
    return Reply(tuple(blocks), ctx.lang, kind="info", title=title, fact_id=fact.id)
