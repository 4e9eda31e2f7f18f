"""`/lang en|fr` (persisted per user) and `/about` (version, size and freshness of the knowledge)."""

from __future__ import annotations

from handlers.context import LANG_KEY, Context
from handlers.i18n import SUPPORTED
from handlers.markup import bold, para
from handlers.types import ONE_SHOT_PLATFORMS, Incoming, Reply

_RESET = {"auto", "reset", "default", "defaut", "défaut", "automatique", "automatic"}
# What people type for a language, in either language: `/lang english`, `/lang français`, `/lang anglais`.
_NAMES = {
    "en": "en", "english": "en", "anglais": "en", "eng": "en", "en-us": "en", "en-gb": "en",
    "fr": "fr", "french": "fr", "francais": "fr", "français": "fr", "fra": "fr", "fr-fr": "fr",
}  # fmt: skip


async def handle_lang(ctx: Context, incoming: Incoming) -> Reply:
    choice = incoming.args.strip().lower()
    if incoming.platform in ONE_SHOT_PLATFORMS and choice:
        return Reply((para(ctx.t("lang-one-shot")),), ctx.lang, kind="decline")
    if not choice:
        return Reply((para(ctx.t("lang-current", lang=ctx.t(f"language-{ctx.lang}"))),), ctx.lang, kind="info")
    if choice in _RESET:
        await ctx.store.set_preference(incoming.platform, incoming.user_id, LANG_KEY, None)
        return Reply((para(ctx.t("lang-reset")),), ctx.lang, kind="info")
    choice = _NAMES.get(choice, choice)
    if choice not in SUPPORTED:
        return Reply((para(ctx.t("lang-invalid", choice=incoming.args.strip())),), ctx.lang, kind="decline")
    await ctx.store.set_preference(incoming.platform, incoming.user_id, LANG_KEY, choice)
    ctx.lang = choice
    return Reply((para(ctx.t("lang-set", lang=ctx.t(f"language-{choice}"))),), choice, kind="info")


async def handle_about(ctx: Context, incoming: Incoming) -> Reply:
    knowledge = ctx.knowledge
    text = ctx.t(
        "about-text",
        version=ctx.version,
        facts=len(knowledge.facts),
        sources=len(knowledge.sources),
        people=len(knowledge.people()),
        updated=knowledge.last_update or "—",
    )
    return Reply((para(bold("radford-bot")), para(text)), ctx.lang, kind="info")
