"""Matcher benchmarks: answer latency, throughput, memory, build time and cold start, from 1,000 to 1,000,000
facts. Prints figures; never fails.

Run from the repository root:

    .venv/bin/python benchmarks/run.py --sizes 1000,10000,100000          # add 1000000 for the big one

Stores are built once (through extraction and `SQLiteStore.sync_source`, see `synth.py`) and cached in
`benchmarks/out/` with their questions; delete a `store-N.db` to rebuild it. Each size is measured in a
fresh process, so resident memory is that size's alone.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "benchmarks" / "out"
BOT = ROOT / ".venv" / "bin" / "radford-bot"
QUESTIONS = 1000
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def store_path(size: int) -> Path:
    return OUT / f"store-{size}.db"


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _memory() -> dict[str, float]:
    """Resident and peak resident memory of this process, in MB (Linux)."""
    found: dict[str, float] = {}
    for line in Path("/proc/self/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in {"VmRSS", "VmHWM"}:
            found[key] = int(value.split()[0]) / 1024
    return found


async def _build(size: int) -> dict[str, float]:
    from synth import Generator, write_store

    from knowledge.builder import ensure_built
    from knowledge.store.sqlite_facts import SQLiteStore

    OUT.mkdir(parents=True, exist_ok=True)
    path = store_path(size)
    for stale in OUT.glob(f"store-{size}.db*"):
        stale.unlink()
    started = time.perf_counter()
    store = await SQLiteStore.open(path)
    try:
        await ensure_built(store)
        drafts = await write_store(store, size) if size else []
        facts = await store.count_facts()
    finally:
        await store.close()
    seconds = time.perf_counter() - started
    questions = Generator(size + 1).questions(drafts, QUESTIONS) if drafts else []
    with (OUT / f"questions-{size}.jsonl").open("w", encoding="utf-8") as out:
        for q in questions:
            out.write(json.dumps({"q": q.text, "kind": q.kind, "sentence": q.sentence}, ensure_ascii=False) + "\n")
    info = {"size": size, "facts": facts, "build_s": seconds, "disk_mb": path.stat().st_size / 2**20}
    (OUT / f"store-{size}.json").write_text(json.dumps(info))
    return info


def ensure_store(size: int) -> dict[str, float]:
    info_path = OUT / f"store-{size}.json"
    if store_path(size).exists() and info_path.exists():
        info: dict[str, float] = json.loads(info_path.read_text())
        return info
    print(f"building the {size:,}-fact store …", file=sys.stderr, flush=True)
    return asyncio.run(_build(size))


def load_questions(size: int) -> list[dict[str, str | None]]:
    with (OUT / f"questions-{size}.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines]


async def _measure(size: int, naive_limit: int) -> dict[str, object]:
    """In-process figures for one store: load, memory, latency, accuracy, naive baseline."""
    from rapidfuzz import fuzz, process

    from knowledge.base import Knowledge
    from knowledge.store.sqlite_facts import SQLiteStore

    questions = load_questions(size)
    before = _memory()["VmRSS"]
    started = time.perf_counter()
    store = await SQLiteStore.open(store_path(size))
    try:
        knowledge = await Knowledge.load(store)
    finally:
        await store.close()
    load_s = time.perf_counter() - started
    memory = _memory()
    for q in questions[:20]:  # warm the caches a long-running bot has warm
        knowledge.ask(str(q["q"]))
    latencies: list[float] = []
    right = answered_oos = answered = 0
    by_kind: dict[str, list[float]] = {}
    for q in questions:
        t0 = time.perf_counter()
        result = knowledge.ask(str(q["q"]))
        elapsed = (time.perf_counter() - t0) * 1000
        latencies.append(elapsed)
        by_kind.setdefault(str(q["kind"]), []).append(elapsed)
        answered += result.answered
        if q["sentence"] is None:
            answered_oos += result.answered
        elif result.fact is not None and result.fact.sentence == q["sentence"]:
            right += 1
    texts = [f.text.en for f in knowledge.facts]
    naive: list[float] = []
    for q in questions[:naive_limit]:
        t0 = time.perf_counter()
        process.extractOne(str(q["q"]), texts, scorer=fuzz.WRatio)
        naive.append((time.perf_counter() - t0) * 1000)
    in_scope = sum(q["sentence"] is not None for q in questions)
    return {
        "size": size,
        "facts": len(knowledge.facts),
        "load_s": load_s,
        "rss_mb": memory["VmRSS"],
        "peak_mb": memory["VmHWM"],
        "index_mb": memory["VmRSS"] - before,
        "p50_ms": statistics.median(latencies),
        "p99_ms": _percentile(latencies, 0.99),
        "max_ms": max(latencies),
        "p50_by_kind": {k: statistics.median(v) for k, v in by_kind.items()},
        "right": right,
        "in_scope": in_scope,
        "oos_answered": answered_oos,
        "oos": len(questions) - in_scope,
        "naive_n": len(naive),
        "naive_p50_ms": statistics.median(naive) if naive else None,
        "naive_p99_ms": _percentile(naive, 0.99) if naive else None,
    }


def _env(size: int) -> dict[str, str]:
    return {**os.environ, "DATABASE_URL": f"sqlite:///{store_path(size)}"}


def throughput(size: int) -> dict[str, float]:
    """`radford-bot ask --json` on a stream of the size's questions: whole process, start-up included."""
    questions = load_questions(size)
    payload = "".join(str(q["q"]) + "\n" for q in questions)
    started = time.perf_counter()
    done = subprocess.run(
        [str(BOT), "ask", "--json"], input=payload, capture_output=True, text=True, env=_env(size), check=False
    )
    seconds = time.perf_counter() - started
    lines = sum(1 for line in done.stdout.splitlines() if line.startswith("{"))
    return {"stream_s": seconds, "stream_qps": lines / seconds, "stream_answers": lines}


def cold_ask(size: int, runs: int = 5) -> float:
    """Median wall time of `radford-bot ask "question"` as a whole process."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(
            [str(BOT), "ask", "When did Alec Radford join OpenAI?"], capture_output=True, env=_env(size), check=False
        )
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def cold_chat(size: int, runs: int = 5) -> float:
    """Median wall time from starting `radford-bot chat` to its greeting (with piped input the console prints
    no prompt before a line arrives: it echoes each line after `you> ` once read)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        child = subprocess.Popen(
            [str(BOT), "chat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=_env(size), bufsize=0
        )
        assert child.stdout is not None and child.stdin is not None
        seen = b""
        while b"bot>" not in seen:
            chunk = child.stdout.read(1)
            if not chunk:
                break
            seen += chunk
        times.append(time.perf_counter() - started)
        child.stdin.close()
        child.wait(timeout=30)
    return statistics.median(times)


def measure_in_child(size: int, naive_limit: int) -> dict[str, object]:
    done = subprocess.run(
        [sys.executable, __file__, "--measure", str(size), "--naive", str(naive_limit)],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _naive_limit(size: int) -> int:
    """The naive scan is linear: at a million facts it takes seconds per question, so fewer questions."""
    return QUESTIONS if size <= 10_000 else 100 if size <= 100_000 else 20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000,100000", help="synthetic facts per store, comma-separated")
    parser.add_argument("--measure", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--naive", type=int, default=QUESTIONS, help=argparse.SUPPRESS)
    parser.add_argument("--no-stream", action="store_true", help="skip the `ask --json` stream throughput")
    args = parser.parse_args()
    if args.measure is not None:
        print(json.dumps(asyncio.run(_measure(args.measure, args.naive))))
        return
    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    ensure_store(0)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, {os.uname().machine}")
    print(f"cold start on the real store: ask {cold_ask(0):.3f} s, chat until its greeting {cold_chat(0):.3f} s")
    header = (
        f"{'facts':>9} {'build':>8} {'disk':>8} {'load':>7} {'RSS':>7} {'p50':>7} {'p99':>7} {'max':>7}"
        f" {'naive p50':>9} {'ratio':>6} {'stream q/s':>10} {'right':>9} {'oos ans':>7}"
    )
    print(header)
    for size in sizes:
        info = ensure_store(size)
        m = measure_in_child(size, _naive_limit(size))
        stream = {"stream_qps": float("nan")} if args.no_stream else throughput(size)
        naive = m["naive_p50_ms"]
        ratio = float(naive) / float(m["p50_ms"]) if isinstance(naive, float) else float("nan")  # type: ignore[arg-type]
        print(
            f"{m['facts']:>9,} {info['build_s']:>7.1f}s {info['disk_mb']:>6.1f}MB {m['load_s']:>6.2f}s"
            f" {m['rss_mb']:>5.0f}MB {m['p50_ms']:>5.2f}ms {m['p99_ms']:>5.2f}ms {m['max_ms']:>5.1f}ms"
            f" {naive:>7.1f}ms {ratio:>5.0f}x {stream['stream_qps']:>10.0f}"
            f" {m['right']:>4}/{m['in_scope']:<4} {m['oos_answered']:>3}/{m['oos']:<3}",
            flush=True,
        )
        print("   " + json.dumps({**info, **m, **stream}), flush=True)


if __name__ == "__main__":
    main()
