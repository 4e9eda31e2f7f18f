"""Soak test: thousands of questions from hundreds of chats against the fake Telegram Bot API, with
injected 429s and slow responses, through a real `radford-bot run` process; every question must be
answered exactly once.

Loopback only, bounded in count (--questions) and time (--timeout). Half the chats are private (every
message is a question), half are groups (the bot is mentioned; its reply quotes the question, so each
reply is matched to its question exactly). The fake API refuses a share of sendMessage calls with
429 retry_after=1, delays another share by up to 2 s, and fails a share of getUpdates calls with 502.
The rate limits are off unless --limits is given (then over-limit questions get the polite slow-down
reply, which still counts as their one answer).

Run:   .venv/bin/python benchmarks/soak_telegram.py [--questions 5000] [--chats 400] [--rate 60]
Exit:  0 when every question got exactly one reply and the bot exited 0 on SIGTERM, else 1.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import signal
import socket
import statistics
import sys
import tempfile
import time
from collections import Counter, defaultdict, deque
from pathlib import Path
from typing import Any

import aiohttp

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "bot" / "adapters"))

from fake_telegram import TOKEN, ApiError, FakeTelegram  # noqa: E402


class UnreliableTelegram(FakeTelegram):
    """The fake Bot API, plus random 429s and slow answers on sendMessage and 502s on getUpdates."""

    def __init__(self, rng: random.Random, flood: float, slow: float, poll_errors: float) -> None:
        super().__init__()
        self.rng = rng
        self.flood_share, self.slow_share, self.poll_error_share = flood, slow, poll_errors
        self.injected: Counter[str] = Counter()
        self.delivered: list[tuple[float, int, int | None]] = []  # (time, chat, quoted message id)

    async def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        roll = self.rng.random()
        if roll < self.flood_share:
            self.injected["429"] += 1
            raise ApiError(429, "Too Many Requests: retry after 1", {"retry_after": 1})
        if roll < self.flood_share + self.slow_share:
            self.injected["slow"] += 1
            await asyncio.sleep(self.rng.uniform(0.2, 2.0))
        message = await super()._api_sendMessage(params)
        quoted = (params.get("reply_parameters") or {}).get("message_id")
        self.delivered.append((time.monotonic(), int(params["chat_id"]), quoted))
        return message

    async def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        if self.rng.random() < self.poll_error_share:
            self.injected["getUpdates 502"] += 1
            raise ApiError(502, "Bad Gateway")
        return await super()._api_getUpdates(params)


def questions() -> list[str]:
    facts = json.loads((ROOT / "knowledge" / "data" / "facts.json").read_text(encoding="utf-8"))["facts"]
    found = [q for fact in facts for lang in ("en", "fr") for q in fact.get("questions", {}).get(lang, [])]
    return found or ["When did Alec Radford join OpenAI?"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def wait_healthy(port: int, within: float) -> None:
    """Until /healthz says the Telegram adapter is connected (polling)."""
    deadline = time.monotonic() + within
    async with aiohttp.ClientSession() as session:
        while time.monotonic() < deadline:
            with contextlib.suppress(aiohttp.ClientError):
                async with session.get(f"http://127.0.0.1:{port}/healthz") as response:
                    if response.status == 200:
                        return
            await asyncio.sleep(0.1)
    raise TimeoutError("the bot did not become healthy")


async def scrape(port: int) -> dict[str, float]:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{port}/metrics") as response:
        text = await response.text()
    samples = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            key, value = line.rsplit(" ", 1)
            samples[key] = float(value)
    return samples


async def soak(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    fake = UnreliableTelegram(rng, args.flood, args.slow, args.poll_errors)
    await fake.start()
    health = free_port()
    folder = tempfile.TemporaryDirectory()
    env = {k: v for k, v in os.environ.items() if not k.lower().endswith("_proxy") and not k.startswith("DISCORD")}
    env.update(
        TELEGRAM_BOT_TOKEN=TOKEN, TELEGRAM_API_BASE_URL=fake.base_url, NO_PROXY="127.0.0.1,localhost",
        DATABASE_URL=f"sqlite:///{Path(folder.name) / 'bot.db'}", LOG_LEVEL="WARNING", HEALTH_PORT=str(health),
        RATE_LIMIT_PER_USER="20" if args.limits else "0", RATE_LIMIT_PER_CHAT="60" if args.limits else "0",
    )  # fmt: skip
    bot = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", cwd=folder.name, env=env,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE,
    )  # fmt: skip
    stderr_lines: deque[str] = deque(maxlen=20)
    warnings: Counter[str] = Counter()
    errors: list[str] = []

    async def read_log() -> None:
        assert bot.stderr is not None
        async for raw in bot.stderr:
            line = raw.decode(errors="replace").rstrip()
            stderr_lines.append(line)
            parts = line.split()
            if len(parts) > 3 and parts[2] in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
                warnings[" ".join(parts[2:4])] += 1
                if parts[2] in {"ERROR", "CRITICAL"} and len(errors) < 5:
                    errors.append(" ".join(parts[2:])[:300])

    reader = asyncio.create_task(read_log())
    pool = questions()
    chats = [(1_000_000 + n, "private") if n % 2 == 0 else (-1_000_000 - n, "group") for n in range(args.chats)]
    asked: dict[int, float] = {}  # group question message id → time asked
    private_asked: dict[int, deque[float]] = defaultdict(deque)
    expected: Counter[int] = Counter()
    code = 1
    try:
        await wait_healthy(health, within=60)
        started = time.monotonic()
        for number in range(args.questions):
            chat, kind = rng.choice(chats)
            question = rng.choice(pool)
            if kind == "group":
                text = f"@{fake.username} {question}"
                message = await fake.user_message(text, chat_id=chat, user_id=abs(chat) + number % 7, chat_type="group")
                asked[message["message_id"]] = time.monotonic()
            else:
                await fake.user_message(question, chat_id=chat, user_id=chat, chat_type="private")
                private_asked[chat].append(time.monotonic())
            expected[chat] += 1
            await asyncio.sleep(rng.expovariate(args.rate))
        sent_in = time.monotonic() - started
        remaining = started + args.timeout - time.monotonic()
        with contextlib.suppress(TimeoutError):
            await fake.wait_for(lambda: len(fake.delivered) >= args.questions, within=max(0.0, remaining))
        await asyncio.sleep(args.settle)  # anything late or duplicated shows up now
        drained = time.monotonic() - started
        metrics = await scrape(health)
        stopping = time.monotonic()
        bot.send_signal(signal.SIGTERM)
        exit_code = await asyncio.wait_for(bot.wait(), 60)
        stopped_in = time.monotonic() - stopping
        await reader

        per_chat: Counter[int] = Counter(chat for _, chat, _ in fake.delivered)
        quoted = Counter(q for _, chat, q in fake.delivered if chat < 0)
        latencies = []
        for at, chat, quote in fake.delivered:
            if chat < 0 and quote in asked:
                latencies.append(at - asked[quote])
            elif chat > 0 and private_asked[chat]:
                latencies.append(at - private_asked[chat].popleft())
        missing = sum(max(0, expected[c] - per_chat[c]) for c in expected)
        extra = sum(max(0, per_chat[c] - expected[c]) for c in per_chat)
        unanswered_groups = sum(1 for message_id in asked if quoted[message_id] == 0)
        twice_groups = sum(1 for n in quoted.values() if n > 1)
        latencies.sort()
        answered = sum(v for k, v in metrics.items() if k.startswith("radford_questions_total") and "answered" in k)
        summary = {
            "questions": args.questions,
            "chats": {"private": sum(1 for _, k in chats if k == "private"), "group": args.chats // 2},
            "chats_that_asked": len(expected),
            "replies": len(fake.delivered),
            "missing": missing,
            "duplicates": extra,
            "group_questions_unanswered": unanswered_groups,
            "group_questions_answered_twice": twice_groups,
            "injected": dict(fake.injected),
            "seconds_to_send": round(sent_in, 1),
            "seconds_to_drain": round(drained - args.settle, 1),
            "latency_s": {
                "p50": round(statistics.median(latencies), 3) if latencies else None,
                "p99": round(latencies[int(0.99 * (len(latencies) - 1))], 3) if latencies else None,
                "max": round(latencies[-1], 3) if latencies else None,
            },
            "bot_metrics": {
                "questions_answered": answered,
                "flood_waits": metrics.get('radford_platform_errors_total{kind="flood",platform="telegram"}', 0),
                "polling_errors": metrics.get('radford_platform_errors_total{kind="polling",platform="telegram"}', 0),
                "rate_limited": sum(v for k, v in metrics.items() if k.startswith("radford_rate_limited_total")),
            },
            "bot_exit_code": exit_code,
            "seconds_from_sigterm_to_exit": round(stopped_in, 2),
            "bot_log_lines_by_level_logger": dict(warnings.most_common(6)),
            "bot_errors_logged": errors,
        }
        print(json.dumps(summary, indent=2))
        ok = missing == 0 and extra == 0 and unanswered_groups == 0 and twice_groups == 0 and exit_code == 0
        if not ok:
            print("FAILED; last log lines:\n" + "\n".join(stderr_lines), file=sys.stderr)
        code = 0 if ok else 1
    finally:
        if bot.returncode is None:
            bot.kill()
            await bot.wait()
        await fake.stop()
        folder.cleanup()
    return code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--questions", type=int, default=5000)
    parser.add_argument("--chats", type=int, default=400)
    parser.add_argument("--rate", type=float, default=60.0, help="questions a second, on average")
    parser.add_argument("--flood", type=float, default=0.05, help="share of sendMessage refused with 429")
    parser.add_argument("--slow", type=float, default=0.10, help="share of sendMessage delayed 0.2-2 s")
    parser.add_argument("--poll-errors", type=float, default=0.02, help="share of getUpdates failing with 502")
    parser.add_argument("--timeout", type=float, default=300.0, help="give up after this many seconds")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds to wait for late duplicates")
    parser.add_argument("--limits", action="store_true", help="keep the default rate limits (20/60 a minute)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    if not 0 < args.questions <= 100_000 or not 0 < args.chats <= 10_000:
        parser.error("--questions must be 1-100,000 and --chats 1-10,000")
    return asyncio.run(soak(args))


if __name__ == "__main__":
    sys.exit(main())
