"""`/start` and `/help`: what the bot knows, how to ask, every command (from the declarations), examples."""

from __future__ import annotations

from handlers.commands import visible_commands
from handlers.context import Context
from handlers.markup import Block, bold, bullets, code, para
from handlers.suggest import example_suggestions
from handlers.types import Incoming, Reply


def command_lines(ctx: Context) -> Block:
    """One line per visible command: its usage with placeholders in the chat's language, then what it does."""
    return bullets(*((code(c.usage(ctx.lang)), " — ", c.description(ctx.lang)) for c in visible_commands()))


async def handle_help(ctx: Context, incoming: Incoming) -> Reply:
    examples = example_suggestions(ctx)
    blocks: list[Block] = [
        para(bold(ctx.t("help-title"))),
        para(ctx.t("help-what")),
        para(ctx.t("help-how")),
        para(bold(ctx.t("help-commands"))),
        command_lines(ctx),
        para(ctx.t("help-lang")),
    ]
    if examples:
        blocks += [para(bold(ctx.t("help-examples"))), bullets(*(s.query for s in examples))]
    return Reply(tuple(blocks), ctx.lang, kind="info", title=ctx.t("help-title"), suggestions=examples)


async def handle_start(ctx: Context, incoming: Incoming) -> Reply:
    examples = example_suggestions(ctx)
    blocks: list[Block] = [para(ctx.t("start-hello")), para(ctx.t("help-what")), para(ctx.t("start-next"))]
    return Reply(tuple(blocks), ctx.lang, kind="info", suggestions=examples)
