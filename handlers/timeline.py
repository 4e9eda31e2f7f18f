"""`/timeline [person|year|topic]`: the story in order, dated events first, then what the sources place."""

from __future__ import annotations

import re

from handlers.context import Context
from handlers.markup import Block, Inline, bold, bullets, para
from handlers.types import Incoming, Reply
from knowledge.models import Fact, FactDate
from knowledge.normalize import canonical

_YEAR = re.compile(r"^(?:19|20)\d\d$")


def format_date(ctx: Context, date: FactDate) -> str:
    """A date at the precision the source gives: `2016`, `June 2018` / `juin 2018`, `20 December 2024`."""
    parts = date.value.split("-")
    if date.precision == "year" or len(parts) == 1:
        return parts[0]
    month = ctx.t(f"month-{int(parts[1])}")
    if date.precision == "month" or len(parts) == 2:
        return ctx.t("date-month", month=month, year=parts[0])
    return ctx.t("date-day", day=int(parts[2]), month=month, year=parts[0])


def filter_timeline(ctx: Context, facts: list[Fact], query: str) -> list[Fact] | None:
    """Facts matching a year, a person or thing, or a topic word; None when the filter means nothing."""
    query = query.strip()
    if not query:
        return facts
    if _YEAR.match(query):
        return [f for f in facts if f.date and f.date.value.startswith(query)]
    entity = ctx.knowledge.find_entity(query)
    if entity is not None:
        return [f for f in facts if entity.id in f.entities or f.subject == entity.id]
    words = [w for w in canonical(query).split() if len(w) > 2]
    if not words:
        return None
    return [f for f in facts if all(w in canonical(f.text.en + " " + f.text.fr) for w in words)]


def timeline_item(ctx: Context, fact: Fact) -> tuple[Inline, ...]:
    when = format_date(ctx, fact.date) if fact.date else (fact.when.get(ctx.lang) if fact.when else "")
    return (bold(when), " — ", fact.text.get(ctx.lang))


async def handle(ctx: Context, incoming: Incoming) -> Reply:
    facts = filter_timeline(ctx, ctx.knowledge.timeline(), incoming.args)
    if facts is None or not facts:
        return Reply(
            (para(ctx.t("timeline-nothing", filter=incoming.args.strip() or "none")),),
            ctx.lang,
            kind="decline",
        )
    title = (
        ctx.t("timeline-title")
        if not incoming.args.strip()
        else ctx.t("timeline-title-filtered", filter=incoming.args.strip())
    )
    blocks: list[Block] = [para(bold(title)), bullets(*(timeline_item(ctx, f) for f in facts))]
    return Reply(tuple(blocks), ctx.lang, kind="info", title=title)
