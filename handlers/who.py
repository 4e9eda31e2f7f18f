"""`/who <person>` (a short profile with related facts) and `/people` (everyone the bot knows about)."""

from __future__ import annotations

from handlers.ask import suggestion_for
from handlers.context import Context
from handlers.markup import Block, bold, bullets, para
from handlers.types import Incoming, Reply, Suggestion
from knowledge.models import Fact

MAX_RELATED = 5


async def handle_who(ctx: Context, incoming: Incoming) -> Reply:
    name = incoming.args.strip()
    if not name:
        return Reply((para(ctx.t("who-usage")),), ctx.lang, kind="decline", suggestions=people_buttons(ctx))
    entity = ctx.knowledge.find_entity(name)
    if entity is None:
        return Reply(
            (para(ctx.t("who-unknown", name=name)),),
            ctx.lang,
            kind="decline",
            suggestions=people_buttons(ctx),
        )
    ctx.memory.remember(incoming.chat_key, subject=entity.id if entity.kind == "person" else None, lang=ctx.lang)
    profile = ctx.knowledge.profile(entity.id)
    blocks: list[Block] = [para(bold(entity.name), " — ", entity.role.get(ctx.lang))]
    if profile is not None:
        blocks.append(para(profile.text.get(ctx.lang)))
    related = related_facts(ctx, entity.id)[:MAX_RELATED]
    if related:
        blocks += [para(bold(ctx.t("who-related"))), bullets(*(f.text.get(ctx.lang) for f in related))]
    suggestions = tuple(suggestion_for(ctx, f) for f in related[:3])
    return Reply(
        tuple(blocks),
        ctx.lang,
        kind="info",
        title=entity.name,
        suggestions=suggestions,
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
    return tuple(Suggestion(p.name, f"/who {p.name}") for p in ctx.knowledge.people()[:6])


async def handle_people(ctx: Context, incoming: Incoming) -> Reply:
    people = ctx.knowledge.people()
    items = [(bold(p.name), " — ", p.role.get(ctx.lang)) for p in people]
    title = ctx.t("people-title")
    return Reply(
        (para(bold(title)), bullets(*items)),
        ctx.lang,
        kind="info",
        title=title,
        suggestions=people_buttons(ctx),
    )
