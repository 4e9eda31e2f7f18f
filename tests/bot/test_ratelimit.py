"""Token buckets: a burst passes, the steady rate refills, memory stays bounded, the console is exempt."""

from __future__ import annotations

from bot.ratelimit import QuestionLimits, TokenBuckets
from handlers.types import Incoming


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_a_burst_passes_then_the_bucket_refills_at_the_rate() -> None:
    clock = Clock()
    buckets = TokenBuckets(20, clock=clock)
    assert all(buckets.take("u") for _ in range(20))
    assert not buckets.take("u")
    assert 2.9 < buckets.retry_after("u") <= 3.0  # one token every 3 s at 20 a minute
    clock.now += 3.0
    assert buckets.take("u")
    assert not buckets.take("u")
    clock.now += 3600
    assert sum(buckets.take("u") for _ in range(100)) == 20, "never more than a full bucket"


def test_zero_disables_the_limit() -> None:
    buckets = TokenBuckets(0)
    assert all(buckets.take("u") for _ in range(10_000))
    assert len(buckets) == 0


def test_memory_is_bounded_by_forgetting_the_least_recently_seen() -> None:
    buckets = TokenBuckets(5, capacity=100)
    for n in range(10_000):
        buckets.take(f"user-{n}")
    assert len(buckets) == 100


def incoming(user: str, chat: str, platform: str = "telegram") -> Incoming:
    return Incoming(platform, chat, user, "hello?")


def test_the_chat_limit_holds_a_group_where_each_user_is_within_theirs() -> None:
    limits = QuestionLimits(per_user=3, per_chat=5, clock=Clock())
    verdicts = [limits.check(incoming(f"u{n % 4}", "group")) for n in range(8)]
    assert [v.allowed for v in verdicts] == [True] * 5 + [False] * 3
    assert {v.scope for v in verdicts[5:]} == {"chat"}
    assert limits.check(incoming("u0", "private-u0")).allowed, "a refusal in the group spent no user token"


def test_a_refused_user_spends_no_chat_token() -> None:
    limits = QuestionLimits(per_user=2, per_chat=3, clock=Clock())
    assert [limits.check(incoming("spammer", "g")).allowed for _ in range(5)] == [True, True, False, False, False]
    assert limits.check(incoming("other", "g")).allowed


def test_the_console_and_the_cli_are_never_limited() -> None:
    limits = QuestionLimits(per_user=1, per_chat=1)
    assert all(limits.check(incoming("local", "local", "console")).allowed for _ in range(100))
    assert all(limits.check(incoming("cli", "cli", "cli")).allowed for _ in range(100))


def test_a_refused_user_is_told_once_per_window_then_again_in_the_next() -> None:
    clock = Clock()
    limits = QuestionLimits(per_user=1, per_chat=100, clock=clock)
    question = Incoming.from_text("telegram", "1", "7", "When did Alec Radford join OpenAI?")
    assert limits.check(question).allowed
    verdicts = [limits.check(question) for _ in range(5)]
    assert not any(v.allowed for v in verdicts)
    assert [v.notify for v in verdicts] == [True, False, False, False, False]
    clock.now += 61  # the window is over: a token again
    assert limits.check(question).allowed
    again = limits.check(question)
    assert not again.allowed and again.notify, "a new window is told again"


async def test_the_core_marks_every_refusal_after_the_first_of_a_window_quiet(core) -> None:
    from bot.core import is_quiet

    core.limits = QuestionLimits(per_user=1, per_chat=100)
    question = Incoming.from_text("telegram", "1", "7", "When did Alec Radford join OpenAI?")
    replies = [await core.handle(question) for _ in range(4)]
    assert [r.answered for r in replies] == [True, False, False, False]
    assert [is_quiet(r) for r in replies] == [False, False, True, True]
    assert all("faster" in str(r.blocks) for r in replies[1:]), "the text is still there for inline results"
