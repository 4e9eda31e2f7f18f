"""Operator commands: `radford-bot ingest FILE`, `radford-bot subscribers`, `radford-bot outbox`.

They work on the database directly, so they run beside a live bot (which picks the new facts and the
deliveries up within seconds) as well as on their own.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.settings import Settings


def add_commands(sub: Any) -> None:
    """Register the operator commands on the CLI's subparsers."""
    ingest = sub.add_parser("ingest", help="add an article (plain text or Markdown) and notify its subscribers")
    ingest.add_argument("file", help="the article's file, or - for standard input")
    ingest.add_argument("--title", help="its title (default: a 'title:' line, the first heading or line)")
    ingest.add_argument("--date", help="its publication date: YYYY, YYYY-MM or YYYY-MM-DD")
    ingest.add_argument("--lang", choices=("en", "fr"), help="its language (default: detected)")
    ingest.add_argument("--url", help="where it was published")
    ingest.add_argument("--publisher", help="who published it")
    ingest.add_argument("--json", action="store_true", help="print the report as JSON")
    ingest.set_defaults(func=cmd_ingest)
    sources = sub.add_parser("sources", help="the sources: id, title, date, language, fact count")
    sources.add_argument("--json", action="store_true", help="one JSON object per source")
    sources.set_defaults(func=cmd_sources)
    remove = sub.add_parser("remove", help="delete an ingested article with its facts and entities")
    remove.add_argument("source_id", help="the article's id, as `radford-bot sources` lists it")
    remove.set_defaults(func=cmd_remove)
    subscribers = sub.add_parser("subscribers", help="subscriptions per platform and topic")
    subscribers.add_argument("--json", action="store_true", help="one JSON object per row")
    subscribers.set_defaults(func=cmd_subscribers)
    outbox = sub.add_parser("outbox", help="deliveries pending, sent and parked, with the parked ones' reasons")
    outbox.add_argument("--json", action="store_true", help="print one JSON object")
    outbox.set_defaults(func=cmd_outbox)


def plural(count: int, singular: str, plural_form: str | None = None) -> str:
    """`1 chat`, `2 chats`: operator output counts things the way people do."""
    return f"{count} {singular if count == 1 else (plural_form or singular + 's')}"


def topic_id(topic: str) -> str:
    """A subscription topic as an id that reads the same whatever language its subscribers speak:
    `everything`, an entity's id (`murati`), or the keyword's words (`openai departures`)."""
    if topic == "*":
        return "everything"
    return topic.split(":", 1)[1] if ":" in topic else topic


def _read(name: str) -> str:
    """The article's text; an ArticleError for a file too big (checked before reading it), binary or not UTF-8."""
    from knowledge.ingest import MAX_ARTICLE_BYTES, decode_article

    if name == "-":
        return decode_article(sys.stdin.buffer.read(MAX_ARTICLE_BYTES + 1))
    path = Path(name)
    if path.is_file() and path.stat().st_size > MAX_ARTICLE_BYTES:
        return decode_article(b" " * (MAX_ARTICLE_BYTES + 1))  # the same refusal, without reading 10 MB
    with path.open("rb") as file:
        return decode_article(file.read(MAX_ARTICLE_BYTES + 1))


async def cmd_ingest(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.builder import ensure_built
    from knowledge.ingest import ArticleError, ingest_article, parse_article
    from knowledge.store import open_store

    started = time.perf_counter()
    try:
        article = parse_article(
            _read(args.file), title=args.title, date=args.date, lang=args.lang, url=args.url,
            publisher=args.publisher, name=Path(args.file).stem if args.file != "-" else None,
        )  # fmt: skip
    except ArticleError as error:
        print(f"radford-bot: {args.file}: {error}", file=sys.stderr)
        return 1
    store = await open_store(settings.database_url)
    try:
        await ensure_built(store)  # the gazetteer must exist before extracting
        report = await ingest_article(store, article)
        # Indexing, as a running bot does on refresh: the figure operators compare with the 2 s budget.
        from knowledge.base import Knowledge

        await Knowledge.load(store, build=False)
    finally:
        await store.close()
    seconds = time.perf_counter() - started
    if args.json:
        print(json.dumps({"source": report.source_id, "title": report.title, "added": list(report.added),
                          "repeated": list(report.repeated), "update": report.update_id,
                          "deliveries": report.deliveries, "already": report.already,
                          "entities": report.entities, "seconds": round(seconds, 3)}, ensure_ascii=False))  # fmt: skip
    elif report.already:
        print(f"{report.source_id} “{report.title}” is already in the store ({report.facts} facts): nothing changed")
    else:
        print(
            f"{report.source_id} “{report.title}”: {plural(len(report.added), 'new fact')}, "
            f"{len(report.repeated)} already known (now also sourced here), "
            f"{plural(report.entities, 'entity', 'entities')}, {plural(report.deliveries, 'chat')} to notify "
            f"({seconds:.2f} s with indexing)"
        )
    return 0


async def cmd_sources(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.store import open_store

    store = await open_store(settings.database_url)
    try:
        sources = await store.sources()
        counts: dict[str, int] = {}
        for fact in await store.facts():
            counts[fact.source] = counts.get(fact.source, 0) + 1
    finally:
        await store.close()
    for source in sources:
        if args.json:
            print(json.dumps({"id": source.id, "title": source.title, "date": source.date, "lang": source.lang,
                              "facts": counts.get(source.id, 0)}, ensure_ascii=False))  # fmt: skip
        else:
            print(
                f"{source.id:<26} {source.date or '-':<10} {source.lang} {counts.get(source.id, 0):>4}  {source.title}"
            )
    return 0


async def cmd_remove(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.ingest import ArticleError, remove_article
    from knowledge.store import open_store

    store = await open_store(settings.database_url)
    try:
        removed = await remove_article(store, args.source_id)
    except ArticleError as error:
        print(f"radford-bot: {error}", file=sys.stderr)
        return 1
    finally:
        await store.close()
    if not removed:
        print(f"radford-bot: no source {args.source_id!r} (see `radford-bot sources`)", file=sys.stderr)
        return 1
    print(f"removed {args.source_id} with its facts and entities")
    return 0


async def cmd_subscribers(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.store import open_store

    store = await open_store(settings.database_url)
    try:
        rows = await store.subscriber_counts()
    finally:
        await store.close()
    if args.json:
        for row in rows:
            entry = {"platform": row.platform, "topic": row.topic, "label": topic_id(row.topic), "mode": row.mode,
                     "active": row.active, "inactive": row.inactive}  # fmt: skip
            print(json.dumps(entry, ensure_ascii=False))
        return 0
    if not rows:
        print("no subscriptions")
        return 0
    print(f"{'platform':<10} {'topic':<32} {'mode':<10} {'active':>7} {'inactive':>9}")
    for row in rows:
        topic = "everything" if row.topic == "*" else row.label
        print(f"{row.platform:<10} {topic[:32]:<32} {row.mode:<10} {row.active:>7} {row.inactive:>9}")
    print(f"{'total':<54} {sum(r.active for r in rows):>7} {sum(r.inactive for r in rows):>9}")
    return 0


async def cmd_outbox(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.store import open_store

    store = await open_store(settings.database_url)
    try:
        counts = await store.outbox_counts()
        parked = await store.parked_deliveries()
    finally:
        await store.close()
    platforms = sorted({platform for platform, _ in counts})
    if args.json:
        statuses = ("pending", "sent", "parked")
        print(json.dumps({
            "counts": {p: {s: counts.get((p, s), 0) for s in statuses} for p in platforms},
            "parked": [{"id": d.id, "platform": d.platform, "chat": d.chat_id, "update": d.update_id,
                        "attempts": d.attempts, "error": d.error} for d in parked],
        }, ensure_ascii=False))  # fmt: skip
        return 0
    if not platforms:
        print("the outbox is empty")
        return 0
    print(f"{'platform':<10} {'pending':>8} {'sent':>8} {'parked':>8}")
    for platform in platforms:
        pending, sent, held = (counts.get((platform, s), 0) for s in ("pending", "sent", "parked"))
        print(f"{platform:<10} {pending:>8} {sent:>8} {held:>8}")
    if parked:
        print("\nlatest parked deliveries:")
        for d in parked:
            print(
                f"  #{d.id} {d.platform}:{d.chat_id} update {d.update_id}, {plural(d.attempts, 'attempt')} — {d.error}"
            )
    return 0
