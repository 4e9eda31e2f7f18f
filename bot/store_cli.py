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
