"""`/addarticle`: an administrator adds an article (its text, or an attached .txt file) from the chat.

Only the user ids in settings (and the operator's own console) may; everyone else gets a polite no.
The article goes through the same ingest path as `radford-bot ingest`, so subscribers hear about it.
"""

from __future__ import annotations

from handlers import admin
from handlers.context import Context
from handlers.markup import para
from handlers.types import Incoming, Reply
from knowledge.ingest import ArticleError, ingest_article, parse_article

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
    if report.added or report.repeated:
        await ctx.knowledge.refresh()
    text = ctx.t(
        "article-added",
        title=report.title,
        added=len(report.added),
        repeated=len(report.repeated),
        chats=report.deliveries,
    )
    return Reply((para(text),), ctx.lang, kind="info")
