"""`/start` and `/help`: what the bot knows, how to ask, every command (from the declarations), examples."""

from __future__ import annotations

from handlers.ask import example_suggestions
from handlers.context import Context
from handlers.markup import Block, bold, bullets, code, para
from handlers.types import Incoming, Reply


def command_lines(ctx: Context) -> Block:
    from handlers.commands import visible_commands

    items = []
    for command in visible_commands():
        usage = " ".join(f"<{p.name}>" if p.required else f"[{p.name}]" for p in command.params)
        items.append((code(f"/{command.name}" + (f" {usage}" if usage else "")), " — ", command.description(ctx.lang)))
    return bullets(*items)


async def handle_help(ctx: Context, incoming: Incoming) -> Reply:
    examples = example_suggestions(ctx)
    blocks: list[Block] = [
        para(bold(ctx.t("help-title"))),
        para(ctx.t("help-what")),
        para(ctx.t("help-how")),
        para(bold(ctx.t("help-commands"))),
        command_lines(ctx),
    ]
    if examples:
        blocks += [para(bold(ctx.t("help-examples"))), bullets(*(s.query for s in examples))]
    return Reply(tuple(blocks), ctx.lang, kind="info", title=ctx.t("help-title"), suggestions=examples)


async def handle_start(ctx: Context, incoming: Incoming) -> Reply:
    examples = example_suggestions(ctx)
    blocks: list[Block] = [para(ctx.t("start-hello")), para(ctx.t("help-what")), para(ctx.t("start-next"))]
    return Reply(tuple(blocks), ctx.lang, kind="info", suggestions=examples)
