"""The factory picks an engine by URL, and our PostgreSQL parameters are read before asyncpg sees the DSN."""

from __future__ import annotations

import pytest

from knowledge.store import StoreError, StoreURLError, engine_of, open_store
from knowledge.store.postgres_url import postgres_url


@pytest.mark.parametrize(
    ("url", "engine"),
    [
        ("sqlite:////var/lib/bot.db", "sqlite"),
        ("/tmp/bare.db", "sqlite"),
        ("postgresql://bot@db:5432/bot", "postgresql"),
        ("postgres://bot@db/bot?schema=radford&pool=8", "postgresql"),
    ],
)
def test_engine_by_url(url: str, engine: str) -> None:
    assert engine_of(url) == engine


def test_our_parameters_leave_the_dsn_and_the_others_stay() -> None:
    parsed = postgres_url("postgres://bot:pw@db:5433/bot?schema=radford&pool=8&sslmode=require")
    assert (parsed.schema, parsed.pool) == ("radford", 8)
    assert parsed.dsn == "postgresql://bot:pw@db:5433/bot?sslmode=require"
    assert postgres_url("postgresql://db/bot").schema == "public"


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("postgresql://db/bot?schema=Robert'); DROP", "schema="),
        ("postgresql://db/bot?pool=0", "pool="),
        ("postgresql://db/bot?pool=many", "pool="),
        ("mysql://db/bot", "unsupported database scheme 'mysql'"),
    ],
)
def test_bad_urls_are_refused_with_the_reason(url: str, reason: str) -> None:
    with pytest.raises(StoreURLError, match=reason):
        engine_of(url)


async def test_an_unreachable_server_is_a_store_error_naming_the_cause() -> None:
    with pytest.raises(StoreError, match="cannot reach the PostgreSQL store"):
        await open_store("postgresql://postgres@127.0.0.1:9/test?schema=nowhere")
