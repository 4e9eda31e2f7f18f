"""Start-up of the knowledge: `Knowledge.load` on a store, timed, then one question; resident memory after.

    .venv/bin/python benchmarks/startup.py sqlite:////tmp/s100k.db      # or a postgresql:// URL

The first run on a store builds the matcher's index and saves it (`knowledge/index_cache.py`); the next
runs load it. Use a copy of a cached benchmark store (benchmarks/out/store-N.db, made by run.py), so the
saved index does not change what run.py measures.
"""

from __future__ import annotations

import asyncio
import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def memory() -> str:
    found = dict(line.split(":", 1) for line in Path("/proc/self/status").read_text().splitlines() if ":" in line)
    return f"RSS {found['VmRSS'].strip()}, peak {found['VmHWM'].strip()}"


async def main(url: str) -> None:
    from knowledge.base import Knowledge
    from knowledge.store import open_store

    started = time.perf_counter()
    store = await open_store(url)
    try:
        knowledge = await Knowledge.load(store)
        print(f"load {time.perf_counter() - started:.2f} s, {len(knowledge.facts):,} facts; {memory()}")
        result = knowledge.ask("When did Alec Radford join OpenAI?")
        print("answered:", result.answered, result.fact.id if result.fact else None)
    finally:
        await store.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    asyncio.run(main(sys.argv[1]))
