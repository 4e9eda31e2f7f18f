"""`/addarticle`: an administrator adds an article (its text, or an attached .txt file) from the chat.

Only the user ids in settings (and the operator's own console) may; everyone else gets a polite no.
The article goes through the same ingest path as `radford-bot ingest`, so subscribers hear about it.
"""

from __future__ import annotations

from handlers import admin
from handlers.context import Context
from handlers.markup import para
from handlers.types import Incoming, Reply
from knowledge.ingest import ArticleError, ingest_article, parse_article, remove_article

LOCAL_PLATFORMS = admin.LOCAL_PLATFORMS


def is_admin(ctx: Context, incoming: Incoming) -> bool:
    """Admins are the configured ids; the console is the operator's own terminal."""
    return admin.is_admin(ctx.admin_ids, incoming)


async def handle_addarticle(ctx: Context, incoming: Incoming) -> Reply:
    if not is_admin(ctx, incoming):
        return Reply((para(ctx.t("article-not-admin")),), ctx.lang, kind="decline")
    raw = incoming.attachment if incoming.attachment is not None else incoming.args
    if not raw.strip():
        return Reply((para(ctx.t("article-usage")),), ctx.lang, kind="decline")
    try:
        article = parse_article(raw)
    except ArticleError as error:
        return Reply((para(ctx.t(error.key, **error.args_)),), ctx.lang, kind="decline")
    report = await ingest_article(ctx.store, article)
    if report.already:
        return Reply((para(ctx.t("article-already", title=report.title, facts=report.facts)),), ctx.lang, kind="info")
    if report.added or report.repeated or report.entities:
        await ctx.knowledge.refresh()
    text = ctx.t(
        "article-added",
        title=report.title,
        added=len(report.added),
        repeated=len(report.repeated),
        chats=report.deliveries,
    )
    return Reply((para(text),), ctx.lang, kind="info")


async def handle_removearticle(ctx: Context, incoming: Incoming) -> Reply:
    """`/removearticle <id>`: the article, its facts and the names it introduced go, here at once and in
    the other processes at their next check (the store's update mark moves)."""
    source_id = incoming.args.strip()
    if not source_id:
        return Reply((para(ctx.t("article-remove-usage")),), ctx.lang, kind="decline")
    source = ctx.knowledge.source(source_id)
    try:
        removed = await remove_article(ctx.store, source_id)
    except ArticleError as error:
        return Reply((para(ctx.t(error.key, **error.args_)),), ctx.lang, kind="decline")
    if not removed:
        return Reply((para(ctx.t("article-remove-unknown", id=source_id)),), ctx.lang, kind="decline")
    await ctx.knowledge.refresh()
    title = source.title if source else source_id
    return Reply((para(ctx.t("article-removed", title=title)),), ctx.lang, kind="info")
