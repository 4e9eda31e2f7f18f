"""Memory over many knowledge refreshes: 500 articles ingested one after the other, each followed by the
refresh that `/addarticle` and the knowledge watcher do, printing the process's resident memory (RSS).

It used to grow without bound: `gc.freeze()` after every refresh moved everything alive at that moment,
garbage-to-be included, into the permanent generation, where the cyclic collector never looks again.
`--freeze` puts that call back (after each refresh) to show the difference on the same workload.
Each iteration also leaves a little cyclic garbage behind (as asyncio, aiosqlite and exceptions do in a
running bot), which only the cyclic collector can free.

Run: .venv/bin/python benchmarks/refresh_memory.py [--ingests 500] [--freeze]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import random
import tempfile
import time
from pathlib import Path

from knowledge.base import Knowledge
from knowledge.ingest import ingest_article, parse_article
from knowledge.store.sqlite_facts import SQLiteStore

MONTHS = 12


def rss_mb() -> float:
    """Resident memory of this process, from /proc (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


WORDS = (
    "robotics biology chemistry weather finance music poetry medicine vision speech translation law climate "
    "energy physics astronomy genomics education security privacy hardware compilers databases logistics "
    "agriculture oceans forests cities transport games theatre painting dance cooking sports archaeology "
    "linguistics geology volcanoes glaciers deserts rivers bridges tunnels satellites rockets submarines"
).split()


def article(n: int) -> str:
    """A short article of its own: words drawn per article, so no sentence repeats an earlier one."""
    rng = random.Random(n)
    month, day = 1 + n % MONTHS, 1 + n % 28
    a, b, c, d, e, f = rng.sample(WORDS, 6)
    return (
        f"title: Lab note {n} on {a} and {b}\n\n"
        f"Mira Murati announced on 2025-{month:02d}-{day:02d} that her company had hired researchers in {a}, "
        f"{b} and {c} for a project on {d}.\n"
        f"Alec Radford said on 2025-{month:02d}-{day:02d} that his experiments on {e} and {f} had ended.\n"
    )


class Cycle:
    """A few KB that only the cyclic garbage collector can free."""

    def __init__(self) -> None:
        self.me = self
        self.payload = bytearray(4096)


async def main(ingests: int, freeze: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = await SQLiteStore.open(Path(folder) / "bot.db")
        try:
            knowledge = await Knowledge.load(store)
            print(f"{'ingests':>8} {'facts':>6} {'RSS MB':>8} {'frozen objects':>15}")
            started, baseline = time.perf_counter(), rss_mb()
            print(f"{0:>8} {len(knowledge.facts):>6} {baseline:>8.1f} {gc.get_freeze_count():>15}")
            figures: dict[int, float] = {}
            for n in range(1, ingests + 1):
                garbage = [Cycle() for _ in range(25)]  # ~100 KB of cycles alive during the refresh
                await ingest_article(store, parse_article(article(n)), now=float(n))
                await knowledge.refresh()
                if freeze:
                    gc.freeze()  # what knowledge/base.py did after every build or extension
                del garbage
                if n % 50 == 0:
                    gc.collect()
                    figures[n] = rss_mb()
                    print(f"{n:>8} {len(knowledge.facts):>6} {figures[n]:>8.1f} {gc.get_freeze_count():>15}")
            elapsed = time.perf_counter() - started
        finally:
            await store.close()
    first = min(figures)
    print(
        f"\n{ingests} ingests + refreshes in {elapsed:.1f} s (gc.freeze after each: {freeze}); "
        f"RSS {baseline:.1f} MB at start, {figures[first]:.1f} MB after {first}, "
        f"{figures[max(figures)]:.1f} MB after {max(figures)}: "
        f"{figures[max(figures)] - figures[first]:+.1f} MB over the last {max(figures) - first} ingests"
    )


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--ingests", type=int, default=500)
    parser.add_argument("--freeze", action="store_true", help="call gc.freeze() after each refresh, as before")
    options = parser.parse_args()
    asyncio.run(main(options.ingests, options.freeze))
