"""`radford-bot migrate-store SOURCE_URL TARGET_URL`: move a store between engines (SQLite ⇄ PostgreSQL)."""

from __future__ import annotations

import argparse
import sys
import time
from typing import Any

from bot.settings import Settings


def add_store_commands(sub: Any) -> None:
    migrate = sub.add_parser(
        "migrate-store",
        help="copy a store to another (sqlite:///… ⇄ postgresql://…), verified by counts and a checksum",
    )
    migrate.add_argument("source", help="the store to copy (stop the bot first, or copy from a backup)")
    migrate.add_argument("target", help="an empty store: a new SQLite file, or an empty PostgreSQL schema")
    migrate.set_defaults(func=cmd_migrate_store)
    index = sub.add_parser("index", help="build and save the matcher's index when the facts changed (fast starts)")
    index.set_defaults(func=cmd_index)


async def cmd_index(settings: Settings, args: argparse.Namespace) -> int:
    """What a start does, stopping there: load the saved index, or build it and save it for every process."""
    from knowledge.base import Knowledge
    from knowledge.discovered import all_entities
    from knowledge.index_cache import index_key
    from knowledge.store import open_store

    started = time.perf_counter()
    store = await open_store(settings.database_url)
    try:
        key = await index_key(store, await all_entities(store))
        fresh = (await store.saved_index() or "").startswith(key + ":")
        knowledge = await Knowledge.load(store)
    finally:
        await store.close()
    state = "was up to date" if fresh else "built and saved"
    print(f"matcher index for {len(knowledge.facts):,} facts {state} in {time.perf_counter() - started:.1f} s")
    return 0


async def cmd_migrate_store(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.store import open_store
    from knowledge.store.copy import CopyError, copy_store
    from knowledge.store.shared_facts import SharedFacts

    started = time.perf_counter()
    source = await open_store(args.source)
    try:
        target = await open_store(args.target)
        try:
            assert isinstance(source, SharedFacts) and isinstance(target, SharedFacts)
            report = await copy_store(source, target)
        except CopyError as error:
            print(f"radford-bot: migrate-store: {error}", file=sys.stderr)
            return 1
        finally:
            await target.close()
    finally:
        await source.close()
    for table, count in report.counts.items():
        print(f"{table:14s} {count:>10,}")
    print(f"facts checksum {report.checksum[:16]} (same in both)")
    print(f"copied and verified in {time.perf_counter() - started:.1f} s")
    return 0
