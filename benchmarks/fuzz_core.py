"""Fuzz the core: N random messages (arbitrary Unicode, commands with random arguments, random locales,
platforms and chats), each of which must get a well-formed reply without an internal error, while the
knowledge tables stay exactly as they were. The CI property tests check the same with a few hundred
inputs (tests/bot/test_core_properties.py); this is the long run.

Run:   .venv/bin/python benchmarks/fuzz_core.py --n 100000 [--seed 1] [--check-every 100]
Exit:  0 when every input passed; 1 with the first failing input printed (and saved under benchmarks/out/).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.core import Core  # noqa: E402
from bot.ratelimit import QuestionLimits  # noqa: E402
from handlers.commands import COMMANDS  # noqa: E402
from handlers.types import Incoming  # noqa: E402
from tests.bot.core_fuzz import ADMIN_COMMANDS, check_reply, dump  # noqa: E402

WORDS = (
    "Radford OpenAI GPT GPT-2 GPT-1 CLIP Whisper Murati McGrew Zoph Schulman Sutskever Chen Amodei Anthropic "
    "when who what why left join quitté rejoint quand qui pourquoi il elle she he 2016 2018 2024 December "
    "décembre ? ! « » ' \" / @ # * _ ` < > & &amp; <b> </i> ; ~ | \\ \u200b \u202e \ufeff 🙂 👩‍🔬 \x00 \t \n"
).split(" ")
LOCALES = [None, "en", "fr", "fr-CA", "en_US", "FR", "de", "pt-BR", "zz", "", "-", "x" * 40]
PLATFORMS = ["telegram", "discord", "console", "cli"]
NAMES = [c.name for c in COMMANDS]
RANGES = [(0x20, 0x7E), (0xA0, 0x24F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x6FF), (0x900, 0x97F),
          (0x3040, 0x30FF), (0x4E00, 0x9FFF), (0x1F300, 0x1FAFF), (0x0, 0x1F), (0xE000, 0xF8FF),
          (0x10000, 0x10FFFF), (0xD800, 0xDFFF)]  # fmt: skip


def random_text(rng: random.Random) -> str:
    shape = rng.random()
    if shape < 0.35:
        return " ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 25)))
    if shape < 0.85:
        low, high = rng.choice(RANGES)
        others = rng.sample(RANGES, 2)
        size = rng.choice([0, 1, 2, 5, 20, 80, 200, 499, 500, 501, 1000])
        chars = []
        for _ in range(size):
            lo, hi = (low, high) if rng.random() < 0.8 else rng.choice(others)
            chars.append(chr(rng.randint(lo, hi)))
        return "".join(chars)
    if shape < 0.95:
        return rng.choice(WORDS) * rng.randint(1, 3000)
    return "".join(rng.choice(WORDS) for _ in range(rng.randint(100, 4000)))


def random_incoming(rng: random.Random) -> Incoming:
    platform = rng.choice(PLATFORMS)
    chat, user = str(rng.randint(-(10**12), 10**12)), str(rng.randint(1, 10**6))
    locale = rng.choice(LOCALES)
    kind = rng.choice(["private", "group"])
    if rng.random() < 0.5:
        return Incoming.from_text(platform, chat, user, random_text(rng), locale=locale, chat_kind=kind)
    name = rng.choice(NAMES) if rng.random() < 0.8 else "".join(rng.choices("abcxyz_019", k=rng.randint(1, 32)))
    if name in ADMIN_COMMANDS and platform in ("console", "cli"):
        platform = "telegram"  # the local terminal is an operator: its /addarticle may change the store
    args = rng.choice(["", "en", "fr", "auto", "de", "radford", "murati", "2024", "gpt"]) if rng.random() < 0.3 else ""
    args = args or random_text(rng)
    if rng.random() < 0.5:  # parsed by the adapter (Discord's slash commands)
        return Incoming(platform, chat, user, f"/{name} {args}", kind, locale, name, args)  # type: ignore[arg-type]
    addressee = rng.choice(["", "@radford_bot", "@someone_else_bot"])
    return Incoming.from_text(platform, chat, user, f"/{name}{addressee} {args}", locale=locale, chat_kind=kind)


async def fuzz(n: int, seed: int, check_every: int) -> int:
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "bot.db"
        core = await Core.open(f"sqlite:///{database}")
        core.limits = QuestionLimits(0, 0)  # every input reaches the handlers; the limits have their own tests
        before = dump(database)
        kinds: Counter[str] = Counter()
        latencies: list[float] = []
        started = time.perf_counter()
        try:
            for number in range(1, n + 1):
                incoming = random_incoming(rng)
                t0 = time.perf_counter()
                try:
                    reply = await core.handle(incoming)
                    latencies.append(time.perf_counter() - t0)
                    check_reply(core, incoming, reply)
                    if number % check_every == 0 or number == n:
                        assert dump(database) == before, "the knowledge tables changed"
                except AssertionError as failure:
                    return report_failure(number, seed, incoming, failure)
                kinds[reply.kind] += 1
                if number % 10_000 == 0:
                    print(f"  {number:,} inputs, {time.perf_counter() - started:.0f} s", file=sys.stderr)
        finally:
            await core.close()
    elapsed = time.perf_counter() - started
    latencies.sort()
    summary = {
        "inputs": n,
        "seed": seed,
        "failures": 0,
        "internal_errors": core.stats.errors,
        "replies_by_kind": dict(kinds.most_common()),
        "seconds": round(elapsed, 1),
        "inputs_per_second": round(n / elapsed),
        "latency_ms": {
            "p50": round(1000 * statistics.median(latencies), 2),
            "p99": round(1000 * latencies[int(0.99 * (len(latencies) - 1))], 2),
            "max": round(1000 * latencies[-1], 2),
        },
        "max_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "knowledge_tables_unchanged": True,
    }
    print(json.dumps(summary, indent=2, ensure_ascii=False))
    return 0


def report_failure(number: int, seed: int, incoming: Incoming, failure: AssertionError) -> int:
    out = ROOT / "benchmarks" / "out"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"fuzz-failure-{seed}-{number}.json"
    record = {"input_number": number, "seed": seed, "incoming": repr(incoming), "failure": str(failure)}
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"FAILED at input {number} (seed {seed}): {failure}\n{incoming!r}\nsaved to {path}", file=sys.stderr)
    return 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--n", type=int, default=100_000, help="how many inputs (default 100,000)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--check-every", type=int, default=100, help="compare the knowledge tables this often")
    args = parser.parse_args()
    return asyncio.run(fuzz(args.n, args.seed, args.check_every))


if __name__ == "__main__":
    sys.exit(main())
