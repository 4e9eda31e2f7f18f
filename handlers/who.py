"""`/who <person>` (a short profile with related facts) and `/people` (everyone the bot knows about).

`/who` with no name or a name the bot does not know lists the same people `/people` does, all of them.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.markup import Block, bold, bullets, para
from handlers.suggest import suggest
from handlers.types import Incoming, Reply, Suggestion
from knowledge.models import Fact

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
    related = related_facts(ctx, entity.id)[:MAX_RELATED]
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


# What someone does: their roles and moves come before the rest of what the sources say about them.
ROLE_KINDS = frozenset({"role", "join", "leave", "found"})


def related_facts(ctx: Context, entity_id: str) -> list[Fact]:
    """Every source's facts about the entity but its profile: their own roles and moves first, each group
    newest first (undated last), so an article about someone's new job shows it above what they did before."""
    facts = [f for f in ctx.knowledge.facts_about(entity_id) if f.kind != "profile"]
    facts.sort(key=lambda f: f.date.sort_key if f.date else "", reverse=True)
    # Their own roles and moves, then others' that name them, then the rest.
    facts.sort(key=lambda f: (f.kind not in ROLE_KINDS, f.subject != entity_id, f.date is None))
    return facts


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
