"""`/who <person>` (a short profile with related facts) and `/people` (everyone the bot knows about).

`/who` with no name or a name the bot does not know lists the same people `/people` does, all of them.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.markup import Block, bold, bullets, para
from handlers.suggest import suggest
from handlers.types import Incoming, Reply, Suggestion

MAX_RELATED = 5
MAX_PEOPLE_BUTTONS = 5  # Telegram shows five buttons at most; the list above them names everyone


async def handle_who(ctx: Context, incoming: Incoming) -> Reply:
    name = incoming.args.strip()
    if not name:
        return people_reply(ctx, ctx.t("who-usage"), decline=True)
    entity = ctx.knowledge.find_entity(name)
    if entity is None:
        return people_reply(ctx, ctx.t("who-unknown", name=name), decline=True)
    ctx.memory.remember(incoming.chat_key, subject=entity.id if entity.kind == "person" else None, lang=ctx.lang)
    profile = ctx.knowledge.profile(entity.id)
    blocks: list[Block] = [para(bold(entity.name), " — ", entity.role.get(ctx.lang))]
    if profile is not None:
        ctx.memory.remember(incoming.chat_key, fact_id=profile.id)
        blocks.append(para(profile.text.get(ctx.lang)))
    related = [f for f in ctx.knowledge.facts_about(entity.id) if f.kind != "profile" and f.curated][:MAX_RELATED]
    if related:
        blocks += [para(bold(ctx.t("who-related"))), bullets(*(f.text.get(ctx.lang) for f in related))]
    return Reply(
        tuple(blocks),
        ctx.lang,
        kind="info",
        title=entity.name,
        suggestions=suggest(ctx, related),
        fact_id=profile.id if profile else None,
    )


def people_buttons(ctx: Context) -> tuple[Suggestion, ...]:
    return tuple(Suggestion(p.name, f"/who {p.name}") for p in ctx.knowledge.people()[:MAX_PEOPLE_BUTTONS])


def people_reply(ctx: Context, heading: str, *, decline: bool = False) -> Reply:
    """Everyone the bot knows, with their role: the same list for `/people` and a `/who` it cannot answer."""
    items = [(bold(p.name), " — ", p.role.get(ctx.lang)) for p in ctx.knowledge.people()]
    if decline:
        return Reply((para(heading), bullets(*items)), ctx.lang, kind="decline", suggestions=people_buttons(ctx))
    return Reply(
        (para(bold(heading)), bullets(*items)), ctx.lang, kind="info", title=heading, suggestions=people_buttons(ctx)
    )


async def handle_people(ctx: Context, incoming: Incoming) -> Reply:
    return people_reply(ctx, ctx.t("people-title"))
