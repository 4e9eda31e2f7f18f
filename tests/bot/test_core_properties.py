"""Property tests: whatever text, command, arguments, locale and platform arrive, the core replies,
never fails internally, and leaves the knowledge tables exactly as they were.

A longer run of the same properties (100,000 inputs) is `python benchmarks/fuzz_core.py --n 100000`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from bot.core import Core
from bot.ratelimit import QuestionLimits
from handlers.types import Incoming
from tests.bot.core_fuzz import check_reply, dump, incomings


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("properties") / "bot.db"


@pytest.fixture
async def core(database: Path) -> AsyncIterator[Core]:
    core = await Core.open(f"sqlite:///{database}")
    core.limits = QuestionLimits(0, 0)  # limits have their own tests; here every input reaches the handlers
    yield core
    await core.close()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incoming=incomings())
async def test_every_input_gets_a_reply_and_leaves_knowledge_alone(
    core: Core, database: Path, incoming: Incoming
) -> None:
    before = dump(database)
    reply = await core.handle(incoming)
    check_reply(core, incoming, reply)
    assert dump(database) == before


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(incoming=incomings())
async def test_the_same_input_twice_gets_a_reply_of_the_same_kind(core: Core, incoming: Incoming) -> None:
    first = await core.handle(incoming)
    second = await core.handle(incoming)
    check_reply(core, incoming, second)
    if incoming.command not in {"lang"}:
        assert second.kind == first.kind or {first.kind, second.kind} <= {"answer", "decline", "smalltalk"}
