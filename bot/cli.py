"""`radford-bot`: ask, eval, chat, run, build, facts, backup, discord-sync.

Heavy imports happen inside each command so `ask` and `chat` start fast and never load a platform library.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot import __version__

if TYPE_CHECKING:
    from bot.core import Core
    from bot.settings import Settings
    from handlers.types import Reply


def reply_to_json(question: str, reply: Reply) -> dict[str, Any]:
    """The `ask --json` contract: one object per question, with at least these keys."""
    from handlers.markup import render_plain

    citation = reply.citation
    return {
        "question": question,
        "answered": reply.answered,
        "answer": reply.answer_text if reply.answer_text is not None else render_plain(reply.blocks),
        "lang": reply.lang,
        "kind": reply.kind,
        "fact_id": reply.fact_id,
        "score": reply.score,
        "source": (
            {
                "id": citation.source_id,
                "title": citation.title,
                "sentence": citation.sentence,
                "url": citation.url,
            }
            if citation
            else None
        ),
        "suggestions": [s.query for s in reply.suggestions],
    }


# Valid in a JSON string, yet line breaks to str.splitlines() and to JavaScript: escaped so that every
# answer stays on exactly one line, whatever a question echoed back contains.
_LINE_BREAKS = str.maketrans({"\u2028": "\\u2028", "\u2029": "\\u2029", "\x85": "\\u0085"})


def json_line(value: dict[str, Any]) -> str:
    return json.dumps(value, ensure_ascii=False).translate(_LINE_BREAKS)


def _readable(raw: bytes) -> str:
    """A line of standard input as text: bytes that are not UTF-8 become U+FFFD instead of a crash."""
    return raw.decode("utf-8", errors="replace").rstrip("\r\n")


async def _ask_one(core: Core, question: str, chat_id: str) -> Reply:
    from handlers.types import Incoming

    # Every question is its own conversation here: answers must not depend on the line before.
    return await core.handle(Incoming.from_text("cli", chat_id, "cli", question))


async def cmd_ask(settings: Settings, args: argparse.Namespace) -> int:
    from bot.adapters.console import format_reply
    from bot.core import Core

    core = await Core.open(settings.database_url)
    try:
        if args.question:
            question = " ".join(args.question)
            reply = await _ask_one(core, question, "cli")
            print(json_line(reply_to_json(question, reply)) if args.json else format_reply(reply))
            return 0
        number = 0
        while True:
            line = await asyncio.to_thread(sys.stdin.buffer.readline)
            if not line:
                return 0
            number += 1
            question = _readable(line)
            reply = await _ask_one(core, question, f"cli-{number}")
            if args.json:
                sys.stdout.write(json_line(reply_to_json(question, reply)) + "\n")
            else:
                sys.stdout.write(format_reply(reply) + "\n\n")
            sys.stdout.flush()
    finally:
        await core.close()


async def cmd_eval(settings: Settings, args: argparse.Namespace) -> int:
    """Score a question set (the dev set's format): overall, by scope, language and style, then the misses."""
    from pathlib import Path

    from bot.core import Core
    from bot.evaluation import EvalFileError, evaluate, load_rows, report, summary

    try:
        rows = load_rows(Path(args.file))
    except EvalFileError as error:
        print(f"radford-bot: {error}", file=sys.stderr)
        return 2
    if not rows:
        print(f"radford-bot: {args.file}: no questions", file=sys.stderr)
        return 2
    core = await Core.open(settings.database_url)
    try:
        outcomes = await evaluate(core, rows)
    finally:
        await core.close()
    print(json_line(summary(outcomes)) if args.json else report(outcomes, misses=not args.no_misses))
    return 0


async def cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    from bot.core import Core
    from bot.runtime import run_console

    core = await Core.open(settings.database_url, admin_ids=settings.admin_ids)
    try:
        await run_console(core, settings)
    finally:
        await core.close()
    return 0


async def cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runtime import run

    return await run(settings)


async def cmd_timeline(settings: Settings, args: argparse.Namespace) -> int:
    """The text timeline on standard output; with --png, its picture written to FILE as well."""

    from bot.adapters.console import format_reply
    from bot.core import Core
    from handlers.types import Incoming

    target = Path(args.png) if args.png else None
    if target is not None and not target.parent.is_dir():
        print(f"radford-bot: --png {target}: {target.parent} is not a directory", file=sys.stderr)
        return 2
    core = await Core.open(settings.database_url)
    try:
        command = " ".join(["/timeline", *args.filter])
        reply = await core.handle(Incoming.from_text("cli", "cli", "cli", command, locale=args.lang))
    finally:
        await core.close()
    print(format_reply(reply))
    if target is None:
        return 0
    if reply.chart is None:
        print("radford-bot: nothing to draw (see above)", file=sys.stderr)
        return 1
    from bot.operator import plural
    from handlers.pictures import draw

    drawing = await draw(reply.chart)
    target.write_bytes(drawing.png)
    events = plural(len(drawing.labels), "event")
    print(
        f"wrote {target}: {drawing.width}×{drawing.height} px, {events}, drawn in {drawing.seconds:.2f} s",
        file=sys.stderr,
    )
    return 0


async def cmd_build(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.builder import ensure_built
    from knowledge.store import open_store

    def progress(done: int, total: int, name: str) -> None:
        if sys.stderr.isatty():
            bar = "#" * (30 * done // total)
            sys.stderr.write(f"\r[{bar:<30}] {done}/{total} {name[:30]:<30}")
            if done == total:
                sys.stderr.write("\n")

    store = await open_store(settings.database_url)
    try:
        report = await ensure_built(store, force=args.force, progress=progress)
        facts = await store.count_facts()
    finally:
        await store.close()
    from bot.operator import plural

    if report.rebuilt:
        print(
            f"store rebuilt: {report.added} added, {report.updated} updated, {report.removed} removed; "
            f"{plural(facts, 'fact')}"
        )
    else:
        print(f"store already up to date: {plural(facts, 'fact')} (use --force to rewrite)")
    return 0


async def cmd_facts(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.base import Knowledge
    from knowledge.normalize import canonical
    from knowledge.store import open_store

    store = await open_store(settings.database_url)
    try:
        knowledge = await Knowledge.load(store)
    finally:
        await store.close()
    facts = list(knowledge.facts)
    if args.query:
        result = knowledge.ask(" ".join(args.query))
        ranked = [result.best, *result.alternatives] if result.best else []
        words = canonical(" ".join(args.query)).split()
        literal = [f for f in facts if all(w in canonical(f.id + " " + f.text.en + " " + f.text.fr) for w in words)]
        seen = {c.fact.id for c in ranked if c}
        facts = [c.fact for c in ranked if c] + [f for f in literal if f.id not in seen]
    for fact in facts:
        if args.json:
            print(
                json.dumps(
                    {
                        "id": fact.id,
                        "kind": fact.kind,
                        "source": fact.source,
                        "date": fact.date.value if fact.date else None,
                        "en": fact.text.en,
                        "fr": fact.text.fr,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            date = f" [{fact.date.value}]" if fact.date else ""
            print(f"{fact.id}{date}: {fact.text.get(args.lang)}")
    if not args.json:
        print(f"({len(facts)} of {len(knowledge.facts)} facts)", file=sys.stderr)
    return 0


async def cmd_backup(settings: Settings, args: argparse.Namespace) -> int:
    """A consistent copy of the store, safe while the bot runs (SQLite's online backup API)."""

    from bot.backup import backup
    from bot.operator import plural
    from knowledge.store import engine_of, sqlite_path

    if engine_of(settings.database_url) != "sqlite":
        print("radford-bot: backup copies a SQLite store; back PostgreSQL up with pg_dump", file=sys.stderr)
        return 2
    report = await backup(sqlite_path(settings.database_url), Path(args.path), overwrite=args.force)
    print(
        f"backed up to {report.target}: {plural(report.bytes, 'byte')}, schema {report.schema_version}, "
        f"{plural(report.facts, 'fact')}"
    )
    return 0


async def cmd_discord_sync(settings: Settings, args: argparse.Namespace) -> int:
    """Publish the slash commands (globally, or to one server with --guild); never done on start."""
    if not settings.discord_token:
        print("radford-bot: set DISCORD_BOT_TOKEN to sync the Discord commands", file=sys.stderr)
        return 2
    from bot.adapters.discord_bot.sync import SyncError, sync_commands

    if args.clear and not args.guild:
        print("radford-bot: --clear needs --guild (a global sync replaces everything)", file=sys.stderr)
        return 2
    try:
        names = await sync_commands(settings.discord_token, args.guild, clear=args.clear)
    except SyncError as error:
        print(f"radford-bot: {error}", file=sys.stderr)
        return 1
    if args.clear:
        print(f"removed the server copies of the commands from {args.guild}")
        return 0
    where = f"to server {args.guild}" if args.guild else "globally"
    print(
        f"synced {len(names)} command{'' if len(names) == 1 else 's'} {where}: "
        + " ".join(f"/{name}" for name in names)
    )
    return 0


def _snowflake(value: str) -> int:
    if not value.isdigit() or not 15 <= len(value) <= 21:
        raise argparse.ArgumentTypeError(f"a server id is a number of 15 to 21 digits, not {value!r}")
    return int(value)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="radford-bot",
        description="Answers questions about Alec Radford leaving OpenAI, on Telegram, Discord or the console.",
    )
    parser.add_argument("--version", action="version", version=f"radford-bot {__version__}")
    sub = parser.add_subparsers(dest="command")
    ask = sub.add_parser("ask", help="answer one question, or one per line of standard input")
    ask.add_argument("question", nargs="*", help="the question (omit to read standard input)")
    ask.add_argument("--json", action="store_true", help="print one JSON object per question")
    ask.set_defaults(func=cmd_ask)
    evaluate = sub.add_parser("eval", help="score answers on a question set (JSON lines, the dev set's format)")
    evaluate.add_argument("file", help="questions: {q, lang, expect: [regex…] or null, style?, intent?} per line")
    evaluate.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    evaluate.add_argument("--no-misses", action="store_true", help="figures only, without the list of misses")
    evaluate.set_defaults(func=cmd_eval)
    chat = sub.add_parser("chat", help="chat with the bot in this terminal")
    chat.set_defaults(func=cmd_chat)
    timeline = sub.add_parser(
        "timeline", help="print the timeline (filtered by a person, year or topic), --png draws it"
    )
    timeline.add_argument("filter", nargs="*", help="a person, a year or a topic (omit for the whole story)")
    timeline.add_argument("--png", metavar="FILE", help="also write the timeline picture to FILE (a PNG)")
    timeline.add_argument("--lang", choices=("en", "fr"), default="en", help="the language of the text and picture")
    timeline.set_defaults(func=cmd_timeline)
    run = sub.add_parser("run", help="start every platform with a token (the console chat when none is set)")
    run.set_defaults(func=cmd_run)
    build = sub.add_parser("build", help="build the fact store from knowledge/data (only what changed)")
    build.add_argument("--force", action="store_true", help="rewrite even when nothing changed")
    build.set_defaults(func=cmd_build)
    facts = sub.add_parser("facts", help="list the facts, or search them")
    facts.add_argument("query", nargs="*", help="words or a question to search for")
    facts.add_argument("--lang", choices=("en", "fr"), default="en")
    facts.add_argument("--json", action="store_true", help="one JSON object per fact")
    facts.set_defaults(func=cmd_facts)
    backup = sub.add_parser("backup", help="copy the database safely, even while the bot runs")
    backup.add_argument("path", help="the file to write (an SQLite database)")
    backup.add_argument("--force", action="store_true", help="replace PATH if it exists")
    backup.set_defaults(func=cmd_backup)
    sync = sub.add_parser("discord-sync", help="publish the Discord slash commands (after they change)")
    sync.add_argument("--guild", type=_snowflake, metavar="ID", help="only this server (instant, for tests)")
    sync.add_argument("--clear", action="store_true", help="with --guild: remove that server's copies")
    sync.set_defaults(func=cmd_discord_sync)
    from bot.operator import add_commands
    from bot.store_cli import add_store_commands

    add_commands(sub)
    add_store_commands(sub)
    for action in sub._choices_actions:  # `radford-bot X --help` says what X does, as the command list does
        command = sub.choices[action.dest]
        if command.description is None and action.help:
            command.description = action.help[0].upper() + action.help[1:] + "."
    return parser


PLATFORM_COMMANDS = frozenset({"run", "discord-sync"})  # the commands that use the platform tokens


def describe_os_error(error: OSError, database_url: str) -> str:
    """An OS error on the store's path names the setting it comes from: `DATABASE_URL: <path>: <reason>`."""

    from knowledge.store import StoreURLError, sqlite_path

    try:
        store = sqlite_path(database_url).expanduser().absolute()
    except StoreURLError:
        return str(error)
    name = error.filename
    if name is not None:
        failed = Path(str(name)).absolute()
        if failed == store or failed in store.parents:
            reason = "not a directory" if store_blocked(store) else (error.strerror or str(error)).lower()
            return f"DATABASE_URL: {store}: {reason}"
    return str(error)


def store_blocked(store: Path) -> bool:
    """A file stands where a directory of the store's path should be (`/etc/hostname/bot.db`)."""
    return any(parent.exists() and not parent.is_dir() for parent in store.parents)


def main(argv: Sequence[str] | None = None) -> int:
    from bot.logs import setup_logging
    from bot.settings import Settings, SettingsError
    from knowledge.loader import KnowledgeFileError
    from knowledge.store import StoreError

    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args = parser.parse_args(["run", *(argv or [])])
    try:
        settings = Settings.from_env(platforms=args.command in PLATFORM_COMMANDS)
    except SettingsError as error:
        print(f"radford-bot: configuration error: {error}", file=sys.stderr)
        return 2
    setup_logging(
        settings.log_level if args.command == "run" else "WARNING",
        json_lines=settings.log_json,
        secrets=settings.secrets,
    )
    for warning in settings.warnings:
        logging.getLogger("bot.settings").warning("%s", warning)
    try:
        return int(asyncio.run(args.func(settings, args)))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `radford-bot facts | head`: the reader has all it wanted
        sys.stderr.close()
        return 0
    except OSError as error:
        print(f"radford-bot: {describe_os_error(error, settings.database_url)}", file=sys.stderr)
        return 1
    except (StoreError, KnowledgeFileError) as error:
        print(f"radford-bot: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
